"""Registers: a message greets and signs off in friendly or formal words (rules.yml
channels.*.registers), the same in the engine, the command line and the checker."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from cli_run import run
from make_it_right import render
from make_it_right.errors import DataError
from make_it_right.layout import layout
from make_it_right.register import FRIENDLY, in_register, registers_of, with_closing
from make_it_right.rules import Channel, load_rules
from make_it_right.strings import check_strings_cover, load_strings

RULES = load_rules()
STRINGS = load_strings()


def test_formal_swaps_greeting_and_closing_and_nothing_else(pack):
    template = pack.get("apology-team-mistake")
    formal = in_register(template, RULES, "formal")
    assert formal.text("greeting").source == "Dear {{ client_formal_name }},"
    assert formal.text("sign-off").source.splitlines() == [
        "Kind regards,", "{{ your_name }}", "{{ company_name }}"]
    same = [t.source for t in template.texts if t.name not in ("greeting", "sign-off")]
    assert [t.source for t in formal.texts if t.name not in ("greeting", "sign-off")] == same
    # The register brings its blank; a blank only the friendly greeting used goes.
    assert "client_formal_name" in formal.fields and "client_name" not in formal.fields
    assert in_register(template, RULES, FRIENDLY) is template


def test_every_email_reads_in_every_register_and_passes_the_checker(pack):
    """The loader already refused the pack if any register broke the contract;
    here, every email really has the formal register, filled end to end."""
    emails = [t for t in pack.templates.values() if t.channel == "email"]
    assert emails and all(registers_of(t, RULES) == ["formal"] for t in emails)
    for template in emails:
        formal = in_register(template, RULES, "formal")
        values = {name: field.example for name, field in formal.fields.items()}
        text = render.as_text(layout(template, RULES, STRINGS, "formal"), values)
        assert "Kind regards," in text
        assert "{{" not in text and "[" not in text
    notes = [t for t in pack.templates.values() if t.channel == "internal-note"]
    assert all(registers_of(t, RULES) == [] for t in notes)


FORMAL_SPOKEN = {
    # template: (a line of its formal text, filled with the examples; a friendly line it no longer has)
    "call-back-team-mistake": ("Hello Ms Nair, it's Sam from Northwind Studio.", "I'll email you too."),
    "call-back-by-text": ("Hello Ms Nair, Sam here. Please call me about", "Could you call me"),
    "heads-up-by-text": ("There's news on", "I'll ring at"),
    "own-my-mistake-opening": ('"Hello Ms Nair, it\'s Sam.', "Hi Priya"),
    "broken-promise-talk-track": ("Hello Ms Nair, thank you for making the time.", "thanks for making"),
    "chat-resolved": ("Hello Ms Nair, it's fixed", "Thanks for flagging"),
    "chat-update": ("Please tell me here if", "Shout here"),
}


@pytest.mark.parametrize("template_id", sorted(FORMAL_SPOKEN))
def test_voicemails_texts_chats_and_call_scripts_greet_formally_too(pack, template_id):
    """Formal reaches every channel where a client is greeted: the swapped phrases
    are data (rules.yml `swap`), and the filled text reads as the client hears it."""
    template = pack.get(template_id)
    assert registers_of(template, RULES) == ["formal"]
    formal = in_register(template, RULES, "formal")
    values = {name: field.example for name, field in formal.fields.items()}
    text = render.as_text(layout(template, RULES, STRINGS, "formal"), values)
    has, lost = FORMAL_SPOKEN[template_id]
    assert has in text and lost not in text
    assert "Priya" not in text and "{{" not in text


def test_a_register_that_only_swaps_applies_where_its_phrases_are(pack):
    """A call script that greets no one by name has no formal register; neither has a note."""
    assert registers_of(pack.get("de-escalation-talk-track"), RULES) == []
    assert registers_of(pack.get("pre-call-prep"), RULES) == []


def test_swapped_phrases_are_swapped_once_longest_first():
    from make_it_right.register import swapped
    swap = {"Hi {{ a }},": "Hello {{ b }},", "Hi": "Hey", "thanks": "thank you"}
    assert swapped("Hi {{ a }}, thanks. Hi.", swap) == "Hello {{ b }}, thank you. Hey."
    assert swapped("thanks", {"thanks": "thanks a lot"}) == "thanks a lot"


def test_a_register_says_something():
    from make_it_right.rules import Register
    with pytest.raises(ValidationError, match="phrases to swap"):
        Register.model_validate({})
    with pytest.raises(ValidationError, match="both a greeting and a closing"):
        Register.model_validate({"greeting": "Dear {{ x }},"})
    assert Register.model_validate({"swap": {"Hi": "Hello"}}).swaps_sections is False


def test_a_template_can_keep_its_own_greeting(pack):
    """A notice to many clients greets them all: its formal words keep "Hello,"."""
    notice = in_register(pack.get("outage-notice"), RULES, "formal")
    assert notice.text("greeting").source == "Hello,"
    assert notice.text("sign-off").source.startswith("Kind regards,\n{{ your_name }}")
    assert "client_formal_name" not in notice.fields


@pytest.mark.parametrize(("sign_off", "expected"), [
    ("Speak soon,\n{{ your_name }}", "Kind regards,\n{{ your_name }}"),
    ("{{ your_name }}\n{{ company_name }}", "Kind regards,\n{{ your_name }}\n{{ company_name }}"),
    ("Sam", "Kind regards,\nSam"),
])
def test_the_closing_replaces_a_closing_line_or_goes_above_a_name(sign_off, expected):
    assert with_closing(sign_off, "Kind regards,") == expected


def test_an_unknown_register_names_the_ones_there_are(pack):
    with pytest.raises(ValueError, match=re.escape("no register 'posh'; use one of: friendly, formal")):
        in_register(pack.get("apology-team-mistake"), RULES, "posh")
    with pytest.raises(ValueError, match=r"use one of: friendly$"):
        in_register(pack.get("pre-call-prep"), RULES, "formal")


def test_a_register_needs_a_greeting_and_a_sign_off_to_swap():
    email = RULES.channels["email"].model_dump()
    with pytest.raises(ValidationError, match="must have both"):
        Channel.model_validate({**email, "sections": ["greeting", "body"]})
    with pytest.raises(ValidationError, match="'friendly' is the template's own words"):
        Channel.model_validate({**email, "registers": {"friendly": email["registers"]["formal"]}})


def test_every_register_has_its_words_in_the_strings():
    registers = dict(STRINGS.filler.registers)
    del registers["formal"]
    broken = STRINGS.model_copy(update={"filler": STRINGS.filler.model_copy(update={"registers": registers})})
    with pytest.raises(DataError, match=r"key 'filler.registers.formal.label' is missing"):
        check_strings_cover(broken, RULES, "en")


def test_command_line_renders_a_register(tmp_path):
    values = tmp_path / "values.yml"
    values.write_text("client_formal_name: Ms Nair\nclient_name: Priya\nyour_name: Sam\n"
                      "project_name: the report\nthe_news: It went late\nimpact: x\n"
                      "the_fix: y\nfix_date: Monday\nfree_times: today\nyour_phone: '0123'\n")
    result = run("render", "apology-team-mistake", "--register", "formal", "--values", str(values))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "\n\nDear Ms Nair,\n\n" in out and "Kind regards,\nSam\n" in out
    assert "Priya" not in out
    result = run("render", "pre-call-prep", "--register", "formal")
    assert result.returncode == 2
    assert "pre-call-prep has no register 'formal'; use one of: friendly" in result.stderr.decode()


def test_own_greeting_words_on_a_channel_that_swaps_are_refused(pack):
    """A voicemail's greeting sits in its first line, so a template's own `greeting:`
    would never be used: the checker says so instead of ignoring it."""
    import dataclasses
    from types import MappingProxyType

    from make_it_right.check import check_template
    from make_it_right.model import RegisterWords

    voicemail = dataclasses.replace(pack.get("call-back-team-mistake"), registers=MappingProxyType(
        {"formal": RegisterWords(greeting="Dear caller,")}))
    assert [(b.rule, b.message) for b in check_template(voicemail, RULES)] == [(
        "register-unknown", "key 'registers.formal' gives its own greeting, but a voicemail swaps "
        "phrases in its text instead (rules.yml `swap`); remove the key")]


def test_register_fields_must_name_a_register():
    from make_it_right.rules import Rules
    data = RULES.model_dump(by_alias=True)
    data["register_fields"] = {**data["register_fields"], "posh": {}}
    with pytest.raises(ValidationError, match="register_fields names no register a channel has: posh"):
        Rules.model_validate(data)
