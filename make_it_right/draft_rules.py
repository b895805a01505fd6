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
from .model import KEBAB
from .patterns import checked_pattern, compile_portable

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


class DraftRule(Strict):
    id: str = Field(pattern=KEBAB)
    category: Literal[WORDING_CATEGORIES]  # type: ignore[valid-type]
    channels: list[str] | None = None
    case_sensitive: bool = False
    message: str = Field(min_length=1)
    instead: str = Field(min_length=1)
    link: str | None = None
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = []
    examples: Examples

    @property
    def regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p, self.case_sensitive) for p in self.patterns]

    @property
    def unless_regexes(self) -> list[re.Pattern[str]]:
        return [compile_portable(p, self.case_sensitive) for p in self.unless]

    @model_validator(mode="after")
    def _patterns_are_safe(self) -> DraftRule:
        for i, pattern in enumerate(self.patterns):
            checked(pattern, f"rule '{self.id}' patterns[{i}]", self.case_sensitive)
        for i, pattern in enumerate(self.unless):
            checked(pattern, f"rule '{self.id}' unless[{i}]", self.case_sensitive)
        return self


class SetAsideKind(Strict):
    """One kind of text that is not the writer's own: a line that is it, a line
    from which on everything is it, or a labelled block of list lines."""

    line: str | None = None
    from_here_on: list[str] = []
    starts_block: str | None = None
    continues: str | None = None

    def patterns(self) -> dict[str, str]:
        found = {f"from_here_on[{i}]": p for i, p in enumerate(self.from_here_on)}
        for name in ("line", "starts_block", "continues"):
            if getattr(self, name) is not None:
                found[name] = getattr(self, name)
        return found


class DraftRules(Strict):
    max_chars: int = Field(gt=0)
    links: dict[str, str]
    set_aside: dict[str, SetAsideKind]
    rules: list[DraftRule]

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
        return self

    def link(self, rule: DraftRule) -> str:
        return rule.link or self.links[rule.category]


@cache
def load_draft_rules(language: str = "en") -> DraftRules:
    return load_model(language_file(RULES_DIR, language, "draft rules"), DraftRules)
