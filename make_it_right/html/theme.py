"""What the theme's own template (overrides/main.html) shows on every page.

The theme cannot call macros, so the macros adapter hands it these words through
`config.extra.make_it_right`, already escaped: the active client's name on a page
without templates (web/page/here.js fills it in and shows it), and a link back to a page
where the reader can change it (it points it at the page they last typed on).
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from .. import __version__
from ..escape import plain, verbatim
from ..rules import Rules
from ..strings import Strings

CHANGELOG_PAGE = "changelog.md"


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


def site_words(strings: Strings, guide_page: str | None, use_directory_urls: bool = True,
               version: str = __version__) -> dict[str, str]:
    """The footer's version and changelog link, and the 404 page's words and links."""
    words = strings.site
    return {
        "version": plain(words.version.format(version=version)),
        "changelog": plain(words.changelog),
        "changelog_page": plain(page_url(CHANGELOG_PAGE, use_directory_urls)),
        "not_found_title": plain(words.not_found_title),
        "not_found_text": plain(words.not_found_text),
        "not_found_guide": plain(words.not_found_guide),
        "not_found_search": plain(words.not_found_search),
        "guide_page": plain(page_url(guide_page, use_directory_urls)) if guide_page else "",
        "edit_templates": plain(words.edit_templates),
    }


def page_dates(strings: Strings, changed: Mapping[str, str], docs: str,
               cards_on_page: Mapping[str, list[str]], template_files: Mapping[str, str],
               ) -> dict[str, str]:
    """Each page (its path in docs/) -> "Last updated: <date>": the newest of the page's
    own last change and its cards' template files'."""
    dates = {}
    for path, date in changed.items():
        if path.startswith(f"{docs}/") and path.endswith(".md"):
            page = path.removeprefix(f"{docs}/")
            cards = [changed.get(template_files[i], "") for i in cards_on_page.get(page, [])
                     if i in template_files]
            dates[page] = plain(strings.site.updated.format(date=max([date, *cards])))
    return dates


def template_edit_links(cards_on_page: Mapping[str, list[str]],
                        template_files: Mapping[str, str], edit_root: str,
                        ) -> dict[str, list[dict[str, str]]]:
    """Each page with cards -> a link to edit each card's template file."""
    return {page: [{"file": plain(template_files[i]),
                    "url": plain(edit_root + quote(template_files[i]))}
                   for i in cards if i in template_files]
            for page, cards in cards_on_page.items() if cards}


# The theme writes the Content-Security-Policy as a <meta> tag first in <head>, and
# Chromium's preload scanner fetches nothing ahead of the parser on such a page: every
# script further down waits until the parser reaches it, one round trip after another
# on a slow phone. "Check my draft" is a tool a reader opens to use at once (ready
# after 5.5 s on Lighthouse's throttle without these, 2.4-2.7 s with them), so its
# <head> asks for what it needs, in the order it needs it: the styles and the scripts
# that hold the parser before the form, the checker and its styles (the form starts
# it itself, draft_page.py), then what the rest of the page runs. Chromium opens six
# connections a host: what comes after the sixth waits a round trip.
# Other pages ask for nothing ahead: there the same hints cost Lighthouse's simulated
# phone 0.5 s of first paint (scripts crowd out the styles) for nothing the reader waits on.
# Each is (rel, as, path from the site's root).
# Material's inline scripts as files (overrides/partials/javascripts/): the helpers and
# palette, which hold the parser before the form, then the one after the content.
THEME_SCRIPTS = ("javascripts/theme/palette.js", "javascripts/theme/content.js")
BOOTSTRAP = "javascripts/mir.min.js"
DRAFT_STYLES = "stylesheets/draft.css"
DRAFT_FILES = (("modulepreload", "", "javascripts/draft.min.js"), ("preload", "style", DRAFT_STYLES))


def head_hints(theme_files: Mapping[str, list[str]], extra_css: list[str],
               draft_page: str | None) -> dict[str, list[tuple[str, str, str]]]:
    """What a page's <head> asks for first, by the page's path in docs/."""
    if not draft_page:
        return {}
    styles = [*theme_files.get("styles", []), *extra_css]
    early, late = THEME_SCRIPTS[:1], [*THEME_SCRIPTS[1:], *theme_files.get("scripts", [])]
    return {draft_page: [("preload", "style", path) for path in styles]
            + [("preload", "script", path) for path in early] + list(DRAFT_FILES)
            + [("preload", "script", path) for path in late] + [("modulepreload", "", BOOTSTRAP)]}


# A page's own stylesheets go in its <head>, after the site's (the theme's extrahead):
# there the theme's palette script makes their addresses absolute before the content is
# parsed (overrides/partials/javascripts/palette.html says why). Linked from the
# article, instant navigation's rewrite of relative addresses reloaded the sheet once
# the page was styled, and the page was styled again.
def page_styles(draft_page: str | None) -> dict[str, list[str]]:
    """Each page's own stylesheets, by the page's path in docs/."""
    return {draft_page: [DRAFT_STYLES]} if draft_page else {}
