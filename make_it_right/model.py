"""A template: the shape of its file (a pydantic schema), and the immutable,
already-parsed object the loader builds from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from .placeholders import Part, TextError, parse

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_NAME = r"^[a-z][a-z0-9_]*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
MAX_ID = 64
# Names Windows keeps for devices: a file called con.yml cannot be checked out there.
RESERVED_NAMES = frozenset(["con", "prn", "aux", "nul", "conin$", "conout$"]
                           + [f"{d}{n}" for d in ("com", "lpt") for n in "0123456789¹²³"])


def id_problem(name: str) -> str | None:
    """Why `name` cannot be an id or a file name (templates, pages), or None. The one
    rule: kebab-case matched in full (no trailing newline), short, not a device name."""
    if len(name) > MAX_ID:
        return f"is longer than {MAX_ID} characters; shorten it"
    if not re.fullmatch(KEBAB.strip("^$"), name):
        return "is not kebab-case: lowercase words joined by hyphens, like offer-to-talk"
    if name in RESERVED_NAMES:
        return "is a name Windows keeps for a device; pick another"
    return None


def _valid_id(name: str) -> str:
    what = id_problem(name)
    if what and not what.startswith("is not kebab-case"):  # the pattern says that part
        raise ValueError(f"'{name}' {what}")
    return name


Kebab = Annotated[str, StringConstraints(pattern=KEBAB), AfterValidator(_valid_id)]
FieldName = Annotated[str, StringConstraints(pattern=FIELD_NAME)]
FieldKind = Literal["text", "phone", "email", "date", "long"]


class TemplateField(BaseModel):
    """A blank the reader fills in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: NonEmpty
    example: NonEmpty
    hint: NonEmpty
    fallback: Text | None = None
    # Left empty, the blank's `line` is left out, or this phrase (template text
    # holding the blank, like " from {{ company_name }}"). See layout.group_omissions.
    leave_out: Annotated[str, StringConstraints(min_length=1)] | None = None
    kind: FieldKind = "text"
    # A plausible longest value: size limits (subject, text segments, voicemail
    # seconds) must hold with it as well as with the example.
    longest: NonEmpty | None = None

    @property
    def required(self) -> bool:
        return self.fallback is None and self.leave_out is None


class RegisterWords(BaseModel):
    """A template's own words for one register, in place of its channel's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    greeting: NonEmpty | None = None
    closing: NonEmpty | None = None


class TemplateFile(BaseModel):
    """What a template file holds, as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Kebab
    title: NonEmpty
    channel: Text
    playbooks: Annotated[list[Text], Field(min_length=1)]
    when: NonEmpty
    fields: dict[FieldName, TemplateField] = {}
    subject: Text | None = None
    sections: Annotated[dict[Kebab, Text], Field(min_length=1)]
    # Other registers than the template's own (see make_it_right/register.py).
    registers: dict[Kebab, RegisterWords] = {}
    # A sensitive reply (escalation, legal, data): its card asks for a second reader.
    second_reader: bool = False
    # Written-admission rule ids (rules.yml `written_admissions`) this template
    # carries on purpose; its card says it needs a manager's yes before sending.
    needs_sign_off: list[Kebab] = []


@dataclass(frozen=True)
class TemplateText:
    """The subject or one section: its source, and its parts once parsed.

    `error` says why the source does not parse; then `parts` is empty.
    """

    name: str
    source: str
    parts: tuple[Part, ...] = ()
    error: str | None = None

    @classmethod
    def of(cls, name: str, source: str) -> TemplateText:
        try:
            return cls(name, source, parse(source))
        except TextError as error:
            return cls(name, source, (), str(error))


@dataclass(frozen=True)
class Template:
    """One template, parsed once at load and never changed afterwards."""

    id: str
    title: str
    channel: str
    playbooks: tuple[str, ...]
    when: str
    fields: MappingProxyType[str, TemplateField]
    subject: TemplateText | None
    sections: tuple[TemplateText, ...]
    registers: MappingProxyType[str, RegisterWords] = field(
        default_factory=lambda: MappingProxyType({}))
    second_reader: bool = False
    needs_sign_off: tuple[str, ...] = ()
    source: Path = field(default=Path("<memory>"), compare=False)

    @classmethod
    def from_file(cls, data: TemplateFile, source: Path = Path("<memory>")) -> Template:
        return cls(
            id=data.id, title=data.title, channel=data.channel,
            playbooks=tuple(data.playbooks), when=data.when,
            fields=MappingProxyType(dict(data.fields)),
            subject=None if data.subject is None else TemplateText.of("subject", data.subject),
            sections=tuple(TemplateText.of(n, s) for n, s in data.sections.items()),
            registers=MappingProxyType(dict(data.registers)),
            second_reader=data.second_reader,
            needs_sign_off=tuple(data.needs_sign_off),
            source=source,
        )

    @classmethod
    def from_dict(cls, data: dict, source: Path = Path("<memory>")) -> Template:
        return cls.from_file(TemplateFile.model_validate(data), source)

    @property
    def texts(self) -> tuple[TemplateText, ...]:
        """The subject (if any), then the sections."""
        return ((self.subject,) if self.subject else ()) + self.sections

    @property
    def section_names(self) -> list[str]:
        return [t.name for t in self.sections]

    def text(self, name: str) -> TemplateText:
        for text in self.texts:
            if text.name == name:
                return text
        raise KeyError(name)
