"""Debian's headless Chromium, driven through Playwright, and when a page is ready."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags for a machine with no general internet (see shared/design.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# An init script: the page's Content-Security-Policy violations, in window.__violations.
RECORD_CSP_VIOLATIONS = """window.__violations = [];
    document.addEventListener("securitypolicyviolation",
        (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"""


def launch(playwright):
    """Chromium, headless, with the flags above."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# Material's instant navigation takes over a link only once it has the sitemap.
_SITEMAP_LOADED = """() => performance.getEntriesByType("resource")
    .some((entry) => new URL(entry.name).pathname.endsWith("/sitemap.xml") && entry.responseEnd > 0)"""


def wait_for_instant_navigation(page) -> None:
    """Wait until a click on a listed link is instant navigation, not a page load."""
    page.wait_for_function(_SITEMAP_LOADED)
