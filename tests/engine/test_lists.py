"""Lists people read outside the data (the issue form, CONTRIBUTING, the README)
name exactly what the rules and the strings hold (the form in the rules' order):
adding a channel or a playbook to the data fails here until every list says it too."""

from __future__ import annotations

import re
from typing import get_args

import yaml

from make_it_right.model import FieldKind

from paths import ROOT

NOT_SURE = "Not sure"


def form_options(field_id: str) -> list[str]:
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/request-a-template.yml")
                          .read_text(encoding="utf-8"))
    field = next(f for f in form["body"] if f.get("id") == field_id)
    return field["attributes"]["options"]


def test_the_template_request_form_offers_every_channel(rules):
    assert form_options("channel") == [*rules.channels, NOT_SURE]


def test_the_template_request_form_offers_every_playbook(rules, strings):
    assert form_options("playbook") == [f"{playbook} ({strings.playbooks[playbook]})"
                                        for playbook in rules.playbooks] + [NOT_SURE]


def code_list(sentence: str) -> list[str]:
    """`a`, `b` and `c` in a sentence, as a list."""
    return re.findall(r"`([^`]+)`", sentence)


def contributing() -> str:
    return (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_contributing_names_every_channel(rules):
    sentence = re.search(r"The channels are\s+(.*?)\.\s", contributing(), re.S)
    assert sentence, "CONTRIBUTING.md: the sentence 'The channels are ...' is gone"
    assert sorted(code_list(sentence.group(1))) == sorted(rules.channels)


def test_contributing_names_every_field_kind():
    sentence = re.search(r"A `kind` \((.*?)\)", contributing(), re.S)
    assert sentence, "CONTRIBUTING.md: the sentence 'A `kind` (...)' is gone"
    assert code_list(sentence.group(1)) == list(get_args(FieldKind))


def test_the_readme_names_every_channel_a_draft_is_checked_for(rules):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = re.search(r"make-it-right check-draft .*?\[--channel ([a-z|-]+)\]", readme)
    assert usage, "README.md: the check-draft usage line is gone"
    assert sorted(usage.group(1).split("|")) == sorted(rules.draft_checks.channels)


def test_contributing_names_every_language():
    from make_it_right.languages import language_codes

    sentence = re.search(r"The languages are\s+(.*?)\.\s", contributing(), re.S)
    assert sentence, "CONTRIBUTING.md: the sentence 'The languages are ...' is gone"
    assert code_list(sentence.group(1)) == language_codes()


def test_contributing_names_every_per_language_data_file():
    from make_it_right.languages import LANGUAGE_DATA

    named = re.findall(r"make_it_right/data/([a-z-]+)/<code>\.yml", contributing())
    assert sorted(set(named)) == sorted(["languages", *LANGUAGE_DATA])
