"""The HTML "card" that shows a template on a handbook page.

Without JavaScript the card still reads as the full text, each blank a visible,
labelled marker, inside a code block so the theme's copy button copies it.
"""

from __future__ import annotations

from html import escape

from . import measure
from .model import Template
from .panel import card_actions
from .placeholders import Blank
from .rules import Rules
from .strings import load_strings


def card_id(template: Template) -> str:
    """The anchor of a template's card, for links from anywhere in the site."""
    return f"tpl-{template.id}"


def render_card(template: Template, rules: Rules, heading_level: int = 3,
                language: str = "en") -> str:
    """Markdown heading (so it joins the page's table of contents) plus the card's HTML."""
    s = load_strings(language)
    heading = f"{'#' * heading_level} {escape(template.title)} {{ #{card_id(template)} }}"
    meta = [s["channels"][template.channel], _size(template, rules, s)]
    parts = [
        f'<div class="mir-card" data-template="{escape(template.id)}" '
        f'data-channel="{escape(template.channel)}" data-title="{escape(template.title)}">',
        f'<p class="mir-card__meta">{" · ".join(escape(m) for m in meta if m)}</p>',
        f'<p class="mir-card__when"><strong>{escape(s["card"]["when"])}</strong> '
        f"{escape(template.when)}</p>",
        _blanks(template, s),
        f'<pre class="mir-card__text"><code>{_text_html(template, rules, s)}</code></pre>',
        card_actions(template, s),
        "</div>",
    ]
    return heading + "\n\n" + "\n".join(parts) + "\n"


def _size(template: Template, rules: Rules, s: dict) -> str:
    if template.channel == "voicemail":
        seconds = round(measure.spoken_seconds(template, rules))
        return s["card"]["voicemail_length"].format(seconds=seconds)
    if template.subject is not None:
        return s["card"]["email_size"].format(words=measure.body_words(template))
    return ""


def _blanks(template: Template, s: dict) -> str:
    if not template.fields:
        return ""
    rows = []
    for name, field in template.fields.items():
        notes = [escape(field.hint), escape(s["card"]["example"].format(example=field.example))]
        if field.fallback is not None:
            notes.append(escape(s["card"]["fallback"].format(fallback=field.fallback)))
        rows.append(
            f'<dt data-field="{name}">{escape(field.label)}</dt><dd>{" ".join(notes)}</dd>'
        )
    return (
        f'<details class="mir-card__blanks"><summary>{escape(s["card"]["blanks"])}</summary>'
        f'<dl>{"".join(rows)}</dl></details>'
    )


def _text_html(template: Template, rules: Rules, s: dict) -> str:
    """The text exactly as render.as_text lays it out, each blank a marker.

    The browser fills the markers in and reads the subject and body back from
    their spans, so what it copies and sends matches the command line's output.
    """
    titled = rules.channels[template.channel].section_titles
    blocks = []
    for name in template.sections:
        text = _parts_html(template, name, s)
        if titled:
            title = escape(s["sections"][name])
            text = f'<strong class="mir-card__section">{title}</strong>\n{text}'
        blocks.append(text)
    joined = "\n\n".join(blocks)
    body = f'<span class="mir-card__body">{joined}</span>'
    if template.subject is None:
        return body
    subject = f'<span class="mir-card__subject-text">{_parts_html(template, "subject", s)}</span>'
    label = escape(s["card"]["subject"]).replace("{subject}", subject)
    return f'<span class="mir-card__subject">{label}</span>\n\n{body}'


def _parts_html(template: Template, name: str, s: dict) -> str:
    out = []
    for part in template.parts(name):
        if isinstance(part, Blank):
            field = template.fields[part.field]
            marker = escape(s["card"]["blank"].format(label=field.label))
            optional = "" if field.required else f' data-fallback="{escape(field.fallback)}"'
            out.append(
                f'<span class="mir-blank" data-field="{part.field}"{optional}>{marker}</span>'
            )
        else:
            out.append(escape(part))
    return "".join(out)
