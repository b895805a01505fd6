"""The theme's own search, in the browser: words whose stem differs from what a
reader types find their playbook first (tests/site/test_search.py holds the full
table, against the index in Python; this checks the real search agrees)."""

from __future__ import annotations

import pytest

from search_queries import EXPECTED_FIRST

pytestmark = pytest.mark.browser

# Words whose stem differs from what a reader types: the ones a stemmed index lost.
QUERIES = ["invoice", "outage", "angry", "compensation"]


def test_the_search_box_finds_the_playbook_first(tab, searchable_site_url):
    """Each word typed into the search box of one page, one after the other."""
    page, site_url = tab, searchable_site_url
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("s")  # Material's search shortcut
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    for query in QUERIES:
        box.fill("")
        page.keyboard.type(query)
        # Results update as each letter arrives: wait for those of the whole word
        # (the theme puts what it highlights in each link).
        page.locator(f'.md-search-result__item > a[href*="?h={query}"]').first.wait_for()
        href = page.locator(".md-search-result__item > a").first.get_attribute("href")
        assert href.split("?")[0].removeprefix(site_url) == EXPECTED_FIRST[query], query
