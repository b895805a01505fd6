"""The sentence-level pass of "Check my draft": the writer's own words read clause
by clause, so a rule can ask who acts and what they did, not only which phrase
was used.

A clause ends where a sentence does (. ! ? … before a space, a line break) and
at each match of the language's `clauses.ends` ("," "but" "so" "if" …; the word
that ends one clause opens the next, so "if you forgot" is a clause of its own).
In each clause the actors are found (`clauses.actors`: `us` for we / I / our
team; `colleague` for someone on your side by role or team, `named` for a person
by name, `supplier` for anyone you hired; `client` for "you" and the client's
people) and the language's word lists
(`clauses.words`: mistake verbs, passive mistakes, vague and past times …).

A `ClauseSpec` (a rule's or a part's `clause:`) then says what to look for: each
match of `verb` whose nearest actor before it in the same clause is one of
`actor` ("none" when there is none), in a clause that also has every one of
`has` and none of `not`. Names in `has`, `not` and `verb` are a words list, a
part (its patterns and unless: "fix-date" is a time still to come) or an actor
kind. web/core/draft.js mirrors this step for step. Every pattern is bounded, so
each list is found in one linear search and the pass is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .patterns import checked_pattern, compile_portable, find_all

ACTOR_KINDS = ("us", "colleague", "named", "supplier", "client")
SENTENCE_ENDS = ".!?\u2026"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Actor(Strict):
    kind: Literal[ACTOR_KINDS]  # type: ignore[valid-type]
    pattern: str
    case_sensitive: bool = False

    @property
    def regex(self) -> re.Pattern[str]:
        return compile_portable(self.pattern, self.case_sensitive)


class Clauses(Strict):
    """The language's clause data: where clauses end, who acts, the word lists."""

    ends: list[str] = Field(min_length=1)
    # A clause that opens with one of these and names no one goes on with the
    # actor of the clause before it: "The agent handling your file, Mr Rao, had kept it".
    carry: list[str] = [","]
    # ... unless it opens with its own subject, matched from the carry mark on: in "I am
    # sorry, the certificates were printed with the wrong name" the "I" stays behind.
    subject: list[str] = []
    # A pronoun that points back: a clause with no actor whose verb comes after one
    # goes on with the sentence's last actor ("our IT provider - they made an update").
    refer: list[str] = []
    # The pronouns of `refer` that never mean us ("he", "she"): they point back past we / I
    # ("I must say that he had no authority"). "They" may be our team, so it is not here.
    refer_not_us: list[str] = []
    actors: list[Actor] = Field(min_length=1)
    words: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _patterns_are_safe(self) -> Clauses:
        for where, pattern, case_sensitive in self.patterns():
            checked_pattern(pattern, where, case_sensitive, linear=True)
        clash = sorted(set(self.words) & {*ACTOR_KINDS, "none"})
        if clash:
            raise ValueError(f"clauses.words may not be named {', '.join(clash)} (an actor kind)")
        return self

    def patterns(self) -> list[tuple[str, str, bool]]:
        """(where, pattern, case-sensitive) for every pattern of the pass."""
        found = [(f"clauses.ends[{i}]", p, False) for i, p in enumerate(self.ends)]
        found += [(f"clauses.actors[{i}] ({a.kind})", a.pattern, a.case_sensitive)
                  for i, a in enumerate(self.actors)]
        found += [(f"clauses.refer[{i}]", p, False) for i, p in enumerate(self.refer)]
        found += [(f"clauses.refer_not_us[{i}]", p, False) for i, p in enumerate(self.refer_not_us)]
        found += [(f"clauses.subject[{i}]", p, False) for i, p in enumerate(self.subject)]
        return found + [(f"clauses.words.{name}[{i}]", p, False)
                        for name, patterns in self.words.items() for i, p in enumerate(patterns)]


class ClauseSpec(Strict):
    """What a rule or a part looks for in one clause (see the module's docstring)."""

    verbs: list[str] = Field(min_length=1)
    actor: list[Literal[(*ACTOR_KINDS, "none")]] | None = None  # type: ignore[valid-type]
    has: list[str] = []
    not_: list[str] = Field(default=[], alias="not")
    # Where `has` and `not` are looked for: the verb's clause, or its whole sentence
    # ("Whenever you get a sec, let me know": the vague time and the ask are one sentence).
    within: Literal["clause", "sentence"] = "clause"
    # Looked for in the verb's own clause whatever `within` says: "We've sent it back and
    # it should be with us in a fortnight or so" is past in one clause, vague in the other.
    not_in_clause: list[str] = []
    # One of these must come before the actor (or, with none, the verb) in its clause:
    # a cause ("because", "due to") then who else did it is blame, whatever the verb.
    after: list[str] = []
    # For a part: the channels where this clause counts ("Tracking link by 6pm" is a text's
    # next step; in an email the same words are the fix date's). None: every channel.
    channels: list[str] | None = None
    # Where none of these (a part's own matches) is anywhere in the text, `has` is not needed: the match is the
    # draft's only time ("the new floor goes down once the boards arrive", and no date
    # elsewhere), which one sentence alone can't show.
    alone: list[str] = []

    def names(self) -> list[str]:
        return [*self.verbs, *self.has, *self.not_, *self.not_in_clause, *self.after, *self.alone]


def clause_ids(text: str, breaks: frozenset[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """For each index of `text`, which clause and which sentence it is in: a
    sentence ends after . ! ? … before a space and at a line break; a clause ends
    there too, and before each index in `ends`."""
    starts = set(ends)
    clauses, sentences, clause, sentence, n = [], [], 0, 0, len(text)
    for i, ch in enumerate(text):
        if i in starts and i:
            clause += 1
        clauses.append(clause)
        sentences.append(sentence)
        if i in breaks or (ch in SENTENCE_ENDS and (i + 1 == n or text[i + 1] == " ")):
            clause += 1
            sentence += 1
    return clauses, sentences


class ClauseView:
    """One text read clause by clause; the spans of each list are found once, when
    first asked for."""

    def __init__(self, text: str, breaks: frozenset[int], clauses: Clauses, parts: dict) -> None:
        self.text = text
        self.clauses = clauses
        self.parts = parts
        ends = sorted(a for p in clauses.ends for a, _ in find_all(compile_portable(p), text))
        self.ids, self.sentence_ids = clause_ids(text, breaks, ends)
        self.starts: dict[int, int] = {}
        for i, clause in enumerate(self.ids):
            self.starts.setdefault(clause, i)
        self.actors = self._actors()
        self.actor_ends = [end for _, end, _ in self.actors]
        self.actor_starts = [start for start, _, _ in self.actors]
        # For each actor, the nearest one at or before it that is not us: a pronoun of
        # `refer` (he, she, they) points back past "we" and "I".
        self.other: list[int] = []
        for i, (_, _, kind) in enumerate(self.actors):
            self.other.append(i if kind != "us" else (self.other[-1] if self.other else -1))
        self.refers = sorted(a for p in clauses.refer for a, _ in find_all(compile_portable(p), text))
        self.not_us = {a for p in clauses.refer_not_us for a, _ in find_all(compile_portable(p), text)}
        self.own_subject = {a for p in clauses.subject for a, _ in find_all(compile_portable(p), text)}
        self._found: dict[str, list[tuple[int, int]]] = {}
        self._after: dict[tuple[str, ...], tuple[list[int], list[tuple[int, int]]]] = {}
        # Each wording rule's spans in this text, once (draft_rules.DraftRules.rule_spans).
        self.rule_spans: dict[str, list[tuple[int, int]]] = {}

    def _actors(self) -> list[tuple[int, int, str]]:
        """Every actor, left to right; where two overlap, the one that starts first
        (then the longer) stands: "the haulier we use" is one outside actor."""
        found = sorted(((a, b, actor.kind) for actor in self.clauses.actors
                        for a, b in find_all(actor.regex, self.text)), key=lambda f: (f[0], -f[1]))
        kept: list[tuple[int, int, str]] = []
        for start, end, kind in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, kind))
        return kept

    def spans(self, name: str) -> list[tuple[int, int]]:
        """The matches of a words list, a part or an actor kind."""
        if name not in self._found:
            if name in ACTOR_KINDS:
                found = [(a, b) for a, b, kind in self.actors if kind == name]
            elif name in self.clauses.words:
                regexes = [compile_portable(p) for p in self.clauses.words[name]]
                found = sorted(span for regex in regexes for span in find_all(regex, self.text))
            elif name in self.parts:
                from .draft_rules import matches

                part = self.parts[name]
                found = matches(part.regexes, part.unless_regexes, self.text)
            else:
                raise KeyError(name)
            self._found[name] = found
        return self._found[name]

    def units_with(self, name: str, within: str) -> set[int]:
        """The clauses (or sentences) where `name` is found."""
        ids = self.ids if within == "clause" else self.sentence_ids
        return {ids[a] for a, _ in self.spans(name)}

    def actor_before(self, index: int) -> tuple[int, int, str] | None:
        """The nearest actor that ends at or before `index`, in the same clause; or,
        when that clause has none and opens with a `carry` mark and no `subject`, the last
        one of the clause before it in the sentence ("The agent handling your file, Mr Rao, had
        kept it"); but when a pronoun of `refer` stands before `index` in the clause, after
        that actor, the sentence's last actor (for `refer_not_us`, the last that is not us: "Tyler (who has left) said it when
        he shouldn't have", "I must say that he had no authority")."""
        k = bisect_right(self.actor_ends, index) - 1
        if k < 0:
            return None
        clause, at = self.ids[index], self.ids[self.actors[k][0]]
        start = self.starts[clause]
        # A pronoun after the nearest actor is the verb's own subject: in "I must say that he
        # had no authority" it is he, not I, who had none.
        r = bisect_left(self.refers, max(start, self.actors[k][1]))
        if r < len(self.refers) and self.refers[r] < index:
            j = self.other[k] if self.refers[r] in self.not_us else k
            same = j >= 0 and self.sentence_ids[self.actors[j][0]] == self.sentence_ids[index]
            return self.actors[j] if same else None
        if at == clause:
            return self.actors[k]
        if self.sentence_ids[start] != self.sentence_ids[self.actors[k][0]]:
            return None
        if at == clause - 1 and self.text[start] in self.clauses.carry and start not in self.own_subject:
            return self.actors[k]
        return None

    def comes_after(self, names: list[str], index: int) -> bool:
        """Whether a match of one of `names` ends at or before `index`, in its clause,
        with no other actor between it and `index`: in "because I know how you felt"
        the cause is about "I", not "you"."""
        key = tuple(names)
        if key not in self._after:
            spans = sorted((span for name in names for span in self.spans(name)), key=lambda s: s[1])
            latest, so_far = (-1, -1), []
            for span in spans:
                latest = max(latest, span)
                so_far.append(latest)
            self._after[key] = ([end for _, end in spans], so_far)
        ends, latest_spans = self._after[key]
        k = bisect_right(ends, index) - 1
        if k < 0:
            return False
        start, end = latest_spans[k]
        return (self.ids[start] == self.ids[index]
                and bisect_left(self.actor_starts, end) == bisect_left(self.actor_starts, index))

    def part_spans(self, name: str) -> list[tuple[int, int]]:
        """A part's (or a list's) matches, less those in a clause its `not_in_clause_with`
        lists or `not_in_clause` bars pick out ("I'll call you at 3" gives no fix date)."""
        part = self.parts.get(name)
        if part is None:
            return self.spans(name)
        barred = set().union(*(self.units_with(n, "clause") for n in part.not_in_clause_with),
                             *(self.barred_by(bar) for bar in part.not_in_clause))
        return [s for s in self.spans(name) if self.ids[s[0]] not in barred]

    def barred_by(self, bar) -> set[int]:
        """The clauses that have one of the bar's `has` and whose clause (or sentence,
        by its `within`) has none of its `unless`; with `carried`, also the clauses after
        each one that open with a carry mark, in its sentence, and aren't spared."""
        ids = self.ids if bar.within == "clause" else self.sentence_ids
        spared = {ids[a] for n in bar.unless for a, _ in self.spans(n)}
        barred = {self.ids[a] for n in bar.has for a, _ in self.spans(n) if ids[a] not in spared}
        for clause in sorted(barred) if bar.carried else []:
            after = self.starts.get(clause + 1)
            while (after is not None and self.text[after] in self.clauses.carry
                   and self.sentence_ids[after] == self.sentence_ids[self.starts[clause]]
                   and ids[after] not in spared):
                clause += 1
                barred.add(clause)
                after = self.starts.get(clause + 1)
        return barred

    def find(self, spec: ClauseSpec) -> list[tuple[int, int]]:
        """Where `spec` holds: each verb match (from its actor, when it has one)."""
        ids = self.ids if spec.within == "clause" else self.sentence_ids
        alone = bool(spec.alone) and not any(self.part_spans(name) for name in spec.alone)
        has = [] if alone else [self.units_with(name, spec.within) for name in spec.has]
        barred = set().union(*(self.units_with(name, spec.within) for name in spec.not_))
        barred_clauses = set().union(*(self.units_with(name, "clause") for name in spec.not_in_clause))
        # Blame points from who did it to what they did; a passive, from the verb.
        from_actor = spec.actor is not None and "none" not in spec.actor
        found = []
        for start, end in sorted(span for name in spec.verbs for span in self.spans(name)):
            unit = ids[start]
            # A verb inside an actor is part of who it is: "the lad we sent out fitted …".
            k = bisect_right(self.actor_starts, start) - 1
            if k >= 0 and self.actors[k][0] < start < self.actors[k][1]:
                continue
            if unit in barred or self.ids[start] in barred_clauses or not all(unit in h for h in has):
                continue
            actor = self.actor_before(start)
            if spec.actor is not None and (actor[2] if actor else "none") not in spec.actor:
                continue
            if spec.after and not self.comes_after(spec.after, actor[0] if actor else start):
                continue
            found.append((actor[0] if from_actor and actor else start, end))
        return found
