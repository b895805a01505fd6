"""Issue 19, draft20: the fix date, the impact and the next step as new writers say them.
Each idea by its cause (a word class or a piece of grammar), with sentences that must count
and near twins that must not. A finding with a part's id means the part is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm sorry, and I know this held up your week. "
SIGN = "\n\nJoost"


def missing(middle: str, part: str, channel: str = "email", playbook: str | None = "team-mistake") -> bool:
    return part in rule_ids(OPEN + middle + SIGN, channel, playbook)


# A call, a visit to look, or a paper about it times when the client hears from us, not the fix.
@pytest.mark.parametrize("text", [
    "I will telephone you tomorrow at 11 to go over it.",
    "I'll inform you on Tuesday at 10:00 about where it stands.",
    "Can we jump on a video call Wednesday at 7pm?",
    "I'll send you a recap of today's call by 4pm.",
    "Recap email to her office by 4pm today.",
    "I'll come and have a look with you on Wednesday at 4.",
    "I'll send a Teams invitation this afternoon.",
])
def test_a_contact_said_another_way_is_no_fix_date(text):
    assert missing(text, "fix-date")


@pytest.mark.parametrize("text", [
    "Your refund will be back on your card by Thursday, and I will telephone you on Friday.",
    "I'll send you the corrected contract by 4pm.",
    "I'll come and replace the valve on Wednesday at 4.",
    "The new sign goes up on Friday at 8am, and I'll send you a recap afterwards.",
])
def test_the_fix_beside_a_contact_keeps_its_date(text):
    assert not missing(text, "fix-date")


# A vague time on getting in touch doesn't undo a dated fix; a vague time on when the fix comes does.
def test_a_vague_contact_leaves_the_fix_date_standing():
    assert not missing("The new sign goes up on Friday at 8am. We'll keep you posted on anything else "
                       "in due course.", "fix-date")
    assert not missing("Your tickets reach your inbox before 18:00 tomorrow. We tell you more soon.",
                       "fix-date")
    assert not missing("The final cut is in your inbox Friday by 6pm. I'll swing by sometime this week "
                       "for the keys.", "fix-date")


def test_a_vague_word_on_when_the_fix_comes_still_leaves_it_undated():
    assert missing("The new part comes next week. We will inform you in due course about the new "
                   "fitting day.", "fix-date")
    assert missing("We'll have it fixed shortly. I'll call you tomorrow at 10.", "fix-date")


# "which" after a preposition opens no new clause: the time still belongs to the fix.
def test_a_relative_after_a_preposition_keeps_the_fix_and_its_time_together():
    assert not missing("The £40 will be refunded to the account from which it was taken on "
                       "Thursday 10 December.", "fix-date")
    assert missing("We refunded the £40, which was taken on Thursday 10 December.", "fix-date")


# The fix already in place, said in the past passive, needs no date.
def test_a_fix_put_right_in_the_past_passive_is_in_place():
    assert not missing("The prices were corrected at 11:20. I'll call you at 3 today.", "fix-date")
    assert missing("If the prices were corrected, I'll call you at 3 today.", "fix-date")
    assert missing("The prices were corrected to the wrong rate. I'll call you at 3 today.", "fix-date")


IMPACT_OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm sorry. "
IMPACT_CLOSE = " The new units reach you tomorrow by 09:30, and I'll call you at 10:00.\n\nJoost"


def impact_missing(middle: str, channel: str = "email") -> bool:
    return "impact" in rule_ids(IMPACT_OPEN + middle + IMPACT_CLOSE, channel, "team-mistake")


# What it means for the client, by cause: a note's own cue, a harm verb aimed at their thing,
# a difficulty named for them, a loss in any tense, what they came back to.
@pytest.mark.parametrize("text", [
    "Impact:\n- Shop dark for the whole lunch rush.",
    "For him: the tasting menu goes to print on Friday.",
    "It sets back her training plan for the spring show.",
    "It put your opening night at risk.",
    "It placed an extra burden on your night staff.",
    "That is a real worry two weeks before the audit.",
    "It is a significant difficulty for you in a busy week.",
    "Without the stamp, your visa request would lose its place in the queue.",
    "You are missing the north half of the survey for your board.",
    "You came home to a flooded kitchen.",
    "You had sixty guests standing in the car park.",
    "His account went into overdraft.",
    "Seeing another family's forms leaves you wondering where yours went.",
    "Your foreman worked from last year's drawings all morning.",
    "Nobody at your front desk could find the booking.",
    "Your stall opened on Sunday with no price cards.",
])
def test_what_it_means_for_the_client_said_another_way_is_the_impact(text):
    assert not impact_missing(text)


@pytest.mark.parametrize("text", [
    "For you, the new boxes are already packed.",
    "It sets out the order of work for the week.",
    "That is a real improvement on the old layout.",
    "You are getting the north half of the survey first.",
    "You came to the studio on Monday.",
    "We had sixty boxes on the shelf.",
    "We made it clear which forms are yours.",
    "We couldn't find your booking at first.",
    "Your stall opens on Sunday with the new cards.",
])
def test_near_twins_without_a_consequence_are_no_impact(text):
    assert impact_missing(text)


# A next step: being there or free for the client at a time, word from us at a time, a question
# or a plain request with a time; in a text, what lands with them at a time they can watch for.
@pytest.mark.parametrize("text", [
    "I shall come to your office first thing Thursday.",
    "I will be in the hall myself from 7:30 on Monday.",
    "I am available tomorrow between 9:00 and 11:00 if you want to talk.",
    "You will receive the signed copy from me on Tuesday afternoon.",
    "Please confirm by Thursday noon.",
    "The next slot is Friday at 10, would that work?",
])
def test_a_next_step_said_another_way_counts(text):
    assert not missing(text, "next-step")


@pytest.mark.parametrize("text", [
    "I came to your office on Thursday.",
    "The portal will be available again by 16:00.",
    "Please accept my apologies.",
    "The next slot was Friday at 10.",
])
def test_near_twins_with_no_next_step_are_none(text):
    assert missing(text, "next-step")


def test_what_lands_at_a_time_is_a_texts_next_step_not_an_emails():
    text = "Sorry, your box left a day late. Tracking link by 6pm."
    assert "next-step" not in rule_ids(text, "sms", "team-mistake")
    assert "next-step" in rule_ids("Subject: Your box\n\nHi Sam,\n\n" + text + "\n\nJo", "email", None)
    assert "next-step" in rule_ids("Sorry, your box left a day late. Tracking link soon.", "sms", "team-mistake")


# Words that only look like a next step: the client's own reply, the phone as the better
# channel, a duration said with "around".
def test_look_alikes_are_no_next_step():
    assert missing("Your reply deadline is 14 December, not 4 December.", "next-step")
    assert missing("I'd rather go over this on the phone than in an email.", "next-step")
    assert missing("The site will run in English for around one week.", "next-step")
    assert not missing("Reply by Friday and I'll hold the slot.", "next-step")


# A hedged time is no date to plan on; the date that won't hold is what went wrong.
@pytest.mark.parametrize("text", [
    "I'll have the new figures over before the weekend-ish, hopefully.",
    "The booking system should be back, normally before the end of the day.",
    "The arms won't ship this Thursday.",
    "He cannot start the voice recording on Wednesday with the file he has.",
])
def test_a_hedged_or_broken_date_is_no_fix_date(text):
    assert missing(text + " I'll call you at 3 today.", "fix-date")


@pytest.mark.parametrize("text", [
    "I'll have the new figures over before the weekend, on Friday at noon.",
    "We can't get the arms to you until Thursday, when they ship by 10am.",
    "The arms won't ship this Thursday; they will ship on Monday at 9.",
])
def test_a_plain_date_beside_them_still_counts(text):
    assert not missing(text + " I'll call you at 3 today.", "fix-date")


# Acknowledging the client: saying back what they said or felt, in any person; how it must have felt.
@pytest.mark.parametrize("text", [
    "You wrote that you and your partner felt hurried at the viewing.",
    "You told our driver on Monday that you feel nobody reads your notes.",
    "He's right to be cross, and I'll say so.",
    "- Say back what she said on the phone.",
    "Acknowledge her letter: she feels ignored.",
    "That must have been frightening for both of you.",
])
def test_saying_back_what_they_felt_acknowledges_them(text):
    assert "acknowledge" not in rule_ids(OPEN + text + SIGN, "email", "angry-client")


@pytest.mark.parametrize("text", [
    "You wrote to us on Monday about the viewing.",
    "He's right about the date of the viewing.",
    "That must have been the wrong key.",
])
def test_saying_back_only_the_facts_does_not(text):
    assert "acknowledge" in rule_ids("Subject: Your viewing\n\nHi Sam,\n\n" + text + SIGN, "email", "angry-client")


def test_a_sum_with_its_currency_after_the_number_is_the_amount():
    text = "Subject: Invoice\n\nHi Sam,\n\nThe credit note is for 4 312,50 $ CAD." + SIGN
    assert "amount" not in rule_ids(text, "email", "billing-error")
    assert "amount" not in rule_ids(text.replace("4 312,50 $ CAD", "12,50 €"), "email", "billing-error")
    assert "amount" in rule_ids(text.replace("4 312,50 $ CAD", "the full sum"), "email", "billing-error")


def test_a_thing_sent_to_the_client_in_the_past_is_no_fix_date():
    assert missing("The missing parts went in the post to you on Monday, tracked. I'll call you at 3 today.",
                   "fix-date")
    assert not missing("- Fix: build to her Mon 23 Mar 09:00.\n- I'll call her at 3 today.", "fix-date",
                       "call-script")


def test_node_reads_a_part_clauses_channels_as_python_does():
    from draft_node import run_js
    from make_it_right.draft import check_draft
    from make_it_right.rules import load_rules
    from make_it_right.strings import load_strings

    rules, strings = load_rules(), load_strings()
    text = "Sorry, your box left a day late. Tracking link by 6pm."
    jobs = [{"kind": "check", "text": text, "channel": channel, "playbook": "team-mistake"}
            for channel in ("sms", "email")]
    js = run_js(jobs, rules, strings)
    for job, got in zip(jobs, js, strict=True):
        assert got == [f.as_json() for f in check_draft(text, job["channel"], "team-mistake")]
    assert "next-step" not in {f["rule"] for f in js[0]}
    assert "next-step" in {f["rule"] for f in js[1]}


def test_a_fix_booked_in_the_passive_keeps_its_date():
    assert not missing("Your fitting is rebooked for the 14th at 10, same room. I'll call you at 3 today.", "fix-date")
    assert missing("Your fitting was booked for the 14th at 10, and it fell through. I'll call you at 3 today.",
                   "fix-date")
