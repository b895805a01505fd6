"""The text-message channel's one browser action: "Open in messages" builds the same
sms: link as the command line (make_it_right/render.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from make_it_right import render
from make_it_right.layout import layout
from make_it_right.strings import load_strings

STRINGS = load_strings("en")


@pytest.mark.browser
@pytest.mark.parametrize("template_id", ["call-back-by-text", "heads-up-by-text"])
def test_open_in_messages_matches_the_command_line(chromium, site_url, pack, rules, template_id):
    template = pack.get(template_id)
    values = {name: f.example for name, f in template.fields.items()}
    values["client_name"] = "Ana & Bo $& 🙂"
    page = chromium.new_page()
    page.goto(site_url + "playbooks/team-mistake/")
    page.click("[data-mir-toggle]")
    for name, value in values.items():
        page.fill(f"#mir-f-{name}", value)
    link = page.locator(f'.mir-card[data-template="{template_id}"]').get_by_role(
        "link", name=STRINGS.filler.actions["sms"], exact=True)
    link.click()
    expect(link).to_have_attribute("href", render.as_sms(layout(template, rules, STRINGS), values))
    page.close()
