"""A page as MkDocs reads it: the text it hands mkdocs-macros, its front matter and
its title.

The page check must read exactly what renders, so this follows MkDocs 1.6 step by
step (File.content_string, utils.meta.get_data, Page.title); the security battery
compares it with MkDocs itself on hostile pages. It imports nothing from MkDocs:
the engine builds without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .datafile import read_text
from .escape import hidden_character_problem, plain_line_problem

# mkdocs.utils.meta: YAML between --- lines, else MultiMarkdown "key: value" lines.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class PageSource:
    body: str  # what mkdocs-macros renders
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: int = 0  # lines before the body, so a body line maps to a file line


def read_page(path: Path) -> PageSource:
    """A page file as MkDocs reads it: UTF-8 without a byte-order mark, universal
    newlines, the front matter split off."""
    text = read_text(path).removeprefix("\ufeff")
    return split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))


def split_front_matter(doc: str) -> PageSource:
    """mkdocs.utils.meta.get_data, with the number of lines it took off."""
    if match := _YAML_BLOCK.match(doc):
        try:
            meta = yaml.load(match[1], Loader=_Loader)
        except Exception:
            return PageSource(doc)
        if not isinstance(meta, dict):
            return PageSource(doc)
        rest = doc[match.end():]
        body = rest.lstrip("\n")
        return PageSource(body, meta, doc.count("\n", 0, len(doc) - len(body)))
    lines = doc.split("\n")
    data: dict[str, Any] = {}
    key, taken = None, 0
    while taken < len(lines):
        line = lines[taken]
        taken += 1
        if line.strip() == "":
            break
        if m := _META_LINE.match(line):
            key = m["key"].lower().strip()
            value = m["value"].strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += f" {more['value'].strip()}"
        else:
            taken -= 1
            break
    body = "\n".join(lines[taken:])
    stripped = body.lstrip("\n")
    return PageSource(stripped, data, taken + len(body) - len(stripped))


def page_title(page: PageSource, name: str) -> object:
    """The title MkDocs gives a page outside the nav, before it renders: front matter,
    else the first line if it is a level-1 heading, else from the file name."""
    if "title" in page.meta:
        return page.meta["title"]
    for line in page.body.split("\n"):
        line = line.strip()
        if line:
            if line.startswith("# "):
                return line.lstrip("# ")
            break
    if name == "index.md":
        return "Home"
    stem = Path(name).stem.replace("-", " ").replace("_", " ")
    return stem.capitalize() if stem.lower() == stem else stem


_TEMPLATE_SYNTAX = ("{{", "{%", "{#")


def front_matter_problems(page: PageSource, name: str) -> list[str]:
    """Every front-matter text is visible text with no template syntax; the title (as
    MkDocs decodes it, wherever it comes from) and the description, which the theme
    writes into every page's head, are one plain line."""
    problems, named = [], set()
    if not page.meta and (match := _YAML_BLOCK.match(page.body)):
        # MkDocs would show it as text and title the page from its file name.
        try:
            yaml.load(match[1], Loader=_Loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            problems.append(f"the front matter is not valid YAML{where} "
                            f"({getattr(error, 'problem', None) or error}); put text that "
                            "holds ': ' in quotes")
    for key, text in _texts(page.meta):
        what = hidden_character_problem(text)
        if what is None and any(start in text for start in _TEMPLATE_SYNTAX):
            what = "template syntax ({{, {% or {#); pages call macros in their text only"
        if what and key not in named:
            named.add(key)
            problems.append(f"front matter '{key}' holds {what}")
    title = page_title(page, name)
    if not isinstance(title, str):
        problems.append("front matter 'title' must be text; put it in quotes")
    elif "title" not in page.meta and any(start in title for start in _TEMPLATE_SYNTAX):
        problems.append("the page's title (its first heading) holds template syntax "
                        "({{, {% or {#); write the title as words")
    for key in ("title", "description"):
        value = page.meta.get(key)
        if key not in named and isinstance(value, str) and (what := plain_line_problem(value)):
            problems.append(f"front matter '{key}' holds {what}; the theme writes it into "
                            "every page's head, so write one line of plain words")
    return problems


def _texts(data: Any, where: str = ""):
    """(dotted key, text) for every text in front matter, keys included."""
    stack: list[tuple[str, Any]] = [(where, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                inner = f"{where}.{key}" if where else str(key)
                yield inner, str(key)
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}.{i}", item) for i, item in enumerate(value))
        elif isinstance(value, str):
            yield where, value
