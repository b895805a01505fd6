"""The page's one set of fields, and the buttons each card gets in the browser.

Rendered here, in HTML, so every label, hint and button text comes from the
strings file. All of it starts `hidden`: it only works with the browser script
(docs/javascripts/filler.js), which reveals it. Without JavaScript a reader
still has every card as text with visible blanks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape

from .model import Template, TemplateField

# A card's heading as render_card writes it: `### Title { #tpl-<id> }`.
CARD_HEADING = re.compile(r"^#{1,6} .*\{ #tpl-(?P<id>[a-z0-9-]+) \}$", re.MULTILINE)
INPUT_TYPES = {"phone": "tel", "email": "email"}


def cards_on(markdown: str) -> list[str]:
    """The template ids of the cards placed in a page's rendered Markdown, in order."""
    return [m["id"] for m in CARD_HEADING.finditer(markdown)]


def page_fields(templates: Iterable[Template]) -> dict[str, TemplateField]:
    """The union of the cards' fields, in the order a reader first meets them.

    A field name means the same everywhere (the validator checks label and kind),
    so the first template's hint and example speak for all of them.
    """
    fields: dict[str, TemplateField] = {}
    for template in templates:
        for name, field in template.fields.items():
            fields.setdefault(name, field)
    return fields


def with_panel(markdown: str, templates: list[Template], strings: dict) -> str:
    """The page with the fields panel placed just before its first card."""
    first = CARD_HEADING.search(markdown)
    if not first:
        return markdown
    panel = render_panel(page_fields(templates), strings)
    return f"{markdown[:first.start()]}{panel}\n\n{markdown[first.start():]}"


def render_panel(fields: dict[str, TemplateField], strings: dict) -> str:
    s = strings["filler"]
    rows = "\n".join(_field(name, field, strings) for name, field in fields.items())
    # An attribute, not a <script type="application/json">: Material's instant
    # navigation re-runs every script element in the new page as JavaScript.
    ui = escape(json.dumps(_script_strings(strings), ensure_ascii=False))
    return f"""<section class="mir-fields" id="mir-fields" aria-labelledby="mir-fields-title" data-mir-fields data-mir-strings="{ui}" hidden>
<h2 class="mir-fields__title" id="mir-fields-title">{escape(s["title"])}</h2>
<p class="mir-fields__intro">{escape(s["intro"])}</p>
<div class="mir-fields__grid">
{rows}
</div>
<div class="mir-fields__actions">
<label class="mir-fields__remember"><input type="checkbox" data-mir-remember> {escape(s["remember"])}</label>
<button type="button" class="md-button" data-mir-clear>{escape(s["clear"])}</button>
</div>
<p class="mir-fields__status" role="status" data-mir-status></p>
<dialog class="mir-dialog" aria-labelledby="mir-dialog-title" aria-describedby="mir-dialog-text" data-mir-dialog>
<h2 class="mir-dialog__title" id="mir-dialog-title">{escape(s["missing_title"])}</h2>
<p id="mir-dialog-text">{escape(s["missing_text"])}</p>
<ul data-mir-missing></ul>
<form method="dialog" class="mir-dialog__buttons">
<button class="md-button md-button--primary" value="fill" autofocus>{escape(s["fill_them"])}</button>
<button class="md-button" value="go" data-mir-anyway></button>
</form>
</dialog>
</section>"""


def _field(name: str, field: TemplateField, strings: dict) -> str:
    s = strings["filler"]
    notes = [field.hint, strings["card"]["example"].format(example=field.example)]
    label = escape(field.label)
    if not field.required:
        label += f' <span class="mir-field__optional">{escape(s["optional"])}</span>'
        notes.append(strings["card"]["fallback"].format(fallback=field.fallback))
    attributes = (f'id="mir-f-{name}" name="{name}" aria-describedby="mir-h-{name}" '
                  f'autocomplete="off"')
    if field.kind == "long":
        control = f"<textarea {attributes} rows=\"3\"></textarea>"
    else:
        control = f'<input {attributes} type="{INPUT_TYPES.get(field.kind, "text")}">'
    return (
        f'<div class="mir-field" data-field="{name}" data-label="{escape(field.label)}">'
        f'<label for="mir-f-{name}">{label}</label>{control}'
        f'<p class="mir-field__hint" id="mir-h-{name}">{escape(" ".join(notes))}</p></div>'
    )


def card_actions(template: Template, strings: dict) -> str:
    """The buttons under a card: copy, open in the mail app, download, print."""
    s = strings["filler"]
    names = ["fill", "copy"]
    if template.subject is not None:
        names += ["mailto", "eml"]
    names += ["txt", "print"]
    # The mail link is a real link, so the mail app opens from a plain click.
    buttons = "".join(
        f'<a class="md-button" href="mailto:" data-mir-action="{n}">{escape(s["actions"][n])}</a>'
        if n == "mailto" else
        f'<button type="button" class="md-button" data-mir-action="{n}">'
        f'{escape(s["actions"][n])}</button>'
        for n in names
    )
    return (f'<div class="mir-card__actions" role="group" '
            f'aria-label="{escape(s["actions_label"].format(title=template.title))}" hidden>'
            f'{buttons}<span class="mir-card__left" data-mir-left></span></div>')


def _script_strings(strings: dict) -> dict:
    """What the script itself writes on the page: messages, and the subject line."""
    s = strings["filler"]
    return {**s["messages"], "anyway": s["anyway"], "subject": strings["card"]["subject"]}
