"""The text-message channel's one browser action: "Open in messages" builds the same
sms: link as the command line (make_it_right/render.py) and sends the page there. The
tests run on the worker's shared tab, so the page's sms: navigation is caught and
cancelled (fill_page.hold_handoffs) rather than handed to the system."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from make_it_right import render
from make_it_right.layout import layout
from make_it_right.strings import load_strings

from fill_page import handed_off, hold_handoffs, open_page, open_panel

STRINGS = load_strings("en")


@pytest.mark.browser
@pytest.mark.parametrize("template_id", ["call-back-by-text", "heads-up-by-text"])
def test_open_in_messages_matches_the_command_line(tab, site_url, pack, rules, template_id):
    template = pack.get(template_id)
    values = {name: f.example for name, f in template.fields.items()}
    values["client_name"] = "Ana & Bo $& 🙂"
    page = open_page(tab, site_url + "playbooks/team-mistake/")  # the script ready
    hold_handoffs(page)
    open_panel(page)
    for name, value in values.items():
        page.fill(f"#mir-f-{name}", value)
    page.fill("#mir-s-sms", "+44 7700 900123, +1 (555) 010-9999")
    link = page.locator(f'.mir-card[data-template="{template_id}"]').get_by_role(
        "link", name=STRINGS.filler.actions["sms"], exact=True)
    link.click()
    expected = render.as_sms(layout(template, rules, STRINGS), values, to="+44 7700 900123, +1 (555) 010-9999")
    expect(link).to_have_attribute("href", expected)
    assert handed_off(page, at_least=1) == [expected], "the page went where its link says"
    assert page.errors == []


@pytest.mark.browser
def test_without_a_number_messages_asks_for_one_in_place(tab, site_url, pack):
    """RFC 5724 has no sms: link without a recipient, so the page never makes one:
    it opens the card's focus view on the number, says why, and Copy still works."""
    template = pack.get("call-back-by-text")
    page = open_page(tab, site_url + "playbooks/team-mistake/")  # the script ready
    hold_handoffs(page)
    open_panel(page)
    for name, field in template.fields.items():
        page.fill(f"#mir-f-{name}", field.example)
    link = page.locator(f'.mir-card[data-template="{template.id}"]').get_by_role(
        "link", name=STRINGS.filler.actions["sms"], exact=True)
    link.click()
    focus = page.locator("[data-mir-focus]")
    expect(focus).to_be_visible()
    expect(focus.locator("[name='@sms']")).to_be_focused()
    expect(focus.locator("[data-mir-status]")).to_have_text(" ".join(STRINGS.filler.messages.sms_needs_number.split()))
    # The card behind the dialog is inert (no role query reaches it): read its link by CSS.
    behind = page.locator(f'.mir-card[data-template="{template.id}"] [data-mir-action="sms"]')
    assert "?body=" not in (behind.get_attribute("href") or "")
    # A number without its country code is named, and still opens nothing.
    focus.locator("[name='@sms']").fill("07700 900123")
    focus.get_by_role("link", name=STRINGS.filler.actions["sms"], exact=True).click()
    expect(focus.locator("[data-mir-status]")).to_contain_text("“07700 900123” needs its country code")
    assert handed_off(page) == [], "no number, or one without its country code: the page stays"
    focus.locator("[name='@sms']").fill("+44 7700 900123")
    sent = focus.get_by_role("link", name=STRINGS.filler.actions["sms"], exact=True)
    sent.click()
    expect(sent).to_have_attribute("href", re.compile(r"^sms:\+447700900123\?body=Hi%20Priya"))
    assert handed_off(page, at_least=1) == [sent.get_attribute("href")]
    assert page.errors == []
