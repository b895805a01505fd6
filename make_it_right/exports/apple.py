"""Apple Text Replacements (.plist, dragged into Keyboard settings; it syncs to the
iPhone keyboard): an array of {phrase, shortcut}. No fill-ins: a blank is written
[Label]. Only short texts (a text message, a chat line) suit a keyboard shortcut."""

from __future__ import annotations

import plistlib
from collections.abc import Sequence

from .snippet import Snippet, bracketed, short


def write(snippets: Sequence[Snippet]) -> bytes:
    items = [{"phrase": bracketed(s.parts, s.prompts), "shortcut": s.trigger}
             for s in short(snippets)]
    return plistlib.dumps(items, fmt=plistlib.FMT_XML, sort_keys=False)
