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
from axe_check import switch_scheme
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


def shot(page, site: Path, url: str, *, theirs: bool, size: str, views: list[tuple[str, str]], then,
         whole: bool) -> list[bytes]:
    """One side's shots of one load, a view (media, scheme) after another, in a tab as clean
    as a new one. The first view's scheme is the reader's system's; the next ones are
    picked with the theme's palette switch, as a reader picks them."""
    def stylesheet(route):
        name = route.request.url.rsplit("/", 1)[1]
        if name == "make-it-right.css":
            route.fulfill(body=(site / "stylesheets" / name).read_bytes() + SHOT_STYLE,
                          content_type="text/css")
        elif theirs and "/assets/stylesheets/" in route.request.url:
            route.fulfill(body=original(name), content_type="text/css")
        else:
            route.fallback()

    [(media, scheme), *_] = views
    page.set_viewport_size(SIZES[size])
    page.emulate_media(media=media, color_scheme=scheme, reduced_motion="reduce")
    page.route("**/stylesheets/*.css", stylesheet)
    page.goto(url)
    wait_until_ready(page)
    if then:
        then(page)
    taken = []
    for media, view_scheme in views:
        page.set_viewport_size(SIZES[size])
        page.emulate_media(media=media)
        if view_scheme != scheme:
            switch_scheme(page, scheme := view_scheme)
        length = page.evaluate(STEADY_LENGTH)
        if whole:
            # The whole length as one tall viewport: Playwright's full_page capture now and then
            # paints a line of the header differently from one shot to the next.
            page.set_viewport_size({**SIZES[size], "height": length})
            grown = page.evaluate(STEADY_LENGTH)
            assert grown == length, f"{url}: the page grew from {length} to {grown} px as the screen did"
        taken.append(capture(page))
    return taken


def shots(tab: ReusedTab, site: Path, url: str, tmp_path: Path, *,
          views: list[tuple[str, str]] | None = None, size: str = "desktop", then=None,
          whole: bool = True) -> list[str]:
    """The views that differ: each view's screenshot (the page's whole length, or the
    screen) with the pruned stylesheets against Material's, each side's views taken from
    one load in the module's tab. A view that differs leaves both shots in tmp_path."""
    views = views or [("screen", "light")]
    taken = []
    for theirs in (False, True):
        try:
            taken.append(shot(tab.page(), site, url, theirs=theirs, size=size, views=views,
                              then=then, whole=whole))
        finally:
            tab.clean()
    differ = []
    for (media, scheme), pruned, materials in zip(views, *taken, strict=True):
        if pruned != materials:
            view = f"{media}-{scheme}"
            differ.append(view)
            for name, png in (("pruned", pruned), ("material", materials)):
                (tmp_path / f"{view}-{name}.png").write_bytes(png)
    return differ


def test_the_pages_link_pruned_copies_not_materials_files(tab, site_url):
    tab.goto(site_url)
    links = tab.eval_on_selector_all('link[rel="stylesheet"]', "ls => ls.map(l => l.href)")
    theirs = {p.name for p in THEME_STYLESHEETS.glob("*.min.css")}
    ours = [link.rsplit("/", 1)[1] for link in links if "/assets/stylesheets/" in link]
    assert len(ours) == 2 and not theirs & set(ours)


# Each page type and width is one load a side, shot in the light scheme, then the dark one,
# then (playbooks, checklists and the template index, at desktop width) in print.
# `make test` makes one pass: at desktop width the playbook in each of them and the two
# pages with markup of their own (the template index's tables, the draft form) in the
# light scheme, search in the light scheme and the focus view. `make test-matrices`
# adds every other page type, scheme, width, print page and open state.
PRINTED = {"playbook", "checklist", "template index"}
# How many of a page's views (from the first) `make test` keeps; None: all of them.
ONE_PASS = {("playbook", "desktop"): None, ("template index", "desktop"): 1, ("check my draft", "desktop"): 1}


def page_views() -> list:
    params = []
    for kind in PAGES:
        for size in SIZES:
            views = [("screen", "light"), ("screen", "dark")]
            if size == "desktop" and kind in PRINTED:
                views.append(("print", "light"))
            kept = views[:ONE_PASS[kind, size]] if (kind, size) in ONE_PASS else []
            rest = views[len(kept):]
            if kept:
                params.append(pytest.param(kind, size, kept, id=f"{kind}-{size}"))
            if rest:
                params.append(pytest.param(kind, size, rest, id=f"{kind}-{size}" + ("-rest" if kept else ""),
                                           marks=MATRIX))
    return params


@pytest.mark.parametrize(("kind", "size", "views"), page_views())
def test_every_page_type_looks_the_same(shot_tab, site, site_url, tmp_path, kind, size, views):
    differ = shots(shot_tab, site, site_url + PAGES[kind], tmp_path, views=views, size=size)
    assert differ == [], f"{kind} ({size}) differs: see {tmp_path}"


@pytest.mark.parametrize("scheme", one_pass(["light", "dark"], keep="light"))
def test_search_results_look_the_same(shot_tab, site, searchable_site_url, tmp_path, scheme):
    def search(page):
        page.keyboard.press("s")
        page.locator(".md-search__input").wait_for(state="visible")
        page.keyboard.type("invoice")
        page.locator('.md-search-result__item > a[href*="?h=invoice"]').first.wait_for()
        page.locator(".md-search-result__more summary").first.wait_for()
    # The results fill the screen (as many as it shows) while the page behind stays put.
    differ = shots(shot_tab, site, searchable_site_url, tmp_path, views=[("screen", scheme)], size="phone",
                   then=search, whole=False)
    assert differ == [], f"search results ({scheme}) differ: see {tmp_path}"


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
    differ = shots(shot_tab, site, site_url + PAGES["playbook"], tmp_path, size="phone", then=opened,
                   whole=whole)
    assert differ == [], f"{state} differs: see {tmp_path}"
