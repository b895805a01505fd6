"""The handbook in two languages (issue 23), on the small two-language build
(tests/site/languages, built once per run): each language in its own folder from
one base config, the chooser beside them, Russian pages with Russian cards, the
English docs' scripts and styles shared, one search index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

from built_pages import parsed


from harness.site import ROOT
from bs4 import BeautifulSoup


def soup(site: Path, path: str) -> BeautifulSoup:
    return parsed(site / path)


def test_both_languages_build_strict_with_no_warning(tmp_path_factory, built_languages):
    record = json.loads((built_languages.parent / "languages.json").read_text())
    assert not re.search(r"^(WARNING|ERROR)", record["stderr"], re.MULTILINE), record["stderr"]
    assert (built_languages / "en" / "late" / "index.html").is_file()
    assert (built_languages / "ru" / "late" / "index.html").is_file()


def test_the_chooser_links_each_language_in_its_own_words(built_languages):
    page = soup(built_languages, "index.html")
    links = [(a["href"], a["hreflang"], a.get_text()) for a in page.select("main a")]
    assert links == [("en/", "en", "English"), ("ru/", "ru", "Русский")]
    assert not page.find("script")


def test_a_russian_page_is_russian_with_russian_cards(built_languages):
    page = soup(built_languages, "ru/late/index.html")
    assert page.html["lang"] == "ru"
    card = page.select_one('.mir-card[data-template="apology-team-mistake"]')
    text = card.get_text(" ")
    assert "Приносим" in text or "простите" in text.lower() or "извин" in text.lower(), text[:300]
    assert "Here's the plan" not in text
    assert "Здравствуйте" in page.get_text(" ")  # the formal register's Russian greeting


def test_every_page_keeps_the_english_heading_anchors(built_languages):
    for name in ("index.html", "late/index.html"):
        ids = [[h["id"] for h in soup(built_languages, f"{lang}/{name}").select("article h1[id], article h2[id]")]
               for lang in ("en", "ru")]
        assert ids[0] == ids[1] and len(ids[0]) >= 2


def test_each_language_lists_the_other_and_switches_to_its_folder(built_languages):
    for lang in ("en", "ru"):
        page = soup(built_languages, f"{lang}/late/index.html")
        heads = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"]')}
        assert heads == {"en": "../../en/", "ru": "../../ru/"}
        assert [a["hreflang"] for a in page.select("a.md-select__link")] == ["en", "ru"]


def test_the_russian_build_shares_the_english_scripts_without_copies(built_languages):
    for name in ("javascripts/mir.min.js", "stylesheets/make-it-right.css"):
        assert (built_languages / "ru" / name).read_bytes() == (ROOT / "docs" / name).read_bytes()
    assert not (ROOT / "i18n" / "ru" / "docs" / "javascripts").exists()


def test_one_search_index_per_language_with_a_pipeline_that_keeps_its_letters(built_languages):
    from make_it_right.rules import load_language

    for lang in ("en", "ru"):
        index = json.loads((built_languages / lang / "search" / "search_index.json").read_text())
        assert index["config"]["lang"] == [lang]
        assert index["config"]["pipeline"] == load_language(lang).search.pipeline
        text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
        assert bool(re.search("[а-я]", text)) == (lang == "ru")


def test_each_language_has_its_own_offline_copy(built_languages):
    for lang in ("en", "ru"):
        worker = (built_languages / lang / "sw.js").read_text(encoding="utf-8")
        files = json.loads(re.search(r"const FILES = (\[.*?\]);", worker)[1])
        assert "late/" in files and not any(f.startswith(("en/", "ru/")) for f in files)
    ru = (built_languages / "ru" / "sw.js").read_text(encoding="utf-8")
    assert "lunr.ru.min.js" in ru
