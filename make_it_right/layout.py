"""One layout for every output: the document a template reads as, before any
value is filled in.

The card's HTML, plain text, .eml, mailto: and sms: renderers all fold this one
document, so they cannot disagree about titles, order or spacing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Template
from .placeholders import Part
from .rules import Rules
from .strings import Strings

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """One section: its title line (for channels that print titles) and its parts."""

    name: str
    title: str | None
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Document:
    template: Template
    subject: tuple[Part, ...] | None
    blocks: tuple[Block, ...]
    subject_line: str  # "Subject: {subject}", from the strings


def layout(template: Template, rules: Rules, strings: Strings) -> Document:
    titled = rules.channels[template.channel].section_titles
    blocks = tuple(
        Block(text.name, strings.sections[text.name] if titled else None, text.parts)
        for text in template.sections
    )
    subject = template.subject.parts if template.subject else None
    return Document(template, subject, blocks, strings.card.subject)
