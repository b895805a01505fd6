""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript: the data and its rules."""

from __future__ import annotations

import re

import pytest
import yaml

from guide_paths import GUIDE, PATHS
from make_it_right.errors import DataError
from make_it_right.guide import GUIDE_FILE, load_guide, outcome


def test_every_path_names_a_playbook_and_templates(pack, rules):
    for path in PATHS:
        playbook, also, templates = outcome(GUIDE, path)
        assert playbook in rules.playbooks and (also is None or also in rules.playbooks)
        assert templates and len(set(templates)) == len(templates), path
        for template_id in templates:
            pack.get(template_id)


def test_a_broken_guide_file_names_itself(tmp_path, pack):
    broken = tmp_path / "decision-guide.yml"
    broken.write_text("questions: nope\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("decision-guide.yml: key 'questions' must be a list")):
        load_guide(broken)
    text = (GUIDE_FILE.read_text(encoding="utf-8")
            .replace("[reply-to-angry-email,", "[reply-to-angry-emial,"))
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("decision-guide.yml: unknown template id 'reply-to-angry-emial'")):
        load_guide(broken, pack)


def test_too_many_paths_are_refused(tmp_path):
    data = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    data["questions"] += [{"id": f"extra-{i}", "ask": "More?", "answers": {"a": "A", "b": "B"}}
                          for i in range(4)]
    broken = tmp_path / "decision-guide.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    paths = len(PATHS) * 2 ** 4
    with pytest.raises(DataError, match=f"decision-guide.yml: the questions make {paths} paths; "
                                        "keep it to 64 "):
        load_guide(broken)
