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
    data["questions"] = [q for q in data["questions"] if not q.get("ask_when")]
    data["questions"] += [{"id": f"extra-{i}", "ask": "More?", "answers": {"a": "A", "b": "B"}}
                          for i in range(2)]
    broken = tmp_path / "decision-guide.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    paths = 8 * 2 * 2 * 2 * 2  # who, mood, live and two more, all asked on every path
    with pytest.raises(DataError, match=f"decision-guide.yml: the questions make {paths} paths; "
                                        "keep it to 64 "):
        load_guide(broken)


def test_a_question_is_asked_only_where_its_ask_when_holds():
    asked_promise = {p["who"] for p in PATHS if "promise" in p}
    assert asked_promise == {"team", "me"}
    assert all(("client-side" in p) == (p["who"] == "client") for p in PATHS)
    assert all("mood" in p and "live" in p for p in PATHS)
    assert len({tuple(sorted(p.items())) for p in PATHS}) == len(PATHS) <= 64


@pytest.mark.parametrize("ask_when, message", [
    ({"live": ["yes"]}, "ask_when names 'live', which is not an earlier question"),
    ({"who": ["nobody", "martians"]}, "ask_when gives 'who' the unknown answer 'martians'"),
])
def test_a_broken_ask_when_names_the_question(tmp_path, ask_when, message):
    data = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    data["questions"][1]["ask_when"] = ask_when
    broken = tmp_path / "decision-guide.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataError, match=f"question '{data['questions'][1]['id']}': {message}"):
        load_guide(broken)


def test_skipped_questions_still_count_against_the_limit(tmp_path):
    data = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    data["questions"].append({"id": "extra", "ask": "More?", "ask_when": {"who": ["team"]},
                              "answers": {"a": "A", "b": "B"}})
    broken = tmp_path / "decision-guide.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataError, match="the questions make more than 64 paths; keep it to 64"):
        load_guide(broken)
