"""The theme's own search, in the browser: words whose stem differs from what a
reader types find their playbook first (tests/site/test_search.py holds the full
table, against the index in Python; this checks the real search agrees)."""

from __future__ import annotations

import pytest

from search_queries import EXPECTED_FIRST

pytestmark = pytest.mark.browser

# Words whose stem differs from what a reader types: the ones a stemmed index lost.
QUERIES = ["invoice", "outage", "angry", "compensation"]


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_box_finds_the_playbook_first(tab, site_url, query):
    page = tab
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("s")  # Material's search shortcut
    page.locator(".md-search__input").wait_for(state="visible")
    page.keyboard.type(query)
    # Results update as each letter arrives: wait for those of the whole word
    # (the theme puts what it highlights in each link).
    page.locator(f'.md-search-result__item > a[href*="?h={query}"]').first.wait_for()
    href = page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert href.split("?")[0].removeprefix(site_url) == EXPECTED_FIRST[query]
