"""Run Lighthouse (mobile preset, Debian's Chromium) on every page type, and print the
four category scores, the total blocking time and the bytes each page transfers.

    make lighthouse       (or: .venv/bin/python scripts/lighthouse.py [--runs N] [--pages NAME ...])

The page types: home, decision guide, playbook, checklist, template index, phrase bank,
check my draft, contributing, and a generated page of 500 cards (as
scripts/filler_bench.py makes it, built apart so its search index weighs on no other
page). Each page is audited N times (default 3) and the median of each number is
printed, with the range of performance scores, because a simulated phone on a busy
machine moves the performance score by several points from run to run. It exits 1 when
a page type's median misses its target: 100 for accessibility, best practices and SEO,
95 for performance. The 500-card page is a stress test, measured and not held to them:
2.7 MB of HTML is slow to arrive on a simulated phone (its blocking time is what
counts: issue 10 asks for 1 s at most). Its accessibility score is below 100 only
because axe measures cards that `content-visibility: auto` has not laid out yet: a
blank seems to sit on the footer, a button under the next card. Without that line of
CSS axe finds nothing there, and blocking time is over 3.5 s.

The sites are built with --strict and served on 127.0.0.1 the way GitHub Pages serves
them: gzip for text, and `Cache-Control: max-age=600`. Lighthouse itself is pinned in
tools/lighthouse/package.json and installed there with npm on first run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from filler_bench import generated_page  # noqa: E402
from harness.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from harness.serve import serve  # noqa: E402
from harness.site import build_project  # noqa: E402

TOOL = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "decision guide": "which-playbook/",
    "playbook": "playbooks/team-mistake/",
    "checklist": "checklists/team-mistake/",
    "template index": "templates/",
    "phrase bank": "phrase-bank/",
    "check my draft": "check-my-draft/",
    "contributing": "contributing/",
}
GENERATED = {"500 cards": ("five-hundred", 500)}  # page name, cards
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FLAGS = " ".join(["--headless=new", *CHROMIUM_ARGS])


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=TOOL, check=True)


def audit(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={FLAGS}",
                    "--output=json", f"--output-path={report}", "--quiet"], check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def report(name: str, url: str, runs: int, work: Path) -> bool:
    """Print one page's medians and what keeps any below its target; True when none is."""
    results = [audit(url, work / "report.json") for _ in range(runs)]
    scores = [[round(r["categories"][c]["score"] * 100) for r in results] for c in CATEGORIES]
    medians = [round(statistics.median(s)) for s in scores]
    tbt, transferred = (statistics.median(r["audits"][a]["numericValue"] for r in results)
                        for a in ("total-blocking-time", "total-byte-weight"))
    print(f"{name:<16}" + "".join(f"{m:>16}" for m in medians)
          + f"{int(tbt):>8}{int(transferred):>10,}{f'{min(scores[0])}-{max(scores[0])}':>12}", flush=True)
    for category, median in zip(CATEGORIES, medians, strict=True):
        if median < TARGETS[category]:
            failing = [a["title"] for a in results[0]["audits"].values()
                       if a.get("score") is not None and a["score"] < 1
                       and a["id"] in {ref["id"] for ref in results[0]["categories"][category]["auditRefs"]
                                       if ref["weight"] or category != "performance"}]
            print(f"{'':<16}{category} below {TARGETS[category]}: {'; '.join(failing)}")
    return all(m >= TARGETS[c] for c, m in zip(CATEGORIES, medians, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", choices=[*PAGES, *GENERATED], default=[*PAGES, *GENERATED])
    args = parser.parse_args()
    ensure_lighthouse()
    good = True
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES)
              + f"{'TBT ms':>8}{'bytes':>10}{'perf range':>12}", flush=True)
        if set(args.pages) & set(PAGES):
            build_project(ROOT, work / "site")
            with serve(work / "site", like_github_pages=True) as base:
                for name in (n for n in PAGES if n in args.pages):
                    good &= report(name, base + PAGES[name], args.runs, work)
        for name in (n for n in GENERATED if n in args.pages):
            page, count = GENERATED[name]
            build_project(generated_page(ROOT, work, page, count), work / f"{page}-site")
            with serve(work / f"{page}-site", like_github_pages=True) as base:
                try:  # measured, not held to the targets
                    report(name, base + f"{page}/", args.runs, work)
                except subprocess.CalledProcessError:  # Lighthouse times out on a very busy machine
                    print(f"{name:<16}Lighthouse gave up (its message is above)")
    print(f"(median of {args.runs} runs; Lighthouse mobile preset: simulated slow 4G, 4x CPU slowdown; "
          f"targets for the page types: {', '.join(f'{c} {t}' for c, t in TARGETS.items())})")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
