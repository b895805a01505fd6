"""Built pages, each parsed once per test process: the site tier reads the same pages
of one build in many tests, and parsing them all takes about a second each time.
The trees are shared, so a test reads them and never changes them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup


def parsed(page: Path) -> BeautifulSoup:
    """The page's HTML parsed as html.parser reads it; parsed again if the file changed."""
    stat = page.stat()
    return _parse(page, stat.st_mtime_ns, stat.st_size, stat.st_ino)


@cache
def _parse(page: Path, *_version: int) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
