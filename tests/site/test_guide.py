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
        marks = result.select("ol li [data-mir-mark]")
        assert [m["data-mir-mark"] for m in marks] == templates
        assert all(m.has_attr("hidden") and m.get_text() == STRINGS.guide.done for m in marks)


def test_each_playbook_page_places_its_plan_in_order(built_site, rules):
    """Near its top, a playbook's page lists its templates in the guide's `order`, each
    linked to its card on that page with its hidden mark, and links to the guide."""
    site, _ = built_site
    for playbook, entry in rules.playbooks.items():
        soup = BeautifulSoup((site / entry.page.removesuffix(".md") / "index.html").read_text(),
                             "html.parser")
        plans = soup.select("article .mir-plan")
        assert len(plans) == 1, entry.page
        plan = plans[0]
        assert plan.name == "details" and not plan.has_attr("open")
        assert plan.summary.get_text() == STRINGS.guide.plan
        assert plan.find_previous("h2") is None, f"{entry.page}: the plan comes before the first step"
        order = GUIDE.templates[playbook]["order"]
        items = plan.select("ol > li")
        assert [li.a["href"] for li in items] == [f"./#tpl-{t}" for t in order], entry.page
        assert all(soup.find(id=f"tpl-{t}") for t in order)
        marks = [li.select_one("[data-mir-mark]") for li in items]
        assert [m["data-mir-mark"] for m in marks] == order
        assert all(m.has_attr("hidden") and m.get_text() == STRINGS.guide.done for m in marks)
        link = plan.find("a", string=STRINGS.guide.plan_guide)
        assert link and link["href"] == "../../which-playbook/", entry.page


def test_the_plan_stays_out_of_search(built_site):
    site, _ = built_site
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert STRINGS.guide.plan not in index and STRINGS.guide.done not in index


