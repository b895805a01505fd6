""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript."""

from __future__ import annotations

import itertools

from bs4 import BeautifulSoup

from make_it_right.guide import GUIDE_FILE, load_guide, outcome
from make_it_right.strings import load_strings

GUIDE = load_guide()
STRINGS = load_strings("en")
PATHS = list(itertools.product(*[list(q.answers) for q in GUIDE.questions]))


def answers_of(path) -> dict[str, str]:
    return {q.id: answer for q, answer in zip(GUIDE.questions, path)}


def test_the_page_holds_every_path(built_site, pack):
    site, _ = built_site
    soup = BeautifulSoup((site / "which-playbook/index.html").read_text(), "html.parser")
    results = soup.select(".mir-guide__result")
    assert len(results) == len(PATHS)
    for result, path in zip(results, PATHS):
        playbook, also, templates = outcome(GUIDE, answers_of(path))
        links = [a.get_text() for a in result.select("p a")]
        assert links == [STRINGS.playbooks[p] for p in (playbook, also) if p], path
        assert [a.get_text() for a in result.select("ol a")] == [pack.get(t).title for t in templates]


