"""The site tier: strict MkDocs builds of the handbook and of small mini-sites."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from paths import ROOT
from sitebuild import build_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The handbook, built once per test run."""
    dest = tmp_path_factory.mktemp("site")
    return dest, build_site(ROOT, dest)
