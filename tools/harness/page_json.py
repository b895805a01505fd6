"""A large result out of a page as one JSON string. Playwright carries a returned value
object by object in its own format (walked in the page, in its driver and in the
client): the draft test's 455 patterns x 322 texts of match lists took 10-12 s that
way and 0.9 s as one string, on the same page."""

from __future__ import annotations

import json
from typing import Any


def evaluate_json(page, function: str, arg: Any = None) -> Any:
    """`page.evaluate(function, arg)` for a result JSON can hold (no undefined, NaN,
    Infinity, cycles or elements); `function` may return a Promise."""
    text = page.evaluate(f"async (arg) => JSON.stringify(await ({function})(arg))", arg)
    if text is None:
        raise ValueError(f"the page's function returned undefined: {function[:80]}")
    return json.loads(text)
