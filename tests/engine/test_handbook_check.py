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


def test_check_names_a_list_that_no_longer_says_what_the_data_holds(tmp_path):
    """The lists outside the data (make_it_right/lists.py) are `check`'s too."""
    project = tmp_path / "project"
    for part in ("docs", "templates"):
        shutil.copytree(ROOT / part, project / part)
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (project / "CONTRIBUTING.md").write_text(contributing.replace("`sms`, ", "", 1), encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines()[0].startswith(
        "CONTRIBUTING.md: the names in 'The channels are …' differ from the data: add sms (")


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
    ("playbooks/gone-quiet.md", "\n## 1. ", "\n## 1. Call.\n\n" + "Then we call. " * 11, ["voice-habits"]),
    ("playbooks/gone-quiet.md", "\n## 1. ", "\n## 1. Call.\n\n" + "We call, not write. " * 16,
     ["voice-habits"]),
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


# -- "Check my draft"'s wording rules: their examples and links, as check sees them --

def _wording_with(language: str, rule_id: str, **changes):
    from make_it_right.draft_rules import load_draft_rules

    wording = load_draft_rules(language)
    rules = [r.model_copy(update=changes) if r.id == rule_id else r for r in wording.rules]
    return wording.model_copy(update={"rules": rules})


def draft_problems(wording, docs=ROOT / "docs") -> list[tuple[str, str]]:
    from make_it_right.html.handbook_check import draft_rule_problems

    return [(p.rule, p.message) for p in draft_rule_problems(wording, Path("en.yml"), docs)]


@pytest.mark.parametrize("language, docs", [("en", ROOT / "docs"), ("ru", ROOT / "i18n/ru/docs")])
def test_every_draft_rule_flags_its_examples_and_links_to_the_handbook(language, docs):
    from make_it_right.draft_rules import load_draft_rules

    assert draft_problems(load_draft_rules(language), docs) == []


def test_a_draft_rule_that_misses_its_example_or_flags_a_counter_example_is_named():
    from make_it_right.draft_rules import load_draft_rules

    rule = load_draft_rules("en").rules[0]
    examples = rule.examples.model_copy(update={"match": ["Nothing here at all."],
                                                "no_match": rule.examples.match[:1]})
    assert draft_problems(_wording_with("en", rule.id, examples=examples)) == [
        ("draft-rule-example", f"rule '{rule.id}' does not flag its example 'Nothing here at all.'; "
                               "widen a pattern, or change the example"),
        ("draft-rule-example", f"rule '{rule.id}' flags its counter-example "
                               f"{rule.examples.match[0]!r}; narrow a pattern or add an `unless`")]


def test_a_draft_link_to_a_missing_page_or_heading_is_named():
    from make_it_right.draft_rules import load_draft_rules

    wording = load_draft_rules("en")
    rule = wording.rules[0]
    page = wording.links["blame"].partition("#")[0]
    assert draft_problems(_wording_with("en", rule.id, link="nowhere.md")) == [
        ("draft-rule-link", f"rule '{rule.id}' links to nowhere.md, but there is no page nowhere.md; "
                            "link to a page the handbook has")]
    links = {**wording.links, "blame": f"{page}#no-such"}
    assert draft_problems(wording.model_copy(update={"links": links})) == [
        ("draft-rule-link", f"links.blame links to {page}#no-such, but {page} has no heading "
                            "#no-such; link to one of its headings")]


def test_a_complete_language_that_falls_behind_english_fails_check(tmp_path):
    """What the parity tests fail for a complete language, `check` names too: a
    missing page, a page with other anchors, an overlay whose English changed, an
    overlay still in English."""
    project = tmp_path / "project"
    for part in ("docs", "templates", "i18n"):
        shutil.copytree(ROOT / part, project / part)
    for name in ("mkdocs.yml", "mkdocs.ru.yml", "CONTRIBUTING.md"):
        shutil.copyfile(ROOT / name, project / name)
    (project / "i18n/ru/docs/changelog.md").unlink()
    edit(project / "i18n/ru/docs/playbooks/gone-quiet.md", "{#2-the-rhythm}", "{#2-rhythm}")
    edit(project / "templates/sms/call-back-by-text.yml", "title: ", "title: Now ")
    edit(project / "i18n/ru/templates/sms/heads-up-by-text.yml", "title: СМС-предупреждение, что скоро позвоните",
         "title: Heads-up by text that a call is coming")
    result = run("check", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines[:-1] == [
        "i18n/ru/templates/sms/call-back-by-text.yml: outdated: English changed since it was "
        "translated; translate the change, then `make-it-right languages ru --stamp`",
        "i18n/ru/docs/changelog.md: is missing, and ru is marked complete; translate the English page",
        "i18n/ru/docs/playbooks/gone-quiet.md: has other heading anchors than English's; give each "
        "heading English's anchor ({#…})",
        "i18n/ru/templates/sms/heads-up-by-text.yml: still has English's words at title; translate "
        "them, or list a name kept as is in the language's keep_as_is"]
