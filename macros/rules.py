"""The rules every template obeys, read from data/rules.yml (the one source)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

RULES_FILE = Path(__file__).parent / "data" / "rules.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Playbook(_Strict):
    page: str


class Channel(_Strict):
    subject: Literal["required", "forbidden"]
    sections: list[str] | Literal["free"]
    section_titles: bool = False
    min_sections: int = 1

    @property
    def free_sections(self) -> bool:
        return self.sections == "free"


class Limits(_Strict):
    voicemail_max_seconds: int
    voicemail_words_per_minute: int
    voicemail_number_repeats: int
    subject_max_chars: int
    email_body_max_words: int
    playbook_max_words: int
    playbook_min_reading_ease: int


class BlockedPhrase(_Strict):
    phrase: str
    pattern: str | None = None
    why: str
    instead: str

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern or re.escape(self.phrase), re.IGNORECASE)


class Rules(_Strict):
    playbooks: dict[str, Playbook]
    channels: dict[str, Channel]
    limits: Limits
    unfinished_marker: str
    phrase_check_exempt_sections: list[str]
    blocked_phrases: list[BlockedPhrase]


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    return Rules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
