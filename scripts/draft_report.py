"""Print how "Check my draft" does: precision and recall per category on the corpus
(tests/engine/drafts), whether the browser gives the same findings on every draft,
the median of 20 browser checks of a 300-word draft, the command line's time for the
same draft, and the gzipped bytes the page's script and styles add.

    make draft-report     (or: .venv/bin/python scripts/draft_report.py)

Needs the site built and Chromium, like the browser tests (CHROMIUM_PATH).
"""

from __future__ import annotations

import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser import CHROMIUM, CHROMIUM_ARGS, build_site, serve  # noqa: E402
from draft_corpus import load_drafts, score  # noqa: E402
from make_it_right.draft import check_draft  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402

ASSETS = ["docs/javascripts/draft.min.js", "docs/stylesheets/draft.css"]
RUNS = 20


def three_hundred_words(text: str) -> str:
    words = text.split()
    return " ".join((words * (300 // len(words) + 1))[:300])


def main() -> int:
    rules, strings = load_rules(), load_strings()
    cases = load_drafts()
    python = {c.name: [f.as_json() for f in check_draft(c.text, c.channel, c.playbook, rules,
                                                         strings)] for c in cases}
    result = score(cases, {n: [f["rule"] for f in fs] for n, fs in python.items()}, rules)
    channels = sorted({c.channel or c.guess for c in cases})
    print(f"corpus: {len(cases)} drafts ({', '.join(channels)}; "
          f"{len({c.playbook for c in cases})} situations; "
          f"{sum(not c.expect for c in cases)} with nothing to flag)")
    print(f"{'category':<16} {'precision':>9} {'recall':>7}   tp  fp  fn")
    for category, n in result.items():
        print(f"{category:<16} {n['precision']:>9.2f} {n['recall']:>7.2f}  "
              f"{n['tp']:>3} {n['fp']:>3} {n['fn']:>3}")

    draft = three_hundred_words(next(c for c in cases if c.name == "email-team-good").text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.txt"
        path.write_text(draft, encoding="utf-8")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "make_it_right", "check-draft", str(path),
                            "--format", "json"], capture_output=True, cwd=ROOT, check=False)
            times.append((time.perf_counter() - start) * 1000)
        inside = []
        for _ in range(RUNS):
            start = time.perf_counter()
            check_draft(draft, "email", "team-mistake", rules, strings)
            inside.append((time.perf_counter() - start) * 1000)
        site = Path(folder) / "site"
        built = build_site(ROOT, site)
        if built.returncode:
            print(built.stderr, file=sys.stderr)
            return 1
        browser_ms, same = browser_numbers(site, cases, python, draft)
    print(f"browser and Python agree on every draft: {'yes' if same else 'NO'}")
    print(f"300-word draft, browser: median of {RUNS} checks {browser_ms:.2f} ms")
    print(f"300-word draft, command line: median of 5 runs {statistics.median(times):.0f} ms "
          f"(whole process); the check itself {statistics.median(inside):.2f} ms")
    for asset in ASSETS:
        raw = (ROOT / asset).read_bytes()
        print(f"{asset}: {len(gzip.compress(raw, 9))} bytes gzipped ({len(raw)} raw), "
              "loaded on the draft page only")
    print(f"data on the page: {data_bytes[0]} bytes gzipped (the rules, the words and "
          f"pyphen's patterns, {data_bytes[1]} raw)")
    return 0 if same else 1


data_bytes = [0, 0]


def browser_numbers(site: Path, cases, python, draft) -> tuple[float, bool]:
    from bs4 import BeautifulSoup
    from playwright.sync_api import sync_playwright

    html = (site / "check-my-draft" / "index.html").read_text(encoding="utf-8")
    form = BeautifulSoup(html, "html.parser").select_one("[data-mir-draft]")
    data = (form["data-mir-draft-rules"] + form["data-mir-draft-hyphenation"]).encode()
    data_bytes[:] = [len(gzip.compress(data, 9)), len(data)]
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "check-my-draft/", wait_until="networkidle")
        page.wait_for_selector("[data-mir-draft]:not([hidden])")
        found = page.evaluate("""cases => cases.map(c =>
            window.mirDraft.checkDraft(c.text, c.channel, c.playbook))""",
            [{"text": c.text, "channel": c.channel, "playbook": c.playbook} for c in cases])
        same = all(found[i] == python[c.name] for i, c in enumerate(cases))
        times = page.evaluate("""([text, runs]) => {
            const times = [];
            for (let i = 0; i < runs; i++) {
                const start = performance.now();
                window.mirDraft.checkDraft(text + " " + i, "email", "team-mistake");
                times.push(performance.now() - start);
            }
            return times;
        }""", [draft, RUNS])
        browser.close()
    return statistics.median(times), same


if __name__ == "__main__":
    sys.exit(main())
