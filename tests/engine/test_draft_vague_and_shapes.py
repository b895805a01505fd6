"""Issue 19 round 3: a vague time is not a time (a part's `missing_with` and
`not_beside`), and blame as a shape (a rule's `shapes`). The corpus holds
Python and the browser to the same findings; these pin the logic itself."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids
from make_it_right.draft import check_draft
from make_it_right.draft_rules import DraftRule, Shape
from make_it_right.errors import DataError


def ids(text: str, channel: str, playbook: str | None = None) -> list[str]:
    return rule_ids(text, channel, playbook)


def test_a_fix_put_shortly_leaves_no_fix_date_even_beside_an_update_time():
    text = ("Subject: Portal\n\nI'm sorry, so your team can't log in. We expect the portal "
            "back shortly. The next update is at 14:00 today, and I'll call you then.")
    found = ids(text, "email")
    assert "vague-time" in found and "fix-date" in found
    assert "next-step" not in found  # the call is in its own sentence, with its own time


def test_a_next_step_in_one_sentence_with_a_vague_time_is_none():
    assert "next-step" in ids("Hi Jo, the line is down. Someone will be in touch shortly. Ed", "sms")
    assert "next-step" not in ids("Hi Jo, the line is down, back shortly. I'll ring you at 3. Ed",
                                  "sms")


def test_a_sentence_with_its_own_time_keeps_its_next_step():
    assert "next-step" not in ids("Hi Jo, sorry, we'll fix it soon, and I'll call you at 3 tomorrow. Ed",
                                  "sms")


def test_a_line_break_ends_the_sentence_a_vague_time_voids():
    notes = ("Opening: sorry, we overcharged you, so your budget is off.\nFix: new invoice asap\n"
             "Next: I'll email him the recap today before 6pm")
    found = ids(notes, "call-script")
    assert "next-step" not in found and "fix-date" in found


def test_a_shape_joins_its_actors_and_verbs_into_one_bounded_pattern():
    shape = Shape(actors=["the courier"], verbs=["lost"])
    rule = DraftRule.model_validate({
        "id": "x", "category": "blame", "message": "m", "instead": "i",
        "shapes": [shape.model_dump()],
        "examples": {"match": ["The courier lost it."], "no_match": ["We lost it."]}})
    assert rule.patterns == [shape.pattern()]
    assert rule.spans("The courier, who we booked on Monday, lost your parcel.")
    assert rule.spans("The courier then lost your parcel.")
    for clean in ("The courier and I lost track of time.", "The courier hasn't lost a parcel.",
                  "The courier will deliver by 10."):
        assert not rule.spans(clean), clean


def test_a_shape_with_an_unbounded_repeat_is_refused():
    with pytest.raises((ValueError, DataError)):
        DraftRule.model_validate({
            "id": "x", "category": "blame", "message": "m", "instead": "i",
            "shapes": [{"actors": ["the (courier)+"], "verbs": ["lost"]}],
            "examples": {"match": ["a"], "no_match": ["b"]}})


@pytest.mark.parametrize("text", ["Priya will call you at 3.", "Your team's feedback was really useful.",
                                  "The courier will deliver by 10.", "As we discussed on the call, it's Friday."])
def test_the_shapes_leave_plain_sentences_alone(text):
    found = check_draft(text, "sms")
    assert not [f for f in found if f.category in ("blame", "tone")], text
