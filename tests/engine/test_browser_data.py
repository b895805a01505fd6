"""The fill-in's data (make_it_right/browser_data.py): made from the rules and the
strings, carried whole by the panel, and every declared action handled by the script."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from make_it_right.browser_data import fill_in_data
from make_it_right.html.panel import render_panel
from make_it_right.rules import load_rules
from make_it_right.strings import load_strings
from paths import ROOT

RULES = load_rules()


class _Panel(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.data += [value for name, value in attrs if name == "data-mir-data"]


def carried(html: str) -> list[dict]:
    parser = _Panel()
    parser.feed(html)
    return [json.loads(value) for value in parser.data]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_panel_carries_the_languages_data_whole_and_once(pack, language):
    strings = load_strings(language)
    templates = list(pack.templates.values())[:3]
    assert carried(render_panel(templates, RULES, strings)) == [fill_in_data(RULES, strings)]


def test_the_data_is_the_rules_and_the_strings():
    strings = load_strings()
    data = fill_in_data(RULES, strings)
    assert data["actions"] == {name: action.model_dump() for name, action in RULES.actions.items()}
    assert data["about"] == list(RULES.about_me)
    assert data["ui"]["actions"] == dict(strings.filler.actions)
    assert data["ui"]["anyway"] == dict(strings.filler.anyway)


def test_the_script_handles_every_declared_action_and_no_other():
    """A declared action without a handler would throw when clicked."""
    source = (ROOT / "web/page/fill-actions.js").read_text(encoding="utf-8")
    block = re.search(r"HANDLERS = \{(.*?)\n\};", source, re.S)
    assert block, "web/page/fill-actions.js: the `HANDLERS = { … };` table is gone"
    handled = set(re.findall(r"(?:^|[\s,])([a-z]+):", block.group(1)))
    assert handled == set(RULES.actions)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_word_the_script_reads_is_in_the_data(language):
    """A word the script reads but the data lacks would show as "undefined"."""
    ui = fill_in_data(RULES, load_strings(language))["ui"]
    read = set()
    for script in ("web/page/fill.js", "web/page/fill-actions.js", "web/main.js"):
        read |= set(re.findall(r"(?:this\.#ui|\bui)\.([a-z_]+)", (ROOT / script).read_text(encoding="utf-8")))
    assert len(read) > 20
    assert read - set(ui) == set()
