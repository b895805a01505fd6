"""Each card shows one primary action and "Fill this"; everything else is under a
"More" disclosure (keyboard and screen-reader correct), which also offers the
template's own snippet for a text expander, made by the engine's exporters at build
time and downloaded from the same origin."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from fill_page import card, open_page
from make_it_right.exports import FORMATS, snippets_of
from make_it_right.rules import load_rules
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
RULES = load_rules()
ACTIONS = STRINGS.filler.actions


def test_one_primary_action_in_sight_and_the_rest_under_more(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    for template_id, channel in (("apology-team-mistake", "email"), ("call-back-team-mistake", "voicemail"),
                                 ("call-back-by-text", "sms")):
        target = card(page, template_id)
        primary = RULES.channels[channel].primary
        in_sight = target.locator(".mir-card__actions [data-mir-action]:visible")
        assert in_sight.evaluate_all("els => els.map(e => e.dataset.mirAction)") == ["fill", primary]
        assert in_sight.evaluate_all("els => els.map(e => e.classList.contains('md-button--primary'))") == [
            False, True]
        more = target.get_by_role("button", name=STRINGS.filler.more, exact=True)
        expect(more).to_have_attribute("aria-expanded", "false")
        items = page.locator(f"#{more.get_attribute('aria-controls')}")
        expect(items).to_be_hidden()
        more.click()
        expect(more).to_have_attribute("aria-expanded", "true")
        expect(items.get_by_role("link", name="Espanso (.yml)")).to_be_visible()
        expected = [a for a in RULES.channels[channel].actions if a not in (primary, "fill")]
        assert items.locator("[data-mir-action]").evaluate_all(
            "els => els.map(e => e.dataset.mirAction)")[:len(expected)] == expected
        more.click()
        expect(items).to_be_hidden()
    assert page.errors == []


def test_more_by_keyboard_escape_closes_and_returns_focus(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    target = card(page, "apology-team-mistake")
    more = target.get_by_role("button", name=STRINGS.filler.more, exact=True)
    more.focus()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("aria-expanded", "true")
    expect(more).to_be_focused()  # a disclosure: focus stays on its button
    page.keyboard.press("Tab")
    expect(target.get_by_role("button", name=ACTIONS["copy"], exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(more).to_be_focused()
    # A click anywhere else closes it too, and opening another card's closes the first.
    more.click()
    other = card(page, "progress-update").get_by_role("button", name=STRINGS.filler.more, exact=True)
    other.click()
    expect(more).to_have_attribute("aria-expanded", "false")
    page.locator("h1").click()
    expect(other).to_have_attribute("aria-expanded", "false")
    assert page.errors == []


def test_add_to_my_text_expander_downloads_this_templates_snippet(tab, site_url, pack):
    """For each tool, one after the other on one page: the file is exactly what the
    engine's exporter writes for this template (every register its own snippet), from
    this site, and parses as its format."""
    template = pack.get("apology-team-mistake")
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    target = card(page, template.id)
    more = target.get_by_role("button", name=STRINGS.filler.more, exact=True)
    for format_name in ("espanso", "textexpander"):
        more.click()
        export = FORMATS[format_name]
        link = target.get_by_role("link", name=f"{export.tool} ({export.suffix})")
        assert urlsplit(link.evaluate("a => a.href")).netloc == urlsplit(site_url).netloc, format_name
        with page.expect_download() as info:
            link.click()
        data = open(info.value.path(), "rb").read()
        assert info.value.suggested_filename == f"make-it-right-{template.id}-{format_name}{export.suffix}"
        assert data == export.write(snippets_of([template], RULES, STRINGS)), format_name
        if format_name == "espanso":
            triggers = [m["trigger"] for m in yaml.safe_load(data)["matches"]]
            assert triggers == [f";mir-{template.id}", f";mir-{template.id}-formal"]
        else:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            assert [row[0] for row in rows] == [f";mir-{template.id}", f";mir-{template.id}-formal"]
            assert "%filltext:name=" in rows[0][1]
        # The menu closed onto its button; the pointer leads to every other tool and pack.
        expect(more, f"after the {format_name} download").to_be_focused()
        expect(more).to_have_attribute("aria-expanded", "false")
    pointer = target.get_by_role("link", name=STRINGS.exports.card_other, include_hidden=True)
    assert pointer.evaluate("a => a.href") == site_url + "use-in-your-tools/"
    assert page.errors == []
