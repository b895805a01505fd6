"""The handbook's own rules (make_it_right/html/handbook_check.py), which `make-it-right
check` runs: the real handbook keeps them, and each broken variant below breaks
the one rule it names."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from make_it_right.html.handbook_check import check_handbook
from make_it_right.html.site import Handbook

from cli_run import run
from paths import ROOT


def test_the_handbook_keeps_its_own_rules(handbook):
    assert [str(p) for p in check_handbook(handbook)] == []


def test_check_runs_them(tmp_path):
    """`make-it-right check` stops on a guide whose order disagrees with a page."""
    project = tmp_path / "project"
    for part in ("docs", "templates"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copyfile(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    page = project / "docs" / "playbooks" / "gone-quiet.md"
    text = page.read_text(encoding="utf-8")
    first, second = '{{ template_card("quiet-check-in") }}', '{{ template_card("quiet-voicemail") }}'
    page.write_text(text.replace(first, "@@").replace(second, first).replace("@@", second),
                    encoding="utf-8")
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[0] == (
        "docs/playbooks/gone-quiet.md: places its cards in the order quiet-voicemail, "
        "quiet-check-in, quiet-last-note, but decision-guide/en.yml's `order:` for gone-quiet is "
        "quiet-check-in, quiet-voicemail, quiet-last-note; make the page and the order agree")


def with_guide(handbook: Handbook, playbook: str, **lists: list[str] | None) -> Handbook:
    """The handbook with one playbook's lists in the guide changed (None removes one)."""
    entry = dict(handbook.guide.templates[playbook])
    for key, value in lists.items():
        key = key.replace("_", "-")
        if value is None:
            entry.pop(key)
        else:
            entry[key] = value
    templates = handbook.guide.templates | {playbook: entry}
    return dataclasses.replace(handbook, guide=handbook.guide.model_copy(update={"templates": templates}))


def rules_broken(handbook: Handbook) -> list[str]:
    return [p.rule for p in check_handbook(handbook)]


QUIET = ["quiet-check-in", "quiet-voicemail", "quiet-last-note"]


@pytest.mark.parametrize(("lists", "rules"), [
    ({"order": None}, ["guide-order"]),
    ({"order": [*QUIET, "quiet-last-note"]}, ["guide-order", "page-card-order"]),
    # The answers' lists then name a template outside the order, and end with it.
    ({"order": QUIET[:2], "follow_up": QUIET[:2]}, ["guide-order", "page-card-order"]
     + ["guide-path"] * 4),
    ({"order": [*QUIET, "outage-notice"]}, ["guide-order", "page-card-order"]),
    ({"follow_up": None}, ["guide-follow-up"]),
    ({"follow_up": ["outage-notice"]}, ["guide-follow-up", "guide-path", "guide-path"]),
    ({"yes": [QUIET[1], QUIET[0], QUIET[2]]}, ["guide-path"]),
    ({"yes": [*QUIET, "outage-notice"]}, ["guide-path", "guide-path", "guide-path"]),
    ({"no": QUIET[:2], "follow_up": [QUIET[2]]}, ["guide-path"]),
    ({"yes": ["nope"]}, ["guide-data"]),
])
def test_the_guide_and_the_pages_agree_on_one_order(handbook, lists, rules):
    assert rules_broken(with_guide(handbook, "gone-quiet", **lists)) == rules


def test_a_missing_order_is_named_with_its_fix(handbook):
    problems = check_handbook(with_guide(handbook, "gone-quiet", order=None))
    assert [p.message for p in problems] == [
        "templates.gone-quiet has no `order:`; list the playbook's templates there, in the "
        "order its page places them"]
    assert problems[0].path.as_posix().endswith("decision-guide/en.yml")


@pytest.fixture
def docs(handbook, tmp_path) -> Path:
    """A copy of the playbook pages and their checklists, to break one at a time."""
    for entry in handbook.pack.rules.playbooks.values():
        for page in (entry.page, entry.checklist):
            (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(handbook.docs_dir / page, tmp_path / page)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(("page", "old", "new", "rules"), [
    ("playbooks/gone-quiet.md", "\n## 1. ", "\n# 1. ", ["playbook-shape"]),
    ("playbooks/gone-quiet.md", "\n## ", "\n### ", ["playbook-shape"]),
    ("playbooks/gone-quiet.md", "{{ playbook_plan() }}", "", ["playbook-shape"]),
    ("playbooks/gone-quiet.md", '{{ checklist("gone-quiet") }}', "", ["playbook-shape"]),
    ("playbooks/gone-quiet.md", "description:", "summary:", ["page-front-matter"]),
    ("playbooks/gone-quiet.md", "\n## 1. ", "\n## 1. " + "Yes. " * 1100, ["playbook-words"]),
    ("playbooks/gone-quiet.md", "\n## 1. ", "\n## 1. " + "Unquestionably institutional "
     "responsibilities necessitate comprehensive organisational accountability considerations "
     * 20, ["playbook-reading-ease"]),
    ("checklists/gone-quiet.md", "\n- ", "\n", ["checklist-items"]),
    ("checklists/gone-quiet.md", "\n- ", "\n- " + "word " * 30, ["checklist-items"]),
])
def test_each_playbook_page_and_checklist_has_its_shape(handbook, docs, page, old, new, rules):
    edit(docs / page, old, new)
    assert rules_broken(dataclasses.replace(handbook, docs_dir=docs)) == rules


def test_every_page_has_a_place_in_the_navigation(handbook, docs):
    (docs / "stray.md").write_text("---\ntitle: Stray\ndescription: Lost.\n---\n\n# Stray\n",
                                   encoding="utf-8")
    problems = check_handbook(dataclasses.replace(handbook, docs_dir=docs))
    assert [(p.rule, p.path.name) for p in problems] == [("page-nav", "stray.md")]


def test_a_heading_inside_a_code_block_is_not_a_title(handbook, docs):
    edit(docs / "playbooks/gone-quiet.md", "\n## 1. ", "\n```sh\n# a comment\n```\n\n## 1. ")
    assert rules_broken(dataclasses.replace(handbook, docs_dir=docs)) == []
