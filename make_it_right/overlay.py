"""Translations as overlays: i18n/<language>/templates/<channel>/<id>.yml gives one
English template's words in another language, and nothing else.

English is canonical. An overlay has the same id and channel, the same fields in
the same order, the same sections in the same order, each with the same blanks;
everything that is not words (playbooks, kinds, sign-off, second reader) comes
from English. `source_hash` records the English words it was made from, so a
changed English template shows its overlays as outdated.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from pathlib import Path
from typing import Annotated

from types import MappingProxyType
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .check import check_consistency, check_template
from .datafile import parse_yaml, read_text, schema_message, schema_rule
from .errors import Breach, DataError, PackError, Problem
from .loader import Pack, files_fingerprint, template_files
from .model import FieldName, Kebab, NonEmpty, RegisterWords, Template, TemplateFile, Text
from .placeholders import fields_in

if TYPE_CHECKING:
    from .rules import Rules

I18N_DIR = "i18n"
HASH_LENGTH = 12
MAX_OVERLAY_BYTES = 64 * 1024
# The words a translator gives for a field; the rest comes from English.
FIELD_WORDS = ("label", "example", "hint", "fallback", "longest", "leave_out")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldWords(_Strict):
    label: NonEmpty
    example: NonEmpty
    hint: NonEmpty
    fallback: Text | None = None
    leave_out: Annotated[str, StringConstraints(min_length=1)] | None = None
    longest: NonEmpty | None = None


class OverlayFile(_Strict):
    """What an overlay holds, as written (the spec's allowed keys)."""

    id: Kebab
    channel: Text
    title: NonEmpty
    when: NonEmpty
    fields: dict[FieldName, FieldWords] = {}
    subject: Text | None = None
    sections: Annotated[dict[Kebab, Text], Field(min_length=1)]
    registers: dict[Kebab, RegisterWords] = {}
    source_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] | None = None


def overlay_root(project_dir: Path, language: str) -> Path:
    return project_dir / I18N_DIR / language / "templates"


def overlay_path(root: Path, template: Template) -> Path:
    return root / template.channel / f"{template.id}.yml"


def english_words(template: Template) -> dict:
    """Every word of an English template a translation replaces, in a stable shape."""
    return {
        "title": template.title, "when": template.when,
        "fields": {name: {k: getattr(f, k) for k in FIELD_WORDS if getattr(f, k) is not None}
                   for name, f in template.fields.items()},
        "subject": template.subject.source if template.subject else None,
        "sections": {t.name: t.source for t in template.sections},
        "registers": {name: words.model_dump(exclude_none=True)
                      for name, words in template.registers.items()},
    }


def source_hash(template: Template) -> str:
    """The hash an overlay records: of the English words it was made from."""
    text = json.dumps(english_words(template), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_overlay(path: Path) -> OverlayFile:
    """An overlay file, validated; DataError naming the file and key otherwise."""
    data = parse_yaml(read_text(path, MAX_OVERLAY_BYTES), path)
    if not isinstance(data, dict):
        raise DataError(path, "must be a YAML mapping with keys id, channel, title, when, "
                              "fields and sections")
    try:
        return OverlayFile.model_validate(data)
    except ValidationError as error:
        raise DataError(path, "; ".join(schema_message(e, OverlayFile) for e in error.errors()),
                        schema_rule(error.errors()[0])) from None


def shape_breaches(english: Template, overlay: OverlayFile) -> list[Breach]:
    """Every way an overlay's shape differs from its English template."""
    problems: list[Breach] = []

    def breach(rule: str, message: str) -> None:
        problems.append(Breach(rule, message))

    for key in ("id", "channel"):
        if getattr(overlay, key) != getattr(english, key):
            breach("overlay-identity", f"key '{key}' is '{getattr(overlay, key)}'; it must be "
                                       f"'{getattr(english, key)}', as in English")
    ours, theirs = list(english.fields), list(overlay.fields)
    if ours != theirs:
        missing = [f for f in ours if f not in theirs]
        extra = [f for f in theirs if f not in ours]
        detail = (f"missing {', '.join(missing)}" if missing else "") + \
                 ("; " if missing and extra else "") + \
                 (f"not in English: {', '.join(extra)}" if extra else "")
        breach("overlay-fields", f"key 'fields' must name {', '.join(ours)} in this order, as "
                                 f"English does ({detail or 'the order differs'})")
    for name, words in overlay.fields.items():
        field = english.fields.get(name)
        if field is None:
            continue
        for key in ("fallback", "longest"):
            if (getattr(words, key) is None) != (getattr(field, key) is None):
                has = "has" if getattr(field, key) is not None else "has no"
                breach("overlay-fields", f"key 'fields.{name}.{key}': English {has} one; "
                                         f"{'give' if has == 'has' else 'remove'} it")
        phrase = field.leave_out not in (None, "line")
        if (words.leave_out is not None) != phrase:
            breach("overlay-fields", f"key 'fields.{name}.leave_out': " + (
                "translate English's phrase as it appears in your text" if phrase
                else "comes from English; remove it"))
    if (overlay.subject is None) != (english.subject is None):
        breach("overlay-subject", "key 'subject': " + (
            "English has one; translate it" if english.subject else "English has none; remove it"))
    names = english.section_names
    if list(overlay.sections) != names:
        breach("overlay-sections", f"key 'sections' must be {', '.join(names)} in this order, "
                                   f"as English has them (it has {', '.join(overlay.sections)})")
    texts = {t.name: t for t in english.texts}
    own = {**({"subject": overlay.subject} if overlay.subject is not None else {}),
           **overlay.sections}
    for name, source in own.items():
        if name not in texts or texts[name].error:
            continue
        translated = Template.from_dict({"id": "x", "title": "x", "channel": "x",
                                         "playbooks": ["x"], "when": "x",
                                         "sections": {"x": source}}).sections[0]
        if translated.error:
            continue  # the template's own check names it
        want, got = sorted(set(fields_in(texts[name].parts))), sorted(set(fields_in(translated.parts)))
        if want != got:
            breach("overlay-blanks", f"section '{name}' must use the blanks "
                                     f"{', '.join(want) or 'none'}, as English does "
                                     f"(it uses {', '.join(got) or 'none'})")
    unknown = [r for r in overlay.registers if r not in english.registers]
    if unknown:
        breach("overlay-registers", f"key 'registers.{unknown[0]}': English gives no words for "
                                    "this register; remove it")
    return problems


def merged(english: Template, overlay: OverlayFile, path: Path) -> Template:
    """The English template in the overlay's words (call after shape_breaches is empty)."""
    fields = {}
    for name, field in english.fields.items():
        words = overlay.fields[name].model_dump(exclude_none=True)
        if field.leave_out == "line":
            words["leave_out"] = "line"
        fields[name] = {**field.model_dump(exclude_none=True, exclude=set(FIELD_WORDS)), **words}
    data = TemplateFile.model_validate({
        "id": english.id, "title": overlay.title, "channel": english.channel,
        "playbooks": list(english.playbooks), "when": overlay.when, "fields": fields,
        "subject": overlay.subject, "sections": overlay.sections,
        "registers": {k: v.model_dump(exclude_none=True) for k, v in overlay.registers.items()},
        "second_reader": english.second_reader, "needs_sign_off": list(english.needs_sign_off)})
    return Template.from_file(data, path)


def stamped(text: str, hash_: str) -> str:
    """An overlay file's text with its source_hash line set (added at the end, or replaced)."""
    lines = [line for line in text.rstrip("\n").split("\n") if not line.startswith("source_hash:")]
    return "\n".join(lines) + f"\nsource_hash: \"{hash_}\"\n"



def overlay_breaches(template: Template, path: Path, rules: Rules) -> tuple[Template | None, list[Breach]]:
    """An overlay read onto its English template and checked against the language's
    rules: the translated template, or None and what is wrong."""
    try:
        overlay = read_overlay(path)
    except DataError as error:
        return None, [Breach(error.problems[0].rule, error.message)]
    breaches = shape_breaches(template, overlay)
    if breaches:
        return None, breaches
    ours = merged(template, overlay, path)
    breaches = check_template(ours, rules, language=rules.language.code)
    return (None if breaches else ours), breaches


def translated_pack(english: Pack, rules: Rules, root: Path) -> Pack:
    """The English pack in the rules' language (translate); a language marked
    complete must have every overlay sound, PackError otherwise."""
    pack, problems = translate(english, rules, root)
    if problems and rules.language.status == "complete":
        raise PackError(problems)
    return pack


def translate(english: Pack, rules: Rules, root: Path) -> tuple[Pack, list[Problem]]:
    """The English pack in another language: each template read through its overlay
    under root and checked against that language's rules, and every problem found.
    A template whose overlay is missing or has problems stays English, so a language
    in progress still builds; `make-it-right languages` and the parity tests list
    them. An overlay with no English template, or not a template file, is refused."""
    key = _overlays_key(english, rules, root)
    if key is not None and key in _TRANSLATED:
        old_english, old_rules, pack, problems = _TRANSLATED[key]
        if old_english is english and old_rules is rules:
            _TRANSLATED.move_to_end(key)
            return pack, list(problems)
    pack, found = _translate(english, rules, root)
    if key is not None and _overlays_key(english, rules, root) == key:  # unchanged meanwhile
        _TRANSLATED[key] = (english, rules, pack, tuple(found))
        while len(_TRANSLATED) > _TRANSLATED_MAX:
            _TRANSLATED.popitem(last=False)
    return pack, found


# Translations this process made, by the English pack and the rules (the very objects)
# and the bytes of every overlay file: `check` translates a language to load it and
# again to report its coverage, and nothing changes in between.
_TRANSLATED: OrderedDict[tuple, tuple[Pack, Rules, Pack, tuple[Problem, ...]]] = OrderedDict()
_TRANSLATED_MAX = 8


def _overlays_key(english: Pack, rules: Rules, root: Path) -> tuple | None:
    if not root.is_dir():
        return None
    files, problems = template_files(root)
    fingerprint = None if problems else files_fingerprint(root, files)
    return None if fingerprint is None else (id(english), id(rules), *fingerprint)


def _translate(english: Pack, rules: Rules, root: Path) -> tuple[Pack, list[Problem]]:
    problems: list[Problem] = []
    templates: dict[str, Template] = {}
    expected: set[Path] = set()
    translated: list[Template] = []
    for template in english.templates.values():
        path = overlay_path(root, template)
        expected.add(path)
        templates[template.id] = template
        if not path.is_file():
            continue
        ours, breaches = overlay_breaches(template, path, rules)
        if ours is not None:
            templates[template.id] = ours
            translated.append(ours)
        problems += [Problem.of(path, b) for b in breaches]
    if root.is_dir():
        files, found = template_files(root)
        misplaced = found + [Problem(f, "has no English template of that channel and id; name "
                                        "it as templates/<channel>/<id>.yml is named",
                                     "overlay-orphan") for f in files if f not in expected]
        if misplaced:
            raise PackError(misplaced)
    for template, breach in check_consistency(translated):
        problems.append(Problem.of(template.source, breach))
        templates[template.id] = english.templates[template.id]
    return Pack(MappingProxyType(templates), rules, english.root), problems

__all__ = ["FIELD_WORDS", "I18N_DIR", "OverlayFile", "english_words", "merged", "overlay_breaches",
           "overlay_path",
           "overlay_root", "read_overlay", "shape_breaches", "source_hash", "stamped", "translate", "translated_pack"]
