"""Pre-call checklists: one page each (the playbook record's `checklist`), shown
again at the end of its playbook, so the printable page and the playbook can
never disagree."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError
from ..escape import plain
from ..page_source import read_page
from ..rules import Rules
from ..strings import Strings
from .tables import docs_link

HEADING_1 = re.compile(r"^# .*\n", re.MULTILINE)


def checklist_body(docs_dir: Path, rules: Rules, playbook: str, strings: Strings) -> str:
    """The checklist page's Markdown without its front matter and title, plus a link
    to the page itself, which prints on one sheet."""
    page = rules.playbooks[playbook].checklist
    source = docs_dir / page
    if not source.is_file():
        raise DataError(source, f"is missing: the checklist of '{playbook}' (rules.yml); write it")
    text = HEADING_1.sub("", read_page(source).body, count=1).strip()
    # Not searchable, here or on its own page (search: exclude): its lines sum up
    # the playbook's steps, which search finds; the playbook's "Before the call"
    # heading is the search result for a checklist.
    text = text.replace('<div class="mir-checklist" markdown>',
                        '<div class="mir-checklist" data-search-exclude markdown>', 1)
    return f"{text}\n\n[{plain(strings.checklist.print_link)}]({docs_link(page)}){{ .mir-print-link data-search-exclude }}\n"
