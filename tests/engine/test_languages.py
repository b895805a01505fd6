"""Parity: every other language is an overlay of English (issue 23).

One test per language x template, per language x page and per language for the
strings, for each language the handbook has (make_it_right/data/languages/) and
for the fixture language (tests/engine/languages, on the pinned base rules), so
the machinery is tested before any real translation lands.

A language in progress gets a warning for a missing or outdated overlay; once its
rules file says `status: complete`, either is a failure.
"""

from __future__ import annotations

import re
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from make_it_right.datafile import DATA_DIR, load_yaml
from make_it_right.errors import DataError, PackError
from make_it_right.languages import (coverage, heading_anchors, language_codes, overlay_text,
                                     scaffold_overlays, stamp_overlays)
from make_it_right.loader import Pack, load_pack
from make_it_right.overlay import (overlay_breaches, overlay_path, overlay_root, read_overlay,
                                   source_hash, translate, translated_pack)
from make_it_right.plurals import categories, plural
from make_it_right.readability import lix
from make_it_right.rules import CANONICAL, Rules, load_language, load_rules

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BASE = HERE / "base"
FIXTURE = HERE / "languages"
_MACRO = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_BLANK = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Site:
    """A project and the data its languages read."""

    name: str
    project: Path
    data: Path
    rules: Path

    def english(self) -> Pack:
        return load_pack(self.project_templates, load_rules(self.rules))

    @property
    def project_templates(self) -> Path:
        return (BASE if self.name == "fixture" else self.project) / "templates"

    def language_rules(self, code: str) -> Rules:
        return load_rules(self.rules, code)


REAL = Site("handbook", ROOT, DATA_DIR, DATA_DIR / "rules.yml")
FIXTURE_SITE = Site("fixture", FIXTURE, BASE, BASE / "rules.yml")
SITES = [(REAL, code) for code in language_codes() if code != CANONICAL]
SITES += [(FIXTURE_SITE, "ru")]
_PACKS: dict[str, Pack] = {}


def english(site: Site) -> Pack:
    if site.name not in _PACKS:
        _PACKS[site.name] = site.english()
    return _PACKS[site.name]


def _ids(site: Site) -> list[str]:
    return sorted(english(site).templates)


def _pages(site: Site) -> list[str]:
    docs = site.project / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


TEMPLATE_CASES = [pytest.param(site, code, tid, id=f"{site.name}-{code}-{tid}")
                  for site, code in SITES for tid in _ids(site)]
PAGE_CASES = [pytest.param(site, code, page, id=f"{site.name}-{code}-{page}")
              for site, code in SITES for page in _pages(site)]
LANGUAGE_CASES = [pytest.param(site, code, id=f"{site.name}-{code}") for site, code in SITES]


def _until_complete(site: Site, code: str, message: str) -> None:
    """A failure once the language is marked complete; a warning until then."""
    if load_language(code, site.data / "languages").status == "complete":
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)


def _same_as_english(ours: str, theirs: str, keep: list[str]) -> bool:
    """Identical text that is more than a number or a name kept as is."""
    return (ours.strip() == theirs.strip() and bool(_LETTER.search(ours))
            and ours.strip() not in keep)


@pytest.mark.parametrize(("site", "code", "template_id"), TEMPLATE_CASES)
def test_each_template_has_an_overlay_that_matches_english(site: Site, code: str, template_id: str):
    template = english(site).templates[template_id]
    path = overlay_path(overlay_root(site.project, code), template)
    if not path.is_file():
        _until_complete(site, code, f"{path}: no overlay yet for {template_id}")
        return
    translated, breaches = overlay_breaches(template, path, site.language_rules(code))
    if breaches:
        _until_complete(site, code, f"{path}: " + "; ".join(b.message for b in breaches))
        return
    assert translated is not None
    assert translated.id == template.id and translated.channel == template.channel
    assert list(translated.fields) == list(template.fields)
    assert translated.section_names == template.section_names
    keep = load_language(code, site.data / "languages").keep_as_is
    overlay = read_overlay(path)
    same = [f"fields.{name}.{key}" for name, words in overlay.fields.items()
            for key in ("label", "example", "hint")
            if _same_as_english(getattr(words, key), getattr(template.fields[name], key), keep)]
    same += [f"sections.{t.name}" for t in template.sections
             if _same_as_english(overlay.sections[t.name], t.source, keep)]
    same += [key for key in ("title", "when")
             if _same_as_english(getattr(overlay, key), getattr(template, key), keep)]
    assert same == [], f"{path}: the same as English: {', '.join(same)}"
    if overlay.source_hash != source_hash(template):
        _until_complete(site, code, f"{path}: outdated: English changed since it was made "
                                    "(translate the change, then make-it-right languages --stamp)")


@pytest.mark.parametrize(("site", "code", "page"), PAGE_CASES)
def test_each_page_has_a_counterpart_with_the_english_anchors(site: Site, code: str, page: str):
    ours = site.project / "docs" / page
    theirs = site.project / "i18n" / code / "docs" / page
    if not theirs.is_file():
        _until_complete(site, code, f"{theirs}: no translation yet")
        return
    english_text, their_text = ours.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
    assert heading_anchors(their_text) == heading_anchors(english_text)
    assert _MACRO.findall(their_text) == _MACRO.findall(english_text), \
        "the same macro calls, in the same order, with the same arguments"


def _tree(value: object, prefix: str = "") -> dict[str, object]:
    if isinstance(value, dict) and not set(value) <= {"zero", "one", "two", "few", "many", "other"}:
        out: dict[str, object] = {}
        for key, item in value.items():
            out |= _tree(item, f"{prefix}.{key}" if prefix else str(key))
        return out
    return {prefix: value}


@pytest.mark.parametrize(("site", "code"), LANGUAGE_CASES)
def test_strings_have_the_english_keys_placeholders_and_plural_forms(site: Site, code: str):
    path = site.data / "strings" / f"{code}.yml"
    if not path.is_file():
        _until_complete(site, code, f"{path}: no strings yet")
        return
    ours, theirs = _tree(load_yaml(site.data / "strings" / "en.yml")), _tree(load_yaml(path))
    differ = sorted(set(ours) ^ set(theirs))
    if differ:
        _until_complete(site, code, f"{path}: keys not as English's: {', '.join(differ)}")
    for key, text in ours.items():
        if key not in theirs:
            continue
        forms = theirs[key] if isinstance(theirs[key], dict) else {"other": theirs[key]}
        if isinstance(theirs[key], dict):
            assert tuple(forms) == categories(code), f"{key}: plural forms must be {categories(code)}"
        for form in forms.values():
            assert isinstance(form, str) and form.strip(), f"{key} is empty"
            assert set(_PLACEHOLDER.findall(form)) == set(_PLACEHOLDER.findall(str(text))), key


@pytest.mark.parametrize(("site", "code"), LANGUAGE_CASES)
def test_the_language_builds_its_whole_pack(site: Site, code: str):
    """Every overlay loads and passes the language's rules in one pack, as the build
    loads them (one field name, one label, across the language's templates too)."""
    pack, problems = translate(english(site), site.language_rules(code),
                               overlay_root(site.project, code))
    assert list(pack.templates) == list(english(site).templates)
    if problems:
        _until_complete(site, code, "\n".join(str(p) for p in problems))


# -- the machinery, on the fixture --------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture language's project, with the base pack as its English."""
    shutil.copytree(FIXTURE, tmp_path / "p")
    shutil.copytree(BASE / "templates", tmp_path / "p" / "templates")
    return tmp_path / "p"


def _english(project: Path) -> Pack:
    return load_pack(project / "templates", load_rules(BASE / "rules.yml"))


def test_the_language_rules_join_the_rules():
    rules = load_rules(BASE / "rules.yml", "ru")
    assert rules.language.code == "ru" and rules.language.readability.measure == "lix"
    assert rules.channels["email"].registers["formal"].closing == "С уважением,"
    assert rules.limits.voicemail_words_per_minute == 120
    assert load_rules(BASE / "rules.yml").channels["email"].registers["formal"].closing == "Kind regards,"


def test_a_language_without_words_for_a_register_does_not_offer_it(tmp_path: Path):
    shutil.copy(BASE / "rules.yml", tmp_path / "rules.yml")
    (tmp_path / "languages").mkdir()
    shutil.copy(BASE / "languages" / "en.yml", tmp_path / "languages" / "en.yml")
    text = (BASE / "languages" / "ru.yml").read_text(encoding="utf-8")
    (tmp_path / "languages" / "ru.yml").write_text(text.replace("  formal:", "  formally:"),
                                                   encoding="utf-8")
    rules = load_rules(tmp_path / "rules.yml", "ru")
    assert rules.channels["email"].registers == {}
    assert "formal" in load_rules(tmp_path / "rules.yml").channels["email"].registers


@pytest.mark.parametrize(("edit", "message"), [
    (("  sign-off: Сэм\n", ""), "key 'sections' must be greeting, acknowledgement, apology, fix, "
                                "offer-to-talk, sign-off in this order"),
    (("Добрый день, {{ client_name }}!", "Добрый день!"), "section 'greeting' must use the blanks "
                                                          "client_name, as English does (it uses none)"),
    (("channel: email", "channel: sms"), "key 'channel' is 'sms'; it must be 'email', as in English"),
    (("    hint: Как вы обычно обращаетесь к клиенту.\n", ""), "key 'fields.client_name.hint' is missing"),
    (("id: late-files\n", "id: late-files\nplaybooks: [team-mistake]\n"), "key 'playbooks' is not known"),
    (("    example: Ирина\n", "    example: Ирина\n    fallback: коллеги\n"),
     "key 'fields.client_name.fallback': English has no one; remove it"),
])
def test_a_broken_overlay_is_one_line_naming_file_and_field(project: Path, edit, message: str):
    path = project / "i18n" / "ru" / "templates" / "email" / "late-files.yml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    rules = load_rules(BASE / "rules.yml", "ru")
    pack, problems = translate(_english(project), rules, overlay_root(project, "ru"))
    assert pack.templates["late-files"].title == "Apology for late files"  # English, meanwhile
    assert all(p.path == path for p in problems)
    assert any(message in p.message for p in problems), [p.message for p in problems]
    # Once the language is complete, the build refuses it, with the same lines.
    complete = rules.model_copy(update={"language": rules.language.model_copy(
        update={"status": "complete"})})
    with pytest.raises(PackError) as caught:
        translated_pack(_english(project), complete, overlay_root(project, "ru"))
    assert str(caught.value) == "\n".join(str(p) for p in problems)


def test_a_russian_text_message_counts_ucs2_segments(project: Path):
    """Cyrillic makes a text UCS-2: 70 characters a segment, not 160."""
    from make_it_right.measure import sms_segments
    from make_it_right.model import Template

    text = "Здравствуйте! Мы прислали файлы с опозданием, простите. Сегодня всё будет у вас."
    sms = Template.from_dict({"id": "t", "title": "t", "channel": "sms", "playbooks": ["team-mistake"],
                              "when": "t", "sections": {"message": text}})
    assert len(text) > 70 and sms_segments(sms) == 2


def test_an_overlay_without_an_english_template_is_named(project: Path):
    stray = project / "i18n" / "ru" / "templates" / "email" / "late-file.yml"
    stray.write_text("id: late-file\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"late-file\.yml: has no English template"):
        translated_pack(_english(project), load_rules(BASE / "rules.yml", "ru"),
                        overlay_root(project, "ru"))


def test_scaffold_writes_missing_overlays_from_english_and_stamp_records_the_hash(project: Path):
    pack = _english(project)
    (project / "i18n" / "ru" / "templates" / "voicemail" / "call-back.yml").unlink()
    written = scaffold_overlays(project, "ru", pack)
    assert [p.name for p in written] == ["call-back.yml"]
    overlay = read_overlay(written[0])
    assert overlay.sections["number"] == pack.templates["call-back"].text("number").source
    assert overlay.source_hash is None
    assert scaffold_overlays(project, "ru", pack) == []  # never over a translation
    report = coverage(project, "ru", pack, BASE)
    assert report.templates_unstamped == [str(written[0].relative_to(Path.cwd()))
                                          if written[0].is_relative_to(Path.cwd()) else str(written[0])]
    assert stamp_overlays(project, "ru", pack) == [written[0]]
    assert read_overlay(written[0]).source_hash == source_hash(pack.templates["call-back"])
    assert stamp_overlays(project, "ru", pack) == []


def test_changed_english_makes_an_overlay_outdated(project: Path):
    english_file = project / "templates" / "email" / "late-files.yml"
    english_file.write_text(english_file.read_text(encoding="utf-8").replace(
        "I'm sorry.", "I'm so sorry."), encoding="utf-8")
    report = coverage(project, "ru", _english(project), BASE)
    assert [Path(p).name for p in report.templates_outdated] == ["late-files.yml"]
    assert not report.complete


def test_coverage_counts_missing_pages_and_wrong_anchors(project: Path):
    (project / "i18n" / "ru" / "docs" / "late.md").unlink()
    home = project / "i18n" / "ru" / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace(" {#what-happened}", ""),
                    encoding="utf-8")
    report = coverage(project, "ru", _english(project), BASE)
    assert [Path(p).name for p in report.pages_missing] == ["late.md"]
    assert [Path(p).name for p in report.pages_anchors] == ["index.md"]


def test_heading_anchors_are_the_given_ones_or_the_slug():
    page = "# Home\n\n## What happened?\n\n```\n# not a heading\n```\n\n## Перед звонком {#before}\n"
    assert heading_anchors(page) == ["home", "what-happened", "before"]


def test_overlay_text_round_trips(project: Path):
    template = _english(project).templates["late-files"]
    path = project / "x.yml"
    path.write_text(overlay_text(template), encoding="utf-8")
    assert read_overlay(path).sections["apology"] == "I'm sorry."


@pytest.mark.parametrize(("language", "count", "expected"), [
    ("ru", 1, "Осталось 1 поле"), ("ru", 3, "Осталось 3 поля"), ("ru", 5, "Осталось 5 полей"),
    ("ru", 21, "Осталось 21 поле"), ("ru", 11, "Осталось 11 полей"),
])
def test_plural_forms_follow_cldr(language: str, count: int, expected: str):
    forms = load_yaml(BASE / "strings" / "ru.yml")["filler"]["left_many"]
    assert plural(forms, count, language) == expected
    assert categories("ru") == ("one", "few", "many", "other")
    assert categories("en") == ("one", "other")


def test_lix_is_words_per_sentence_plus_the_share_of_long_words():
    assert lix("Мы прислали файлы поздно. Простите нас.") == pytest.approx(3 + 100 * 2 / 6)


def test_the_guide_in_another_language_keeps_englishs_structure(tmp_path: Path):
    from make_it_right.guide import GUIDE_FILE, load_guide, load_guide_in

    shutil.copy(GUIDE_FILE, tmp_path / "en.yml")
    data = load_yaml(GUIDE_FILE)
    for question in data["questions"]:
        question["ask"] = f"Вопрос {question['id']}?"
    import yaml
    (tmp_path / "ru.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    guide = load_guide_in("ru", tmp_path / "en.yml")
    assert guide.questions[0].ask == "Вопрос who?"
    assert guide.templates == load_guide(GUIDE_FILE).templates
    data["questions"][0]["answers"].pop("team")
    (tmp_path / "ru.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"ru\.yml: question 'who' must have the answers team, me"):
        load_guide_in("ru", tmp_path / "en.yml")


def test_a_language_sets_its_own_text_message_limit_for_check_and_browser():
    """languages/ru.yml `sms` replaces the channel's one segment, in check and in draft.js's data."""
    from make_it_right.draft import draft_data
    from make_it_right.strings import load_strings

    def segments(rules: Rules) -> list[int]:
        return [limit.max for limit in rules.channels["sms"].limits if limit.measure == "sms-segments"]

    english, russian = load_rules(DATA_DIR / "rules.yml"), load_rules(DATA_DIR / "rules.yml", "ru")
    assert segments(english) == [1]
    assert segments(russian) == [load_language("ru").sms.max_segments] == [3]
    assert load_language("en").sms is None
    browser = draft_data(russian, load_strings("ru"))["channels"]["sms"]["limits"]
    assert [limit["max"] for limit in browser if limit["measure"] == "sms-segments"] == [3]
    assert all(limit.max == 1 for limit in english.channels["sms"].limits
               if limit.measure == "sms-segments")


def test_a_translation_is_made_again_only_when_an_overlay_changes(project: Path):
    """`check` translates a language to load it and again for its coverage: the second
    time is the first's result, until an overlay's bytes change."""
    rules = load_rules(BASE / "rules.yml", "ru")
    root = overlay_root(project, "ru")
    first, problems = translate(_english(project), rules, root)
    assert translate(_english(project), rules, root) == (first, problems)
    assert translate(_english(project), rules, root)[0] is first
    path = root / "email" / "late-files.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("channel: email", "channel: sms"),
                    encoding="utf-8")
    again, problems = translate(_english(project), rules, root)
    assert again is not first and again.templates["late-files"].title == "Apology for late files"
    assert any("key 'channel' is 'sms'" in p.message for p in problems)
