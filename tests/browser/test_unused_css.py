"""The theme's pruned stylesheets (make_it_right/html/unused_css.py) change no pixel: each
page type, in the light and the dark scheme, on a phone and a desktop, in print, with
search open on its results and with a card's focus view open, looks exactly as it does
with Material's own stylesheets, which the browser gets in their place for the "before"
shot."""

from __future__ import annotations

import base64
import functools
from pathlib import Path

import material
import pytest

from harness.chromium import CHROMIUM_ARGS, HEADLESS_SHELL, wait_until_ready
from harness.tab import ReusedTab
from matrix import MATRIX, one_pass

pytestmark = pytest.mark.browser

THEME_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PAGES = {"home": "", "playbook": "playbooks/team-mistake/", "template index": "templates/",
         "check my draft": "check-my-draft/", "phrase bank": "phrase-bank/",
         "checklist": "checklists/team-mistake/"}
CARD = '.mir-card[data-template="call-back-team-mistake"]'
SIZES = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 900}}

# Added to our stylesheet on both sides, for the shot only. Every card is laid out whole
# from the first frame, as it is once on screen: content-visibility: auto keeps a card off
# screen at a placeholder height until a viewport shows it, so a page's length read before
# then was not its length after (the two shots once came out 439 px apart). And no text
# caret, which blinks.
SHOT_STYLE = b"\n.mir-card{content-visibility:visible;contain:layout style paint}*{caret-color:transparent!important}\n"
# The page's length, once it has stayed the same for three frames in a row.
STEADY_LENGTH = """async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let [length, same] = [-1, 0];
    for (let i = 0; i < 120 && same < 3; i++) {
        await frame();
        const now = document.documentElement.scrollHeight;
        [length, same] = [now, now === length ? same + 1 : 0];
    }
    return length;
}"""
# What Playwright's screenshot(animations="disabled") does: every animation at its end.
STILL = """() => { for (const a of document.getAnimations()) {
    if (a.effect?.getComputedTiming().endTime === Infinity) a.cancel(); else a.finish(); } }"""


@pytest.fixture(scope="module")
def steady_chromium(chromium):
    """Chromium painting each tile whole every time it paints it. With partial raster, a
    tile painted again in part after a late change (a resize, the fill-in's panel shown)
    can shade a rounded corner's edge one level apart, so two shots of one page now and
    then differed by a few pixels."""
    browser = chromium.browser_type.launch(executable_path=HEADLESS_SHELL,
                                           args=[*CHROMIUM_ARGS, "--disable-partial-raster"])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def shot_tab(steady_chromium):
    """One tab for every shot of the module, cleaned after each as if new: a new context
    per test cost about a second of CPU more than cleaning this one."""
    tab = ReusedTab(lambda: steady_chromium.new_context(service_workers="block"))
    yield tab
    tab.close()


@pytest.fixture
def site(built_site) -> Path:
    return built_site[0]


@functools.cache
def original(name: str) -> bytes:
    """Material's own stylesheet that a pruned one (main.<hash>.min.css) replaced."""
    [path] = THEME_STYLESHEETS.glob(f"{name.split('.', 1)[0]}.*.min.css")
    return path.read_bytes()


def capture(page) -> bytes:
    """The screen as PNG. Chromium encodes it for speed (lossless, larger): on a page's
    whole length that halves the shot's CPU time."""
    page.evaluate(STILL)
    cdp = page.context.new_cdp_session(page)
    try:
        png = cdp.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})["data"]
    finally:
        cdp.detach()
    return base64.b64decode(png)


def shot(page, site: Path, url: str, *, theirs: bool, size: str, scheme: str, media: str, then,
         whole: bool) -> bytes:
    """One side's shot, in a tab as clean as a new one."""
    def stylesheet(route):
        name = route.request.url.rsplit("/", 1)[1]
        if name == "make-it-right.css":
            route.fulfill(body=(site / "stylesheets" / name).read_bytes() + SHOT_STYLE,
                          content_type="text/css")
        elif theirs and "/assets/stylesheets/" in route.request.url:
            route.fulfill(body=original(name), content_type="text/css")
        else:
            route.fallback()

    page.set_viewport_size(SIZES[size])
    page.emulate_media(media=media, color_scheme=scheme, reduced_motion="reduce")
    page.route("**/stylesheets/*.css", stylesheet)
    page.goto(url)
    wait_until_ready(page)
    if then:
        then(page)
    length = page.evaluate(STEADY_LENGTH)
    if whole:
        # The whole length as one tall viewport: Playwright's full_page capture now and then
        # paints a line of the header differently from one shot to the next.
        page.set_viewport_size({**SIZES[size], "height": length})
        grown = page.evaluate(STEADY_LENGTH)
        assert grown == length, f"{url}: the page grew from {length} to {grown} px as the screen did"
    return capture(page)


def shots(tab: ReusedTab, site: Path, url: str, tmp_path: Path, *, scheme: str = "light",
          size: str = "desktop", media: str = "screen", then=None, whole: bool = True) -> tuple[bytes, bytes]:
    """The page's screenshot (its whole length, or the screen) with the pruned
    stylesheets, and with Material's: one after the other in the module's tab."""
    taken = []
    for theirs in (False, True):
        try:
            taken.append(shot(tab.page(), site, url, theirs=theirs, size=size, scheme=scheme,
                              media=media, then=then, whole=whole))
        finally:
            tab.clean()
    if taken[0] != taken[1]:
        for name, png in zip(("pruned", "material"), taken, strict=True):
            (tmp_path / f"{name}.png").write_bytes(png)
    return taken[0], taken[1]


def test_the_pages_link_pruned_copies_not_materials_files(tab, site_url):
    tab.goto(site_url)
    links = tab.eval_on_selector_all('link[rel="stylesheet"]', "ls => ls.map(l => l.href)")
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
def test_every_page_type_looks_the_same(shot_tab, site, site_url, tmp_path, kind, size, scheme):
    pruned, materials = shots(shot_tab, site, site_url + PAGES[kind], tmp_path, scheme=scheme, size=size)
    assert pruned == materials, f"{kind} ({size}, {scheme}) differs: see {tmp_path}"


@pytest.mark.parametrize("kind", one_pass(["playbook", "checklist", "template index"], keep="playbook"))
def test_print_looks_the_same(shot_tab, site, site_url, tmp_path, kind):
    pruned, materials = shots(shot_tab, site, site_url + PAGES[kind], tmp_path, media="print")
    assert pruned == materials, f"{kind} in print differs: see {tmp_path}"


@pytest.mark.parametrize("scheme", one_pass(["light", "dark"], keep="light"))
def test_search_results_look_the_same(shot_tab, site, searchable_site_url, tmp_path, scheme):
    def search(page):
        page.keyboard.press("s")
        page.locator(".md-search__input").wait_for(state="visible")
        page.keyboard.type("invoice")
        page.locator('.md-search-result__item > a[href*="?h=invoice"]').first.wait_for()
        page.locator(".md-search-result__more summary").first.wait_for()
    # The results fill the screen (as many as it shows) while the page behind stays put.
    pruned, materials = shots(shot_tab, site, searchable_site_url, tmp_path, scheme=scheme, size="phone", then=search,
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


# What opens on a playbook page, the theme's and ours, on a phone, and whether its shot is
# the whole page: the panel opens in the page; the others sit over it, so the screen shows
# all they change (the page behind is the phone's playbook shot).
STATES = {"drawer open": (drawer_open, False), "fill-everything panel expanded": (panel_expanded, True),
          "missing-blanks dialog open": (dialog_open, False), "focus view open": (focus_view_open, False)}


@pytest.mark.parametrize("state", one_pass(STATES, keep="focus view open"))
def test_open_states_look_the_same(shot_tab, site, site_url, tmp_path, state):
    opened, whole = STATES[state]
    pruned, materials = shots(shot_tab, site, site_url + PAGES["playbook"], tmp_path, size="phone",
                              then=opened, whole=whole)
    assert pruned == materials, f"{state} differs: see {tmp_path}"
