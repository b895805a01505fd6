"""Read template files into a checked Pack, or fail with every problem at once."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import PackError, Problem, UnknownTemplate, display_path
from .model import Template, TemplateField
from .rules import Rules, load_rules
from .validate import check_consistency, check_template


@dataclass
class Pack:
    """Every template of a pack by id, all of them valid."""

    templates: dict[str, Template]
    rules: Rules

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            raise UnknownTemplate(_unknown_message(template_id, list(self.templates))) from None

    def select(self, playbook: str | None = None, channel: str | None = None) -> list[Template]:
        """Templates in channel order, then by title; filtered when asked."""
        for value, known, what in ((playbook, self.rules.playbooks, "playbook"),
                                   (channel, self.rules.channels, "channel")):
            if value is not None and value not in known:
                raise UnknownTemplate(f"unknown {what} '{value}'; use one of: {', '.join(known)}")
        order = list(self.rules.channels)
        chosen = [
            t for t in self.templates.values()
            if (playbook is None or playbook in t.playbooks)
            and (channel is None or t.channel == channel)
        ]
        return sorted(chosen, key=lambda t: (order.index(t.channel), t.title.lower()))


def template_files(root: Path) -> list[Path]:
    """templates/<channel>/<id>.yml, in a stable order."""
    return sorted(p for p in root.glob("*/*") if p.suffix in (".yml", ".yaml"))


def load_pack(root: Path, rules: Rules | None = None) -> Pack:
    rules = rules or load_rules()
    if not root.is_dir():
        raise PackError([Problem(root, "no template folder here; templates live in "
                                       "templates/<channel>/<id>.yml")])
    problems: list[Problem] = []
    loaded: list[Template] = []
    for path in template_files(root):
        template, messages = load_file(path, rules)
        problems += [Problem(path, m) for m in messages]
        if template is not None and not messages:
            loaded.append(template)
    templates: dict[str, Template] = {}
    for template in loaded:
        twin = templates.get(template.id)
        if twin is not None:
            problems.append(Problem(template.source, (
                f"id '{template.id}' is already used by {display_path(twin.source)}; "
                "every template needs its own id")))
        else:
            templates[template.id] = template
    problems += [Problem(t.source, m) for t, m in check_consistency(list(templates.values()))]
    if problems:
        raise PackError(problems)
    return Pack(templates, rules)


def load_file(path: Path, rules: Rules) -> tuple[Template | None, list[str]]:
    """The template in `path` and its problems (the template is None if unreadable)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except UnicodeDecodeError:
        return None, ["is not UTF-8 text; save it as UTF-8"]
    except DuplicateKey as error:
        return None, [str(error)]
    except yaml.YAMLError as error:
        return None, [_yaml_message(error)]
    if not isinstance(data, dict):
        return None, ["must be a YAML mapping with keys id, title, channel, playbooks, "
                      "when, fields and sections"]
    try:
        template = Template.model_validate(data)
    except ValidationError as error:
        return None, [_schema_message(e) for e in error.errors()]
    template._source = path
    return template, check_template(template, rules)


class DuplicateKey(ValueError):
    """The same key twice in one mapping: YAML would silently keep only the last."""


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader (libyaml's, for speed, where PyYAML has it) that refuses a key given twice."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise DuplicateKey(f"key '{key}' is given twice (lines {seen[key]} and {line}); "
                               "keep one")
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def _yaml_message(error: yaml.YAMLError) -> str:
    """PyYAML's error, with where it noticed and, if different, where the trouble began."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    message = f"is not valid YAML{_at(mark)}: {problem}"
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start and (not mark or start.line != mark.line):
        message += f" ({context}{_at(start)})"
    if "mapping values are not allowed" in problem:
        message += "; check this line's indentation, and quote text that contains ': '"
    return message


def _at(mark) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


_SCHEMA_HINTS = {
    "missing": "is missing; add it",
    "string_type": "must be text; put the value in quotes",
    "string_too_short": "is empty; write it",
    "too_short": "needs at least one entry",
    "list_type": "must be a list, like [team-mistake]",
    "dict_type": "must be a mapping of names to values",
}


def _schema_message(error: dict) -> str:
    """One pydantic error as a line a contributor can act on."""
    loc = [str(p) for p in error["loc"] if p != "[key]"]
    where = f"key '{'.'.join(loc)}'"
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = TemplateField.model_fields if loc[0] == "fields" else Template.model_fields
        close = difflib.get_close_matches(loc[-1], list(allowed), n=1)
        guess = f"did you mean '{close[0]}'?" if close else f"use: {', '.join(allowed)}"
        return f"{where} is not known; {guess}"
    if kind == "string_pattern_mismatch":
        style = ("snake_case, like client_name" if loc[0] == "fields" and len(loc) == 2
                 else "kebab-case: lowercase words joined by hyphens, like offer-to-talk")
        return f"{where}: '{error['input']}' is not {style}"
    if kind == "literal_error":
        return f"{where} must be one of: {error['ctx']['expected']}"
    return f"{where} {_SCHEMA_HINTS.get(kind, error['msg'])}"


def _unknown_message(template_id: str, known: list[str]) -> str:
    close = difflib.get_close_matches(template_id, known, n=1)
    guess = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown template id '{template_id}'{guess} (run `python -m macros list` to see them all)"
