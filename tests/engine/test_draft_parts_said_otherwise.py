"""Issue 19 round 4 (fresh40c): what a part counts and what it doesn't, when the
words are new. A finding with a part's id means the part is missing."""

from __future__ import annotations

from harness.drafts import rule_ids

OPEN = "Subject: Your order\n\nHi Sam,\n\nI'm sorry, and I understand how frustrating this is. "
CLOSE = " The new pallets reach you tomorrow by 09:30, and I'll call you at 10:00.\n\nJoost"


def ids(middle: str, channel: str = "email", playbook: str | None = "team-mistake") -> list[str]:
    return rule_ids(OPEN + middle + CLOSE, channel, playbook)


def test_the_clients_customer_turning_it_away_is_the_impact():
    assert "impact" not in ids("Your customer in Breda refused them, and your crew has nothing to lay.")
    assert "impact" not in ids("We will cover all costs which your company had for the relabelling.")


def test_words_near_you_that_are_not_a_loss_are_no_impact():
    assert "impact" in ids("The right pack is waiting for you at reception.")
    assert "impact" in ids("The recipient is a trusted company, so I can assure you it is deleted.")
    assert "impact" in ids("I'll test every card before your people arrive.")


def test_putting_yourself_in_their_place_acknowledges_them():
    text = ("Subject: Pepper\n\nHi Susan,\n\nYou waited all afternoon for our call. I'd have been "
            "beside myself too. I'm really sorry. It meant you left work early. From tomorrow the "
            "nurse rings every owner by 1pm, and I'll ring you at 10am tomorrow.\n\nJo")
    assert "acknowledge" not in rule_ids(text, "email", "angry-client")


def test_a_call_that_went_wrong_is_no_next_step():
    text = "Hey Jordan! So sorry, we double-booked your kickoff call this afternoon. New times in a bit - Kayla"
    assert "next-step" in rule_ids(text, "sms", "team-mistake")
