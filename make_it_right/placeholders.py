"""Parse template text into literal text and blanks, refusing anything but `{{ field }}`.

Jinja's own parser reads the text, so what counts as a placeholder is exactly what
Jinja would see; the walk below then allows only plain text and bare names. That
keeps the text logic-free, so the Python renderers and the browser fill-in agree.
"""

from __future__ import annotations

from collections.abc import Mapping
import re
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes

_JINJA = Environment(autoescape=False, keep_trailing_newline=True)


@dataclass(frozen=True)
class Blank:
    """A `{{ field }}` in a text."""

    field: str


@dataclass(frozen=True)
class Omit:
    """A phrase or line that holds a blank the reader may leave empty: it is left
    out whole when `field` is empty (see layout.group_omissions)."""

    field: str
    parts: tuple  # tuple[Part, ...]


Part = str | Blank | Omit


class TextError(ValueError):
    """Text that is not plain words and `{{ field }}` placeholders."""


# Text whose only markup is plain `{{ name }}`: split without building a Jinja
# tree. Anything else (tags, comments, whitespace control, constants, a stray
# `{{`, carriage returns that Jinja would rewrite) goes to Jinja's own parser.
_PLAIN_BLANK = re.compile(r"\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}")
_JINJA_CONSTANTS = {"true", "false", "none", "True", "False", "None"}


def _fast_parse(text: str) -> tuple[Part, ...] | None:
    if "{%" in text or "{#" in text or "\r" in text:
        return None
    parts: list[Part] = []
    end = 0
    for match in _PLAIN_BLANK.finditer(text):
        if match[1] in _JINJA_CONSTANTS:
            return None
        if match.start() > end:
            parts.append(text[end:match.start()])
        parts.append(Blank(match[1]))
        end = match.end()
    if end < len(text):
        parts.append(text[end:])
    if any(isinstance(p, str) and "{{" in p for p in parts):
        return None
    return tuple(parts)


def parse(text: str) -> tuple[Part, ...]:
    """Split `text` into literal strings and Blanks, or raise TextError saying why."""
    fast = _fast_parse(text)
    if fast is not None:
        return fast
    try:
        tree = _JINJA.parse(text)
    except TemplateSyntaxError as error:
        raise TextError(
            f"line {error.lineno} of its text: {(error.message or '').rstrip('.')}; a blank is written {{{{ field_name }}}}"
        ) from None
    parts: list[Part] = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            raise TextError(_describe_logic(node))
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                if "{{" in child.data or "{%" in child.data:  # from a {% raw %} block
                    raise TextError("'{{' and '{%' may only open a {{ field_name }} placeholder")
                parts.append(child.data)
            elif isinstance(child, nodes.Name):
                parts.append(Blank(child.name))
            else:
                raise TextError(_describe_expression(child))
    return tuple(parts)


def substitute(parts: tuple[Part, ...], values: Mapping[str, str]) -> str:
    """The text with each blank replaced by its field's value; a phrase held by an
    empty field is left out."""
    out = []
    for part in parts:
        if isinstance(part, Blank):
            out.append(values[part.field])
        elif isinstance(part, Omit):
            if values[part.field]:
                out.append(substitute(part.parts, values))
        else:
            out.append(part)
    return "".join(out)


def blanks_in(parts: tuple[Part, ...]) -> list[Blank]:
    """Every blank, in text order, including those inside a phrase that may be left out."""
    found: list[Blank] = []
    for part in parts:
        if isinstance(part, Blank):
            found.append(part)
        elif isinstance(part, Omit):
            found.extend(blanks_in(part.parts))
    return found


def fields_in(parts: tuple[Part, ...]) -> list[str]:
    """The field names used, in order of first use."""
    return list(dict.fromkeys(b.field for b in blanks_in(parts)))


# Jinja's node names for the tags a writer types.
_TAGS = {"Assign": "set", "AssignBlock": "set", "CallBlock": "call", "FilterBlock": "filter",
         "FromImport": "from", "ExprStmt": "do", "Scope": "with", "OverlayScope": "with"}


def _describe_logic(node: nodes.Node) -> str:
    name = type(node).__name__
    tag = _TAGS.get(name, name.lower())
    return (
        f"logic is not allowed in template text (found a {{% {tag} %}} block); "
        "use only {{ field_name }} placeholders"
    )


def _describe_expression(node: nodes.Node) -> str:
    kinds = {
        nodes.Filter: "a filter (|)",
        nodes.Getattr: "an attribute (.)",
        nodes.Getitem: "an index ([])",
        nodes.Call: "a function call",
        nodes.Const: "a constant",
        nodes.CondExpr: "a condition (if/else)",
    }
    kind = next((label for cls, label in kinds.items() if isinstance(node, cls)), "an expression")
    return (
        f"'{{{{ ... }}}}' contains {kind}; only a bare field name is allowed, "
        "like {{ client_name }}"
    )
