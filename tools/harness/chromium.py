"""Debian's Chromium, driven through Playwright, and when a page is ready."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from harness.serve import BLANK_PATH

# The browser a reader runs: for Lighthouse and the scripts that time what a reader sees.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The tests' browser: Debian's chromium-headless-shell, the same Chromium built for
# headless use only (the old headless mode). The same tests pass in it, and a browser
# test costs about a quarter less CPU than in chromium's new headless mode.
# CHROMIUM_PATH, if set, is used for both.
HEADLESS_SHELL = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
# Flags for a machine with no general internet (see shared/design.md).
# What the other processes do (measured, notes/speed14.md): with --disable-gpu the GPU
# process only composites frames in software (SystemInfo: gpu_compositing
# disabled_software); it also starts SwiftShader, for WebGL, which no page uses (about
# 0.02 s a launch). It costs nothing while a page sits still, about 0.03 s a page load.
# No flag tried cut the browser's or the GPU process's CPU per load beyond the noise
# (--disable-software-rasterizer, --in-process-gpu, --disable-gpu-compositing and more),
# and Playwright already turns off background networking, component updates, sync and
# optimization hints. A --disable-features here would come after Playwright's own, and
# base::CommandLine keeps a switch's last value unless the build merges feature lists:
# check that Playwright's (PaintHolding and the rest) survive before adding one.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# An init script: the page's Content-Security-Policy violations, in window.__violations.
RECORD_CSP_VIOLATIONS = """window.__violations = [];
    document.addEventListener("securitypolicyviolation",
        (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"""


# With MIR_LOAD_LOG set to a file, a browser from `launch` logs there, with the running
# test's id, every page load (a top-level document's load event on http: not an instant
# navigation, not the shared tab's empty page) and every tab and context it opens;
# scripts/browser_loads.py counts them.
LOAD_LOG = "MIR_LOAD_LOG"


def launch(playwright, executable: str = HEADLESS_SHELL):
    """Chromium (the tests' headless shell unless told), headless, with the flags above."""
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    if os.environ.get(LOAD_LOG):
        _log_loads(browser, os.environ[LOAD_LOG])
    return browser


def _log_loads(browser, log: str) -> None:
    def write(what: str) -> None:
        test = os.environ.get("PYTEST_CURRENT_TEST", "(no test)").rsplit(" (", 1)[0]
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{test.split('@')[0]}\t{what}\n")

    def loaded(page) -> None:
        url = urlsplit(page.url)
        if url.scheme in ("http", "https") and url.path != BLANK_PATH:
            write(f"load {url.path}")

    def opened(page) -> None:
        write("tab")
        page.on("load", loaded)

    def watched(new_context):
        def new(*args, **kwargs):
            context = new_context(*args, **kwargs)
            write("context")
            context.on("page", opened)
            return context
        return new

    browser.new_context = watched(browser.new_context)


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
