"""One layout for every output: the document a template reads as, before any
value is filled in.

The card's HTML, plain text, .eml, mailto: and sms: renderers all fold this one
document, so they cannot disagree about titles, order or spacing.
"""

from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Mapping

from .model import Template, TemplateField
from .placeholders import Blank, Omit, Part, TextError, parse
from .register import FRIENDLY, in_register
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
    register: str = FRIENDLY


def layout(template: Template, rules: Rules, strings: Strings,
           register: str = FRIENDLY) -> Document:
    """The template's document in a register (register.py); ValueError for one it lacks."""
    template = in_register(template, rules, register)
    titled = rules.channels[template.channel].section_titles
    fields = template.fields
    blocks = tuple(
        Block(text.name, strings.sections[text.name] if titled else None,
              group_omissions(text.parts, fields)[0])
        for text in template.sections
    )
    subject = group_omissions(template.subject.parts, fields)[0] if template.subject else None
    return Document(template, subject, blocks, strings.card.subject, register)


LINE = "line"


def group_omissions(parts: tuple[Part, ...], fields: Mapping[str, TemplateField]
                    ) -> tuple[tuple[Part, ...], list[str]]:
    """The parts with each `leave_out` phrase or line grouped as an Omit, and the
    problems found (a blank no phrase holds, phrases that overlap, a text that
    would be left empty).

    A `line` takes its line break with it: the one before it, or the one after
    when it is the first line, so the text around it closes up cleanly.
    """
    # One token per character of text, one per blank.
    tokens: list[Part] = [c for p in parts for c in (p if isinstance(p, str) else [p])]
    spans: list[tuple[int, int, str]] = []
    problems: list[str] = []
    for name, field in fields.items():
        if field.leave_out is None:
            continue
        at = [i for i, token in enumerate(tokens) if token == Blank(name)]
        if not at:
            continue
        if field.leave_out == LINE:
            for i in at:
                start, end = i, i + 1
                while start and tokens[start - 1] != "\n":
                    start -= 1
                while end < len(tokens) and tokens[end] != "\n":
                    end += 1
                if start:
                    start -= 1
                elif end < len(tokens):
                    end += 1
                spans.append((start, end, name))
            continue
        try:
            phrase = parse(field.leave_out)
        except TextError as error:
            problems.append(f"field '{name}': leave_out does not parse: {error}")
            continue
        wanted = [c for p in phrase for c in (p if isinstance(p, str) else [p])]
        if Blank(name) not in wanted:
            problems.append(f"field '{name}': leave_out must hold {{{{ {name} }}}}, or be 'line'")
            continue
        found = [i for i in range(len(tokens) - len(wanted) + 1)
                 if tokens[i:i + len(wanted)] == wanted]
        held = {i + j for i in found for j, token in enumerate(wanted) if token == Blank(name)}
        if set(at) - held:
            problems.append(f"field '{name}': its leave_out phrase {field.leave_out!r} is not "
                            "around every {{ " + name + " }} in this text; make them match")
        spans += [(i, i + len(wanted), name) for i in found]
    spans.sort()
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            problems.append(f"fields '{kept[-1][2]}' and '{span[2]}': the parts they leave "
                            "out overlap; keep each in its own phrase or line")
            continue
        kept.append(span)
    if kept and sum(e - s for s, e, _ in kept) >= len(tokens):
        problems.append(f"leaving out '{kept[0][2]}' would leave this text empty")
    out: list[Part] = []
    position = 0
    for start, end, name in kept:
        out += _join(tokens[position:start])
        out.append(Omit(name, tuple(_join(tokens[start:end]))))
        position = end
    out += _join(tokens[position:])
    return tuple(out), problems


def _join(tokens: list[Part]) -> list[Part]:
    parts: list[Part] = []
    for token in tokens:
        if isinstance(token, str) and parts and isinstance(parts[-1], str):
            parts[-1] += token
        else:
            parts.append(token)
    return parts
