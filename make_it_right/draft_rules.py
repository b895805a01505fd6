"""The wording rules for "Check my draft", per language (data/draft-rules/<lang>.yml):
one record per rule, and how a draft's structure is read before they run.

Every pattern is in the subset Python and the browser read alike
(patterns.portable_problem) and has no unbounded repeat, so each match is of
bounded length and searching a text is linear in its length.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .datafile import DATA_DIR, language_file, load_model
from .draft_clauses import ACTOR_KINDS, Clauses, ClauseSpec, ClauseView
from .errors import DataError
from .model import KEBAB
from .patterns import checked_pattern, compile_portable, find_all

RULES_DIR = DATA_DIR / "draft-rules"

WORDING_CATEGORIES = ("written-admission", "conditional-apology", "over-promise", "blame",
                      "vague-time", "passive-evasion", "tone")
CATEGORIES = (*WORDING_CATEGORIES, "missing-part", "size", "readability")
TOO_LONG = "too-long-to-check"

def checked(pattern: str, what: str, case_sensitive: bool = False) -> re.Pattern[str]:
    return checked_pattern(pattern, what, case_sensitive, linear=True)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Examples(Strict):
    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)


# Between a shape's actor and verb: ", our new junior," / " who was covering your
# account" / up to two words ("again", "completely"). Before the verb: not after
# "I", "we", "us" (their own subject) or a negation ("hasn't missed").
SHAPE_BETWEEN = ("(?:,? (?:who|whom|that) [A-Za-z0-9' -]{1,50},?|, [A-Za-z0-9' -]{1,50},"
                 "|(?: [a-z']{1,15}){0,2})")
SHAPE_NOT_IF = "(?<!if )(?<!If )(?<!in case )(?<!In case )(?<!whether )"  # "if you forgot your password"
SHAPE_NOT_SUBJECT = "(?<! I )(?<! we )(?<! We )(?<! us )(?<!n't )(?<! not )(?<! never )"


class Shape(Strict):
    """Blame as a shape, not a phrase: someone outside "we" (`actors`), then a
    mistake (`verbs`) in the same sentence, with at most two words or one clause
    between them ("Priya, who was covering your account, forgot …"); not when the
    verb follows "I", "we", "us" or a negation ("hasn't missed"). Expanded into
    one bounded pattern, so both engines run it like any other."""

    actors: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)

    def pattern(self) -> str:
        return (f"{SHAPE_NOT_IF}\\b(?:{'|'.join(self.actors)}){SHAPE_BETWEEN} {SHAPE_NOT_SUBJECT}"
                f"(?:{'|'.join(self.verbs)})\\b")


class DraftRule(Strict):
    id: str = Field(pattern=KEBAB)
    category: Literal[WORDING_CATEGORIES]  # type: ignore[valid-type]
    channels: list[str] | None = None
    case_sensitive: bool = False
    message: str = Field(min_length=1)
    instead: str = Field(min_length=1)
    link: str | None = None
    # A short example of the wording, for the phrase bank's table of what never goes
    # in writing (every rule rules.yml `written_admissions.ids` names has one).
    phrase: str | None = None
    patterns: list[str] = []
    unless: list[str] = []
    # When given, the rule flags only if one of these also matches somewhere in the
    # same message (the client's loss set beside an offer).
    beside: list[str] = []
    # What the sentence-level pass flags for it (draft_clauses): who acts, what they did.
    clause: ClauseSpec | None = None
    examples: Examples

    @model_validator(mode="before")
    @classmethod
    def _shapes_are_patterns(cls, data):
        """A `shapes:` list adds one pattern per shape (see Shape)."""
        if isinstance(data, dict) and "shapes" in data:
            data = dict(data)
            shapes = [Shape.model_validate(shape) for shape in data.pop("shapes") or []]
            data["patterns"] = [*(data.get("patterns") or []), *(s.pattern() for s in shapes)]
        return data

    @property
    def regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p, self.case_sensitive) for p in self.patterns]

    @property
    def unless_regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p, self.case_sensitive) for p in self.unless]

    @property
    def beside_regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p, self.case_sensitive) for p in self.beside]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the rule flags `text` (one whole message)."""
        if self.beside and not matches(self.beside_regexes, [], text):
            return []
        return matches(self.regexes, self.unless_regexes, text)

    @model_validator(mode="after")
    def _patterns_are_safe(self) -> DraftRule:
        if not self.patterns and self.clause is None:
            raise ValueError(f"rule '{self.id}' has no patterns and no clause; give one")
        for field in ("patterns", "unless", "beside"):
            for i, pattern in enumerate(getattr(self, field)):
                checked(pattern, f"rule '{self.id}' {field}[{i}]", self.case_sensitive)
        return self


class ClauseBar(Strict):
    """Clauses a part's match doesn't count in: those with one of `has` and none of
    `unless` (clauses.words lists or parts)."""

    has: list[str] = Field(min_length=1)
    unless: list[str] = []
    # Where `unless` is looked for: the clause, or its whole sentence ("The return is
    # confirmed for Sunday, 14:00": the comma cuts the time off from its verb).
    within: Literal["clause", "sentence"] = "clause"
    # The bar runs on into the clauses after a barred one that open with a `carry`
    # mark and aren't spared: "I'll call you tomorrow, Tuesday, at 9:30".
    carried: bool = False


class DraftPart(Strict):
    """Something a draft must contain (an apology, the impact, a date still to
    come, a next step): there when one of `patterns` matches, unless a match of
    `unless` overlaps it ("DO NOT apologise", "since 9 am")."""

    patterns: list[str] = Field(min_length=1)
    unless: list[str] = []
    # A vague time is not a time: with a finding of one of `missing_with`'s categories
    # anywhere in the draft the part is missing ("resume shortly" is no fix date, even
    # beside an update's time); a match in one sentence with a finding of one of
    # `not_beside`'s categories doesn't count ("someone will be in touch shortly").
    missing_with: list[Literal[WORDING_CATEGORIES]] = []  # type: ignore[valid-type]
    # ... but not one in a sentence that has one of these (clauses.words lists or
    # parts): "I'll give you a bell later on" leaves the fix's own date standing.
    missing_with_unless: list[str] = []
    # ... and, when given, only one in a sentence that has one of these: "I'll try you
    # again later" leaves a voicemail with no next step, whatever "call me back" it has.
    missing_with_if: list[str] = []
    not_beside: list[Literal[WORDING_CATEGORIES]] = []  # type: ignore[valid-type]
    # ... unless that sentence also has one of these parts ("soon, and I'll call at 3").
    not_beside_unless: list[str] = []
    # Also there where the sentence-level pass finds one of these (draft_clauses):
    # "I'll write to you at 11:30" is a next step whatever verb it uses.
    clauses: list[ClauseSpec] = []
    # A match in a clause that has one of these (clauses.words lists) doesn't count:
    # "on Tuesday we sent the file" times what happened, not what comes.
    not_in_clause_with: list[str] = []
    # ... nor one in a clause a bar picks out: a time in "I'll call you at 3" is when
    # they hear from us, not when the fix lands, unless the call brings the fix.
    not_in_clause: list[ClauseBar] = []

    @property
    def regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p) for p in self.patterns]

    @property
    def unless_regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p) for p in self.unless]

    def found(self, text: str) -> bool:
        return bool(matches(self.regexes, self.unless_regexes, text))


class Guess(Strict):
    """A cue that a draft is for `channel` when the reader doesn't pick one."""

    channel: str
    pattern: str

    @property
    def regex(self) -> re.Pattern[str]:
        return compile_portable(self.pattern)


def matches(regexes: list[re.Pattern[str]], unless: list[re.Pattern[str]],
            text: str) -> list[tuple[int, int]]:
    """Every match of `regexes`, left to right, that no match of `unless` overlaps;
    two matches that overlap count once (the first)."""
    spans = sorted(span for regex in regexes for span in find_all(regex, text))
    excepted = [span for regex in unless for span in find_all(regex, text)]
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if any(a < end and start < b for a, b in excepted):
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


class SetAsideKind(Strict):
    """One kind of text that is not the writer's own: a line that is it, a line
    from which on everything is it, or a labelled block of list lines."""

    line: str | None = None
    from_here_on: list[str] = []
    starts_block: str | None = None
    continues: str | None = None
    # At the message's end, with no marker line: a whole line that closes the letter
    # ("Kind regards,") and at most `tail_lines` short lines after it (name, title,
    # address) ...
    closing: list[str] = []
    tail_lines: int = Field(default=8, gt=0)
    tail_chars: int = Field(default=90, gt=0)
    # ... or closing paragraphs with at least `footer_cues` different cues of
    # register and confidentiality boilerplate (one cue alone, like "liability",
    # is the writer's own word).
    footer: list[str] = []
    footer_cues: int = Field(default=2, gt=0)

    def patterns(self) -> dict[str, str]:
        found = {f"from_here_on[{i}]": p for i, p in enumerate(self.from_here_on)}
        found |= {f"closing[{i}]": p for i, p in enumerate(self.closing)}
        found |= {f"footer[{i}]": p for i, p in enumerate(self.footer)}
        for name in ("line", "starts_block", "continues"):
            if getattr(self, name) is not None:
                found[name] = getattr(self, name)
        return found


class DraftRules(Strict):
    max_chars: int = Field(gt=0)
    links: dict[str, str]
    set_aside: dict[str, SetAsideKind]
    rules: list[DraftRule]
    parts: dict[str, DraftPart]
    guess: list[Guess] = []
    clauses: Clauses | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DraftRules:
        ids = [r.id for r in self.rules]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"rule id(s) {', '.join(twice)} used twice; each rule has its own id")
        missing = [c for c in (*CATEGORIES, TOO_LONG) if c not in self.links]
        if missing:
            raise ValueError(f"links has no page for {', '.join(missing)}; add one")
        for name, kind in self.set_aside.items():
            for where, pattern in kind.patterns().items():
                checked(pattern, f"set_aside.{name}.{where}")
        for where, pattern in self.part_patterns().items():
            checked(pattern, where)
        shared = sorted(set(self.clauses.words) & set(self.parts)) if self.clauses else []
        if shared:
            raise ValueError(f"clauses.words {', '.join(shared)} share a part's name; rename the list")
        if self.clauses is None and self.clause_names():
            raise ValueError(f"{next(iter(self.clause_names()))} needs the file's clauses: section; add it")
        return self

    def clause_names(self) -> dict[str, list[str]]:
        """What each `clause:`, `missing_with_unless` and `missing_with_if` names, by where it sits."""
        return ({f"rule '{r.id}' clause": r.clause.names() for r in self.rules if r.clause}
                | {f"parts.{name}.clauses[{i}]": c.names() for name, p in self.parts.items()
                   for i, c in enumerate(p.clauses)}
                | {f"parts.{name}.not_in_clause_with": p.not_in_clause_with
                   for name, p in self.parts.items() if p.not_in_clause_with}
                | {f"parts.{name}.not_in_clause[{i}]": bar.has + bar.unless
                   for name, p in self.parts.items() for i, bar in enumerate(p.not_in_clause)}
                | {f"parts.{name}.missing_with_unless": p.missing_with_unless
                   for name, p in self.parts.items() if p.missing_with_unless}
                | {f"parts.{name}.missing_with_if": p.missing_with_if
                   for name, p in self.parts.items() if p.missing_with_if})

    def view(self, text: str, breaks: frozenset[int] = frozenset()) -> ClauseView | None:
        """`text` read clause by clause, for the rules and parts that ask (None when
        the language has no clause data)."""
        return ClauseView(text, breaks, self.clauses, self.parts) if self.clauses else None

    def rule_spans(self, rule: DraftRule, text: str, breaks: frozenset[int] = frozenset(),
                   view: ClauseView | None = None) -> list[tuple[int, int]]:
        """Where `rule` flags `text`: its patterns, then its clause (a match that
        overlaps one already found counts once)."""
        if view is not None and rule.id in view.rule_spans:
            return view.rule_spans[rule.id]
        spans = rule.spans(text) if rule.patterns else []
        if rule.clause is not None:
            view = view or self.view(text, breaks)
            for start, end in view.find(rule.clause) if view else []:
                if not any(a < end and start < b for a, b in spans):
                    spans.append((start, end))
            spans.sort()
        if view is not None:
            view.rule_spans[rule.id] = spans
        return spans

    def part_patterns(self) -> dict[str, str]:
        """The parts' and the channel cues' patterns, by where they sit."""
        found = {f"parts.{name}.{field}[{i}]": p for name, part in self.parts.items()
                 for field in ("patterns", "unless") for i, p in enumerate(getattr(part, field))}
        return found | {f"guess[{i}] ({g.channel})": g.pattern for i, g in enumerate(self.guess)}

    def link(self, rule: DraftRule) -> str:
        return rule.link or self.links[rule.category]

    def rule(self, rule_id: str) -> DraftRule:
        return next(r for r in self.rules if r.id == rule_id)


def check_draft_rules_cover(wording: DraftRules, rules, language: str) -> None:
    """The language's draft rules give every part rules.yml `draft_checks` names,
    every rule `written_admissions` names (with its phrase), and channel cues only
    for channels drafts are checked for; a DataError naming the file otherwise."""
    path = RULES_DIR / f"{language}.yml"
    checks = rules.draft_checks
    problems = [f"parts has no '{p}', which rules.yml draft_checks names; add its patterns"
                for p in checks.parts if p not in wording.parts]
    problems += [f"parts.{p} is not a part rules.yml draft_checks names; remove it"
                 for p in wording.parts if p not in checks.parts]
    problems += [f"parts.{name}.not_beside_unless names '{other}', which the file has no part for"
                 for name, part in wording.parts.items() for other in part.not_beside_unless
                 if other not in wording.parts]
    known = {*ACTOR_KINDS, *wording.parts, *(wording.clauses.words if wording.clauses else {})}
    problems += [f"{where} names '{name}', which is no clauses.words list, part or actor kind "
                 f"({', '.join(ACTOR_KINDS)})" for where, names in wording.clause_names().items()
                 for name in names if name not in known]
    ids = {r.id: r for r in wording.rules}
    problems += [f"rules has no '{i}', which rules.yml written_admissions names; add it"
                 for i in rules.written_admissions.ids if i not in ids]
    problems += [f"rule '{i}' has no phrase; the phrase bank lists it, so give a short example"
                 for i in rules.written_admissions.ids if i in ids and not ids[i].phrase]
    problems += [f"guess names channel '{g.channel}', which drafts are not checked for; use: "
                 f"{', '.join(checks.channels)}" for g in wording.guess if g.channel not in checks.channels]
    problems += [f"rule '{r.id}' names unknown channel(s) "
                 f"{', '.join(c for c in r.channels if c not in rules.channels)}"
                 for r in wording.rules if r.channels and not set(r.channels) <= set(rules.channels)]
    problems += [f"parts.{name}.clauses[{i}] names unknown channel(s) "
                 f"{', '.join(c for c in spec.channels if c not in checks.channels)}"
                 for name, part in wording.parts.items() for i, spec in enumerate(part.clauses)
                 if spec.channels and not set(spec.channels) <= set(checks.channels)]
    problems += [f"rule '{r.id}' clause has channels; give the rule's own channels instead"
                 for r in wording.rules if r.clause is not None and r.clause.channels is not None]
    if problems:
        raise DataError(path, "; ".join(problems))


# One language's wording rules with their examples and comments outgrow the 256 KB
# every other data file keeps to; still a cap, so a runaway file is refused.
DRAFT_RULES_MAX_BYTES = 512 * 1024


@cache
def load_draft_rules(language: str = "en") -> DraftRules:
    """The draft rules for `language` (a code like "en", "ru"; the caller decides)."""
    return load_model(language_file(RULES_DIR, language, "draft rules"), DraftRules, max_bytes=DRAFT_RULES_MAX_BYTES)
