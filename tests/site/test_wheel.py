"""The package as a user who only wants the command line gets it: the wheel, built
from this checkout, installed with its own dependencies (none of the site's or the
tests') into an empty virtual environment, run from an empty folder."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from paths import ROOT, TEMPLATES

# One worker runs every test here, so the wheel is built and installed once a run
# (a module fixture on two workers built it twice).
pytestmark = pytest.mark.xdist_group("wheel")


# The wheel's dependencies as the index gave them, kept between runs: the install
# itself reads only this folder (the index's pages cost 2.5 s wall and 2 s CPU a run).
# Whatever the folder lacks (the first run, a new dependency) is fetched, then the
# install runs again without the index; delete the folder to take newer releases.
DEPENDENCIES = ROOT / ".cache" / "wheel-dependencies"
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]


def _install_without_index(wheel: Path, python: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*PIP, "--python", str(python), "install", "--no-index",
                           "--find-links", str(DEPENDENCIES), str(wheel)],
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The make-it-right command of a fresh install of the built wheel."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([*PIP, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True, timeout=120)
    (wheel,) = dist.glob("make_it_right-*.whl")
    env = tmp_path_factory.mktemp("env")
    venv.create(env, with_pip=False)  # this pip installs into it (--python): seconds, not ten
    python = env / "bin" / "python"
    if _install_without_index(wheel, python).returncode != 0:
        subprocess.run([*PIP, "download", "--dest", str(DEPENDENCIES), str(wheel)],
                       check=True, capture_output=True, timeout=300)
        for copy in DEPENDENCIES.glob("make_it_right-*"):  # only the one just built installs
            copy.unlink()
        installing = _install_without_index(wheel, python)
        assert installing.returncode == 0, installing.stderr.decode()
    return env / "bin" / "make-it-right"


def test_the_installed_pack_is_the_handbooks(installed):
    site_packages = next(installed.parent.parent.glob("lib/python*/site-packages"))
    shipped = {p.relative_to(site_packages / "make_it_right" / "templates")
               for p in (site_packages / "make_it_right" / "templates").rglob("*.yml")}
    assert shipped == {p.relative_to(TEMPLATES) for p in TEMPLATES.rglob("*.yml")}
    # The base install: none of the site build's or the tests' packages came with it.
    assert not list(site_packages.glob("mkdocs*")) and not list(site_packages.glob("pytest*"))


def _run(command: Path, *args: str, cwd: Path, stdin: bytes = b""):
    return subprocess.run([str(command), *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=60)


def test_list_render_and_check_draft_from_an_empty_folder(installed, tmp_path):
    listed = _run(installed, "list", "--channel", "sms", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr.decode()
    assert "call-back-by-text" in listed.stdout.decode()

    rendered = _run(installed, "render", "call-back-by-text", "--set", "your_name=Sam",
                    "--set", "project_name=the report", "--set", "your_phone=01234 567890",
                    "--set", "reachable_until=six", cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr.decode()
    assert rendered.stdout.decode().startswith("Hi there, Sam here. Could you call me about "
                                               "the report on 01234 567890?")

    draft = b"Hi Priya,\n\nI'm sorry the report is late.\n\nSam\n"
    checked = _run(installed, "check-draft", "-", cwd=tmp_path, stdin=draft)
    assert checked.returncode == 1, checked.stderr.decode()  # it has things to change
    assert checked.stdout.decode().startswith("Guessed from the text: Email\n")
    assert checked.stderr == b""

    whole = _run(installed, "check", cwd=tmp_path)
    assert whole.returncode == 0, whole.stderr.decode()
    assert whole.stdout.decode().endswith(" templates checked, no problems.\n")


def test_the_wheel_names_pyphen_as_a_dependency(installed):
    site_packages = next(installed.parent.parent.glob("lib/python*/site-packages"))
    (metadata,) = site_packages.glob("make_it_right-*.dist-info/METADATA")
    requires = [line for line in metadata.read_text().splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert any("pyphen" in line for line in requires)
