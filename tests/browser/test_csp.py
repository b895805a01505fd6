"""The Content-Security-Policy: the handbook works under it, and it stops what it
should (an injected inline script or handler does not run). That no page type breaks
it is checked with each page's load in test_browser.py."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from harness.chromium import RECORD_CSP_VIOLATIONS
from paths import ROOT

POLICY = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                   Loader=yaml.BaseLoader)["extra"]["content_security_policy"]


def test_policy_allows_nothing_inline_or_remote():
    directives = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in POLICY and "http" not in POLICY


def test_every_page_carries_the_policy_before_any_script(built_site):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta and meta["content"] == POLICY, page
        assert not soup.head.find("script", src=False, type=None) and not soup.find(
            "script", src=False, type=lambda t: t != "application/json"), f"inline script in {page}"
        first = soup.head.find(["script", "meta"], attrs={"http-equiv": True})
        assert first is meta, page


@pytest.fixture(scope="module")
def recording(chromium):
    """One context for the module that records each page's CSP violations."""
    context = chromium.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context
    context.close()


@pytest.fixture
def page(recording):
    page = recording.new_page()
    yield page
    page.close()


@pytest.mark.browser
def test_search_instant_navigation_and_filler_work_under_it(page, searchable_site_url):
    page.goto(searchable_site_url, wait_until="networkidle")  # the search index too
    page.evaluate("window.__sameDocument = true")
    page.keyboard.press("s")  # Material's search shortcut
    page.locator(".md-search__input").wait_for(state="visible")
    page.keyboard.type("voicemail")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    # Instant navigation: the next page arrives without a reload.
    page.locator(".md-nav__link", has_text="Your team dropped the ball").first.click()
    page.wait_for_url("**/playbooks/team-mistake/")
    page.locator("[data-mir-fields]").wait_for(state="visible")
    assert page.evaluate("window.__sameDocument") is True
    page.click("[data-mir-toggle]")
    page.fill('[name="client_name"]', "Ana")
    expect(page.locator('.mir-blank[data-field="client_name"]').first).to_have_text("Ana")
    assert page.evaluate("window.__violations") == []


@pytest.mark.browser
def test_injected_inline_script_and_handler_do_not_run(page, site_url):
    page.goto(site_url + "playbooks/team-mistake/")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__ran = 'script'";
        document.body.append(script);
        const img = document.createElement("img");
        img.setAttribute("onerror", "window.__ran = 'handler'");
        img.src = "data:image/png;base64,not-an-image";
        document.body.append(img);
        const link = document.createElement("a");
        link.href = "javascript:window.__ran='link'";
        document.body.append(link);
        link.click();
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in violations), violations
