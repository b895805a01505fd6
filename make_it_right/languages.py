"""The handbook's languages: which there are, how far each is translated, and the
chores of adding one (`make-it-right languages`).

English is canonical. Another language is data/languages/<code>.yml plus its
strings, decision guide and draft rules (data/<kind>/<code>.yml), a config
mkdocs.<code>.yml, its pages in i18n/<code>/docs and its template overlays in
i18n/<code>/templates (overlay.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .datafile import DATA_DIR, load_yaml
from .errors import ContentError, DataError, display_path
from .loader import Pack
from .overlay import (FIELD_WORDS, I18N_DIR, OverlayFile, overlay_path, overlay_root, read_overlay,
                      source_hash, stamped, translate)
from .page_source import split_front_matter
from .rules import CANONICAL, LANGUAGES_DIR, load_language, load_rules

# The per-language data files besides the rules' part, by folder in data/.
LANGUAGE_DATA = ("strings", "decision-guide", "draft-rules")
_MACRO = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ANCHOR = re.compile(r"\s*\{[: ]*#([^\s}]+)[^}]*\}\s*$")


def language_codes(folder: Path = LANGUAGES_DIR) -> list[str]:
    """English first, then every other language with a rules file, by code."""
    others = sorted(p.stem for p in folder.glob("*.yml") if p.stem != CANONICAL)
    return [CANONICAL, *others]


def config_file(project_dir: Path, language: str) -> Path:
    """The MkDocs config that builds a language: mkdocs.yml for English."""
    return project_dir / ("mkdocs.yml" if language == CANONICAL else f"mkdocs.{language}.yml")


def docs_dir(project_dir: Path, language: str) -> Path:
    return project_dir / ("docs" if language == CANONICAL else f"{I18N_DIR}/{language}/docs")


def heading_anchors(markdown: str) -> list[str]:
    """Each heading's anchor in order, as the toc extension makes it: the one it
    gives (`## Title {#anchor}`), or its slug. Fenced code is not headings."""
    from markdown.extensions.toc import slugify

    anchors, fenced = [], False
    for line in _MACRO.sub("", split_front_matter(markdown).body).splitlines():
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        heading = None if fenced else _HEADING.match(line)
        if heading:
            given = _ANCHOR.search(heading[2])
            anchors.append(given[1] if given else slugify(heading[2], "-"))
    return anchors


def _keys(value: object, prefix: str = "") -> dict[str, object]:
    """A data tree's leaves by dotted key; a plural mapping (one/few/many/other) is a leaf."""
    if isinstance(value, dict) and not _is_plural(value):
        found: dict[str, object] = {}
        for key, item in value.items():
            found |= _keys(item, f"{prefix}.{key}" if prefix else str(key))
        return found
    return {prefix: value}


def _is_plural(value: dict) -> bool:
    from .plurals import CATEGORIES
    return bool(value) and set(value) <= set(CATEGORIES)


@dataclass
class Coverage:
    """How far one language is translated, part by part."""

    language: str
    name: str
    status: str
    templates: int = 0
    templates_missing: list[str] = field(default_factory=list)
    templates_outdated: list[str] = field(default_factory=list)
    templates_unstamped: list[str] = field(default_factory=list)
    template_problems: list[str] = field(default_factory=list)
    pages: int = 0
    pages_missing: list[str] = field(default_factory=list)
    pages_anchors: list[str] = field(default_factory=list)
    strings_missing: list[str] = field(default_factory=list)
    strings_extra: list[str] = field(default_factory=list)
    strings_total: int = 0
    data_missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.templates_missing or self.template_problems or self.pages_missing
                    or self.pages_anchors or self.strings_missing or self.strings_extra
                    or self.data_missing or self.templates_outdated or self.templates_unstamped)

    def lines(self) -> list[str]:
        done = self.templates - len(self.templates_missing)
        pages = self.pages - len(self.pages_missing)
        strings = self.strings_total - len(self.strings_missing)
        out = [f"{self.language} ({self.name}, {self.status}): templates {done}/{self.templates}"
               f" ({len(self.templates_outdated)} outdated, {len(self.templates_unstamped)} "
               f"unstamped), pages {pages}/{self.pages}, strings {strings}/{self.strings_total}"]
        for what, items in (("template missing", self.templates_missing),
                            ("template outdated (English changed)", self.templates_outdated),
                            ("template without source_hash", self.templates_unstamped),
                            ("template problem", self.template_problems),
                            ("page missing", self.pages_missing),
                            ("page anchors differ", self.pages_anchors),
                            ("string missing", self.strings_missing),
                            ("string not in English", self.strings_extra),
                            ("data file missing", self.data_missing)):
            out += [f"  {what}: {item}" for item in items]
        return out


def coverage(project_dir: Path, language: str, english: Pack,
             data_dir: Path = DATA_DIR) -> Coverage:
    lang = load_language(language, data_dir / "languages")
    report = Coverage(language, lang.name, lang.status)
    root = overlay_root(project_dir, language)
    report.templates = len(english.templates)
    for template in english.templates.values():
        path = overlay_path(root, template)
        where = display_path(path)
        if not path.is_file():
            report.templates_missing.append(where)
            continue
        try:
            overlay = read_overlay(path)
        except DataError as error:
            report.template_problems.append(str(error))
            continue
        if overlay.source_hash is None:
            report.templates_unstamped.append(where)
        elif overlay.source_hash != source_hash(template):
            report.templates_outdated.append(where)
    _, problems = translate(english, load_rules(data_dir / "rules.yml", language), root)
    report.template_problems = [str(p) for p in problems]
    english_docs, own_docs = docs_dir(project_dir, CANONICAL), docs_dir(project_dir, language)
    for page in sorted(english_docs.rglob("*.md")):
        name = page.relative_to(english_docs).as_posix()
        report.pages += 1
        theirs = own_docs / name
        if not theirs.is_file():
            report.pages_missing.append(display_path(theirs))
        elif heading_anchors(page.read_text(encoding="utf-8")) != heading_anchors(
                theirs.read_text(encoding="utf-8")):
            report.pages_anchors.append(display_path(theirs))
    for kind in LANGUAGE_DATA:
        if not (data_dir / kind / f"{language}.yml").is_file():
            report.data_missing.append(display_path(data_dir / kind / f"{language}.yml"))
    english_keys = _keys(load_yaml(data_dir / "strings" / f"{CANONICAL}.yml"))
    report.strings_total = len(english_keys)
    strings = data_dir / "strings" / f"{language}.yml"
    if strings.is_file():
        own = _keys(load_yaml(strings))
        report.strings_missing = [k for k in english_keys if k not in own]
        report.strings_extra = [k for k in own if k not in english_keys]
    else:
        report.strings_missing = list(english_keys)
    return report


def overlay_text(template) -> str:
    """A new overlay for a template: its English words, to translate in place."""
    fields = {}
    for name, f in template.fields.items():
        words = {k: getattr(f, k) for k in FIELD_WORDS if getattr(f, k) is not None}
        if words.get("leave_out") == "line":
            del words["leave_out"]
        fields[name] = words
    data = {"id": template.id, "channel": template.channel, "title": template.title,
            "when": template.when, "fields": fields}
    if template.subject is not None:
        data["subject"] = template.subject.source
    data["sections"] = {t.name: t.source for t in template.sections}
    if template.registers:
        data["registers"] = {k: v.model_dump(exclude_none=True) for k, v in template.registers.items()}
    OverlayFile.model_validate(data)  # what it writes, it reads
    return ("# Translate every value; keep the keys, the field names and the {{ blanks }}.\n"
            "# Then run `make-it-right languages --stamp <code>`.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def scaffold_overlays(project_dir: Path, language: str, english: Pack) -> list[Path]:
    """Write an overlay for every English template that has none; return them."""
    if language == CANONICAL:
        raise ContentError([])
    root = overlay_root(project_dir, language)
    written = []
    for template in english.templates.values():
        path = overlay_path(root, template)
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(overlay_text(template), encoding="utf-8")
        written.append(path)
    return written


def stamp_overlays(project_dir: Path, language: str, english: Pack,
                   only: list[str] | None = None) -> list[Path]:
    """Record in each overlay (or only these ids) the hash of the English words it
    now translates; return the files that changed."""
    root = overlay_root(project_dir, language)
    changed = []
    for template in english.templates.values():
        path = overlay_path(root, template)
        if (only and template.id not in only) or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        new = stamped(text, source_hash(template))
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


__all__ = ["LANGUAGE_DATA", "Coverage", "config_file", "coverage", "docs_dir", "heading_anchors",
           "language_codes", "overlay_text", "scaffold_overlays", "stamp_overlays"]
