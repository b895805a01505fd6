"""Regular expressions that mean the same in Python's `re` and in JavaScript's `RegExp`.

rules.yml's patterns run in two places: here (the template checker, the draft
checker, the command line) and in the reader's browser (web/core/draft.js).
So a pattern must stay inside the subset both engines read the same way, and
`portable_problem` refuses anything outside it, naming what to write instead:

- ASCII, plus letters of other scripts written as themselves (Cyrillic `вина`);
  any other character is written as `\\uXXXX`;
- no `.`, `^`, `$` or `\\s`: the text is matched with every run of white space made
  one plain space (see `normalize`), so a space in a pattern is a plain space;
- escapes: `\\b \\B \\d \\D \\w \\W`, `\\uXXXX`, and an escaped punctuation mark;
- groups: `( )`, `(?: )`, lookahead `(?= )` `(?! )`, fixed-width lookbehind `(?<= )`
  `(?<! )`; no named groups, back-references, inline flags or atomic groups;
- quantifiers `? * + {n} {n,} {n,m}`, lazy or greedy, never possessive;
- a class `[ ]` holds no `[`, and is never empty.

Flags are explicit and the same in both: case-insensitive unless a rule says
otherwise, and ASCII semantics for \\b, \\w and \\d (JavaScript without the `u`
flag; Python with re.ASCII). With re.ASCII, Python folds only ASCII letters, so
`compile_portable` writes each other letter as the class of every character
JavaScript treats as the same letter (`в` as `[вВ]`): "МЫ ВИНОВАТЫ" is found in
both places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
        if not _allowed(ch):
            return f"has '{ch}', which is neither ASCII nor a letter; write it as \\u{ord(ch):04x}"
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
        if not _allowed(ch):
            return f"has '{ch}', which is neither ASCII nor a letter; write it as \\u{ord(ch):04x}", j
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


def _allowed(ch: str) -> bool:
    return ch.isascii() or (ch.isalpha() and ord(ch) < 0x10000)


def _js_canon(ch: str) -> str:
    """The character JavaScript compares `ch` as in a case-insensitive RegExp
    without the `u` flag (ECMA-262 Canonicalize)."""
    upper = ch.upper()
    if len(upper) != 1 or (ord(ch) >= 128 and ord(upper) < 128):
        return ch
    return upper


@cache
def _case_mates() -> dict[str, str]:
    """Each non-ASCII character JavaScript folds with another, and all the
    characters it folds together with it (itself included)."""
    groups: dict[str, set[str]] = {}
    for code in range(128, 0x10000):
        ch = chr(code)
        # Most characters are their own upper case: in a group only if another folds
        # onto them, which puts them there below (a tenth of the time of asking each).
        if ch.upper() == ch or 0xD800 <= code < 0xE000:
            continue
        canon = _js_canon(ch)
        if canon != ch:
            own = canon.isascii() or _js_canon(canon) == canon
            groups.setdefault(canon, {canon} if own else set()).add(ch)
    mates: dict[str, str] = {}
    for members in groups.values():
        group = sorted(members)
        if len(group) > 1:
            for ch in group:
                if not ch.isascii():
                    mates[ch] = "".join(group)
    return mates


def _u(ch: str) -> str:
    return f"\\u{ord(ch):04x}"


def _caseless(pattern: str) -> str:
    """`pattern` with each non-ASCII letter (as itself or as \\uXXXX) widened to
    every character JavaScript's `i` flag matches it with; ASCII is left to re.ASCII."""
    if pattern.isascii() and "\\u" not in pattern:
        return pattern
    mates = _case_mates()
    out: list[str] = []
    i, n = 0, len(pattern)

    def char_at(k: int) -> tuple[str | None, int]:
        """The literal character at k (itself or a \\uXXXX escape) and the index after it."""
        if pattern.startswith("\\u", k):
            return chr(int(pattern[k + 2:k + 6], 16)), k + 6
        if pattern[k] == "\\":
            return None, k + 2
        return pattern[k], k + 1

    while i < n:
        if pattern[i] == "[":
            j = i + 1 + pattern.startswith("^", i + 1)
            extra: list[str] = []
            inside: set[str] = set()
            while j < n and pattern[j] != "]":
                ch, after = char_at(j)
                if ch is not None and after < n and pattern[after] == "-" and after + 1 < n \
                        and pattern[after + 1] != "]":
                    hi, end = char_at(after + 1)
                    span = [chr(c) for c in range(ord(ch), ord(hi or ch) + 1)]
                    after = end
                else:
                    span = [ch] if ch is not None else []
                inside.update(span)
                extra.extend(m for c in span for m in mates.get(c, ""))
                j = after
            added = "".join(_u(c) for c in sorted(set(extra) - inside))
            body = pattern[i:j]
            if added and body.endswith("-") and not body.endswith("\\-"):
                body, added = body[:-1], added + "\\-"  # a literal '-' last stays last
            out.append(body + added)
            i = j
            continue
        ch, after = char_at(i)
        if ch is not None and ch in mates:
            out.append("[" + "".join(_u(c) for c in mates[ch]) + "]")
        else:
            out.append(pattern[i:after])
        i = after
    return "".join(out)


@cache  # the checks compile the same few hundred patterns for every template
def compile_portable(pattern: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """The pattern as Python runs it: ASCII semantics, case-insensitive unless asked
    (letters of other scripts folded as JavaScript folds them)."""
    if case_sensitive:
        return re.compile(pattern, re.ASCII)
    return re.compile(_caseless(pattern), re.ASCII | re.IGNORECASE)


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
