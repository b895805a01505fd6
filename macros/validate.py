"""The contract every template meets, checked against the rules in data/rules.yml.

Each check returns plain messages; the loader prefixes them with the file's path.
"""

from __future__ import annotations

from . import measure
from .errors import display_path
from .model import Template
from .placeholders import TextError, fields_in, parse
from .rules import Rules


def check_template(template: Template, rules: Rules) -> list[str]:
    """Every way this template breaks the contract; empty when it is sound."""
    problems = _check_place(template, rules) + _check_finished(template, rules)
    channel = rules.channels.get(template.channel)
    if channel is None:
        return problems  # the rest depends on knowing the channel
    problems += _check_subject(template, channel.subject)
    problems += _check_sections(template, rules)
    text_problems = _parse_texts(template)
    problems += text_problems
    if text_problems:
        return problems  # blanks and sizes can only be measured on text that parses
    field_problems = _check_fields(template)
    problems += field_problems
    if not field_problems:
        problems += _check_limits(template, rules)
        problems += _check_phrases(template, rules)
    return problems


def check_consistency(templates: list[Template]) -> list[tuple[Template, str]]:
    """Across files: a field name means the same thing (label and kind) everywhere."""
    first_seen: dict[str, Template] = {}
    problems: list[tuple[Template, str]] = []
    for template in templates:
        for name, field in template.fields.items():
            owner = first_seen.setdefault(name, template)
            other = owner.fields[name]
            for attr in ("label", "kind"):
                if getattr(field, attr) != getattr(other, attr):
                    problems.append((template,
                        f"field '{name}' has {attr} '{getattr(field, attr)}' but "
                        f"{display_path(owner.source)} gives it '{getattr(other, attr)}'; "
                        f"a field name means one thing in every template, so use the same "
                        f"{attr} or pick another name"
                    ))
    return problems


def _check_place(template: Template, rules: Rules) -> list[str]:
    problems = []
    if template.channel not in rules.channels:
        known = ", ".join(rules.channels)
        problems.append(f"channel '{template.channel}' is not known; use one of: {known}")
    elif template.source.parent.name != template.channel:
        problems.append(
            f"channel is '{template.channel}' but the file is in "
            f"'{template.source.parent.name}/'; move it to templates/{template.channel}/"
        )
    if template.source.stem != template.id:
        problems.append(
            f"id '{template.id}' does not match the file name; "
            f"rename the file to {template.id}.yml or set id: {template.source.stem}"
        )
    for playbook in template.playbooks:
        if playbook not in rules.playbooks:
            known = ", ".join(rules.playbooks)
            problems.append(f"playbook '{playbook}' is not known; use one of: {known}")
    return problems


def _check_finished(template: Template, rules: Rules) -> list[str]:
    marker = rules.unfinished_marker
    problems = [f"{key} still says {marker}; finish writing it"
                for key in ("title", "when") if marker in getattr(template, key)]
    return problems + [f"{_where(name)} still says {marker}; finish writing it"
                       for name, text in template.texts.items() if marker in text]


def _check_subject(template: Template, subject_rule: str) -> list[str]:
    if subject_rule == "required" and not template.subject:
        return [f"subject is missing; {_a(template.channel)} needs a subject line"]
    if subject_rule == "forbidden" and template.subject is not None:
        return [f"subject is not used in {_a(template.channel)}; remove it"]
    return []


def _check_sections(template: Template, rules: Rules) -> list[str]:
    channel = rules.channels[template.channel]
    have = list(template.sections)
    problems = [f"section '{name}' is empty; write its text" for name, text in
                template.sections.items() if not text]
    if channel.free_sections:
        if len(have) < channel.min_sections:
            problems.append(
                f"{_a(template.channel)} needs at least {channel.min_sections} sections "
                f"(one per part the reader fills in); it has {len(have)}"
            )
        return problems
    need = channel.sections
    listed = ", ".join(need)
    for i, name in enumerate(need):
        if name not in have:
            where = f"after '{need[i - 1]}'" if i else "first"
            problems.append(f"section '{name}' is missing; add it {where} "
                            f"({_a(template.channel)} has: {listed})")
    for name in have:
        if name not in need:
            problems.append(
                f"section '{name}' is not part of {_a(template.channel)}; "
                f"{_a(template.channel)} has: {listed}"
            )
    known_in_order = [name for name in have if name in need]
    if known_in_order != [name for name in need if name in have]:
        problems.append(f"sections are out of order; {_a(template.channel)} goes: {listed}")
    return problems


def _parse_texts(template: Template) -> list[str]:
    problems = []
    for name, text in template.texts.items():
        try:
            template._parts[name] = parse(text)
        except TextError as error:
            problems.append(f"{_where(name)}: {error}")
    return problems


def _check_fields(template: Template) -> list[str]:
    problems = []
    used: dict[str, str] = {}
    for name in template.texts:
        for field in fields_in(template.parts(name)):
            used.setdefault(field, name)
    for field, where in used.items():
        if field not in template.fields:
            problems.append(
                f"{_where(where)} uses {{{{ {field} }}}} but no field '{field}' is declared; "
                f"add it under fields: with a label, an example and a hint"
            )
    for field in template.fields:
        if field not in used:
            problems.append(
                f"field '{field}' is declared but never used; "
                f"put {{{{ {field} }}}} in the text or remove the field"
            )
    return problems


def _check_limits(template: Template, rules: Rules) -> list[str]:
    limits = rules.limits
    problems = []
    if template.subject is not None:
        chars = measure.subject_chars(template)
        if chars > limits.subject_max_chars:
            problems.append(
                f"subject is {chars} characters with the example values; "
                f"keep it to {limits.subject_max_chars}"
            )
    if template.channel == "email":
        words = measure.body_words(template)
        if words > limits.email_body_max_words:
            problems.append(
                f"email body is {words} words with the example values; "
                f"keep it to {limits.email_body_max_words}"
            )
    if template.channel == "voicemail":
        seconds = measure.spoken_seconds(template, rules)
        if seconds > limits.voicemail_max_seconds:
            problems.append(
                f"voicemail runs {seconds:.0f} seconds read at "
                f"{limits.voicemail_words_per_minute} words per minute "
                f"({measure.spoken_words(template)} words, each digit of a phone number "
                f"counted); keep it to {limits.voicemail_max_seconds} seconds"
            )
        said = measure.phone_mentions(template)
        if said < limits.voicemail_number_repeats:
            problems.append(
                f"voicemail says your number {said} time(s); say it "
                f"{limits.voicemail_number_repeats} times, from a field with kind: phone, "
                f"so the client can write it down"
            )
    return problems


def _check_phrases(template: Template, rules: Rules) -> list[str]:
    problems = []
    for name in template.texts:
        if name in rules.phrase_check_exempt_sections:
            continue
        text = measure.filled_with_examples(template, name).replace("’", "'")
        for blocked in rules.blocked_phrases:
            found = blocked.regex.search(text)
            if found:
                problems.append(
                    f"{_where(name)} says \"{found.group(0)}\": {blocked.why} "
                    f"Try instead: \"{blocked.instead}\""
                )
    return problems


def _where(name: str) -> str:
    """How a message names a text: the subject, or a section."""
    return "subject" if name == "subject" else f"section '{name}'"


def _a(channel: str) -> str:
    """'an email', 'a voicemail': the channel id with its article."""
    return f"{'an' if channel[0] in 'aeiou' else 'a'} {channel}"
