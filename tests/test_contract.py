"""The contract, over every template file in the pack.

The validator (macros/validate.py) enforces the rules in macros/data/rules.yml; the
first test runs it on each file. The others restate the main rules straight from
the rules data, so a regression in the validator cannot quietly let a template by.
"""

from __future__ import annotations

import pytest

from macros import measure
from macros.loader import load_file, template_files
from macros.placeholders import fields_in

from conftest import TEMPLATES

FILES = template_files(TEMPLATES)


@pytest.fixture(params=FILES, ids=[p.relative_to(TEMPLATES).as_posix() for p in FILES])
def loaded(request, rules):
    template, problems = load_file(request.param, rules)
    return template, problems


def test_pack_is_not_empty():
    assert len(FILES) >= 2


def test_template_meets_contract(loaded):
    _, problems = loaded
    assert problems == []


def test_sections_are_the_channels_and_not_empty(loaded, rules):
    template, _ = loaded
    channel = rules.channels[template.channel]
    if channel.free_sections:
        assert len(template.sections) >= channel.min_sections
    else:
        assert list(template.sections) == channel.sections
    assert all(text.strip() for text in template.texts.values())
    assert (template.subject is not None) == (channel.subject == "required")


def test_every_blank_declared_and_every_field_used(loaded):
    template, _ = loaded
    used = {f for name in template.texts for f in fields_in(template.parts(name))}
    assert used == set(template.fields)
    for field in template.fields.values():
        assert field.label and field.example and field.hint


def test_limits(loaded, rules):
    template, _ = loaded
    limits = rules.limits
    if template.subject is not None:
        assert measure.subject_chars(template) <= limits.subject_max_chars
    if template.channel == "email":
        assert measure.body_words(template) <= limits.email_body_max_words
    if template.channel == "voicemail":
        assert measure.spoken_seconds(template, rules) <= limits.voicemail_max_seconds
        assert measure.phone_mentions(template) >= limits.voicemail_number_repeats


def test_no_blocked_phrase(loaded, rules):
    template, _ = loaded
    for name in template.texts:
        if name in rules.phrase_check_exempt_sections:
            continue
        text = measure.filled_with_examples(template, name).replace("’", "'")
        for blocked in rules.blocked_phrases:
            assert not blocked.regex.search(text), f"{name}: {blocked.phrase}"


def test_every_playbook_page_exists(rules):
    from conftest import ROOT

    for playbook in rules.playbooks.values():
        assert (ROOT / "docs" / playbook.page).is_file()
