"""A call script's list of what not to say (set_aside.avoid_list): found under a
number, a list mark or a heading mark, and not checked; the notes around it still
are. The same in Node."""

from __future__ import annotations

import pytest

from draft_node import run_js
from make_it_right.draft import check_draft
from make_it_right.draft_rules import load_draft_rules
from make_it_right.draft_structure import read_structure

WORDING = load_draft_rules()
CLOSE = "Close\n- I call him on Friday 11 December at 10:00.\n"

SET_ASIDE = {
    "numbered heading": "3. Do not say\n- \"this will never happen again\"\n\n" + CLOSE,
    "bullet with phrases": "Points\n- Avoid: \"sorry for any inconvenience\", \"it was the host's fault\".\n\n" + CLOSE,
    "heading mark": "## Steer clear of\n- \"sorry if you were worried\"\n\n" + CLOSE,
    "bold label": "**Don't say:**\n- \"calm down\"\n\n" + CLOSE,
    "label then a quote": "Don't say \"it won't happen again\" or \"to be honest\".\n\n" + CLOSE,
    "closing bracket number": "2) Phrases to avoid:\n* \"we guarantee it\"\n\n" + CLOSE,
}

STAYS = {
    # An instruction, not a label: the writer's own words.
    "a sentence that starts with Avoid": "- Avoid the ring road, the van is coming from the north.\n",
    "a sentence that says avoid later": "I'll avoid saying anything about the date until Friday.\n",
}


@pytest.mark.parametrize("name", SET_ASIDE)
def test_the_list_is_set_aside_and_the_close_is_not(name):
    text = SET_ASIDE[name]
    structure = read_structure(text, WORDING)
    assert structure.set_aside.get("avoid_list", 0) >= 1, name
    assert "I call him on Friday" in structure.own_words(text)


@pytest.mark.parametrize("name", SET_ASIDE)
def test_nothing_in_the_list_is_flagged(name, rules, strings):
    found = check_draft(SET_ASIDE[name], "call-script", None, rules, strings)
    wording = {r.id for r in WORDING.rules}
    assert [f.rule for f in found if f.rule in wording] == [], name


def test_an_inline_label_does_not_hide_the_notes_after_it():
    text = "- Avoid: \"sorry for any inconvenience\".\n- Next step: I call him at 10:00 tomorrow.\n"
    assert "Next step" in read_structure(text, WORDING).own_words(text)


@pytest.mark.parametrize("name", STAYS)
def test_avoid_in_a_sentence_stays_the_writers(name):
    assert read_structure(STAYS[name], WORDING).set_aside == {}


def test_node_sets_aside_the_same(rules, strings):
    texts = [*SET_ASIDE.values(), *STAYS.values()]
    jobs = [{"kind": "check", "text": t, "channel": "call-script", "playbook": None} for t in texts]
    for text, js in zip(texts, run_js(jobs, rules, strings), strict=True):
        assert js == [f.as_json() for f in check_draft(text, "call-script", None, rules, strings)], text
