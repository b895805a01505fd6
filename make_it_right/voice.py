"""The handbook's voice, counted: habits that read as a tic once they pile up
(rules.yml `voice`), and the lines of a template a client hears or reads."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .measure import filled_with_examples
from .patterns import normalize
from .readability import prose

if TYPE_CHECKING:
    from .model import Template
    from .rules import Rules

# A sentence that opens with "Then", in a page's prose (readability.prose puts
# each paragraph, heading and list item on a line of its own).
_THEN_OPENER = re.compile(r"(?:^|[.!?:…][\"”')]*\s+)Then\b", re.MULTILINE)
# ", not X": a contrast tacked onto a clause.
_NOT_CONTRAST = re.compile(r",\s+not\s+\w", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"\n]+)"')


def then_openers(markdown: str) -> int:
    return len(_THEN_OPENER.findall(prose(markdown)))


def not_contrasts(markdown: str) -> int:
    return len(_NOT_CONTRAST.findall(prose(markdown)))


def client_lines(template: Template, rules: Rules) -> list[tuple[str, str]]:
    """(text name, line) for what the client hears or reads: every text of a
    written channel, filled with the examples, and a call script's quoted lines
    outside the sections that quote what not to say."""
    if template.channel in rules.written_admissions.channels:
        return [(text.name, normalize(filled_with_examples(template, text.name)).text)
                for text in template.texts]
    channel = rules.channels.get(template.channel)
    if channel is None or channel.free_sections:
        return []
    return [(text.name, quote)
            for text in template.texts if text.name not in rules.phrase_check_exempt_sections
            for quote in _QUOTED.findall(filled_with_examples(template, text.name))]


def words_in_client_lines(template: Template, rules: Rules) -> list[tuple[str, str]]:
    """(text name, word) for each of the voice's client-line words a client would meet."""
    found = []
    for name, line in client_lines(template, rules):
        for word in rules.voice.client_line_words:
            if re.search(rf"\b{re.escape(word)}\b", line, re.IGNORECASE):
                found.append((name, word))
    return found
