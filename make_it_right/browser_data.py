"""What the browser's fill-in reads, made from one language's rules and strings:
the action registry (what each action does), how a client case is named and told
apart, and every word the script itself writes. One object, so the script holds
no copy of a rule or a word; the panel carries it as one attribute (html/panel.py).
"Check my draft" has its own, larger data, fetched on its page only (draft.draft_data)."""

from __future__ import annotations

from .rules import Rules
from .strings import Strings


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


def fill_in_data(rules: Rules, strings: Strings) -> dict:
    """The fill-in's data for one language (web/page/fill.js reads each key)."""
    return {"actions": {name: action.model_dump() for name, action in rules.actions.items()},
            "about": list(rules.about_me),
            "caseFrom": list(rules.case_name_from),
            "identity": list(rules.case_identity),
            "ui": script_strings(strings)}
