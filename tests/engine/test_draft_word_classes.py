"""Issue 19, draft26: impact, acknowledge and the passive by word class, as new writers say them.
Each class with sentences that must count and near twins that must not. A finding with a
part's id means the part is missing."""

from __future__ import annotations

import pytest

from harness.drafts import rule_ids

OPEN = "Subject: Your booking\n\nHi Sam,\n\nI'm sorry. "
SIGN = "\n\nI'll call you on Friday at 10.\n\nJoost"


def findings(middle: str, playbook: str = "team-mistake", channel: str = "email") -> list[str]:
    return rule_ids(OPEN + middle + SIGN, channel, playbook)


# Impact: a consequence verb aimed at the client's thing, their side still waiting or what they
# had planned, others who now have it, their people unable to act, a trip of theirs for nothing.
@pytest.mark.parametrize("text", [
    "The kiln failed overnight, which holds up your gallery opening.",
    "The wrong rate went on the bill, and it makes your quarterly figures wrong.",
    "The hall is closed on Saturday, which matters most for your oldest members.",
    "Your bookkeeper is still waiting for the corrected statement.",
    "It was the one afternoon you'd planned the rehearsal around.",
    "Two other tenants in the block may have seen the letter.",
    "No tables are currently set aside for your party.",
    "Pupils in the lower school cannot currently open their timetables.",
    "The bell frame wasn't finished, which leaves the Easter peal without its tenor bell.",
    "Your surveyors drove out to the quarry for nothing on Tuesday.",
    "The mounts came back darker than you hoped.",
])
def test_what_it_means_for_the_client_in_a_word_class_is_the_impact(text):
    assert "impact" not in findings(text)


@pytest.mark.parametrize("text", [
    "The kiln failed overnight, and we have fired the pieces again.",
    "The wrong rate went on the bill; the new one is attached.",
    "Our bookkeeper is checking the statement line by line.",
    "We had planned the rehearsal for that afternoon.",
    "No one else has the letter; it stayed in our office.",
    "The mounts came back from the framer on Monday.",
    "I'll send it on Thursday so you can check it before it goes out.",
    "I cut the new bridge too high.",
    "The ski delivery for your guests went to our other shop.",
])
def test_near_twins_that_only_say_what_happened_are_no_impact(text):
    assert "impact" in findings(text)


# Acknowledge: the client said to feel something, their words quoted back, putting ourselves in
# their place, or a call note's cue that names what to acknowledge.
@pytest.mark.parametrize("text", [
    "I know you're cross about the balloon flight, and you have reason to be.",
    "He's raging about the shutter, and he has a point.",
    "You wrote that it was 'the worst weekend of the season', and I read every word.",
    "Your email said you have now chased us four times.",
    "You had every right to go over my head.",
    "I can only imagine how it felt to open the box.",
    "It's fair that you feel let down.",
])
def test_naming_their_feeling_or_their_words_acknowledges_them(text):
    assert "acknowledge" not in findings(text, "angry-client")


def test_a_call_note_that_names_what_to_acknowledge_counts():
    note = ("Call Mr Duarte, Wed 10am\n\n- He said the kids \"sat in the cold for an hour\" - acknowledge "
            "that, use his words.\n- Fix: heaters in the hall by Friday 9am.\n- Close: I ring him Friday at 4.")
    assert "acknowledge" not in rule_ids(note, "call-script", "angry-client")


@pytest.mark.parametrize("text", [
    "We are sorry for any disappointment that may have been felt during the stay.",
    "Apologies for any frustration caused by the delay.",
    "Thank you for your email about the scans.",
    "You wrote to us on Monday about the flight.",
    "We acknowledge the delay to the flight.",
])
def test_a_stock_hedge_or_the_facts_alone_do_not(text):
    assert "acknowledge" in findings(text, "angry-client")


# The passive: a get-passive tells what happened to a thing with no one doing it; a mistake noun
# with no owner; a denial that it was done wrong is no passive evasion.
@pytest.mark.parametrize("text", [
    "The master code got left at the factory default.",
    "Your floor plans got bundled into a folder meant for another client.",
    "The booking page got knocked offline on Saturday night.",
    "There was an oversight on the scheduling side, and your slot went to another group.",
    "Owing to a slip on the booking side, your slot went to another party.",
])
def test_a_mistake_that_happened_to_a_thing_is_passive_evasion(text):
    assert any(rule in findings(text) for rule in
               ("no-one-did-it", "a-mistake-of-no-ones", "passive-evasion", "done-wrong-by-no-one"))


@pytest.mark.parametrize("text", [
    "The new code got fitted this morning, and the gate opens again.",
    "Your plans got delivered to the council on Monday.",
    "The compressor was NOT installed wrong; the coil was packed with grease.",
    "There was a slip on our side, and your slot went to another party.",
    "We left the master code at the factory default.",
])
def test_near_twins_that_own_it_or_say_it_went_right_are_not(text):
    assert not {"no-one-did-it", "a-mistake-of-no-ones", "passive-evasion",
                "done-wrong-by-no-one"} & set(findings(text))
