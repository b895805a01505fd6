"""The drafts in tests/engine/drafts, how a checker's findings score against
what each one expects, and every pattern a draft is searched with, with the hostile
text that makes each work hardest: shared by the engine tests, the browser test and
scripts/draft_report.py."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness.site import ROOT

DRAFTS = ROOT / "tests" / "engine" / "drafts"
KEYS = {"channel", "guess", "playbook", "expect", "clean", "text"}

# libyaml's safe loader where PyYAML has it: the corpus is read at every collection.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    channel: str | None  # None: the checker guesses
    guess: str | None
    playbook: str | None
    expect: tuple[str, ...]  # the finding ids it must give, and no others
    clean: tuple[str, ...] = ()  # ids it must not give: the near misses the draft holds


def draft_sets() -> list[Path]:
    """Every folder of labelled drafts: the corpus and each writers' set beside it."""
    return sorted(p for p in DRAFTS.parent.glob("drafts*") if p.is_dir())


def set_name(folder: str) -> str:
    """A set's name in a report, without the folders' common "drafts-"."""
    return folder.removeprefix("drafts-") or "corpus"


def rule_ids(text: str, channel: str = "email", playbook: str | None = "team-mistake") -> list[str]:
    """The ids of what Check my draft finds in `text` (a part's id: that part is missing)."""
    from make_it_right.draft import check_draft
    return [f.rule for f in check_draft(text, channel, playbook)]


def load_drafts(folder: Path = DRAFTS, strict: bool = True) -> list[Case]:
    """The drafts in `folder`. `strict` (the repository's corpus) refuses an unknown
    key and a draft with neither `channel` nor `guess`; otherwise (a set someone
    else wrote) extra keys are ignored and a draft without a channel is guessed."""
    cases = []
    for path in sorted(folder.glob("*.y*ml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        if strict:
            unknown = set(data) - KEYS
            assert not unknown, f"{path.name}: unknown keys {unknown}"
            assert ("channel" in data) != ("guess" in data), f"{path.name}: give channel or guess"
        cases.append(Case(path.stem, data["text"], data.get("channel"), data.get("guess"),
                          data.get("playbook"), tuple(data.get("expect") or ()),
                          tuple(data.get("clean") or ())))
    return cases


# What a set labelled by category (not by rule id) may expect: a wording rule's
# category, a missing part's id, a measure a limit applies to, reading ease.
LABELS = ("written-admission", "conditional-apology", "over-promise", "blame", "vague-time",
          "passive-evasion", "tone", "apology", "impact", "fix-date", "next-step", "subject",
          "acknowledge", "amount", "subject-chars", "body-words", "spoken-seconds",
          "phone-mentions", "sms-segments", "reading-ease")


def label_of(wording):
    """A finding id as a category-labelled set scores it: a wording rule counts for
    its category; a part, a measure and reading ease for their own id; a paste too
    long to check for the size it breaks (body-words)."""
    from make_it_right.draft_rules import TOO_LONG

    categories = {r.id: r.category for r in wording.rules}
    return lambda rule: categories.get(rule, "body-words" if rule == TOO_LONG else rule)


def labelled_by_category(cases: list[Case], wording) -> bool:
    """True when the drafts' `expect` lists use category labels, not rule ids: no
    wording rule's own id is expected (parts and sizes are named alike in both, and
    an unknown label is reported, not a reason to score by id)."""
    only_ids = {r.id for r in wording.rules} - set(LABELS)
    used = {label for c in cases for label in c.expect}
    return bool(used) and not used & only_ids


def category_of(rules, wording) -> dict[str, str]:
    """Each finding id's category, as the checker reports it."""
    from make_it_right.draft_rules import TOO_LONG

    categories = {r.id: r.category for r in wording.rules}
    categories |= dict.fromkeys([*rules.draft_checks.parts, "subject"], "missing-part")
    for channel in rules.draft_checks.channels:
        for limit in rules.channels[channel].limits:
            categories[limit.measure] = "size" if limit.max is not None else "missing-part"
    categories["reading-ease"] = "readability"
    categories[TOO_LONG] = "size"
    return categories


def score(cases: list[Case], found: dict[str, list[str]], rules, wording,
          by=None) -> dict[str, dict[str, float]]:
    """Precision and recall per category: each (draft, id) counts once. `by` maps
    an id to what is scored (its category, unless given)."""
    categories = category_of(rules, wording)
    key = by or categories.get
    counts: dict[str, dict[str, int]] = {}
    for case in cases:
        expected, actual = {key(r) for r in case.expect}, {key(r) for r in found[case.name]}
        for item in expected | actual:
            n = counts.setdefault(item, {"tp": 0, "fp": 0, "fn": 0})
            kind = "tp" if item in expected and item in actual else "fp" if item in actual else "fn"
            n[kind] += 1
    result = {}
    for category, n in sorted(counts.items()):
        flagged, present = n["tp"] + n["fp"], n["tp"] + n["fn"]
        result[category] = {**n, "precision": n["tp"] / flagged if flagged else 1.0,
                            "recall": n["tp"] / present if present else 1.0}
    return result


# -- the patterns a draft is searched with, and text made to make them work hard -------

HOSTILE_LENGTH = 100_000
BOUND_MS = 50  # a search of HOSTILE_LENGTH characters, per pattern (scripts/draft_report.py)


def every_pattern(rules, wording) -> list[tuple[str, str, bool]]:
    """(where, pattern, case-sensitive) for every pattern a whole draft is searched
    with (the set-aside patterns are tried at the start of each line instead)."""
    found = []
    for rule in wording.rules:
        found += [(f"{rule.id}.patterns[{i}]", p, rule.case_sensitive) for i, p in enumerate(rule.patterns)]
        found += [(f"{rule.id}.unless[{i}]", p, rule.case_sensitive) for i, p in enumerate(rule.unless)]
        found += [(f"{rule.id}.beside[{i}]", p, rule.case_sensitive) for i, p in enumerate(rule.beside)]
    found += [(k, p, False) for k, p in wording.part_patterns().items()]
    found += wording.clauses.patterns() if wording.clauses else []
    # A footer cue is searched in a closing paragraph, not tried at a line's start.
    found += [(f"set_aside.{name}.footer[{i}]", p, False) for name, kind in wording.set_aside.items()
              for i, p in enumerate(kind.footer)]
    found += [(f"draft_checks.{k}", p, False) for k, p in rules.draft_checks.patterns().items()]
    return found


def line_patterns(wording) -> list[tuple[str, str]]:
    return [(f"set_aside.{name}.{k}", p) for name, kind in wording.set_aside.items()
            for k, p in kind.patterns().items()]


def fragments(pattern: str) -> list[str]:
    """The words a pattern is built from: the text most likely to make it work hard."""
    bare = re.sub(r"\\u[0-9a-fA-F]{4}|\\[bBdDwW]", "", pattern)
    return sorted(set(re.findall(r"[A-Za-z']+", bare))) or ["a"]


def hostile(pattern: str, n: int = HOSTILE_LENGTH) -> list[str]:
    """Three texts of n characters: "a'a'a'…", and the pattern's own words joined
    by spaces and by apostrophes, over and over (draft_harness.mjs builds the same)."""
    def fill(unit: str) -> str:
        return (unit * (n // max(len(unit), 1) + 1))[:n]
    words = fragments(pattern)
    return [fill("a'"), fill(" ".join(words) + " "), fill("'".join(words))]


def search_ms(regex: re.Pattern[str], text: str, runs: int = 5, enough: float = 0.0) -> float:
    """The best of up to `runs` searches of `text`, in milliseconds of this process's CPU
    time (the machine may be shared), stopping early once one takes at most `enough`."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for _ in regex.finditer(text):
            pass
        best = min(best, (time.process_time() - start) * 1000)
        if best <= enough:
            break
    return best
