"""The reader's side of safety (issue 17, items 6 and 7), in headless Chromium: a page
framed by another site shows only a link out; a save the browser refuses is said
out loud and nothing claims it was kept; "Clear this client" leaves no trace of them."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from harness.serve import serve
from fill_page import card_action
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
FILLER = STRINGS.filler
PAGE = "playbooks/team-mistake/"
# Every write of ours fails while window.__full is set, as over the storage quota
# (set in the page: the script looks setItem up on each write).
FULL = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full && String(key).startsWith("mir:")) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();"""


def open_page(page, url):
    """The shared tab at `url`, its panel open."""
    page.goto(url)
    expect(page.locator("[data-mir-fields]")).to_be_visible()
    page.click("[data-mir-toggle]")
    return page


def stored_case(page):
    data = json.loads(page.evaluate("sessionStorage.getItem('mir:cases')"))
    return next(c for c in data["cases"] if c["id"] == data["active"])


def test_a_page_framed_by_another_site_shows_only_a_link_out(chromium, site_url, tmp_path):
    # A stranger's page on another origin (another port), holding ours in a frame.
    (tmp_path / "framer.html").write_text(
        f'<iframe src="{site_url}{PAGE}" width="800" height="600"></iframe>', encoding="utf-8")
    page = chromium.new_page()
    with serve(tmp_path) as stranger:
        page.goto(stranger + "framer.html")
        frame = page.frame_locator("iframe")
        link = frame.locator("[data-mir-framed] a")
        expect(link).to_be_visible()
        expect(link).to_have_text(FILLER.framed)
        expect(link).to_have_attribute("href", f"{site_url}{PAGE}")
        expect(link).to_have_attribute("target", "_blank")
        for gone in ("[data-mir-remember]", ".mir-card", "[data-mir-fields]", "article"):
            expect(frame.locator(gone)).to_have_count(0)
        assert page.url == stranger + "framer.html", "the browser kept the stranger's page on top"
    page.close()


def test_the_same_page_unframed_shows_no_notice(tab, site_url):
    page = open_page(tab, site_url + PAGE)
    expect(page.locator("[data-mir-framed]")).to_be_hidden()
    expect(page.locator(".mir-card").first).to_be_visible()


def test_a_refused_save_is_announced_and_nothing_claims_it_was_kept(tab, site_url):
    page = open_page(tab, site_url + PAGE)
    page.evaluate(FULL)
    status = page.locator("[data-mir-bar] [data-mir-status]")
    page.evaluate("window.__full = true")
    page.fill("#mir-f-client_name", "Priya")
    expect(status).to_have_text(FILLER.messages.save_failed)
    # Ticking Remember while full: refused, the box unticked, no "kept" message.
    remember = page.locator('[data-mir-remember="cases"]')
    remember.click()
    expect(status).to_have_text(FILLER.messages.save_failed)
    expect(remember).not_to_be_checked()
    assert page.evaluate("localStorage.getItem('mir:remember-cases')") is None
    # Room again: the next save works, and Remember says what it does.
    page.evaluate("window.__full = false")
    page.fill("#mir-f-client_name", "Priya Nair")
    # Typing is saved once the page is idle, a moment after the key.
    page.wait_for_function("() => (sessionStorage.getItem('mir:cases') || '').includes('Priya Nair')")
    assert stored_case(page)["values"]["client_name"] == "Priya Nair"
    remember.click()
    expect(status).to_have_text(FILLER.messages.remembered)
    expect(remember).to_be_checked()
    assert page.errors == []


def test_clearing_a_client_takes_its_typed_name_and_sent_marks(tab, site_url):
    page = open_page(tab, site_url + PAGE)
    page.fill("#mir-f-client_name", "Priya")
    page.fill("#mir-case-name", "Acme rollout")
    card = page.locator('.mir-card[data-template="call-back-team-mistake"]')
    card_action(card, "copy").click()
    # Its other blanks are empty: the dialog asks, and the reader copies anyway.
    dialog = page.locator("[data-mir-dialog]")
    expect(dialog).to_be_visible()
    dialog.locator("[data-mir-anyway]").click()
    # The plan's mark (the plan may be folded: its own hidden flag says it all).
    mark = page.locator('[data-mir-mark="call-back-team-mistake"]').first
    expect(mark).to_have_js_property("hidden", False)
    assert stored_case(page)["done"] == ["call-back-team-mistake"]
    page.get_by_role("button", name=FILLER.case_clear).click()
    expect(mark).to_have_js_property("hidden", True)
    expect(page.locator("#mir-case-name")).not_to_have_value("Acme rollout")
    expect(page.locator("[data-mir-bar-case]")).not_to_contain_text("Acme")
    case = stored_case(page)
    assert case["done"] == [] and case["values"] == {} and "Acme" not in case["name"]
    assert "Priya" not in page.evaluate("sessionStorage.getItem('mir:cases')")
    # Undo brings all of it back.
    page.locator("[data-mir-bar]").get_by_role("button", name=FILLER.undo).click()
    expect(page.locator("#mir-case-name")).to_have_value("Acme rollout")
    expect(mark).to_have_js_property("hidden", False)
    assert page.errors == []
