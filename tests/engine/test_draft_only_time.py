"""Issue 19, draft28: a wait with no we/I in its sentence ("the new floor goes down once the
boards arrive") is vague only where it is the draft's only time for the fix: no other sentence
gives the fix a day or time. A call at a time is the next step's time, not the fix's, so it
doesn't spare the wait. My own sentences, with near twins; Node = Python on each."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids

OPEN = "Subject: The hall floor\n\nHi Priya,\n\nI'm sorry the floor lifted during your open day. "
SIGN = "\n\nRosa"
CALL = " I'll ring you on Thursday at 10 to talk it through."

ONLY = [
    "The new floor goes down once the boards arrive.",
    "The replacement blinds get fitted as soon as the supplier confirms the colour.",
    "Your refund goes through the moment the bank signs off.",
]
DATED = [
    "The new floor goes down once the boards arrive. It will all be down by Friday at 4.",
    "The replacement blinds get fitted as soon as the supplier confirms the colour, on Monday at 9.",
    "Your refund went through once the bank signed off.",
]


def found(middle: str) -> set[str]:
    return set(rule_ids(OPEN + middle + CALL + SIGN, "email", "team-mistake"))


@pytest.mark.parametrize("text", ONLY)
def test_a_wait_that_is_the_only_fix_time_is_vague(text):
    assert {"vague-time", "fix-date"} <= found(text)


@pytest.mark.parametrize("text", DATED)
def test_a_wait_with_a_fix_time_elsewhere_or_in_the_past_is_fine(text):
    assert "vague-time" not in found(text)


def test_node_reads_the_only_time_as_python_does():
    from draft_node import run_js
    from make_it_right.draft import check_draft
    from make_it_right.rules import load_rules
    from make_it_right.strings import load_strings

    rules, strings = load_rules(), load_strings()
    jobs = [{"kind": "check", "text": OPEN + t + CALL + SIGN, "channel": "email", "playbook": "team-mistake"}
            for t in ONLY + DATED]
    js = run_js(jobs, rules, strings)
    for job, got in zip(jobs, js, strict=True):
        assert got == [f.as_json() for f in check_draft(job["text"], "email", "team-mistake")]
    assert all("vague-time" in {f["rule"] for f in got} for got in js[:len(ONLY)])
    assert not any("vague-time" in {f["rule"] for f in got} for got in js[len(ONLY):])


# A call or a phone named as a thing after a preposition, with no time, is no next step (draft28).
def steps(middle: str) -> set[str]:
    return set(rule_ids(OPEN + middle + SIGN, "email", "team-mistake"))


@pytest.mark.parametrize("text", [
    "As I told you on the phone, the boards were the wrong grade.",
    "You raised the gap by the door in our call, and it is now filled.",
    "The floor was meant to be ready for your meeting, and it was not.",
])
def test_a_call_talked_about_is_no_next_step(text):
    assert "next-step" in steps(text + " The new floor is down by Friday at 4.")


@pytest.mark.parametrize("text", [
    "I can take you through it on a call on Friday at 2.",
    "I'd like to go over the plan by phone at 3 tomorrow.",
    "I'll call you on Thursday at 10.",
])
def test_a_call_with_its_time_is_a_next_step(text):
    assert "next-step" not in steps(text + " The new floor is down by Friday at 4.")
