"""Broken examples are tests too: each file in cases/ takes the base pack, breaks
one thing with a small patch, and gives the rule it breaks and the exact message
the checker must print.

    tests/engine/base/rules.yml         the rules the cases are checked against, pinned
    tests/engine/base/templates/...     two valid templates: an email and a voicemail
    tests/engine/cases/<case>.case      the patch, the rule id and the message

A case file, written by hand (lines starting with # are comments):

    # Why this case exists, if the name does not say.
    rule: channel-unknown
    expected: templates/email/late-files.yml: channel 'e-mail' is not known; use one of: ...
    copy: templates/email/late-files.yml -> templates/email/late-files.yaml   (optional)
    move: templates/email/late-files.yml -> templates/email/late-file.yml     (optional)
    remove: templates/voicemail/call-back.yml                                  (optional)

    --- templates/email/late-files.yml
    -channel: email
    +channel: e-mail

`copy:` and `move:` run first, then each `--- path` block edits that file as a
diff does: lines starting with a space (or empty) are kept, `-` lines go, `+`
lines come in, and the kept and `-` lines must occur in the file exactly once.
`@@` starts another change in the same file (blank lines at the end of a change
only separate it); `--- /dev/null` then `+++ path` writes a new file from its `+`
lines. `remove:` runs last.

To add a case: write the patch and the rule, leave `expected:` empty, and run
`MIR_UPDATE_CASES=1 .venv/bin/pytest tests/engine/test_broken_templates.py`:
it writes in the message the checker prints (and the rule it names), for you
to read before you commit. Packs in sound/ must load: they pin down what the
checker must NOT refuse (for example, a call script's `avoid` section may
quote a blocked phrase).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from make_it_right.errors import PackError
from make_it_right.loader import load_pack
from make_it_right.rules import load_rules

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
RULES = load_rules(BASE / "rules.yml")
CASES = sorted((HERE / "cases").glob("*.case"))
SOUND = sorted(p for p in (HERE / "sound").iterdir() if p.is_dir())
UPDATE = os.environ.get("MIR_UPDATE_CASES") == "1"
HEADER = re.compile(r"^(rule|expected|copy|move|remove):[ \t]*(.*)$")


@dataclass
class Case:
    rule: str = ""
    expected: str = ""
    copies: list[tuple[str, str, bool]] = field(default_factory=list)  # from, to, keep from
    remove: list[str] = field(default_factory=list)
    edits: list[tuple[str | None, str, list[list[str]]]] = field(default_factory=list)


def read_case(path: Path) -> Case:
    """A case file's headers and its patch; ValueError naming the line otherwise."""
    case = Case()
    lines = path.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines) and not lines[number].startswith("--- "):
        line = lines[number]
        number += 1
        if not line.strip() or line.startswith("#"):
            continue
        match = HEADER.match(line)
        if not match:
            raise ValueError(f"{path.name}:{number}: expected rule:, expected:, copy:, move:, "
                             f"remove: or a '--- path' line, got {line!r}")
        key, value = match.groups()
        if key in ("copy", "move"):
            source, arrow, target = value.partition(" -> ")
            if not arrow:
                raise ValueError(f"{path.name}:{number}: {key}: takes 'from -> to'")
            case.copies.append((source.strip(), target.strip(), key == "copy"))
        elif key == "remove":
            case.remove += value.split()
        else:
            setattr(case, key, value.strip())
    while number < len(lines):
        source = lines[number].removeprefix("--- ").strip()
        number += 1
        target = source
        if source == "/dev/null":
            if number >= len(lines) or not lines[number].startswith("+++ "):
                raise ValueError(f"{path.name}:{number}: '--- /dev/null' needs a '+++ path' line")
            target = lines[number].removeprefix("+++ ").strip()
            number += 1
        hunks: list[list[str]] = [[]]
        while number < len(lines) and not lines[number].startswith("--- "):
            line = lines[number]
            number += 1
            if line.startswith("@@"):
                hunks.append([])
            elif line[:1] in ("", " ", "-", "+"):
                hunks[-1].append(line)
            else:
                raise ValueError(f"{path.name}:{number}: a patch line starts with ' ', '-' or "
                                 f"'+', got {line!r}")
        for hunk in hunks:  # a blank line before the next file or change separates
            while hunk and hunk[-1] == "":
                hunk.pop()
        case.edits.append((None if source == "/dev/null" else source, target,
                           [h for h in hunks if h]))
    return case


def apply_patch(text: str, hunks: list[list[str]], where: str) -> str:
    """Each hunk's kept and `-` lines found once in the original text, all replaced."""
    changes = []
    for hunk in hunks:
        old = "".join(line[1:] + "\n" for line in hunk if line[:1] in ("", " ", "-"))
        new = "".join(line[1:] + "\n" for line in hunk if line[:1] in ("", " ", "+"))
        found = ("\n" + text).count("\n" + old)
        assert found == 1, f"{where}: these lines must occur once in the file, found {found}:\n{old}"
        changes.append((("\n" + text).index("\n" + old), old, new))
    for at, old, new in sorted(changes, reverse=True):
        text = text[:at] + new + text[at + len(old):]
    return text


def build_case(path: Path, dest: Path) -> Case:
    """Write the case's pack into dest; return the case."""
    case = read_case(path)
    shutil.copytree(BASE / "templates", dest / "templates", dirs_exist_ok=True)
    for source, target, keep in case.copies:
        (dest / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dest / source, dest / target)
        if not keep:
            (dest / source).unlink()
    for source, target, hunks in case.edits:
        text = "" if source is None else (dest / source).read_text(encoding="utf-8")
        if source is None:
            text = "".join(line[1:] + "\n" for hunk in hunks for line in hunk)
        else:
            text = apply_patch(text, hunks, f"{path.name} ({source})")
        (dest / target).parent.mkdir(parents=True, exist_ok=True)
        (dest / target).write_text(text, encoding="utf-8")
    for name in case.remove:
        (dest / name).unlink()
    return case


def update_case(path: Path, rule: str, message: str) -> None:
    """Write the checker's rule and message into the case file (MIR_UPDATE_CASES=1)."""
    head, sep, patch = path.read_text(encoding="utf-8").partition("\n--- ")
    lines = head.rstrip("\n").split("\n")
    for key, value in (("rule", rule), ("expected", message)):
        at = [i for i, line in enumerate(lines) if line.startswith(f"{key}:")]
        if at:
            lines[at[0]] = f"{key}: {value}"
        else:
            lines.append(f"{key}: {value}")
    path.write_text("\n".join(lines) + "\n" + sep + patch, encoding="utf-8")


def test_there_are_cases():
    assert len(CASES) >= 30 and SOUND
    stale = sorted(p.name for p in (HERE / "cases").iterdir() if p.suffix != ".case")
    assert not stale, f"cases are .case files now (see this module's docstring): {stale}"


def test_base_pack_is_sound(monkeypatch):
    monkeypatch.chdir(BASE)
    assert len(load_pack(Path("templates"), RULES).templates) == 2


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_broken_pack_breaks_one_rule_with_its_message(case: Path, tmp_path, monkeypatch):
    spec = build_case(case, tmp_path)
    # Messages name paths relative to where the contributor stands.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackError) as caught:
        load_pack(Path("templates"), RULES)
    problems = caught.value.problems
    if UPDATE and len(problems) == 1:
        update_case(case, problems[0].rule, str(caught.value))
        return
    # Each case is a valid pack except for one thing, so exactly one problem.
    assert len(problems) == 1, str(caught.value)
    assert problems[0].rule == spec.rule, str(caught.value)
    assert str(caught.value) == spec.expected


def test_a_case_file_is_read_as_written(tmp_path):
    case = tmp_path / "x.case"
    case.write_text("# A comment.\nrule: unfinished\nexpected: a: b\n"
                    "move: templates/email/late-files.yml -> templates/email/x.yml\n\n"
                    "--- templates/email/x.yml\n id: late-files\n-title: Apology for late files\n"
                    "+title: TODO\n\n@@\n-  apology: I'm sorry.\n+  apology: Sorry.\n\n", encoding="utf-8")
    spec = build_case(case, tmp_path / "pack")
    assert (spec.rule, spec.expected) == ("unfinished", "a: b")
    text = (tmp_path / "pack/templates/email/x.yml").read_text(encoding="utf-8")
    assert "id: late-files\ntitle: TODO\n" in text and "  apology: Sorry.\n" in text
    assert not (tmp_path / "pack/templates/email/late-files.yml").exists()
    case.write_text("rule: x\ncopy: templates/email/late-files.yml -> templates/email/y.yml\n"
                    "remove: templates/voicemail/call-back.yml\n"
                    "--- /dev/null\n+++ templates/sms/z.yml\n+id: z\n+\n+title: Z\n", encoding="utf-8")
    build_case(case, tmp_path / "more")
    made = tmp_path / "more/templates"
    assert (made / "email/late-files.yml").read_text() == (made / "email/y.yml").read_text()
    assert (made / "sms/z.yml").read_text() == "id: z\n\ntitle: Z\n"
    assert not (made / "voicemail/call-back.yml").exists()
    case.write_text("rule: x\n--- templates/email/late-files.yml\n-title: nope\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="must occur once in the file, found 0"):
        build_case(case, tmp_path / "again")


@pytest.mark.parametrize("case", SOUND, ids=[p.name for p in SOUND])
def test_sound_pack_loads(case: Path, monkeypatch):
    monkeypatch.chdir(case)
    assert load_pack(Path("templates"), RULES).templates


# The site adapter passes an absolute root: a second file named in a message is
# still shown relative to where the contributor stands.
@pytest.mark.parametrize("name", ["duplicate-id", "field-label-conflict"])
def test_second_file_is_named_relative_to_cwd(name: str, tmp_path, monkeypatch):
    spec = build_case(HERE / "cases" / f"{name}.case", tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "templates", RULES)
    assert str(caught.value) == spec.expected
