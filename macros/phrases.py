"""The phrase bank's "avoid" list, rendered from the same rules the checker enforces."""

from __future__ import annotations

from html import escape

from .rules import Rules
from .strings import load_strings


def avoid_table(rules: Rules, language: str = "en") -> str:
    s = load_strings(language)["phrase_bank"]
    head = "".join(f"<th>{escape(s[k])}</th>" for k in ("avoid", "why", "instead"))
    rows = "".join(
        f"<tr><td>“{escape(p.phrase)}”</td><td>{escape(p.why)}</td>"
        f"<td>{escape(p.instead)}</td></tr>"
        for p in rules.blocked_phrases
    )
    return f'<table class="mir-avoid">\n<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n'
