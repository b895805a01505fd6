"""What the handbook adds to every page, budgeted in gzipped bytes (what travels)."""

from __future__ import annotations

import gzip

from paths import ROOT

OWN_BUDGET_GZIPPED = 12_000


def test_own_scripts_and_styles_fit_the_budget(capsys):
    # What every page loads; the draft checker's files load on its page only.
    files = [f for f in sorted((ROOT / "docs" / "javascripts").rglob("*.js")) + sorted(
        (ROOT / "docs" / "stylesheets").rglob("*.css")) if not f.stem.startswith("draft")]
    sizes = {f.relative_to(ROOT).as_posix(): len(gzip.compress(f.read_bytes(), 9)) for f in files}
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nown JS and CSS: {total} bytes gzipped ({', '.join(f'{k} {v}' for k, v in sizes.items())})")
    assert files and total <= OWN_BUDGET_GZIPPED
