"""The pattern subset that means the same in Python and in the browser, and the
text normalisation both apply first. tests/browser/test_draft.py runs every
pattern in the browser too, on the corpus and on awkward text."""

from __future__ import annotations

import re

import pytest

from make_it_right.patterns import compile_portable, find_all, normalize, portable_problem
from make_it_right.draft_rules import DraftPart, load_draft_rules
from make_it_right.rules import BlockedPhrase


def every_pattern(rules) -> dict[str, str]:
    found = {f"blocked_phrases.{p.id}": p.source for p in rules.blocked_phrases}
    return found | rules.draft_checks.patterns() | load_draft_rules().part_patterns()


def test_every_pattern_in_the_rules_is_portable(rules):
    patterns = every_pattern(rules)
    assert len(patterns) >= 25
    for where, pattern in patterns.items():
        assert portable_problem(pattern) is None, where
        compile_portable(pattern)


@pytest.mark.parametrize("pattern, says", [
    ("caf\u00e9", "not ASCII; write it as \\u00e9"),
    ("sorry.*", "uses '.'"),
    ("^sorry", "anchors are not needed"),
    ("sorry$", "anchors are not needed"),
    ("sorry\\s+if", "uses \\s; write a plain space"),
    ("(?P<x>sorry)", "named groups"),
    ("(?<x>sorry)", "named groups"),
    ("(?i)sorry", "inline flags"),
    ("(?>sorry)", "atomic groups"),
    ("(a)\\1", "back-reference"),
    ("a++", "possessive"),
    ("a{2}+", "possessive"),
    ("[[a]", "'[' inside a class"),
    ("[]a]", "empty class"),
    ("\\p{L}", "not in the shared subset"),
    ("a{x}", "not a quantifier"),
    ("(sorry", "unbalanced"),
])
def test_patterns_outside_the_subset_are_refused(pattern, says):
    assert says in portable_problem(pattern)


@pytest.mark.parametrize("pattern", [
    "\\bsorry (if|that) you (feel|felt)", "(?<!none of this )\\bis your fault",
    "\\d{1,2}(:\\d\\d)? ?(am|pm)", "[a-z']+ dropped", "(\\u00a3|\\$) ?\\d", "a+?b*?",
])
def test_patterns_inside_the_subset_pass(pattern):
    assert portable_problem(pattern) is None


def test_a_bad_pattern_in_the_rules_names_the_phrase():
    with pytest.raises(ValueError, match=re.escape("pattern for 'hm' uses '.'")):
        BlockedPhrase(id="hm", phrase="hm", pattern="h.m", why="w", instead="i")
    rules = load_draft_rules().model_dump()
    rules["parts"]["x"] = {"patterns": ["a\\sb"]}
    with pytest.raises(ValueError, match=r"parts.x.patterns\[0\] uses \\s"):
        type(load_draft_rules()).model_validate(rules)
    assert DraftPart(patterns=["sorry"]).found("So sorry.")


def test_flags_are_explicit_ascii_and_case_insensitive_by_default():
    assert compile_portable("sorry").search("SORRY")
    assert not compile_portable("Dan", case_sensitive=True).search("dan")
    assert not compile_portable("\\w").search("é")  # ASCII \w, as JavaScript's without `u`
    assert not compile_portable("k").search("\u212a")  # the Kelvin sign is not a k


def test_normalize_makes_runs_of_space_one_and_quotes_straight():
    text = "I’m  sorry\u00a0if\n\n you “feel”"
    norm = normalize(text)
    assert norm.text == "I'm sorry if you \"feel\""
    start, end = find_all(compile_portable("sorry if you"), norm.text)[0]
    assert norm.span(start, end) == (5, 19)
    assert text[5:19] == "sorry\u00a0if\n\n you"
    assert norm.breaks == {12}


def test_empty_matches_are_skipped():
    assert find_all(compile_portable("x?"), "axb") == [(1, 2)]
