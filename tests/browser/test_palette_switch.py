"""Switching between light and dark changes every colour at once, as the theme's own
rule had it, without that rule's cost at every page's start (web/page/palette.js)."""

from __future__ import annotations

import pytest

from axe_check import settled
from harness.chromium import PAGE_READY

pytestmark = pytest.mark.browser

RECORD_TRANSITIONS = """() => {
    window.__fades = [];
    document.addEventListener("transitionrun",
        (e) => window.__fades.push(`${e.target.tagName}.${e.target.className} ${e.propertyName}`), true);
}"""
# After the switch, how long a fade that never starts is given to start.
SETTLED = "() => new Promise((resolve) => setTimeout(resolve, 400))"


def test_switching_the_scheme_fades_no_colour_and_no_rule_restyles_the_page_as_it_starts(tab, site_url):
    page = tab
    page.goto(site_url + "check-my-draft/")
    page.wait_for_function(PAGE_READY)
    # The theme's rule, keyed on an attribute its palette sets at every start, is gone.
    rules = page.evaluate("""() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
        .map((rule) => rule.cssText).filter((text) => text.includes("color-switching"))""")
    assert rules and all("data-mir-color-switching" in r and "data-md-color-switching" not in r for r in rules)
    page.evaluate(RECORD_TRANSITIONS)
    # Without the switch's care, the scheme's colours fade in (the page has such transitions).
    # (If none ever comes, the check below proves nothing.)
    page.evaluate('() => document.body.setAttribute("data-md-color-scheme", "slate")')
    page.wait_for_function("() => window.__fades.length > 0")
    page.evaluate('() => { document.body.setAttribute("data-md-color-scheme", "default"); }')
    settled(page)
    # The pointer first, so the switch's button has faded to its hover shade.
    switch = page.locator('[data-md-component="palette"] label:not([hidden])')
    switch.hover()
    settled(page)
    page.evaluate("() => { window.__fades = []; }")

    switch.click()
    page.wait_for_function("""() => document.body.dataset.mdColorScheme === "slate"
        && !document.body.hasAttribute("data-mir-color-switching")""")
    page.evaluate(SETTLED)
    assert page.evaluate("window.__fades") == []


def test_the_page_itself_follows_the_scheme_without_the_themes_meta(tab, site_url):
    """The theme's color-scheme meta restyled every element twice as each page started
    (make_it_right/html/theme_script.py); the page's canvas and scrollbars still follow
    the reader's choice, by make-it-right.css."""
    page = tab
    page.goto(site_url + "templates/")
    page.wait_for_function(PAGE_READY)
    assert page.locator('meta[name="color-scheme"]').count() == 0
    root = "() => getComputedStyle(document.documentElement).colorScheme"
    assert page.evaluate(root) == "light"
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    page.wait_for_function('() => document.body.dataset.mdColorScheme === "slate"')
    assert page.evaluate(root) == "dark"
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    page.wait_for_function('() => document.body.dataset.mdColorScheme === "default"')
    assert page.evaluate(root) == "light"
