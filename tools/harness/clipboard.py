"""The clipboard as a test or a report reads it after a copy.

Playwright's `wait_for_function` takes a synchronous predicate: a predicate that
returns `navigator.clipboard.readText()`'s Promise counts as true at once, so such a
"wait" waits for nothing and, under load, reads the clipboard before the copy lands.
`copied` polls the clipboard inside the page until it holds what the caller waits for."""

from __future__ import annotations

PLACEHOLDER = "(nothing copied)"


def clear(page) -> None:
    """Put a placeholder on the clipboard, so `copied` can tell a new copy from an old one."""
    page.evaluate("text => navigator.clipboard.writeText(text)", PLACEHOLDER)


def copied(page, contains: str = "", timeout_ms: int = 15_000) -> str:
    """The clipboard's text once a copy has replaced the placeholder (and, if given, it
    contains `contains`); raises naming what the clipboard held if that never happens."""
    return page.evaluate(
        """async ([placeholder, contains, timeout]) => {
            const end = Date.now() + timeout;
            for (;;) {
                const text = await navigator.clipboard.readText();
                if (text !== placeholder && text.includes(contains)) return text;
                if (Date.now() > end) {
                    throw new Error(`the clipboard never held the copy waited for (containing `
                        + `${JSON.stringify(contains)}); it holds ${JSON.stringify(text.slice(0, 200))}`);
                }
                await new Promise(resolve => setTimeout(resolve, 25));
            }
        }""",
        [PLACEHOLDER, contains, timeout_ms])
