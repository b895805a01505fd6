"""The HTML "card" that shows a template on a handbook page.

Without JavaScript the card still reads as the full text, each blank a visible,
labelled marker. Every string from a data file goes through escape.plain().
"""

from __future__ import annotations

from collections.abc import Sequence

from ..escape import plain, verbatim
from ..exports import FORMATS
from ..exports.downloads import card_file_name, card_formats, site_path
from ..layout import BLOCK_SEPARATOR, Document, layout
from ..measure import MEASURES
from ..model import Template
from ..placeholders import Blank, Omit, Part
from ..register import FRIENDLY, registers_of
from ..rules import Rules
from ..strings import Strings


CARD_ANCHOR = "tpl-"  # how every card's anchor starts


def card_id(template: Template) -> str:
    """The anchor of a template's card, for links from anywhere in the site."""
    return f"{CARD_ANCHOR}{template.id}"


def render_card(document: Document, rules: Rules, strings: Strings, heading_level: int = 3,
                check_link: str | None = None) -> str:
    """Markdown heading (so it joins the page's table of contents) plus the card's HTML,
    then, given a docs-root link target, a "Check my edited version" link."""
    template = document.template
    s = strings.card
    heading = f"{'#' * heading_level} {plain(template.title)} {{ #{card_id(template)} }}"
    meta = [strings.channels[template.channel], size_label(template, rules, strings)]
    remind = " ".join(reminder_fields(template, rules))
    registers = registers_of(template, rules)
    variants = [layout(template, rules, strings, name) for name in registers]
    # The text is a <div>, not <pre><code>: the theme measures and adds a copy
    # button to every code block, and that button would skip the empty-blank check.
    # Only the title and "when" go into the search index (not the channel and
    # size line, the text, the blanks, the buttons or the check link).
    parts = [
        f'<div class="mir-card" data-template="{plain(template.id)}" '
        f'data-channel="{plain(template.channel)}" data-title="{plain(template.title)}"'
        + (f' data-remind="{remind}"' if remind else "")
        + (f' data-registers="{" ".join(registers)}"' if registers else "") + ">",
        f'<p class="mir-card__meta" data-search-exclude>{" · ".join(plain(m) for m in meta if m)}</p>',
        f'<p class="mir-card__when"><strong>{plain(s.when)}</strong> {plain(template.when)}</p>',
        (f'<p class="mir-card__sign-off" data-sign-off="{plain(" ".join(template.needs_sign_off))}">'
         f'<strong>{plain(s.sign_off_label)}</strong> {plain(s.sign_off)}</p>'
         if template.needs_sign_off else ""),
        (f'<p class="mir-card__review" data-search-exclude>{plain(s.second_reader)}</p>'
         if template.second_reader else ""),
        _blanks(document, strings, variants),
        f'<div class="mir-card__text" data-search-exclude>'
        f'{text_html(document, strings, variants)}</div>',
        card_actions(template, rules, strings),
        "</div>",
    ]
    check = (f"\n[{plain(strings.draft.card_link)}]({check_link}){{ .mir-card__check data-search-exclude }}\n"
             if check_link else "")
    return heading + "\n\n" + "\n".join(p for p in parts if p) + "\n" + check


def size_label(template: Template, rules: Rules, strings: Strings) -> str:
    measure = rules.channels[template.channel].size
    if measure is None:
        return ""
    value = round(MEASURES[measure].of(template, rules))
    return strings.counted(getattr(strings.card.size, measure.replace("-", "_")), value, value=value)


def reminder_fields(template: Template, rules: Rules) -> list[str]:
    """The fields that name when to follow up (rules.yml `reminders`) this template uses."""
    return [name for name in rules.reminders if name in template.fields]


def field_notes(template: Template, name: str, strings: Strings, register: str = FRIENDLY
                ) -> list[str]:
    """A blank's hint, example, and what happens if it is left empty."""
    s = strings.card
    field = template.fields[name]
    notes = [field.hint, s.example.format(example=field.example)]
    if field.fallback is not None:
        notes.append(s.fallback.format(fallback=field.fallback))
    elif field.leave_out == "line":
        notes.append(s.left_out_line)
    elif field.leave_out is not None:
        phrase = field.leave_out.replace("{{ " + name + " }}", s.blank.format(label=field.label))
        notes.append(s.left_out_phrase.format(phrase=" ".join(phrase.split())))
    only = strings.filler.registers[register].only if register != FRIENDLY else None
    if only:  # check_strings_cover makes sure every other register has it
        notes.append(only)
    return notes


def _sentence(note: str) -> str:
    """A note as a sentence: a full stop after one that has no end of its own
    ("For example: “Priya”. If you leave it empty: “there”.")."""
    return note if note[-1:] in ".!?”\")" else f"{note}."


def notes_html(notes: list[str]) -> str:
    """The notes as sentences, escaped, the example (the second note) in a span of its own,
    styled apart, so an example never reads like a value already filled in."""
    return " ".join(f'<span class="mir-example">{plain(_sentence(n))}</span>' if i == 1
                    else plain(_sentence(n)) for i, n in enumerate(notes) if n)


def _blanks(document: Document, strings: Strings, variants: list[Document]) -> str:
    """The blanks and their notes, then any blank only another register's words use."""
    template = document.template
    owners = dict.fromkeys(template.fields, document)
    for variant in variants:
        for name in variant.template.fields:
            owners.setdefault(name, variant)
    if not owners:
        return ""
    rows = [f'<dt data-field="{name}">{plain(owner.template.fields[name].label)}</dt><dd>'
            + notes_html(field_notes(owner.template, name, strings, owner.register))
            + '</dd>' for name, owner in owners.items()]
    return (f'<details class="mir-card__blanks" data-search-exclude>'
            f'<summary>{plain(strings.card.blanks)}</summary>'
            f'<dl>{"".join(rows)}</dl></details>')


def text_html(document: Document, strings: Strings, variants: Sequence[Document] = ()) -> str:
    """The text exactly as render.fill lays it out, each blank a marker.

    The browser fills the markers in and reads the subject and body back from
    their spans, so what it copies and sends matches the command line's output.
    Where another register's words differ, both are here, and only the one the
    reader picked is shown (the others are `hidden`, and never read back).
    """
    template = document.template
    blocks = []
    for number, block in enumerate(document.blocks):
        text = _parts_html(template, block.parts, strings)
        others = [v for v in variants if v.blocks[number].parts != block.parts]
        if others:
            text = "".join(
                f'<span class="mir-register" data-register="{d.register}"'
                f'{" hidden" if d is not document else ""}>'
                f'{_parts_html(d.template, d.blocks[number].parts, strings)}</span>'
                for d in (document, *others))
        if block.title:
            text = f'<strong class="mir-card__section">{plain(block.title)}</strong>\n{text}'
        blocks.append(text)
    body = f'<span class="mir-card__body">{BLOCK_SEPARATOR.join(blocks)}</span>'
    if document.subject is None:
        return body
    subject = (f'<span class="mir-card__subject-text">'
               f'{_parts_html(template, document.subject, strings)}</span>')
    before, _, after = document.subject_line.partition("{subject}")
    return (f'<span class="mir-card__subject">{verbatim(before)}{subject}{verbatim(after)}</span>'
            f"\n\n{body}")


def _parts_html(template: Template, parts: tuple[Part, ...], strings: Strings) -> str:
    out = []
    for part in parts:
        if isinstance(part, Blank):
            field = template.fields[part.field]
            marker = plain(strings.card.blank.format(label=field.label))
            state = (" data-required" if field.required
                     else "" if field.fallback is None else f' data-fallback="{plain(field.fallback)}"')
            out.append(f'<span class="mir-blank" data-field="{part.field}"{state}>{marker}</span>')
        elif isinstance(part, Omit):
            out.append(f'<span class="mir-omit" data-omit="{part.field}">'
                       f'{_parts_html(template, part.parts, strings)}</span>')
        else:
            out.append(verbatim(part))
    return "".join(out)


def card_actions(template: Template, rules: Rules, strings: Strings) -> str:
    """The buttons under a card, from its channel's `actions`: its primary action and
    "Fill this" in sight, every other one under "More" (a disclosure, web/page/more.js),
    with the template's own snippet for a text expander."""
    s = strings.filler
    actions = list(rules.channels[template.channel].actions)
    if reminder_fields(template, rules):
        actions += [name for name, action in rules.actions.items() if action.reminder]
    primary = rules.channels[template.channel].primary
    shown = [name for name in actions if name in (primary, "fill")]  # in the channel's order
    more = [_action(name, rules, strings, "md-button") for name in actions if name not in shown]
    more_id = f"mir-more-{template.id}"
    menu = (f'<span class="mir-more">'
            f'<button type="button" class="md-button mir-more__toggle" aria-expanded="false" '
            f'aria-controls="{more_id}" data-mir-more>{plain(s.more)}</button>'
            f'<span class="mir-more__items" id="{more_id}" hidden>{"".join(more)}'
            f'{_snippet_links(template, strings)}</span></span>')
    buttons = [_action(name, rules, strings, "md-button md-button--primary" if name == primary
                       else "md-button") for name in shown]
    return (f'<div class="mir-card__actions" role="group" '
            f'aria-label="{plain(s.actions_label.format(title=template.title))}" data-search-exclude hidden>'
            f'{"".join(buttons)}{menu}<span class="mir-card__left" data-mir-left></span></div>')


def _action(name: str, rules: Rules, strings: Strings, kind: str) -> str:
    label = plain(strings.filler.actions[name])
    if rules.actions[name].link:
        # A real link, so the mail or messages app opens from a plain click.
        return f'<a class="{kind}" href="{name}:" data-mir-action="{name}">{label}</a>'
    return f'<button type="button" class="{kind}" data-mir-action="{name}">{label}</button>'


def _snippet_links(template: Template, strings: Strings) -> str:
    """"Add to my text expander": this template's snippet per tool, built beside the
    downloads page, and a pointer to that page for the other tools and whole packs.
    The script points each link at the site's root (the card cannot know its depth)."""
    words = strings.exports
    links = "".join(
        f'<a class="md-button" data-mir-snippet="{plain(site_path(card_file_name(name, template.id)))}" '
        f'download>{plain(words.card_format.format(tool=FORMATS[name].tool, suffix=FORMATS[name].suffix))}</a>'
        for name in card_formats())
    return (f'<span class="mir-more__label">{plain(words.card_add)}</span>{links}'
            f'<a class="mir-more__pointer" data-mir-snippet="{plain(site_path(""))}">'
            f'{plain(words.card_other)}</a>')
