"""Problems found in the project's files, each one line that names its file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as a contributor would type it: relative to where they stand, if inside."""
    try:
        return path.absolute().relative_to(Path.cwd().absolute()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Breach:
    """A rule a file breaks: the rule's stable id (tests assert it, so rewording a
    message breaks nothing) and the one-line message a contributor reads."""

    rule: str
    message: str


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    rule: str = "data-file"

    @classmethod
    def of(cls, path: Path, breach: Breach) -> Problem:
        return cls(path, breach.message, breach.rule)

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.message}"


class ContentError(Exception):
    """One or more problems in the project's files; str() gives one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class PackError(ContentError):
    """One or more templates are broken."""


class DataError(ContentError):
    """A data file (rules, strings, guide, a template) cannot be read as it stands."""

    def __init__(self, path: Path, message: str, rule: str = "data-file"):
        super().__init__([Problem(path, message, rule)])

    @property
    def message(self) -> str:
        return self.problems[0].message


class UnknownTemplate(LookupError):
    """A page or a command asked for a template id that is not in the pack."""


class MissingFields(ValueError):
    """A render was asked for while required blanks are still empty."""

    def __init__(self, template_id: str, fields: list[tuple[str, str]]):
        """`fields`: each empty blank's name (what --set and --values take) and label."""
        self.names = [name for name, _ in fields]
        self.labels = [label for _, label in fields]
        blanks = ", ".join(f"{name} ({label})" for name, label in fields)
        super().__init__(f"{template_id}: fill in the required blanks first: {blanks}; "
                         f"give each as --set {self.names[0]}=...")
