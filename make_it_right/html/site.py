"""The handbook's macros, independent of any site generator.

`Handbook.load` reads everything once (the pack, the strings, the decision guide
and every page's macro calls) and checks it all before a page renders: a page
that does more than call these macros with literal arguments, or calls one with
a bad argument, fails here with one line naming the page and line. A generator
adapter (macros/) only binds the current page and registers the functions.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .card import render_card
from .checklists import checklist_body
from ..datafile import close_match, read_text
from ..docs_files import docs_files, list_docs
from .draft_page import check_link, draft_files, render_draft_checker
from ..errors import ContentError, DataError, Problem, UnknownTemplate
from ..exports.downloads import PAGE as DOWNLOADS_PAGE, download_files, downloads_html
from ..guide import GUIDE_FILE, Guide, guide_problems, load_guide_in
from .guide import render_guide, render_plan
from ..layout import layout
from ..loader import Pack, load_pack
from ..overlay import overlay_root, translated_pack
from .page_html import HtmlProblem, check_html
from ..page_source import front_matter_problems, read_page
from ..pages import MacroCall, PageError, card_steps, dense_markup, macro_calls
from .panel import render_panel
from ..rules import CANONICAL, load_rules
from ..draft_rules import check_draft_rules_cover, load_draft_rules
from ..strings import Strings, check_strings_cover, load_strings
from .tables import avoid_table, grouped_index, index_table, sections_table
from ..history import last_changed
from .theme import head_hints, page_dates, page_styles, site_words, template_edit_links, theme_words

DRAFT_PAGE = "check-my-draft.md"
GROUPS = ("playbook", "channel")


@dataclass
class Handbook:
    project_dir: Path
    docs_dir: Path
    language: str
    pack: Pack
    strings: Strings
    guide: Guide
    cards_on_page: dict[str, list[str]] = field(default_factory=dict)
    steps_on_page: dict[str, dict[str, str]] = field(default_factory=dict)  # card id: its step
    guide_page: str | None = None  # the page that places the decision guide
    draft_page: str | None = None  # the page that places "Check my draft"
    _rendered: dict[tuple, str] = field(default_factory=dict, repr=False)
    _download_cache: dict[str, bytes] | None = field(default=None, repr=False)
    _history: dict[str, str] | None = field(default=None, repr=False)  # git: file -> date

    # The names pages may call; each is a method below.
    MACROS = ("template_card", "template_index", "checklist", "decision_guide",
              "contributing_guide", "required_sections", "phrases_to_avoid", "draft_checker",
              "playbook_plan", "snippet_downloads")

    @classmethod
    def load(cls, project_dir: Path, docs_dir: Path | None = None,
             language: str = CANONICAL) -> Handbook:
        """Everything the macros need, checked; ContentError with every problem otherwise."""
        project_dir = Path(project_dir)
        docs_dir = Path(docs_dir) if docs_dir else project_dir / "docs"
        rules = load_rules(language=language)
        strings = load_strings(language)
        check_strings_cover(strings, rules, language)
        check_draft_rules_cover(load_draft_rules(language), rules, language)
        pack = load_pack(project_dir / "templates", load_rules())
        if language != CANONICAL:
            pack = translated_pack(pack, rules, overlay_root(project_dir, language))
        # The guide's templates are checked when a page places it (a mini-site
        # with a pack of its own need not hold them).
        handbook = cls(project_dir, docs_dir, language, pack, strings, load_guide_in(language))
        handbook._check_pages()
        return handbook

    # -- the macros -------------------------------------------------------------------

    def template_card(self, page: str, template_id: str, level: int = 3) -> str:
        """Place a template's card: `{{ template_card("apology-team-mistake") }}`.

        The first card on a page brings the page's one set of fields, covering
        every card the page places.
        """
        template = self._template(template_id)
        _expect_level(level, low=2)
        rules = self.pack.rules
        card = render_card(layout(template, rules, self.strings), rules, self.strings, level,
                           self._check_link(page, template))
        cards = self.cards_on_page.get(page, [])
        if cards and cards[0] == template_id:
            # An unknown id further down is that card's own problem, on its own line.
            templates = [self.pack.templates[i] for i in cards if i in self.pack.templates]
            return f"{render_panel(templates, self.pack.rules, self.strings)}\n\n{card}"
        return card

    def template_index(self, page: str, playbook: str | None = None,
                       channel: str | None = None, group: str = "playbook", level: int = 2) -> str:
        """A table of templates, each linked to its card: filter by playbook or channel.

        With no filter, one headed table per playbook (or per channel, with
        group="channel"), under headings of the given level.
        """
        _expect_level(level, low=1)
        if group not in GROUPS:
            raise ValueError(f"group must be one of: {', '.join(GROUPS)}")
        if playbook or channel:
            return index_table(self.pack, self.pack.select(playbook, channel), self.strings)
        return grouped_index(self.pack, group, level, self.strings)

    def checklist(self, page: str, playbook: str) -> str:
        """The playbook's pre-call checklist, from its page (rules.yml names it)."""
        if playbook not in self.pack.rules.playbooks:
            raise ValueError(f"unknown playbook '{playbook}'; "
                             f"{close_match(str(playbook), list(self.pack.rules.playbooks))}")
        return checklist_body(self.docs_dir, self.pack.rules, playbook, self.strings)

    def decision_guide(self, page: str) -> str:
        """Every path through "Which playbook fits?", from data/decision-guide/<language>.yml."""
        problems = guide_problems(self.guide, self.pack)
        if problems:
            raise DataError(GUIDE_FILE, "; ".join(problems))
        return render_guide(self.guide, self.pack, self.strings)

    def playbook_plan(self, page: str) -> str:
        """On a playbook's page, its templates in order under the steps that place them,
        each marked once copied or sent for the active client, and a link to the
        decision guide: `{{ playbook_plan() }}`."""
        here = [p for p, entry in self.pack.rules.playbooks.items() if entry.page == page]
        if not here:
            pages = ", ".join(entry.page for entry in self.pack.rules.playbooks.values())
            raise ValueError(f"{page} is not a playbook's page (rules.yml `playbooks`); "
                             f"place the plan on one of: {pages}")
        return render_plan(self.guide, self.pack, here[0], self.strings, self.guide_page,
                           self.steps_on_page.get(page, {}))

    def theme_words(self, use_directory_urls: bool = True, edit_root: str = "",
                    theme_files: dict[str, list[str]] | None = None,
                    extra_css: list[str] | None = None) -> dict:
        """What the theme's own templates show (overrides/): the active client's
        line, the version, each page's last-updated date, the 404's words, what each
        page's <head> asks for first (`theme_files`: the theme's own stylesheets and
        scripts, as paths in the site) and, with `edit_root` (where the repository's
        files are edited), each card's template file."""
        files = {t.id: f"templates/{t.channel}/{t.id}.yml" for t in self.pack.templates.values()}
        if self._history is None:
            self._history = last_changed(self.project_dir, self.docs_dir.name, "templates")
        return {**theme_words(self.pack.rules, self.strings, use_directory_urls),
                **site_words(self.strings, self.guide_page, use_directory_urls),
                "updated": page_dates(self.strings, self._history, self.docs_dir.name,
                                      self.cards_on_page, files),
                "templates": template_edit_links(self.cards_on_page, files, edit_root)
                if edit_root else {},
                "hints": head_hints(theme_files or {}, extra_css or [], self.draft_page),
                "styles": page_styles(self.draft_page)}

    def contributing_guide(self, page: str) -> str:
        """CONTRIBUTING.md, the one contributing guide, without its title."""
        text = read_text(self.project_dir / "CONTRIBUTING.md")
        return text.split("\n", 1)[1] if text.startswith("# ") else text

    def required_sections(self, page: str) -> str:
        """Each channel's required sections, in order, from rules.yml."""
        return sections_table(self.pack.rules, self.strings)

    def phrases_to_avoid(self, page: str, which: str = "blocked") -> str:
        """The blocked phrases from rules.yml (or, with which="written", what never goes
        in writing until a manager agrees), with why and what to say instead."""
        return avoid_table(self.pack.rules, self.strings, which, self.language)

    def _check_link(self, page: str, template) -> str | None:
        """Where a card's "Check my edited version" goes: the draft page, set to the
        card's channel and the playbook it sits on (or its own first playbook)."""
        if template.channel not in self.pack.rules.draft_checks.channels:
            return None  # an internal note is not sent to the client
        if not (self.docs_dir / DRAFT_PAGE).is_file():
            return None  # a site without the page (a mini-site in the tests)
        here = [p for p, entry in self.pack.rules.playbooks.items() if entry.page == page]
        playbook = next(iter(here or template.playbooks), None)
        return check_link(DRAFT_PAGE, template.channel, playbook)

    def draft_checker(self, page: str) -> str:
        """"Check my draft": the form, naming the files of rules it checks by."""
        self.draft_page = page
        return render_draft_checker(page, self.pack.rules, self.strings)

    def draft_files(self) -> dict[str, bytes]:
        """The rules and patterns "Check my draft" fetches, by path inside the built
        site, once a page has placed the form (none otherwise)."""
        return draft_files(self.pack.rules, self.strings) if self.draft_page else {}

    def snippet_downloads(self, page: str) -> str:
        """The pack for text expanders and snippet tools, one file per tool (and per
        playbook), with how to add it: `{{ snippet_downloads() }}` on the page
        use-in-your-tools/index.md, where the build writes the files."""
        if page != DOWNLOADS_PAGE:
            raise ValueError(f"the downloads are written beside {DOWNLOADS_PAGE}; place them there")
        return downloads_html(self.pack, self.strings, self._downloads())

    def download_files(self) -> dict[str, bytes]:
        """The files snippet_downloads() links to, by path inside the built site."""
        folder = DOWNLOADS_PAGE.rsplit("/", 1)[0]
        return {f"{folder}/{name}": data for name, data in self._downloads().items()}

    def _downloads(self) -> dict[str, bytes]:
        """Every export, made once: the page weighs them, the build writes them."""
        if self._download_cache is None:
            self._download_cache = download_files(self.pack, self.strings)
        return self._download_cache

    # -- calling them ------------------------------------------------------------------

    def bound(self, current_page: Callable[[], str]) -> dict[str, Callable[..., str]]:
        """The macros as a generator registers them, each asking which page it is on."""
        def bind(name: str) -> Callable[..., str]:
            method = getattr(self, name)

            def macro(*args, **kwargs) -> str:
                page = current_page()
                # Checking the pages at load already ran this very call: reuse its output.
                done = self._rendered.get(_call_key(page, name, args, kwargs))
                return done if done is not None else method(page, *args, **kwargs)
            macro.__name__, macro.__doc__ = name, method.__doc__
            return macro
        return {name: bind(name) for name in self.MACROS}

    def call(self, page: str, call: MacroCall) -> str:
        method = getattr(self, call.name)
        try:
            inspect.signature(method).bind(page, *call.args, **call.kwargs)
        except TypeError as error:
            raise ValueError(str(error)) from None
        output = method(page, *call.args, **call.kwargs)
        self._rendered[_call_key(page, call.name, call.args, call.kwargs)] = output
        return output

    def _template(self, template_id: object):
        if not isinstance(template_id, str):
            raise ValueError("the template id must be text, like \"apology-team-mistake\"")
        return self.pack.get(template_id)

    def _check_pages(self) -> None:
        """Read every page as MkDocs will, check what mkdocs-macros will render (the
        body, the title) and run each macro call once, so a bad page fails the build
        before anything renders, with one line per problem."""
        limits = docs_files().limits
        listing = list_docs(self.docs_dir, limits.max_files)
        problems: list[Problem] = list(listing.problems)
        if len(listing.pages) > limits.max_pages:
            raise DataError(self.docs_dir, f"holds {len(listing.pages)} pages; "
                                           f"the limit is {limits.max_pages}")
        calls_on_page: dict[str, list[MacroCall]] = {}
        offsets: dict[str, int] = {}
        total = 0
        for path in listing.pages:
            name = path.relative_to(self.docs_dir).as_posix()
            try:
                page = read_page(path)
                total += len(page.body)
                offsets[name] = page.meta_lines
                problems += [Problem(path, p, "page-front-matter") for p in front_matter_problems(page, name)]
                dense = dense_markup(page.body, limits.max_marks_per_paragraph)
                if dense:
                    raise dense
                check_html(page.body, docs_files().html)
                calls_on_page[name] = macro_calls(page.body, frozenset(self.MACROS))
                self.steps_on_page[name] = card_steps(page.body, calls_on_page[name])
            except (PageError, HtmlProblem) as error:
                problems.append(Problem(path, f"line {error.line + page.meta_lines}: {error}",
                                        "page-syntax"))
            except DataError as error:
                problems.extend(error.problems)
        if total > limits.max_docs_kb * 1024:
            problems.append(Problem(self.docs_dir, f"holds {total // 1024} KB of pages; the "
                                                   f"limit is {limits.max_docs_kb} KB", "docs-size"))
        for name, calls in calls_on_page.items():
            cards = [c.args[0] if c.args else c.kwargs.get("template_id")
                     for c in calls if c.name == "template_card"]
            self.cards_on_page[name] = [c for c in cards if isinstance(c, str)]
            if len(cards) > limits.max_cards_per_page:
                problems.append(Problem(self.docs_dir / name, (
                    f"places {len(cards)} cards; the limit is {limits.max_cards_per_page} "
                    "a page; split the page"), "cards-limit"))
            if self.guide_page is None and any(c.name == "decision_guide" for c in calls):
                self.guide_page = name
        placed = sum(len(c) for c in self.cards_on_page.values())
        if placed > limits.max_cards:
            problems.append(Problem(self.docs_dir, f"places {placed} cards in all; the limit "
                                                   f"is {limits.max_cards}", "cards-limit"))
        if any("; the limit is" in p.message for p in problems):
            raise ContentError(problems)  # before the macros run: they are what costs
        output = 0
        for name, calls in calls_on_page.items():
            path = self.docs_dir / name
            seen: dict[str, int] = {}
            for call in calls:
                line = call.line + offsets[name]
                try:
                    output += len(self.call(name, call))
                except (ValueError, UnknownTemplate) as error:
                    problems.append(Problem(path, f"line {line}: {call.name}(): {error}", "page-macro"))
                except ContentError as error:
                    problems.extend(error.problems)
                if call.name == "template_card" and call.args:
                    first = seen.setdefault(str(call.args[0]), line)
                    if first != line:
                        problems.append(Problem(path, (
                            f"line {line}: template_card(): '{call.args[0]}' is already "
                            f"placed on line {first}; place each card once per page"), "page-card-twice"))
        if output > limits.max_output_kb * 1024:
            problems.append(Problem(self.docs_dir, (
                f"the macros write {output // 1024} KB in all; the limit is "
                f"{limits.max_output_kb} KB (fewer cards or pages)"), "build-output"))
        if problems:
            raise ContentError(problems)


def _call_key(page: str, name: str, args: tuple, kwargs: dict) -> tuple:
    """A macro call as a key: pages pass only literal (hashable) arguments."""
    return page, name, tuple(args), tuple(sorted(kwargs.items()))


def _expect_level(level: object, low: int) -> None:
    if not isinstance(level, int) or isinstance(level, bool) or not low <= level <= 6:
        raise ValueError(f"level must be a whole number from {low} to 6, got {level!r}")
