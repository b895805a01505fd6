"""Registers: one template greeting and signing off in other words.

A template's own words are its friendly register. Each other register, named in
its channel's record in rules.yml, swaps the greeting section for its own words
and the sign-off's closing line ("Best wishes,") for its closing, and brings the
blanks its words use (rules.yml `register_fields`). In a channel whose greeting
sits inside its first line (a voicemail, a text, a chat message, a call script),
a register swaps phrases instead ("Hi {{ client_name }}," for
"Hello {{ client_formal_name }},"), and a template has that register only where
its text holds one of them. An email template may give its own words for a
register (`registers:` in its file). The checker holds every register of a
template to the same contract as the template itself.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from .model import Template, TemplateText
from .placeholders import fields_in

if TYPE_CHECKING:
    from .rules import Rules

FRIENDLY = "friendly"
GREETING = "greeting"
SIGN_OFF = "sign-off"


def registers_of(template: Template, rules: Rules) -> list[str]:
    """The registers a template can be read in besides its own, in the rules' order:
    a register that only swaps phrases applies where the template has one of them."""
    channel = rules.channels.get(template.channel)
    if not channel:
        return []
    return [name for name, spec in channel.registers.items()
            if spec.swaps_sections or any(phrase in text.source for text in template.sections
                                          for phrase in spec.swap)]


def in_register(template: Template, rules: Rules, register: str = FRIENDLY) -> Template:
    """The template as it reads in the register; raises ValueError for one its
    channel does not have."""
    if register == FRIENDLY:
        return template
    known = registers_of(template, rules)
    if register not in known:
        choices = ", ".join([FRIENDLY, *known])
        raise ValueError(f"{template.id} has no register '{register}'; use one of: {choices}")
    spec = rules.channels[template.channel].registers[register]
    own = template.registers.get(register)
    greeting = own.greeting if own and own.greeting else spec.greeting
    closing = own.closing if own and own.closing else spec.closing
    sections = tuple(
        TemplateText.of(text.name, greeting) if text.name == GREETING and greeting
        else TemplateText.of(text.name, with_closing(text.source, closing)) if text.name == SIGN_OFF and closing
        else TemplateText.of(text.name, swapped(text.source, spec.swap)) if spec.swap
        else text
        for text in template.sections)
    used = {name for text in (template.subject, *sections) if text
            for name in fields_in(text.parts)}
    # The register's blanks come first (the greeting opens the text); a template's
    # own field of the same name wins. Blanks only its friendly words used go.
    brought = rules.register_fields.get(register, {})
    fields = {name: field for name, field in brought.items() if name in used}
    fields |= {name: field for name, field in template.fields.items() if name in used}
    return dataclasses.replace(template, sections=sections, fields=MappingProxyType(fields))


def swapped(source: str, swap: Mapping[str, str]) -> str:
    """The text with each of the register's phrases in its own words, in one pass
    (a swapped phrase is never swapped again)."""
    if not swap:
        return source
    phrases = re.compile("|".join(re.escape(p) for p in sorted(swap, key=len, reverse=True)))
    return phrases.sub(lambda found: swap[found.group()], source)


def with_closing(sign_off: str, closing: str) -> str:
    """The sign-off with its first line replaced by the closing, or, when that
    line is a blank (a bare name), with the closing put above it."""
    first, newline, rest = sign_off.partition("\n")
    if "{" in first or not newline:
        return f"{closing}\n{sign_off}"
    return f"{closing}\n{rest}"
