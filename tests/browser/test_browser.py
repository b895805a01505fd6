"""The built handbook in a real headless Chromium: it loads, asks no other host, reads without JS."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["", "which-playbook/", "playbooks/team-mistake/", "templates/", "phrase-bank/",
         "checklists/team-mistake/", "contributing/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_asks_only_its_own_host(chromium, site_url, path):
    page = chromium.new_page()
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path, wait_until="networkidle")
    page.close()
    assert requested, "the page made no requests at all"
    foreign = [url for url in requested
               if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    assert errors == []


def test_card_reads_with_javascript_off(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "playbooks/team-mistake/")
    text = page.locator('.mir-card[data-template="apology-team-mistake"] .mir-card__text')
    text.scroll_into_view_if_needed()  # cards off screen are laid out when scrolled to
    assert text.is_visible()
    # inner text is what is rendered: wait for the frame that lays the card out.
    expect(text).to_contain_text("Hi [Client's first name],", use_inner_text=True)
    blank = text.locator('.mir-blank[data-field="the_news"]')
    assert blank.inner_text() == "[The news, as a plain fact]"
    context.close()
