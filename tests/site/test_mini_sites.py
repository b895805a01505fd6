"""Tiny MkDocs projects, each built with `mkdocs build --strict` the way the handbook is.

    tests/sites/<scenario>/mkdocs.yml, docs/, templates/   a complete mini-site
    tests/sites/<scenario>/expected.txt                    (broken ones only) text the
                                                           build output must contain,
                                                           one substring per line

`ok` must build cleanly; every other scenario must fail the build and say why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.forked_build import mkdocs_build

# Built on one worker, each build forked from one process that has imported mkdocs
# and the engine (tools/harness/forked_build.py), like the hostile builds.
pytestmark = pytest.mark.xdist_group("forked-builds")

SITES = Path(__file__).resolve().parent / "sites"
BROKEN = sorted(p for p in SITES.iterdir() if (p / "expected.txt").is_file())


def test_every_broken_site_has_expectations():
    names = {p.name for p in SITES.iterdir() if p.is_dir()}
    assert names - {p.name for p in BROKEN} == {"ok"}
    assert {"unknown-id", "undefined-variable", "broken-template",
            "index-link-without-card"} <= names


def test_ok_site_builds_with_card_and_index(tmp_path):
    dest = tmp_path / "site"
    result = mkdocs_build(SITES / "ok", "--strict", "--site-dir", str(dest))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    # The card is on its playbook page under its anchor, and the index links to it
    # (the anchor check in the site's mkdocs.yml has already proved the link resolves).
    card_page = (dest / "playbooks" / "team-mistake" / "index.html").read_text(encoding="utf-8")
    assert 'id="tpl-late-files"' in card_page
    index = (dest / "index.html").read_text(encoding="utf-8")
    assert 'href="playbooks/team-mistake/#tpl-late-files"' in index


# MkDocs' own link check speaks in warnings, which -q hides; our problems are
# errors, shown with -q too.
MKDOCS_WARNINGS = {"index-link-without-card"}


@pytest.mark.parametrize("site", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_site_fails_and_says_why(site: Path, tmp_path):
    quiet = () if site.name in MKDOCS_WARNINGS else ("-q",)
    result = mkdocs_build(site, "--strict", *quiet, "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for line in (site / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            assert line in output

