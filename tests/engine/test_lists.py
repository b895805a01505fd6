"""Lists people read outside the data (the issue form, CONTRIBUTING, the README)
name exactly what the rules and the strings hold (make_it_right/lists.py): adding a
channel or a playbook to the data makes `make-it-right check` name every list that
has to say it too, with a stable rule id."""

from __future__ import annotations

import shutil

import pytest

from make_it_right.lists import FORM, list_problems

from paths import ROOT

FILES = [FORM.as_posix(), "CONTRIBUTING.md", "README.md"]


@pytest.fixture
def project(tmp_path):
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, tmp_path / name)
    return tmp_path


def edit(project, name, old, new):
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(project, rules, strings) -> list[tuple[str, str, str]]:
    return [(p.path.relative_to(project).as_posix(), p.rule, p.message)
            for p in list_problems(project, rules, strings)]


def test_every_list_in_the_project_names_what_the_data_holds(rules, strings):
    assert [str(p) for p in list_problems(ROOT, rules, strings)] == []


@pytest.mark.parametrize("name, old, new, rule, says", [
    (FORM.as_posix(), "        - chat\n", "", "list-form", "the `channel` options differ from the data: add chat"),
    (FORM.as_posix(), "        - sms\n", "        - sms\n        - fax\n", "list-form", "remove fax"),
    ("CONTRIBUTING.md", "`chat` (", "`chit-chat` (", "list-contributing",
     "the names in 'The channels are …' differ from the data: add chat; remove chit-chat"),
    ("CONTRIBUTING.md", "The languages are", "Our languages are", "list-contributing",
     "no longer has the sentence 'The languages are …'"),
    ("README.md", "[--channel email|", "[--chanel email|", "list-readme", "no longer shows `make-it-right check-draft"),
    ("README.md", "|call-script|sms]", "|sms]", "list-readme", "the check-draft usage's channels differ from the data: add call-script"),
])
def test_a_list_that_drifts_is_named_with_its_rule(project, rules, strings, name, old, new, rule, says):
    edit(project, name, old, new)
    problems = found(project, rules, strings)
    assert [(p[0], p[1]) for p in problems] == [(name, rule)]
    assert says in problems[0][2]


def test_a_channel_added_to_the_data_names_each_list_that_lacks_it(project, rules, strings):
    channels = {**rules.channels, "letter": rules.channels["email"]}
    grown = rules.model_copy(update={"channels": channels})
    assert sorted((p[0], p[1]) for p in found(project, grown, strings)) == [
        (FORM.as_posix(), "list-form"), ("CONTRIBUTING.md", "list-contributing")]


def test_a_project_without_these_files_keeps_no_lists(tmp_path, rules, strings):
    assert list_problems(tmp_path, rules, strings) == []
