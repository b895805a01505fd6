"""axe-core in a page of the browser tier: injected once per document (its 570 KB
script is most of a run's set-up), then run as often as the test needs, e.g. once
per colour scheme."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT

RUN = """([context, options]) => axe.run(context ?? document, options).then((r) => r.violations)"""


def axe_violations(page, context: str | None = None) -> list[dict]:
    """What axe finds in the page (or in the part `context` selects), violations only."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(RUN, [context, {"resultTypes": ["violations"]}])
