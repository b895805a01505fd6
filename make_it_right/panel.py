"""The page's one set of fields, placed by the first card on a page.

Rendered here, in HTML, so every label, hint and button text comes from the
strings file. All of it starts `hidden`: it only works with the browser script
(docs/javascripts/filler.js), which reveals it. Without JavaScript a reader
still has every card as text with visible blanks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .escape import plain
from .model import Template, TemplateField
from .strings import Strings

INPUT_TYPES = {"phone": "tel", "email": "email"}


def page_fields(templates: Iterable[Template]) -> dict[str, TemplateField]:
    """The union of the cards' fields, in the order a reader first meets them.

    A field name means the same everywhere (the checker holds label and kind to
    it), so the first template's hint and example speak for all of them.
    """
    fields: dict[str, TemplateField] = {}
    for template in templates:
        for name, field in template.fields.items():
            fields.setdefault(name, field)
    return fields


def render_panel(fields: dict[str, TemplateField], strings: Strings) -> str:
    s = strings.filler
    rows = "\n".join(_field(name, field, strings) for name, field in fields.items())
    # An attribute, not a <script type="application/json">: Material's instant
    # navigation re-runs every script element in the new page as JavaScript.
    ui = plain(json.dumps(script_strings(strings), ensure_ascii=False))
    return f"""<section class="mir-fields" id="mir-fields" aria-labelledby="mir-fields-title" data-mir-fields data-mir-strings="{ui}" hidden>
<h2 class="mir-fields__title" id="mir-fields-title">{plain(s.title)}</h2>
<p class="mir-fields__intro">{plain(s.intro)}</p>
<div class="mir-fields__grid">
{rows}
</div>
<div class="mir-fields__actions">
<label class="mir-fields__remember"><input type="checkbox" data-mir-remember> {plain(s.remember)}</label>
<button type="button" class="md-button" data-mir-clear>{plain(s.clear)}</button>
</div>
<p class="mir-fields__status" role="status" data-mir-status></p>
<dialog class="mir-dialog" aria-labelledby="mir-dialog-title" aria-describedby="mir-dialog-text" data-mir-dialog>
<h2 class="mir-dialog__title" id="mir-dialog-title">{plain(s.missing_title)}</h2>
<p id="mir-dialog-text">{plain(s.missing_text)}</p>
<ul data-mir-missing></ul>
<form method="dialog" class="mir-dialog__buttons">
<button class="md-button md-button--primary" value="fill" autofocus>{plain(s.fill_them)}</button>
<button class="md-button" value="go" data-mir-anyway></button>
</form>
</dialog>
</section>"""


def _field(name: str, field: TemplateField, strings: Strings) -> str:
    s = strings.filler
    notes = [field.hint, strings.card.example.format(example=field.example)]
    label = plain(field.label)
    if not field.required:
        label += f' <span class="mir-field__optional">{plain(s.optional)}</span>'
        notes.append(strings.card.fallback.format(fallback=field.fallback))
    attributes = (f'id="mir-f-{name}" name="{name}" aria-describedby="mir-h-{name}" '
                  f'autocomplete="off"')
    if field.kind == "long":
        control = f'<textarea {attributes} rows="3"></textarea>'
    else:
        control = f'<input {attributes} type="{INPUT_TYPES.get(field.kind, "text")}">'
    return (
        f'<div class="mir-field" data-field="{name}" data-label="{plain(field.label)}">'
        f'<label for="mir-f-{name}">{label}</label>{control}'
        f'<p class="mir-field__hint" id="mir-h-{name}">{plain(" ".join(notes))}</p></div>'
    )


def script_strings(strings: Strings) -> dict:
    """What the script itself writes on the page: messages, and the subject line."""
    s = strings.filler
    return {**s.messages.model_dump(), "anyway": dict(s.anyway),
            "subject": strings.card.subject}
