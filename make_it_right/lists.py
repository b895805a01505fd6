"""Lists people read outside the data: the template request form, CONTRIBUTING and
the README name exactly the channels, playbooks, field kinds, languages and
per-language files the data holds (the form in the rules' order). `check` runs
these in the project, so adding a channel or a playbook to the data names every
list that has to say it too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from .datafile import parse_yaml, read_text
from .errors import DataError, Problem
from .languages import LANGUAGE_DATA, language_codes
from .model import FieldKind
from .rules import Rules
from .strings import Strings

FORM = Path(".github/ISSUE_TEMPLATE/request-a-template.yml")
NOT_SURE = "Not sure"


def _code_list(sentence: str) -> list[str]:
    """`a`, `b` and `c` in a sentence, as a list."""
    return re.findall(r"`([^`]+)`", sentence)


def _differs(path: Path, what: str, found: list[str], wanted: list[str], rule: str) -> list[Problem]:
    if found == wanted:
        return []
    missing = [x for x in wanted if x not in found]
    extra = [x for x in found if x not in wanted]
    how = "; ".join(part for part in (f"add {', '.join(missing)}" if missing else "",
                                      f"remove {', '.join(extra)}" if extra else "") if part)
    return [Problem(path, f"{what} differ from the data: {how or 'put them in the data’s order'} "
                          f"({', '.join(wanted)})", rule)]


def _form_problems(path: Path, text: str, rules: Rules, strings: Strings) -> list[Problem]:
    form = parse_yaml(text, path)
    options = {field.get("id"): (field.get("attributes") or {}).get("options")
               for field in (form or {}).get("body", []) if isinstance(field, dict)}
    wanted = {"channel": [*rules.channels, NOT_SURE],
              "playbook": [f"{p} ({strings.playbooks[p]})" for p in rules.playbooks] + [NOT_SURE]}
    problems = []
    for field_id, names in wanted.items():
        found = options.get(field_id)
        if not isinstance(found, list):
            problems.append(Problem(path, f"has no `{field_id}` dropdown with options; keep one, "
                                          "listing each one the data holds", "list-form"))
            continue
        problems += _differs(path, f"the `{field_id}` options", [str(x) for x in found], names,
                             "list-form")
    return problems


def _sentence(path: Path, text: str, pattern: str, label: str) -> tuple[list[str] | None, list[Problem]]:
    match = re.search(pattern, text, re.S)
    if not match:
        return None, [Problem(path, f"no longer has the sentence '{label}'; keep it, naming each "
                                    "one the data holds", "list-contributing")]
    return _code_list(match.group(1)), []


def _contributing_problems(path: Path, text: str, rules: Rules, strings: Strings) -> list[Problem]:
    problems = []
    for pattern, label, wanted, ordered in (
            (r"The channels are\s+(.*?)\.\s", "The channels are …", list(rules.channels), False),
            (r"A `kind` \((.*?)\)", "A `kind` (…)", list(get_args(FieldKind)), True),
            (r"The languages are\s+(.*?)\.\s", "The languages are …", language_codes(), True)):
        found, missing = _sentence(path, text, pattern, label)
        problems += missing
        if found is not None:
            if not ordered:
                found, wanted = sorted(found), sorted(wanted)
            problems += _differs(path, f"the names in '{label}'", found, wanted, "list-contributing")
    named = sorted(set(re.findall(r"make_it_right/data/([a-z-]+)/<code>\.yml", text)))
    problems += _differs(path, "the per-language files (make_it_right/data/…/<code>.yml) it names",
                         named, sorted(["languages", *LANGUAGE_DATA]), "list-contributing")
    return problems


def _readme_problems(path: Path, text: str, rules: Rules, strings: Strings) -> list[Problem]:
    usage = re.search(r"make-it-right check-draft .*?\[--channel ([a-z|-]+)\]", text)
    if not usage:
        return [Problem(path, "no longer shows `make-it-right check-draft … [--channel a|b]`; keep "
                              "the usage line, naming each channel a draft is checked for", "list-readme")]
    return _differs(path, "the check-draft usage's channels", sorted(usage.group(1).split("|")),
                    sorted(rules.draft_checks.channels), "list-readme")


def list_problems(project: Path, rules: Rules, strings: Strings) -> list[Problem]:
    """Every list outside the data that no longer names what the data holds (a
    project without one of these files keeps no such list)."""
    problems = []
    for name, problems_in in ((FORM, _form_problems), (Path("CONTRIBUTING.md"), _contributing_problems),
                              (Path("README.md"), _readme_problems)):
        path = project / name
        if not path.exists():
            continue
        try:
            problems += problems_in(path, read_text(path), rules, strings)
        except DataError as error:  # unreadable, or the form is not YAML
            problems += error.problems
    return problems
