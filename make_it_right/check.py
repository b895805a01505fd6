"""The contract every template meets, checked against the rules in data/rules.yml.

Checks are pure: each reads a loaded template and returns what it breaks, each a
rule id and a one-line message (the loader prefixes it with the file's path);
nothing here changes a template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import Breach, display_path
from .draft_rules import DraftRules, load_draft_rules, matches
from .escape import plain_line_problem
from .measure import MEASURES, fields_measured, filled_with_examples, with_longest_values
from .model import Template
from .patterns import normalize
from .placeholders import fields_in
from .register import in_register, registers_of
from .voice import words_in_client_lines

if TYPE_CHECKING:
    from .rules import Channel, Rules


def check_template(template: Template, rules: Rules, registers: bool = True,
                   language: str = "en") -> list[Breach]:
    """Every way this template breaks the contract, in each of its registers;
    empty when it is sound. `language` picks the written-admission patterns
    (data/draft-rules/<language>.yml)."""
    problems = (_check_place(template, rules) + _check_finished(template, rules)
                + _check_plain_lines(template))
    channel = rules.channels.get(template.channel)
    if channel is None:
        return problems  # the rest depends on knowing the channel
    problems += _check_subject(template, channel)
    problems += _check_sections(template, channel)
    text_problems = _parse_errors(template)
    problems += text_problems
    if text_problems:
        return problems  # blanks and sizes can only be measured on text that parses
    field_problems = _check_fields(template)
    if not field_problems:
        field_problems = _check_leave_out(template)
    problems += field_problems
    if not field_problems:
        problems += _check_limits(template, channel, rules)
        problems += _check_phrases(template, rules)
        problems += _check_admissions(template, rules, load_draft_rules(language))
        problems += _check_client_words(template, rules)
    return problems + (_check_registers(template, rules, problems, language) if registers else [])


def _check_registers(template: Template, rules: Rules, found: list[Breach],
                     language: str = "en") -> list[Breach]:
    """Each register the template can be read in meets the same contract."""
    known = registers_of(template, rules)
    problems = [Breach("register-unknown",
                       f"key 'registers.{name}' names a register {_a(template.channel)} does "
                       f"not have; use: {', '.join(known) or 'none (remove the key)'}")
                for name in template.registers if name not in known]
    channel = rules.channels.get(template.channel)
    problems += [Breach("register-unknown",
                        f"key 'registers.{name}' gives its own greeting, but {_a(template.channel)} "
                        "swaps phrases in its text instead (rules.yml `swap`); remove the key")
                 for name in template.registers
                 if name in known and channel and not channel.registers[name].swaps_sections]
    if found:
        return problems  # its own words first
    for name in known:
        variant = in_register(template, rules, name)
        problems += [Breach(problem.rule, f"in the {name} register: {problem.message}")
                     for problem in check_template(variant, rules, registers=False,
                                                   language=language)]
    return problems


def check_consistency(templates: list[Template]) -> list[tuple[Template, Breach]]:
    """Across files: a field name means the same thing (label and kind) everywhere."""
    first_seen: dict[str, Template] = {}
    problems: list[tuple[Template, Breach]] = []
    for template in templates:
        for name, field in template.fields.items():
            owner = first_seen.setdefault(name, template)
            other = owner.fields[name]
            for attr in ("label", "kind"):
                if getattr(field, attr) != getattr(other, attr):
                    problems.append((template, Breach(
                        f"field-{attr}-conflict",
                        f"field '{name}' has {attr} '{getattr(field, attr)}' but "
                        f"{display_path(owner.source)} gives it '{getattr(other, attr)}'; "
                        f"a field name means one thing in every template, so use the same "
                        f"{attr} or pick another name"
                    )))
    return problems


def _check_place(template: Template, rules: Rules) -> list[Breach]:
    problems = []
    if template.channel not in rules.channels:
        known = ", ".join(rules.channels)
        problems.append(Breach("channel-unknown",
                               f"channel '{template.channel}' is not known; use one of: {known}"))
    elif template.source.parent.name != template.channel:
        problems.append(Breach(
            "channel-folder",
            f"channel is '{template.channel}' but the file is in "
            f"'{template.source.parent.name}/'; move it to templates/{template.channel}/"
        ))
    if template.source.stem != template.id:
        problems.append(Breach(
            "id-file-name",
            f"id '{template.id}' does not match the file name; "
            f"rename the file to {template.id}.yml or set id: {template.source.stem}"
        ))
    for playbook in template.playbooks:
        if playbook not in rules.playbooks:
            known = ", ".join(rules.playbooks)
            problems.append(Breach("playbook-unknown",
                                   f"playbook '{playbook}' is not known; use one of: {known}"))
    return problems


def _check_plain_lines(template: Template) -> list[Breach]:
    """Titles, `when`, labels, hints, examples and fallbacks are plain one-line text."""
    lines = {"title": (template.title, False), "when": (template.when, False)}
    for name, field in template.fields.items():
        for key in ("label", "hint", "example", "fallback"):
            value = getattr(field, key)
            if value is not None:
                # A long field's example may run over several lines, as its value will.
                multiline = field.kind == "long" and key in ("example", "fallback")
                lines[f"fields.{name}.{key}"] = (value, multiline)
    problems = []
    for key, (value, multiline) in lines.items():
        what = plain_line_problem(value, multiline=multiline)
        if what:
            problems.append(Breach("plain-line",
                                   f"key '{key}' holds {what}; it is shown as plain text, so "
                                   "write it as one line of words without markup"))
    return problems


def _check_finished(template: Template, rules: Rules) -> list[Breach]:
    marker = rules.unfinished_marker
    where = [key for key in ("title", "when") if marker in getattr(template, key)]
    where += [_where(text.name) for text in template.texts if marker in text.source]
    return [Breach("unfinished", f"{key} still says {marker}; finish writing it") for key in where]


def _check_subject(template: Template, channel: Channel) -> list[Breach]:
    if channel.has_subject and (template.subject is None or not template.subject.source):
        return [Breach("subject-missing",
                       f"subject is missing; {_a(template.channel)} needs a subject line")]
    if not channel.has_subject and template.subject is not None:
        return [Breach("subject-forbidden",
                       f"subject is not used in {_a(template.channel)}; remove it")]
    return []


def _check_sections(template: Template, channel: Channel) -> list[Breach]:
    have = template.section_names
    problems = [Breach("section-empty", f"section '{text.name}' is empty; write its text")
                for text in template.sections if not text.source]
    if channel.free_sections:
        if len(have) < channel.min_sections:
            problems.append(Breach(
                "sections-too-few",
                f"{_a(template.channel)} needs at least {channel.min_sections} sections "
                f"(one per part the reader fills in); it has {len(have)}"
            ))
        return problems
    need = channel.sections
    listed = ", ".join(need)
    for i, name in enumerate(need):
        if name not in have:
            where = f"after '{need[i - 1]}'" if i else "first"
            problems.append(Breach("section-missing",
                                   f"section '{name}' is missing; add it {where} "
                                   f"({_a(template.channel)} has: {listed})"))
    for name in have:
        if name not in need:
            problems.append(Breach(
                "section-unknown",
                f"section '{name}' is not part of {_a(template.channel)}; "
                f"{_a(template.channel)} has: {listed}"
            ))
    known_in_order = [name for name in have if name in need]
    if known_in_order != [name for name in need if name in have]:
        problems.append(Breach("sections-order", f"sections are out of order; "
                                                 f"{_a(template.channel)} goes: {listed}"))
    return problems


def _parse_errors(template: Template) -> list[Breach]:
    return [Breach("text-syntax", f"{_where(text.name)}: {text.error}")
            for text in template.texts if text.error]


def _check_leave_out(template: Template) -> list[Breach]:
    """A blank that may be left out names a phrase (or its line) that holds it
    wherever it appears, and has no fallback as well."""
    from .layout import group_omissions

    problems = []
    for name, field in template.fields.items():
        if field.leave_out is not None and field.fallback is not None:
            problems.append(Breach("leave-out",
                                   f"field '{name}' has both a fallback and leave_out; keep one"))
    for text in template.texts:
        problems += [Breach("leave-out", f"{_where(text.name)}: {problem}")
                     for problem in group_omissions(text.parts, template.fields)[1]]
    return problems


def _check_fields(template: Template) -> list[Breach]:
    problems = []
    used: dict[str, str] = {}
    for text in template.texts:
        for field in fields_in(text.parts):
            used.setdefault(field, text.name)
    for field, where in used.items():
        if field not in template.fields:
            problems.append(Breach(
                "field-undeclared",
                f"{_where(where)} uses {{{{ {field} }}}} but no field '{field}' is declared; "
                f"add it under fields: with a label, an example and a hint"
            ))
    for field in template.fields:
        if field not in used:
            problems.append(Breach(
                "field-unused",
                f"field '{field}' is declared but never used; "
                f"put {{{{ {field} }}}} in the text or remove the field"
            ))
    return problems


def _check_limits(template: Template, channel: Channel, rules: Rules) -> list[Breach]:
    """Each limit holds with the examples; a `max` limit on a text whose size the
    blanks can swell (`with_longest`) holds with each blank's `longest` value too."""
    problems = []
    longest = with_longest_values(template)
    for limit in channel.limits:
        spec = MEASURES[limit.measure]
        measured = [(template, "the example values")]
        if limit.max is not None and spec.with_longest:
            missing = [name for name in fields_measured(template, spec.with_longest)
                       if template.fields[name].longest is None]
            problems += [Breach("longest-missing", f"field '{name}' has no 'longest' value; "
                                f"{spec.with_longest_what} must stay within its limit with every "
                                f"blank at a plausible longest value, so add one")
                         for name in missing]
            if not missing:
                measured.append((longest, "each blank's longest value"))
        for variant, values in measured:
            value = spec.of(variant, rules)
            if limit.max is not None and value > limit.max:
                message, bound = spec.too_big, limit.max
            elif limit.min is not None and value < limit.min:
                message, bound = spec.too_small, limit.min
            else:
                continue
            problems.append(Breach(f"limit-{limit.measure}", message.format(
                channel=template.channel, value=_number(value), values=values,
                limit=_number(bound), detail=spec.detail(variant, rules))))
            break  # one message per limit: the examples' first
    return problems


def _check_admissions(template: Template, rules: Rules, wording: DraftRules) -> list[Breach]:
    """What never goes in writing (rules.yml `written_admissions` names the ids, the
    language's draft rules hold their words): refused in the subject always, and
    elsewhere unless the template names the rule under `needs_sign_off` (and then
    it must really say it)."""
    admissions = rules.written_admissions
    unknown = [name for name in template.needs_sign_off if name not in admissions.ids]
    problems = [Breach("needs-sign-off-unknown",
                       f"needs_sign_off names '{name}', which is not a written_admissions rule; "
                       f"use one of: {', '.join(admissions.ids)}") for name in unknown]
    if template.channel not in admissions.channels:
        return problems
    texts = {text.name: normalize(filled_with_examples(template, text.name)).text
             for text in template.texts}
    message = "\n".join(texts.values())
    said = set()
    for rule in (wording.rule(rule_id) for rule_id in admissions.ids):
        hint = (f"(rule {rule.id}; if your manager has agreed these words, make this a "
                f"separate template that lists it under needs_sign_off)")
        if rule.beside:
            loss = rule.spans(message)
            if loss:
                offer = matches(rule.beside_regexes, [], message)[0]
                said.add(rule.id)
                if rule.id not in template.needs_sign_off:
                    problems.append(Breach(f"written-{rule.id}", (
                        f"the message says \"{_quote(message, loss[0])}\" and "
                        f"\"{_quote(message, offer)}\": {rule.message} "
                        f"Try instead: \"{rule.instead}\" {hint}")))
            continue
        for name, text in texts.items():
            found = rule.spans(text)
            if not found:
                continue
            said.add(rule.id)
            if name == "subject":
                problems.append(Breach(f"written-{rule.id}", (
                    f"subject says \"{_quote(text, found[0])}\": a subject line is the part that "
                    f"gets forwarded, so it never carries this. {rule.message} (rule {rule.id})")))
            elif rule.id not in template.needs_sign_off:
                problems.append(Breach(f"written-{rule.id}", (
                    f"{_where(name)} says \"{_quote(text, found[0])}\": {rule.message} "
                    f"Try instead: \"{rule.instead}\" {hint}")))
    problems += [Breach("needs-sign-off-unused",
                        f"needs_sign_off names '{name}', but the text never says it; remove it, so "
                        f"the card doesn't ask for a manager's yes it doesn't need")
                 for name in template.needs_sign_off if name in admissions.ids and name not in said]
    return problems


def _quote(text: str, span: tuple[int, int]) -> str:
    return text[span[0]:span[1]]


def _check_client_words(template: Template, rules: Rules) -> list[Breach]:
    return [Breach("client-line-word",
                   f"{_where(name)} says \"{word}\" in a line the client hears or reads; say it "
                   f"another way (rules.yml voice.client_line_words)")
            for name, word in words_in_client_lines(template, rules)]


def _check_phrases(template: Template, rules: Rules) -> list[Breach]:
    problems = []
    for text in template.texts:
        if text.name in rules.phrase_check_exempt_sections:
            continue
        # Matched as the draft checker matches a reader's text (patterns.normalize).
        filled = normalize(filled_with_examples(template, text.name)).text
        for blocked in rules.blocked_phrases:
            found = blocked.regex.search(filled)
            if found:
                problems.append(Breach(
                    "blocked-phrase",
                    f"{_where(text.name)} says \"{found.group(0)}\": {blocked.why} "
                    f"Try instead: \"{blocked.instead}\""
                ))
    return problems


def _where(name: str) -> str:
    """How a message names a text: the subject, or a section."""
    return "subject" if name == "subject" else f"section '{name}'"


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def _a(channel: str) -> str:
    """'an email', 'a voicemail': the channel id with its article."""
    return f"{'an' if channel[0] in 'aeiou' else 'a'} {channel}"
