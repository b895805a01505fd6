"""Print every good draft (nothing expected) of every set that gets a finding, grouped
by the finding's rule and sorted by how many good drafts it reaches, with the span it
quotes. A good draft with a finding is a false alarm a writer sees; this lists them
by cause so each cause can be fixed once.

    .venv/bin/python scripts/draft_good_flags.py                 (every tests/engine/drafts* set)
    .venv/bin/python scripts/draft_good_flags.py --drafts DIR    (one set; repeatable)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from harness.drafts import draft_sets, load_drafts, set_name  # noqa: E402
from make_it_right.draft import check_draft  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=Path, action="append", help="a folder of drafts")
    args = parser.parse_args()
    rules, strings = load_rules(), load_strings()
    sets = args.drafts or draft_sets()
    by_rule: dict[str, list[str]] = defaultdict(list)
    per_set: dict[str, tuple[int, int]] = {}
    for folder in sets:
        good = [c for c in load_drafts(folder, strict=False) if not c.expect]
        flagged = 0
        for case in good:
            found = check_draft(case.text, case.channel, case.playbook, rules, strings)
            flagged += bool(found)
            for f in found:
                said = case.text[f.start:f.end] if f.start is not None else f.message
                quote = " ".join(said.split())[:80]
                by_rule[f.rule].append(f"{set_name(folder.name)}/"
                                       f"{case.name}: {quote!r}")
        per_set[folder.name] = (flagged, len(good))
    print("good drafts with any finding, per set: " + ", ".join(
        f"{set_name(name)} {n}/{of}" for name, (n, of) in per_set.items()))
    print(f"total: {sum(n for n, _ in per_set.values())} of {sum(of for _, of in per_set.values())}")
    for rule, where in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"{rule}: {len(where)}")
        for line in where:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
