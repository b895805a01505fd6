"""A pack loads once per process while its files stay as they are (`check` and a site
build ask for it several times); any change to a file is seen on the next load."""

from __future__ import annotations

import shutil

import pytest

from make_it_right.errors import PackError
from make_it_right.loader import load_pack
from make_it_right.rules import load_rules

from paths import ROOT


@pytest.fixture
def templates(tmp_path):
    shutil.copytree(ROOT / "tests" / "engine" / "base" / "templates", tmp_path / "templates")
    return tmp_path / "templates"


def test_the_same_files_give_the_same_pack(templates):
    assert load_pack(templates) is load_pack(templates)


def test_a_file_rewritten_at_once_with_the_same_size_is_read_again(templates):
    path = templates / "email" / "late-files.yml"
    first = load_pack(templates)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Apology for late files", "Apology for late filez"), encoding="utf-8")
    assert len(path.read_bytes()) == len(text.encode())
    assert load_pack(templates).get("late-files").title == "Apology for late filez"
    assert first.get("late-files").title == "Apology for late files"


def test_a_broken_file_fails_even_after_a_good_load(templates):
    load_pack(templates)
    (templates / "email" / "late-files.yml").write_text("id: late-files\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"late-files\.yml"):
        load_pack(templates)


def test_a_file_added_or_removed_is_seen(templates):
    count = len(load_pack(templates).templates)
    shutil.copy(templates / "email" / "late-files.yml", templates / "email" / "copy.yml")
    with pytest.raises(PackError, match=r"copy\.yml"):
        load_pack(templates)
    (templates / "email" / "copy.yml").unlink()
    (templates / "voicemail" / "call-back.yml").unlink()
    assert len(load_pack(templates).templates) == count - 1


def test_other_rules_load_the_pack_again(templates):
    other = load_rules(ROOT / "tests" / "engine" / "base" / "rules.yml")
    assert load_pack(templates, other).rules is other
    assert load_pack(templates).rules is load_rules()


def test_a_copy_elsewhere_is_read_with_its_own_paths(templates, tmp_path):
    """A file's verdict is kept by its text and place, so a copy of the pack is read,
    not checked again; its templates still name the files they came from."""
    load_pack(templates)
    copy = shutil.copytree(templates, tmp_path / "copy" / "templates")
    assert load_pack(copy).get("late-files").source == copy / "email" / "late-files.yml"


def test_the_same_text_in_another_folder_is_checked_again(templates):
    load_pack(templates)
    (templates / "sms").mkdir()
    shutil.move(templates / "email" / "late-files.yml", templates / "sms" / "late-files.yml")
    with pytest.raises(PackError) as caught:
        load_pack(templates)
    assert [p.rule for p in caught.value.problems] == ["channel-folder"]
