"""Sizes the rules limit: subject length, email words, voicemail seconds.

Measured on the text as it reads with every field's example filled in.
"""

from __future__ import annotations

import re

from .model import Template
from .placeholders import Blank, substitute
from .rules import Rules

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def filled_with_examples(template: Template, name: str, *, spell_phones: bool = False) -> str:
    """A text with each blank replaced by its example.

    With spell_phones, a phone number becomes its digits one by one, the way it is
    read aloud, so each digit counts as a word.
    """
    examples = {
        field_name: " ".join(ch for ch in f.example if ch.isdigit())
        if spell_phones and f.kind == "phone" else f.example
        for field_name, f in template.fields.items()
    }
    return substitute(template.parts(name), examples)


def subject_chars(template: Template) -> int:
    return len(filled_with_examples(template, "subject"))


def body_words(template: Template) -> int:
    return sum(count_words(filled_with_examples(template, s)) for s in template.sections)


def spoken_words(template: Template) -> int:
    return sum(
        count_words(filled_with_examples(template, s, spell_phones=True))
        for s in template.sections
    )


def spoken_seconds(template: Template, rules: Rules) -> float:
    return spoken_words(template) * 60 / rules.limits.voicemail_words_per_minute


def phone_mentions(template: Template) -> int:
    return sum(
        1
        for s in template.sections
        for part in template.parts(s)
        if isinstance(part, Blank) and template.fields[part.field].kind == "phone"
    )
