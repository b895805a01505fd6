"""Issue 19 round 7 (fresh40h to k): a next step is what we will do and when; a vague time
is neither a next step nor a fix date, however it is said. Each sentence is a
paraphrase of my own, not a line from a set. A finding with a part's id means the part
is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids as ids

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm really sorry. Your launch slips by a day. "
FIX = "The fix is in by Friday 11 December. "
NUMBER = "My number is 07700 900123, that's 07700 900123. "


@pytest.mark.parametrize("step", [
    "I will come back to you with the details of the refund.",
    "The depot has confirmed by phone that the van is loaded.",
    "It was my job to book the slot, and I didn't.",
    "I'd like to talk you through the options properly.",
    "We'll get back to you with the revised plan.",
    # A time that waits on an event with no date of its own (the editor's decision, draft25).
    "I'll let you know the new date once the depot confirms it.",
])
def test_a_promise_to_be_in_touch_with_no_time_is_no_next_step(step):
    assert "next-step" in ids(OPEN + FIX + step + "\n\nJoost")


@pytest.mark.parametrize("step", [
    "I'd like to talk you through the options tomorrow at 10.",
    "I'm free to go through it by phone at 3 pm today.",
])
def test_a_talk_with_its_time_is_a_next_step(step):
    assert "next-step" not in ids(OPEN + FIX + step + "\n\nJoost")


@pytest.mark.parametrize("retry", [
    "If I can't get hold of you, I'll try you again later on.",
    "I will try to reach you again in the course of the week.",
    "I'll try you again later, or give me a ring whenever suits.",
])
def test_our_own_vague_retry_leaves_a_voicemail_without_a_next_step(retry):
    text = "Hi Sam, Joost from Kaldera about your order. Please call me back. " + NUMBER + retry
    found = ids(text, "voicemail", None)
    assert "next-step" in found and ("vague-time" in found or "no-real-time" in found)


def test_a_retry_with_its_time_keeps_the_voicemail_next_step():
    text = "Hi Sam, Joost from Kaldera about your order. " + NUMBER + "I'll try you again at 4 today."
    assert "next-step" not in ids(text, "voicemail", None)


@pytest.mark.parametrize("fix", [
    "We will have the new rota in place in the course of next week.",
    "A crew will redo the wiring once their schedule opens up towards month-end.",
    "We will have a new concept ready before the next event.",
    "I'll send the complete file once the backup is restored.",
])
def test_a_fix_with_no_day_is_vague_and_leaves_no_fix_date(fix):
    found = ids(OPEN + fix + " Any questions, just reply.\n\nJoost")
    assert "fix-date" in found and ("vague-time" in found or "no-real-time" in found)


@pytest.mark.parametrize("text", [
    OPEN + FIX + "Reply yes and I'll send the invite, or suggest another time that works better "
    "for you than Thursday at 11.\n\nJoost",
    OPEN + FIX + "I'll call you at 4 today. The check runs before your next event on the 18th."
    "\n\nJoost",
])
def test_an_offer_of_another_time_or_a_dated_occasion_is_not_vague(text):
    found = ids(text)
    assert "vague-time" not in found and "no-real-time" not in found


CALL = " The fix is in by Friday 11 December. I'll call you tomorrow at 10:00 to talk it through.\n\nJoost"
START = "Subject: Your order\n\nHi Sam,\n\nI'm really sorry. "


@pytest.mark.parametrize("impact", [
    "Your auditors now have to re-check every line before the year end.",
    "Your bank approved a transfer that it will now have to correct.",
    "I know this puts pressure on your team in a busy week.",
    "Without the nightly alerts your duty manager can't see which doors are open.",
])
def test_work_the_client_must_redo_is_the_impact(impact):
    assert "impact" not in ids(START + impact + CALL)


def test_a_label_for_the_impact_in_call_notes_counts():
    notes = ("Call with Sam\n\nOpening: I'm sorry about the invoice.\n\nPoints:\n"
             "- Impact for him: his month-end close slips to next week\n"
             "- Fix: corrected invoice by Friday 11 December at 12:00\n\n"
             "Close: I'll call him on Monday at 9 to check.")
    assert "impact" not in ids(notes, "call-script")


@pytest.mark.parametrize("said", [
    "As has already been explained to your office, the portal sync runs hourly.",
    "The packing list shows the wrong crate numbers.",
    "Our quote covers the import, which means products, prices and stock levels.",
])
def test_the_mistake_or_a_definition_is_no_impact(said):
    assert "impact" in ids(START + said + CALL)


@pytest.mark.parametrize("sum_", ["AED 1,840", "\u20a91,240,000", "ZAR 3 200", "1,200 SGD"])
def test_more_currencies_are_an_amount(sum_):
    text = START + f"We charged you twice, so your bill was {sum_} too high." + CALL
    assert "amount" not in ids(text, playbook="billing-error")


@pytest.mark.parametrize("text, channel", [
    ("Hi Sam, sorry, the van is held at the port. Will update you tmrw 10am. Joost", "sms"),
    ("Hi Sam, sorry about the mix-up. The depot will call you at 8 tomorrow to book the slot. Joost",
     "sms"),
    (OPEN + FIX + "I'll walk it with you at 4pm today before the rehearsal.\n\nJoost", "email"),
])
def test_a_timed_promise_to_be_in_touch_is_a_next_step_whoever_makes_it(text, channel):
    assert "next-step" not in ids(text, channel, None if channel == "sms" else "team-mistake")


def test_a_past_call_with_its_time_is_still_no_next_step():
    text = "Hi Sam, sorry about the mix-up. The depot called you at 8 this morning. Joost"
    assert "next-step" in ids(text, "sms", None)


def test_what_it_is_for_them_in_a_word_is_the_impact():
    text = START + "The line stays slowed until we've been in, which is lost output for you." + CALL
    assert "impact" not in ids(text)


@pytest.mark.parametrize("cue", [
    "- Acknowledge: he's furious, and says he feels nobody's listening.",
    "- He is fuming about the second visit.",
])
def test_how_strongly_they_feel_in_call_notes_is_acknowledged(cue):
    notes = ("Call with Sam\n\nOpening:\n" + cue + "\n- Sorry: \"I'm really sorry about the tiles.\"\n\n"
             "Points:\n- Impact for him: the spare room is out of use\n"
             "- Fix: roofer replaces the tiles Wednesday 18 Feb, 8am\n\n"
             "Close: I ring him Friday at 3pm.")
    assert "acknowledge" not in ids(notes, "call-script", "angry-client")


@pytest.mark.parametrize("text", [
    "Hi Sam, your spare key is cut. Would Tues or Fri suit to collect? I'll try you again Weds. Joost",
    "Sam, the booking page is down since 06:40. Back by 12:00 today, I text you then. Joost",
])
def test_a_short_weekday_or_then_after_a_time_is_a_timed_next_step(text):
    assert "next-step" not in ids(text, "sms", None)


def test_looking_at_it_together_at_a_time_is_a_next_step():
    text = OPEN + FIX + "I'll come and look at it with you at 8am Thurs.\n\nJoost"
    assert "next-step" not in ids(text)


def test_then_with_no_time_before_it_is_no_next_step_on_its_own():
    text = "Sam, the booking page is down. I'll sort it soon and text you then. Joost"
    assert "next-step" in ids(text, "sms", None)


@pytest.mark.parametrize("said", [
    "The first delivery cannot leave on 15 December as planned, with fewer selling days before the 24th. "
    "I will call you on Wednesday 9 December at 14h to agree the new date.",
    "The van won't reach you on Friday as promised. I'll ring you tomorrow at 9 to fix a new slot.",
])
def test_a_date_that_wont_hold_or_a_call_to_find_one_is_no_fix_date(said):
    assert "fix-date" in ids(START + "Your shops lose a week of sales. " + said + "\n\nJoost")


def test_a_call_at_a_time_beside_a_real_fix_date_keeps_it():
    said = ("The van won't reach you on Friday as promised; it comes on Monday 14 December by 10. "
            "I'll ring you tomorrow at 9 to fix a time for the unloading.")
    assert "fix-date" not in ids(START + "Your shops lose a week of sales. " + said + "\n\nJoost")


@pytest.mark.parametrize("offer", [
    "You can reach me at 0161 555 0123.",
    "Feel free to call me if anything is unclear.",
    "Have a think and let me know what works for you for a call.",
])
def test_an_open_offer_to_get_in_touch_with_no_time_is_no_next_step(offer):
    assert "next-step" in ids(OPEN + FIX + offer + "\n\nJoost")


def test_an_offer_with_its_time_is_a_next_step():
    assert "next-step" not in ids(OPEN + FIX + "You can reach me at my desk until 5pm today.\n\nJoost")
