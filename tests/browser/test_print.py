"""Printing: each checklist, and one filled template, fit one clean page."""

from __future__ import annotations

import re

import pytest

from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
PLAYBOOKS = ["team-mistake", "my-mistake", "broken-promise", "angry-client"]


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", page.pdf(format="A4")))


@pytest.mark.parametrize("playbook", PLAYBOOKS)
def test_checklist_prints_on_one_page_without_the_site_around_it(chromium, site_url, playbook):
    page = chromium.new_page()
    page.goto(site_url + f"checklists/{playbook}/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".mir-checklist li").count() >= 5
    assert pdf_pages(page) == 1
    page.close()


def test_playbook_links_to_its_printable_checklist(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "playbooks/team-mistake/")
    link = page.get_by_role("link", name=STRINGS.checklist.print_link)
    assert link.get_attribute("href").endswith("checklists/team-mistake/")
    page.emulate_media(media="print")
    assert link.is_hidden()
    page.close()


def test_one_filled_template_prints_alone_on_one_page(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "playbooks/team-mistake/")
    page.evaluate("() => { window.print = () => { window.__printed = document.querySelector("
                  "'.mir-print-target').dataset.template } }")
    card = page.locator('.mir-card[data-template="apology-team-mistake"]')
    page.click("[data-mir-toggle]")
    for name in card.locator(".mir-blank").evaluate_all("b => b.map(x => x.dataset.field)"):
        page.fill(f"#mir-f-{name}", "Filled")
    card.get_by_role("button", name=STRINGS.filler.actions["print"], exact=True).click()
    assert page.evaluate("window.__printed") == "apology-team-mistake"
    page.emulate_media(media="print")
    assert card.locator(".mir-card__text").is_visible()
    for hidden in (".md-header", ".mir-fields", "h1", '.mir-card[data-template="call-back-team-mistake"]',
                   ".mir-card__actions", ".mir-card__meta"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert pdf_pages(page) == 1
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(".mir-printing, .mir-print-target").count() == 0
    page.close()


def test_a_whole_playbook_prints_without_the_fill_in_and_keeps_headings_with_cards(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    page.emulate_media(media="print")
    for hidden in (".mir-bar", ".mir-fields", ".mir-card__actions", ".mir-skip", ".mir-plan"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("#tpl-apology-team-mistake").evaluate("h => getComputedStyle(h).breakAfter") == "avoid"
    assert page.locator(".mir-card").first.evaluate("c => getComputedStyle(c).breakInside") == "avoid"
    page.close()
