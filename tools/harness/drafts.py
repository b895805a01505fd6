"""The drafts in tests/engine/drafts, and how a checker's findings score against
what each one expects: shared by the engine test, the browser test and
scripts/draft_report.py."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from harness.site import ROOT

DRAFTS = ROOT / "tests" / "engine" / "drafts"
KEYS = {"channel", "guess", "playbook", "expect", "text"}


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    channel: str | None  # None: the checker guesses
    guess: str | None
    playbook: str | None
    expect: tuple[str, ...]


def load_drafts() -> list[Case]:
    cases = []
    for path in sorted(DRAFTS.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(data) - KEYS
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        assert ("channel" in data) != ("guess" in data), f"{path.name}: give channel or guess"
        cases.append(Case(path.stem, data["text"], data.get("channel"), data.get("guess"),
                          data.get("playbook"), tuple(data["expect"])))
    return cases


def category_of(rules) -> dict[str, str]:
    """Each finding id's category, as the checker reports it."""
    categories = {p.id: "blocked-phrase" for p in rules.blocked_phrases}
    categories |= {p: "missing-part" for p in [*rules.draft_checks.parts, "subject"]}
    for channel in rules.draft_checks.channels:
        for limit in rules.channels[channel].limits:
            categories[limit.measure] = "size" if limit.max is not None else "missing-part"
    categories["reading-ease"] = "readability"
    return categories


def score(cases: list[Case], found: dict[str, list[str]], rules) -> dict[str, dict[str, float]]:
    """Precision and recall per category: each (draft, rule id) counts once."""
    categories = category_of(rules)
    counts = {c: {"tp": 0, "fp": 0, "fn": 0} for c in sorted(set(categories.values()))}
    for case in cases:
        expected, actual = set(case.expect), set(found[case.name])
        for rule in expected | actual:
            kind = "tp" if rule in expected and rule in actual else "fp" if rule in actual else "fn"
            counts[categories[rule]][kind] += 1
    result = {}
    for category, n in counts.items():
        flagged, present = n["tp"] + n["fp"], n["tp"] + n["fn"]
        result[category] = {**n, "precision": n["tp"] / flagged if flagged else 1.0,
                            "recall": n["tp"] / present if present else 1.0}
    return result
