"""The words the theme's template shows on every page (make_it_right/html/theme.py)."""

from __future__ import annotations

from make_it_right.escape import verbatim
from make_it_right.html.theme import head_hints, page_styles, page_url, theme_words


def test_the_words_reach_the_theme_escaped_around_the_clients_name(rules, strings):
    words = theme_words(rules, strings)
    assert words["before"] + verbatim("{case}") + words["after"] == verbatim(strings.filler.bar_case)
    assert words["change"] == verbatim(strings.filler.here_change)
    assert words["page"] == page_url(next(iter(rules.playbooks.values())).page)


def test_page_urls_are_mkdocs_own():
    assert page_url("playbooks/x.md") == "playbooks/x/"
    assert page_url("index.md") == "" and page_url("a/index.md") == "a/"
    assert page_url("a/b.md", use_directory_urls=False) == "a/b.html"


def test_only_the_draft_page_asks_for_its_files_ahead_and_first_paint_comes_first():
    theme = {"styles": ["assets/stylesheets/main.x.min.css"], "scripts": ["assets/javascripts/bundle.x.min.js"]}
    assert head_hints(theme, ["stylesheets/ours.css"], None) == {}
    hints = head_hints(theme, ["stylesheets/ours.css"], "check-my-draft.md")
    assert list(hints) == ["check-my-draft.md"]
    paths = [path for _, _, path in hints["check-my-draft.md"]]
    assert paths[:3] == ["assets/stylesheets/main.x.min.css", "stylesheets/ours.css",
                         "javascripts/theme/palette.js"]
    # The checker starts itself after the form: it and what holds the parser before the
    # form come ahead of what the rest of the page runs, within Chromium's six connections.
    assert paths.index("javascripts/draft.min.js") < paths.index("assets/javascripts/bundle.x.min.js") \
        < paths.index("javascripts/mir.min.js")
    assert paths.index("javascripts/draft.min.js") < paths.index("javascripts/theme/content.js")
    # Six connections a host: the files before the checker, and the checker itself, fit in one go.
    assert paths.index("javascripts/draft.min.js") < 6
    assert {rel for rel, _, path in hints["check-my-draft.md"] if path.endswith(".min.js")
            and "bundle" not in path} == {"modulepreload"}


def test_only_the_draft_page_has_a_stylesheet_of_its_own():
    assert page_styles(None) == {}
    assert page_styles("check-my-draft.md") == {"check-my-draft.md": ["stylesheets/draft.css"]}
