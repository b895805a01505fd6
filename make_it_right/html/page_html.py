"""Raw HTML in a page: only the harmless tags and attributes data/docs-files.yml
lists. Markdown passes raw HTML through as it is, so a <script>, a
<meta http-equiv="refresh"> or an onclick would ship; the check refuses them
wherever they stand in the page, code spans included (write &lt; to show a tag).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..docs_files import HtmlRules

# Markdown's autolinks, <https://…> and <someone@example.com>: links, not tags.
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>|<[^<>\s!]+@[^@<>\s]+>", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


class HtmlProblem(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def check_html(body: str, rules: HtmlRules) -> None:
    """HtmlProblem for the first tag, attribute or URL outside the allow-list."""
    scanner = _Scanner(rules)
    scanner.feed(_AUTOLINK.sub(lambda m: " " * len(m[0]), body))
    scanner.close()
    if scanner.problem:
        raise HtmlProblem(*scanner.problem)


class _Scanner(HTMLParser):
    def __init__(self, rules: HtmlRules):
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.problem: tuple[int, str] | None = None

    def _refuse(self, message: str) -> None:
        if self.problem is None:
            self.problem = (self.getpos()[0], message)

    def handle_starttag(self, tag, attrs):
        allowed = ", ".join(sorted(self.rules.tags))
        if tag not in self.rules.tags:
            self._refuse(f"<{tag}> is not allowed in a page; raw HTML may use only: {allowed}")
            return
        for name, value in attrs:
            if name not in self.rules.attributes:
                self._refuse(f"<{tag}> has the attribute '{name}', which a page may not use; "
                             f"allowed: {', '.join(sorted(self.rules.attributes))}")
            elif name in ("href", "src") and value:
                url = "".join(value.split()).lower()
                scheme = _SCHEME.match(url)
                if scheme and scheme[1] not in self.rules.url_schemes:
                    self._refuse(f"<{tag} {name}> uses a '{scheme[1]}:' address; "
                                 f"use a page of this site or {', '.join(sorted(self.rules.url_schemes))}")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in self.rules.tags:
            self._refuse(f"</{tag}> is not allowed in a page")

    def handle_decl(self, decl):
        self._refuse("a <!…> declaration is not allowed in a page")

    def unknown_decl(self, data):
        self._refuse("a <![…]> section is not allowed in a page")

    def handle_pi(self, data):
        self._refuse("a <?…> instruction is not allowed in a page")
