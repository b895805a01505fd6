"""The one escaping rule: every string from a data file is plain text wherever it lands.

`plain()` makes text safe in HTML (elements and attribute values) and inert in
Markdown: characters that could start a tag, an entity, a link, an image, an
attribute list, emphasis or a table cell become character references, which
HTML shows as the same characters and Markdown leaves alone. Line breaks
become spaces, so a value can never start a new Markdown block.
"""

from __future__ import annotations

import re
import unicodedata

_REFERENCES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'`*_{}[]()#|!~\\:="}


def plain(text: object) -> str:
    """One line of plain text: runs of white space, line breaks included, become one space."""
    return " ".join(str(text).split()).translate(_REFERENCES)


def verbatim(text: object) -> str:
    """Plain text whose spaces and line breaks matter (inside a pre-formatted block)."""
    return str(text).translate(_REFERENCES)


# Characters that read differently from what is sent: format characters (Unicode
# category Cf: bidi controls, zero-width characters, tag characters, soft hyphens),
# blank letters that render as nothing, and braces that look like {{ }} but are not.
_INVISIBLE_LETTERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e"
                               "\u180f\u2800\u3164\uffa0")
_LOOKALIKE_BRACES = frozenset("\uff5b\uff5d\ufe5b\ufe5c\ufe37\ufe38\u2774\u2775\u2983\u2984")


def hidden_character_problem(text: str) -> str | None:
    """Why `text` would read differently from what is sent, or None. Linear time."""
    if text.isascii():
        return None
    for index, char in enumerate(text):
        if char in _LOOKALIKE_BRACES:
            return (f"a lookalike brace {_describe(char)} at character {index + 1}; "
                    "write plain { } or other words")
        if unicodedata.category(char) == "Cf" or char in _INVISIBLE_LETTERS:
            return (f"an invisible character {_describe(char)} at character {index + 1}; "
                    "delete it, a reader cannot see what it does")
    return None


def _describe(char: str) -> str:
    return f"(U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})"


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
    return hidden_character_problem(text)
