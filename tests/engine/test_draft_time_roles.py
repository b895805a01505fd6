"""Issue 19, draft17: what a dated sentence promises. A time counts as the fix date
when the clause puts the client's thing right; a time to get in touch is the next
step's (CONTENT-NOTES, "A call time as the fix date"). Each sentence is my own, not a
line from a set. A finding with a part's id means the part is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids as ids

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm really sorry. Your launch slips by a day. "
END = "\n\nJoost"


@pytest.mark.parametrize("middle", [
    "We're reprinting the labels. I'll call you on Wednesday at 4pm to go through it.",
    "I'll ring you tomorrow morning at 9 to agree access.",
    "The team is on it. We'll talk on Monday at 2pm.",
    "We are reworking the file, and I'll email you a progress note on Thursday at 12:00.",
    "You'll hear from me first thing Thursday.",
    "I'll send you a short summary by 5pm today and we speak again on Friday at 11.",
    # A time that looks back or only heads a call note times no fix.
    "The feed stopped on 2 Dec. We are rebuilding it. I'll call you tomorrow at 10.",
    # The call's time after a comma is still the call's.
    "We are rebuilding the feed. I'll call you tomorrow, Tuesday, at 9:30 to talk it over.",
    "Call with Sam, Mon 10:00\nPoints: the labels were wrong; we are reprinting them.",
])
def test_a_time_to_get_in_touch_is_no_fix_date(middle):
    assert "fix-date" in ids(OPEN + middle + END)


@pytest.mark.parametrize("middle", [
    "The corrected invoice will be with you by Thursday noon. I'll call you at 3 to check.",
    "The site is back online by 14:00, and I'll ring you at 14:30.",
    "I'll email you the corrected invoice by 3pm today.",
    "I'll call you at 3 pm with the fix.",
    # The fix is in place already: no date is owed.
    "I've attached the revised plan. I'll call you on Friday at 10 to talk it through.",
    "The order has been moved to the express line. I'll ring you tomorrow at 9.",
    "I'll stay on the line now and check it works, and call you again on Friday.",
    # Booked for a time still to come, or said beside what we did.
    "I've booked the fitter for Tuesday at 8 am, and I'll ring you at 10 that day.",
    "We've found the fault and a new unit will reach you by Wednesday.",
    # Cause unknown, said plainly: the update time is the honest date.
    "We don't know why yet; I'll send you an update at 3 pm, even if it's not solved.",
    # Working again, or said in a call note's fix line.
    "The portal is back and working. I'll ring you at 4 to check.",
    "Fix: labels reprinted, all boxes relabelled. Close: I'll call you at 4.",
    # The time cut off from its verb by a comma still belongs to it.
    "The return transfer is confirmed for Sunday, 14:00.",
    "Fix: fitters back Thursday at 9 to move it to the right room.",
])
def test_a_time_for_the_fix_itself_or_a_fix_already_done_counts(middle):
    assert "fix-date" not in ids(OPEN + middle + END)


@pytest.mark.parametrize("middle", [
    "Your van is back on the road since this morning. I'll call you at 4.",
    "We sent the file on Monday. I'll call you on Friday to check.",
])
def test_a_past_time_or_a_call_is_still_no_fix_date(middle):
    assert "fix-date" in ids(OPEN + middle + END)


VOICEMAIL = "Hi Sam, Joost from Kaldera about your order. I'm sorry. "


@pytest.mark.parametrize("middle", [
    "I have tried to reach you by phone since Tuesday.",
    "Your customers cannot book a table online today.",
])
def test_contact_words_about_what_happened_or_what_cant_be_done_are_no_next_step(middle):
    assert "next-step" in ids(VOICEMAIL + middle + " Bye.", "voicemail", None)


def test_a_call_already_booked_for_a_time_is_a_next_step():
    text = VOICEMAIL + "I've booked 30 minutes on Wednesday at 14:00 to walk you through it. Bye."
    assert "next-step" not in ids(text, "voicemail", None)


@pytest.mark.parametrize("impact", [
    "Your packing line at the Leeds site stood idle for the morning.",
    "This takes the deposit out of your December budget.",
])
def test_a_stopped_line_or_money_out_of_their_budget_is_the_impact(impact):
    text = ("Subject: Your order\n\nHi Sam,\n\nI'm really sorry. " + impact
            + " The corrected order reaches you by Friday 11 December. I'll call you tomorrow at 10.\n\nJoost")
    assert "impact" not in ids(text)
