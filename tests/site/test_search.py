"""Search finds situations: the built index (site/search/search_index.json), loaded
into lunr with the theme's fields, boosts and pipeline, answers everyday words with
the right playbook first; the panel, hints, blank lists, guide paths, checklist
pages and a step's later paragraphs stay out, so the index stays within budget."""

from __future__ import annotations

import gzip
import html
import json
import re

import pytest
from lunr import stemmer, stop_word_filter, trimmer
from lunr.builder import Builder

from search_queries import EXPECTED_FIRST, EXPECTED_FIRST_RU
from built_pages import parsed

# Issue 10: 76 KB before it, 36 KB with the pages since; `make search-report` shows
# what weighs most. Issue 18's six more situations (16 playbooks, from 10) add about
# 6 KB gzipped, each page about 1 KB, the lightest in the handbook. The changelog page,
# the phrase bank's never-in-writing list and the draft rules' docs (merged the same
# day) brought it to 31.7 KB.
# Issue 20: search words for GDPR, breach, furious and texts, and the "calling in the
# next few minutes" box on every playbook, about 0.4 KB more.
# Issue 22's "Use these in your own tools" page and the home page's offline section:
# about 0.7 KB more.
INDEX_BUDGET_GZIPPED = 34_500


@pytest.fixture(scope="module")
def index(built_site):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


PIPELINE = {"trimmer": trimmer.trimmer, "stopWordFilter": stop_word_filter.stop_word_filter,
            "stemmer": stemmer.stemmer}


@pytest.fixture(scope="module")
def search(index):
    return lunr_search(index)


def lunr_search(index):
    """The theme's search, in Python: the index's fields, boosts and pipeline, and
    queries as its search worker sends them, each word with a trailing wildcard
    (so, as in lunr.js, no query word goes through the pipeline)."""
    config = index["config"]
    builder = Builder()
    builder.pipeline.add(*(PIPELINE[name] for name in config["pipeline"]))
    builder.ref("ref")
    for name, field in config["fields"].items():
        builder.field(name, boost=field["boost"])
    docs = index["docs"]
    for number, doc in enumerate(docs):
        builder.add({"ref": str(number), "title": re.sub(r"<[^>]+>", " ", doc["title"]),
                     "text": re.sub(r"<[^>]+>", " ", doc["text"]),
                     "tags": " ".join(doc.get("tags", []))},
                    attributes={"boost": doc.get("boost", 1)})
    built = builder.build()
    return lambda query: [docs[int(hit["ref"])]["location"] for hit in
                          built.search(" ".join(f"{w}*" for w in query.split()))]


@pytest.fixture(scope="module")
def russian_search(built_russian_site):
    site, result = built_russian_site
    assert result.returncode == 0, result.stderr
    return lunr_search(json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8")))


# On one worker: split over two, both built the Russian site at once (one building,
# the other waiting on the build's lock with its core idle, 3.7 s a run).
@pytest.mark.xdist_group("russian-site")
@pytest.mark.parametrize("query", EXPECTED_FIRST_RU)
def test_everyday_russian_words_find_the_right_playbook_first(russian_search, query):
    hits = russian_search(query)
    assert hits, f"'{query}' finds nothing"
    assert hits[0].split("#")[0] == EXPECTED_FIRST_RU[query], hits[:3]


def test_index_is_not_stemmed(index):
    # The theme looks every typed word up as a prefix (word*), unstemmed.
    assert "stemmer" not in index["config"]["pipeline"]


@pytest.mark.parametrize("query", EXPECTED_FIRST)
def test_everyday_words_find_the_right_playbook_first(search, query):
    hits = search(query)
    assert hits, f"'{query}' finds nothing"
    assert hits[0].split("#")[0] == EXPECTED_FIRST[query], hits[:3]


def test_cards_are_found_by_title_and_when(search, pack):
    for query, template_id in (("correcting invoice", "overcharge-correction"),
                               ("call-back request by text", "call-back-by-text"),
                               ("outage notice", "outage-notice")):
        assert search(query)[0].endswith(f"#tpl-{pack.get(template_id).id}"), query


def test_no_panel_dialog_or_guide_path_is_a_result(index):
    locations = [d["location"] for d in index["docs"]]
    assert not [loc for loc in locations if "#mir-" in loc]
    text = " ".join(d["text"] for d in index["docs"])
    for words in ("Fill in the blanks", "Remember my details", "What each blank means",
                  "Someone on my team made a mistake", "[Your company or team]"):
        assert words not in text, words
    assert not [loc for loc in locations if loc.startswith(("contributing/", "checklists/"))]


def test_steps_give_search_their_first_paragraph_not_the_rest(built_site, index, rules):
    """make_it_right/html/search_steps.py is wired in: a paragraph it marks is in no
    entry of its page, and a step's first paragraph is in the step's entry."""
    site, _ = built_site
    text = {d["location"]: html.unescape(re.sub(r"<[^>]+>|\s+", " ", d["text"])) for d in index["docs"]}
    left_out = 0
    for entry in rules.playbooks.values():
        path = entry.page.removesuffix(".md")
        page_text = " ".join(t for loc, t in text.items() if loc.startswith(f"{path}/"))
        soup = parsed(site / path / "index.html")
        for heading in soup.select("article h2[id]"):
            if not re.match(r"\d+\. ", heading.get_text()):
                continue
            first = heading.find_next_sibling(["p", "h2", "h3"])
            if first.name == "p":
                assert " ".join(first.get_text().split())[:40] in text[f"{path}/#{heading['id']}"]
        for p in soup.select("article > p[data-search-exclude]"):
            assert " ".join(p.get_text().split())[:40] not in page_text, path
            left_out += 1
    assert left_out > 50


def test_index_size(built_site, capsys):
    site, _ = built_site
    size = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))
    with capsys.disabled():
        print(f"\nsearch index: {size:,} bytes gzipped")
    assert size <= INDEX_BUDGET_GZIPPED, (
        f"the search index is {size:,} bytes gzipped, over its {INDEX_BUDGET_GZIPPED:,}; "
        "`make search-report` shows which pages weigh most")

