"""A template in one register as a snippet: its trigger, its name, and its text as
literal pieces and named fill-ins, from the same document the card and the text
renderer fold (layout.layout)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..layout import BLOCK_SEPARATOR, Document, layout
from ..placeholders import Blank, Omit, Part
from ..register import FRIENDLY, registers_of
from ..render import fill
from ..rules import Rules
from ..strings import Strings
from ..model import Template

TRIGGER_PREFIX = ";mir-"
SHORT_CHARACTERS = 480  # formats without fill-ins take texts up to this long, filled with examples


class ExportError(ValueError):
    """A template that a format cannot carry as inert text."""


@dataclass(frozen=True)
class Prompt:
    name: str  # the template's field name
    label: str
    default: str  # the field's fallback, or ""
    example: str
    multiline: bool


@dataclass(frozen=True)
class Snippet:
    template_id: str
    register: str
    trigger: str
    name: str
    # The text as it expands: literal strings, Blanks, and Omits (a phrase the
    # reader may leave out with its blank), ending without a final line break.
    parts: tuple[Part, ...]
    prompts: dict[str, Prompt]
    example_text: str  # the command line's text output with every example, no final line break

    def in_order(self) -> list[Prompt]:
        """The fill-ins in the order the text first uses them."""
        seen: dict[str, Prompt] = {}
        for part in _flatten(self.parts):
            if isinstance(part, Blank):
                seen.setdefault(part.field, self.prompts[part.field])
        return list(seen.values())


def trigger(template_id: str, register: str) -> str:
    """;mir-<id>, and -<register> for any register but the template's own."""
    return TRIGGER_PREFIX + template_id + ("" if register == FRIENDLY else f"-{register}")


def snippets_of(templates: Iterable[Template], rules: Rules, strings: Strings) -> list[Snippet]:
    """One snippet per template and register, in the order given."""
    return [snippet(t, rules, strings, register)
            for t in templates for register in [FRIENDLY, *registers_of(t, rules)]]


def snippet(template: Template, rules: Rules, strings: Strings, register: str = FRIENDLY) -> Snippet:
    document = layout(template, rules, strings, register)
    fields = document.template.fields
    prompts = {name: Prompt(name, f.label, f.fallback or "", f.example, f.kind == "long")
                for name, f in fields.items()}
    name = template.title if register == FRIENDLY else f"{template.title} ({register})"
    examples = {name: f.example for name, f in fields.items()}
    return Snippet(template.id, register, trigger(template.id, register), name,
                   _parts(document), prompts, fill(document, examples).text.rstrip("\n"))


def _parts(document: Document) -> tuple[Part, ...]:
    """The document as text_output would write it, with the blanks still open."""
    parts: list[Part] = []
    if document.subject is not None:
        before, _, after = document.subject_line.partition("{subject}")
        parts += [before, *document.subject, after, BLOCK_SEPARATOR]
    for i, block in enumerate(document.blocks):
        if i:
            parts.append(BLOCK_SEPARATOR)
        if block.title:
            parts.append(block.title + "\n")
        parts += block.parts
    return tuple(p for p in parts if p != "")


def _flatten(parts: Iterable[Part]) -> Iterable[str | Blank]:
    for part in parts:
        if isinstance(part, Omit):
            yield from _flatten(part.parts)
        else:
            yield part


def short(snippets: Iterable[Snippet]) -> list[Snippet]:
    return [s for s in snippets if len(s.example_text) <= SHORT_CHARACTERS]


_BRACKETS = str.maketrans("[]{}", "()()")  # a label's own brackets would read as a blank's edge


def bracketed(parts: Iterable[Part], prompts: dict[str, Prompt]) -> str:
    """The text with each blank written [Label], for tools with no fill-ins."""
    labels = unique_labels(prompts, lambda label: label.translate(_BRACKETS))
    return "".join(f"[{labels[p.field]}]" if isinstance(p, Blank) else p
                   for p in _flatten(parts))


def unique_labels(prompts: dict[str, Prompt], clean) -> dict[str, str]:
    """Each field's label, cleaned for a format, made unique within the snippet."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name, item in prompts.items():
        label = " ".join(clean(item.label).split()) or name
        candidate, n = label, 2
        while candidate.casefold() in taken:
            candidate, n = f"{label} {n}", n + 1
        taken.add(candidate.casefold())
        out[name] = candidate
    return out
