"""What the handbook adds to every page, budgeted in gzipped bytes (what travels),
weighed in the built site, as shipped (filler.js minified)."""

from __future__ import annotations

import gzip
import re

OWN_BUDGET_GZIPPED = 12_000


def test_own_scripts_and_styles_fit_the_budget(built_site, capsys):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    # What every page loads from our own folders; the draft checker's files load on its page only.
    loaded = re.findall(r'(?:src|href)="((?:javascripts|stylesheets)/[^"]+\.(?:js|css))"', page)
    files = [site / path for path in loaded]
    sizes = {path: len(gzip.compress(f.read_bytes(), 9)) for path, f in zip(loaded, files)}
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nown JS and CSS: {total} bytes gzipped ({', '.join(f'{k} {v}' for k, v in sizes.items())})")
    assert "javascripts/filler.min.js" in loaded and "stylesheets/make-it-right.css" in loaded
    assert len(loaded) >= 5, "filler, styles and the theme's three scripts"
    assert total <= OWN_BUDGET_GZIPPED
