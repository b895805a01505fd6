"""make_it_right.html.contents: a page's table of contents lists its steps and sections,
not its template cards; each card keeps its anchor and permalink."""

from __future__ import annotations

import re

import markdown

from make_it_right.html.contents import without_cards

PAGE = ("# Playbook\n\n## 1. Get the facts\n\n### Apology email { #tpl-apology }\n\nCard.\n\n"
        "### If they ring first\n\nText.\n\n## 2. Call\n\n### Voicemail { #tpl-voicemail }\n\nCard.\n")


def ids(tokens: list[dict]) -> list:
    return [[t["id"], ids(t["children"])] if t["children"] else t["id"] for t in tokens]


def test_cards_leave_the_contents_and_keep_their_anchors():
    md = markdown.Markdown(extensions=["attr_list", "toc", "make_it_right.html.contents"],
                           extension_configs={"toc": {"permalink": True}})
    html = md.convert(PAGE)
    assert ids(md.toc_tokens) == [["playbook", [["1-get-the-facts", ["if-they-ring-first"]], "2-call"]]]
    for card in ("tpl-apology", "tpl-voicemail"):
        assert f'id="{card}"' in html and f'href="#{card}"' in html


def test_what_a_card_heading_held_moves_up():
    tokens = [{"id": "tpl-x", "level": 2, "name": "x", "children": [
        {"id": "inner", "level": 3, "name": "inner", "children": []}]}]
    assert ids(without_cards(tokens)) == ["inner"]


def test_the_built_playbook_contents_name_steps_not_cards(built_site):
    site, _ = built_site
    page = (site / "playbooks" / "team-mistake" / "index.html").read_text(encoding="utf-8")
    contents = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', page)
    assert contents and not [c for c in contents if c.startswith("tpl-")]
    assert "1-decide-now-its-we-not-them" in contents
    assert len(re.findall(r'class="headerlink" href="#tpl-', page)) >= 10
