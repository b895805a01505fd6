"""How many pages the browser tier loads, and tabs and contexts it opens, per file and
per test (issue 25: every load costs a renderer about a third of a second of CPU). A load is a page's load event
in a browser the harness launched (harness.chromium.LOAD_LOG): a page opened or reloaded,
not an instant navigation and not the shared tab's cleaning.

    python scripts/browser_loads.py [pytest arguments, default: the browser tier as make runs it]
    python scripts/browser_loads.py tests/browser/test_filler.py -n 2 --top 20
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from harness.chromium import LOAD_LOG  # noqa: E402

DEFAULT = ["-n", "2", "--dist", "loadgroup", "-m", "not matrix", "tests/browser"]


def by_file(counts: Counter[str], file: str) -> int:
    return sum(count for test, count in counts.items() if test.split("::")[0] == file)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10, help="how many of the tests loading most to list")
    args, pytest_args = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as work:
        log = Path(work) / "loads.log"
        log.touch()
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", *(pytest_args or DEFAULT)],
                             cwd=ROOT, env=os.environ | {LOAD_LOG: str(log)})
        lines = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    counts: dict[str, Counter[str]] = {what: Counter() for what in ("load", "tab", "context")}
    for test, what in lines:
        counts[what.split()[0]][test] += 1
    loads = counts["load"]
    print(f"\n{loads.total()} page loads in {len(loads)} tests; "
          f"{counts['tab'].total()} tabs and {counts['context'].total()} contexts opened")
    print(f"{'loads':>6}{'tabs':>6}{'contexts':>9}  file")
    files = sorted({test.split("::")[0] for test, _ in lines}, key=lambda f: -by_file(loads, f))
    for name in files:
        print(f"{by_file(loads, name):>6}{by_file(counts['tab'], name):>6}{by_file(counts['context'], name):>9}  {name}")
    print(f"\nthe {args.top} tests that load most:")
    for name, count in loads.most_common(args.top):
        print(f"{count:>6}  {name}")
    sys.exit(run.returncode)


if __name__ == "__main__":
    main()
