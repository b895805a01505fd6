"""What may live under docs/: pages, our own scripts and styles by exact name, and
images of safe types (data/docs-files.yml). Everything there ships, so a file a
pull request adds is untrusted: a new script, a file at the theme's asset paths,
an SVG with a script or a page MkDocs renders that the check would not read is
refused, one line per file. Links are refused too: MkDocs follows them, and what
they point at is not what was reviewed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .datafile import DATA_DIR, load_model
from .errors import Problem
from .model import id_problem

DOCS_FILES = DATA_DIR / "docs-files.yml"
# MkDocs renders every file with these suffixes as a page (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


class HtmlRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tags: frozenset[str]
    attributes: frozenset[str]
    url_schemes: frozenset[str]


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_files: int
    max_pages: int
    max_docs_kb: int
    max_cards_per_page: int
    max_cards: int
    max_output_kb: int
    max_marks_per_paragraph: int


class DocsFiles(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    page_suffix: str
    assets: frozenset[str]
    images: dict[str, str]
    max_image_kb: int
    reserved_folders: frozenset[str]
    html: HtmlRules
    limits: Limits


@cache
def docs_files() -> DocsFiles:
    return load_model(DOCS_FILES, DocsFiles)


@dataclass(frozen=True)
class Listing:
    pages: list[Path]
    problems: list[Problem]


def list_docs(docs_dir: Path, max_files: int) -> Listing:
    """The pages under docs_dir, sorted, and a problem for every file that may not be there."""
    rules = docs_files()
    pages: list[Path] = []
    problems: list[Problem] = []
    seen = 0
    for folder, dirnames, filenames in os.walk(docs_dir, followlinks=False,
                                               onerror=lambda e: problems.append(
                                                   Problem(Path(e.filename), f"cannot be read ({e.strerror})"))):
        here = Path(folder)
        for name in list(dirnames):
            path = here / name
            why = _folder_problem(path, docs_dir, rules)
            if why:
                problems.append(Problem(path, why))
                dirnames.remove(name)
        dirnames.sort()
        for name in sorted(filenames):
            seen += 1
            if seen > max_files:
                problems.append(Problem(docs_dir, f"holds more than {max_files} files; "
                                                  "the limit keeps the build small"))
                return Listing(pages, problems)
            path = here / name
            why = _file_problem(path, path.relative_to(docs_dir).as_posix(), rules)
            if why:
                problems.append(Problem(path, why))
            elif name.endswith(rules.page_suffix):
                pages.append(path)
    return Listing(sorted(pages), problems)


def _folder_problem(path: Path, docs_dir: Path, rules: DocsFiles) -> str | None:
    if path.is_symlink():
        return "is a link; MkDocs would publish what it points at, so put real files here"
    relative = path.relative_to(docs_dir).as_posix()
    if relative in rules.reserved_folders:
        return (f"is where the theme and the build write their own files; "
                f"nothing of ours may go in docs/{relative}/")
    if id_problem(path.name):
        return f"is not a folder name a page may use: it {id_problem(path.name)}"
    return None


def _file_problem(path: Path, relative: str, rules: DocsFiles) -> str | None:
    try:
        info = path.lstat()
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISLNK(info.st_mode):
        return "is a link; MkDocs would publish what it points at, so put a real file here"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file; remove it"
    if relative in rules.assets:
        return None
    stem, dot, suffix = path.name.rpartition(".")
    if path.name.lower().endswith(MARKDOWN_SUFFIXES) and not path.name.endswith(rules.page_suffix):
        return f"is a page MkDocs would render, but pages end in {rules.page_suffix}; rename it"
    if dot and f".{suffix}" == rules.page_suffix:
        if id_problem(stem):
            return f"is not a page name a page may use: it {id_problem(stem)}"
        return None
    if dot and suffix in rules.images and not id_problem(stem):
        return _image_problem(path, info.st_size, rules.images[suffix], rules.max_image_kb)
    kinds = ", ".join(f".{s}" for s in sorted(rules.images))
    return (f"is not a file a page may ship: pages are kebab-case .md files, images are "
            f"{kinds} with kebab-case names; scripts and styles are the maintainers' "
            f"(make_it_right/data/docs-files.yml)")


def _image_problem(path: Path, size: int, magic: str, max_kb: int) -> str | None:
    if size > max_kb * 1024:
        return f"is larger than {max_kb} KB; make the image smaller"
    expected = bytes.fromhex(magic)
    try:
        with path.open("rb") as handle:
            start = handle.read(len(expected))
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if start != expected:
        return f"is not the image its name says ({path.suffix}); save it in that format"
    return None
