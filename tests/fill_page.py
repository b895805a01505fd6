"""What browser tests of the fill-in share: opening a page with its panel ready,
finding a card, opening the panel, reading a mailto: link. (Test modules are not
importable by name under pytest's importlib mode, so they live here.)"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from playwright.sync_api import Page

from harness import clipboard
from harness.serve import BLANK_PATH

# A phone's viewport, as the tests size one.
PHONE = {"width": 390, "height": 844}
# The panel's blanks, one per field of the page's templates ("@…" names are the panel's
# own settings, such as the register).
FIELDS = "[data-mir-fields] .mir-fields__grid [name]:not([name^='@'])"


def open_page(target, url, values=None):
    """The page, with its panel ready, in a new tab of `target` (a browser or a context) or
    in `target` itself (the `tab` fixture's page); `values` go into the tab's storage first."""
    if isinstance(target, Page):
        page = target
    else:
        page = target.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: page.errors.append(f"native dialog: {dialog.message}"))
    if values is not None:
        # The tab's storage belongs to the site's origin: the test server's empty page
        # there holds it without loading the theme's scripts (answered by the server: a
        # Playwright route cost the load after it about 0.08 s more CPU).
        # The shared tab's cleaning leaves it there already: a second load of it is waste.
        if page.url != urljoin(url, BLANK_PATH):
            page.goto(urljoin(url, BLANK_PATH))
        page.evaluate("""values => {
            sessionStorage.setItem("mir:about", JSON.stringify(values));
            sessionStorage.setItem("mir:cases", JSON.stringify(
                {active: "t", cases: [{id: "t", name: "Test case", values}]}));
        }""", values)
    page.goto(url)
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    return page


# The page's own navigations to a link the system would open (sms:): caught before
# they leave and cancelled, each URL kept in window.__handedOff. A tab that followed one
# was left, now and then, taking no clicks on its next page (very likely Chromium's
# external-protocol launch), so a test on the shared tab checks where the page sent the
# reader without going there.
HOLD_HANDOFFS = """() => navigation.addEventListener("navigate", (event) => {
    if (event.destination.url.startsWith("sms:")) {
        (window.__handedOff ||= []).push(event.destination.url);
        event.preventDefault();
    }
})"""


def hold_handoffs(page) -> None:
    """Catch the page's sms: navigations from now on (HOLD_HANDOFFS); read them with
    `handed_off(page)`. The listener lives in the document: call it after `open_page`."""
    page.evaluate(HOLD_HANDOFFS)


def handed_off(page, at_least: int = 0) -> list[str]:
    """The sms: URLs the page tried to open, once there are at least `at_least`."""
    if at_least:
        page.wait_for_function("n => (window.__handedOff || []).length >= n", arg=at_least)
    return page.evaluate("() => window.__handedOff || []")


def in_front(page):
    """The page, made the tab in front. A test with several tabs acts on each from the
    front: every action on a tab behind another waited a second or two for a frame."""
    page.bring_to_front()
    return page


def card(page, template_id):
    return page.locator(f'.mir-card[data-template="{template_id}"]')


def card_action(target, action):
    """A card's action (`target` is the card's locator): its primary action and "Fill
    this" are in sight; any other is under "More", which this opens first."""
    control = target.locator(f'.mir-card__actions [data-mir-action="{action}"]')
    if control.is_hidden():
        target.locator("[data-mir-more]").click()
    return control


def copy_going_ahead(page, control) -> str:
    """Click a copy control the way a reader in a hurry does: if the missing-blanks dialog
    asks first, go ahead anyway. Returns the text the copy put on the clipboard."""
    clipboard.clear(page)
    control.click()
    asked = page.evaluate("""async placeholder => {
        for (const end = Date.now() + 15000; Date.now() < end;) {
            if (document.querySelector("[data-mir-dialog]")?.open) return true;
            if (await navigator.clipboard.readText() !== placeholder) return false;
            await new Promise(resolve => setTimeout(resolve, 25));
        }
        return false;  // neither: clipboard.copied says what the clipboard holds
    }""", clipboard.PLACEHOLDER)
    if asked:
        page.locator("[data-mir-dialog] [data-mir-anyway]").click()
    return clipboard.copied(page)


def open_panel(page):
    if page.get_attribute("[data-mir-toggle]", "aria-expanded") != "true":
        page.click("[data-mir-toggle]")


def parse_mailto(href):
    parts = urlsplit(href)
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), query


@contextmanager
def requests_seen(page, listener):
    """`listener` hears the page's requests until the block ends (the shared tab keeps
    no listener a test added)."""
    page.on("request", listener)
    try:
        yield
    finally:
        page.remove_listener("request", listener)
