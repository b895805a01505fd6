"""The filler's speed: one keystroke updates every template on a page of all of
them well within a frame (16 ms). Its weight is budgeted in tests/engine/test_budgets.py."""

from __future__ import annotations

import statistics

import pytest

FRAME_MS = 16


@pytest.mark.browser
@pytest.mark.xdist_group("all-cards")
def test_one_keystroke_updates_every_template_within_a_frame(chromium, all_cards_url, pack, capsys):
    page = chromium.new_page()
    page.goto(all_cards_url)
    field = max(["client_name", "your_name"],
                key=lambda name: sum(name in t.fields for t in pack.templates.values()))
    using = sum(field in t.fields for t in pack.templates.values())
    assert using >= 10, f"no field is used by 10 templates ({field}: {using})"
    # Each keystroke: the input event, then the style and layout it causes.
    times = page.evaluate("""name => {
        const input = document.querySelector(`[name="${name}"]`);
        const times = [];
        for (let i = 0; i < 100; i++) {
            input.value += "ab"[i % 2];
            const start = performance.now();
            input.dispatchEvent(new Event("input", { bubbles: true }));
            document.body.offsetHeight;
            times.push(performance.now() - start);
        }
        return times;
    }""", field)
    shown = page.locator(f'.mir-blank[data-field="{field}"]').all_text_contents()
    assert len(shown) >= 10 and all(text == ("ab" * 50) for text in shown)
    median, worst = statistics.median(times), max(times)
    p95 = sorted(times)[94]
    with capsys.disabled():
        print(f"\nkeystroke on '{field}' ({using} templates, {len(pack.templates)} cards on the page):"
              f" median {median:.2f} ms, p95 {p95:.2f} ms, worst {worst:.2f} ms over 100")
    # The median: a busy two-core CI machine can stall any single keystroke; the
    # p95 and worst are printed above for the record.
    assert median < FRAME_MS
    page.close()


@pytest.mark.browser
def test_cards_behind_the_focus_view_wait_until_it_closes(chromium, site_url):
    """A keystroke in the focus view lays out its preview, not the cards behind the dialog
    (they update, unrendered, and render again once it closes)."""
    page = chromium.new_page()
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    shown = "cards => [...new Set(cards.map(c => getComputedStyle(c).contentVisibility))]"
    cards = page.locator(".mir-card")
    assert cards.evaluate_all(shown) == ["auto"]
    page.locator('.mir-card[data-template="apology-team-mistake"] [data-mir-action="fill"]').click()
    page.locator("[data-mir-focus]").wait_for()
    assert cards.evaluate_all(shown) == ["hidden"]
    page.keyboard.type("Priya")
    page.keyboard.press("Escape")
    assert cards.evaluate_all(shown) == ["auto"]
    assert "Priya" in page.locator('.mir-card[data-template="apology-team-mistake"] .mir-card__text').inner_text()
    page.close()
