"""The shape of a template file, as pydantic models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from .placeholders import Part

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_NAME = r"^[a-z][a-z0-9_]*$"

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Kebab = Annotated[str, StringConstraints(pattern=KEBAB)]
FieldName = Annotated[str, StringConstraints(pattern=FIELD_NAME)]


class TemplateField(BaseModel):
    """A blank the reader fills in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Annotated[Text, StringConstraints(min_length=1)]
    example: Annotated[Text, StringConstraints(min_length=1)]
    hint: Annotated[Text, StringConstraints(min_length=1)]
    fallback: Text | None = None
    kind: Literal["text", "phone", "email", "date", "long"] = "text"

    @property
    def required(self) -> bool:
        return self.fallback is None


class Template(BaseModel):
    """One template file: what it is for, its blanks, and its text in named sections."""

    model_config = ConfigDict(extra="forbid")

    id: Kebab
    title: Annotated[Text, StringConstraints(min_length=1)]
    channel: Text
    playbooks: Annotated[list[Text], Field(min_length=1)]
    when: Annotated[Text, StringConstraints(min_length=1)]
    fields: dict[FieldName, TemplateField] = {}
    subject: Text | None = None
    sections: Annotated[dict[Kebab, Text], Field(min_length=1)]

    # Set by the loader: where the file is, and each text parsed into parts.
    _source: Path = PrivateAttr(default=Path("<memory>"))
    _parts: dict[str, tuple[Part, ...]] = PrivateAttr(default_factory=dict)

    @property
    def source(self) -> Path:
        return self._source

    @property
    def texts(self) -> dict[str, str]:
        """Every text of the template by name: the subject (if any), then the sections."""
        head = {"subject": self.subject} if self.subject is not None else {}
        return head | self.sections

    def parts(self, name: str) -> tuple[Part, ...]:
        """The parsed parts of the subject or of a section (after a successful load)."""
        return self._parts[name]
