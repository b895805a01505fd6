"""The words the theme's template shows on every page (make_it_right/theme.py)."""

from __future__ import annotations

from make_it_right.escape import verbatim
from make_it_right.theme import page_url, theme_words


def test_the_words_reach_the_theme_escaped_around_the_clients_name(rules, strings):
    words = theme_words(rules, strings)
    assert words["before"] + verbatim("{case}") + words["after"] == verbatim(strings.filler.bar_case)
    assert words["change"] == verbatim(strings.filler.here_change)
    assert words["page"] == page_url(next(iter(rules.playbooks.values())).page)


def test_page_urls_are_mkdocs_own():
    assert page_url("playbooks/x.md") == "playbooks/x/"
    assert page_url("index.md") == "" and page_url("a/index.md") == "a/"
    assert page_url("a/b.md", use_directory_urls=False) == "a/b.html"
