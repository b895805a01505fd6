"""What keeps the filler fast, checked for what it does: one keystroke updates every
template on a page of all of them, and cards behind the focus view wait. How fast is
measured and printed by scripts/filler_bench.py (`make filler-bench`), beside its
targets: timings on a busy machine belong in a report, not in a pass or fail here.
Its weight is budgeted in tests/site/test_budgets.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.browser
@pytest.mark.xdist_group("all-cards")
def test_one_keystroke_updates_every_template(tab, all_cards_url, pack):
    page = tab
    page.goto(all_cards_url)
    page.wait_for_selector("[data-mir-fields]:not([hidden])")  # the script is listening
    field = max(["client_name", "your_name"],
                key=lambda name: sum(name in t.fields for t in pack.templates.values()))
    using = sum(field in t.fields for t in pack.templates.values())
    assert using >= 10, f"no field is used by 10 templates ({field}: {using})"
    # One input event per keystroke, as typing sends them.
    page.evaluate("""name => {
        const input = document.querySelector(`[name="${name}"]`);
        for (let i = 0; i < 100; i++) {
            input.value += "ab"[i % 2];
            input.dispatchEvent(new Event("input", { bubbles: true }));
        }
    }""", field)
    shown = page.locator(f'.mir-blank[data-field="{field}"]')
    assert shown.count() >= 10
    expect(shown).to_have_text(["ab" * 50] * shown.count())


@pytest.mark.browser
def test_cards_behind_the_focus_view_wait_until_it_closes(tab, site_url):
    """A keystroke in the focus view lays out its preview, not the cards behind the dialog
    (they update, unrendered, and render again once it closes)."""
    page = tab
    page.goto(site_url + "playbooks/team-mistake/")
    shown = "cards => [...new Set(cards.map(c => getComputedStyle(c).contentVisibility))]"
    cards = page.locator(".mir-card")
    assert cards.evaluate_all(shown) == ["auto"]
    page.locator('.mir-card[data-template="apology-team-mistake"] [data-mir-action="fill"]').click()
    page.locator("[data-mir-focus]").wait_for()
    assert cards.evaluate_all(shown) == ["hidden"]
    page.keyboard.type("Priya")
    page.keyboard.press("Escape")
    expect(page.locator("[data-mir-focus]")).to_be_hidden()
    # The dialog's close event, which brings the cards back, comes a task after it hides.
    page.wait_for_function("""() => [...document.querySelectorAll(".mir-card")]
        .every(c => getComputedStyle(c).contentVisibility === "auto")""", timeout=5_000)
    assert cards.evaluate_all(shown) == ["auto"]
    expect(page.locator('.mir-card[data-template="apology-team-mistake"] .mir-card__text')).to_contain_text(
        "Priya", use_inner_text=True)
