"""What one page load costs the browser tier, by page type and kind of process (issue 25:
Chromium's renderers are the largest share of `make test`'s CPU). Each variant (the
tests' browser as the harness starts it, or with Chromium flags added, or served with
the whole search index as a reader gets it) has its own browser and reused tab
(harness.tab, as the tests' `tab`), and the variants take turns page by page, so a busy
machine weighs on each alike. CPU is utime + stime of every process under this one
(/proc), not wall time: still noisy on a shared machine, so the load average is printed.

    python scripts/load_cost.py [--site DIR] [--rounds 3] [--variant NAME=FLAGS...]
    python scripts/load_cost.py --variant "no partial raster=--disable-partial-raster"
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from cpu_map import TICKS, command, kind, live_processes  # noqa: E402
from harness.chromium import CHROMIUM_ARGS, HEADLESS_SHELL, wait_until_ready  # noqa: E402
from harness.serve import serve  # noqa: E402
from harness.site import build_site  # noqa: E402
from harness.tab import ReusedTab  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = {"home": "", "decision guide": "which-playbook/", "playbook": "playbooks/team-mistake/",
         "checklist": "checklists/team-mistake/", "template index": "templates/",
         "phrase bank": "phrase-bank/", "check my draft": "check-my-draft/", "contributing": "contributing/"}
SITE_URL = "https://make-it-right.github.io/handbook/en/"


def cpu_by_kind() -> Counter[str]:
    """CPU seconds so far of every live process under this one (and of those it reaped)."""
    me, processes = os.getpid(), live_processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, *_) in processes.items():
        children.setdefault(parent, []).append(pid)
    seconds: Counter[str] = Counter()
    todo = [me]
    while todo:
        pid = todo.pop()
        if stat := processes.get(pid):
            ticks, reaped = stat[2:]
            if pid == me:
                seconds["this script"] += ticks / TICKS
            else:
                seconds[kind(command(pid))] += (ticks + reaped) / TICKS
        todo += children.get(pid, [])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built handbook (default: build one)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variant", action="append", default=[],
                        help="NAME=FLAGS: the tests' browser with these Chromium flags added")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            if (result := build_site(ROOT, site)).returncode:
                sys.exit(result.stderr)
        with (serve(site, sitemap_from=SITE_URL, searchable=False) as tests_url,
              serve(site, sitemap_from=SITE_URL) as whole_url, sync_playwright() as p):
            variants = {"tests (index emptied)": ([], tests_url),
                        "whole search index": ([], whole_url)}
            for spec in args.variant:
                name, _, flags = spec.partition("=")
                variants[name] = (flags.split(), tests_url)
            measure(p, variants, args.rounds)


def measure(p, variants: dict[str, tuple[list[str], str]], rounds: int) -> None:
    tabs = {}
    for name, (flags, _) in variants.items():
        browser = p.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS + flags)
        tabs[name] = ReusedTab(lambda b=browser: b.new_context(permissions=["clipboard-read", "clipboard-write"]))
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    loads: dict[str, dict[str, list[float]]] = {name: {} for name in variants}
    cycles: dict[str, Counter[str]] = {name: Counter() for name in variants}
    for round_ in range(rounds + 1):  # round 0 warms each browser up
        for page_type, path in PAGES.items():
            for name, (_, url) in variants.items():
                page = tabs[name].page()
                before = cpu_by_kind()
                page.goto(url + path)
                wait_until_ready(page)
                page.wait_for_timeout(300)  # what the page's workers still do after ready
                loaded = cpu_by_kind()
                tabs[name].clean()
                after = cpu_by_kind()
                if round_:
                    loads[name].setdefault(page_type, []).append(
                        sum(loaded.values()) - sum(before.values()))
                    loads[name].setdefault(f"{page_type}, renderer", []).append(
                        loaded["Chromium: renderer"] - before["Chromium: renderer"])
                    cycles[name].update(after)
                    cycles[name].subtract(before)
    print(f"load average after: {os.getloadavg()[0]:.1f}\n")
    names = list(variants)
    print(f"{'median CPU s of one load (renderer / all)':<44}" + "".join(f"{n[:30]:>32}" for n in names))
    for page_type in PAGES:
        cells = [f"{statistics.median(loads[n][page_type + ', renderer']):.3f} / "
                 f"{statistics.median(loads[n][page_type]):.3f}" for n in names]
        print(f"{page_type:<44}" + "".join(f"{c:>32}" for c in cells))
    count = rounds * len(PAGES)
    print(f"\n{'mean CPU s of a load and a cleaning, by kind':<44}" + "".join(f"{n[:30]:>32}" for n in names))
    for kind_ in sorted(set().union(*cycles.values())):
        print(f"{kind_[:43]:<44}" + "".join(f"{cycles[n][kind_] / count:>32.3f}" for n in names))
    print(f"{'all':<44}" + "".join(f"{sum(cycles[n].values()) / count:>32.3f}" for n in names))


if __name__ == "__main__":
    main()
