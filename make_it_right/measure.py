"""The sizes rules.yml limits, by name: a channel's `limits` and `size` name these.

Each is measured on the text as it reads with every field's example filled in; the
checker measures a `max` limit again with each field's `longest` value, where the
measure says its blanks can swell the text (`Measure.with_longest`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from .placeholders import Blank, fields_in, substitute

if TYPE_CHECKING:
    from .model import Template
    from .rules import Rules

_WORD = re.compile(r"\w+(?:['’]\w+)*")

# GSM 03.38: the basic set costs one unit, the extension set two (escape + char).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


_SAID = re.compile(r"\d|[A-Za-z]+")


def read_aloud(number: str) -> str:
    """A phone number as a caller says it: each digit a word of its own, and an
    extension's "ext" or "x" the word "extension" ("+44" is said "four four")."""
    return " ".join(t if t.isdigit() else "extension" for t in _SAID.findall(number))


def seconds_to_say(words: int, rules: Rules) -> float:
    """How long `words` spoken words take at the voicemail pace (rules.yml `limits`)."""
    return words * 60 / rules.limits.voicemail_words_per_minute


def examples(template: Template, *, spell_phones: bool = False) -> dict[str, str]:
    """Each field's example; with spell_phones, a phone number as its digits read aloud."""
    return {
        name: read_aloud(f.example) if spell_phones and f.kind == "phone" else f.example
        for name, f in template.fields.items()
    }


def filled_with_examples(template: Template, name: str, *, spell_phones: bool = False) -> str:
    return substitute(template.text(name).parts, examples(template, spell_phones=spell_phones))


def body_text(template: Template, *, spell_phones: bool = False) -> str:
    values = examples(template, spell_phones=spell_phones)
    return "\n\n".join(substitute(t.parts, values) for t in template.sections)


def fields_measured(template: Template, texts: str) -> list[str]:
    """The fields in the subject (`texts` is "subject") or in the sections ("body")."""
    if texts == "subject":
        chosen = [template.subject] if template.subject else []
    else:
        chosen = list(template.sections)
    return list(dict.fromkeys(name for text in chosen for name in fields_in(text.parts)))


def with_longest_values(template: Template) -> Template:
    """The template with each field's example swapped for its longest value, where
    it declares one."""
    fields = {name: field.model_copy(update={"example": field.longest}) if field.longest
              else field for name, field in template.fields.items()}
    return dataclasses.replace(template, fields=MappingProxyType(fields))


def subject_chars(template: Template, rules: Rules | None = None) -> int:
    return len(filled_with_examples(template, "subject")) if template.subject else 0


def body_words(template: Template, rules: Rules | None = None) -> int:
    return count_words(body_text(template))


def spoken_words(template: Template) -> int:
    return count_words(body_text(template, spell_phones=True))


def spoken_seconds(template: Template, rules: Rules) -> float:
    return seconds_to_say(spoken_words(template), rules)


def phone_mentions(template: Template, rules: Rules | None = None) -> int:
    return sum(1 for t in template.sections for part in t.parts
               if isinstance(part, Blank) and template.fields[part.field].kind == "phone")


@dataclass(frozen=True)
class SmsSize:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int

    @property
    def single_capacity(self) -> int:
        return 160 if self.encoding == "GSM-7" else 70


def sms_size(text: str) -> SmsSize:
    """How a phone sends `text`: its encoding, length in that encoding, and segments.

    One segment holds 160 GSM-7 characters or 70 UCS-2 ones; a longer message is
    split into parts of 153 or 67, each carrying a joining header. A character is
    never split between parts (3GPP TS 23.040): a GSM-7 escape pair or a UTF-16
    surrogate pair that would straddle the end of a part starts the next one.
    """
    if all(ch in GSM7_BASIC or ch in GSM7_EXTENDED for ch in text):
        sizes = [2 if ch in GSM7_EXTENDED else 1 for ch in text]
        single, part, encoding = 160, 153, "GSM-7"
    else:
        sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
        single, part, encoding = 70, 67, "UCS-2"
    units = sum(sizes)
    return SmsSize(encoding, units, 1 if units <= single else _parts(sizes, part))


def _parts(sizes: list[int], capacity: int) -> int:
    """How many parts of `capacity` units the characters fill, none split."""
    parts, used = 1, 0
    for size in sizes:
        if used + size > capacity:
            parts, used = parts + 1, 0
        used += size
    return parts


def sms_segments(template: Template, rules: Rules | None = None) -> int:
    return sms_size(body_text(template)).segments


def sms_characters(template: Template, rules: Rules | None = None) -> int:
    return sms_size(body_text(template)).units


@dataclass(frozen=True)
class Measure:
    """A size, and how the checker says a template is over or under its limit."""

    of: Callable[..., float]
    too_big: str
    too_small: str = ""
    detail: Callable[[Template, Rules], str] = lambda template, rules: ""
    # The text whose size the blanks swell ("subject" or "body"): a `max` limit
    # holds with each of its blanks' `longest` values too. Empty: examples only.
    with_longest: str = ""

    @property
    def with_longest_what(self) -> str:
        return "the subject" if self.with_longest == "subject" else "the text"


def _spoken_detail(template: Template, rules: Rules) -> str:
    return (f" read at {rules.limits.voicemail_words_per_minute} words per minute "
            f"({spoken_words(template)} words, each digit of a phone number counted)")


def _sms_detail(template: Template, rules: Rules) -> str:
    size = sms_size(body_text(template))
    return f" ({size.units} {size.encoding} characters)"


MEASURES: dict[str, Measure] = {
    "subject-chars": Measure(subject_chars, "subject is {value} characters with {values}; "
                             "keep it to {limit}", with_longest="subject"),
    "body-words": Measure(body_words, "{channel} body is {value} words with {values}; "
                          "keep it to {limit}"),
    "spoken-seconds": Measure(spoken_seconds, "{channel} runs {value} seconds with {values}"
                              "{detail}; keep it to {limit} seconds", detail=_spoken_detail,
                              with_longest="body"),
    "phone-mentions": Measure(
        phone_mentions, "", "{channel} says your number {value} time(s); say it {limit} "
        "times, from a field with kind: phone, so the client can write it down"),
    "sms-segments": Measure(
        sms_segments, "{channel} needs {value} segments with {values}{detail}; "
        "keep it to {limit}; one segment holds 160 GSM-7 characters, or 70 if any character "
        "is outside GSM-7 (curly quotes, emoji, many accents)", detail=_sms_detail,
        with_longest="body"),
    "sms-characters": Measure(sms_characters, "{channel} is {value} characters; keep it to {limit}",
                              detail=_sms_detail),
}


def measure(name: str, template: Template, rules: Rules) -> float:
    return MEASURES[name].of(template, rules)
