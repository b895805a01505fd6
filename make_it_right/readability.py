"""Word counts and the reading measure of a handbook page's prose: Flesch reading
ease (calibrated for English) or LIX (any language), as each language's rules say.

Strips what a reader does not read as prose: front matter, macro calls, HTML tags,
link targets and Markdown markers. Headings and list items become sentences of
their own, so scores do not run them into the next line.

Syllables come from pyphen's bundled hyphenation dictionary (offline, no
setuptools). A site build imports this module only for the "Check my draft"
page, which carries pyphen's patterns to the browser.
"""

from __future__ import annotations

import re

from functools import cache, lru_cache

import pyphen

from .measure import count_words
from .page_source import split_front_matter

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”')]*(?=\s|$)")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{[:#.][^}]*\}|\{ [#.][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_MARKERS = re.compile(r"^\s*(#+\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d+\.\s+|>\s?|!!!.*$|\?\?\?.*$)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?!\s)|`")


# Each check reads a page's prose twice (words, then reading ease), and the tests
# check the same pages many times over.
@lru_cache(maxsize=256)
def prose(markdown: str) -> str:
    text = _MACRO.sub("", split_front_matter(markdown).body)
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


def reading_ease(markdown: str, language: str = "en_US") -> float:
    """Flesch reading ease of the page's prose (higher is easier; 60+ is plain English)."""
    return flesch(prose(markdown), language)


def lix(text: str) -> float:
    """LIX: words per sentence + 100 x the share of words longer than six letters
    (lower is easier; under 40 reads easily)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = sum(max(1, len(_SENTENCE_END.findall(line.strip())))
                    for line in text.splitlines() if line.strip())
    long_words = sum(1 for word in words if len(word) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def readability_problem(markdown: str, readability, hyphenation: str) -> str | None:
    """What is wrong with a page's reading measure, or None (rules.Readability)."""
    if readability.measure == "flesch":
        score = reading_ease(markdown, hyphenation)
        if score < readability.min:
            return (f"has a reading ease of {score:.0f}; keep it at {readability.min:g} or more "
                    "with shorter sentences and words")
    elif readability.measure == "lix":
        score = lix(prose(markdown))
        if score > readability.max:
            return (f"has a LIX of {score:.0f}; keep it at {readability.max:g} or less "
                    "with shorter sentences and words")
    return None


def readability_score(markdown: str, readability, hyphenation: str) -> float | None:
    if readability.measure == "flesch":
        return reading_ease(markdown, hyphenation)
    if readability.measure == "lix":
        return lix(prose(markdown))
    return None


def flesch(text: str, language: str = "en_US") -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    # prose() puts each heading, list item and paragraph on a line of its own.
    sentences = sum(max(1, len(_SENTENCE_END.findall(line.strip())))
                    for line in text.splitlines() if line.strip())
    syllables = sum(syllable_count(word, language) for word in words)
    return flesch_score(len(words), sentences, syllables)


def flesch_score(words: int, sentences: int, syllables: int) -> float:
    """The Flesch formula, once for pages and drafts, in the order of operations
    web/core/draft.js uses too."""
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def syllable_count(word: str, language: str = "en_US") -> int:
    """Syllables in a word: pyphen's hyphenation points plus one."""
    return _syllables(word.lower(), language)


# A page or a draft repeats its words, and every check reads the same pages again:
# pyphen's pattern walk once per word, within a bound.
@lru_cache(maxsize=1 << 16)
def _syllables(word: str, language: str) -> int:
    return len(_dictionary(language).positions(word)) + 1


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=language)


def hyphenation_data(language: str = "en_US") -> dict:
    """pyphen's patterns for `language`, for the browser's copy of syllable_count.

    Each pattern is written as in a hyphenation dictionary (letters with the digit
    values between them, like ".ach4"), space-separated, with the margins pyphen
    applies, so draft.js counts syllables exactly as this module does.
    """
    dictionary = _dictionary(language)
    patterns = []
    for key, (start, values) in sorted(dictionary.hd.patterns.items()):
        if any(ch.isdigit() or ch.isspace() for ch in key):
            raise ValueError(f"hyphenation pattern {key!r} has a digit or a space")
        digits = {start + k: int(v) for k, v in enumerate(values) if int(v)}
        patterns.append("".join(f"{digits.get(k, '')}{ch}" for k, ch in enumerate(key))
                        + str(digits.get(len(key), "")))
    return {"patterns": " ".join(patterns), "left": dictionary.left, "right": dictionary.right}
