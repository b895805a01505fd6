"""The page's one set of fields, placed by the first card on a page, with the bar
that keeps the active client and the blanks left in view, the focus view (one
template's blanks beside its live preview) and the missing-blanks dialog.

Rendered here, in HTML, so every label, hint and button text comes from the
strings file. All of it starts `hidden`: it only works with the browser script
(web/page/fill.js), which reveals it. Without JavaScript a reader
still has every card as text with visible blanks. None of it is searchable, and
its headings carry no id (the search plugin would index each as a section).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .card import notes_html
from ..escape import plain
from ..model import Template, TemplateField
from ..register import FRIENDLY, in_register, registers_of
from ..rules import Rules
from ..strings import Strings

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


def register_fields(templates: list[Template], rules: Rules) -> dict[str, tuple[str, TemplateField]]:
    """The blanks only another register's words bring, each with its register."""
    own = page_fields(templates)
    found: dict[str, tuple[str, TemplateField]] = {}
    for template in templates:
        for register in registers_of(template, rules):
            for name, field in in_register(template, rules, register).fields.items():
                if name not in own:
                    found.setdefault(name, (register, field))
    return found


def render_panel(templates: list[Template], rules: Rules, strings: Strings) -> str:
    s = strings.filler
    fields = page_fields(templates)
    about = [n for n in fields if n in rules.about_me]
    client = [n for n in fields if n not in rules.about_me]
    emails = any("mailto" in rules.channels[t.channel].actions for t in templates)
    texts = any("sms" in rules.channels[t.channel].actions for t in templates)
    send = [_send("@to", s.to, s.send_hint), _send("@cc", s.cc, s.cc_hint)] if emails else []
    send += [_send("@sms", s.sms_to, s.sms_hint, "tel")] if texts else []
    registers = list(dict.fromkeys(r for t in templates for r in registers_of(t, rules)))
    if registers:
        send.append(_register_pick(registers, strings))
        send += [_field(name, field, strings, s.registers[register].only)
                 for name, (register, field) in register_fields(templates, rules).items()]
    mine = [_send("@from", s.from_, s.from_hint)] if emails else []
    # Attributes, not a <script type="application/json">: Material's instant
    # navigation re-runs every script element in the new page as JavaScript.
    ui = plain(json.dumps(script_strings(strings), ensure_ascii=False))
    about_names = plain(json.dumps(list(rules.about_me)))
    name_from = plain(json.dumps(list(rules.case_name_from)))
    identity = plain(json.dumps(list(rules.case_identity)))
    actions = plain(json.dumps({n: a.model_dump() for n, a in rules.actions.items()}))
    case_buttons = "".join(
        f'<button type="button" class="md-button" data-mir-case="{name}">{plain(label)}</button>'
        for name, label in (("new", s.case_new), ("duplicate", s.case_duplicate),
                            ("clear", s.case_clear), ("delete", s.case_delete)))
    # A fallback is only worth naming here when every card on the page shares it.
    shared = {n for n in fields if len({t.fields[n].fallback for t in templates if n in t.fields}) == 1}
    rows = lambda names: "\n".join(_field(n, fields[n], strings, fallback=n in shared)  # noqa: E731
                                   for n in names)
    return f"""<div class="mir-bar" role="region" aria-label="{plain(s.bar_label)}" data-mir-bar data-search-exclude hidden>
<a class="mir-skip" href="#mir-fields" data-mir-skip>{plain(s.skip)}</a>
<button type="button" class="mir-bar__case" aria-expanded="false" aria-controls="mir-case-menu" data-mir-bar-case></button>
<span class="mir-bar__left" data-mir-bar-left></span>
<button type="button" class="md-button" data-mir-open aria-controls="mir-fields-body">{plain(s.fill_everything)}</button>
<div class="mir-case-menu" id="mir-case-menu" role="group" aria-label="{plain(s.case_menu)}" data-mir-case-menu hidden>
<ul class="mir-case-menu__list" data-mir-case-list></ul>
<button type="button" class="md-button md-button--primary" data-mir-menu="new">{plain(s.case_new)}</button>
<button type="button" class="md-button" data-mir-menu="clear">{plain(s.case_clear)}</button>
<button type="button" class="md-button" data-mir-menu="about">{plain(s.about_title)}</button>
<div class="mir-field"><label for="mir-menu-name">{plain(s.case_name)}</label><input id="mir-menu-name" data-mir-menu-name autocomplete="off"></div>
</div>
<span class="mir-bar__status" role="status" data-mir-status></span>
<button type="button" class="md-button" data-mir-offer hidden></button>
</div>

<section class="mir-fields" id="mir-fields" aria-label="{plain(s.title)}" data-mir-fields data-mir-strings="{ui}" data-mir-about="{about_names}" data-mir-case-from="{name_from}" data-mir-identity="{identity}" data-mir-actions="{actions}" data-search-exclude hidden>
<h2 class="mir-fields__title">{plain(s.title)}</h2>
<p class="mir-fields__intro">{plain(s.intro)}</p>
<button type="button" class="md-button" aria-expanded="false" aria-controls="mir-fields-body" data-mir-toggle>{plain(s.fill_everything)}</button>
<div id="mir-fields-body" class="mir-fields__body" data-mir-body hidden>
<fieldset class="mir-fields__group">
<legend>{plain(s.case_title)}</legend>
<p class="mir-fields__intro">{plain(s.case_intro)}</p>
<div class="mir-case">
<div class="mir-field"><label for="mir-case-pick">{plain(s.case_pick)}</label><select id="mir-case-pick" data-mir-case-pick></select></div>
<div class="mir-field"><label for="mir-case-name">{plain(s.case_name)}</label><input id="mir-case-name" data-mir-case-name autocomplete="off"></div>
</div>
<div class="mir-fields__actions">{case_buttons}</div>
<div class="mir-fields__grid">
{"".join(send)}
{rows(client)}
</div>
<label class="mir-fields__remember"><input type="checkbox" data-mir-remember="cases"> {plain(s.remember_cases)}</label>
</fieldset>
<fieldset class="mir-fields__group" data-mir-about-group>
<legend>{plain(s.about_title)}</legend>
<p class="mir-fields__intro">{plain(s.about_intro)}</p>
<div class="mir-fields__grid">
{rows(about)}
{"".join(mine)}
</div>
<label class="mir-fields__remember"><input type="checkbox" data-mir-remember="me"> {plain(s.remember_me)}</label>
</fieldset>
<div class="mir-fields__actions"><button type="button" class="md-button" data-mir-forget>{plain(s.forget)}</button></div>
</div>
<dialog class="mir-dialog mir-about" aria-label="{plain(s.about_title)}" data-mir-about-dialog>
<div data-mir-about-slot></div>
<form method="dialog" class="mir-dialog__buttons"><button class="md-button md-button--primary">{plain(s.about_done)}</button></form>
</dialog>
<dialog class="mir-dialog" aria-label="{plain(s.missing_title)}" aria-describedby="mir-dialog-text" data-mir-dialog>
<h2 class="mir-dialog__title">{plain(s.missing_title)}</h2>
<p id="mir-dialog-text">{plain(s.missing_text)}</p>
<ul data-mir-missing></ul>
<form method="dialog" class="mir-dialog__buttons">
<button class="md-button md-button--primary" value="fill" autofocus>{plain(s.fill_them)}</button>
<button class="md-button" value="go" data-mir-anyway></button>
</form>
</dialog>
<dialog class="mir-focus" data-mir-focus>
<div class="mir-focus__head">
<h2 class="mir-focus__title" data-mir-focus-title></h2>
<button type="button" class="md-button mir-focus__toggle" data-mir-focus-toggle>{plain(s.show_preview)}</button>
<button type="button" class="md-button" data-mir-focus-close>{plain(s.close)}</button>
</div>
<p class="mir-focus__case"><button type="button" class="mir-bar__case" aria-expanded="false" aria-controls="mir-case-menu" data-mir-focus-case></button> <button type="button" class="md-button" data-mir-focus-new>{plain(s.case_new)}</button></p>
<div class="mir-focus__main">
<div class="mir-focus__fields" role="group" aria-label="{plain(s.focus_blanks)}" data-mir-focus-fields></div>
<div class="mir-focus__preview" role="region" aria-label="{plain(s.preview)}" data-mir-focus-preview></div>
</div>
<div class="mir-focus__reminder" data-mir-focus-reminder hidden>
<label for="mir-remind-at">{plain(s.reminder_when)}</label> <input type="datetime-local" id="mir-remind-at" data-mir-remind-at>
</div>
<div class="mir-focus__actions" data-mir-focus-actions></div>
<p class="mir-focus__status"><span role="status" data-mir-status></span> <button type="button" class="md-button" data-mir-offer hidden></button></p>
</dialog>
</section>"""


def _send(name: str, label: str, hint: str, kind: str = "email") -> str:
    """An address for the send step: not a template's blank, never in its text. A text
    box, not type=email, which refuses display names and rewrites IDN domains."""
    key = name.removeprefix("@")
    return (f'<div class="mir-field" data-field="{name}" data-label="{plain(label)}">'
            f'<label for="mir-s-{key}">{plain(label)}</label>'
            f'<input id="mir-s-{key}" name="{name}" type="{"tel" if kind == "tel" else "text"}" '
            f'inputmode="{kind}" autocomplete="off" '
            f'aria-describedby="mir-sh-{key}">'
            f'<p class="mir-field__hint" id="mir-sh-{key}">{plain(hint)}</p></div>')


def _register_pick(registers: list[str], strings: Strings) -> str:
    """How the case's messages greet and sign off: "" is the templates' own words."""
    s = strings.filler
    options = "".join(f'<option value="{"" if name == FRIENDLY else name}">'
                      f'{plain(s.registers[name].label)}</option>'
                      for name in (FRIENDLY, *registers))
    return (f'<div class="mir-field" data-field="@register" data-label="{plain(s.register_pick)}">'
            f'<label for="mir-s-register">{plain(s.register_pick)}</label>'
            f'<select id="mir-s-register" name="@register">{options}</select></div>')


def _field(name: str, field: TemplateField, strings: Strings, note: str | None = None,
           fallback: bool = True) -> str:
    s = strings.filler
    notes = [field.hint, strings.card.example.format(example=field.example)]
    if note:
        notes.append(note)
    label = plain(field.label)
    if not field.required:
        label += f' <span class="mir-field__optional">{plain(s.optional)}</span>'
        if field.fallback is not None and fallback:
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
        f'<p class="mir-field__hint" id="mir-h-{name}">{notes_html(notes)}</p></div>'
    )


def script_strings(strings: Strings) -> dict:
    """What the script itself writes on the page: messages, labels it sets, the subject line."""
    s = strings.filler
    return {**s.messages.model_dump(), "anyway": dict(s.anyway), "actions": dict(s.actions),
            "subject": strings.card.subject, "case_default": s.case_default,
            "case_copy": s.case_copy, "bar_case": s.bar_case, "focus_label": s.focus_label,
            "show_preview": s.show_preview, "show_blanks": s.show_blanks,
            "reminder_title": s.reminder_title, "copy_fallback": s.copy_fallback,
            "copy_subject": s.copy_subject, "copy_body": s.copy_body,
            "actions_label": s.actions_label, "undo": s.undo}
