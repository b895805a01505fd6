"""The active client on every page: the theme writes a hidden line on each page
(overrides/main.html, words from the strings file by way of the macros adapter)
for the browser code to fill in and show where no template is."""

from __future__ import annotations

from urllib.parse import urljoin

from built_pages import parsed


from make_it_right.strings import load_strings

STRINGS = load_strings("en")


def test_every_page_carries_the_hidden_client_line_and_its_link_resolves(built_site, rules):
    site, _ = built_site
    first = next(iter(rules.playbooks.values())).page.removesuffix(".md")
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for html in pages:
        soup = parsed(html)
        lines = soup.select("article [data-mir-here]")
        assert len(lines) == 1, html
        line = lines[0]
        assert line.has_attr("hidden") and line.strong.get_text() == ""
        assert line.get_text().replace(STRINGS.filler.here_change, "").strip() == \
            STRINGS.filler.bar_case.replace("{case}", "").strip()
        assert line.a.get_text() == STRINGS.filler.here_change
        here = "http://site/" + html.relative_to(site).parent.as_posix() + "/"
        assert urljoin(here, line.a["href"]) == f"http://site/{first}/#mir-fields", html

