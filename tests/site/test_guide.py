""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript."""

from __future__ import annotations

from bs4 import BeautifulSoup

from guide_paths import GUIDE, PATHS, STRINGS
from make_it_right.guide import outcome


def test_the_page_holds_every_path(built_site, pack):
    site, _ = built_site
    soup = BeautifulSoup((site / "which-playbook/index.html").read_text(), "html.parser")
    results = soup.select(".mir-guide__result")
    assert len(results) == len(PATHS)
    for result, path in zip(results, PATHS):
        playbook, also, templates = outcome(GUIDE, path)
        links = [a.get_text() for a in result.select("p a")]
        assert links == [STRINGS.playbooks[p] for p in (playbook, also) if p], path
        assert [a.get_text() for a in result.select("ol a")] == [pack.get(t).title for t in templates]


