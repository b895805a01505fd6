"""A signature block and a legal footer with no "-- " line (draft_structure._tail):
set aside from the message's end, said in the note, and the same in Node."""

from __future__ import annotations

import time

from draft_node import run_js
from make_it_right.draft import check_draft, set_aside_note
from make_it_right.draft_rules import load_draft_rules
from make_it_right.draft_structure import read_structure

WORDING = load_draft_rules()

BODY = ("Hi Ana,\n\nI'm sorry the boiler failed again this morning. Our engineer is with you "
        "at 14:00 today, and I'll call you at 16:00 to tell you how it went.\n\n")
SIGNATURE = "Kind regards,\nDeclan Moran\nAccount Manager | Corrib FM\n+353 1 555 0101\ncorribfm.ie\n"
FOOTER = ("\nCorrib FM Ltd, registered office 4 Quay St, Galway, company number 612345. This "
          "e-mail is confidential and intended only for the addressee. If you received it in "
          "error, please delete it. We do not accept liability for errors in transmission.\n")

TEXTS = {
    "signature and footer": BODY + SIGNATURE + FOOTER,
    "footer alone": BODY + "Declan" + "\n" + FOOTER,
    "closing alone": BODY + "Thanks,\n",
    "closing, then a long line": BODY + "Best,\n" + "I forgot to say: " + "word " * 30 + "\n",
    "liability in the writer's words": BODY + "We accept full liability for the damage to your floor.\n",
    "one paragraph": FOOTER.strip(),
}


def own(text: str) -> str:
    return read_structure(text, WORDING).own_words(text)


def test_a_closing_line_and_the_short_lines_after_it_are_a_signature():
    structure = read_structure(TEXTS["signature and footer"], WORDING)
    assert structure.set_aside == {"signature": 5, "disclaimer": 1}
    words = own(TEXTS["signature and footer"])
    assert "Declan" not in words and "registered" not in words and "liability" not in words
    assert "Our engineer is with you" in words


def test_a_footer_needs_two_cues_and_writer_words_before_it():
    assert read_structure(TEXTS["footer alone"], WORDING).set_aside == {"disclaimer": 1}
    assert "liability" in own(TEXTS["liability in the writer's words"])
    assert read_structure(TEXTS["liability in the writer's words"], WORDING).set_aside == {}
    assert read_structure(TEXTS["one paragraph"], WORDING).set_aside == {}


def test_a_closing_with_nothing_or_a_long_line_after_it_stays_the_writers():
    assert read_structure(TEXTS["closing alone"], WORDING).set_aside == {}
    assert "I forgot to say" in own(TEXTS["closing, then a long line"])


def test_liability_in_the_writers_own_words_is_still_flagged(rules, strings):
    found = check_draft(TEXTS["liability in the writer's words"], "email", None, rules, strings)
    assert "accepts-liability" in [f.rule for f in found]


def test_node_sets_aside_the_same_tail(rules, strings):
    jobs = [{"kind": "note", "text": t} for t in TEXTS.values()]
    jobs += [{"kind": "check", "text": t, "channel": "email", "playbook": None} for t in TEXTS.values()]
    results = run_js(jobs, rules, strings)
    n = len(TEXTS)
    for (name, text), js in zip(TEXTS.items(), results[:n], strict=True):
        assert js == set_aside_note(text, strings), name
    for (name, text), js in zip(TEXTS.items(), results[n:], strict=True):
        assert js == [f.as_json() for f in check_draft(text, "email", None, rules, strings)], name


def test_the_tail_of_100k_short_lines_is_read_in_linear_time():
    text = "I'm sorry.\n" + ("Best,\nAna\n\nKvK 1 confidential B.V.\n" * 4000)[:100_000]
    start = time.process_time()
    read_structure(text, WORDING)
    assert (time.process_time() - start) < 1.0


def test_a_closing_in_two_languages_and_a_notice_that_may_contain_are_set_aside(rules, strings):
    text = (BODY + "Venlig hilsen / Best regards\nSoren Kjeldsen\nProject Architect\n\n"
            "This e-mail may contain confidential information. If you are not the intended "
            "recipient, please delete it. Kjeldsen A/S accepts no liability for errors.\n")
    structure = read_structure(text, WORDING)
    assert structure.set_aside == {"signature": 3, "disclaimer": 1}
    assert "liability" not in structure.own_words(text)
    assert check_draft(text, "email", None, rules, strings) == \
        check_draft(BODY, "email", None, rules, strings)
