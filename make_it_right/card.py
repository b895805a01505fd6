"""The HTML "card" that shows a template on a handbook page.

Without JavaScript the card still reads as the full text, each blank a visible,
labelled marker. Every string from a data file goes through escape.plain().
"""

from __future__ import annotations

from .escape import plain, verbatim
from .layout import BLOCK_SEPARATOR, Document
from .measure import MEASURES
from .model import Template
from .placeholders import Blank, Part
from .rules import Rules
from .strings import Strings


def card_id(template: Template) -> str:
    """The anchor of a template's card, for links from anywhere in the site."""
    return f"tpl-{template.id}"


def render_card(document: Document, rules: Rules, strings: Strings, heading_level: int = 3,
                check_link: str | None = None) -> str:
    """Markdown heading (so it joins the page's table of contents) plus the card's HTML,
    then, given a docs-root link target, a "Check my edited version" link."""
    template = document.template
    s = strings.card
    heading = f"{'#' * heading_level} {plain(template.title)} {{ #{card_id(template)} }}"
    meta = [strings.channels[template.channel], size_label(template, rules, strings)]
    parts = [
        f'<div class="mir-card" data-template="{plain(template.id)}" '
        f'data-channel="{plain(template.channel)}" data-title="{plain(template.title)}">',
        f'<p class="mir-card__meta">{" · ".join(plain(m) for m in meta if m)}</p>',
        f'<p class="mir-card__when"><strong>{plain(s.when)}</strong> {plain(template.when)}</p>',
        _blanks(template, strings),
        f'<pre class="mir-card__text"><code>{text_html(document, strings)}</code></pre>',
        card_actions(template, rules, strings),
        "</div>",
    ]
    check = (f"\n[{plain(strings.draft.card_link)}]({check_link}){{ .mir-card__check }}\n"
             if check_link else "")
    return heading + "\n\n" + "\n".join(p for p in parts if p) + "\n" + check


def size_label(template: Template, rules: Rules, strings: Strings) -> str:
    measure = rules.channels[template.channel].size
    if measure is None:
        return ""
    value = round(MEASURES[measure].of(template, rules))
    return getattr(strings.card.size, measure.replace("-", "_")).format(value=value)


def _blanks(template: Template, strings: Strings) -> str:
    if not template.fields:
        return ""
    s = strings.card
    rows = []
    for name, field in template.fields.items():
        notes = [field.hint, s.example.format(example=field.example)]
        if field.fallback is not None:
            notes.append(s.fallback.format(fallback=field.fallback))
        rows.append(f'<dt data-field="{name}">{plain(field.label)}</dt>'
                    f'<dd>{" ".join(plain(n) for n in notes)}</dd>')
    return (f'<details class="mir-card__blanks"><summary>{plain(s.blanks)}</summary>'
            f'<dl>{"".join(rows)}</dl></details>')


def text_html(document: Document, strings: Strings) -> str:
    """The text exactly as render.fill lays it out, each blank a marker.

    The browser fills the markers in and reads the subject and body back from
    their spans, so what it copies and sends matches the command line's output.
    """
    template = document.template
    blocks = []
    for block in document.blocks:
        text = _parts_html(template, block.parts, strings)
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
            optional = "" if field.required else f' data-fallback="{plain(field.fallback)}"'
            out.append(f'<span class="mir-blank" data-field="{part.field}"{optional}>{marker}</span>')
        else:
            out.append(verbatim(part))
    return "".join(out)


def card_actions(template: Template, rules: Rules, strings: Strings) -> str:
    """The buttons under a card, from its channel's `actions`."""
    s = strings.filler
    buttons = []
    for name in rules.channels[template.channel].actions:
        label = plain(s.actions[name])
        if name in ("mailto", "sms"):
            # A real link, so the mail or messages app opens from a plain click.
            buttons.append(f'<a class="md-button" href="{name}:" data-mir-action="{name}">{label}</a>')
        else:
            buttons.append(f'<button type="button" class="md-button" '
                           f'data-mir-action="{name}">{label}</button>')
    return (f'<div class="mir-card__actions" role="group" '
            f'aria-label="{plain(s.actions_label.format(title=template.title))}" hidden>'
            f'{"".join(buttons)}<span class="mir-card__left" data-mir-left></span></div>')
