"""The handbook stays whole: every template placed, every playbook showing what the brief
names, two clicks to any template and clean spelling. (No page outside the
navigation, readable playbooks and one-page checklists are `make-it-right check`'s:
make_it_right/html/handbook_check.py.)"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from built_pages import parsed
from bs4 import BeautifulSoup



# The content brief's template table (shared/brief.md): what each playbook must show.
BRIEF = {
    "team-mistake": ["call-back-team-mistake", "apology-team-mistake", "redirect-to-solution",
                     "progress-update", "team-debrief", "pre-call-prep"],
    "my-mistake": ["own-my-mistake-opening", "apology-my-mistake", "progress-update",
                   "pre-call-prep"],
    "broken-promise": ["call-request-changed-promise", "call-back-changed-promise",
                       "broken-promise-talk-track", "recap-after-call", "progress-update",
                       "pre-call-prep"],
    "angry-client": ["de-escalation-talk-track", "reply-to-angry-email", "handover-to-senior",
                     "handover-note", "ending-abusive-call"],
}


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return parsed(site / path / "index.html")


def cards_on(site: Path, page_md: str) -> list[str]:
    soup = soup_of(site, page_md.removesuffix(".md"))
    return [card["data-template"] for card in soup.select(".mir-card")]


def test_every_template_is_placed_on_a_page(built_site, pack):
    site, _ = built_site
    placed = {card["data-template"] for html in site.rglob("*.html")
              for card in parsed(html)
              .select(".mir-card")}
    assert placed == set(pack.templates)


def test_each_playbook_shows_its_templates(built_site, pack, rules):
    site, _ = built_site
    for playbook, entry in rules.playbooks.items():
        shown = set(cards_on(site, entry.page))
        required = set(BRIEF.get(playbook, []))  # the brief names only the first four
        assert required <= shown, f"{entry.page} lacks {required - shown}"
        declared = {t.id for t in pack.select(playbook)}
        assert shown == declared, f"{entry.page}: cards and templates' playbooks disagree"


def test_pack_has_every_template_in_the_brief(pack):
    assert len(pack.templates) >= 16
    for playbook, ids in BRIEF.items():
        for template_id in ids:
            assert playbook in pack.get(template_id).playbooks, (template_id, playbook)


def test_every_template_is_two_clicks_from_home(built_site, pack):
    site, _ = built_site
    base = "http://site/"
    depth = {base: 0}
    queue = deque([base])
    while queue:
        url = queue.popleft()
        if depth[url] == 2:
            continue
        path = urlsplit(url).path.strip("/")
        soup = soup_of(site, path)
        for link in soup.select("article a[href], .md-nav a[href]"):
            target = urljoin(url, link["href"]).split("#")[0]
            if target.startswith(base) and target not in depth and (site / urlsplit(target).path.strip("/") / "index.html").is_file():
                depth[target] = depth[url] + 1
                queue.append(target)
    reachable = {t for url in depth for t in cards_on(site, urlsplit(url).path.strip("/") + ".md")
                 if urlsplit(url).path.strip("/")}
    assert reachable == set(pack.templates)


def test_each_playbook_has_its_shape(built_site, rules):
    site, _ = built_site
    for playbook in rules.playbooks.values():
        soup = soup_of(site, playbook.page.removesuffix(".md"))
        article = soup.select_one("article")
        assert len(article.select("h1")) == 1, playbook.page
        assert article.select_one("h1 ~ p"), f"{playbook.page}: no opening paragraph"
        last = article.select("h2")[-1]
        assert last.find_next(class_="mir-checklist"), f"{playbook.page}: no closing checklist"


