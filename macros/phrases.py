"""Rules shown to readers, rendered from the same rules.yml the checker enforces."""

from __future__ import annotations

from html import escape

from .rules import Rules


def avoid_table(rules: Rules, strings: dict) -> str:
    """An HTML table: each blocked phrase, why it hurts, and what to try instead."""
    s = strings["phrase_bank"]
    head = "".join(f"<th>{escape(s[k])}</th>" for k in ("avoid", "why", "instead"))
    rows = "".join(
        f"<tr><td>“{escape(p.phrase)}”</td><td>{escape(p.why)}</td>"
        f"<td>{escape(p.instead)}</td></tr>"
        for p in rules.blocked_phrases
    )
    return f'<table class="mir-avoid">\n<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>\n'


def sections_table(rules: Rules, strings: dict) -> str:
    """A Markdown table: each channel, and the sections its templates need, in order."""
    s = strings["contributing"]
    rows = [f"| {s['channel']} | {s['sections']} |", "| --- | --- |"]
    for name, channel in rules.channels.items():
        if channel.free_sections:
            needs = s["free"].format(count=channel.min_sections)
        else:
            needs = ", ".join(f"`{section}`" for section in channel.sections)
        if channel.subject == "required":
            needs = f"`subject`, {needs}"
        rows.append(f"| {strings['channels'][name]} (`templates/{name}/`) | {needs} |")
    return "\n".join(rows) + "\n"
