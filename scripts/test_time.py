"""How long `make test` takes (issue 25's goal: 120 s on a quiet two-core machine).

Prints the wall time; the CPU time of every process the run starts, Chromium's
included (`time` misses most of it: the browser's processes are not all waited for
by the processes that started them, so this script adopts and reaps every orphan,
as a Linux child subreaper); the load average before and after, so a number taken
on a busy machine says so; and the test time of each tier and of the slowest files
(pytest --durations); and when each xdist worker started, finished and waited
between tests (from tests/conftest.py's timeline), so a core left idle shows.
CPU time is the steadier figure on a shared machine.

    python scripts/test_time.py [make target, default: test] [--log FILE] [--by-process]
    python scripts/test_time.py -- .venv/bin/pytest tests/browser/test_print.py -n 2

--by-process also prints the CPU time by kind of process (scripts/cpu_map.py):
Chromium's renderers, pytest's workers, Playwright's driver, site builds, and so on.
"""

from __future__ import annotations

import argparse
import ctypes
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from cpu_map import CpuMap

ROOT = Path(__file__).resolve().parents[1]
PR_SET_CHILD_SUBREAPER = 36
DURATION = re.compile(r"^\s*([\d.]+)s (?:call|setup|teardown)\s+(tests/([^/]+)/[^:]+)")


def adopt_orphans() -> None:
    """Become the parent of every process the run leaves behind, so its CPU time counts."""
    if not sys.platform.startswith("linux"):
        sys.exit("test_time.py needs Linux (a child subreaper, prctl)")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.exit(f"prctl(PR_SET_CHILD_SUBREAPER) failed: {os.strerror(ctypes.get_errno())}")


def run(command: list[str], log: Path, timeline: Path) -> tuple[int, float]:
    """Run the command with every test's duration printed; its status and wall time."""
    env = os.environ | {"PYTEST_ADDOPTS": f"{os.environ.get('PYTEST_ADDOPTS', '')} --durations=0",
                        "MIR_TEST_TIMELINE": str(timeline)}
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        make = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
        status = None
        while True:  # reap make and every orphan until none is left
            try:
                pid, code, _ = os.wait4(-1, 0)
            except ChildProcessError:
                break
            if pid == make.pid:
                status = os.waitstatus_to_exitcode(code)
    return status if status is not None else 1, time.monotonic() - started


def tiers(log: Path) -> tuple[Counter[str], Counter[str], str]:
    by_tier: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    result = ""
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if found := DURATION.match(line):
            by_tier[found[3]] += float(found[1])
            by_file[found[2]] += float(found[1])
        elif re.match(r"^=+ .*(passed|failed|error).* in [\d.]+s", line):
            result = line.strip("= ")
    return by_tier, by_file, result


def workers(timeline: Path, started: float) -> list[str]:
    """Per worker: its first test's start and last test's end (seconds into the run),
    the time it spent in tests, the longest waits between two tests and its last test."""
    if not timeline.exists():
        return []
    runs: dict[str, list[dict]] = {}
    for line in timeline.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        runs.setdefault(entry["worker"], []).append(entry)
    lines = []
    for worker, entries in sorted(runs.items()):
        entries.sort(key=lambda e: e["start"])
        first, last = entries[0]["start"] - started, max(e["stop"] for e in entries) - started
        busy = sum(e["stop"] - e["start"] for e in entries)
        gaps = sorted(((b["start"] - a["stop"], a["test"]) for a, b in itertools.pairwise(entries)),
                      reverse=True)[:3]
        tail = max(entries, key=lambda e: e["stop"])["test"]
        lines.append(f"  {worker}: first test at {first:.1f} s, last ends at {last:.1f} s, "
                     f"in tests {busy:.1f} s, between them {last - first - busy:.1f} s; "
                     f"last: {tail}")
        lines += [f"      waited {gap:.1f} s after {test}" for gap, test in gaps if gap >= 0.5]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", nargs="?", default="test")
    parser.add_argument("--log", type=Path, default=ROOT / ".cache" / "test-time.log")
    parser.add_argument("--by-process", action="store_true",
                        help="also the CPU time by kind of process (samples /proc)")
    argv = sys.argv[1:]
    # After `--`: a command to time instead of `make target`.
    command = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.log.parent.mkdir(parents=True, exist_ok=True)
    adopt_orphans()
    load_before = os.getloadavg()
    command = command or ["make", args.target]
    sampler = CpuMap() if args.by_process else None
    if sampler:
        sampler.start()
    timeline = args.log.with_suffix(".timeline.jsonl")
    timeline.unlink(missing_ok=True)
    started = time.time()
    status, wall = run(command, args.log, timeline)
    if sampler:
        sampler.stop()
    load_after = os.getloadavg()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_tier, by_file, result = tiers(args.log)
    print(f"{' '.join(command)}: exit {status}; {result or 'no pytest summary'} (output in {args.log})")
    print(f"wall {wall:.1f} s; CPU {cpu.ru_utime + cpu.ru_stime:.1f} s "
          f"(user {cpu.ru_utime:.1f} + sys {cpu.ru_stime:.1f}) on {os.cpu_count()} cores; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    if by_tier:
        total = sum(by_tier.values())
        print(f"test time (sum of durations over the workers): {total:.1f} s; "
              + ", ".join(f"{tier} {seconds:.1f}" for tier, seconds in by_tier.most_common()))
        for path, seconds in by_file.most_common(10):
            print(f"  {seconds:6.1f} s  {path}")
    if busy := workers(timeline, started):
        print(f"workers (the run took {wall:.1f} s):")
        print("\n".join(busy))
    if sampler:
        by_kind = sampler.by_kind()
        seen = sum(by_kind.values())
        print(f"CPU by kind of process ({seen:.1f} s of it seen by sampling /proc, "
              f"{len(sampler.processes)} processes):")
        for name, seconds in by_kind.most_common():
            print(f"  {seconds:6.1f} s  {100 * seconds / seen:4.1f} %  {name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
