"""The "Check my draft" page as built: in the navigation, linked from every playbook
and every client-facing card, its rules as data from rules.yml, and no inline script."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urljoin, urlsplit

from built_pages import parsed


from make_it_right.draft import draft_data

PAGE = "check-my-draft"


def soup_of(site, path):
    return parsed(site / path / "index.html")


def test_the_page_has_one_title_the_form_and_its_script(built_site, rules, strings):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    soup = soup_of(site, PAGE)
    article = soup.select_one("article")
    assert len(article.select("h1")) == 1
    form = article.select_one("[data-mir-draft]")
    assert form.has_attr("hidden"), "the form shows only once the script runs"
    assert article.select_one("[data-mir-draft-noscript]").get_text() == strings.draft.noscript
    # The rules and patterns are files the script fetches on first use, not page weight.
    assert form["data-mir-draft-rules"] == "../javascripts/draft-rules.json"
    assert form["data-mir-draft-hyphenation"] == "../javascripts/hyphenation.json"
    assert json.loads((site / "javascripts" / "draft-rules.json").read_text(encoding="ascii")) == json.loads(
        json.dumps(draft_data(rules, strings)))
    assert json.loads((site / "javascripts" / "hyphenation.json").read_text(encoding="ascii"))["patterns"]
    # The checker's own module right after the form starts it without waiting for Material's bundle.
    scripts = article.select("script")
    assert [(s.get("type"), s.has_attr("async"), s["src"]) for s in scripts] == [
        ("module", True, "../javascripts/draft.min.js")]
    assert scripts[0].find_previous_sibling() is form
    assert (site / "javascripts" / "draft.min.js").is_file()
    # The checks themselves come on first use, with the rules (tests/browser/test_draft.py).
    assert (site / "javascripts" / "checks.min.js").is_file()
    assert "checks.min.js" not in str(soup)
    assert (site / "stylesheets" / "draft.css").is_file()
    # Its styles are the page's own stylesheet in the head, after the site's, so they hold
    # the form's place before the script runs and no address in the article is a stylesheet
    # the theme's instant navigation would reload; the head asks for them and the script at
    # once, beside the bootstrap that imports the script.
    sheets = [x["href"] for x in soup.select("head link[rel=stylesheet]")]
    assert sheets[-1] == "../stylesheets/draft.css" and sheets.count("../stylesheets/draft.css") == 1
    assert sheets.index("../stylesheets/make-it-right.css") < sheets.index("../stylesheets/draft.css")
    assert not article.select("link")
    hints = {(x["rel"][0], x["href"]) for x in soup.select("head link[rel=modulepreload], head link[rel=preload]")}
    assert {("modulepreload", "../javascripts/mir.min.js"), ("modulepreload", "../javascripts/draft.min.js"),
            ("preload", "../stylesheets/draft.css")} <= hints
    labels = {o["value"] for o in form.select("[data-mir-draft-channel] option")}
    assert labels == {"", *rules.draft_checks.channels}


def test_only_this_page_has_the_form_that_loads_the_draft_script(built_site):
    site, _ = built_site
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        here = page.parent.name == PAGE
        assert ("javascripts/draft.min.js" in text) == here, page.relative_to(site)
        assert ("data-mir-draft-rules" in text) == here, page.relative_to(site)
        assert ('rel="modulepreload"' in text) == here, page.relative_to(site)


def test_every_playbook_links_to_it_with_its_situation(built_site, rules):
    site, _ = built_site
    for playbook, entry in rules.playbooks.items():
        path = entry.page.removesuffix(".md")
        links = [a["href"] for a in soup_of(site, path).select("article a[href]")
                 if urlsplit(a["href"]).path.rstrip("/").endswith(PAGE)]
        queries = [parse_qs(urlsplit(h).query) for h in links]
        assert {"playbook": [playbook]} in queries, entry.page


def test_every_client_facing_card_links_to_it(built_site, rules):
    site, _ = built_site
    base = "http://site/"
    for page in site.rglob("*.html"):
        soup = parsed(page)
        for card in soup.select(".mir-card"):
            link = card.find_next_sibling()
            channel = card["data-channel"]
            if channel not in rules.draft_checks.channels:
                assert not ((link and "mir-card__check" in (link.get("class") or []))
                            or (link and link.select_one(".mir-card__check")))
                continue
            check = link.select_one("a.mir-card__check")
            here = base + page.relative_to(site).parent.as_posix() + "/"
            target = urlsplit(urljoin(here, check["href"]))
            assert target.path == f"/{PAGE}/", (page, card["data-template"])
            assert parse_qs(target.query)["channel"] == [channel]
