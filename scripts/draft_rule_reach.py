"""Print how far each wording pattern reaches: on how many drafts of every set it
makes a finding, and how many of those drafts carry the rule's category label. A
pattern that fires only on the draft it was written for is a phrase, not an idea.

    .venv/bin/python scripts/draft_rule_reach.py                  (every pattern)
    .venv/bin/python scripts/draft_rule_reach.py --since 4bf90f6  (only those added since)

A rule's own pattern counts where it matches and no `unless` overlaps it; a clause
rule's word (or actor) pattern counts where its match overlaps one of the rule's
findings. Sets: every `tests/engine/drafts*` folder, or those given with --drafts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from harness.drafts import draft_sets, label_of, load_drafts, set_name  # noqa: E402
from make_it_right.draft import guess_channel, read_draft  # noqa: E402
from make_it_right.draft_rules import DraftRules, load_draft_rules  # noqa: E402
from make_it_right.patterns import compile_portable, find_all  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402

RULES_FILE = "make_it_right/data/draft-rules/en.yml"


def old_patterns(rev: str) -> set[str]:
    """Every pattern the English rules read at `rev` (shapes joined, as the loader does)."""
    text = subprocess.run(["git", "show", f"{rev}:{RULES_FILE}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    old = DraftRules.model_validate(yaml.safe_load(text))
    found = {p for r in old.rules for p in r.patterns}
    found |= {p for part in old.parts.values() for p in part.patterns}
    found |= {a.pattern for a in old.clauses.actors}
    return found | {p for ps in old.clauses.words.values() for p in ps}


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def probes(wording) -> list[tuple[str, object, str, object]]:
    """(name, rule, pattern, how): each rule pattern, and each word or actor pattern
    a clause rule reads."""
    found = []
    for rule in wording.rules:
        for i, pattern in enumerate(rule.patterns):
            found.append((f"{rule.id} patterns[{i}]", rule, pattern, "own"))
        if rule.clause is None:
            continue
        for name in rule.clause.verbs:
            for i, pattern in enumerate(wording.clauses.words.get(name, [])):
                found.append((f"{rule.id} words.{name}[{i}]", rule, pattern, "clause"))
        for i, actor in enumerate(wording.clauses.actors):
            if rule.clause.actor and actor.kind in rule.clause.actor:
                found.append((f"{rule.id} actors[{i}] ({actor.kind})", rule, actor.pattern,
                              "clause"))
    for name, part in wording.parts.items():
        for i, pattern in enumerate(part.patterns):
            found.append((f"part {name} patterns[{i}]", part, pattern, "part"))
    for name, patterns in wording.clauses.words.items():
        for i, pattern in enumerate(patterns):
            found.append((f"words.{name}[{i}]", None, pattern, "word"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=Path, action="append", help="a folder of drafts")
    parser.add_argument("--since", help="only patterns not in the rules file at this git revision")
    args = parser.parse_args()
    rules, strings, wording = load_rules(), load_strings(), load_draft_rules()
    label = label_of(wording)
    sets = args.drafts or draft_sets()
    chosen = probes(wording)
    if args.since:
        old = old_patterns(args.since)
        chosen = [p for p in chosen if p[2] not in old]
    compiled = {pattern: compile_portable(pattern, getattr(rule, "case_sensitive", False))
                for _, rule, pattern, _ in chosen}
    # name -> set -> [(draft, labelled)]
    hits: dict[str, dict[str, list[tuple[str, bool]]]] = defaultdict(lambda: defaultdict(list))
    for folder in sets:
        for case in load_drafts(folder, strict=False):
            channel = case.channel or guess_channel(case.text, rules, strings, wording)
            draft = read_draft(case.text, channel, rules, strings, wording)
            text, breaks = draft.norm.text, draft.norm.breaks
            view = wording.view(text, breaks)
            labels = {label(e) for e in case.expect}
            for name, rule, pattern, how in chosen:
                if how == "part":
                    # A part's pattern: labelled when the draft says the part (no finding expected).
                    unless = [s for r in rule.unless_regexes for s in find_all(r, text)]
                    if any(not overlaps(s, unless) for s in find_all(compiled[pattern], text)):
                        hits[name][folder.name].append((case.name, name.split()[1] not in case.expect))
                    continue
                if how == "word":
                    # A clause word list (bars and roles): every draft it matches in, counted as labelled.
                    if find_all(compiled[pattern], text):
                        hits[name][folder.name].append((case.name, True))
                    continue
                if rule.channels and channel not in rule.channels:
                    continue
                final = wording.rule_spans(rule, text, breaks, view)
                spans = find_all(compiled[pattern], text)
                if how == "own":
                    unless = [s for r in rule.unless_regexes for s in find_all(r, text)]
                    spans = [s for s in spans if not overlaps(s, unless)]
                if any(overlaps(s, final) for s in spans):
                    hits[name][folder.name].append((case.name, rule.category in labels))
    print(f"{len(chosen)} patterns over {len(sets)} sets "
          f"({', '.join(s.name for s in sets)})")
    print("part patterns: labelled = the draft says the part (its label doesn't expect it missing); "
          "clause word lists: every draft it matches in")
    print("pattern: drafts it finds on, per set (labelled / all); "
          "'phrase' when it fires on one draft or none")
    for name, _, _, _ in chosen:
        per = hits.get(name, {})
        total = sum(len(v) for v in per.values())
        good = sum(ok for v in per.values() for _, ok in v)
        where = ", ".join(f"{set_name(s)} {sum(ok for _, ok in v)}/{len(v)}"
                          for s, v in sorted(per.items()))
        flag = "  phrase" if total <= 1 else ""
        print(f"  {name}: {good}/{total} [{where}]{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
