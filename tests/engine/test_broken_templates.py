"""Broken examples are tests too: each file in cases/ takes the base pack, breaks
one thing, and gives the exact message the checker must print.

    tests/engine/base/templates/...     two valid templates: an email and a voicemail
    tests/engine/cases/<case>.yml       the steps that break it, and the expected text

A case's steps, applied in order to a copy of the base pack:

    - patch: templates/email/late-files.yml      # edit a base file in place
      replace: [[old text, new text], ...]       # each old text must occur exactly once
    - copy: templates/email/late-files.yml       # or copy it elsewhere first
      to: templates/email/late-files.yaml
      replace: [...]
    remove: [templates/voicemail/call-back.yml]  # base files this case leaves out
    expected: "templates/email/late-files.yml: ..."   # str(PackError), one line per problem

To add a case: write the file, run `make test-fast`, read the message, and paste it
in. Packs in sound/ must load: they pin down what the checker must NOT refuse (for
example, a call script's `avoid` section may quote a blocked phrase).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from make_it_right.errors import PackError
from make_it_right.loader import load_pack

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
CASES = sorted((HERE / "cases").glob("*.yml"))
SOUND = sorted(p for p in (HERE / "sound").iterdir() if p.is_dir())


def build_case(case: Path, dest: Path) -> str:
    """Write the case's pack into dest; return the message it must produce."""
    shutil.copytree(BASE, dest, dirs_exist_ok=True)
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for step in spec.get("steps", []):
        source = dest / (step.get("patch") or step["copy"])
        text = source.read_text(encoding="utf-8")
        for old, new in step.get("replace", []):
            assert text.count(old) == 1, f"{case.name}: {old!r} must occur once in {source.name}"
            text = text.replace(old, new)
        target = dest / step.get("to", step.get("patch", ""))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path in spec.get("remove", []):
        (dest / path).unlink()
    return spec["expected"].strip()


def test_there_are_cases():
    assert len(CASES) >= 30 and SOUND


def test_base_pack_is_sound(monkeypatch):
    monkeypatch.chdir(BASE)
    assert len(load_pack(Path("templates")).templates) == 2


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_broken_pack_gives_exact_message(case: Path, tmp_path, monkeypatch):
    expected = build_case(case, tmp_path)
    # Messages name paths relative to where the contributor stands.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackError) as caught:
        load_pack(Path("templates"))
    assert str(caught.value) == expected
    # Each case is a valid pack except for one thing, so exactly one problem.
    assert len(caught.value.problems) == 1, str(caught.value)


@pytest.mark.parametrize("case", SOUND, ids=[p.name for p in SOUND])
def test_sound_pack_loads(case: Path, monkeypatch):
    monkeypatch.chdir(case)
    assert load_pack(Path("templates")).templates


# The site adapter passes an absolute root: a second file named in a message is
# still shown relative to where the contributor stands.
@pytest.mark.parametrize("name", ["duplicate-id", "field-label-conflict"])
def test_second_file_is_named_relative_to_cwd(name: str, tmp_path, monkeypatch):
    expected = build_case(HERE / "cases" / f"{name}.yml", tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "templates")
    assert str(caught.value) == expected
