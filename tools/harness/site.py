"""Build a MkDocs project the way the handbook is built."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(project: Path, dest: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project folder; return what it printed.

    A mini-site loads this repository's adapter (macros/) and engine.
    """
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra, "--site-dir", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def build_project(project: Path, dest: Path, strict: bool = True) -> None:
    """Build a whole copy of the project (a git ref's, or one with a page added) with
    its own engine, for the report scripts; exit with mkdocs' output if it fails."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []),
         "--site-dir", str(dest)], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed in {project}:\n{result.stdout}{result.stderr}")


def project_at(ref: str | None, work: Path) -> Path:
    """The project as it stands (ref None), or as it was at a git ref, unpacked in work."""
    if ref is None:
        return ROOT
    dest = work / "project"
    dest.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


# What a page asks for as it loads: styles, scripts and module preloads.
_LOADED = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"')
# What the bootstrap (mir.min.js) imports on a page, by what the page holds.
_IMPORTED = {"data-mir-fields": "javascripts/fill.min.js", "data-mir-draft": "javascripts/draft.min.js"}


def page_weight(site: Path, page: Path) -> dict[str, int]:
    """A built page and every file of the site it loads before a reader touches
    anything (styles, scripts, the modules the bootstrap imports there), each gzipped
    as a server sends it. The search index and images are not counted (the index has
    a budget of its own)."""
    html = page.read_text(encoding="utf-8")
    folder = page.parent
    files = {(folder / link).resolve() for link in _LOADED.findall(html) if "://" not in link}
    files |= {(site / path).resolve() for marker, path in _IMPORTED.items()
              if re.search(rf"<[a-z][^>]*\s{marker}[\s=>]", html)}
    weights = {page.relative_to(site).as_posix(): len(gzip.compress(html.encode(), 9))}
    for path in sorted(files):
        weights[path.relative_to(site.resolve()).as_posix()] = len(gzip.compress(path.read_bytes(), 9))
    return weights


def own_assets(site: Path) -> dict[str, int]:
    """Our scripts and styles the home page loads (as every page does), each
    weighed gzipped as shipped; the draft checker's files load on its page only."""
    page = (site / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'(?:src|href)="((?:javascripts|stylesheets)/[^"]+\.(?:js|css))"', page)
    return {path: len(gzip.compress((site / path).read_bytes(), 9)) for path in loaded}
