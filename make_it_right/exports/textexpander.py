"""TextExpander CSV (abbreviation, content, label), one row per snippet.

A blank is a fill-in named by its label (`%filltext:name=…%`, `%fillarea:…%` for a
long one); TextExpander asks once for fill-ins that share a name. A phrase the
reader may leave out is an optional part (`%fillpart:…%…%fillpartend%`). A literal
`%` is written `%%`. Names and defaults may hold neither `:` nor `%`, which end a
macro: they are replaced in names and a default holding one is dropped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..placeholders import Blank, Omit, Part
from .snippet import Prompt, Snippet, unique_labels


def write(snippets: Sequence[Snippet]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for snippet in snippets:
        writer.writerow([snippet.trigger, content(snippet), snippet.name])
    return out.getvalue().encode("utf-8")


def content(snippet: Snippet) -> str:
    names = unique_labels(snippet.prompts, _name)
    return "".join(_part(p, snippet.prompts, names) for p in snippet.parts)


def _part(part: Part, prompts: dict[str, Prompt], names: dict[str, str]) -> str:
    if isinstance(part, Blank):
        item = prompts[part.field]
        kind = "fillarea" if item.multiline else "filltext"
        default = item.default if item.default and not (set(item.default) & {":", "%"}) else ""
        return f"%{kind}:name={names[part.field]}" + (f":default={default}" if default else "") + "%"
    if isinstance(part, Omit):
        inner = "".join(_part(p, prompts, names) for p in part.parts)
        return f"%fillpart:name={names[part.field]} (optional):default=yes%{inner}%fillpartend%"
    return part.replace("%", "%%")


def _name(label: str) -> str:
    return label.replace(":", " -").replace("%", " percent")
