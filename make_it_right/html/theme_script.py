"""Edit the theme's script in a built site where one of its steps costs every page's
start more than it gives, and the handbook does that step another way.

Each edit is data (EDITS): a piece of the theme's minified bundle and what it becomes.
A piece must occur exactly once, or the build stops with the file and the edit named:
a new theme version that moved it needs the edit looked at again, not skipped.
The edited bundle is renamed by its hash, and every page points at the new name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError
from . import hashed_asset

THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


class Edit(NamedTuple):
    why: str
    find: str
    becomes: str


EDITS = (
    # The palette adds a <meta name="color-scheme"> and fills it in as every page starts.
    # Chromium restyles every element of the page each time such a meta is added or
    # changed, whatever it says: two whole-page restyles per start (scripts/long_tasks.py).
    # The meta is left unattached; the page's own scheme (the canvas, its scrollbars)
    # follows the palette in make-it-right.css instead.
    Edit("the palette's color-scheme meta",
         'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
         'let o=x("meta",{name:"color-scheme"});'),
)


def edit_bundle(source: str, path: Path, edits: tuple[Edit, ...] = EDITS) -> str:
    """The bundle with every edit made; DataError if a piece is not there exactly once."""
    for edit in edits:
        count = source.count(edit.find)
        if count != 1:
            raise DataError(path, f"the theme's script holds {count} copies of the piece edited "
                                  f"for {edit.why} (make_it_right/html/theme_script.py), not one")
        source = source.replace(edit.find, edit.becomes)
    return source


def edit_site(site: Path) -> dict[str, str]:
    """Write the edited bundle under its new hash, point every page at it and delete the
    original and its source map. Returns {old path: new path}, from the site's root."""
    renamed = {}
    for original in sorted(site.glob(THEME_BUNDLE)):
        script = edit_bundle(original.read_text(encoding="utf-8"), original.relative_to(site))
        script = _SOURCE_MAP.sub("", script)  # the map describes the original
        if moved := hashed_asset.replace(site, original, script):
            renamed[moved[0]] = moved[1]
    hashed_asset.repoint(((page, page.read_text(encoding="utf-8")) for page in sorted(site.rglob("*.html"))),
                         renamed)
    return renamed
