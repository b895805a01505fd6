"""Shared by every tier: the real rules and pack, and the handbook built once.

Nothing here needs a browser; tests/site and tests/browser add their own fixtures.
The harness (tools/harness) builds, serves and drives Chromium for tests and scripts.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.site import ROOT, build_site
from make_it_right.loader import Pack, load_pack
from make_it_right.rules import Rules, load_rules
from make_it_right.strings import Strings, load_strings

from paths import TEMPLATES


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules()


@pytest.fixture(scope="session")
def strings() -> Strings:
    return load_strings("en")


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(TEMPLATES)


@pytest.fixture(scope="session")
def handbook():
    """Everything the handbook's pages need, loaded and checked as `make-it-right check`
    and the site build load it."""
    from make_it_right.html.site import Handbook

    return Handbook.load(ROOT)


def built_once(tmp_path_factory, name: str,
               build: Callable[[Path], subprocess.CompletedProcess[str]]
               ) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build into a folder shared by every xdist worker of this run: the first worker
    to get here builds (the others wait on a lock), and all get what it printed."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's own folder, above each worker's
    dest, record = base / name, base / f"{name}.json"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            result = build(dest)
            record.write_text(json.dumps({"args": result.args, "returncode": result.returncode,
                                          "stdout": result.stdout, "stderr": result.stderr}))
    return dest, subprocess.CompletedProcess(**json.loads(record.read_text()))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The handbook, built once per test run (the site tier checks what the build said;
    the browser tier serves it). Nothing may change the files."""
    return built_once(tmp_path_factory, "site", lambda dest: build_site(ROOT, dest))


@pytest.fixture(scope="session")
def built_russian_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The whole Russian handbook (mkdocs.ru.yml), built once per test run."""
    from harness.site import build_language

    return built_once(tmp_path_factory, "site-ru", lambda dest: build_language(ROOT, "ru", dest))


# The two-language mini-site (tests/site/languages): its real templates, by channel.
LANGUAGE_TEMPLATES = ("chat/chat-first-reply.yml", "email/apology-team-mistake.yml")


@pytest.fixture(scope="session")
def built_languages(tmp_path_factory) -> Path:
    """The handbook's machinery in two languages, small (tests/site/languages): built
    once per test run into <site>/en and <site>/ru, with the chooser at <site>/index.html."""
    import shutil

    from harness.site import build_language
    from make_it_right.html.chooser import chooser_html

    def build(dest: Path) -> subprocess.CompletedProcess[str]:
        project = dest.parent / "languages-project"
        shutil.copytree(ROOT / "tests" / "site" / "languages", project)
        for folder in ("overrides", "macros"):
            shutil.copytree(ROOT / folder, project / folder)
        for folder in ("javascripts", "stylesheets", "images"):
            shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
        shutil.copy(ROOT / "docs" / "manifest.webmanifest", project / "docs")
        for name in LANGUAGE_TEMPLATES:
            for source, target in ((ROOT / "templates", project / "templates"),
                                   (ROOT / "i18n" / "ru" / "templates",
                                    project / "i18n" / "ru" / "templates")):
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source / name, target / name)
        outputs = [build_language(project, code, dest / code) for code in ("en", "ru")]
        (dest / "index.html").write_text(chooser_html(
            "Make It Right", [("en", "English"), ("ru", "Русский")], "default-src 'self'"),
            encoding="utf-8")
        return subprocess.CompletedProcess(
            [str(o.args) for o in outputs], max(o.returncode for o in outputs),
            "".join(o.stdout for o in outputs), "".join(o.stderr for o in outputs))

    site, result = built_once(tmp_path_factory, "languages", build)
    assert result.returncode == 0, result.stderr
    return site


# scripts/test_time.py sets this: when each test ran and on which worker, one JSON line
# each, written by the process that runs the session (the controller under xdist).
TIMELINE = os.environ.get("MIR_TEST_TIMELINE")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not TIMELINE or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    node = getattr(report, "node", None)  # xdist's worker handle, on the controller only
    worker = node.gateway.id if node is not None else "main"
    with open(TIMELINE, "a", encoding="utf-8") as out:
        out.write(json.dumps({"worker": worker, "when": report.when, "start": report.start,
                              "stop": report.stop, "test": report.nodeid}) + "\n")
