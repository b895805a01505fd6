"""The contract, over every template file in the pack: the checker finds nothing.

What the checker itself enforces is tested on broken packs (test_broken_templates).
"""

from __future__ import annotations

import pytest

from paths import ROOT, TEMPLATES
from make_it_right.loader import load_file, template_files

FILES, OTHER = template_files(TEMPLATES)


def test_pack_holds_only_templates():
    assert len(FILES) >= 16 and OTHER == []


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(TEMPLATES).as_posix() for p in FILES])
def test_template_meets_contract(path, rules):
    template, problems = load_file(path, rules)
    assert template is not None and problems == []


def test_every_playbook_page_and_checklist_exists(rules):
    for playbook in rules.playbooks.values():
        assert (ROOT / "docs" / playbook.page).is_file()
        assert (ROOT / "docs" / playbook.checklist).is_file()
