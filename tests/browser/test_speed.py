"""The filler's speed: one keystroke updates every template on a page of all of
them well within a frame (16 ms). Its weight is budgeted in tests/engine/test_budgets.py."""

from __future__ import annotations

import shutil
import statistics

import pytest
import yaml

from browser import build_site, serve
from paths import ROOT

FRAME_MS = 16


@pytest.fixture(scope="module")
def all_cards_url(tmp_path_factory, pack):
    """The handbook plus one page holding every template in the pack."""
    project = tmp_path_factory.mktemp("all-cards")
    for folder in ("docs", "templates", "overrides", "macros"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "CONTRIBUTING.md", project)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Every template": "all-cards.md"})
    config.pop("watch")  # only for `mkdocs serve`
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cards = "\n\n".join(f'{{{{ template_card("{t}") }}}}' for t in pack.templates)
    (project / "docs" / "all-cards.md").write_text(
        f"---\ntitle: Every template\ndescription: All of them.\n---\n\n# Every template\n\n{cards}\n",
        encoding="utf-8")
    site = tmp_path_factory.mktemp("all-cards-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url + "all-cards/"


@pytest.mark.browser
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
