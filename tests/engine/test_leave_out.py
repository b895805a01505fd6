"""Blanks that can be left out: the template names the phrase (or the line) that
holds the blank, the checker holds the text to it, and every renderer drops it whole."""

from __future__ import annotations

import pytest

from make_it_right import render
from make_it_right.check import check_template
from make_it_right.errors import MissingFields
from make_it_right.layout import layout
from make_it_right.model import Template

VOICEMAIL = {
    "id": "call-back", "title": "Call back", "channel": "voicemail", "playbooks": ["team-mistake"],
    "when": "You reached their voicemail.",
    "fields": {
        "your_name": {"label": "Your name", "example": "Sam", "longest": "Christopher",
                      "hint": "Yours."},
        "company_name": {"label": "Your company or team", "example": "Northwind",
                         "longest": "Northwind Creative", "hint": "Yours.",
                         "leave_out": " from {{ company_name }}"},
        "your_phone": {"label": "Your direct number", "example": "020 7946 0321",
                       "longest": "+44 20 7946 0321", "hint": "Yours.", "kind": "phone"},
    },
    "sections": {
        "who-you-are": "Hi, it's {{ your_name }} from {{ company_name }}.",
        "why-calling": "Something needs fixing, and I'd like to explain it myself.",
        "call-back": "Please call me back.",
        "number": "My number is {{ your_phone }}. Again, {{ your_phone }}.",
        "reachable": "I'm free until six.",
        "follow-up": "I'll send a short email as well.",
    },
}
SIGN_OFF = "Speak soon,\n{{ your_name }}\n{{ company_name }}"


def problems(t: Template, rules) -> list[str]:
    """The checker's findings, less those about where a file lives (these are in memory)."""
    return [p.message for p in check_template(t, rules)
            if "<memory>" not in p.message and "move it" not in p.message]


def template(**changes) -> Template:
    data = {**VOICEMAIL, "fields": {k: dict(v) for k, v in VOICEMAIL["fields"].items()},
            "sections": dict(VOICEMAIL["sections"])}
    for key, value in changes.items():
        if key == "leave_out":
            data["fields"]["company_name"]["leave_out"] = value
        else:
            data["sections"][key] = value
    return Template.from_dict(data)


def text(t: Template, rules, strings, **values) -> str:
    return render.as_text(layout(t, rules, strings), {"your_name": "Sam", "your_phone": "1", **values})


def test_an_empty_blank_takes_its_phrase_with_it(rules, strings):
    t = template()
    assert problems(t, rules) == []
    assert text(t, rules, strings).startswith("Hi, it's Sam.\n")
    assert text(t, rules, strings, company_name="Northwind").startswith("Hi, it's Sam from Northwind.\n")


def test_a_line_goes_with_its_line_break(rules, strings):
    t = Template.from_dict({**VOICEMAIL, "fields": {**VOICEMAIL["fields"], "company_name": {
        **VOICEMAIL["fields"]["company_name"], "leave_out": "line"}},
        "sections": {**VOICEMAIL["sections"], "who-you-are": "Hi, it's {{ your_name }}.",
                     "follow-up": SIGN_OFF}})
    assert problems(t, rules) == []
    assert text(t, rules, strings).endswith("Speak soon,\nSam\n")
    assert text(t, rules, strings, company_name="Northwind").endswith("Speak soon,\nSam\nNorthwind\n")


def test_the_phrase_must_hold_every_use_of_the_blank(rules):
    t = template(reachable="{{ company_name }} is open until six.")
    assert any("not around every {{ company_name }}" in p for p in problems(t, rules))


def test_the_phrase_must_hold_the_blank_and_no_fallback_too(rules):
    assert any("must hold {{ company_name }}" in p
               for p in problems(template(leave_out=" from us"), rules))
    data = {**VOICEMAIL, "fields": {**VOICEMAIL["fields"], "company_name": {
        **VOICEMAIL["fields"]["company_name"], "fallback": "us"}}}
    assert any("both a fallback and leave_out" in p
               for p in problems(Template.from_dict(data), rules))


def test_a_required_blank_is_still_required(rules, strings):
    with pytest.raises(MissingFields):
        render.as_text(layout(template(), rules, strings), {"your_phone": "1"})


def test_the_pack_declares_its_optional_company(pack):
    uses = [t for t in pack.templates.values() if "company_name" in t.fields]
    assert uses and all(t.fields["company_name"].leave_out for t in uses)
