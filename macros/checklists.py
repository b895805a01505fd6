"""Pre-call checklists: one page each in docs/checklists/, shown again at the end of
its playbook, so the printable page and the playbook can never disagree."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .prose import without_front_matter
from .strings import load_strings

HEADING_1 = re.compile(r"^# .*\n", re.MULTILINE)


class UnknownChecklist(LookupError):
    pass


def checklist_path(playbook: str) -> str:
    return f"checklists/{playbook}.md"


def checklist_body(docs_dir: Path, playbook: str, page: str, language: str = "en") -> str:
    """The checklist page's Markdown without its front matter and title, plus a link
    to the page itself, which prints on one sheet."""
    source = docs_dir / checklist_path(playbook)
    if not source.is_file():
        raise UnknownChecklist(
            f"{page}: no checklist for '{playbook}'; write docs/{checklist_path(playbook)}"
        )
    text = without_front_matter(source.read_text(encoding="utf-8"))
    text = HEADING_1.sub("", text, count=1).strip()
    link = posixpath.relpath(checklist_path(playbook), posixpath.dirname(page) or ".")
    label = load_strings(language)["checklist"]["print_link"]
    return f"{text}\n\n[{label}]({link}){{ .mir-print-link }}\n"
