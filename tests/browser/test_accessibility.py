"""Accessibility in a real browser: axe-core finds nothing on any page type, in either
colour scheme, and a reader with only a keyboard can fill, copy and confirm."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from make_it_right.guide import load_guide
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
PAGE_TYPES = {
    "home": "",
    "decision guide": "which-playbook/",
    "playbook": "playbooks/team-mistake/",
    "template index": "templates/",
    "phrase bank": "phrase-bank/",
    "checklist": "checklists/angry-client/",
    "contributing": "contributing/",
}


def violations(page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_nothing(chromium, site_url, kind, scheme):
    page = chromium.new_page(color_scheme=scheme)
    page.goto(site_url + PAGE_TYPES[kind], wait_until="networkidle")
    assert violations(page) == []
    page.close()


def test_axe_finds_nothing_with_a_filled_panel_and_the_dialog_open(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "playbooks/my-mistake/", wait_until="networkidle")
    page.click("[data-mir-toggle]")
    page.fill("#mir-f-client_name", "Grace")
    page.locator('.mir-card [data-mir-action="copy"]').first.click()
    assert page.get_by_role("dialog", name=STRINGS.filler.missing_title).is_visible()
    assert violations(page) == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_focus_view_on_a_phone_with_hover_and_focus(chromium, site_url, scheme):
    """390 px wide: the focus view open, a blank focused, then a button hovered and focused.
    Only the dialog is checked (the page behind it is inert and checked above)."""
    page = chromium.new_page(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    page.locator('.mir-card[data-template="apology-team-mistake"] [data-mir-action="fill"]').click()
    page.keyboard.type("Priya")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    found = Axe().run(page, context=".mir-focus").response["violations"]
    assert [v["id"] for v in found] == []
    button = page.locator('.mir-focus [data-mir-action="copy"]')
    button.hover()
    button.focus()
    found = Axe().run(page, context=".mir-focus").response["violations"]
    assert [v["id"] for v in found] == []
    for target in page.locator(".mir-focus .md-button:visible").all():
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, target.text_content()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hovered_and_focused_buttons_keep_their_contrast(chromium, site_url, scheme):
    page = chromium.new_page(color_scheme=scheme)
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    button = page.locator('.mir-card [data-mir-action="copy"]').first
    button.scroll_into_view_if_needed()
    button.hover()
    found = Axe().run(page, context=".mir-card__actions").response["violations"]
    assert [v["id"] for v in found] == []
    page.close()


def test_axe_finds_nothing_on_an_answered_guide(chromium, site_url):
    page = chromium.new_page(color_scheme="dark")
    page.goto(site_url + "which-playbook/", wait_until="networkidle")
    path = {"who": "me", "promise": "no", "mood": "upset", "live": "no"}
    for question in load_guide().questions:
        label = question.answers[path[question.id]].replace('"', '\\"')
        page.locator(f'summary:visible:text-is("{label}")').click()
    assert violations(page) == []
    page.close()


def test_every_field_is_labelled_and_described(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "playbooks/broken-promise/")
    for field in page.locator("[data-mir-fields] .mir-fields__grid [name]:not([name^='@'])").all():
        name = field.get_attribute("name")
        assert page.get_by_label(page.locator(f'label[for="mir-f-{name}"]').inner_text(),
                                 exact=True).count() >= 1
        hint = field.get_attribute("aria-describedby")
        assert page.locator(f"#{hint}").inner_text().strip()
    page.close()


def tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_alone_fills_copies_and_confirms(chromium, site_url):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    # The script adds the skip link; on a busy machine it may land after the load.
    # The script moves the skip link to the top of the page; wait for it on a busy machine.
    page.wait_for_function("document.body.firstElementChild?.matches('.mir-skip')")
    page.evaluate("document.activeElement?.blur()")
    tab_to(page, ".mir-skip", limit=4)  # the skip link comes first, after the theme's own
    assert page.locator(".mir-skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('[data-mir-fields]') !== null")
    tab_to(page, "#mir-f-client_name")
    page.keyboard.type("Priya")
    tab_to(page, '.mir-card[data-template="call-back-team-mistake"] [data-mir-action="copy"]')
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.value") == "fill"  # focus moved into it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == STRINGS.filler.anyway["copy"]
    page.keyboard.press("Enter")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('Hi Priya'))")
    status = page.locator("[data-mir-bar] [data-mir-status]")
    assert STRINGS.filler.messages.copied.split(":")[0] in status.text_content()

    # Escape closes the dialog and nothing is copied.
    page.evaluate("navigator.clipboard.writeText('kept')")
    page.keyboard.press("Enter")
    assert dialog.is_visible()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == "kept"
    context.close()


def test_keyboard_alone_walks_the_guide(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url + "which-playbook/")
    tab_to(page, ".mir-guide summary")
    for _ in range(4):  # the first answer of each question, by Enter alone
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    assert page.locator(".mir-guide__result:visible").count() == 1
    page.close()
