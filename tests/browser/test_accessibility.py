"""Accessibility in a real browser. On every page type, at a desktop and a phone width and
in both colour schemes (one page load each: light as the reader's system picks it, then
dark as the theme's palette switch sets it), axe-core finds nothing, and it finds nothing with the fill-in's
states open either (buttons hovered and focused, the panel, the dialog, the focus view, an
answered guide, a checked draft). In dark, after every rule has passed in light, axe runs
the rules that read colours; every rule runs once on a page loaded dark. On a phone every control of our own is a 44 px target;
every control that takes keyboard focus shows a ring. A reader with only a keyboard can
fill, copy and confirm."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe_check import (COLOUR_RULES, SCHEMES, axe_in_each_scheme, axe_violations, settled,
                       switch_scheme)
from fill_page import FIELDS
from make_it_right.guide import load_guide
from make_it_right.strings import load_strings
from harness import clipboard
from matrix import MATRIX, one_pass

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
PAGE_TYPES = {
    "home": "",
    "decision guide": "which-playbook/",
    "playbook": "playbooks/team-mistake/",
    "checklist": "checklists/angry-client/",
    "template index": "templates/",
    "phrase bank": "phrase-bank/",
    "check my draft": "check-my-draft/",
    "contributing": "contributing/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
CARD = '.mir-card[data-template="apology-team-mistake"]'
# Our own interface: cards, the fill-in, the guide, the draft checker, our links.
OURS = (".mir-card, .mir-card__check, .mir-bar, .mir-skip, .mir-fields, .mir-guide, "
        ".mir-print-link, .mir-draft")
FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]"
# How a failure names a control: tag, id, classes and the start of its text.
DESCRIBE = """const describe = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "")
    + [...el.classList].map((c) => `.${c}`).join("")
    + ` "${(el.textContent || el.name || "").trim().slice(0, 40)}"`;"""


def open_page(tab, url: str, width: str = "desktop", scheme: str = "light"):
    """The page in the worker's tab (clean, see the `tab` fixture), at `width`, with the
    reader's system set to `scheme`."""
    tab.set_viewport_size({"width": WIDTHS[width], "height": 844})
    tab.emulate_media(color_scheme=scheme)
    tab.goto(url)
    # The theme's script picks the scheme that matches the system's.
    tab.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
    settled(tab)  # and may still be running its colour transitions
    return tab


def described(found: list[dict]) -> list[str]:
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in found]


def violations_in_each_scheme(page, parts: list[str] | None = None) -> dict[str, list[str]]:
    """What axe finds on the page (or in `parts`) as it is (light, every rule), then in
    the dark scheme (the rules that read colours: the rest found the same page in light)."""
    return {scheme: described(found) for scheme, found in axe_in_each_scheme(page, parts).items()}


def keyboard_focus(page, locator) -> None:
    """Focus as a keyboard does: after a key press (the theme's focus-visible polyfill
    watches for one), with the browser's own :focus-visible."""
    page.keyboard.press("Shift")
    locator.evaluate("el => { el.blur(); el.focus({ focusVisible: true }); }")
    assert locator.evaluate("el => el.matches(':focus-visible')")


def hover_and_focus(page, hovered: str, focused: str) -> None:
    """One control focused from the keyboard, then another hovered."""
    target = page.locator(focused).first
    keyboard_focus(page, target)
    pointer = page.locator(hovered).first
    pointer.hover()
    assert pointer.evaluate("el => el.matches(':hover')"), hovered
    assert target.evaluate("el => el.matches(':focus-visible')"), focused
    settled(page)


# States: each starts on its page as loaded, opens something and checks it is open.
def card_buttons(page) -> None:
    page.locator(f"{CARD} [data-mir-more]").click()  # its other actions open under "More"
    expect(page.locator(f'{CARD} [data-mir-action="copy"]')).to_be_visible()
    hover_and_focus(page, f'{CARD} [data-mir-action="copy"]', f'{CARD} [data-mir-action="mailto"]')


def panel_expanded(page) -> None:
    page.click("[data-mir-toggle]")
    expect(page.locator("#mir-fields-body")).to_be_visible()
    page.fill("#mir-f-client_name", "Priya")
    hover_and_focus(page, '[data-mir-case="new"]', "[data-mir-forget]")


def dialog_open(page) -> None:
    page.locator(f'{CARD} [data-mir-action="mailto"]').click()
    expect(page.get_by_role("dialog", name=STRINGS.filler.missing_title)).to_be_visible()
    hover_and_focus(page, "[data-mir-anyway]", '[data-mir-dialog] [value="fill"]')


def focus_view_open(page) -> None:
    # The voicemail: it has a reminder, so the view shows its date and time too.
    page.locator('.mir-card[data-template="call-back-team-mistake"] [data-mir-more]').click()
    page.locator('.mir-card[data-template="call-back-team-mistake"] [data-mir-action="ics"]').click()
    expect(page.locator("[data-mir-focus]")).to_be_visible()
    expect(page.locator("[data-mir-remind-at]")).to_be_visible()
    page.fill('[data-mir-focus-fields] [name="client_name"]', "Priya")
    hover_and_focus(page, '[data-mir-focus] [data-mir-action="copy"]', "[data-mir-focus-close]")


def guide_answered(page) -> None:
    path = {"who": "me", "promise": "no", "mood": "upset", "live": "no"}
    for question in load_guide().questions:
        if question.id not in path:
            continue
        label = question.answers[path[question.id]].replace('"', '\\"')
        page.locator(f'summary:visible:text-is("{label}")').click()
    expect(page.locator(".mir-guide__result:visible")).to_have_count(1)
    hover_and_focus(page, "[data-mir-restart]", ".mir-guide details[open] > summary")


def draft_checked(page) -> None:
    text = "Sorry for any inconvenience. To be honest, it was not our fault."
    page.fill("[data-mir-draft-text]", text)
    page.wait_for_function("""text => document.querySelector('[data-mir-draft-preview]')
        .textContent === text""", arg=text)
    expect(page.locator("[data-mir-draft-list] li").nth(1)).to_be_attached()  # two or more
    hover_and_focus(page, ".mir-draft__mark a", "[data-mir-draft-channel]")


# Closing a state as a reader would, so that the next opens on the page as it was loaded.
def card_buttons_closed(page) -> None:
    page.locator(f"{CARD} [data-mir-more]").click()
    expect(page.locator(f'{CARD} [data-mir-action="copy"]')).to_be_hidden()


def dialog_closed(page) -> None:
    page.keyboard.press("Escape")
    expect(page.locator("[data-mir-dialog]")).to_be_hidden()


def focus_view_closed(page) -> None:
    page.locator("[data-mir-focus-close]").click()
    expect(page.locator("[data-mir-focus]")).to_be_hidden()


# Each state's page, how to open it, the part of the page it opened (what axe checks
# there, and whose controls are focused in turn: the page as loaded is checked whole
# above, and on a phone by the palette test) and how to close it again. A page's states
# open one after the other in one load, in this order; the last stays open.
STATES = {
    "card buttons hovered and focused": ("playbook", card_buttons, [CARD], card_buttons_closed),
    "missing-blanks dialog open": ("playbook", dialog_open, ["[data-mir-dialog]"], dialog_closed),
    "focus view open": ("playbook", focus_view_open, ["[data-mir-focus]"], focus_view_closed),
    "fill-everything panel expanded": ("playbook", panel_expanded,
                                       ["[data-mir-fields]", "[data-mir-bar]"], None),
    "guide answered": ("decision guide", guide_answered, [".mir-guide"], None),
    "draft checked": ("check my draft", draft_checked, ["[data-mir-draft]"], None),
}
STATE_PAGES = {kind: [state for state, (page, *_) in STATES.items() if page == kind]
               for kind, *_ in STATES.values()}


NOTHING = {"light": [], "dark": []}


# `make test` checks the page types with axe at desktop width and their focus rings on a
# phone, from one load (below), and the open states on a phone; `make test-matrices` adds
# axe on a phone here and the rings at desktop width.
@pytest.mark.parametrize("width", [pytest.param("phone", marks=MATRIX)])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_nothing(tab, site_url, kind, width):
    page = open_page(tab, site_url + PAGE_TYPES[kind], width)
    assert violations_in_each_scheme(page) == NOTHING


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_nothing_at_desktop_and_each_control_shows_a_ring_on_a_phone(tab, site_url, kind):
    """One load for two checks: axe at desktop width in both schemes, then, back in the
    light scheme and narrowed to a phone's width (the theme's header and drawer take
    over from its media queries, as on a page loaded that narrow), the focus rings."""
    page = open_page(tab, site_url + PAGE_TYPES[kind], "desktop")
    assert violations_in_each_scheme(page) == NOTHING, "axe at desktop width"
    switch_scheme(page, "light")
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 844})
    page.wait_for_function("w => innerWidth === w", arg=WIDTHS["phone"])
    settled(page)  # whatever the narrower layout set fading
    assert rings(page) == [], "focus rings on a phone"



def test_the_colour_rules_are_every_colour_rule_axe_runs(tab):
    """A dark check that runs COLOUR_RULES misses no rule of axe's that reads colours."""
    tab.set_content("<main><h1>Title</h1><p>Text and <a href='#x'>a link</a>.</p></main>")
    axe_violations(tab)  # injects axe
    ran = tab.evaluate("""() => axe.run(document).then((r) => [...r.violations, ...r.passes,
        ...r.incomplete, ...r.inapplicable].map((rule) => rule.id))""")
    colour = tab.evaluate("() => axe.getRules(['cat.color']).map((rule) => rule.ruleId)")
    assert sorted(set(ran) & set(colour)) == sorted(COLOUR_RULES)


def test_the_palette_switch_changes_the_scheme_and_axe_still_finds_nothing(tab, site_url):
    """A reader whose system is dark gets the dark scheme; the switch turns it light and back."""
    page = open_page(tab, site_url + PAGE_TYPES["playbook"], "phone", "dark")
    # Every rule once on a page loaded dark (the palette switch shows its other
    # button); the other dark checks run the colour rules only.
    assert described(axe_violations(page)) == []
    page.get_by_title("Switch to light mode").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    # The cards axe laid out in dark, off screen again now, would only take their light
    # colours when axe scrolls back to them, with a transition: start those now.
    page.evaluate("() => { for (const el of document.querySelectorAll('*')) getComputedStyle(el).color; }")
    settled(page)
    assert described(axe_violations(page, rules=COLOUR_RULES)) == []
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")


SMALL_TARGETS = """([scope, focusable]) => {
    """ + DESCRIBE + """
    const small = [];
    let count = 0;
    for (const el of document.querySelectorAll(focusable)) {
        if (!el.closest(scope) || el.tabIndex < 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
        // Links inside the draft's own text are inline (WCAG 2.5.8's exception).
        if (el.closest('.mir-draft__preview')) continue;
        // A checkbox's target is its whole label.
        const box = (el.closest('label') || el).getBoundingClientRect();
        // Off screen, as the skip link is until it has focus.
        if (box.right <= 0 || box.left >= innerWidth) continue;
        count += 1;
        if (box.width < 44 || box.height < 44) small.push(`${describe(el)}: ${Math.round(box.width)} x ${Math.round(box.height)}`);
    }
    return { count, small };
}"""


def small_targets(page) -> tuple[int, list[str]]:
    found = page.evaluate(SMALL_TARGETS, [OURS, FOCUSABLE])
    return found["count"], found["small"]


def cards_and_skip_link(page) -> None:
    page.evaluate("for (const d of document.querySelectorAll('.mir-card__blanks')) d.open = true")
    # The fill-in moves the skip link to the top of the page as it starts; a move takes
    # focus away, so focus it once it is there. It is off screen until it has focus.
    page.wait_for_function("() => document.body.firstElementChild?.matches('.mir-skip')")
    keyboard_focus(page, page.locator(".mir-skip"))
    expect(page.locator(".mir-skip")).to_be_visible()


RINGS = """([focusable, scope]) => {
    """ + DESCRIBE + """
    const ring = (el) => {
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0
            && !/transparent|, 0\\)$/.test(s.outlineColor);
        return `${outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : ""} ${s.boxShadow === "none" ? "" : s.boxShadow}`.trim();
    };
    // Material's palette switch is a hidden radio button that rings the label after it.
    const shown = (el) => (el.matches(".md-option") ? el.nextElementSibling : el);
    const root = document.querySelector("dialog[open]") || document;  // a modal holds focus
    const bare = [];
    let count = 0;
    const controls = [];
    for (const el of root.querySelectorAll(focusable)) {
        if ((scope && !el.closest(scope)) || el.tabIndex < 0 || el.disabled
            || !el.checkVisibility({ visibilityProperty: true })) continue;
        // Tab reaches only the checked radio button of a group.
        if (el.type === "radio" && !el.checked && document.querySelector(`[name="${el.name}"]:checked`)) continue;
        controls.push(el);
    }
    // Every control's look with nothing focused, read in one pass: a blur before each
    // read made the browser restyle the whole page once per control.
    document.activeElement?.blur();
    const before = controls.map((el) => ring(shown(el)));
    for (const [i, el] of controls.entries()) {
        el.focus({ focusVisible: true });
        if (document.activeElement !== el) { bare.push(`${describe(el)}: takes no focus`); continue; }
        const after = ring(shown(el));
        count += 1;
        if (!el.matches(":focus-visible") || !after || after === before[i]) bare.push(`${describe(el)}: ${after || "no ring"}`);
    }
    document.activeElement?.blur();
    return { count, bare };
}"""


def back_to_top_shown(page) -> None:
    """Material's back-to-top button shows when a reader scrolls back up."""
    page.mouse.wheel(0, 4000)
    page.wait_for_function("() => scrollY > 3000")
    page.mouse.wheel(0, -400)
    page.wait_for_selector(".md-top:not([hidden])")


# Every page type at desktop width here, in `make test-matrices` (on a phone, `make test`
# checks them after axe, above: the theme's header differs; back-to-top with the 44 px
# targets); what opens on a page holds the same controls at either width, so it is
# checked on a phone only, in the test of its open state (below).
@pytest.mark.parametrize("width", [pytest.param("desktop", marks=MATRIX)])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_focusable_control_shows_a_focus_ring(tab, site_url, kind, width):
    """Each control, focused as a keyboard focuses it, gains an outline or a shadow it did
    not have before."""
    page = open_page(tab, site_url + PAGE_TYPES[kind], width)
    assert rings(page) == []


def rings(page, parts: list[str] | None = None) -> list[str]:
    """The controls (of the page, or in the parts these selectors pick) that show no ring
    of their own when focused (at least two checked)."""
    page.keyboard.press("Shift")  # a keyboard reader
    found = page.evaluate(RINGS, [FOCUSABLE, ", ".join(parts) if parts else None])
    assert found["count"] >= 2
    return found["bare"]


def test_on_a_phone_back_to_top_shows_a_ring_and_our_controls_are_44_px_targets(tab, site_url):
    """One playbook load on a phone: Material's back-to-top button, shown as a reader
    scrolls back up, rings like every control of the header, which the scroll changed too
    (the rest of the page rings on a phone above); then our cards, bar and skip link are
    44 px targets."""
    page = open_page(tab, site_url + PAGE_TYPES["playbook"], "phone")
    back_to_top_shown(page)
    assert rings(page, [".md-top", ".md-header"]) == [], "focus rings with back-to-top shown"
    cards_and_skip_link(page)
    count, small = small_targets(page)
    assert count >= 3 and small == [], "44 px targets"


# A page's states share its load: each is opened, checked and closed in turn. axe reads a
# state as opened, in both schemes; then, back in the light scheme (the palette switch
# moves neither the pointer nor the focus), the 44 px targets are measured and every
# control of the part it opened is focused in turn. A failure names each state that failed.
@pytest.mark.parametrize("width", one_pass(WIDTHS, keep="phone"))
@pytest.mark.parametrize("kind", STATE_PAGES)
def test_with_each_state_open_axe_finds_nothing_and_controls_are_targets_with_rings(
        tab, site_url, kind, width):
    page = open_page(tab, site_url + PAGE_TYPES[kind], width)
    failed = {}
    for state in STATE_PAGES[kind]:
        _, open_state, opened, close = STATES[state]
        open_state(page)
        found = violations_in_each_scheme(page, opened)
        switch_scheme(page, "light")
        if found != NOTHING:
            failed[f"{state}: axe"] = found
        # What a hovered card button shows, the playbook's own load covers (above).
        if width == "phone" and state != "card buttons hovered and focused":
            count, small = small_targets(page)
            if count < 3 or small:
                failed[f"{state}: 44 px targets ({count} measured)"] = small
            if bare := rings(page, opened):
                failed[f"{state}: focus rings"] = bare
        if close:
            close(page)
    assert failed == {}


def test_every_field_is_labelled_and_described(tab, site_url):
    page = tab
    page.goto(site_url + "playbooks/broken-promise/")
    for field in page.locator(FIELDS).all():
        name = field.get_attribute("name")
        assert page.get_by_label(page.locator(f'label[for="mir-f-{name}"]').inner_text(),
                                 exact=True).count() >= 1
        hint = field.get_attribute("aria-describedby")
        assert page.locator(f"#{hint}").inner_text().strip()


def tab_to(page, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_keyboard_alone_fills_copies_and_confirms(tab, site_url):
    page = tab
    page.goto(site_url + "playbooks/team-mistake/")
    # The script moves the skip link to the top of the page.
    page.wait_for_function("() => document.body.firstElementChild?.matches('.mir-skip')")
    page.evaluate("document.activeElement?.blur()")
    tab_to(page, ".mir-skip", limit=4)  # the skip link comes first, after the theme's own
    expect(page.locator(".mir-skip")).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('[data-mir-fields]') !== null")
    tab_to(page, "#mir-f-client_name")
    page.keyboard.type("Priya")
    tab_to(page, '.mir-card[data-template="call-back-team-mistake"] [data-mir-action="copy"]')
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    expect(dialog).to_be_visible()
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("value", "fill")  # focus moved into it
    page.keyboard.press("Tab")
    expect(focused).to_have_text(STRINGS.filler.anyway["copy"])
    clipboard.clear(page)
    page.keyboard.press("Enter")
    assert "Hi Priya" in clipboard.copied(page, "Hi Priya")
    status = page.locator("[data-mir-bar] [data-mir-status]")
    expect(status).to_contain_text(STRINGS.filler.messages.copied.split(":")[0])

    # Escape closes the dialog and nothing is copied.
    page.evaluate("navigator.clipboard.writeText('kept')")
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("navigator.clipboard.readText()") == "kept"


def test_keyboard_alone_walks_the_guide(tab, site_url):
    page = tab
    page.goto(site_url + "which-playbook/")
    tab_to(page, ".mir-guide summary")
    for _ in range(4):  # the first answer of each question, by Enter alone
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    expect(page.locator(".mir-guide__result:visible")).to_have_count(1)
