"""Raycast snippets (JSON: name, text, keyword). Raycast's snippets take no
arguments, so a blank is written [Label] for the reader to replace. Raycast reads
`{clipboard}`, `{date}` and the like as placeholders, with no way to escape them:
a template whose text holds one is refused rather than exported live."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .snippet import ExportError, Snippet, bracketed

# Raycast's dynamic placeholders: a brace, then one of its words.
_PLACEHOLDER = re.compile(r"\{\s*(clipboard|cursor|date|time|datetime|day|uuid|selection|"
                          r"argument|snippet)\b", re.IGNORECASE)


def write(snippets: Sequence[Snippet]) -> bytes:
    items = []
    for snippet in snippets:
        text = bracketed(snippet.parts, snippet.prompts)
        found = _PLACEHOLDER.search(text)
        if found:
            raise ExportError(f"{snippet.template_id}: Raycast would read '{found[0]}' in its text "
                              "as a placeholder; reword it")
        items.append({"name": snippet.name, "text": text, "keyword": snippet.trigger})
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
