"""What the main thread does while a page starts, ours beside stock Material's same
page: every task that would be a long task on Lighthouse's phone (over 12 ms here,
so over 50 ms at its 4x CPU slowdown), with what ran in it, and per page type the
count of such tasks and their total over 50 ms at 4x (the work Lighthouse's total
blocking time is made of). Counted from Chromium traces of real loads with no
throttle, median of --runs, ours and stock interleaved. Every length is the main
thread's own CPU time (the trace's thread duration), not wall time: on a shared
machine a task's wall time includes the time other processes held the core, its
CPU time does not (caches and frequency still move it a little: read both sides of
one run together).

    flock /work/wt/heavy.lock .venv/bin/python scripts/long_tasks.py [--ref main] [--runs 5]
        [--pages "template index" ...] [--work DIR (keep or reuse the builds)] [--list]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "scripts")]

from harness.chromium import CHROMIUM, launch  # noqa: E402
from harness.serve import serve  # noqa: E402
from harness.site import build_project, project_at  # noqa: E402
from perf import PAGES, stock_site  # noqa: E402

# Lighthouse's mobile screen (its default config's screenEmulation).
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}
SLOWDOWN, LONG_MS = 4, 50
CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "loading"]
# Work after `load` still counts: the theme and our scripts start on DOMContentLoaded
# and in the tasks after it.
SETTLE_MS = 2500


def cpu_ms(event: dict) -> float:
    """The event's time on its own thread (wall time where the trace has none)."""
    return event.get("tdur", event.get("dur", 0)) / 1000


def what_ran(children: list[dict]) -> str:
    """A task's contents: scripts by file, style recalcs with elements, layouts with
    objects, HTML parsing; each with its own milliseconds (not throttled)."""
    merged: dict[str, float] = {}
    for event in children:
        if label := event_label(event):
            merged[label] = merged.get(label, 0) + round(cpu_ms(event), 1)
    return ", ".join(f"{label} {ms:.1f}" for label, ms in sorted(merged.items(), key=lambda x: -x[1]) if ms >= 1)


def event_label(event: dict) -> str | None:
    """What a trace event did, in a few words; None for the kinds not listed."""
    name, args = event["name"], event.get("args", {})
    data = args.get("data") or args.get("beginData") or {}
    if name in ("EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule"):
        return f"{name} {Path(data.get('url', '') or '?').name}"
    if name == "FunctionCall":
        return f"call {data.get('functionName') or '?'}@{Path(data.get('url', '') or '?').name}"
    if name == "TimerFire":
        return "timer"
    if name == "EventDispatch":
        return f"event {data.get('type', '?')}"
    if name == "UpdateLayoutTree":
        return f"style {args.get('elementCount', '?')} el"
    if name == "Layout":
        return f"layout {data.get('dirtyObjects', '?')}/{data.get('totalObjects', '?')}"
    if name == "ParseHTML":
        return "parse HTML"
    if name == "ParseAuthorStyleSheet":
        return f"parse CSS {Path(data.get('styleSheetUrl', '') or '?').name}"
    if name in ("Paint", "PrePaint", "Layerize"):
        return name.lower()
    return None


def main_thread(events: list[dict], url: str) -> tuple[int, int]:
    parsers = collections.Counter((e["pid"], e["tid"]) for e in events if e["name"] == "ParseHTML"
                                  and e.get("args", {}).get("beginData", {}).get("url") == url)
    return parsers.most_common(1)[0][0]


def long_tasks(browser, url: str) -> list[tuple[float, float, str]]:
    """(start ms from the page's first parse, CPU ms unthrottled, what ran) for each task over
    LONG_MS / SLOWDOWN on the page's main thread."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    thread = main_thread(events, url)
    mine = [e for e in events if (e["pid"], e["tid"]) == thread and e.get("ph") == "X"]
    start = min(e["ts"] for e in events if e["name"] == "ParseHTML" and (e["pid"], e["tid"]) == thread)
    tasks = [e for e in mine if e["name"] == "RunTask" and cpu_ms(e) * SLOWDOWN > LONG_MS]
    found = []
    for task in tasks:
        end = task["ts"] + task["dur"]
        inside = [e for e in mine if e is not task and task["ts"] <= e["ts"] < end]
        found.append(((task["ts"] - start) / 1000, cpu_ms(task), what_ran(inside)))
    return found


def blocking(tasks: list[tuple[float, float, str]]) -> float:
    return sum(ms * SLOWDOWN - LONG_MS for _, ms, _ in tasks)


def sites(args, work: Path) -> tuple[Path, Path]:
    site, stock = work / "site", work / "stock-site"
    if not (site.is_dir() and stock.is_dir()):
        build_project(project_at(args.ref, work), site)
        stock_site(site, work)
    return site, stock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="build this git ref instead of the work tree")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="+", choices=PAGES, metavar="PAGE",
                        default=["playbook", "template index", "check my draft"])
    parser.add_argument("--work", type=Path, help="build into (or reuse the builds in) this folder")
    parser.add_argument("--list", action="store_true", help="print every long task of every run")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as folder:
        work = args.work or Path(folder)
        work.mkdir(parents=True, exist_ok=True)
        site, stock = sites(args, work)
        runs: dict[tuple[str, str], list] = collections.defaultdict(list)
        with (sync_playwright() as p, serve(site, like_github_pages=True) as ours,
              serve(stock, like_github_pages=True) as theirs):
            browser = launch(p, CHROMIUM)
            for _ in range(args.runs):
                for name in args.pages:
                    for side, base in (("ours", ours), ("stock", theirs)):
                        runs[side, name].append(long_tasks(browser, base + PAGES[name]))
            browser.close()
    load.append(os.getloadavg()[0])
    print(f"built from {args.ref or 'the work tree'}; load average {', '.join(f'{x:.1f}' for x in load)}; "
          f"median of {args.runs} loads, no throttle, times x{SLOWDOWN}")
    print(f"{'page':<16}{'long tasks':>11}{'over 50 ms':>11}{'stock':>8}{'over 50':>9}   (per run: ours | stock)")
    for name in args.pages:
        mine, theirs = runs["ours", name], runs["stock", name]
        print(f"{name:<16}{statistics.median(map(len, mine)):>11}{statistics.median(map(blocking, mine)):>11.0f}"
              f"{statistics.median(map(len, theirs)):>8}{statistics.median(map(blocking, theirs)):>9.0f}   "
              f"{' '.join(f'{blocking(r):.0f}' for r in mine)} | {' '.join(f'{blocking(r):.0f}' for r in theirs)}")
    for name in args.pages:
        for side in ("ours", "stock"):
            every = runs[side, name] if args.list else [min(runs[side, name], key=lambda r: abs(
                blocking(r) - statistics.median(map(blocking, runs[side, name]))))]
            for number, tasks in enumerate(every):
                print(f"{name}, {side}{f' run {number + 1}' if args.list else ' (the median run)'}:")
                for at, ms, what in tasks:
                    print(f"  at {at:>6.0f} ms  {ms * SLOWDOWN:>5.0f} ms x{SLOWDOWN}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
