"""What the handbook adds to every page, budgeted in gzipped bytes (what travels),
weighed in the built site, as shipped (web/ bundled and minified by esbuild)."""

from __future__ import annotations

from harness.site import own_assets

OWN_BUDGET_GZIPPED = 12_000


def test_own_scripts_and_styles_fit_the_budget(built_site, capsys):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    sizes = own_assets(site)
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nown JS and CSS: {total} bytes gzipped ({', '.join(f'{k} {v}' for k, v in sizes.items())})")
    assert "javascripts/mir.min.js" in sizes and "stylesheets/make-it-right.css" in sizes
    assert len(sizes) >= 5, "the bundle, styles and the theme's three scripts"
    assert total <= OWN_BUDGET_GZIPPED
