"""The one escaping rule: every string from a data file is plain text wherever it lands.

`plain()` makes text safe in HTML (elements and attribute values) and inert in
Markdown: characters that could start a tag, an entity, a link, an image, an
attribute list, emphasis or a table cell become character references, which
HTML shows as the same characters and Markdown leaves alone. Line breaks
become spaces, so a value can never start a new Markdown block.
"""

from __future__ import annotations

_REFERENCES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'`*_{}[]()#|!~\\:="}


def plain(text: object) -> str:
    """One line of plain text: runs of white space, line breaks included, become one space."""
    return " ".join(str(text).split()).translate(_REFERENCES)


def verbatim(text: object) -> str:
    """Plain text whose spaces and line breaks matter (inside a pre-formatted block)."""
    return str(text).translate(_REFERENCES)
