"""axe-core in a page of the browser tier: injected once per document (its 570 KB
script is most of a run's set-up), then run as often as the test needs, e.g. once
per colour scheme."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT

RUN = """([context, options]) => axe.run(context ?? document, options).then((r) => r.violations)"""
# The rules that read colours: axe's "cat.color" rules that its default run runs (the
# AAA contrast rule is off by default). A second colour scheme changes colours only, so
# after a full run in one scheme these are all the other needs, at about half the cost.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# The theme's names for the schemes a reader's system picks (mkdocs.yml).
SCHEMES = {"light": "default", "dark": "slate"}


def axe_violations(page, context: str | dict | None = None,
                   rules: list[str] | None = None) -> list[dict]:
    """What axe finds in the page (or in what `context` picks: a selector, or axe's
    include/exclude), violations only; with `rules`, those rules only."""
    if not page.evaluate("() => typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate(RUN, [context, options])


def settled(page) -> None:
    """Wait until hover and focus transitions have ended: axe reads colours as they are."""
    page.wait_for_function("""() => document.getAnimations().every((a) => a.playState !== "running"
        || a.effect?.getComputedTiming().endTime === Infinity)""")


def switch_scheme(page, scheme: str) -> None:
    """Pick a scheme the way the theme's palette switch does (its radio button changes),
    without moving the pointer or the focus, so whatever is open stays open.

    The page turns transitions off while it switches (web/page/palette.js); cards off screen (content-visibility:
    auto) would only take their new colours later, with a transition, when axe reads them.
    Reading every element's style while the switch is on gives each its new colours at once.
    """
    page.evaluate("""media => {
        const option = document.querySelector(`input.md-option[data-md-color-media="${media}"]`);
        option.checked = true;
        option.dispatchEvent(new Event("change", { bubbles: true }));
        for (const el of document.querySelectorAll("*")) getComputedStyle(el).color;
    }""", f"(prefers-color-scheme: {scheme})")
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme])
    settled(page)


def axe_in_each_scheme(page, parts: list[str] | None = None) -> dict[str, list[dict]]:
    """What axe finds on the page (or in the parts these selectors pick) as it is (light,
    every rule), then with the dark scheme (the colour rules)."""
    context = {"include": parts} if parts else None
    found = {"light": axe_violations(page, context)}
    switch_scheme(page, "dark")
    found["dark"] = axe_violations(page, context, rules=COLOUR_RULES)
    return found
