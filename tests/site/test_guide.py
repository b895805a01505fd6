""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript."""

from __future__ import annotations

from built_pages import parsed


from guide_paths import GUIDE, PATHS, STRINGS
from make_it_right.guide import outcome


def test_the_page_holds_every_path(built_site, pack):
    site, _ = built_site
    soup = parsed(site / "which-playbook/index.html")
    results = soup.select(".mir-guide__result")
    assert len(results) == len(PATHS)
    for result, path in zip(results, PATHS, strict=True):
        playbook, also, templates = outcome(GUIDE, path)
        links = [a.get_text() for a in result.select("p a")]
        assert links == [STRINGS.playbooks[p] for p in (playbook, also) if p], path
        assert [a.get_text() for a in result.select("ol a")] == [pack.get(t).title for t in templates]
        marks = result.select("ol li [data-mir-mark]")
        assert [m["data-mir-mark"] for m in marks] == templates
        assert all(m.has_attr("hidden") and m.get_text() == STRINGS.guide.done for m in marks)


def test_each_playbook_page_places_its_plan_in_order(built_site, rules):
    """Near its top, a playbook's page lists its templates in the guide's `order`, under
    the step that places each one, each linked to its card on that page with its hidden
    mark, and links to the guide."""
    site, _ = built_site
    for playbook, entry in rules.playbooks.items():
        soup = parsed(site / entry.page.removesuffix(".md") / "index.html")
        plans = soup.select("article .mir-plan")
        assert len(plans) == 1, entry.page
        plan = plans[0]
        assert plan.name == "details" and not plan.has_attr("open")
        assert plan.summary.get_text() == STRINGS.guide.plan
        assert plan.find_previous("h2") is None, f"{entry.page}: the plan comes before the first step"
        order = GUIDE.templates[playbook]["order"]
        items = plan.select("li li")
        assert [li.a["href"] for li in items] == [f"./#tpl-{t}" for t in order], entry.page
        for li, template in zip(items, order, strict=True):
            step = soup.find(id=f"tpl-{template}").find_previous(lambda t: t.name == "h2" and t.get("id"))
            assert li.parent.find_previous_sibling("strong").get_text() == step.get_text().rstrip("¶"), template
        marks = [li.select_one("[data-mir-mark]") for li in items]
        assert [m["data-mir-mark"] for m in marks] == order
        assert all(m.has_attr("hidden") and m.get_text() == STRINGS.guide.done for m in marks)
        link = plan.find("a", string=STRINGS.guide.plan_guide)
        assert link and link["href"] == "../../which-playbook/", entry.page


def test_the_plan_stays_out_of_search(built_site):
    site, _ = built_site
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert STRINGS.guide.plan not in index and STRINGS.guide.done not in index




def test_a_cards_step_is_the_level_two_heading_above_it():
    from make_it_right.pages import card_steps, macro_calls

    source = ("---\ntitle: x\n---\n\n# Page\n\n{{ template_card(\"early\") }}\n\n"
              "## 1. Call them { #call }\n\n### A sub-heading\n\n{{ template_card(\"voicemail\") }}\n\n"
              "## 2. Write ##\n\n{{ template_index() }}\n{{ template_card(\"email\") }}\n")
    calls = macro_calls(source, frozenset({"template_card", "template_index"}))
    assert card_steps(source, calls) == {"voicemail": "1. Call them", "email": "2. Write"}
