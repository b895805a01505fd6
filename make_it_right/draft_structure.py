"""Read a draft's structure before checking it: what is not the writer's own words.

A pasted reply carries the quoted thread ("On Tue, … wrote:", "> " lines, an
Outlook "From: … Sent: …" block), a signature, a legal notice; a call script
may list what not to say. None of it is checked or counted. A signature or a
legal notice with no marker line is read back from the message's end: closing
paragraphs of register and confidentiality boilerplate, and a closing line
("Kind regards,") followed only by short lines. Each such line is
masked (every character but its line breaks becomes a space), so the rest keeps
its positions and every span still points into the text as given.
"""

from __future__ import annotations

from dataclasses import dataclass

from .draft_rules import DraftRules
from .patterns import LINE_BREAKS, SPACES, compile_portable


@dataclass(frozen=True)
class Structure:
    hidden: tuple[bool, ...]  # per code point of the text: set aside
    set_aside: dict[str, int]  # kind -> lines with text set aside, in the data's order

    def own_words(self, text: str) -> str:
        return "".join(" " if hide and ch not in LINE_BREAKS else ch
                       for ch, hide in zip(text, self.hidden, strict=False))


def lines(text: str) -> list[tuple[int, int]]:
    """Each line's span, without its line break."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in LINE_BREAKS:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def read_structure(text: str, rules: DraftRules) -> Structure:
    kinds = list(rules.set_aside)
    starts = lambda p: compile_portable(p)  # noqa: E731
    headers = [(k, [starts(p) for p in rules.set_aside[k].from_here_on]) for k in kinds]
    hidden = [False] * len(text)
    counts = dict.fromkeys(kinds, 0)
    current: str | None = None  # the kind every line from here on is
    block: str | None = None  # the labelled list a line may continue
    for start, end in lines(text):
        line = text[start:end].strip(SPACES)
        kind = None
        for name, regexes in headers:
            if any(r.match(line) for r in regexes):
                if current is None or kinds.index(name) < kinds.index(current):
                    current = name
                break
        if current is not None:
            kind = current
        else:
            for name in kinds:
                spec = rules.set_aside[name]
                if spec.line is not None and compile_portable(spec.line).match(line):
                    kind = name
                    break
                if spec.starts_block is not None and compile_portable(spec.starts_block).match(line):
                    kind = block = name
                    break
                if block == name and spec.continues is not None \
                        and compile_portable(spec.continues).match(line):
                    kind = name
                    break
            else:
                block = None
        if kind is not None and line:
            counts[kind] += 1
            for i in range(start, end):
                hidden[i] = True
    for name, span_lines in _tail(text, hidden, rules):
        for start, end in span_lines:
            counts[name] += 1
            for i in range(start, end):
                hidden[i] = True
    return Structure(tuple(hidden), {k: n for k, n in counts.items() if n})


def _tail(text: str, hidden: list[bool], rules: DraftRules) -> list[tuple[str, list[tuple[int, int]]]]:
    """The signature and legal notice at the end with no marker line: (kind, its
    non-blank lines). Lines already set aside are passed over."""
    own = [(s, e) for s, e in lines(text) if not (e > s and hidden[s])]
    words = [text[s:e].strip(SPACES) for s, e in own]
    found: list[tuple[str, list[tuple[int, int]]]] = []
    end = len(own)  # lines before this index are still the writer's
    lead = next((i for i, w in enumerate(words) if w), 0)  # the writer's first line stays
    for name, spec in rules.set_aside.items():  # the notice comes last, so first
        if spec.footer:
            cues = [compile_portable(p) for p in spec.footer]
            while True:
                top = end
                while top > 0 and not words[top - 1]:
                    top -= 1
                first = top
                while first > 0 and words[first - 1]:
                    first -= 1
                paragraph = " ".join(words[first:top])
                if first <= lead or sum(1 for c in cues if c.search(paragraph)) < spec.footer_cues:
                    break
                found.append((name, own[first:top]))
                end = first
    for name, spec in rules.set_aside.items():
        if spec.closing:
            closings = [compile_portable(p) for p in spec.closing]
            short = 0
            for i in range(end - 1, -1, -1):
                if not words[i]:
                    continue
                if short and i > lead and any(c.fullmatch(words[i]) for c in closings):
                    found.append((name, [own[j] for j in range(i, end) if words[j]]))
                    end = i
                    break
                short += 1
                if short > spec.tail_lines or len(words[i]) > spec.tail_chars:
                    break
    return found
