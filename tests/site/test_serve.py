"""`make serve` (scripts/serve.py) while a page or template is broken: every page
answers with the build's one-line problems, each once, and the handbook comes
back when they are fixed. (mkdocs serve alone keeps every request waiting.)"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from paths import ROOT

SITES = Path(__file__).resolve().parent / "sites"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _until(url: str, status: int, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        code, body = _get(url)
        if code == status:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never answered {status} (last {code}: {body[-1500:]})")


@pytest.fixture
def served(tmp_path):
    project = tmp_path / "ok"
    shutil.copytree(SITES / "ok", project)
    port = _free_port()
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "-f", str(project / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env=env, stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w"))
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)
        print((tmp_path / "serve.log").read_text())


def test_a_broken_page_is_shown_not_a_stall(served):
    project, url = served
    assert "tpl-late-files" in _until(url + "playbooks/team-mistake/", 200)
    index = project / "docs" / "index.md"
    good = index.read_text()
    index.write_text('# Home\n\n{{ template_card("late-file") }}\n')
    page = _until(url + "playbooks/team-mistake/", 503)
    problem = ("docs/index.md: line 3: template_card(): unknown template id 'late-file'; "
               "did you mean 'late-files'?")
    assert page.count("unknown template id") == 1 and problem in page.replace("&#x27;", "'")
    assert "livereload" in page  # it reloads by itself once fixed
    index.write_text(good)
    assert "tpl-late-files" in _until(url + "playbooks/team-mistake/", 200)
