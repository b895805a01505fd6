"""One browser tab reused for page after page, cleaned in between as if new.

Navigating a tab costs about half the CPU of opening one (a new tab starts a renderer
and compiles the theme's scripts afresh), so tests and scripts that each drive one page
from a clean state share a tab. What a test can leave behind and this undoes: other tabs,
routes, the pointer's place, storage of every kind for every origin the tab visited (session storage
included), cookies, service workers, emulated media and the viewport size. Anything else
(init scripts, the context's settings, listeners a caller adds) needs a fresh context.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from harness.serve import BLANK_PATH

VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default for a new context


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


class ReusedTab:
    def __init__(self, new_context: Callable) -> None:
        self._new_context = new_context
        self._page = None

    def page(self):
        """The tab, clean; `page.errors` lists its uncaught errors and native dialogs."""
        if self._page is not None and self._page.is_closed():
            self.close()  # its user closed it: start another
        if self._page is None:
            self._open()
        return self._page

    def _open(self) -> None:
        context = self._new_context()
        page = context.new_page()
        page.errors = []
        page.origins = set()
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("dialog", lambda dialog: page.errors.append(f"native dialog: {dialog.message}"))
        page.on("framenavigated", lambda frame: self._visited(page, frame))
        self._page = page

    @staticmethod
    def _visited(page, frame) -> None:
        if frame.parent_frame is None and (origin := _origin(frame.url)):
            page.origins.add(origin)

    def clean(self) -> None:
        """Undo what the last user did; a tab that cannot be cleaned is replaced."""
        if self._page is None:
            return
        try:
            clean = self._clean()
        except Exception:  # a test that failed may leave the tab stuck (a dialog, a hung script)
            clean = False
        if not clean:
            self.close()

    def _clean(self) -> bool:
        page, context = self._page, self._page.context
        if page.is_closed():
            return False
        for other in context.pages:
            if other != page:
                other.close()
        page.unroute_all(behavior="ignoreErrors")
        context.unroute_all(behavior="ignoreErrors")
        here = _origin(page.url)
        # Session storage belongs to the tab and its origin: clearable only from a page
        # there, so a tab that visited another origin is not reused. Local storage is
        # cleared from the page too: the renderer keeps its own copy, and CDP's clearing
        # below did not always reach it before the next page read it (a palette choice
        # left behind). Both are cleared from an empty page of the origin that
        # harness.serve answers (BLANK_PATH): going there unloads the test's page, so no
        # script of it can write again after, and the tab stays there until the next
        # test navigates. (Not a Playwright route: while one is set, it intercepts every
        # request of the tab, and the next page load cost more CPU after it.)
        if page.origins - {here}:
            return False
        if here:
            page.goto(here + BLANK_PATH)
            page.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
        # A DevTools session of our own, detached at once: while one stays attached, the
        # page's emulated media type (print) is lost at its next navigation.
        cdp = context.new_cdp_session(page)
        try:
            for origin in page.origins:
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        finally:
            cdp.detach()
        page.mouse.move(0, 0)  # nothing hovered on the next page
        page.emulate_media(media="null", color_scheme="light", reduced_motion="no-preference",
                           forced_colors="none")
        if page.viewport_size != VIEWPORT:
            page.set_viewport_size(VIEWPORT)
        page.origins.clear()
        page.errors.clear()
        return True

    def close(self) -> None:
        if self._page is not None:
            try:
                self._page.context.close()
            finally:
                self._page = None
