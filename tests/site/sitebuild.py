"""Build a MkDocs project the way the handbook is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths import ROOT



def build_site(project: Path, dest: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project folder; return what it printed."""
    # Mini-sites load the repository's own adapter (macros/) as an external module.
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra, "--site-dir", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


