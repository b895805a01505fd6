"""Exports for the tools people keep snippets in: one module per format, one
registry (FORMATS) that the command line, the site's downloads and the tests read.

Every format folds the same document as the card and the text renderer
(snippet.snippets_of), so an export cannot disagree with what the handbook shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import apple, espanso, raycast, textexpander
from .snippet import ExportError, Snippet, snippets_of

__all__ = ["FORMATS", "ExportError", "ExportFormat", "Snippet", "snippets_of"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    tool: str
    suffix: str  # the download's file name ends with it
    media_type: str
    write: Callable[[Sequence[Snippet]], bytes]
    # Formats with no fill-ins take only short texts (a text message, a chat line).
    short_only: bool = False
    # Offered for one template from its card's "More" menu: the text expanders
    # whose fill-ins ask for each blank as the snippet expands.
    per_card: bool = False


FORMATS = {f.name: f for f in (
    ExportFormat("espanso", "Espanso", ".yml", "application/yaml", espanso.write, per_card=True),
    ExportFormat("textexpander", "TextExpander", ".csv", "text/csv", textexpander.write,
                 per_card=True),
    ExportFormat("raycast", "Raycast", ".json", "application/json", raycast.write),
    ExportFormat("apple", "Apple Text Replacements", ".plist", "application/x-plist",
                 apple.write, short_only=True),
)}
