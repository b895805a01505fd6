"""The rules every template obeys, read from data/rules.yml (the one source).

Channels and playbooks are complete records: code asks a channel what it needs
(its sections, limits, size, actions, scaffold) instead of branching on its name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .datafile import DATA_DIR, load_model
from .measure import MEASURES

RULES_FILE = DATA_DIR / "rules.yml"
KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Playbook(Strict):
    page: str = Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")
    checklist: str = Field(pattern=r"^[a-z0-9][a-z0-9/-]*\.md$")


class Limit(Strict):
    measure: str
    max: float | None = None
    min: float | None = None

    @model_validator(mode="after")
    def _known_and_bounded(self) -> Limit:
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure '{self.measure}'; use one of: {', '.join(MEASURES)}")
        if (self.max is None) == (self.min is None):
            raise ValueError("give a limit exactly one of max or min")
        return self


class ScaffoldField(Strict):
    label: str
    example: str
    hint: str
    kind: str = "text"


class Scaffold(Strict):
    fields: dict[str, ScaffoldField] = {}
    sections: dict[str, str] = {}


Action = Literal["fill", "copy", "mailto", "eml", "sms", "txt", "print", "ics"]


class Channel(Strict):
    subject: Literal["required", "forbidden"]
    sections: list[str] | Literal["free"]
    section_titles: bool = False
    min_sections: int = 1
    limits: list[Limit]
    size: str | None = None
    actions: list[Action]
    scaffold: Scaffold = Scaffold()

    @property
    def free_sections(self) -> bool:
        return self.sections == "free"

    @property
    def has_subject(self) -> bool:
        return self.subject == "required"

    @model_validator(mode="after")
    def _size_is_a_measure(self) -> Channel:
        if self.size is not None and self.size not in MEASURES:
            raise ValueError(f"size '{self.size}' is not a measure; use one of: {', '.join(MEASURES)}")
        return self


class Limits(Strict):
    voicemail_words_per_minute: int = Field(gt=0)
    playbook_max_words: int
    playbook_min_reading_ease: int


class BlockedPhrase(Strict):
    phrase: str
    pattern: str | None = None
    why: str
    instead: str

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern or re.escape(self.phrase), re.IGNORECASE)

    @model_validator(mode="after")
    def _compiles(self) -> BlockedPhrase:
        try:
            self.regex  # noqa: B018
        except re.error as error:
            raise ValueError(f"pattern for '{self.phrase}' is not a regular expression: {error}")
        return self


class Rules(Strict):
    playbooks: dict[str, Playbook]
    channels: dict[str, Channel]
    about_me: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]]
    reminders: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]]
    limits: Limits
    unfinished_marker: str
    phrase_check_exempt_sections: list[str]
    blocked_phrases: list[BlockedPhrase]

    @model_validator(mode="after")
    def _ids_are_kebab(self) -> Rules:
        for what, ids in (("playbook", self.playbooks), ("channel", self.channels)):
            for name in ids:
                if not re.match(KEBAB, name):
                    raise ValueError(f"{what} id '{name}' is not kebab-case")
        return self


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    return load_model(path, Rules)
