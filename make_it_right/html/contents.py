"""A page's contents list its steps and sections, not its template cards.

A Python-Markdown extension (mkdocs.yml `markdown_extensions`, after `toc`). Each
card's title is a heading, so it keeps its anchor, its permalink and its place in
search, but it leaves the table of contents that MkDocs builds from `toc_tokens`:
a playbook's contents read as its steps (the plan lists its templates), and the
theme, which watches every entry of the contents twice (sidebar and phone menu),
does no work per card. At 500 cards that work was about 400 ms of blocking time
on a phone (scripts/lighthouse.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .card import CARD_ANCHOR


def without_cards(tokens: list[dict]) -> list[dict]:
    """The contents without card entries; what a card held moves up to its place."""
    kept = []
    for token in tokens:
        children = without_cards(token["children"])
        if token["id"].startswith(CARD_ANCHOR):
            kept.extend(children)
        else:
            kept.append(token | {"children": children})
    return kept


class CardsOutOfContents(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # The toc extension adds toc_tokens to the Markdown instance (the stubs lack it).
        tokens = without_cards(getattr(self.md, "toc_tokens", []))
        self.md.toc_tokens = tokens  # type: ignore[attr-defined]


class ContentsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (5), which fills md.toc_tokens.
        md.treeprocessors.register(CardsOutOfContents(md), "make_it_right_contents", 4)


def makeExtension(**kwargs) -> ContentsExtension:  # the name Python-Markdown looks for
    return ContentsExtension(**kwargs)
