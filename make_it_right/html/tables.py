"""What pages list and tabulate: the template index, each channel's required sections,
and the phrases to avoid, all from the same data the checker enforces.

Links are docs-root paths (`/playbooks/x.md#tpl-id`): MkDocs resolves and
validates them (validation.links.absolute_links: relative_to_docs), so an index
link to a card that is not on its page fails the strict build.
"""

from __future__ import annotations

from collections.abc import Iterable

from .card import card_id
from ..draft_rules import DraftRule, load_draft_rules
from ..escape import plain
from ..loader import Pack
from ..model import Template
from ..rules import BlockedPhrase, Rules
from ..strings import Strings


def docs_link(page: str, anchor: str = "") -> str:
    return f"/{page}" + (f"#{anchor}" if anchor else "")


def card_link(pack: Pack, template: Template, playbook: str | None = None) -> str:
    """The card on `playbook`'s page if it is placed there, else on its first playbook's."""
    home = playbook if playbook in template.playbooks else template.playbooks[0]
    return docs_link(pack.rules.playbooks[home].page, card_id(template))


def index_table(pack: Pack, templates: Iterable[Template], strings: Strings) -> str:
    """A Markdown list linking each template to its card on its first playbook's page,
    its channel and when to use it on the line below.

    A list, not a table: on a phone a three-column table of long "when" text was wider
    than the screen, and the theme's script moves every table into a scroll box as the
    page starts, laying the page out again (most of the template index's blocking time,
    scripts/long_tasks.py).
    """
    s = strings.index
    templates = list(templates)
    if not templates:
        return f"*{plain(s.none)}*\n"
    # Two spaces end the title's line with a line break inside the item.
    return "".join(f"- [{plain(t.title)}]({card_link(pack, t)})  \n"
                   f"  {plain(strings.channels[t.channel])} · {plain(t.when)}\n" for t in templates)


def grouped_index(pack: Pack, group: str, level: int, strings: Strings) -> str:
    """One headed index list per playbook, or per channel.

    The tables stay out of the search index: each card carries its own title and
    "when", so a search lands on the card, not on a list of links to it.
    """
    keys = pack.rules.playbooks if group == "playbook" else pack.rules.channels
    titles = strings.playbooks if group == "playbook" else strings.channels
    return "\n".join(
        f"{'#' * level} {plain(titles[key])} {{ data-search-exclude }}\n\n"
        + index_table(pack, pack.select(**{group: key}), strings)
        for key in keys
    )


def written_rules(rules: Rules, language: str = "en") -> list[DraftRule]:
    """The rules that never go in writing, as rules.yml lists them, in the language's words."""
    wording = load_draft_rules(language)
    return [wording.rule(rule_id) for rule_id in rules.written_admissions.ids]


def why(phrase: BlockedPhrase | DraftRule) -> str:
    return phrase.why if isinstance(phrase, BlockedPhrase) else phrase.message


def avoid_table(rules: Rules, strings: Strings, which: str = "blocked",
                language: str = "en") -> str:
    """An HTML table: each blocked phrase (or, with which="written", each thing that
    never goes in writing until a manager agrees), why it hurts, and what to try instead.

    Search indexes the phrase and the line to try, not the header or the why.
    """
    if which not in ("blocked", "written"):
        raise ValueError(f"phrases_to_avoid(): which must be 'blocked' or 'written', got {which!r}")
    phrases = rules.blocked_phrases if which == "blocked" else written_rules(rules, language)
    s = strings.phrase_bank
    head = "".join(f"<th>{plain(text)}</th>" for text in (s.avoid, s.why, s.instead))
    rows = "".join(
        f"<tr><td>“{plain(p.phrase)}”</td><td data-search-exclude>{plain(why(p))}</td>"
        f"<td>{plain(p.instead)}</td></tr>"
        for p in phrases
    )
    return (f'<table class="mir-avoid">\n<thead data-search-exclude><tr>{head}</tr></thead>\n'
            f"<tbody>{rows}</tbody>\n</table>\n")


def sections_table(rules: Rules, strings: Strings) -> str:
    """A Markdown table: each channel, and the sections its templates need, in order."""
    s = strings.contributing
    rows = [f"| {plain(s.channel)} | {plain(s.sections)} | {plain(s.limits)} |",
            "| --- | --- | --- |"]
    for name, channel in rules.channels.items():
        if channel.free_sections:
            needs = plain(s.free.format(count=channel.min_sections))
        else:
            needs = ", ".join(f"`{section}`" for section in channel.sections)
        if channel.has_subject:
            needs = f"`subject`, {needs}"
        limits = "; ".join(plain(strings.counted(
            s.limit[limit.measure], bound := (limit.max if limit.max is not None else limit.min or 0),
            value=f"{bound:g}")) for limit in channel.limits) or "–"
        rows.append(f"| {plain(strings.channels[name])} (`templates/{name}/`) | {needs} | {limits} |")
    return "\n".join(rows) + "\n"
