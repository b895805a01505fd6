"""The action registry (rules.yml `actions`): declared once, read by the schema, the
strings check, the card and the browser script."""

from __future__ import annotations

import json
from html import unescape

import pytest
from pydantic import ValidationError

from make_it_right.html.card import card_actions
from make_it_right.errors import DataError
from make_it_right.rules import Rules, load_rules
from make_it_right.strings import check_strings_cover, load_strings

RULES = load_rules()
STRINGS = load_strings()


def rules_with(**changes) -> dict:
    data = json.loads(RULES.model_dump_json(by_alias=True))
    data.update(changes)
    return data


def test_a_channel_may_offer_only_a_declared_action():
    channels = json.loads(RULES.model_dump_json(by_alias=True))["channels"]
    channels["sms"]["actions"].append("fax")
    with pytest.raises(ValidationError, match=r"channel 'sms' offers unknown action\(s\) fax; the actions are: fill"):
        Rules.model_validate(rules_with(channels=channels))


def test_a_reminder_action_comes_from_reminder_fields_not_a_channel():
    channels = json.loads(RULES.model_dump_json(by_alias=True))["channels"]
    channels["sms"]["actions"].append("ics")
    with pytest.raises(ValidationError, match="channel 'sms' lists ics, which a reminder field offers"):
        Rules.model_validate(rules_with(channels=channels))


def test_every_action_has_a_label_and_every_asking_one_its_anyway():
    actions = dict(STRINGS.filler.actions)
    del actions["sms"]
    broken = STRINGS.model_copy(update={"filler": STRINGS.filler.model_copy(update={"actions": actions})})
    with pytest.raises(DataError, match=r"key 'filler.actions.sms' is missing; add its label"):
        check_strings_cover(broken, RULES, "en")
    anyway = {**STRINGS.filler.anyway, "fill": "Fill anyway"}
    broken = STRINGS.model_copy(update={"filler": STRINGS.filler.model_copy(update={"anyway": anyway})})
    with pytest.raises(DataError, match=r"key 'filler.anyway.fill' is not an action that asks first"):
        check_strings_cover(broken, RULES, "en")


def test_the_card_makes_links_of_link_actions_and_buttons_of_the_rest(pack):
    for template in pack.templates.values():
        html = card_actions(template, RULES, STRINGS)
        for name in RULES.channels[template.channel].actions:
            tag = "a" if RULES.actions[name].link else "button"
            assert f'data-mir-action="{name}"' in html, (template.id, name)
            before = html[:html.index(f'data-mir-action="{name}"')]
            assert before.rstrip().rsplit("<", 1)[1].startswith(tag), (template.id, name)
        assert ('data-mir-action="ics"' in html) == bool(set(template.fields) & set(RULES.reminders))
        assert unescape(html).count("data-mir-action") >= 2


def test_each_card_has_one_primary_action_its_channel_names(pack):
    for template in pack.templates.values():
        html = card_actions(template, RULES, STRINGS)
        primary = RULES.channels[template.channel].primary
        assert html.count("md-button--primary") == 1, template.id
        assert f'md-button--primary" href="{primary}:"' in html or \
            f'md-button--primary" data-mir-action="{primary}"' in html, template.id


def test_a_primary_action_must_be_one_of_the_channels():
    email = RULES.channels["email"].model_dump()
    with pytest.raises(ValueError, match="primary 'sms' is not one of its actions"):
        type(RULES.channels["email"]).model_validate({**email, "primary": "sms"})
