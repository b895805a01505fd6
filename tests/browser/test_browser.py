"""The built handbook in a real headless Chromium: each page type loads with no error,
nothing blocked by its Content-Security-Policy and nothing asked of another host; a
card reads without JS."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.chromium import RECORD_CSP_VIOLATIONS

pytestmark = pytest.mark.browser

PAGES = ["", "which-playbook/", "playbooks/team-mistake/", "templates/", "phrase-bank/",
         "checklists/team-mistake/", "contributing/"]


@pytest.fixture(scope="module")
def recording(chromium):
    """One tab for the module, in a context that records every page's CSP violations;
    each test navigates it (requests served from the context's cache are still
    reported, so a warm cache hides none)."""
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_asks_only_its_own_host_and_breaks_no_rule(recording, site_url, path):
    page = recording
    requested, errors = [], []
    listeners = {"request": lambda request: requested.append(request.url),
                 "pageerror": lambda error: errors.append(str(error)),
                 "console": lambda m: errors.append(m.text) if m.type == "error" else None}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        page.goto(site_url + path, wait_until="networkidle")  # whatever the page asks for, later too
        violations = page.evaluate("window.__violations")
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    assert requested, "the page made no requests at all"
    foreign = [url for url in requested
               if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    assert violations == [], "blocked by the Content-Security-Policy"
    assert errors == []


def test_card_reads_with_javascript_off(chromium, site_url):
    """Plain text with visible blanks; the fill-in's panel, bar and buttons stay hidden."""
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "playbooks/team-mistake/")
    expect(page.locator("[data-mir-fields]")).to_be_hidden()
    expect(page.locator("[data-mir-bar]")).to_be_hidden()
    expect(page.locator(".mir-card__actions").first).to_be_hidden()
    text = page.locator('.mir-card[data-template="apology-team-mistake"] .mir-card__text')
    text.scroll_into_view_if_needed()  # cards off screen are laid out when scrolled to
    assert text.is_visible()
    # inner text is what is rendered: wait for the frame that lays the card out.
    expect(text).to_contain_text("Hi [Client's first name],", use_inner_text=True)
    blank = text.locator('.mir-blank[data-field="the_news"]')
    assert blank.inner_text() == "[The news, as a plain fact]"
    context.close()
