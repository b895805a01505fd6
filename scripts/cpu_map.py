"""CPU time by kind of process (pytest workers, Chromium's renderers, Playwright's driver,
site builds, the command line, Node...) for everything a command starts; test_time.py
prints it with --by-process.

A thread reads /proc/<pid>/stat ten times a second and keeps each process's last
utime + stime, by pid and start time (so a reused pid is another process). A process
is followed if the caller started it or its parent was followed when it appeared;
orphans come back to the caller, a child subreaper, and are followed as well. A
process that lives less than one interval is missed: the total says how much of the
command's CPU the sampling saw. Linux only.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# First match wins: (kind, pattern on the command line).
KINDS = [
    ("setup scripts (apt, install-*.sh)", r"install-chromium|install-node|apt-get|apt-install"),
    ("Chromium: renderer", r"chrom.*--type=renderer"),
    ("Chromium: GPU", r"chrom.*--type=gpu-process"),
    ("Chromium: network and other utilities", r"chrom.*--type=utility"),
    ("Chromium: zygote", r"chrom.*--type=zygote"),
    ("Chromium: browser", r"chrom"),
    ("Playwright's driver (Node)", r"run-driver"),
    ("mkdocs builds, forked (forkserver)", r"multiprocessing\.forkserver"),
    ("mkdocs builds, subprocess", r"-m mkdocs|bin/mkdocs"),
    ("pip (the wheel test)", r"-m pip|__pip-runner__"),
    ("serve.py", r"scripts/serve\.py"),
    ("make-it-right command line", r"make-it-right|-m make_it_right"),
    ("checks: ruff, mypy", r"bin/ruff|bin/mypy"),
    ("checks: ESLint", r"eslint"),
    ("checks: golden files (js_golden.py)", r"js_golden"),
    ("pytest (controller and xdist workers)", r"bin/pytest|exec\(eval\(sys\.stdin"),
    ("Node: node --test, esbuild, harnesses", r"node"),
    ("make, shells, git and the rest", r""),
]


def kind(command: str) -> str:
    return next(name for name, pattern in KINDS if re.search(pattern, command))


def _stat(pid: int) -> tuple[int, int, int, int] | None:
    """(parent pid, start time, CPU ticks, CPU ticks of the children it reaped) of a live
    process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_bytes().decode(errors="replace")
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()
    return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def live_processes() -> dict[int, tuple[int, int, int, int]]:
    """Every live process's `_stat`, by pid."""
    return {int(entry.name): stat for entry in os.scandir("/proc")
            if entry.name.isdigit() and (stat := _stat(int(entry.name)))}


def command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class CpuMap(threading.Thread):
    """Samples the caller's descendants until stop(); by_kind() sums them."""

    def __init__(self, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.processes: dict[tuple[int, int], list] = {}  # (pid, start): [ticks, command]
        self._done = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        followed = {me}
        while not self._done.is_set():
            seen = set()
            for pid, (parent, start, ticks, _) in sorted(live_processes().items(), key=lambda item: item[1][1]):
                key = (pid, start)
                if key in self.processes:
                    if ticks != self.processes[key][0]:
                        # A child seen between fork and exec still shows its parent's
                        # command line: read it again while the process works.
                        self.processes[key] = [ticks, command(pid) or self.processes[key][1]]
                elif (parent in followed or parent in seen) and pid != me:
                    self.processes[key] = [ticks, command(pid)]
                else:
                    continue
                seen.add(pid)
            followed = seen | {me}
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def by_kind(self) -> Counter[str]:
        seconds: Counter[str] = Counter()
        for ticks, command in self.processes.values():
            seconds[kind(command)] += ticks / TICKS
        return seconds
