""""Which playbook fits?": every path ends in the right playbook and templates, with or
without JavaScript."""

from __future__ import annotations

import itertools

import pytest

from make_it_right.guide import GUIDE_FILE, load_guide, outcome
from make_it_right.strings import load_strings

GUIDE = load_guide()
STRINGS = load_strings("en")
PATHS = list(itertools.product(*[list(q.answers) for q in GUIDE.questions]))


def answers_of(path) -> dict[str, str]:
    return {q.id: answer for q, answer in zip(GUIDE.questions, path)}


def click_through(page, path):
    for question, answer in zip(GUIDE.questions, path):
        label = question.answers[answer].replace('"', '\\"')
        page.locator(f'summary:visible:text-is("{label}")').click()
    return page.locator(".mir-guide__result:visible")


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_clicking_through_answers_shows_the_result(chromium, site_url, javascript):
    context = chromium.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "which-playbook/")
    for path in [("team", "no", "upset", "no"), ("me", "yes", "calm", "yes"),
                 ("nobody", "no", "upset", "yes")]:
        result = click_through(page, path)
        assert result.count() == 1
        playbook, _, templates = outcome(GUIDE, answers_of(path))
        assert result.locator("a").first.text_content() == STRINGS.playbooks[playbook]
        assert result.locator("ol li").count() == len(templates)
        # Each question keeps one answer open: changing the first closes the old path.
        page.locator(".mir-guide > details[open] > summary").click()
        assert page.locator(".mir-guide__result:visible").count() == 0
    context.close()


@pytest.mark.browser
def test_start_again(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "which-playbook/")
    click_through(page, PATHS[0])
    page.get_by_role("button", name=STRINGS.guide.restart).click()
    assert page.locator("details[open]").count() == 0
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.close()


