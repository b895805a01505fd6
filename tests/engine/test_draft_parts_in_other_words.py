"""Issue 19 round 6 (fresh40d, fresh40e): a vague time for the fix, an impact and a
next step said in words the patterns didn't know. Each sentence is a paraphrase, not
a line from a set. A finding with a part's id means the part is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids as ids
from make_it_right.draft import check_draft

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm really sorry. "
CALL = " I'll call you tomorrow at 10:00 to talk it through.\n\nJoost"


@pytest.mark.parametrize("fix", [
    "The new panels will be fitted at the earliest possible time next week.",
    "We'll have the corrected batch ready in time for the next available slot.",
    "Our engineer will come out as early as possible.",
    "We will resend the files at the first available opportunity.",
])
def test_a_fix_put_at_the_earliest_or_the_next_free_slot_has_no_date(fix):
    found = ids(OPEN + "Your launch slips by a day. " + fix + CALL)
    assert "fix-date" in found and "vague-time" in found


@pytest.mark.parametrize("fix", [
    "We've booked the next available slot, Thursday at 10, for the refit.",
    "The earliest possible date is Monday 14 December, and the fitters are booked.",
])
def test_the_next_slot_with_its_day_is_a_date(fix):
    found = ids(OPEN + "Your launch slips by a day. " + fix + CALL)
    assert "fix-date" not in found and "vague-time" not in found


@pytest.mark.parametrize("impact", [
    "Your drivers haven't been able to clock in since six.",
    "It's month end, so this lands at the worst possible moment.",
    "The refund has eaten into the budget available for your spring campaign.",
    "The opening can't go ahead before the inspection, and your gala is only days away.",
    "The shop will therefore open on Saturday without its sign.",
    "Your guests stood in the lobby for an hour.",
])
def test_the_impact_said_in_other_words_counts(impact):
    assert "impact" not in ids(OPEN + impact + " The fix is in by Friday 11 December." + CALL)


def test_the_key_to_it_is_no_key_date():
    text = OPEN + "You'll want to change the key right away; the fix is in by Friday 11 December." + CALL
    assert "impact" in ids(text)


@pytest.mark.parametrize("text, channel", [
    ("Ana - still no cause for the errors, but the fallback holds. Next update 15:30 CET, sooner if it moves.", "sms"),
    ("Hi Ana, so sorry about the wrong size! Replacement pair ships Fri by noon.", "sms"),
    (OPEN + "Your till was down for two hours. It is back now, for good from 13:00 today. "
     "Next update: 16:00.\n\nJoost", "email"),
    (OPEN + "Your till was down for two hours. It is back by 13:00 today, and I shall email you "
     "once the report is out.\n\nJoost", "email"),
])
def test_the_next_step_said_in_other_words_counts(text, channel):
    assert "next-step" not in ids(text, channel)


def test_rupees_written_rs_are_an_amount():
    text = (OPEN + "The invoice showed the tax twice, so it came to more than your order. The right total "
            "is Rs. 12,06,000, and the new invoice goes out by Wednesday 9 December." + CALL)
    assert "amount" not in ids(text, playbook="billing-error")


@pytest.mark.parametrize("text, channel, flagged", [
    ("Points:\n- DO NOT promise a date.\nClose: I'll call Monday at 9.", "call-script", False),
    ("Hi Sam, the van is late AGAIN. Back by 3.", "sms", True),
])
def test_capitals_shout_in_what_the_client_reads_not_in_call_notes(text, channel, flagged):
    assert ("all-caps" in ids(text, channel)) is flagged


LONG = ("When the boxes came back from the depot on Monday and the labels had been printed from the old "
        "sheet, which we had stopped using the week before but which was still saved on the shared drive "
        "under the same name, the packers matched them to the wrong orders and nobody spotted it until "
        "your customers started to ring you on Wednesday morning to ask why the parcels held someone "
        "else's things.")


def test_one_winding_sentence_is_hard_to_read_in_writing_whatever_the_score():
    text = OPEN + LONG + " The right parcels reach them by noon on Friday." + CALL
    found = [f for f in check_draft(text, "email", "team-mistake") if f.rule == "reading-ease"]
    assert len(found) == 1 and "words" in found[0].message
    assert text[found[0].start:found[0].end] == LONG


def test_a_long_spoken_sentence_is_left_to_the_voicemails_length_limit():
    assert "reading-ease" not in ids("Hi Sam, it's Jo. " + LONG + " Call me on 0161 496 0000.",
                                     "voicemail")


@pytest.mark.parametrize("middle, fix_date", [
    ("If the supplier confirms by Friday, we'll ship the order. We'll be in touch.", False),
    ("Provided the part reaches us by Thursday, the van is back on the road. We'll be in touch.", False),
    ("If it hasn't reached you by 20 March, I'll chase it myself that day.", True),
])
def test_a_time_inside_a_condition_is_no_fix_date_but_a_backstop_is(middle, fix_date):
    assert ("fix-date" not in ids(OPEN + "Your launch slips by a day. " + middle + "\n\nJoost")) is fix_date


def test_the_next_day_or_so_is_a_vague_time_even_when_hoped_for():
    found = ids(OPEN + "Your launch slips by a day. We hope to have it running again in the next day or so." + CALL)
    assert "vague-time" in found and "fix-date" in found


@pytest.mark.parametrize("impact", [
    "Your quarterly filing is now at risk of a late penalty.",
    "Your crew stood idle on site for most of Monday.",
    "Your board pack went out with last quarter's numbers.",
    "Your customers in Leeds received someone else's parcels.",
    "Your December payroll could be paid late.",
    "Your van was off the road for three days.",
])
def test_what_hit_the_client_said_plainly_is_the_impact(impact):
    assert "impact" not in ids(OPEN + impact + " The fix is in by Friday 11 December." + CALL)


@pytest.mark.parametrize("account", [
    "Our engineer was idle for an hour.",
    "The report job cut the day at midnight instead of at six.",
])
def test_an_account_of_our_side_is_no_impact(account):
    assert "impact" in ids(OPEN + account + " The fix is in by Friday 11 December." + CALL)


@pytest.mark.parametrize("text, next_step", [
    ("Hi Sara, so sorry! Your table's rebooked for 8pm Sat; confirmation email coming within the hour.", True),
    ("Hi Tom - refund of £40 processed, shows in 3-5 days. Any questions, I'm on 07700 900123 till 6.", True),
    ("Hi Ben, sorry - we're looking into it and will be in touch.", False),
    # The fix arriving is its date, not a next step.
    ("Hi Jonas, sorry, the new van is coming tomorrow by 10.", False),
])
def test_a_text_s_next_step_in_other_words(text, next_step):
    assert ("next-step" not in ids(text, "sms")) is next_step


@pytest.mark.parametrize("fix, vague", [
    ("We'll reissue the invoices once the migration is complete.", True),
    ("The site will be back when the rebuild has run.", True),
    ("We'll reissue the invoices once the migration is complete, by 4 pm on Friday 11 December.", False),
])
def test_a_fix_tied_to_our_own_job_finishing_has_no_date(fix, vague):
    found = ids(OPEN + "Your launch slips by a day. " + fix + CALL)
    assert ("vague-time" in found) is vague and ("fix-date" in found) is vague
