"""The active client on every page: a page without templates says whose case is open,
with a link back to where it can be changed, and says nothing while no case has values."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe_check import axe_violations
from harness.chromium import wait_for_instant_navigation
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
NO_TEMPLATES = ["", "which-playbook/", "templates/", "phrase-bank/", "checklists/team-mistake/",
                "contributing/"]


def ready(page, url):
    page.goto(url)
    page.wait_for_selector("[data-mir-here]", state="attached")


def test_no_line_while_no_case_has_values(tab, site_url):
    page = tab
    ready(page, site_url)
    assert page.locator("[data-mir-here]").is_hidden()
    # A case that is only named, with nothing typed for the client: still nothing.
    ready(page, site_url + "playbooks/team-mistake/")
    page.click("[data-mir-toggle]")
    page.fill("#mir-case-name", "Acme")
    page.fill("#mir-f-your_name", "Sam")  # About me is not a client's value
    ready(page, site_url + "phrase-bank/")
    assert page.locator("[data-mir-here]").is_hidden()
    # The same page, once the client has a value: the line shows (so the script had run).
    ready(page, site_url + "playbooks/team-mistake/")
    page.click("[data-mir-toggle]")
    page.fill("#mir-f-client_name", "Priya")
    ready(page, site_url + "phrase-bank/")
    expect(page.locator("[data-mir-here]")).to_be_visible()


def test_pages_without_templates_name_the_client_and_lead_back(tab, site_url):
    page = tab
    ready(page, site_url + "playbooks/my-mistake/")
    page.click("[data-mir-toggle]")
    page.fill("#mir-case-name", "Acme & <Sons>")
    page.fill("#mir-f-client_name", "Priya")
    expect(page.locator("[data-mir-here]"), "the bar names the client here").to_be_hidden()
    said = f"{STRINGS.filler.bar_case.format(case='Acme & <Sons>')} {STRINGS.filler.here_change}"
    for path in NO_TEMPLATES:
        ready(page, site_url + path)
        line = page.locator("[data-mir-here]")
        expect(line, path).to_have_text(said, use_inner_text=True)
    assert axe_violations(page, ".mir-here") == []
    # Instant navigation (same document) shows it too; its link opens the fill-in
    # where the client was typed, panel open, same case.
    wait_for_instant_navigation(page)
    page.evaluate("window.__same_document = true")
    page.locator('.md-nav__link[href$="phrase-bank/"]').first.click()
    page.wait_for_url("**/phrase-bank/")
    expect(page.locator("[data-mir-here]")).to_be_visible()
    page.get_by_role("link", name=STRINGS.filler.here_change).click()
    page.wait_for_url("**/playbooks/my-mistake/#mir-fields")
    expect(page.locator("[data-mir-body]")).to_be_visible()
    assert page.evaluate("window.__same_document") is True
    expect(page.locator("#mir-case-name")).to_have_value("Acme & <Sons>")
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")
    # Remembered on this device: a new tab shows it from there.
    page.check('[data-mir-remember="cases"]')
    other = tab.context.new_page()  # beside the shared tab, which closes it when cleaned
    ready(other, site_url + "checklists/my-mistake/")
    expect(other.locator("[data-mir-here]")).to_contain_text("Acme & <Sons>")
    assert page.errors == []
