"""The wording rules of "Check my draft" (data/draft-rules/<language>.yml): each
rule's own examples, in Python and in JavaScript; every pattern searched in time
proportional to the text, shown by a static ReDoS check and a bounded window (the
time itself on 100k hostile characters is `make draft-report`'s); and every link
pointing at a heading the handbook has."""

from __future__ import annotations

import re
import re._constants as sre  # the parse tree regexploit reads too (sre_parse is deprecated)
import re._parser as sre_parse
import time

import pytest

from draft_node import run_js
from harness.drafts import (BOUND_MS, HOSTILE_LENGTH, every_pattern, fragments, hostile,
                            line_patterns, search_ms)
from make_it_right.draft_rules import DRAFT_RULES_MAX_BYTES, DraftRules, load_draft_rules
from make_it_right.patterns import unbounded_problem
from make_it_right.errors import DataError
from make_it_right.patterns import compile_portable, normalize
from paths import ROOT

WORDING = load_draft_rules()
WINDOW = 300  # characters a pattern may read from where a match starts


@pytest.fixture(scope="module")
def wording() -> DraftRules:
    return WORDING


def best_ms(regex: re.Pattern[str], text: str, runs: int = 5) -> float:
    """The best of up to `runs` runs, stopping at the first within the bound."""
    return search_ms(regex, text, runs, enough=BOUND_MS / 2)


def widths(tree):
    """The most characters each part of a parsed pattern can match, lookarounds included
    (a parse tree's own width leaves out what its lookarounds read)."""
    yield tree.getwidth()[1]
    for op, arg in tree.data:
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from widths(arg[1])
        elif op is sre.BRANCH:
            for branch in arg[1]:
                yield from widths(branch)
        elif op is sre.SUBPATTERN:
            yield from widths(arg[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            yield from widths(arg[2])


# -- each rule's examples --------------------------------------------------------------

def test_every_rule_has_a_category_a_link_and_examples(wording):
    assert len(wording.rules) >= 20
    assert {r.category for r in wording.rules} == {
        "written-admission", "conditional-apology", "over-promise", "blame", "vague-time",
        "passive-evasion", "tone"}
    for rule in wording.rules:
        assert rule.examples.match and rule.examples.no_match, rule.id


@pytest.mark.parametrize("rule", WORDING.rules, ids=lambda r: r.id)
def test_a_rule_flags_its_examples_and_nothing_in_its_counter_examples(rule):
    for text in rule.examples.match:
        assert WORDING.rule_spans(rule, normalize(text).text), (rule.id, "should flag", text)
    for text in rule.examples.no_match:
        assert not WORDING.rule_spans(rule, normalize(text).text), (rule.id, "should not flag", text)


def test_the_browser_reads_every_example_as_python_does(rules, strings, wording):
    jobs = [{"kind": "matches", "rule": r.id, "texts": r.examples.match + r.examples.no_match}
            for r in wording.rules]
    for rule, counts in zip(wording.rules, run_js(jobs, rules, strings, wording), strict=False):
        assert all(counts[:len(rule.examples.match)]), (rule.id, counts)
        assert not any(counts[len(rule.examples.match):]), (rule.id, counts)


# -- linear time -----------------------------------------------------------------------

def test_a_pattern_with_an_unbounded_repeat_is_refused():
    assert unbounded_problem(r"\b[a-z']{1,30} dropped") is None
    assert unbounded_problem(r"[+*] \+ \*") is None
    for bad in (r"[a-z']+ dropped", r"a* b", r"\d{8,}"):
        assert "unbounded repeat" in unbounded_problem(bad), bad


def test_the_rules_file_names_the_rule_with_an_unbounded_pattern(tmp_path):
    from make_it_right.datafile import load_model

    text = (ROOT / "make_it_right" / "data" / "draft-rules" / "en.yml").read_text(encoding="utf-8")
    broken = tmp_path / "xx.yml"
    broken.write_text(text.replace("[a-z]{1,30}'s) fault", "[a-z]+'s) fault", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"rule 'someones-fault' patterns\[0\] uses the "
                                        r"unbounded repeat '\+'"):
        load_model(broken, DraftRules, max_bytes=DRAFT_RULES_MAX_BYTES)


def test_no_pattern_can_backtrack_catastrophically(rules, wording):
    """regexploit's static check (nested or overlapping repeats), on every pattern."""
    import warnings

    with warnings.catch_warnings():  # regexploit imports sre_parse, deprecated since 3.11
        warnings.simplefilter("ignore", DeprecationWarning)
        from regexploit.ast.sre import SreOpParser
        from regexploit.redos import find

    for where, pattern, _ in every_pattern(rules, wording) + [(w, p, False) for w, p in
                                                              line_patterns(wording)]:
        found = list(find(SreOpParser().parse_sre(pattern)))
        assert not found, (where, found)


def test_every_pattern_reads_at_most_300_characters_from_where_a_match_starts(rules, wording):
    """With no repeat that can backtrack into another (the test above), a bounded window
    bounds the work at each position, so a search takes time linear in the text.
    How long 100k hostile characters take is measured by `make draft-report`."""
    wide = []
    for where, pattern, case_sensitive in every_pattern(rules, wording) + [
            (w, p, False) for w, p in line_patterns(wording)]:
        tree = sre_parse.parse(compile_portable(pattern, case_sensitive).pattern)
        if (most := max(widths(tree))) > WINDOW:
            wide.append((where, "unbounded" if most >= sre.MAXREPEAT else most))
    assert not wide, wide


def test_a_window_counts_what_lookarounds_read():
    assert max(widths(sre_parse.parse(r"\bwe(?= [a-z]{1,400}\b)"))) == 401
    assert max(widths(sre_parse.parse(r"(?:a|(?!b{1,9}c{1,9})d)"))) == 18
    assert max(widths(sre_parse.parse(r"a(?:bc){2,3}"))) == 7


def test_reading_the_structure_of_100k_hostile_characters_takes_linear_time(wording):
    """The set-aside patterns are tried at the start of each line: on a 100k-character
    line of their own words, within the bound; and the whole pass is one walk."""
    from make_it_right.draft_structure import read_structure

    slow = []
    for where, pattern in line_patterns(wording):
        regex = compile_portable(pattern)
        for text in hostile(pattern):
            start = time.process_time()
            (regex.search if ".footer[" in where else regex.match)(text)  # a footer cue is searched
            if (ms := (time.process_time() - start) * 1000) > BOUND_MS:
                slow.append((where, round(ms)))
    assert not slow, slow
    words = " ".join(w for _, p in line_patterns(wording) for w in fragments(p))
    text = ((words + "\n> ") * HOSTILE_LENGTH)[:HOSTILE_LENGTH]
    start = time.process_time()
    read_structure(text, wording)
    assert (time.process_time() - start) * 1000 < 20 * BOUND_MS  # a pass over each character


def test_the_old_blame_pattern_was_the_slow_one():
    """What this guards against: the pattern before, on the text that hung it (10k
    characters here, to keep the test quick; 100k took 105 s)."""
    old = compile_portable(r"\b(?!(?:we|i|our team|team)\b)[a-z']+ (dropped the ball)")
    new = compile_portable(r"\b[a-z']{1,30} (dropped the ball)")
    text = ("a'" * 5_000)[:10_000]
    assert best_ms(old, text, runs=1) > 10 * best_ms(new, text)


def test_every_pattern_searches_100k_hostile_characters_within_50_ms_in_javascript(
        rules, strings, wording):
    patterns = every_pattern(rules, wording)
    jobs = [{"kind": "time", "source": p, "flags": "" if cs else "i", "fragments": fragments(p),
             "length": HOSTILE_LENGTH} for _, p, cs in patterns]
    times = run_js(jobs, rules, strings, wording)
    slow = [(where, round(ms)) for (where, *_), ms in zip(patterns, times, strict=False) if ms > BOUND_MS]
    assert not slow, slow


# -- links -----------------------------------------------------------------------------

def slug(heading: str) -> str:
    """Python-Markdown's toc slug (the site's anchors)."""
    from markdown.extensions.toc import slugify

    return slugify(heading, "-")


def test_every_link_points_at_a_page_and_heading_the_handbook_has(wording):
    links = set(wording.links.values()) | {r.link for r in wording.rules if r.link}
    for link in links:
        page, _, anchor = link.partition("#")
        path = ROOT / "docs" / page
        assert path.is_file(), link
        if anchor:
            headings = [line.lstrip("#").strip() for line in path.read_text(encoding="utf-8").splitlines()
                        if line.startswith("#")]
            assert anchor in {slug(h) for h in headings}, (link, [slug(h) for h in headings])


def test_wording_rule_ids_name_no_part_or_measure(rules, wording):
    """A finding's id names one rule, whichever file it comes from."""
    assert not {r.id for r in wording.rules} & set(rules.finding_ids())


def test_a_language_file_must_cover_the_parts_and_the_written_admissions(rules, wording):
    from make_it_right.draft_rules import check_draft_rules_cover

    check_draft_rules_cover(wording, rules, "en")
    data = wording.model_dump()
    del data["parts"]["fix-date"]
    data["rules"] = [r for r in data["rules"] if r["id"] != "accepts-liability"]
    for rule in data["rules"]:
        if rule["id"] == "admits-fault":
            rule["phrase"] = None
    with pytest.raises(DataError) as caught:
        check_draft_rules_cover(DraftRules.model_validate(data), rules, "en")
    message = caught.value.message
    assert "parts has no 'fix-date'" in message
    assert "parts.next-step.not_beside_unless names 'fix-date'" in message
    assert "rule 'no-real-time' clause names 'fix-date', which is no clauses.words list" in message
    assert "rules has no 'accepts-liability'" in message
    assert "rule 'admits-fault' has no phrase" in message


def test_a_part_clause_names_only_known_channels_and_a_rule_clause_none(rules, wording):
    from make_it_right.draft_rules import check_draft_rules_cover

    data = wording.model_dump()
    data["parts"]["next-step"]["clauses"][0]["channels"] = ["fax"]
    for rule in data["rules"]:
        if rule["clause"] is not None:
            rule["clause"]["channels"] = ["sms"]
            named = rule["id"]
            break
    with pytest.raises(DataError) as caught:
        check_draft_rules_cover(DraftRules.model_validate(data), rules, "en")
    assert "parts.next-step.clauses[0] names unknown channel(s) fax" in caught.value.message
    assert f"rule '{named}' clause has channels; give the rule's own channels instead" in caught.value.message


def test_check_reads_the_written_admissions_from_the_language_file(rules, pack):
    """The template side and the draft side flag the same words, by the same rule."""
    from make_it_right.check import _check_admissions

    template = pack.get("apology-signed-off")
    assert set(template.needs_sign_off) == {"admits-fault", "offers-compensation"}
    data = WORDING.model_dump()
    for rule in data["rules"]:
        if rule["id"] == "admits-fault":
            rule["patterns"] = ["\\bnever said anywhere\\b"]
    changed = DraftRules.model_validate(data)
    problems = [p.message for p in _check_admissions(template, rules, changed)]
    assert problems == ["needs_sign_off names 'admits-fault', but the text never says it; "
                        "remove it, so the card doesn't ask for a manager's yes it doesn't need"]
