"""The handbook's own rules, beyond each template's contract: the decision guide
and the playbook pages agree on one order, every playbook page and checklist
has its shape and size, and every page has its front matter and a place in the
navigation.

`make-it-right check` runs these after loading the handbook, and the tests call
the same function, so a contributor sees the same one-line message either way.
Each problem names its file and carries a stable rule id.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..datafile import parse_yaml, read_text
from ..errors import DataError, Problem
from ..guide import GUIDE_FILE, guide_problems
from ..page_source import split_front_matter
from ..pages import PageError, macro_calls
from ..rules import Language, Limits

if TYPE_CHECKING:
    from .site import Handbook

ORDER, FOLLOW_UP = "order", "follow-up"

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_STEP = re.compile(r"^## \d+\. ")
_ITEM = re.compile(r"^- .+$", re.MULTILINE)


def check_handbook(handbook: Handbook) -> list[Problem]:
    """Every way the guide, the playbook pages and the checklists break the
    handbook's rules; empty when all is well."""
    guide = [Problem(GUIDE_FILE, message, "guide-data")
             for message in guide_problems(handbook.guide, handbook.pack)]
    if guide:
        return guide  # the rest reads the templates and playbooks the guide names
    return (_order_problems(handbook) + _path_problems(handbook) + _page_problems(handbook)
            + _front_matter_problems(handbook.docs_dir)
            + _nav_problems(handbook.project_dir / "mkdocs.yml", handbook.docs_dir))


def _order_problems(handbook: Handbook) -> list[Problem]:
    """Each playbook states its templates' order once, in the guide: every template
    whose `playbooks` name it, each once, with its follow-ups among them, and its
    page places its cards in that order."""
    problems = []

    def problem(rule: str, message: str) -> None:
        problems.append(Problem(GUIDE_FILE, message, rule))

    for playbook, entry in handbook.pack.rules.playbooks.items():
        lists = handbook.guide.templates.get(playbook, {})
        order = lists.get(ORDER)
        if not order:
            problem("guide-order", f"templates.{playbook} has no `{ORDER}:`; list the playbook's "
                                   "templates there, in the order its page places them")
            continue
        twice = sorted({t for t in order if order.count(t) > 1})
        if twice:
            problem("guide-order", f"templates.{playbook}.{ORDER} lists {_ids(twice)} more than "
                                   "once; list each template once")
        declared = [t.id for t in handbook.pack.select(playbook)]
        missing = [t for t in declared if t not in order]
        if missing:
            problem("guide-order", f"templates.{playbook}.{ORDER} lacks {_ids(missing)}, whose "
                                   f"playbooks name {playbook}; add each where its page places it")
        extra = [t for t in dict.fromkeys(order) if t not in declared]
        if extra:
            problem("guide-order", f"templates.{playbook}.{ORDER} lists {_ids(extra)}, whose "
                                   f"playbooks do not name {playbook}; remove it, or add "
                                   f"{playbook} to its playbooks")
        follow_up = lists.get(FOLLOW_UP)
        if not follow_up:
            problem("guide-follow-up", f"templates.{playbook} has no `{FOLLOW_UP}:`; name the "
                                       "templates that close the playbook")
        elif not set(follow_up) <= set(order):
            outside = [t for t in follow_up if t not in order]
            problem("guide-follow-up", f"templates.{playbook}.{FOLLOW_UP} names {_ids(outside)}, "
                                       f"not in its {ORDER}; follow-ups come from the order")
        page = handbook.docs_dir / entry.page
        on_page = handbook.cards_on_page.get(entry.page)
        if on_page is not None and on_page != list(order):
            problems.append(Problem(page, (
                f"places its cards in the order {', '.join(on_page) or '(none)'}, but "
                f"decision-guide/en.yml's `{ORDER}:` for {playbook} is {', '.join(order)}; "
                "make the page and the order agree"), "page-card-order"))
    return problems


def _path_problems(handbook: Handbook) -> list[Problem]:
    """Each list of templates the guide shows for an answer belongs to its playbook,
    keeps the playbook's order, and ends with one of its follow-ups."""
    problems = []
    pack = handbook.pack
    for playbook, lists in handbook.guide.templates.items():
        order, follow_up = lists.get(ORDER), lists.get(FOLLOW_UP)
        if not order or not follow_up:
            continue  # _order_problems names what is missing
        for answer, ids in lists.items():
            if answer in (ORDER, FOLLOW_UP):
                continue
            where = f"templates.{playbook}.{answer}"
            if not ids:
                problems.append(Problem(GUIDE_FILE, f"{where} lists no templates; list the ones "
                                                    "a reader with this answer needs", "guide-path"))
                continue
            others = [t for t in ids if playbook not in pack.templates[t].playbooks]
            if others:
                problems.append(Problem(GUIDE_FILE, (
                    f"{where} lists {_ids(others)}, whose playbooks do not name {playbook}; "
                    f"list {playbook}'s own templates"), "guide-path"))
            positions = [order.index(t) for t in ids if t in order]
            if len(positions) != len(ids) or positions != sorted(positions):
                problems.append(Problem(GUIDE_FILE, (
                    f"{where} is not in the playbook's `{ORDER}:`; list its templates as the "
                    f"order does: {', '.join(t for t in order if t in ids)}"), "guide-path"))
            if ids[-1] not in follow_up:
                problems.append(Problem(GUIDE_FILE, (
                    f"{where} ends with '{ids[-1]}', which is not one of its `{FOLLOW_UP}:` "
                    f"templates; end with one of: {', '.join(follow_up)}"), "guide-path"))
    return problems


def _page_problems(handbook: Handbook) -> list[Problem]:
    """Each playbook's page: one H1, its plan, numbered steps, its checklist last,
    short and plain; each checklist 5 to 12 one-line items."""
    problems = []
    rules = handbook.pack.rules
    limits = rules.limits
    for playbook, entry in rules.playbooks.items():
        path = handbook.docs_dir / entry.page
        try:
            source = read_text(path)
        except DataError as error:
            problems += error.problems
            continue
        body = split_front_matter(source.replace("\r\n", "\n")).body
        lines = _outside_code(body)
        headings = sum(1 for line in lines if line.startswith("# "))
        if headings != 1:
            problems.append(Problem(path, f"has {headings} level-1 headings (# …); a playbook "
                                          "has one, its title", "playbook-shape"))
        if not any(_STEP.match(line) for line in lines):
            problems.append(Problem(path, "has no numbered steps; write each step as "
                                          "'## 1. …', in the order the reader takes them",
                                    "playbook-shape"))
        try:
            calls = macro_calls(source, frozenset(handbook.MACROS))
        except PageError:
            calls = []  # the handbook's own page check names this one
        if not any(call.name == "playbook_plan" for call in calls):
            problems.append(Problem(path, "has no {{ playbook_plan() }}; place it after the "
                                          "opening paragraph", "playbook-shape"))
        closing = f'{{{{ checklist("{playbook}") }}}}'
        if not body.rstrip().endswith(closing):
            problems.append(Problem(path, f"does not end with {closing}; close the page with "
                                          "its checklist", "playbook-shape"))
        problems += _size_problems(path, source, limits, handbook.pack.rules.language)
        problems += _checklist_problems(handbook.docs_dir / entry.checklist, limits)
    return problems


def _size_problems(path: Path, source: str, limits: Limits, language: Language) -> list[Problem]:
    from ..readability import readability_problem, word_count  # pyphen: only the handbook needs it

    max_words = limits.playbook_max_words
    problems = []
    words = word_count(source)
    if words > max_words:
        problems.append(Problem(path, f"is {words} words; keep a playbook to {max_words} "
                                      "(rules.yml limits.playbook_max_words)", "playbook-words"))
    hard = readability_problem(source, language.readability, language.hyphenation)
    if hard:
        problems.append(Problem(path, f"{hard} (languages/{language.code}.yml readability)",
                                "playbook-reading-ease"))
    return problems


def _checklist_problems(path: Path, limits: Limits) -> list[Problem]:
    try:
        items = _ITEM.findall(read_text(path))
    except DataError as error:
        return error.problems
    low, high, chars = (limits.checklist_min_items, limits.checklist_max_items,
                        limits.checklist_item_max_chars)
    problems = []
    if not low <= len(items) <= high:
        problems.append(Problem(path, f"has {len(items)} items; a checklist has {low} to {high}, "
                                      "so it prints on one sheet", "checklist-items"))
    long = [item for item in items if len(item) - 2 > chars]
    if long:
        problems.append(Problem(path, (
            f"has {len(long)} item(s) over {chars} characters, the first: "
            f"{long[0][2:42]!r}…; keep each to one line"), "checklist-items"))
    return problems


def _front_matter_problems(docs_dir: Path) -> list[Problem]:
    """Every page names its title and a one-line description (search results and
    link previews show it)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            meta = _front_matter(read_text(path), path)
        except DataError as error:
            problems += error.problems
            continue
        missing = [key for key in ("title", "description") if not str(meta.get(key) or "").strip()]
        if missing:
            problems.append(Problem(path, f"has no {' or '.join(missing)} in its front matter; "
                                          "add it between the --- lines at the top",
                                    "page-front-matter"))
    return problems


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name: or !ENV; the nav needs none."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _nav_problems(config: Path, docs_dir: Path) -> list[Problem]:
    """Every page has a place in the site's navigation (mkdocs.yml `nav:`), so a
    reader can find it; a site without a `nav:` lists every page by itself."""
    try:
        nav = (yaml.load(read_text(config), Loader=_ConfigLoader) or {}).get("nav")
    except DataError as error:
        return error.problems
    except yaml.YAMLError as error:
        return [Problem(config, f"is not valid YAML: {error}", "yaml")]
    if not isinstance(nav, list):
        return []
    listed = set(_nav_pages(nav))
    return [Problem(path, "is not in the navigation; add it under nav: in mkdocs.yml, or "
                          "delete the page", "page-nav")
            for path in sorted(docs_dir.rglob("*.md"))
            if path.relative_to(docs_dir).as_posix() not in listed]


def _nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values()), None) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += _nav_pages(value)
        elif isinstance(value, str):
            pages.append(value)
    return pages


def _front_matter(source: str, path: Path) -> dict[str, Any]:
    match = _FRONT_MATTER.match(source)
    data = parse_yaml(match.group(1), path) if match else None
    return data if isinstance(data, dict) else {}


def _outside_code(markdown: str) -> list[str]:
    """The page's lines, less those inside fenced code blocks."""
    lines, fence = [], None
    for line in markdown.splitlines():
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else fence or marker
            continue
        if fence is None:
            lines.append(line)
    return lines


def _ids(ids: list[str]) -> str:
    return ", ".join(f"'{t}'" for t in ids)
