"""When each file last changed, from git history: one `git log` for the whole
project, so a build pays one process, not one per page.

A shallow clone knows only its last commit, which would date every page the same
day; there, and where git or its history is missing, no dates are given at all.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT = 30  # seconds; a history this project's size takes well under one


def last_changed(project: Path, *folders: str) -> dict[str, str]:
    """Each file under `folders` (paths relative to `project`) -> its last commit's
    date, as YYYY-MM-DD; {} without a full git history."""
    try:
        shallow = _git(project, "rev-parse", "--is-shallow-repository").strip()
        if shallow != "false":
            return {}
        log = _git(project, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative",
                   "--", *folders)
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = ""
    for line in log.splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)  # newest first: the first date seen is the last change
    return dates


def _git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True,
                          check=True, timeout=TIMEOUT).stdout
