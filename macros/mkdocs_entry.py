"""The thin mkdocs-macros entry point: load the pack once per build, offer macros to pages."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

from .card import card_id, render_card
from .checklists import checklist_body
from .phrases import avoid_table, sections_table
from .errors import PackError, UnknownTemplate
from .guide import load_guide, render_guide
from .loader import Pack, load_pack
from .panel import cards_on, with_panel
from .strings import load_strings


def define_env(env) -> None:
    try:
        pack = load_pack(Path(env.project_dir) / "templates")
    except PackError as error:
        raise PluginError(f"the template pack has problems:\n{error}") from None
    language = _language(env)
    env.mir_pack = pack  # for on_post_page_macros

    def this_page() -> str:
        return env.page.file.src_path

    @env.macro
    def template_card(template_id: str, level: int = 3) -> str:
        """Place a template's card: `{{ template_card("apology-team-mistake") }}`."""
        return render_card(_get(pack, template_id, this_page()), pack.rules, level, language)

    @env.macro
    def template_index(playbook: str | None = None, channel: str | None = None,
                       group: str = "playbook", level: int = 2) -> str:
        """A table of templates, each linked to its card: filter by playbook or channel.

        With no filter, one headed table per playbook (or per channel, with
        group="channel"), under headings of the given level.
        """
        try:
            if playbook or channel:
                return index_table(pack, pack.select(playbook, channel), this_page(), language)
            s = load_strings(language)
            groups = {"playbook": (pack.rules.playbooks, s["playbooks"], "playbook"),
                      "channel": (pack.rules.channels, s["channels"], "channel")}
            keys, titles, argument = groups[group]
            return "\n".join(
                f"{'#' * level} {titles[key]}\n\n"
                + index_table(pack, pack.select(**{argument: key}), this_page(), language)
                for key in keys
            )
        except UnknownTemplate as error:
            raise UnknownTemplate(f"{this_page()}: {error}") from None

    @env.macro
    def checklist(playbook: str) -> str:
        """The playbook's pre-call checklist, from its page in docs/checklists/."""
        return checklist_body(Path(env.conf["docs_dir"]), playbook, this_page(), language)

    @env.macro
    def decision_guide() -> str:
        """Every path through "Which playbook fits?", from data/decision-guide.yml."""
        return render_guide(load_guide(pack=pack), pack, this_page(), load_strings(language))

    @env.macro
    def contributing_guide() -> str:
        """CONTRIBUTING.md, the one contributing guide, without its title."""
        text = (Path(env.project_dir) / "CONTRIBUTING.md").read_text(encoding="utf-8")
        return text.split("\n", 1)[1] if text.startswith("# ") else text

    @env.macro
    def required_sections() -> str:
        """Each channel's required sections, in order, from rules.yml."""
        return sections_table(pack.rules, load_strings(language))

    @env.macro
    def phrases_to_avoid() -> str:
        """The blocked phrases from rules.yml, with why and what to say instead."""
        return avoid_table(pack.rules, load_strings(language))


def on_post_page_macros(env) -> None:
    """Give a page with cards its one set of fields, just before the first card."""
    ids = cards_on(env.markdown)
    if ids:
        templates = [env.mir_pack.get(i) for i in ids]
        env.markdown = with_panel(env.markdown, templates, load_strings(_language(env)))


def _language(env) -> str:
    return env.conf["theme"]["language"] or "en"


def _get(pack: Pack, template_id: str, page: str):
    try:
        return pack.get(template_id)
    except UnknownTemplate as error:
        raise UnknownTemplate(f"{page}: {error}") from None


def index_table(pack: Pack, templates, page: str, language: str) -> str:
    """A Markdown table linking each template to its card on its first playbook's page.

    The links are ordinary Markdown links, so MkDocs' strict anchor check fails the
    build if a template's card is not on that page.
    """
    s = load_strings(language)
    if not templates:
        return f"*{s['index']['none']}*"
    here = posixpath.dirname(page)
    rows = [
        f"| {s['index']['template']} | {s['index']['channel']} | {s['index']['when']} |",
        "| --- | --- | --- |",
    ]
    for t in templates:
        home = pack.rules.playbooks[t.playbooks[0]].page
        link = f"{posixpath.relpath(home, here or '.')}#{card_id(t)}"
        when = " ".join(t.when.split()).replace("|", "\\|")
        rows.append(f"| [{t.title}]({link}) | {s['channels'][t.channel]} | {when} |")
    return "\n".join(rows) + "\n"
