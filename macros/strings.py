"""The words the engine shows a reader, read from data/strings/<language>.yml."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

STRINGS_DIR = Path(__file__).parent / "data" / "strings"


@cache
def load_strings(language: str = "en") -> dict[str, Any]:
    path = STRINGS_DIR / f"{language}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in STRINGS_DIR.glob("*.yml")))
        raise FileNotFoundError(f"{path}: no strings for language '{language}' (have: {known})")
    return yaml.safe_load(path.read_text(encoding="utf-8"))
