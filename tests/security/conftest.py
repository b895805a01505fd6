"""Shared by the security battery: a valid base pack to break, one thing at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paths import ROOT

BASE = ROOT / "tests" / "engine" / "base"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the base pack (an email and a voicemail), as the current folder."""
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path
