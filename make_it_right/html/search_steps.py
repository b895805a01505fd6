"""What search indexes of a playbook's steps: the gist, not every paragraph.

A Python-Markdown extension (mkdocs.yml `markdown_extensions`). In a numbered step
(an H2 like "## 3. Have the fix ready", the shape every playbook has), search
indexes the heading, the step's first paragraph, its lists, boxes and quoted
lines, and each card's title and "when" (make_it_right.card). The step's further
paragraphs, before or after its cards, are marked `data-search-exclude`: the
reader finds the step and reads them there. A sub-heading in a step (not a card's)
keeps its first paragraph too. Pages without numbered steps are left as they are.

So the search index stays small enough to load on a phone (issue 10: 25 KB
gzipped) while every situation, step and template is still found.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .card import CARD_ANCHOR

EXCLUDE = "data-search-exclude"
STEP = re.compile(r"\d+\.\s")
HEADINGS = {f"h{level}" for level in range(1, 7)}


def _prose(element: etree.Element) -> bool:
    """A paragraph a reader reads: not a raw HTML block (a card), nor only a
    link that is itself kept out of search."""
    if element.tag != "p" or EXCLUDE in element.attrib:
        return False
    if HTML_PLACEHOLDER_RE.fullmatch((element.text or "").strip()):
        return False
    own = (element.text or "") + "".join(child.tail or "" for child in element)
    return bool(own.strip()) or any(EXCLUDE not in child.attrib for child in element)


class StepGist(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        in_step = False
        budget = 0  # paragraphs still indexed under the current heading
        for element in root:
            if element.tag in HEADINGS:
                if element.get("id", "").startswith(CARD_ANCHOR):
                    continue  # a card: its title and "when" are indexed; the step goes on
                if element.tag in ("h1", "h2"):
                    in_step = element.tag == "h2" and bool(STEP.match("".join(element.itertext())))
                budget = 1
            elif in_step and _prose(element):
                if budget:
                    budget -= 1
                else:
                    element.set(EXCLUDE, "")


class SearchStepsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which sets the headings' ids; before toc (5).
        md.treeprocessors.register(StepGist(md), "make_it_right_search_steps", 7)


def makeExtension(**kwargs) -> SearchStepsExtension:  # the name Python-Markdown looks for
    return SearchStepsExtension(**kwargs)
