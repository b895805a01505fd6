"""The words the engine and the browser script show a reader, read from
data/strings/<language>.yml into a validated model: a missing or extra key, or a
message that lost its {placeholder}, fails at load naming the file and the key."""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from .datafile import DATA_DIR, language_file, load_yaml, validated
from .draft_rules import CATEGORIES as DRAFT_CATEGORIES
from .errors import DataError
from .rules import CANONICAL

STRINGS_DIR = DATA_DIR / "strings"


def _placeholders(*names: str) -> AfterValidator:
    """A message that must hold exactly these {placeholders}."""
    def check(text: str) -> str:
        try:
            found = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as error:
            raise ValueError(f"has unbalanced braces ({error})") from None
        if found != set(names):
            want = ", ".join(f"{{{n}}}" for n in names) or "no {placeholders}"
            raise ValueError(f"must contain {want}, and no other; it has "
                             f"{', '.join(f'{{{n}}}' for n in sorted(found)) or 'none'}")
        return text
    return AfterValidator(check)


Plain = Annotated[str, _placeholders()]


def _plural_forms(forms: dict[str, str]) -> dict[str, str]:
    from .plurals import CATEGORIES

    unknown = [c for c in forms if c not in CATEGORIES]
    if unknown or "other" not in forms:
        raise ValueError(f"plural forms are CLDR categories ({', '.join(CATEGORIES)}), "
                         f"with 'other' among them; it has {', '.join(forms)}")
    return forms


# A text that takes a number ({count} or {value}): one text, or a mapping of the
# language's CLDR plural categories to texts, each with the same placeholder
# (plurals.py; the browser picks with Intl.PluralRules).
Counted = (Annotated[str, _placeholders("count")]
           | Annotated[dict[str, Annotated[str, _placeholders("count")]],
                       AfterValidator(_plural_forms)])
CountedValue = (Annotated[str, _placeholders("value")]
                | Annotated[dict[str, Annotated[str, _placeholders("value")]],
                            AfterValidator(_plural_forms)])


class _Strings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CardSize(_Strings):
    body_words: CountedValue
    spoken_seconds: CountedValue
    sms_characters: CountedValue

    model_config = ConfigDict(extra="forbid", frozen=True,
                              alias_generator=lambda name: name.replace("_", "-"))


class Card(_Strings):
    when: Plain
    blanks: Plain
    example: Annotated[str, _placeholders("example")]
    fallback: Annotated[str, _placeholders("fallback")]
    optional: Plain
    subject: Annotated[str, _placeholders("subject")]
    size: CardSize
    blank: Annotated[str, _placeholders("label")]
    left_out_line: Plain
    left_out_phrase: Annotated[str, _placeholders("phrase")]
    second_reader: Plain
    sign_off_label: Plain
    sign_off: Plain


class Index(_Strings):
    none: Plain


class Checklist(_Strings):
    print_link: Plain


class PhraseBank(_Strings):
    avoid: Plain
    why: Plain
    instead: Plain


def _labels_for(names: tuple[str, ...]) -> AfterValidator:
    """A label for each of these names, no more and no fewer."""
    def check(labels: dict[str, str]) -> dict[str, str]:
        missing = [n for n in names if n not in labels]
        extra = [n for n in labels if n not in names]
        if missing or extra:
            raise ValueError("; ".join([f"add {', '.join(missing)}"] * bool(missing)
                                       + [f"remove {', '.join(extra)}"] * bool(extra)))
        return labels
    return AfterValidator(check)


class Messages(_Strings):
    copied: Annotated[str, _placeholders("title")]
    copied_button: Plain
    copy_failed: Plain
    action_failed: Plain
    cleared: Annotated[str, _placeholders("case")]
    deleted: Annotated[str, _placeholders("case")]
    forgotten_all: Plain
    restored: Annotated[str, _placeholders("case")]
    switched: Annotated[str, _placeholders("case")]
    remembered: Plain
    forgotten: Plain
    me_remembered: Plain
    me_forgotten: Plain
    no_storage: Plain
    save_failed: Plain
    left_one: Plain
    left_many: Counted
    all_filled: Plain
    downloaded: Annotated[str, _placeholders("file")]
    long_link: Annotated[str, _placeholders("count")]
    bad_address: Annotated[str, _placeholders("address")]
    bad_phone: Annotated[str, _placeholders("number")]
    sms_needs_number: Plain
    file_fallback: Plain
    reminder_empty: Plain
    keep_question: Plain
    keep_detail: Plain
    keep_yes: Plain
    keep_no: Plain
    guard_question: Annotated[str, _placeholders("new", "old")]
    guard_new: Plain
    guard_correct: Annotated[str, _placeholders("old")]
    guard_corrected: Annotated[str, _placeholders("old")]
    to_line: Annotated[str, _placeholders("to")]
    cc_line: Annotated[str, _placeholders("cc")]
    to_nobody: Plain


class RegisterStrings(_Strings):
    label: Plain  # in the register picker
    only: Plain | None = None  # beside a blank only this register's words use


class Filler(_Strings):
    title: Plain
    intro: Plain
    optional: Plain
    skip: Plain
    bar_label: Plain
    bar_case: Annotated[str, _placeholders("case")]
    here_change: Plain
    framed: Plain
    offline_ready: Plain
    offline_update: Plain
    offline_reload: Plain
    fill_everything: Plain
    case_title: Plain
    case_intro: Plain
    case_pick: Plain
    case_menu: Plain
    case_name: Plain
    case_default: Annotated[str, _placeholders("number")]
    case_copy: Annotated[str, _placeholders("case")]
    case_new: Plain
    case_duplicate: Plain
    case_clear: Plain
    case_delete: Plain
    remember_cases: Plain
    to: Plain
    cc: Plain
    send_hint: Plain
    more: Plain
    cc_hint: Plain
    sms_to: Plain
    sms_hint: Plain
    about_title: Plain
    about_intro: Plain
    about_done: Plain
    from_: Plain = Field(alias="from")
    from_hint: Plain
    remember_me: Plain
    forget: Plain
    undo: Plain
    focus_label: Annotated[str, _placeholders("title")]
    focus_blanks: Plain
    preview: Plain
    show_preview: Plain
    show_blanks: Plain
    close: Plain
    reminder: Plain
    reminder_when: Plain
    reminder_title: Annotated[str, _placeholders("case", "title")]
    copy_fallback: Plain
    copy_subject: Plain
    copy_body: Plain
    missing_title: Plain
    missing_text: Plain
    fill_them: Plain
    actions_label: Annotated[str, _placeholders("title")]
    register_pick: Plain
    registers: dict[str, RegisterStrings]
    actions: dict[str, Plain]  # one per rules.yml action (check_strings_cover)
    anyway: dict[str, Plain]  # one per action that asks first
    messages: Messages


class Guide(_Strings):
    read: Plain
    also_read: Plain
    templates: Plain
    restart: Plain
    done: Plain
    plan: Plain
    plan_guide: Plain


class SiteWords(_Strings):
    """The theme's own words: page dates, the version, template edit links, the 404."""
    updated: Annotated[str, _placeholders("date")]
    version: Annotated[str, _placeholders("version")]
    changelog: Plain
    edit_templates: Plain
    not_found_title: Plain
    not_found_text: Plain
    not_found_guide: Plain
    not_found_search: Plain


class Contributing(_Strings):
    channel: Plain
    sections: Plain
    free: Annotated[str, _placeholders("count")]
    limits: Plain
    limit: dict[str, CountedValue]


class Advice(_Strings):
    """A draft finding's words: what is wrong, and a line to use instead."""

    message: Plain
    instead: Plain


class LimitAdvice(_Strings):
    message: Annotated[str, _placeholders("value", "limit")]
    instead: Plain


class EaseAdvice(_Strings):
    message: Annotated[str, _placeholders("score", "min")]
    long_sentence: Annotated[str, _placeholders("words", "max")]
    instead: Plain


class DraftSizes(_Strings):
    words: CountedValue
    spoken_seconds: CountedValue
    subject_chars: CountedValue
    sms: Annotated[str, _placeholders("value", "segments")]
    reading_ease: Annotated[str, _placeholders("value")]


class SetAsideWords(_Strings):
    """What the checker says it did not read: each kind, and how they join."""

    kinds: dict[str, Counted | str]  # may say {count}, the lines set aside
    joined: Annotated[str, _placeholders("first", "last")]
    note: Annotated[str, _placeholders("parts")]


class Draft(_Strings):
    """"Check my draft": the page, the browser script and `make-it-right check-draft`."""

    label: Plain
    hint: Plain
    channel: Plain
    guess: Plain
    guessed: Annotated[str, _placeholders("channel")]
    situation: Plain
    any_situation: Plain
    results: Plain
    empty: Plain
    none: Plain
    count_one: Plain
    count_many: Counted
    instead: Plain
    quoted: Annotated[str, _placeholders("text")]
    noscript: Plain
    card_link: Plain
    categories: Annotated[dict[str, Plain], _labels_for(DRAFT_CATEGORIES)]
    link: Plain
    too_long: LimitAdvice
    set_aside: SetAsideWords
    parts: dict[str, Advice]
    limits: dict[str, LimitAdvice]
    reading_ease: EaseAdvice
    sizes: DraftSizes


class ExportTool(_Strings):
    install: Plain


class Exports(_Strings):
    """The "Use these in your own tools" page: its table and each tool's install note."""

    tool: Plain
    file: Plain
    install: Plain
    whole_pack: Plain
    size: Annotated[str, _placeholders("kb")]
    per_playbook: Plain
    # In each card's "More" menu: that template's snippet for a text expander.
    card_add: Plain
    card_format: Annotated[str, _placeholders("tool", "suffix")]
    card_other: Plain
    tools: dict[str, ExportTool]


class Strings(_Strings):
    """Every string, by where it shows."""

    channels: dict[str, Plain]
    playbooks: dict[str, Plain]
    sections: dict[str, Plain]
    card: Card
    index: Index
    checklist: Checklist
    phrase_bank: PhraseBank
    filler: Filler
    guide: Guide
    contributing: Contributing
    draft: Draft
    site: SiteWords
    exports: Exports
    _language: str = PrivateAttr(default=CANONICAL)

    @property
    def language(self) -> str:
        return self._language

    def counted(self, text: str | dict[str, str], number: float, **params: object) -> str:
        """A text that takes a number, in the form the number needs in this language."""
        from .plurals import plural_form

        return plural_form(text, number, self._language).format(**params)


def strings_path(language: str) -> Path:
    return STRINGS_DIR / f"{language}.yml"


@cache
def load_strings(language: str = CANONICAL) -> Strings:
    """A language's strings; while it is in progress, a key it lacks takes English's
    words (the parity tests and `make-it-right languages` list them)."""
    from .rules import load_language

    path = language_file(STRINGS_DIR, language, "strings")
    data = load_yaml(path)
    if language != CANONICAL and load_language(language).status == "in-progress":
        data = _filled_from(load_yaml(strings_path(CANONICAL)), data)
    strings = validated(data, path, Strings)
    strings._language = language
    return strings


def _filled_from(english: object, own: object) -> object:
    """`own` with every key it lacks taken from `english`, at any depth."""
    if not isinstance(english, dict) or not isinstance(own, dict):
        return own
    return {**english, **{key: _filled_from(english.get(key), value) for key, value in own.items()}}


def check_strings_cover(strings: Strings, rules, language: str) -> None:
    """Every channel, playbook and titled section in the rules has its words."""
    problems = []
    for key, names in (("channels", rules.channels), ("playbooks", rules.playbooks)):
        have = getattr(strings, key)
        problems += [f"key '{key}.{n}' is missing; add it" for n in names if n not in have]
        problems += [f"key '{key}.{n}' is not a known {key[:-1]}; remove it"
                     for n in have if n not in names]
    for name, channel in rules.channels.items():
        if channel.section_titles and not channel.free_sections:
            problems += [f"key 'sections.{s}' is missing; add the title of {name}'s section"
                         for s in channel.sections if s not in strings.sections]
    from .measure import MEASURES
    from .register import FRIENDLY

    registers = [FRIENDLY, *dict.fromkeys(r for c in rules.channels.values() for r in c.registers)]
    have = strings.filler.registers
    problems += [f"key 'filler.registers.{r}.label' is missing; add how the picker names it"
                 for r in registers if r not in have]
    problems += [f"key 'filler.registers.{r}.only' is missing; add the note for its own blanks"
                 for r in registers[1:] if r in have and have[r].only is None]
    problems += [f"key 'filler.registers.{r}' is not a register in rules.yml; remove it"
                 for r in have if r not in registers]

    asking = [a for a, action in rules.actions.items() if action.asks]
    for key, names in (("actions", list(rules.actions)), ("anyway", asking)):
        have = getattr(strings.filler, key)
        problems += [f"key 'filler.{key}.{n}' is missing; add its label" for n in names if n not in have]
        problems += [f"key 'filler.{key}.{n}' is not an action{' that asks first' * (key == 'anyway')} "
                     "in rules.yml; remove it" for n in have if n not in names]

    problems += [f"key 'contributing.limit.{m}' is missing; add it" for m in MEASURES
                 if m not in strings.contributing.limit]
    parts = ["subject", *rules.draft_checks.parts]
    problems += [f"key 'draft.parts.{p}' is missing; add what a draft without it needs"
                 for p in parts if p not in strings.draft.parts]
    problems += [f"key 'draft.parts.{p}' is not a part in rules.yml draft_checks; remove it"
                 for p in strings.draft.parts if p not in parts]
    limited = {limit.measure for name in rules.draft_checks.channels
               for limit in rules.channels[name].limits}
    problems += [f"key 'draft.limits.{m}' is missing; add it" for m in sorted(limited)
                 if m not in strings.draft.limits]
    if problems:
        raise DataError(strings_path(language), "; ".join(problems))
