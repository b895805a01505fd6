""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide_paths import GUIDE, PATHS, STRINGS
from fill_page import card_action, copy_going_ahead
from make_it_right.guide import outcome


def click_through(page, path):
    for question in GUIDE.questions:
        if question.id not in path:  # not asked on this path
            continue
        label = question.answers[path[question.id]].replace('"', '\\"')
        page.locator(f'summary:visible:text-is("{label}")').click()
    return page.locator(".mir-guide__result:visible")


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_clicking_through_answers_shows_the_result(request, site_url, javascript):
    """With JavaScript on, the worker's shared tab; without, a context of its own."""
    context = None if javascript else request.getfixturevalue("chromium").new_context(java_script_enabled=False)
    page = request.getfixturevalue("tab") if javascript else context.new_page()
    page.goto(site_url + "which-playbook/")
    for path in [{"who": "team", "promise": "no", "mood": "upset", "live": "no"},
                 {"who": "me", "promise": "yes", "mood": "calm", "live": "yes"},
                 {"who": "nobody", "mood": "upset", "live": "yes"},
                 {"who": "together", "together": "written", "mood": "calm", "live": "no"}]:
        result = click_through(page, path)
        expect(result).to_have_count(1)
        playbook, _, templates = outcome(GUIDE, path)
        expect(result.locator("a").first).to_have_text(STRINGS.playbooks[playbook])
        expect(result.locator("ol li")).to_have_count(len(templates))
        # Each question keeps one answer open: changing the first closes the old path.
        page.locator(".mir-guide > details[open] > summary").click()
        expect(page.locator(".mir-guide__result:visible")).to_have_count(0)
    if context:
        context.close()


@pytest.mark.browser
def test_start_again(tab, site_url):
    page = tab
    page.goto(site_url + "which-playbook/")
    click_through(page, PATHS[0])
    page.get_by_role("button", name=STRINGS.guide.restart).click()
    expect(page.locator("details[open]")).to_have_count(0)
    expect(page.locator("summary:focus")).to_have_count(1)


@pytest.mark.browser
def test_answers_survive_reload_and_back_and_the_plan_marks_what_was_sent(tab, site_url):
    page = tab
    page.goto(site_url + "which-playbook/")
    path = {"who": "team", "promise": "no", "mood": "calm", "live": "yes"}
    result = click_through(page, path)
    expect(result).to_have_count(1)
    _, _, templates = outcome(GUIDE, path)
    # The script keeps the answers on the toggle event, which comes a moment after the
    # click: reload once every open answer is kept.
    page.wait_for_function("""() => JSON.parse(sessionStorage.getItem("mir:guide") || "[]").length
        === document.querySelectorAll(".mir-guide details[open]").length""")
    page.reload()
    expect(page.locator(".mir-guide__result:visible"), "answers lost on reload").to_have_count(1)
    # Follow the plan's first template, copy it, come Back: the answers, and a mark.
    first = page.locator(".mir-guide__result:visible ol li a").first
    first.click()
    page.wait_for_url(f"**/#tpl-{templates[0]}")
    # With a blank still empty, the missing-blanks dialog asks first.
    copy_going_ahead(page, card_action(page.locator(f'.mir-card[data-template="{templates[0]}"]'), "copy"))
    page.go_back()
    page.wait_for_url("**/which-playbook/")
    page.locator(".mir-guide__result:visible").wait_for()
    items = page.locator(".mir-guide__result:visible ol li")
    expect(items.first).to_contain_text(STRINGS.guide.done, use_inner_text=True)
    expect(items.nth(1)).not_to_contain_text(STRINGS.guide.done, use_inner_text=True)


@pytest.mark.browser
def test_the_playbook_page_shows_its_plan_marks_what_was_sent_and_leads_back(tab, site_url):
    """From the guide to the playbook: its plan, marked as a template is copied there, and
    a link back to the guide's plan for the same answers, marked too."""
    page = tab
    page.goto(site_url + "which-playbook/")
    path = {"who": "me", "promise": "no", "mood": "calm", "live": "no"}
    playbook, _, templates = outcome(GUIDE, path)
    click_through(page, path).locator("p a").first.click()
    page.wait_for_url(f"**/playbooks/{playbook}/")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    plan = page.locator(".mir-plan")
    plan.locator("summary").click()
    order = GUIDE.templates[playbook]["order"]
    items = plan.locator("li li")
    expect(items).to_have_count(len(order))
    expect(plan).not_to_contain_text(STRINGS.guide.done, use_inner_text=True)
    sent = templates[1]
    card_action(page.locator(f'.mir-card[data-template="{sent}"]'), "copy").click()
    page.get_by_role("button", name=STRINGS.filler.anyway["copy"]).click()
    expect(items.nth(order.index(sent))).to_contain_text(STRINGS.guide.done, use_inner_text=True)
    assert [STRINGS.guide.done in text for text in items.all_inner_texts()] == [t == sent for t in order]
    plan.get_by_role("link", name=STRINGS.guide.plan_guide).click()
    page.wait_for_url("**/which-playbook/")
    result = page.locator(".mir-guide__result:visible")
    expect(result.locator("a").first).to_have_text(STRINGS.playbooks[playbook])
    marked = [STRINGS.guide.done in text for text in result.locator("ol > li").all_inner_texts()]
    assert marked == [t == sent for t in templates]


def test_a_plain_delay_is_not_a_broken_promise():
    """The second question: 'only late' is its own answer, and leads to the mistake playbooks."""
    question = next(q for q in GUIDE.questions if q.id == "promise")
    assert "late" in question.answers["no"].lower()
    assert outcome(GUIDE, {"who": "me", "promise": "no", "mood": "calm", "live": "yes"})[0] == "my-mistake"
