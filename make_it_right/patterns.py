"""Regular expressions that mean the same in Python's `re` and in JavaScript's `RegExp`.

rules.yml's patterns run in two places: here (the template checker, the draft
checker, the command line) and in the reader's browser (web/core/draft.js).
So a pattern must stay inside the subset both engines read the same way, and
`portable_problem` refuses anything outside it, naming what to write instead:

- ASCII only; another character is written as `\\uXXXX`;
- no `.`, `^`, `$` or `\\s`: the text is matched with every run of white space made
  one plain space (see `normalize`), so a space in a pattern is a plain space;
- escapes: `\\b \\B \\d \\D \\w \\W`, `\\uXXXX`, and an escaped punctuation mark;
- groups: `( )`, `(?: )`, lookahead `(?= )` `(?! )`, fixed-width lookbehind `(?<= )`
  `(?<! )`; no named groups, back-references, inline flags or atomic groups;
- quantifiers `? * + {n} {n,} {n,m}`, lazy or greedy, never possessive;
- a class `[ ]` holds no `[`, and is never empty.

Flags are explicit and the same in both: case-insensitive unless a rule says
otherwise, and ASCII semantics for \\b, \\w and \\d (JavaScript without the `u`
flag; Python with re.ASCII).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters the draft checker treats as white space, and quotes it straightens,
# before matching. The browser receives these from here (draft_data), so both
# normalise a reader's text the same way.
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")
LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
QUOTES = {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'",
          "\u201c": '"', "\u201d": '"', "\u2033": '"'}

_SIMPLE_ESCAPES = set("bBdDwW")
_PUNCTUATION = set("\\.^$|?*+()[]{}/-'\",:;!&%#@=<>~`_ ")
_QUANTIFIER = re.compile(r"\{\d+(,\d*)?\}")


@dataclass(frozen=True)
class Normalized:
    """A reader's text as the patterns see it, and where each character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: index in the original text of text[i]; one past the end last
    breaks: frozenset[int]  # indexes in `text` of spaces that stand for a line break

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as a span of the original (code points)."""
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Each run of white space becomes one space; curly quotes become straight ones."""
    out: list[str] = []
    origin: list[int] = []
    breaks: set[int] = set()
    in_space = False
    for i, ch in enumerate(text):
        if ch in SPACES:
            if ch in LINE_BREAKS:
                breaks.add(len(out) - 1 if in_space else len(out))
            if in_space:
                continue
            in_space = True
            out.append(" ")
        else:
            in_space = False
            out.append(QUOTES.get(ch, ch))
        origin.append(i)
    origin.append(len(text))
    return Normalized("".join(out), tuple(origin), frozenset(breaks))


def portable_problem(pattern: str) -> str | None:
    """Why `pattern` might not mean the same in JavaScript, or None when it will."""
    i, n = 0, len(pattern)
    depth = 0
    while i < n:
        ch = pattern[i]
        if not ch.isascii():
            return f"has '{ch}', which is not ASCII; write it as \\u{ord(ch):04x}"
        if ch == "\\":
            problem, i = _escape(pattern, i, in_class=False)
            if problem:
                return problem
            continue
        if ch == "[":
            problem, i = _class(pattern, i)
            if problem:
                return problem
            continue
        if ch == ".":
            return "uses '.', which differs between Python and JavaScript; name the characters, like [a-z]"
        if ch in "^$":
            return f"uses '{ch}'; anchors are not needed, since the checker searches the whole text"
        if ch == "(":
            depth += 1
            if pattern.startswith("(?", i):
                head = next((h for h in ("(?:", "(?=", "(?!", "(?<=", "(?<!") if pattern.startswith(h, i)),
                            None)
                if head is None:
                    return ("uses a '(?' group other than (?: (?= (?! (?<= (?<!; named groups, "
                            "inline flags and atomic groups differ between Python and JavaScript")
                i += len(head)
                continue
        elif ch == ")":
            depth -= 1
        elif ch == "{":
            found = _QUANTIFIER.match(pattern, i)
            if not found:
                return "has a '{' that is not a quantifier like {2} or {1,3}; escape it as \\{"
            i = found.end()
            if i < n and pattern[i] == "+":
                return "uses a possessive quantifier (+ after a quantifier), which JavaScript lacks"
            continue
        elif ch == "}":
            return "has a '}' with no '{'; escape it as \\}"
        elif ch in "*+?" and i + 1 < n and pattern[i + 1] == "+":
            return "uses a possessive quantifier (+ after a quantifier), which JavaScript lacks"
        i += 1
    if depth:
        return "has unbalanced parentheses"
    return None


def _escape(pattern: str, i: int, in_class: bool) -> tuple[str | None, int]:
    if i + 1 >= len(pattern):
        return "ends with a lone backslash", i + 1
    code = pattern[i + 1]
    if code == "u":
        if re.fullmatch(r"[0-9a-fA-F]{4}", pattern[i + 2:i + 6]):
            return None, i + 6
        return "has \\u without four hex digits, like \\u00e9", i + 2
    if code in _SIMPLE_ESCAPES and not (in_class and code in "bB"):
        return None, i + 2
    if code in _PUNCTUATION:
        return None, i + 2
    if code == "s":
        return ("uses \\s; write a plain space, since the checker makes every run of white "
                "space one space before matching"), i + 2
    if code.isdigit():
        return "uses a back-reference, which is not allowed", i + 2
    return f"uses \\{code}, which is not in the shared subset (\\b \\B \\d \\D \\w \\W \\uXXXX)", i + 2


def _class(pattern: str, i: int) -> tuple[str | None, int]:
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        return "has an empty class [] or [^]; they differ between Python and JavaScript", j
    while j < len(pattern):
        ch = pattern[j]
        if not ch.isascii():
            return f"has '{ch}', which is not ASCII; write it as \\u{ord(ch):04x}", j
        if ch == "\\":
            problem, j = _escape(pattern, j, in_class=True)
            if problem:
                return problem, j
            continue
        if ch == "[":
            return "has '[' inside a class; escape it as \\[", j
        if ch == "]":
            return None, j + 1
        j += 1
    return "has a '[' with no closing ']'", j


def compile_portable(pattern: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """The pattern as Python runs it: ASCII semantics, case-insensitive unless asked."""
    return re.compile(pattern, re.ASCII | (0 if case_sensitive else re.IGNORECASE))


def js_flags(case_sensitive: bool = False) -> str:
    """The same flags for JavaScript's RegExp (`g` is added where it searches)."""
    return "" if case_sensitive else "i"


def find_all(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every non-empty match, left to right, as spans (empty matches are skipped
    here and in the browser, where they would be counted differently)."""
    return [m.span() for m in regex.finditer(text) if m.end() > m.start()]


def checked_pattern(pattern: str, what: str, case_sensitive: bool = False, *,
                    linear: bool = False) -> re.Pattern[str]:
    """A pattern in the subset Python and the browser read alike, compiled; a
    ValueError naming `what` otherwise. `linear` also refuses unbounded repeats, so
    a long hostile text cannot make the search slow (the draft checker's rules)."""
    problem = portable_problem(pattern) or (unbounded_problem(pattern) if linear else None)
    if problem:
        raise ValueError(f"{what} {problem}")
    try:
        return compile_portable(pattern, case_sensitive)
    except re.error as error:
        raise ValueError(f"{what} is not a regular expression: {error}") from None


def unbounded_problem(pattern: str) -> str | None:
    """Why `pattern` may take more than linear time to search, or None."""
    stripped = re.sub(r"\\.", "", pattern)  # escapes carry no quantifier
    stripped = re.sub(r"\[[^\]]*\]", "x", stripped)  # nor do classes
    found = re.search(r"[*+]|\{\d+,\}", stripped)
    if found:
        return (f"uses the unbounded repeat '{found.group(0)}'; give it an upper bound, "
                "like {1,30}, so a long hostile text cannot make the search slow")
    return None
