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
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..datafile import DATA_DIR, parse_yaml, read_text
from ..errors import DataError, Problem
from ..guide import GUIDE_FILE, guide_problems
from ..draft_rules import RULES_DIR, DraftRules, load_draft_rules
from ..languages import config_file, coverage, heading_anchors
from ..loader import Pack, load_pack
from ..overlay import overlay_path, overlay_root, read_overlay
from ..lists import list_problems
from ..page_source import split_front_matter
from ..pages import PageError, macro_calls
from ..patterns import normalize
from ..rules import CANONICAL, Language, Limits, Voice, load_rules
from ..voice import not_contrasts, then_openers

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
            + _nav_problems(config_file(handbook.project_dir, handbook.language), handbook.docs_dir)
            + draft_rule_problems(load_draft_rules(handbook.language),
                                  RULES_DIR / f"{handbook.language}.yml",
                                  handbook.docs_dir if _places(handbook, "draft_checker") else None)
            + (list_problems(handbook.project_dir, handbook.pack.rules, handbook.strings)
               if handbook.language == CANONICAL else language_problems(handbook)))


def language_problems(handbook: Handbook) -> list[Problem]:
    """A language marked complete keeps up with English, as the parity tests hold it:
    every overlay there, stamped and current, every page there with English's heading
    anchors, and English's string keys, no more (`make-it-right languages` lists the
    same while a language is in progress). An overlay's own problems fail its load."""
    if handbook.pack.rules.language.status != "complete":
        return []
    code = handbook.language
    english = load_pack(handbook.project_dir / "templates", load_rules())
    report = coverage(handbook.project_dir, code, english)
    stamp = f"make-it-right languages {code} --stamp"
    problems = [Problem(Path(where), f"no overlay yet, and {code} is marked complete; "
                                     f"`make-it-right languages {code} --scaffold` writes it to translate",
                        "language-overlay") for where in report.templates_missing]
    problems += [Problem(Path(where), f"outdated: English changed since it was translated; translate "
                                      f"the change, then `{stamp}`", "language-overlay")
                 for where in report.templates_outdated]
    problems += [Problem(Path(where), f"records no English it translates; `{stamp}`", "language-overlay")
                 for where in report.templates_unstamped]
    problems += [Problem(Path(where), f"is missing, and {code} is marked complete; translate the "
                                      "English page", "language-page") for where in report.pages_missing]
    problems += [Problem(Path(where), "has other heading anchors than English's; give each heading "
                                      "English's anchor ({#…})", "language-page")
                 for where in report.pages_anchors]
    problems += _untranslated(handbook, english)
    strings = DATA_DIR / "strings" / f"{code}.yml"
    problems += [Problem(strings, f"lacks English's key '{key}'; translate it", "language-strings")
                 for key in report.strings_missing]
    problems += [Problem(strings, f"has '{key}', which English does not; remove it", "language-strings")
                 for key in report.strings_extra]
    return problems


_LETTER = re.compile(r"[^\W\d_]")


def _untranslated(handbook: Handbook, english: Pack) -> list[Problem]:
    """An overlay's words still English's: a text with letters in it, the same as the
    English one, and not one the language keeps as is (a name, a brand)."""
    keep = set(handbook.pack.rules.language.keep_as_is)
    root = overlay_root(handbook.project_dir, handbook.language)

    def same(ours: str | None, theirs: str | None) -> bool:
        return (ours is not None and theirs is not None and ours.strip() == theirs.strip()
                and bool(_LETTER.search(ours)) and ours.strip() not in keep)

    problems = []
    for template in english.templates.values():
        path = overlay_path(root, template)
        try:
            overlay = read_overlay(path)
        except DataError:
            continue  # a missing or broken overlay is named on its own
        keys = [f"fields.{name}.{key}" for name, words in overlay.fields.items()
                if name in template.fields for key in ("label", "example", "hint")
                if same(getattr(words, key), getattr(template.fields[name], key))]
        keys += [f"sections.{t.name}" for t in template.sections
                 if same(overlay.sections.get(t.name), t.source)]
        keys += [key for key in ("title", "when") if same(getattr(overlay, key), getattr(template, key))]
        if keys:
            problems.append(Problem(path, f"still has English's words at {', '.join(keys)}; translate "
                                          "them, or list a name kept as is in the language's "
                                          "keep_as_is", "language-untranslated"))
    return problems


def draft_rule_problems(wording: DraftRules, path: Path, docs_dir: Path | None) -> list[Problem]:
    """"Check my draft"'s wording rules (path): each flags every one of its examples
    and none of its counter-examples, and each link names a page and a heading under
    docs_dir (None: a site without the checker, whose findings link nowhere)."""
    problems = [Problem(path, message, "draft-rule-example") for message in _example_misses(wording)]
    if docs_dir is None:
        return problems
    links = {f"links.{name}": link for name, link in wording.links.items()}
    links |= {f"rule '{rule.id}'": rule.link for rule in wording.rules if rule.link}
    for where, link in links.items():
        page, _, anchor = link.partition("#")
        target = docs_dir / page
        if not target.is_file():
            problems.append(Problem(path, f"{where} links to {link}, but there is no page {page}; "
                                          "link to a page the handbook has", "draft-rule-link"))
        elif anchor and anchor not in heading_anchors(read_text(target)):
            problems.append(Problem(path, f"{where} links to {link}, but {page} has no heading "
                                          f"#{anchor}; link to one of its headings", "draft-rule-link"))
    return problems


# The examples' verdicts by rules object: load_draft_rules hands out one frozen object
# per language, and the examples (hundreds of runs of the rules) are its own business,
# so they are read once per object, not on every check of a handbook around it.
_EXAMPLES_READ: dict[int, tuple[weakref.ref[DraftRules], tuple[str, ...]]] = {}


def _example_misses(wording: DraftRules) -> tuple[str, ...]:
    known = _EXAMPLES_READ.get(id(wording))
    if known is not None and known[0]() is wording:
        return known[1]
    messages = []
    for rule in wording.rules:
        missed = [text for text in rule.examples.match
                  if not wording.rule_spans(rule, normalize(text).text)]
        if missed:
            messages.append(f"rule '{rule.id}' does not flag its example {missed[0]!r}; "
                            "widen a pattern, or change the example")
        flagged = [text for text in rule.examples.no_match
                   if wording.rule_spans(rule, normalize(text).text)]
        if flagged:
            messages.append(f"rule '{rule.id}' flags its counter-example {flagged[0]!r}; "
                            "narrow a pattern or add an `unless`")
    key, verdict = id(wording), tuple(messages)
    _EXAMPLES_READ[key] = (weakref.ref(wording, lambda _: _EXAMPLES_READ.pop(key, None)), verdict)
    return verdict


def _places(handbook: Handbook, macro: str) -> bool:
    """Whether any page of the handbook calls the macro."""
    for path in sorted(handbook.docs_dir.rglob("*.md")):
        try:
            calls = macro_calls(read_text(path), frozenset(handbook.MACROS))
        except (DataError, PageError):
            continue  # the handbook's own page check names these
        if any(call.name == macro for call in calls):
            return True
    return False


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
    pages: list[str] = []
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
        pages.append(source)
    return problems + _voice_problems(handbook.docs_dir, pages, rules.voice)


def _voice_problems(docs_dir: Path, pages: list[str], voice: Voice) -> list[Problem]:
    """Habits that read as a tic once they pile up, counted across every playbook
    (rules.yml `voice`; a language without them leaves them out)."""
    problems = []
    for limit, count, what in ((voice.max_then_openers, then_openers, 'sentences open with "Then"'),
                               (voice.max_not_contrasts, not_contrasts, 'sentences use ", not X"')):
        found = sum(count(page) for page in pages)
        if limit is not None and found > limit:
            problems.append(Problem(docs_dir / "playbooks", (
                f"{found} {what} across the playbooks; the limit is {limit} (rules.yml voice); "
                "say some of them another way"), "voice-habits"))
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
