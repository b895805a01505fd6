"""Drop the theme's CSS rules that nothing in the built site can match.

Material ships one stylesheet for every feature it has (tabs, annotations, grids,
sixty colour palettes…); this handbook uses a fraction of it, and every page pays for
all of it. After the build, each selector is kept unless it names a class, an id or an
attribute value that appears in no page's markup and in no shipped script, so whatever
the pages, the theme's bundle or our scripts can produce keeps its style. The check is
deliberately blunt, and errs on the side of keeping:

- a class, id or attribute value counts as present if it appears as a word anywhere
  in a tag of any page or anywhere in any script (strings, names, comments alike);
- a script word ending in `-` or `_` (a name built by joining, `"md-tooltip--" + x`)
  keeps every class that starts with it;
- only the selector's own compound parts count: whatever sits inside `:is()`,
  `:not()`, `:where()` or `:has()` never drops a selector;
- at-rules other than @media, @supports and @container are kept whole.

One theme rule goes for another reason: the handbook replaces it with its own
(REPLACED).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from tinycss2 import ast

from . import hashed_asset

# Material's hashed stylesheets, as the build writes them.
THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
GROUPING_RULES = {"media", "supports", "container"}
# Search's language packs: word lists (a Thai dictionary holds "red" and "blue") that
# write no markup, so their words would only keep rules alive for nothing.
WORD_LISTS = "assets/javascripts/lunr/"

# Theme selectors dropped wherever they start a selector, because our own rule does
# their work: the palette's `[data-md-color-switching] *` (no colour fades while the
# scheme changes) keys on an attribute the theme sets and removes as every page starts,
# which restyles the whole page twice; web/page/palette.js sets ours only when a reader
# switches.
REPLACED = ("[data-md-color-switching]",)

_WORD = re.compile(r"[A-Za-z0-9_-]+")
_TAG = re.compile(r"<[a-zA-Z][^>]*>")


class Words:
    """Every word the site's markup and scripts hold, and the prefixes its scripts join."""

    def __init__(self, markup: Iterable[str], scripts: Iterable[str]) -> None:
        self.words: set[str] = set()
        for html in markup:
            for tag in _TAG.findall(html):
                self.words.update(_WORD.findall(tag))
        for script in scripts:
            self.words.update(_WORD.findall(script))
        self.prefixes = tuple(sorted(w for w in self.words if w[-1] in "-_" and len(w) > 3))

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


def prune(css: str, words: Words) -> str:
    """The stylesheet without the rules whose every selector names something absent."""
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), words)


def _rules(rules: list, words: Words) -> str:
    kept = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _split(rule.prelude) if _may_match(s, words) and not _replaced(s)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(f"{prelude}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in GROUPING_RULES and rule.content:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                    skip_whitespace=True), words)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif isinstance(rule, ast.AtRule):
            kept.append(rule.serialize())
    return "".join(kept)


def _split(prelude: list) -> list[list]:
    """A selector list's selectors (commas inside :is() and the like stay inside)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [s for s in selectors if s]


def _may_match(selector: list, words: Words) -> bool:
    for index, token in enumerate(selector):
        before = selector[index - 1] if index else None
        if isinstance(token, ast.IdentToken) and isinstance(before, ast.LiteralToken) and before.value == ".":
            if not words.has(token.value):
                return False
        elif isinstance(token, ast.HashToken) and token.is_identifier and not words.has(token.value):
            return False
        elif isinstance(token, ast.SquareBracketsBlock):
            value = _attribute_value(token.content)
            if value is not None and not words.has(value):
                return False
    return True


def _replaced(selector: list) -> bool:
    return tinycss2.serialize(selector).strip().startswith(REPLACED)


def _attribute_value(content: list) -> str | None:
    """The value an exact `[name=value]` test asks for (other tests: None, kept)."""
    tokens = [t for t in content if not isinstance(t, ast.WhitespaceToken)]
    if (len(tokens) == 3 and isinstance(tokens[1], ast.LiteralToken) and tokens[1].value == "="
            and isinstance(tokens[2], (ast.IdentToken, ast.StringToken))):
        value = tokens[2].value
        return value if _WORD.fullmatch(value) else None
    return None


def prune_site(site: Path) -> dict[str, str]:
    """Rewrite the theme's stylesheets in a built site as pruned copies, named by their
    hash, point every page at them and delete the originals and their source maps.
    Returns {old path: new path}, from the site's root."""
    pages = sorted(site.rglob("*.html"))
    markup = [p.read_text(encoding="utf-8") for p in pages]
    scripts = (p.read_text(encoding="utf-8", errors="replace")
               for p in sorted(site.rglob("*.js"))
               if p.is_file() and not p.relative_to(site).as_posix().startswith(WORD_LISTS))
    words = Words(markup, scripts)
    renamed = {}
    for pattern in THEME_STYLESHEETS:
        for original in sorted(site.glob(pattern)):
            css = prune(original.read_text(encoding="utf-8"), words)
            if moved := hashed_asset.replace(site, original, css):
                renamed[moved[0]] = moved[1]
    hashed_asset.repoint(zip(pages, markup, strict=True), renamed)
    return renamed
