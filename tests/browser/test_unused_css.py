"""The theme's pruned stylesheets (make_it_right/html/unused_css.py) change no pixel: each
page type, in the light and the dark scheme, on a phone and a desktop, in print, with
search open on its results and with a card's focus view open, looks exactly as it does
with Material's own stylesheets, which the browser gets in their place for the "before"
shot."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from matrix import MATRIX, one_pass

pytestmark = pytest.mark.browser

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PAGES = {"home": "", "playbook": "playbooks/team-mistake/", "template index": "templates/",
         "check my draft": "check-my-draft/", "phrase bank": "phrase-bank/",
         "checklist": "checklists/team-mistake/"}
CARD = '.mir-card[data-template="call-back-team-mistake"]'
SIZES = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 900}}


def original(name: str) -> bytes:
    """Material's own stylesheet that a pruned one (main.<hash>.min.css) replaced."""
    [path] = THEME_STYLESHEETS.glob(f"{name.split('.', 1)[0]}.*.min.css")
    return path.read_bytes()


def shots(chromium, url: str, tmp_path: Path, *, scheme: str = "light", size: str = "desktop",
          media: str = "screen", then=None, whole: bool = True) -> tuple[bytes, bytes]:
    """The page's screenshot (its whole length, or the screen) with the pruned
    stylesheets, and with Material's."""
    taken = []
    for theirs in (False, True):
        context = chromium.new_context(viewport=SIZES[size], color_scheme=scheme,
                                       reduced_motion="reduce", service_workers="block")
        if theirs:
            context.route("**/assets/stylesheets/*.min.css", lambda route: route.fulfill(
                body=original(route.request.url.rsplit("/", 1)[1]), content_type="text/css"))
        page = context.new_page()
        page.emulate_media(media=media)
        page.goto(url, wait_until="networkidle")
        if then:
            then(page)
        # The page's whole length as one tall viewport: Playwright's full_page capture
        # now and then paints a line of the header differently from one shot to the next.
        if whole:
            page.set_viewport_size({**SIZES[size], "height": page.evaluate(
                "document.documentElement.scrollHeight")})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        taken.append(page.screenshot(animations="disabled", caret="hide"))
        context.close()
    if taken[0] != taken[1]:
        for name, png in zip(("pruned", "material"), taken, strict=True):
            (tmp_path / f"{name}.png").write_bytes(png)
    return taken[0], taken[1]


def test_the_pages_link_pruned_copies_not_materials_files(chromium, site_url):
    page = chromium.new_page()
    page.goto(site_url)
    links = page.eval_on_selector_all('link[rel="stylesheet"]', "ls => ls.map(l => l.href)")
    page.close()
    theirs = {p.name for p in THEME_STYLESHEETS.glob("*.min.css")}
    ours = [link.rsplit("/", 1)[1] for link in links if "/assets/stylesheets/" in link]
    assert len(ours) == 2 and not theirs & set(ours)


# `make test` makes one pass: at desktop width the playbook in both schemes and the two
# pages with markup of their own (the template index's tables, the draft form) in the
# light one, a playbook in print, search in the light scheme and the focus view.
# `make test-matrices` adds every other page type, scheme, width, print page and open state.
ONE_PASS = {("playbook", "light"), ("playbook", "dark"), ("template index", "light"),
            ("check my draft", "light")}
VIEWS = [pytest.param(kind, size, scheme, id=f"{kind}-{size}-{scheme}",
                      marks=() if size == "desktop" and (kind, scheme) in ONE_PASS else MATRIX)
         for kind in PAGES for size in SIZES for scheme in ("light", "dark")]


@pytest.mark.parametrize(("kind", "size", "scheme"), VIEWS)
def test_every_page_type_looks_the_same(chromium, site_url, tmp_path, kind, size, scheme):
    pruned, materials = shots(chromium, site_url + PAGES[kind], tmp_path, scheme=scheme, size=size)
    assert pruned == materials, f"{kind} ({size}, {scheme}) differs: see {tmp_path}"


@pytest.mark.parametrize("kind", one_pass(["playbook", "checklist", "template index"], keep="playbook"))
def test_print_looks_the_same(chromium, site_url, tmp_path, kind):
    pruned, materials = shots(chromium, site_url + PAGES[kind], tmp_path, media="print")
    assert pruned == materials, f"{kind} in print differs: see {tmp_path}"


@pytest.mark.parametrize("scheme", one_pass(["light", "dark"], keep="light"))
def test_search_results_look_the_same(chromium, site_url, tmp_path, scheme):
    def search(page):
        page.keyboard.press("s")
        page.locator(".md-search__input").wait_for(state="visible")
        page.keyboard.type("invoice")
        page.locator('.md-search-result__item > a[href*="?h=invoice"]').first.wait_for()
        page.locator(".md-search-result__more summary").first.wait_for()
    # The results fill the screen (as many as it shows) while the page behind stays put.
    pruned, materials = shots(chromium, site_url, tmp_path, scheme=scheme, size="phone", then=search,
                              whole=False)
    assert pruned == materials, f"search results ({scheme}) differ: see {tmp_path}"


def drawer_open(page) -> None:
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")


def panel_expanded(page) -> None:
    page.click("[data-mir-toggle]")
    page.locator("#mir-fields-body").wait_for(state="visible")


def dialog_open(page) -> None:
    page.locator(f'{CARD} [data-mir-action="copy"]').click()
    page.locator("[data-mir-dialog]").wait_for(state="visible")


def focus_view_open(page) -> None:
    page.locator(f"{CARD} [data-mir-more]").click()
    page.locator(f'{CARD} [data-mir-action="ics"]').click()
    page.locator("[data-mir-focus]").wait_for(state="visible")


# What opens on a playbook page: the theme's and ours, on a phone.
STATES = {"drawer open": drawer_open, "fill-everything panel expanded": panel_expanded,
          "missing-blanks dialog open": dialog_open, "focus view open": focus_view_open}


@pytest.mark.parametrize("state", one_pass(STATES, keep="focus view open"))
def test_open_states_look_the_same(chromium, site_url, tmp_path, state):
    # The expanded panel fills the screen: its shot is the screen. (The whole page's length
    # with it open once came out 439 px apart between the two shots.)
    pruned, materials = shots(chromium, site_url + PAGES["playbook"], tmp_path, size="phone",
                              then=STATES[state], whole=state != "fill-everything panel expanded")
    assert pruned == materials, f"{state} differs: see {tmp_path}"
