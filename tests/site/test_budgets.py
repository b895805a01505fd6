"""What the handbook adds to every page, budgeted in gzipped bytes (what travels),
weighed in the built site, as shipped (web/ bundled and minified by esbuild)."""

from __future__ import annotations

import pytest

from harness.site import own_assets, page_weight

OWN_BUDGET_GZIPPED = 12_000


def test_own_scripts_and_styles_fit_the_budget(built_site, capsys):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    sizes = own_assets(site)
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nown JS and CSS: {total} bytes gzipped ({', '.join(f'{k} {v}' for k, v in sizes.items())})")
    assert "javascripts/mir.min.js" in sizes and "stylesheets/make-it-right.css" in sizes
    assert len(sizes) >= 4, "the bundle, styles and the theme's two scripts"
    assert total <= OWN_BUDGET_GZIPPED


# What a page of each type loads before a reader touches anything (the page, the
# theme's and our styles and scripts, the modules the bootstrap imports there),
# gzipped: the theme's share is about 52 KB of each (its stylesheets pruned to what the
# site uses, make_it_right/html/unused_css.py). Each type is every page its pattern matches
# inside one language's build, so the budgets hold for every language.
# The search index has its budget in test_search.py; "Check my draft"'s rules and
# patterns arrive on first use and are weighed in test_draft_page.py.
PAGE_BUDGETS_GZIPPED = {
    "home": ("index.html", 70_000),
    # The fill-in's focus view, actions and menus (fill-actions.min.js) come on first use.
    "playbook": ("playbooks/*/index.html", 97_000),
    "checklist": ("checklists/*/index.html", 68_500),
    "template index": ("templates/index.html", 79_000),
    "phrase bank": ("phrase-bank/index.html", 73_000),
    "check my draft": ("check-my-draft/index.html", 78_500),
}
# Material's stylesheets as it ships them: 22.6 KB and 2.0 KB gzipped (9.8.x).
THEME_CSS_BUDGET_GZIPPED = 18_000


@pytest.mark.parametrize("page_type", PAGE_BUDGETS_GZIPPED)
def test_each_page_type_fits_its_budget(built_site, page_type, capsys):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    pattern, budget = PAGE_BUDGETS_GZIPPED[page_type]
    pages = sorted(site.glob(pattern))
    assert pages, f"no {page_type} page matches {pattern}"
    weights = {page.relative_to(site).as_posix(): page_weight(site, page) for page in pages}
    heaviest = max(weights, key=lambda p: sum(weights[p].values()))
    total = sum(weights[heaviest].values())
    with capsys.disabled():
        print(f"\n{page_type}: {total} bytes gzipped at most ({heaviest}; budget {budget})")
    assert total <= budget, f"{heaviest}: {weights[heaviest]}"


def test_every_page_loads_the_theme_stylesheets_pruned(built_site):
    site, _ = built_site
    for page in site.glob("**/index.html"):
        sheets = {path: size for path, size in page_weight(site, page).items()
                  if path.startswith("assets/stylesheets/")}
        assert len(sheets) == 2, page  # the theme's main and palette stylesheets
        assert sum(sheets.values()) <= THEME_CSS_BUDGET_GZIPPED, (page, sheets)


def test_pages_without_cards_load_no_fill_in_and_only_the_draft_page_its_checker(built_site):
    """The bootstrap imports fill.min.js where the fill-in panel is (browser tests
    check that): the panel must be on every page with a card and on no other."""
    site, _ = built_site
    pages = list(site.glob("**/index.html"))
    with_cards = [p for p in pages if 'class="mir-card' in p.read_text(encoding="utf-8")]
    assert 0 < len(with_cards) < len(pages)
    for page in pages:
        loaded = page_weight(site, page)
        name = page.relative_to(site).as_posix()
        assert ("javascripts/fill.min.js" in loaded) == (page in with_cards), name
        assert ("javascripts/draft.min.js" in loaded) == name.startswith("check-my-draft/"), name
        assert not any(path.endswith(".json") for path in loaded), name
