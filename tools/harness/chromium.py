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


# A handbook page is ready once its stylesheets and fonts are in and its scripts have
# shown what they enhance (the fill-in panel, the draft form). `load`, even
# `networkidle`, can come before that on a busy machine.
PAGE_READY = """() => document.readyState === "complete" && document.fonts.status === "loaded"
    && [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet)
    && [...document.querySelectorAll("[data-mir-fields], [data-mir-draft]")].every((part) => !part.hidden)"""


def wait_until_ready(page) -> None:
    """Wait until the page is ready (PAGE_READY)."""
    page.wait_for_function(PAGE_READY)
