"""The rules every template obeys, read from data/rules.yml (the one source).

Channels and playbooks are complete records: code asks a channel what it needs
(its sections, limits, size, actions, scaffold) instead of branching on its name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .datafile import DATA_DIR, language_file, load_yaml, validated
from .measure import MEASURES
from .model import KEBAB, FieldName, Kebab, TemplateField, id_problem
from .patterns import checked_pattern, compile_portable
from .register import FRIENDLY, GREETING, SIGN_OFF

RULES_FILE = DATA_DIR / "rules.yml"
# The language every other one is an overlay of: templates, pages and strings are
# written in it first.
CANONICAL = "en"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Playbook(Strict):
    page: str = Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")
    checklist: str = Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")


class Limit(Strict):
    measure: str
    max: float | None = None
    min: float | None = None

    @model_validator(mode="after")
    def _known_and_bounded(self) -> Limit:
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure '{self.measure}'; use one of: {', '.join(MEASURES)}")
        if (self.max is None) == (self.min is None):
            raise ValueError("give a limit exactly one of max or min")
        return self


class ScaffoldField(Strict):
    label: str
    example: str
    hint: str
    kind: str = "text"


class Scaffold(Strict):
    fields: dict[str, ScaffoldField] = {}
    sections: dict[str, str] = {}


class Register(Strict):
    """Another way to greet and sign off (make_it_right/register.py): in a channel with
    greeting and sign-off sections, the greeting section's words and the sign-off's
    closing line; in any channel, phrases swapped wherever a template's text has them
    ("Hi {{ client_name }}," for "Hello {{ client_formal_name }},"). The blanks its
    words bring are the rules' `register_fields`."""

    greeting: str | None = Field(default=None, min_length=1)
    closing: str | None = Field(default=None, min_length=1)
    swap: dict[Annotated[str, StringConstraints(min_length=1)], str] = {}

    @model_validator(mode="after")
    def _says_something(self) -> Register:
        if (self.greeting is None) != (self.closing is None):
            raise ValueError("give a register both a greeting and a closing, or neither")
        if self.greeting is None and not self.swap:
            raise ValueError("a register needs a greeting and a closing, or phrases to swap")
        return self

    @property
    def swaps_sections(self) -> bool:
        return self.greeting is not None


class Action(Strict):
    """One thing a card's button does (rules.yml `actions`)."""

    link: bool = False      # a real link to the reader's own app, not a button
    asks: bool = False      # asks first when blanks are still empty
    marks: bool = False     # marks the template as sent on the plan
    reminder: bool = False  # offered by a reminder field, not by a channel


class Channel(Strict):
    subject: Literal["required", "forbidden"]
    sections: list[str] | Literal["free"]
    section_titles: bool = False
    min_sections: int = 1
    limits: list[Limit]
    size: str | None = None
    actions: list[Kebab]
    primary: Kebab | None = None
    scaffold: Scaffold = Scaffold()
    registers: dict[Kebab, Register] = {}

    @property
    def free_sections(self) -> bool:
        return self.sections == "free"

    @property
    def has_subject(self) -> bool:
        return self.subject == "required"

    @model_validator(mode="after")
    def _registers_have_their_sections(self) -> Channel:
        if FRIENDLY in self.registers:
            raise ValueError(f"'{FRIENDLY}' is the template's own words; name other registers")
        swapping = any(register.swaps_sections for register in self.registers.values())
        if swapping and (self.free_sections or not {GREETING, SIGN_OFF} <= set(self.sections)):
            raise ValueError(f"a register with a greeting and a closing swaps the '{GREETING}' and "
                             f"'{SIGN_OFF}' sections, so its channel must have both (or give it `swap:` phrases)")
        return self

    @model_validator(mode="after")
    def _primary_is_an_action(self) -> Channel:
        if self.primary is not None and self.primary not in self.actions:
            raise ValueError(f"primary '{self.primary}' is not one of its actions: {', '.join(self.actions)}")
        return self

    @model_validator(mode="after")
    def _size_is_a_measure(self) -> Channel:
        if self.size is not None and self.size not in MEASURES:
            raise ValueError(f"size '{self.size}' is not a measure; use one of: {', '.join(MEASURES)}")
        return self


class Limits(Strict):
    voicemail_words_per_minute: int = Field(gt=0)  # from the language's speech
    playbook_max_words: int
    checklist_min_items: int = Field(ge=1)
    checklist_max_items: int = Field(ge=1)
    checklist_item_max_chars: int = Field(gt=0)


class BlockedPhrase(Strict):
    id: str = Field(pattern=KEBAB)
    phrase: str
    pattern: str | None = None
    case_sensitive: bool = False
    why: str
    instead: str

    @property
    def source(self) -> str:
        """The pattern as both Python and the browser compile it."""
        return self.pattern or re.escape(self.phrase)

    @property
    def regex(self) -> re.Pattern[str]:
        return compile_portable(self.source, self.case_sensitive)

    @model_validator(mode="after")
    def _compiles(self) -> BlockedPhrase:
        checked_pattern(self.source, f"pattern for '{self.phrase}'", self.case_sensitive)
        return self


class WrittenAdmissions(Strict):
    """What never goes in writing until a manager agrees: `check` refuses these
    rules (their patterns live in data/draft-rules/<language>.yml, by id) in the
    templates of `channels`, unless a template names them under needs_sign_off."""

    channels: list[str]
    ids: list[Kebab] = Field(min_length=1)

class Voice(Strict):
    # English prose habits; a language without them leaves them out (not counted).
    max_then_openers: int | None = Field(default=None, ge=0)
    max_not_contrasts: int | None = Field(default=None, ge=0)
    client_line_words: list[str]


class Search(Strict):
    pipeline: list[Literal["trimmer", "stopWordFilter", "stemmer"]]


class Speech(Strict):
    words_per_minute: int = Field(gt=0)


class Sms(Strict):
    # Replaces the `sms-segments` max of every channel that has one (rules.yml).
    max_segments: int = Field(gt=0)


class Readability(Strict):
    """The reading measure a playbook's prose keeps to (readability.py)."""

    measure: Literal["flesch", "lix", "none"]
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _bounded_the_right_way(self) -> Readability:
        want = {"flesch": "min", "lix": "max"}.get(self.measure)
        given = [k for k in ("min", "max") if getattr(self, k) is not None]
        if given != ([want] if want else []):
            raise ValueError(f"measure '{self.measure}' takes "
                             + (f"only `{want}`" if want else "no bound"))
        return self


class LanguageRegister(Strict):
    greeting: str | None = Field(default=None, min_length=1)
    closing: str | None = Field(default=None, min_length=1)
    swap: dict[Annotated[str, StringConstraints(min_length=1)], str] = {}
    fields: dict[FieldName, TemplateField] = {}


class Language(Strict):
    """One language's part of the rules (data/languages/<code>.yml)."""

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str = Field(min_length=1)
    status: Literal["complete", "in-progress"]
    hyphenation: str = Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")
    search: Search
    speech: Speech
    # A text-message limit of its own, for a language whose letters are outside GSM-7.
    sms: Sms | None = None
    readability: Readability
    # Another language's words for a register rules.yml's channels name (English's
    # are in rules.yml): the greeting and closing where a channel swaps sections, the
    # phrases to swap elsewhere (none: the register is not offered there), its blanks.
    registers: dict[Kebab, LanguageRegister] = {}
    voice: Voice
    # Words a translation may keep as English has them (names, brands, numbers).
    keep_as_is: list[str] = []


class Adjustment(Strict):
    """A situation's change to the parts a draft needs."""

    channels: list[str] | None = None
    skip: list[str] = []
    add: list[str] = []


class EaseBar(Strict):
    words: int = Field(ge=1)  # a draft of at least this many words…
    min: float  # …scores at least this


class ReadingEase(Strict):
    bars: list[EaseBar] = Field(min_length=1)
    # One sentence this long is hard to follow whatever the draft's score.
    max_sentence_words: int = Field(ge=1)
    sentence_channels: list[str]  # the channels that are read, not heard


class DraftChecks(Strict):
    """What a draft needs, by channel and situation; the parts' patterns are per
    language, in data/draft-rules/<language>.yml `parts`."""

    channels: dict[str, list[Kebab]]
    situations: dict[str, list[Adjustment]] = {}
    phone_pattern: str
    email_paragraphs: int = Field(ge=2)
    reading_ease: ReadingEase

    @property
    def phone_regex(self) -> re.Pattern[str]:
        return compile_portable(self.phone_pattern)

    @property
    def parts(self) -> list[str]:
        """Every part a channel or a situation names, in the order first named."""
        named = [p for need in self.channels.values() for p in need]
        named += [p for changes in self.situations.values() for a in changes for p in a.skip + a.add]
        return list(dict.fromkeys(named))

    def patterns(self) -> dict[str, str]:
        """Every pattern here, by where it sits, for validation and for the tests."""
        return {"phone_pattern": self.phone_pattern}

    @model_validator(mode="after")
    def _consistent(self) -> DraftChecks:
        for where, pattern in self.patterns().items():
            checked_pattern(pattern, f"draft_checks.{where}")
        channels = [c for changes in self.situations.values() for a in changes for c in a.channels or []]
        unknown = sorted(set(channels) - set(self.channels))
        if unknown:
            raise ValueError(f"names channel(s) {', '.join(unknown)} that drafts are not checked "
                             f"for; use: {', '.join(self.channels)}")
        return self


class Rules(Strict):
    playbooks: dict[str, Playbook]
    actions: dict[Kebab, Action]
    channels: dict[str, Channel]
    about_me: list[FieldName]
    register_fields: dict[Kebab, dict[FieldName, TemplateField]] = {}
    case_name_from: list[FieldName] = []
    case_identity: list[FieldName | Literal["@to", "@cc"]] = []
    reminders: list[FieldName]
    limits: Limits
    unfinished_marker: str
    phrase_check_exempt_sections: list[str]
    blocked_phrases: list[BlockedPhrase]
    written_admissions: WrittenAdmissions
    voice: Voice
    draft_checks: DraftChecks
    language: Language

    @model_validator(mode="after")
    def _ids_are_kebab(self) -> Rules:
        for what, ids in (("playbook", self.playbooks), ("channel", self.channels)):
            for name in ids:
                problem = id_problem(name)
                if problem:
                    raise ValueError(f"{what} id '{name}' {problem}")
        return self

    @model_validator(mode="after")
    def _register_fields_name_registers(self) -> Rules:
        known = {name for channel in self.channels.values() for name in channel.registers}
        unknown = sorted(set(self.register_fields) - known)
        if unknown:
            raise ValueError(f"register_fields names no register a channel has: {', '.join(unknown)}; "
                             f"use one of: {', '.join(sorted(known)) or 'none'}")
        return self

    @model_validator(mode="after")
    def _channels_offer_known_actions(self) -> Rules:
        for name, channel in self.channels.items():
            unknown = [a for a in channel.actions if a not in self.actions]
            if unknown:
                raise ValueError(f"channel '{name}' offers unknown action(s) {', '.join(unknown)}; "
                                 f"the actions are: {', '.join(self.actions)}")
            by_reminder = [a for a in channel.actions if self.actions[a].reminder]
            if by_reminder:
                raise ValueError(f"channel '{name}' lists {', '.join(by_reminder)}, which a "
                                 "reminder field offers; take it out of the channel's actions")
        return self

    @model_validator(mode="after")
    def _drafts_fit_the_rules(self) -> Rules:
        drafts = self.draft_checks
        unknown = [c for c in drafts.channels if c not in self.channels]
        if unknown:
            raise ValueError(f"draft_checks.channels names unknown channel(s) {', '.join(unknown)}")
        unknown = [p for p in drafts.situations if p not in self.playbooks]
        if unknown:
            raise ValueError(f"draft_checks.situations names unknown playbook(s) {', '.join(unknown)}")
        return self

    @model_validator(mode="after")
    def _admission_channels_known(self) -> Rules:
        unknown = [c for c in self.written_admissions.channels if c not in self.channels]
        if unknown:
            raise ValueError(f"written_admissions.channels names unknown channel(s) "
                             f"{', '.join(unknown)}; use: {', '.join(self.channels)}")
        return self

    def finding_ids(self) -> list[str]:
        """Every id a draft finding can carry besides the wording rules' (data/
        draft-rules): parts, the subject, each measure a draft channel limits, and
        reading ease. Each is unique."""
        measures = {limit.measure for name in self.draft_checks.channels
                    for limit in self.channels[name].limits}
        return [*self.draft_checks.parts, "subject", *sorted(measures), "reading-ease"]

    @model_validator(mode="after")
    def _finding_ids_unique(self) -> Rules:
        ids = self.finding_ids()
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"id(s) {', '.join(twice)} name more than one rule; "
                             "a draft finding's id must name one")
        return self


def languages_dir(rules_path: Path = RULES_FILE) -> Path:
    """Where the per-language parts of a rules file live: beside it."""
    return rules_path.parent / "languages"


LANGUAGES_DIR = languages_dir()


@cache
def load_language(code: str = CANONICAL, folder: Path = LANGUAGES_DIR) -> Language:
    path = language_file(folder, code, "language rules")
    data = load_yaml(path)
    if isinstance(data, dict):
        data = {"code": code, **data}
    return validated(data, path, Language)


@cache
def load_rules(path: Path = RULES_FILE, language: str = CANONICAL) -> Rules:
    """rules.yml with one language's part (languages/<language>.yml) joined in:
    the registers' words, the voice, the voicemail's pace."""
    lang = load_language(language, languages_dir(path))
    data = load_yaml(path)
    if isinstance(data, dict):
        data = _with_language(data, lang, path)
    return validated(data, path, Rules)


def _with_sms_limit(channel: object, max_segments: int) -> object:
    """A channel whose `sms-segments` limit, if it has one, is `max_segments`."""
    if not isinstance(channel, dict) or not isinstance(channel.get("limits"), list):
        return channel
    return {**channel, "limits": [
        {**limit, "max": max_segments}
        if isinstance(limit, dict) and limit.get("measure") == "sms-segments" else limit
        for limit in channel["limits"]]}


def _with_language(data: dict, lang: Language, path: Path) -> dict:
    """rules.yml's data with a language's words for each register a channel names
    (English's are rules.yml's own), the voice, the voicemail's pace and its own
    text-message limit, if it has one."""
    channels, fields = data.get("channels"), data.get("register_fields")
    if isinstance(channels, dict) and lang.code != CANONICAL:
        channels = dict(channels)
        for name, channel in channels.items():
            registers = channel.get("registers") if isinstance(channel, dict) else None
            if not isinstance(registers, dict):
                continue
            ours: dict[str, dict] = {}
            for register, spec in registers.items():
                words = lang.registers.get(register)
                if words is None:
                    continue  # not offered in this language
                if isinstance(spec, dict) and "greeting" in spec and words.greeting:
                    ours[register] = {"greeting": words.greeting, "closing": words.closing}
                elif words.swap:
                    ours[register] = {"swap": words.swap}
            channels[name] = {**channel, "registers": ours}
        if isinstance(fields, dict):
            offered = {r for c in channels.values() if isinstance(c, dict)
                       for r in c.get("registers") or {}}
            fields = {register: words.fields for register, words in lang.registers.items()
                      if words.fields and register in offered}
    if lang.sms is not None and isinstance(channels, dict):
        channels = {name: _with_sms_limit(channel, lang.sms.max_segments)
                    for name, channel in channels.items()}
    limits = data.get("limits")
    if isinstance(limits, dict):
        limits = {**limits, "voicemail_words_per_minute": lang.speech.words_per_minute}
    return {**data, "channels": channels, "register_fields": fields, "limits": limits,
            "voice": lang.voice, "language": lang}
