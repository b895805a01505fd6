"""Read template files into a checked Pack, or fail with every problem at once."""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from .check import check_consistency, check_template
from .datafile import close_match, parse_yaml, read_text, schema_message, schema_rule
from .errors import Breach, DataError, PackError, Problem, UnknownTemplate, display_path
from .model import Template, TemplateFile
from .rules import Rules, load_rules

TEMPLATE_SUFFIX = ".yml"
MAX_TEMPLATE_BYTES = 64 * 1024
MAX_TEMPLATES = 2000
# Packs this process loaded, by folder and the bytes of every file in it: one command
# (`check`, a site build) loads the same pack several times, and a pack is immutable.
_LOADED: OrderedDict[tuple, tuple[Rules, Pack]] = OrderedDict()
_LOADED_MAX = 8
_VERDICTS: OrderedDict[tuple[str, str, bytes], tuple[Rules, tuple[Breach, ...]]] = OrderedDict()


@dataclass(frozen=True)
class Pack:
    """Every template of a pack by id, all of them valid."""

    templates: MappingProxyType[str, Template]
    rules: Rules
    root: Path

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except (KeyError, TypeError):
            raise UnknownTemplate(unknown_message(template_id, list(self.templates))) from None

    def select(self, playbook: str | None = None, channel: str | None = None) -> list[Template]:
        """Templates in channel order, then by title; filtered when asked."""
        for value, known, what in ((playbook, self.rules.playbooks, "playbook"),
                                   (channel, self.rules.channels, "channel")):
            if value is not None and value not in known:
                raise UnknownTemplate(f"unknown {what} '{value}'; {close_match(str(value), list(known))}")
        order = list(self.rules.channels)
        chosen = [
            t for t in self.templates.values()
            if (playbook is None or playbook in t.playbooks)
            and (channel is None or t.channel == channel)
        ]
        return sorted(chosen, key=lambda t: (order.index(t.channel), t.title.lower()))


def template_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """templates/<channel>/<id>.yml in a stable order, and anything else found there.

    Anything that is not a folder of .yml files is a problem, not a skip: a file
    the loader passed over silently would be a template nobody checked.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for folder in _entries(root, problems):
        if not _is_dir(folder):
            problems.append(Problem(folder, "is not a channel folder; templates live in "
                                            "templates/<channel>/<id>.yml", "template-place"))
            continue
        for path in _entries(folder, problems):
            if path.name.startswith("."):
                continue
            if path.suffix != TEMPLATE_SUFFIX:
                hint = (f"rename it to {path.stem}{TEMPLATE_SUFFIX}"
                        if path.suffix.lower() in (".yml", ".yaml") else "move it out of templates/")
                problems.append(Problem(path, f"is not a template file (.yml); {hint}",
                                        "template-place"))
            elif not _is_regular(path):
                problems.append(Problem(path, "is not a regular file; a template is a plain "
                                              ".yml file, not a folder, link or device", "file"))
            else:
                files.append(path)
    if len(files) > MAX_TEMPLATES:
        problems.append(Problem(root, f"holds {len(files)} templates; the limit is {MAX_TEMPLATES}",
                                "template-count"))
        files = files[:MAX_TEMPLATES]
    return files, problems


def load_pack(root: Path, rules: Rules | None = None) -> Pack:
    rules = rules or load_rules()
    if not _is_dir(root):
        raise PackError([Problem(root, "no template folder here; templates live in "
                                       "templates/<channel>/<id>.yml", "template-place")])
    files, problems = template_files(root)
    key = None if problems else files_fingerprint(root, files)
    if key is not None and key in _LOADED and _LOADED[key][0] is rules:
        _LOADED.move_to_end(key)
        return _LOADED[key][1]
    pack = _load_checked(root, rules, files, problems)
    if key is not None and files_fingerprint(root, files) == key:  # unchanged while it loaded
        _LOADED[key] = (rules, pack)
        while len(_LOADED) > _LOADED_MAX:
            _LOADED.popitem(last=False)
    return pack


def files_fingerprint(root: Path, files: list[Path]) -> tuple | None:
    """The folder as given and as resolved, and a digest of every file's name and bytes
    (contents, not times: a file rewritten within one clock tick keeps its mtime)."""
    digest = hashlib.blake2b()
    for path in files:
        try:
            with open(path, "rb") as file:
                data = file.read(MAX_TEMPLATE_BYTES + 1)
        except OSError:
            return None  # load_file names the problem
        digest.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return str(root), str(root.resolve()), digest.hexdigest()


def _load_checked(root: Path, rules: Rules, files: list[Path], problems: list[Problem]) -> Pack:
    loaded: list[Template] = []
    for path in files:
        template, breaches = load_file(path, rules)
        problems += [Problem.of(path, b) for b in breaches]
        if template is not None and not breaches:
            loaded.append(template)
    templates: dict[str, Template] = {}
    for template in loaded:
        twin = templates.get(template.id)
        if twin is not None:
            problems.append(Problem(template.source, (
                f"id '{template.id}' is already used by {display_path(twin.source)}; "
                "every template needs its own id"), "id-duplicate"))
        else:
            templates[template.id] = template
    problems += [Problem.of(t.source, b) for t, b in check_consistency(list(templates.values()))]
    if problems:
        raise PackError(problems)
    return Pack(MappingProxyType(templates), rules, root)


def load_file(path: Path, rules: Rules) -> tuple[Template | None, list[Breach]]:
    """The template in `path` and its problems (the template is None if unreadable)."""
    try:
        text = read_text(path, MAX_TEMPLATE_BYTES)
        data = parse_yaml(text, path)
    except DataError as error:
        return None, [Breach(error.problems[0].rule, error.message)]
    if not isinstance(data, dict):
        return None, [Breach("key-invalid", "must be a YAML mapping with keys id, title, "
                                            "channel, playbooks, when, fields and sections")]
    try:
        template = Template.from_file(TemplateFile.model_validate(data), path)
    except ValidationError as error:
        return None, [Breach(schema_rule(e), schema_message(e, TemplateFile))
                      for e in error.errors()]
    return template, _verdict(template, path, text, rules)


def _verdict(template: Template, path: Path, text: str, rules: Rules) -> list[Breach]:
    """check_template's breaches, once per text in its place (channel folder and file
    name, all it reads of the path) under these rules: a copy of the pack (a test's, a
    mini-site's, a project's own) is then read, not checked again."""
    key = (path.parent.name, path.name, hashlib.blake2b(text.encode("utf-8", "surrogateescape")).digest())
    known = _VERDICTS.get(key)
    if known is not None and known[0] is rules:
        _VERDICTS.move_to_end(key)
        return list(known[1])
    breaches = check_template(template, rules)
    _VERDICTS[key] = (rules, tuple(breaches))
    while len(_VERDICTS) > MAX_TEMPLATES:
        _VERDICTS.popitem(last=False)
    return breaches


def unknown_message(template_id: object, known: list[str]) -> str:
    close = difflib.get_close_matches(str(template_id), known, n=1)
    guess = f"; did you mean '{close[0]}'?" if close else ""
    return (f"unknown template id '{template_id}'{guess} "
            "(run `make-it-right list` to see them all)")


def _entries(folder: Path, problems: list[Problem]) -> list[Path]:
    try:
        return sorted(Path(entry.path) for entry in os.scandir(folder))
    except OSError as error:
        problems.append(Problem(folder, f"cannot be read ({error.strerror}); "
                                        "fix its permissions"))
        return []


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


__all__ = ["Pack", "files_fingerprint", "load_file", "load_pack", "template_files", "unknown_message"]
