"""Turn a template and the reader's values into plain text, an .eml message or a mailto: URL."""

from __future__ import annotations

import re
from collections.abc import Mapping
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from .errors import MissingFields
from .model import Template
from .placeholders import substitute
from .rules import Rules
from .strings import load_strings

# The browser script (docs/javascripts/filler.js) applies the same rule.
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def resolve(template: Template, values: Mapping[str, str]) -> dict[str, str]:
    """Each field's text: what the reader typed, else its fallback.

    Raises MissingFields naming every required blank left empty.
    """
    resolved, missing = {}, []
    for name, field in template.fields.items():
        typed = (values.get(name) or "").strip()
        if typed:
            resolved[name] = typed
        elif field.fallback is not None:
            resolved[name] = field.fallback
        else:
            missing.append(field.label)
    if missing:
        raise MissingFields(template.id, missing)
    return resolved


def fill(template: Template, name: str, resolved: Mapping[str, str]) -> str:
    return substitute(template.parts(name), resolved)


def subject(template: Template, values: Mapping[str, str]) -> str:
    """The subject line. It is one line: line breaks typed into a field become spaces."""
    if not template.subject:
        return ""
    return _LINE_BREAKS.sub(" ", fill(template, "subject", resolve(template, values)))


def body(template: Template, values: Mapping[str, str], rules: Rules, language: str = "en") -> str:
    """The message body: sections separated by blank lines, titled where the channel says."""
    resolved = resolve(template, values)
    titled = rules.channels[template.channel].section_titles
    titles = load_strings(language)["sections"]
    blocks = []
    for name in template.sections:
        text = fill(template, name, resolved)
        blocks.append(f"{titles[name]}\n{text}" if titled else text)
    return "\n\n".join(blocks) + "\n"


def as_text(template: Template, values: Mapping[str, str], rules: Rules,
            language: str = "en") -> str:
    """Plain text to paste anywhere; an email starts with its subject line."""
    text = body(template, values, rules, language)
    if template.subject:
        label = load_strings(language)["card"]["subject"]
        text = label.format(subject=subject(template, values)) + "\n\n" + text
    return text


def as_eml(template: Template, values: Mapping[str, str], rules: Rules,
           to: str = "", language: str = "en") -> bytes:
    """An unsent draft message (.eml) that mail apps open ready to edit and send."""
    message = EmailMessage()
    if to:
        message["To"] = to
    message["Subject"] = subject(template, values)
    message["X-Unsent"] = "1"  # Outlook and Apple Mail open it as a draft
    message.set_content(body(template, values, rules, language), charset="utf-8")
    return message.as_bytes(policy=SMTP)


def as_mailto(template: Template, values: Mapping[str, str], rules: Rules,
              to: str = "", language: str = "en") -> str:
    """A mailto: URL per RFC 6068: UTF-8, percent-encoded, CRLF line breaks."""
    text = body(template, values, rules, language).replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={_encode(subject(template, values))}&body={_encode(text)}"
    return f"mailto:{quote(to, safe='@')}?{query}"


def _encode(value: str) -> str:
    return quote(value, safe="")
