"""Problems found in a template pack, each naming its file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def display_path(path: Path) -> str:
    """The path as a contributor would type it: relative to where they stand, if inside."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.message}"


class PackError(Exception):
    """One or more templates are broken; str() gives one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownTemplate(LookupError):
    """A page or a command asked for a template id that is not in the pack."""


class MissingFields(ValueError):
    """A render was asked for while required blanks are still empty."""

    def __init__(self, template_id: str, labels: list[str]):
        self.labels = labels
        names = ", ".join(labels)
        super().__init__(f"{template_id}: fill in the required blanks first: {names}")
