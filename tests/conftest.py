"""Shared fixtures: the real pack, and a strict MkDocs build of any project folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import Pack, load_pack
from macros.rules import Rules, load_rules

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"


def build_site(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project folder; return what it printed."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(TEMPLATES)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The handbook, built once per test run."""
    dest = tmp_path_factory.mktemp("site")
    return dest, build_site(ROOT, dest)
