"""Issue 19, draft25: times that name no day. A time that waits on an event with no date of its
own ("once the parts arrive") is no date (the editor's decision, CONTENT-NOTES); a span of days
said in the plain present is none either; a client asked to come at a time has a next step.
Each idea with sentences that must count and near twins that must not, all written for this file.
A finding with a part's id means the part is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm sorry, and I know this held up your week. "
SIGN = "\n\nJoost"


def found(middle: str, channel: str = "email", playbook: str | None = "team-mistake") -> set[str]:
    return set(rule_ids(OPEN + middle + SIGN, channel, playbook))


# The waiting word, who or what it waits on, and the event in the present, where we promise.
@pytest.mark.parametrize("text", [
    "We'll rehang the gate once the new hinges arrive.",
    "I'll re-cut the stencil as soon as the printer confirms the size.",
    "We will relay the turf the moment the groundsman gives us the go-ahead.",
    "We'll get the spare van over to you, soon as the driver's back from the depot.",
    "Once the council signs off, we'll reopen the car park.",
])
def test_a_time_that_waits_on_an_event_is_vague_and_no_fix_date(text):
    got = found(text + " I'll call you on Thursday at 10 to check in.")
    assert {"vague-time", "fix-date"} <= got


@pytest.mark.parametrize("text", [
    "We'll rehang the gate once the new hinges arrive, on Wednesday at 9.",
    "I'll re-cut the stencil as soon as the printer confirms the size, and by noon tomorrow either way.",
    "We rehung the gate once the new hinges arrived.",
    "The gate can only be rehung once the new hinges arrive. Our fitter will be with you Wednesday at 9.",
    "We can't reopen the car park until the council signs off. It reopens on Monday at 7.",
])
def test_a_waiting_time_with_a_day_or_in_the_past_is_fine(text):
    assert "vague-time" not in found(text + " I'll call you on Thursday at 10 to check in.")


def test_a_call_that_waits_on_an_event_is_no_next_step():
    fix = "The new hinges go on Wednesday at 9. "
    assert {"vague-time", "next-step"} <= found(fix + "I'll ring you as soon as the supplier replies.")
    assert "next-step" not in found(fix + "I'll ring you as soon as the supplier replies, and by 5 pm today "
                                          "either way.")


# The plain present, as many write the future: a span of days is still no day.
@pytest.mark.parametrize("text", [
    "We send the right cables in the next days.",
    "The frame I finish in the coming days and bring it round.",
    "I will phone you a bit later today.",
])
def test_a_span_or_a_part_of_the_day_with_no_hour_is_vague(text):
    assert "vague-time" in found(text)


@pytest.mark.parametrize("text", [
    "We send the right cables in the next days, on Thursday 10 December by noon.",
    "We saw more returns over the past few days.",
    "I will phone you later today at 4.",
    "A second charge just before the end of the month is not a small thing. The refund reaches you Friday.",
])
def test_a_span_with_its_day_or_in_the_past_is_fine(text):
    assert "vague-time" not in found(text)


# Asked to come or to bring it, with a time: the next step is the client's visit.
@pytest.mark.parametrize("text", [
    "Come in Thursday at 3 and I refit it while you wait.",
    "My suggestion: bring the frame to the shop on Saturday at 11.",
])
def test_the_client_asked_to_come_at_a_time_is_a_next_step(text):
    assert "next-step" not in found("The new glass is cut and ready. " + text, "sms")


def test_a_thing_that_comes_at_a_time_is_no_invitation():
    assert "next-step" in found("The new glass is cut. The parts come Thursday at 3.", "sms")


def test_node_reads_a_waiting_time_as_python_does():
    from draft_node import run_js
    from make_it_right.draft import check_draft
    from make_it_right.rules import load_rules
    from make_it_right.strings import load_strings

    rules, strings = load_rules(), load_strings()
    texts = [OPEN + t + SIGN for t in ("We'll rehang the gate once the new hinges arrive.",
                                       "We'll rehang the gate once the new hinges arrive, on Wednesday at 9.",
                                       "Come in Thursday at 3 and I refit it while you wait.")]
    jobs = [{"kind": "check", "text": t, "channel": "email", "playbook": "team-mistake"} for t in texts]
    js = run_js(jobs, rules, strings)
    for job, got in zip(jobs, js, strict=True):
        assert got == [f.as_json() for f in check_draft(job["text"], "email", "team-mistake")]
    assert "vague-time" in {f["rule"] for f in js[0]}
    assert "vague-time" not in {f["rule"] for f in js[1]}
