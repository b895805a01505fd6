"""What readers of documentation sites expect (issue 21): link previews, when a
page last changed, a 404 that helps, the version and what changed, and the
template files behind a page's cards."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

import jinja2
from bs4 import BeautifulSoup

from make_it_right import __version__
from paths import ROOT
from built_pages import parsed

# English's build: each language sits in its own folder of /handbook/.
SITE_URL = "https://make-it-right.github.io/handbook/en/"


def _soup(site, page: str) -> BeautifulSoup:
    return parsed(site / page)


def test_link_previews_carry_title_description_and_a_same_origin_image(built_site):
    site, _ = built_site
    soup = _soup(site, "playbooks/team-mistake/index.html")
    meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta")
            if m.get("property", "").startswith("og:") or m.get("name", "").startswith("twitter:")}
    from mkdocs.utils.meta import get_data

    _, front = get_data((ROOT / "docs" / "playbooks" / "team-mistake.md").read_text("utf-8"))
    description = front["description"]
    assert '"' in description  # the quotes stay inside the attribute
    assert meta["og:title"] == meta["twitter:title"] == "Your team dropped the ball"
    assert meta["og:description"] == meta["twitter:description"] == description
    assert meta["og:url"] == SITE_URL + "playbooks/team-mistake/"
    assert meta["og:image"] == meta["twitter:image"] == SITE_URL + "images/social.png"
    assert (site / "images" / "social.png").read_bytes().startswith(b"\x89PNG")
    assert meta["twitter:card"] == "summary_large_image"


def test_link_preview_text_is_escaped():
    """Front matter is contributor text: quotes, < and & never leave the attribute."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    hostile = 'He said "stop" <script>alert(1)</script> & left'
    page = SimpleNamespace(meta={"title": hostile, "description": hostile}, title=hostile,
                           canonical_url='https://x/"><script>')
    config = {"site_name": "M", "site_description": "", "site_url": SITE_URL}
    html = env.get_template("partials/social.html").render(page=page, config=config)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("meta")) == 12 and not soup.select("script")
    assert soup.select_one('meta[property="og:description"]')["content"] == hostile
    assert soup.select_one('meta[property="og:url"]')["content"] == 'https://x/"><script>'


def test_a_page_says_when_it_last_changed(built_site):
    site, _ = built_site
    page_date = subprocess.run(["git", "log", "-1", "--format=%cs", "--",
                                "docs/phrase-bank.md"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    updated = _soup(site, "phrase-bank/index.html").select_one(".mir-updated")
    if not page_date:  # a shallow or exported copy: no dates at all rather than wrong ones
        assert updated is None
    else:
        assert updated.get_text() == f"Last updated: {page_date}"


def test_a_page_with_cards_links_each_cards_template_file(built_site, pack):
    site, _ = built_site
    soup = _soup(site, "playbooks/team-mistake/index.html")
    cards = [c["id"].removeprefix("tpl-") for c in soup.select('[id^="tpl-"]')]
    links = {a.get_text(): a["href"] for a in soup.select(".mir-edit-templates a")}
    assert cards and set(links) == {
        f"templates/{pack.get(i).channel}/{i}.yml" for i in cards if i in pack.templates}
    for file, href in links.items():
        assert href == f"https://github.com/make-it-right/handbook/edit/main/{file}"
        assert (ROOT / file).is_file()


def test_the_404_points_to_the_guide_and_search(built_site):
    site, _ = built_site
    soup = _soup(site, "404.html")
    article = soup.select_one("article")
    assert article.h1.get_text() == "This page isn't here"
    assert article.select_one('a[href="/handbook/en/which-playbook/"]')
    assert article.select_one('label[for="__search"]')
    assert soup.select_one('input#__search')  # the theme's search toggle the label opens


def test_the_footer_shows_the_version_and_links_the_changelog(built_site):
    site, _ = built_site
    footer = _soup(site, "index.html").select_one(".mir-version")
    assert footer.get_text(" ", strip=True).startswith(f"Version {__version__}")
    assert footer.a["href"] == "./changelog/"
    changelog = _soup(site, "changelog/index.html").select_one("article")
    assert changelog.h2.get_text().startswith(__version__)
