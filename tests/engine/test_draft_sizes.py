"""How "Check my draft" counts a voicemail's phone numbers and spoken length, and when
reading ease is a finding (issue 19): a digit is a word, a number is found however it
is grouped, and a short text is not "hard to read" for one long word."""

import pytest
from draft_node import run_js

from make_it_right.draft import DRAFT_MEASURES, check_draft, read_draft
from make_it_right.draft_rules import load_draft_rules

# Each is one phone number, whole (with its extension).
NUMBERS = ["06.6345.2210", "604 555 0148", "+44 20 7946 0958", "+44 (0)20 7946 0958",
           "33 14 27 80", "555 4120", "040 555 2817", "020 7946 0958 ext. 214",
           "0161 496 0222 x12", "07700900123", "(020) 7946 0958", "0117-496-0550",
           "04.72.00.15.38", "06-12-34-56-78"]
# None is a phone number.
NOT_NUMBERS = ["12.03.2026", "2026-12-08", "12/25/2026", "25.12.26", "9.00-17.00",
               "10.30-11.45", "on 12 March 2026 at 10:30", "\u00a31 250 000", "invoice 4471209",
               "14:00", "1.5 cm", "section 4.2.1", "20m clearspan"]


@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_is_found_whole_however_it_is_grouped(rules, number):
    assert [m.group(0) for m in rules.draft_checks.phone_regex.finditer(number)] == [number]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_a_date_time_or_amount_is_no_number(rules, text):
    assert not rules.draft_checks.phone_regex.search(text)


def measure(name, text, rules, strings):
    draft = read_draft(text, "voicemail", rules, strings, load_draft_rules())
    return DRAFT_MEASURES[name](draft, rules)


def test_a_number_said_twice_is_two_mentions(rules, strings):
    said = "Call me on 040 555 2817. 040 555 2817. Thanks."
    assert measure("phone-mentions", said, rules, strings) == 2
    assert measure("phone-mentions", "Call me on 555 4120, again 555 4120.", rules, strings) == 2


def test_each_digit_and_an_extension_is_a_spoken_word(rules, strings):
    wpm = rules.limits.voicemail_words_per_minute
    # "Call me on" (3) + 11 digits + "extension" + 3 digits.
    said = measure("spoken-seconds", "Call me on 020 7946 0958 ext. 214", rules, strings)
    assert said == pytest.approx(18 * 60 / wpm)
    dotted = measure("spoken-seconds", "Call me on 06.6345.2210", rules, strings)
    assert dotted == pytest.approx(13 * 60 / wpm)


def ease_findings(text, channel, rules, strings):
    return [f for f in check_draft(text, channel, "my-mistake", rules, strings)
            if f.rule == "reading-ease"]


SHORT_TEXT = ("Hi Joanna, the replacement certificate of conformity is registered with the "
              "municipality's licensing administration. Collection available Thursday afternoon "
              "at reception, documentation included.")
VERY_HARD = ("Notwithstanding the aforementioned infrastructural reconfiguration, operational "
             "availability considerations necessitated intermittent deprioritisation of "
             "non-essential administrative functionality. Consequently, reconciliation "
             "activities experienced considerable unanticipated postponement. Remediation "
             "documentation is anticipated imminently.")
EASE_TEXTS = [(SHORT_TEXT, "sms"), (VERY_HARD, "email")]


def test_a_short_text_with_long_words_is_not_hard_to_read(rules, strings):
    assert ease_findings(SHORT_TEXT, "sms", rules, strings) == []


def test_a_short_draft_that_is_very_hard_is_still_flagged(rules, strings):
    assert [f.rule for f in ease_findings(VERY_HARD, "email", rules, strings)] == ["reading-ease"]


def test_the_browser_counts_numbers_and_ease_as_python_does(rules, strings):
    """Each number said twice in a voicemail, each non-number in one, and the two ease
    texts: Node's findings (sizes, mentions, reading ease) equal Python's."""
    texts = [(f"Hi, it's Sam. Call me on {n}, that's {n}. Thanks.", "voicemail") for n in NUMBERS]
    texts += [(f"Hi, it's Sam about the {t} visit. Call me back.", "voicemail") for t in NOT_NUMBERS]
    texts += [(ease_text, channel) for ease_text, channel in EASE_TEXTS]
    jobs = [{"kind": "check", "text": t, "channel": c, "playbook": "my-mistake"} for t, c in texts]
    python = [[f.as_json() for f in check_draft(t, c, "my-mistake", rules, strings)] for t, c in texts]
    assert run_js(jobs, rules, strings) == python
