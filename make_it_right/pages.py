"""Handbook pages as input: their front matter, and the macro calls they make.

A page arrives by pull request and mkdocs-macros renders it with Jinja, which can
reach Python. So before anything renders, every `{{ }}` and `{% %}` in a page must
be a call to one of the handbook's macros with literal arguments, and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from jinja2 import Environment, TemplateSyntaxError, nodes

_NEWLINE = re.compile(r"\r\n|\r|\n")  # as Jinja counts lines
# A heading keeps its anchor as `## Title {#anchor}` (attr_list): a translated page
# gives each heading the English one. So `{#` is not a comment here; a page has no
# use for Jinja comments.
_JINJA = Environment(comment_start_string="{#jinja-comment", comment_end_string="jinja-comment#}")


@dataclass(frozen=True)
class MacroCall:
    name: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    line: int = 0


class PageError(ValueError):
    """A page uses Jinja for something other than a plain macro call."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def macro_calls(source: str, macros: set[str] | frozenset[str]) -> list[MacroCall]:
    """Every macro call in a page, in order; PageError for anything else Jinja would run."""
    return [part for part in _parts(source, frozenset(macros)) if isinstance(part, MacroCall)]


def render_page(source: str, macros: Mapping[str, Callable[..., object]]) -> str:
    """The page with each macro call replaced by what the macro returns, as Jinja
    would write it. No Jinja code is compiled or run: the text is parsed and checked
    as macro_calls checks it, then joined, so what renders is exactly what was
    checked; anything else is a PageError."""
    out = []
    for part in _parts(source, frozenset(macros)):
        out.append(str(macros[part.name](*part.args, **part.kwargs))
                   if isinstance(part, MacroCall) else part)
    return "".join(out)


def _parts(source: str, macros: frozenset[str]) -> list[str | MacroCall]:
    """The page as text and macro calls, as Jinja parses it (its whitespace control
    and {% raw %} included)."""
    try:
        tree = _JINJA.parse(source)
    except TemplateSyntaxError as error:
        raise PageError(error.lineno, f"{(error.message or 'template syntax error').rstrip('.')}; "
                        "a macro is written {{ name(\"argument\") }}") from None
    parts: list[str | MacroCall] = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            raise PageError(node.lineno, f"a {{% {_tag(node)} %}} block is not allowed in a page; "
                            "pages may only call the handbook's macros, like "
                            "{{ template_card(\"id\") }}")
        for child in node.nodes:
            parts.append(child.data if isinstance(child, nodes.TemplateData)
                         else _call(child, macros))
    return parts


def dense_markup(body: str, limit: int) -> PageError | None:
    """A paragraph holding more than `limit` of '[' or '<': Python-Markdown's inline
    parser takes time that grows much faster than the text on them (10,000 '[' in one
    paragraph: 38 s; a 256 KB page of them: hours). One pass; None when fine."""
    line, start, brackets, angles = 1, 1, 0, 0
    for text in _NEWLINE.split(body):
        if not text.strip():
            brackets, angles, start = 0, 0, line + 1
        else:
            brackets += text.count("[")
            angles += text.count("<")
            if max(brackets, angles) > limit:
                what = "'['" if brackets > limit else "'<'"
                return PageError(start, f"the paragraph here holds more than {limit} {what}; "
                                        "Markdown slows down badly on them, so split it")
        line += 1
    return None


def card_steps(source: str, calls: list[MacroCall]) -> dict[str, str]:
    """The step (level-2 heading) each card placed on a page sits under, by template
    id; a card placed before the first step has none. One pass over the lines."""
    step_at: list[str | None] = []
    step = None
    for line in _NEWLINE.split(source):
        step = _step_title(line) or step
        step_at.append(step)
    return {str(call.args[0]): title for call in calls
            if call.name == "template_card" and call.args
            and (title := step_at[call.line - 1])}


def _step_title(line: str) -> str | None:
    """A level-2 ATX heading's words, as Python-Markdown and attr_list read them:
    without closing hashes or a trailing { attribute list }. String methods, not a
    regular expression: a page is untrusted, and a long line must cost linear time."""
    if not line.startswith("##") or line.startswith("###"):
        return None
    title = line[2:].rstrip("#").strip()
    brace = title.rfind("{")
    if title.endswith("}") and brace > 0 and title[brace - 1] == " " and "}" not in title[brace:-1]:
        title = title[:brace].strip()
    return title or None


def _call(node: nodes.Node, macros: set[str] | frozenset[str]) -> MacroCall:
    known = ", ".join(sorted(macros))
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        raise PageError(node.lineno, "only a macro call may go inside {{ }}, like "
                        f"{{{{ template_card(\"id\") }}}}; the macros are: {known}")
    name = node.node.name
    if name not in macros:
        raise PageError(node.lineno, f"'{name}' is not one of the handbook's macros ({known})")
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        raise PageError(node.lineno, f"{name}(): write each argument out; * and ** are not allowed")
    args = tuple(_literal(name, arg) for arg in node.args)
    kwargs = {kw.key: _literal(name, kw.value) for kw in node.kwargs}
    return MacroCall(name, args, kwargs, node.lineno)


def _literal(name: str, node: nodes.Node):
    if isinstance(node, nodes.Const) and isinstance(node.value, (str, int, bool, type(None))):
        return node.value
    raise PageError(node.lineno, f"{name}(): arguments must be plain text or numbers, "
                    "like \"team-mistake\" or 3")


_TAGS = {"Assign": "set", "AssignBlock": "set", "CallBlock": "call", "FilterBlock": "filter",
         "FromImport": "from", "ExprStmt": "do", "Scope": "with", "OverlayScope": "with"}


def _tag(node: nodes.Node) -> str:
    kind = type(node).__name__
    return _TAGS.get(kind, kind.lower())
