"""How a page starts: work the theme would do twice is done once, early.

The theme's instant navigation makes every address on the page absolute as its script
runs. For a stylesheet that is a reload, and the whole page, styled by then, is styled
again (a 341-element pass on "Check my draft", scripts/long_tasks.py). Our copy of the
theme's palette script (docs/javascripts/theme/palette.js) makes the <head>'s stylesheet
addresses absolute before the page's content is parsed, so the theme finds nothing left
to change there.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from harness.chromium import wait_for_instant_navigation

# Every assignment to a stylesheet link's address: where the link is, and whether the
# page's content had been parsed yet.
RECORD_STYLESHEET_ADDRESSES = """(() => {
    window.__sheetAddresses = [];
    const setter = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "href").set;
    Object.defineProperty(HTMLLinkElement.prototype, "href", {
        ...Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "href"),
        set(value) {
            if (this.relList.contains("stylesheet")) {
                window.__sheetAddresses.push({ inHead: this.parentNode === document.head,
                                               contentParsed: !!document.querySelector("article") });
            }
            setter.call(this, value);
        },
    });
})();"""


@pytest.mark.parametrize("path", ["check-my-draft/", "playbooks/team-mistake/"])
def test_the_heads_stylesheets_are_made_absolute_before_the_content_is_parsed(chromium, site_url, path):
    page = chromium.new_page()
    page.add_init_script(RECORD_STYLESHEET_ADDRESSES)
    page.goto(site_url + path)
    wait_for_instant_navigation(page)  # the theme's script has run its start-up
    heads = [a for a in page.evaluate("window.__sheetAddresses") if a["inHead"]]
    links = page.locator("head link[rel=stylesheet]").evaluate_all("links => links.map((l) => l.getAttribute('href'))")
    page.close()
    assert links and all(urlsplit(href).scheme for href in links), links
    assert len(heads) == len(links), heads
    assert not [a for a in heads if a["contentParsed"]], "the theme reloaded a stylesheet after the content"


def test_instant_navigation_keeps_the_same_stylesheets(chromium, site_url):
    """The early addresses are the ones the theme compares pages' <head>s by: moving to a
    page at another depth keeps each stylesheet, with nothing removed and loaded again,
    and adds only the new page's own (draft.css, once)."""
    page = chromium.new_page()
    page.goto(site_url + "playbooks/my-mistake/")
    wait_for_instant_navigation(page)
    page.evaluate("document.querySelectorAll('head link[rel=stylesheet]').forEach((l) => { l.__kept = true; })")
    page.locator("article a", has_text="Check your draft").click()
    page.wait_for_selector("[data-mir-draft]:not([hidden])")
    sheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')]"
                           ".map((l) => [l.href.split('/').pop(), !!l.__kept])")
    page.close()
    assert urlsplit(page.url).path.endswith("/check-my-draft/")
    assert sheets[-1] == ["draft.css", False] and [name for name, _ in sheets].count("draft.css") == 1, sheets
    assert len(sheets) > 1 and all(kept for _, kept in sheets[:-1]), sheets
