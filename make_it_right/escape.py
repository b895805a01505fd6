"""The one escaping rule: every string from a data file is plain text wherever it lands.

`plain()` makes text safe in HTML (elements and attribute values) and inert in
Markdown: characters that could start a tag, an entity, a link, an image, an
attribute list, emphasis or a table cell become character references, which
HTML shows as the same characters and Markdown leaves alone. Line breaks
become spaces, so a value can never start a new Markdown block.
"""

from __future__ import annotations

import re

_REFERENCES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'`*_{}[]()#|!~\\:="}


def plain(text: object) -> str:
    """One line of plain text: runs of white space, line breaks included, become one space."""
    return " ".join(str(text).split()).translate(_REFERENCES)


def verbatim(text: object) -> str:
    """Plain text whose spaces and line breaks matter (inside a pre-formatted block)."""
    return str(text).translate(_REFERENCES)


# What a one-line data string (a title, a `when`, a label, a hint, a guide
# question) may not hold: it is shown as plain text everywhere, so markup in it
# is a mistake at best and an attack at worst.
_NOT_PLAIN = [
    (re.compile(r"[\r\n\u2028\u2029\x85]"), "a line break"),
    (re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "a control character"),
    (re.compile(r"<\s*/?\s*[a-zA-Z!?]"), "an HTML tag"),
    (re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);"), "an HTML entity"),
    (re.compile(r"!?\[[^\]]*\]\s*[(\[]"), "a Markdown link or image"),
    (re.compile(r"\{\s*[:#.][^}]*\}"), "a Markdown attribute list"),
    (re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE), "a script or data URL"),
    (re.compile(r"\{\{|\{%|\{#"), "template syntax"),
]


def plain_line_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why `text` is not plain text (on one line, unless multiline), or None when it is."""
    for pattern, what in _NOT_PLAIN[1:] if multiline else _NOT_PLAIN:
        if pattern.search(text):
            return what
    return None
