"""The real handbook: a strict build with zero warnings, no leftovers, nothing from other hosts."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from make_it_right.register import in_register, registers_of
from built_pages import parsed

# Elements that make the browser load something, and the attribute naming it.
LOADERS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
           "video": "src", "embed": "src", "object": "data", "link": "href"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def pages(site):
    return sorted(site.rglob("*.html"))


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def test_strict_build_passes_with_no_warnings(built_site):
    _, result = built_site
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert "Documentation built" in output


def test_no_template_syntax_left_in_html(built_site):
    """No macro is left unrendered. Code samples may show the syntax on purpose, but
    a card's text is not a code sample: it is checked too."""
    site, _ = built_site
    for page in pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for code in soup.select("code"):
            if not code.find_parent(class_="mir-card"):
                code.decompose()
        text = str(soup)
        assert "{{" not in text and "{%" not in text, page.relative_to(site)


def test_nothing_is_loaded_from_another_host(built_site):
    site, _ = built_site
    for page in pages(site):
        soup = parsed(page)
        for tag, attr in LOADERS.items():
            for element in soup.find_all(tag):
                url = element.get(attr)
                if tag == "link" and "alternate" in (element.get("rel") or []):
                    continue  # a pointer for feed readers, not loaded by the page
                if tag == "link" and "canonical" in (element.get("rel") or []):
                    continue  # names the page's public address; nothing is fetched
                assert not (url and is_external(url)), f"{page.relative_to(site)}: <{tag}> {url}"
        for element in soup.find_all(style=True):
            for url in CSS_URL.findall(element["style"]):
                assert not is_external(url), f"{page.relative_to(site)}: style url({url})"
    for sheet in site.rglob("*.css"):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            assert not is_external(url), f"{sheet.relative_to(site)}: url({url})"


def test_every_page_has_a_description(built_site):
    site, _ = built_site
    for page in pages(site):
        if page.name == "404.html":
            continue
        soup = parsed(page)
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta and meta["content"].strip(), page.relative_to(site)


@pytest.fixture
def playbook(built_site):
    site, _ = built_site
    html = (site / "playbooks" / "team-mistake" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_a_card_that_puts_fault_in_writing_asks_for_a_managers_yes(playbook, strings):
    signed = playbook.select_one('.mir-card[data-template="apology-signed-off"] .mir-card__sign-off')
    assert signed is not None and signed["data-sign-off"] == "admits-fault offers-compensation"
    assert strings.card.sign_off_label in signed.get_text()
    plain = playbook.select_one('.mir-card[data-template="apology-team-mistake"]')
    assert plain.select_one(".mir-card__sign-off") is None


def test_card_shows_text_with_labelled_blanks(playbook, pack):
    card = playbook.select_one('.mir-card[data-template="apology-team-mistake"]')
    assert card is not None
    heading = playbook.find(id="tpl-apology-team-mistake")
    assert heading and heading.name == "h3"
    # A block that keeps its line breaks, not a code block: no theme copy button,
    # and it stays out of the search index (the card's title and "when" are in it).
    text = card.select_one("div.mir-card__text[data-search-exclude]")
    assert card.select_one("pre, code") is None
    assert text.get_text().startswith("Subject: About [The work, as the client calls it]")
    shown = [b for b in text.select(".mir-blank") if not any(p.has_attr("hidden") for p in b.parents)]
    assert {b["data-field"] for b in shown} == set(pack.get("apology-team-mistake").fields)
    # The formal greeting and closing are there too, hidden until a case picks them.
    formal = text.select('.mir-register[data-register="formal"][hidden]')
    assert [f.get_text().split("\n")[0] for f in formal] == ["Dear [Client's name, formally],", "Kind regards,"]
    assert card["data-registers"] == "formal"
    optional = {b["data-field"] for b in text.select(".mir-blank[data-fallback]")}
    assert optional == {"client_name"}
    # A blank that may be left out sits inside the line that goes with it.
    left_out = text.select_one('.mir-omit[data-omit="company_name"]')
    assert left_out.get_text() == "\n[Your company or team]"
    assert {b["data-field"] for b in shown if b.has_attr("data-required")} == {
        n for n, f in pack.get("apology-team-mistake").fields.items() if f.required}


def test_panel_hints_and_blank_lists_stay_out_of_search(built_site):
    site, _ = built_site
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for words in ("Remember my details", "The name the client knows you by",
                  "What each blank means", "[Your company or team]"):
        assert words not in index, words
    assert "Call-back request after a team mistake" in index


def test_template_index_links_every_template_to_its_card(built_site, pack):
    site, _ = built_site
    soup = parsed(site / "templates" / "index.html")
    hrefs = {a["href"] for a in soup.select("article table a")}
    for template in pack.templates.values():
        assert any(h.endswith(f"#tpl-{template.id}") for h in hrefs), template.id


def test_repo_link_does_not_ask_github_for_stats(built_site):
    site, _ = built_site
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in html
    assert "https://github.com/make-it-right/handbook" in html


def test_edit_links_come_from_repo_url(playbook):
    edit = playbook.select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"] == (
        "https://github.com/make-it-right/handbook/edit/main/docs/playbooks/team-mistake.md")


def test_each_playbook_panel_holds_exactly_its_cards_fields(built_site, pack, rules):
    """About me apart from the client's fields; no field missing, none extra."""
    site, _ = built_site
    pages: dict[str, set[str]] = {}
    for template in pack.templates.values():
        # A register's own blanks (the formal name) are the client's too.
        variants = [in_register(template, rules, r) for r in registers_of(template, rules)]
        for playbook in template.playbooks:
            page = pages.setdefault(rules.playbooks[playbook].page.removesuffix(".md"), set())
            page.update(template.fields, *(v.fields for v in variants))
    for path, names in pages.items():
        soup = parsed(site / path / "index.html")
        groups = soup.select("[data-mir-fields] fieldset")
        shown = [[i["name"] for i in g.select(".mir-fields__grid [name]") if not i["name"].startswith("@")]
                 for g in groups]
        assert sorted(shown[0] + shown[1]) == sorted(names), path
        assert set(shown[1]) == names & set(rules.about_me), path
