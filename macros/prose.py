"""The reader-facing prose of a handbook page, for word counts and readability.

Strips what a reader does not read as prose: front matter, macro calls, HTML tags,
link targets and Markdown markers. Headings and list items become sentences of
their own, so readability scores do not run them into the next line.
"""

from __future__ import annotations

import re

import textstat

from .measure import count_words

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{[:#.][^}]*\}|\{ [#.][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKERS = re.compile(r"^\s*(#+\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+\.\s+|>\s?|!!!.*$|\?\?\?.*$)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|`")


def without_front_matter(markdown: str) -> str:
    return _FRONT_MATTER.sub("", markdown, count=1)


def prose(markdown: str) -> str:
    text = _MACRO.sub("", without_front_matter(markdown))
    sentences = []
    for line in text.splitlines():
        if set(line.strip()) <= set("|-: "):  # blank lines and table rules
            continue
        line = _LINK.sub(r"\1", _ATTR_LIST.sub("", _TAG.sub("", line)))
        line = _EMPHASIS.sub("", _LINE_MARKERS.sub("", line)).replace("|", ". ").strip()
        if line:
            sentences.append(line if line[-1] in ".!?:;…\"”)" else line + ".")
    return "\n".join(sentences)


def word_count(markdown: str) -> int:
    return count_words(prose(markdown))


def reading_ease(markdown: str) -> float:
    """Flesch reading ease of the page's prose (higher is easier; 60+ is plain English)."""
    return textstat.flesch_reading_ease(prose(markdown))
