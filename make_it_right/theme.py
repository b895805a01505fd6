"""What the theme's own template (overrides/main.html) shows on every page.

The theme cannot call macros, so the macros adapter hands it these words through
`config.extra.make_it_right`, already escaped: the active client's name on a page
without templates (filler.js fills it in and shows it), and a link back to a page
where the reader can change it (filler.js points it at the page they last typed on).
"""

from __future__ import annotations

from .escape import plain, verbatim
from .rules import Rules
from .strings import Strings


def page_url(page: str, use_directory_urls: bool = True) -> str:
    """A docs page's address from the site's root, as MkDocs writes it."""
    stem = page.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def theme_words(rules: Rules, strings: Strings, use_directory_urls: bool = True) -> dict[str, str]:
    """The words around the client's name (filler bar_case), the link's words, and where it
    goes until the reader has typed somewhere: the first playbook's page."""
    before, _, after = strings.filler.bar_case.partition("{case}")
    first = next(iter(rules.playbooks.values())).page
    return {"before": verbatim(before), "after": verbatim(after),
            "change": plain(strings.filler.here_change),
            "framed": plain(strings.filler.framed),
            "offline_ready": plain(strings.filler.offline_ready),
            "offline_update": plain(strings.filler.offline_update),
            "offline_reload": plain(strings.filler.offline_reload),
            "case_default": plain(strings.filler.case_default),
            "page": plain(page_url(first, use_directory_urls))}
