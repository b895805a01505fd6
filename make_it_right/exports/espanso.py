"""Espanso match file (YAML): each snippet a match whose form asks for its blanks.

The text goes in `replace`, with `{{form1.<field>}}` where a blank stands; the
form's layout lists one labelled `[[field]]` per blank, so a field used twice is
one prompt. Espanso reads `{{name}}` in `replace` as a variable: any literal `{{`
or `}}` is written through an echo variable, so template text stays inert.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from ..placeholders import Blank
from .snippet import Snippet, _flatten, unique_labels

FORM = "form1"
OPEN, CLOSE = "mir_open", "mir_close"  # echo variables for a literal {{ and }}
HEADER = ("# Make It Right templates for Espanso. Put this file in Espanso's match folder\n"
          "# (run espanso path to find it), then type a trigger such as ;mir-<template id>.\n")


# libyaml's emitter when PyYAML has it (its wheels do): the same file, at half the
# CPU of the pure-Python one (every site build and `check` write 84 of these).
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Multi-line text as a literal block, as a person would write the file."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text and not any(line != line.strip(" ") for line in text.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def write(snippets: Sequence[Snippet]) -> bytes:
    matches = [_match(s) for s in snippets]
    body = yaml.dump({"matches": matches}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1_000_000, default_flow_style=False)
    return (HEADER + body).encode("utf-8")


def _match(snippet: Snippet) -> dict:
    prompts = snippet.in_order()
    labels = unique_labels({f.name: f for f in prompts}, _label)
    replace, literal_braces = _replace(snippet)
    variables: list[dict] = []
    if prompts:
        layout = "\n".join(f"{labels[f.name]}: [[{f.name}]]" for f in prompts)
        fields = {}
        for f in prompts:
            field: dict = {}
            if f.multiline:
                field["multiline"] = True
            if f.default:
                field["default"] = f.default
            fields[f.name] = field
        variables.append({"name": FORM, "type": "form",
                          "params": {"layout": layout, "fields": fields}})
    if literal_braces:
        variables += [{"name": OPEN, "type": "echo", "params": {"echo": "{{"}},
                      {"name": CLOSE, "type": "echo", "params": {"echo": "}}"}}]
    match: dict = {"trigger": snippet.trigger, "label": snippet.name, "replace": replace}
    if variables:
        match["vars"] = variables
    return match


def _replace(snippet: Snippet) -> tuple[str, bool]:
    out, braces = [], False
    for part in _flatten(snippet.parts):
        if isinstance(part, Blank):
            out.append(f"{{{{{FORM}.{part.field}}}}}")
            continue
        if "{{" in part or "}}" in part:
            braces = True
            part = _escape_braces(part)
        out.append(part)
    return "".join(out), braces


_BRACES = re.compile(r"\{\{|\}\}")


def _escape_braces(text: str) -> str:
    """Each literal {{ or }}, left to right, as its echo variable."""
    return _BRACES.sub(lambda m: f"{{{{{OPEN if m[0] == '{{' else CLOSE}}}}}", text)


def _label(label: str) -> str:
    """A label in the form's layout: no [[ ]] that Espanso would read as a field."""
    return label.replace("[", "(").replace("]", ")")
