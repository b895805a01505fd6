"""A rewritten theme asset in a built site: saved under a name with its own hash (so no
cache serves the old one), the original and its source map deleted, and the pages
pointed at the new name. Used by the CSS pruning and the theme script's edits."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def replace(site: Path, original: Path, text: str) -> tuple[str, str] | None:
    """Write `text` in place of `original` as `<stem>.<hash>.min.<ext>`; returns
    (old path, new path) from the site's root, or None if the name did not change."""
    stem, ext = original.name.split(".", 1)[0], original.name.rsplit(".", 1)[1]
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    target = original.with_name(f"{stem}.{digest}.min.{ext}")
    target.write_text(text, encoding="utf-8")
    if target == original:
        return None
    original.unlink()
    original.with_name(original.name + ".map").unlink(missing_ok=True)
    return original.relative_to(site).as_posix(), target.relative_to(site).as_posix()


def repoint(pages: Iterable[tuple[Path, str]], renamed: dict[str, str]) -> None:
    """Rewrite each (page, its HTML) that names an old path to name the new one."""
    if not renamed:
        return
    for page, html in pages:
        new = html
        for old, path in renamed.items():
            new = new.replace(old, path)
        if new != html:
            page.write_text(new, encoding="utf-8")
