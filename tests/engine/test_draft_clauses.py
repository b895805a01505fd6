"""The sentence-level pass (make_it_right/draft_clauses.py): clauses, who acts in
each, and what a rule's or a part's `clause:` finds there. The word lists are
the English file's; the browser's copy is held to the same findings by the rule
examples and the corpus (test_draft_rules, test_drafts)."""

from __future__ import annotations

import re
import time

import pytest

from make_it_right.draft import check_draft
from make_it_right.draft_clauses import ClauseSpec, clause_ids
from make_it_right.draft_rules import DraftRules, load_draft_rules
from make_it_right.patterns import normalize

WORDING = load_draft_rules()


def view(text: str):
    norm = normalize(text)
    return norm.text, WORDING.view(norm.text, norm.breaks)


def spec(**fields) -> ClauseSpec:
    return ClauseSpec.model_validate(fields)


def test_a_clause_ends_at_a_sentence_end_a_line_break_and_each_end_given():
    text = "We sent it, but it broke. Then\nnothing"
    clauses, sentences = clause_ids(text, frozenset({30}), [10])
    assert [clauses[i] for i in (0, 11, 26, 31)] == [0, 1, 2, 3]
    assert [sentences[i] for i in (0, 11, 26, 31)] == [0, 0, 1, 2]


def test_the_word_that_ends_a_clause_opens_the_next():
    text, v = view("I'll call you at 3 if the courier lost it.")
    assert v.ids[text.index("I'll")] != v.ids[text.index("if")] == v.ids[text.index("lost")]


def test_a_time_with_a_colon_stays_in_its_clause():
    _, v = view("I'll email you at 13:15 with the summary.")
    assert len(set(v.ids)) == 1


@pytest.mark.parametrize("words, kind", [
    ("The haulier we use stacked pallets", "supplier"),
    ("Our colleague in the release team forgot", "colleague"),
    ("Lena from release team did not renew", "named"),
    ("Your hiring managers sat on it", "client"),
    ("Our team missed it", "us"),
])
def test_who_acts_is_read_whole(words, kind):
    _, v = view(words)
    first = v.actors[0]
    assert first[2] == kind, v.actors
    assert first[0] == 0


def test_blame_points_from_who_did_it_to_what_they_did():
    text, v = view("Sorry. The courier we booked lost your parcel on Monday.")
    [(start, end)] = v.find(spec(verbs=["mistake"], actor=["supplier"]))
    assert text[start:end] == "The courier we booked lost"


def test_the_nearest_actor_decides():
    _, v = view("The courier brought it back and we lost it.")
    assert not v.find(spec(verbs=["mistake"], actor=["supplier"]))
    _, v = view("We gave it to the courier and the courier lost it.")
    assert v.find(spec(verbs=["mistake"], actor=["supplier"]))


def test_none_means_no_one_acts_before_the_verb_in_its_clause():
    _, v = view("The wrong file got sent to press.")
    assert v.find(spec(verbs=["passive-mistake"], actor=["none"]))
    _, v = view("We made sure the wrong file got sent to press.")
    assert not v.find(spec(verbs=["passive-mistake"], actor=["none"]))


def test_has_and_not_look_in_the_clause_or_the_sentence():
    _, v = view("Whenever you get a sec, let me know.")
    assert not v.find(spec(verbs=["vague"], has=["promise"]))
    assert v.find(spec(verbs=["vague"], has=["promise"], within="sentence"))
    _, v = view("I'll call you later, at 4 today.")
    assert not v.find(spec(verbs=["vague"], has=["promise"], **{"not": ["fix-date"]}, within="sentence"))


def test_not_in_clause_looks_only_in_the_verbs_own_clause():
    text = "We've sent it back and it should be with us in a fortnight or so."
    _, v = view(text)
    sentence = spec(verbs=["vague"], has=["promise"], within="sentence", **{"not": ["past"]})
    clause = spec(verbs=["vague"], has=["promise"], within="sentence", not_in_clause=["past"])
    assert not v.find(sentence)
    assert v.find(clause)


def test_negation_and_if_keep_a_clause_quiet():
    rule = WORDING.rule("someone-else-did-it")
    for text in ("Our courier hasn't lost a parcel in years.", "If the courier lost it, we'll send another.",
                 "Did the courier lose it?"):
        assert not WORDING.rule_spans(rule, normalize(text).text), text


def test_a_next_step_said_in_other_words_counts_and_a_past_time_does_not():
    draft = ("Subject: Ticket portal\n\nI'm sorry, the portal is down, so your agents can't work. "
             "It will be back today by 11:30. {}")
    def parts(next_line: str) -> set[str]:
        return {f.rule for f in check_draft(draft.format(next_line), "email")}
    assert "next-step" not in parts("I write you at 11:30 with the status either way.")
    assert "next-step" in parts("I wrote to the host at 9:40 this morning.")


def test_a_vague_time_on_a_call_leaves_the_fix_date_standing():
    base = ("Subject: Interviews\n\nReally sorry: we booked two candidates at 11, so your panel "
            "would have had two people waiting. {} I'll give you a bell later on.")
    fixed = {f.rule for f in check_draft(base.format("Updated invites will be with you by 4pm today."), "email")}
    assert "fix-date" not in fixed and "no-real-time" in fixed
    vague = {f.rule for f in check_draft(base.format("The invites will be fixed in the next days."), "email")}
    assert "fix-date" in vague


def test_the_pass_is_linear_on_100k_of_its_own_words():
    """Every list searched once, then one walk: 100k characters of the lists' own
    words (the worst case for the clause ends and actors) stay well within a bound."""
    words = " ".join(w for _, p, _ in WORDING.clauses.patterns()
                     for w in re.findall(r"[A-Za-z']{2,}", re.sub(r"\\[bBdDwW]", "", p))[:8])
    text = ((words + ", ") * 10_000)[:100_000]
    start = time.process_time()
    v = WORDING.view(text)
    for rule in WORDING.rules:
        if rule.clause:
            v.find(rule.clause)
    for part in WORDING.parts.values():
        for clause in part.clauses:
            v.find(clause)
    assert (time.process_time() - start) * 1000 < 2_000


def test_a_clause_rule_needs_the_files_clauses_section():
    data = WORDING.model_dump(by_alias=True)
    data["clauses"] = None
    with pytest.raises(ValueError, match="needs the file's clauses: section"):
        DraftRules.model_validate(data)


def test_the_russian_clause_rules_flag_their_examples_in_python_and_node():
    from draft_node import run_js
    from make_it_right.rules import load_rules
    from make_it_right.strings import load_strings

    russian = load_draft_rules("ru")
    clause_rules = [r for r in russian.rules if r.clause]
    assert len(clause_rules) >= 6
    for rule in clause_rules:
        for text in rule.examples.match:
            assert russian.rule_spans(rule, normalize(text).text), (rule.id, text)
        for text in rule.examples.no_match:
            assert not russian.rule_spans(rule, normalize(text).text), (rule.id, text)
    jobs = [{"kind": "matches", "rule": r.id, "texts": r.examples.match + r.examples.no_match}
            for r in clause_rules]
    results = run_js(jobs, load_rules(language="ru"), load_strings("ru"), russian)
    for rule, counts in zip(clause_rules, results, strict=True):
        assert all(counts[:len(rule.examples.match)]), (rule.id, counts)
        assert not any(counts[len(rule.examples.match):]), (rule.id, counts)


def test_a_clause_that_opens_with_a_comma_and_names_no_one_keeps_the_last_actor():
    text, v = view("The agent handling your file, Mr Rao, had kept it pending without informing anyone.")
    [(start, _)] = v.find(spec(verbs=["mistake"], actor=["colleague", "named"]))
    assert text[start:].startswith("Rao")
    _, v = view("The courier came. Then lost it.")  # not across a sentence
    assert not v.find(spec(verbs=["mistake"], actor=["supplier"]))


def test_a_consequence_clause_that_names_what_was_hit_is_the_impact():
    base = ("Subject: Your order\n\nHi Sam,\n\nI'm sorry, we sent the wrong file{}. A new one goes "
            "out today by 3pm. I'll call you at 4.\n\nJo")
    def missing_impact(after: str) -> bool:
        return any(f.rule == "impact" for f in check_draft(base.format(after), "email"))
    assert not missing_impact(", so the bathroom fitter had to stop for three days")
    assert not missing_impact(", which left the warehouse short")
    assert missing_impact("")
