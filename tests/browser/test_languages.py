"""The handbook in Russian in a real browser (issue 23), on the small two-language
build: the switcher keeps the page and its anchor, the fill-in speaks Russian with
CLDR plural forms, copies Russian text, and a client typed on one language's page
is the same case on the other's (same origin, same storage)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from fill_page import card, open_page
from harness import clipboard
from harness.serve import serve
from make_it_right.plurals import plural
from make_it_right.strings import load_strings

HANDBOOK = "https://make-it-right.github.io/handbook/"
RU = load_strings("ru")


@pytest.fixture(scope="module")
def url(built_languages):
    with serve(built_languages, sitemap_from=HANDBOOK, searchable=False) as base:
        yield base


def switch_to(page, language: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={language}]").click()


def test_switching_language_keeps_the_page_the_anchor_and_the_client(tab, url):
    """The page and its anchor there and back; then a client typed on the English page
    is the same case on the Russian one (same origin, same storage)."""
    page = open_page(tab, url + "en/late/#2-send-the-apology")
    switch_to(page, "ru")
    expect(page).to_have_url(url + "ru/late/#2-send-the-apology")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    switch_to(page, "en")
    expect(page).to_have_url(url + "en/late/#2-send-the-apology")

    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    page.locator("[data-mir-toggle]").click()
    page.fill("#mir-f-client_name", "Priya")
    switch_to(page, "ru")
    expect(page).to_have_url(url + "ru/late/#2-send-the-apology")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    page.locator("[data-mir-toggle]").click()
    expect(page.locator("#mir-f-client_name"), "the client in Russian").to_have_value("Priya")


def test_the_russian_fill_in_counts_blanks_in_plural_forms_and_copies_russian_text(tab, url):
    """One load: the bar's count of blanks left as the page opens, then a card filled and copied."""
    page = open_page(tab, url + "ru/late/")
    left = page.locator("[data-mir-bar-left]")
    expect(left).to_have_text(re.compile(r"\d"))
    count = int(re.search(r"\d+", left.text_content())[0])
    assert count > 1
    assert left.text_content() == plural(RU.filler.messages.left_many, count, "ru"), "blanks left"

    page.locator("[data-mir-toggle]").click()
    for name, value in (("client_name", "Ирина"), ("problem_short", "не открывается отчёт"),
                        ("next_update", "четверг, 12:00")):
        page.fill(f"#mir-f-{name}", value)
    chat = card(page, "chat-first-reply")
    expect(chat.locator(".mir-blank[data-field=client_name]").first).to_have_text("Ирина")
    clipboard.clear(page)
    chat.get_by_role("button", name=RU.filler.actions["copy"], exact=True).click()
    copied = clipboard.copied(page)
    assert "Ирина" in copied and re.search("[а-я]{4}", copied)
    assert page.errors == []
