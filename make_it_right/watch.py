"""A cache for what the site generator loads, kept while its inputs are unchanged.

Zensical calls `define_env` once per page; reloading the pack each time would
make its build grow with pages times templates. `mkdocs serve` reloads the
config on every change, so edits must still show: the key includes a
fingerprint of every input file's size and modification time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from .datafile import DATA_DIR


def fingerprint(*places: Path) -> tuple:
    stamps = []
    for place in places:
        for path in [place, *sorted(place.rglob("*"))]:
            try:
                info = path.stat()
            except OSError:
                continue
            stamps.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamps)


class Cache:
    def __init__(self) -> None:
        self._key: Hashable = None
        self._value: Any = None

    def get(self, key: tuple, load: Callable[[], Any]) -> Any:
        project, docs = key[0], key[1]
        full = (key, fingerprint(project / "templates", docs, DATA_DIR,
                                 project / "CONTRIBUTING.md"))
        if full != self._key:
            self._value = load()
            self._key = full
        return self._value
