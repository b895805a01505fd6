"""Two clients, never mixed (issue 20): the client boundary in headless Chromium.

Typing a second client's name over the first's starts a new case and asks in place;
every email shows where it goes; no mail link or .eml ever carries the other case's
address.
"""

from __future__ import annotations

import email
import email.policy

import pytest
from playwright.sync_api import expect

from harness import clipboard
from make_it_right.strings import load_strings
from fill_page import PHONE, card, card_action, open_page, open_panel, parse_mailto

pytestmark = pytest.mark.browser


STRINGS = load_strings("en")
FILLER = STRINGS.filler
MESSAGES = FILLER.messages
EMAIL = "apology-team-mistake"
SHORT = "call-request-short"  # its mail link stays short whatever is filled in
PRIYA = "priya.patel@acme.example"
TOMAS = "tomas.ortega@ortega.example"


def send(page, action):
    """The card's action, through the "blanks still empty" question (blanks are left here)."""
    card_action(card(page, SHORT), action).click()
    page.get_by_role("dialog", name=FILLER.missing_title).get_by_role(
        "button", name=FILLER.anyway[action]).click()


def mail_link(page):
    link = card(page, SHORT).get_by_role("link", name=FILLER.actions["mailto"], exact=True)
    link.evaluate("a => { a.href = 'mailto:'; }")
    send(page, "mailto")
    expect(link).not_to_have_attribute("href", "mailto:")
    return link.get_attribute("href")


def eml_bytes(page):
    with page.expect_download() as info:
        send(page, "eml")
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_typing_a_new_clients_name_over_the_old_one_starts_a_new_case(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    to_line = card(page, EMAIL).locator(".mir-card__to")
    expect(to_line).to_have_text(MESSAGES.to_nobody)
    page.fill("#mir-f-client_name", "Priya")
    page.fill("#mir-s-to", PRIYA)
    page.fill("#mir-f-fix_date", "Friday")
    expect(to_line).to_have_text(MESSAGES.to_line.format(to=PRIYA))
    assert parse_mailto(mail_link(page))[0] == PRIYA

    # The trap: "Tomás" typed over "Priya" instead of finding New client.
    page.fill("#mir-f-client_name", "Tomás")
    guard = page.locator(".mir-guard")
    question = MESSAGES.guard_question.format(new="Tomás", old="Priya")
    expect(guard.locator(".mir-guard__question")).to_have_text(question)
    expect(page.locator("[data-mir-bar-case]")).to_have_text(FILLER.bar_case.format(case="Tomás"))
    expect(page.locator("#mir-case-pick option")).to_have_count(2)
    expect(page.locator("#mir-s-to")).to_have_value("")
    expect(page.locator("#mir-f-fix_date")).to_have_value("")
    expect(to_line).to_have_text(MESSAGES.to_nobody)
    # New client is the default: it is already so, and the first button says it.
    expect(guard.get_by_role("button").first).to_have_text(MESSAGES.guard_new)
    href = mail_link(page)
    assert parse_mailto(href)[0] == "" and "priya" not in href.lower()
    assert b"priya" not in eml_bytes(page).lower()

    page.fill("#mir-s-to", TOMAS)
    expect(to_line).to_have_text(MESSAGES.to_line.format(to=TOMAS))
    expect(page.locator("#mir-case-pick option")).to_have_count(2)
    href = mail_link(page)
    assert parse_mailto(href)[0] == TOMAS and "priya" not in href.lower()
    message = email.message_from_bytes(eml_bytes(page), policy=email.policy.default)
    assert message["To"] == TOMAS and "priya" not in message.as_string().lower()

    # Priya's case came through untouched, and her messages go to her alone.
    page.select_option("#mir-case-pick", label="Priya")
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")
    expect(page.locator("#mir-s-to")).to_have_value(PRIYA)
    expect(page.locator("#mir-f-fix_date")).to_have_value("Friday")
    expect(to_line).to_have_text(MESSAGES.to_line.format(to=PRIYA))
    expect(guard).to_be_hidden()
    href = mail_link(page)
    assert parse_mailto(href)[0] == PRIYA and "tomas" not in href.lower()
    message = email.message_from_bytes(eml_bytes(page), policy=email.policy.default)
    assert message["To"] == PRIYA and "ortega" not in message.as_string().lower()
    assert page.errors == []


def test_a_correction_stays_in_the_same_case_when_the_reader_says_so(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    page.fill("#mir-f-client_name", "Pryia")
    page.fill("#mir-s-to", PRIYA)
    page.fill("#mir-f-client_name", "Pryia Patel")  # adding to a name is no new client
    expect(page.locator(".mir-guard")).to_have_count(0)
    page.fill("#mir-f-client_name", "Priya")
    guard = page.locator(".mir-guard")
    expect(guard.locator(".mir-guard__question")).to_have_text(
        MESSAGES.guard_question.format(new="Priya", old="Pryia Patel"))
    guard.get_by_role("button", name=MESSAGES.guard_correct.format(old="Pryia Patel")).click()
    expect(guard).to_be_hidden()
    expect(page.locator("#mir-case-pick option")).to_have_count(1)
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")
    expect(page.locator("#mir-s-to")).to_have_value(PRIYA)
    expect(page.locator("[data-mir-bar-case]")).to_have_text(FILLER.bar_case.format(case="Priya"))
    expect(page.locator("[data-mir-bar] [data-mir-status]")).to_have_text(
        MESSAGES.guard_corrected.format(old="Pryia Patel"))
    expect(page.locator("#mir-f-client_name")).to_be_focused()
    assert page.errors == []


def test_the_address_is_guarded_too_and_shown_in_the_focus_view(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    focus.locator("[name='@to']").fill(PRIYA)
    focus.locator("[name=client_name]").fill("Priya")
    expect(focus.locator(".mir-card__to")).to_have_text(MESSAGES.to_line.format(to=PRIYA))
    focus.locator("[name='@to']").fill(TOMAS)
    expect(focus.locator(".mir-guard__question")).to_have_text(
        MESSAGES.guard_question.format(new=FILLER.case_default.format(number=2), old="Priya"))
    expect(focus.locator("[name=client_name]")).to_have_value("")
    expect(focus.locator(".mir-card__to")).to_have_text(MESSAGES.to_line.format(to=TOMAS))
    expect(focus.locator("[data-mir-focus-case]")).to_have_text(
        FILLER.bar_case.format(case=FILLER.case_default.format(number=2)))
    assert page.errors == []


def test_switching_clients_takes_two_taps_from_the_bar_and_the_focus_view(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    bar = page.locator("[data-mir-bar]")
    opener = bar.locator("[data-mir-bar-case]")
    menu = page.locator("[data-mir-case-menu]")
    open_panel(page)
    page.fill("#mir-f-client_name", "Priya")
    # New client: two taps, and the reader lands in the first empty blank.
    opener.click()
    menu.get_by_role("button", name=FILLER.case_new, exact=True).click()
    expect(menu).to_be_hidden()
    expect(page.locator("#mir-f-client_name")).to_be_focused()
    page.keyboard.type("Tomás")
    expect(opener).to_have_text(FILLER.bar_case.format(case="Tomás"))
    # Back to the first client: two taps from the bar.
    opener.click()
    expect(opener).to_have_attribute("aria-expanded", "true")
    expect(menu.locator("[aria-current]")).to_have_text("Tomás")
    menu.get_by_role("button", name="Priya", exact=True).click()
    expect(opener).to_have_text(FILLER.bar_case.format(case="Priya"))
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")
    expect(opener).to_be_focused()
    # Rename from the menu.
    opener.click()
    menu.get_by_label(FILLER.case_name).fill("Patel & Co")
    expect(opener).to_have_text(FILLER.bar_case.format(case="Patel & Co"))
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(opener).to_be_focused()
    # Clear, with undo.
    opener.click()
    menu.get_by_role("button", name=FILLER.case_clear, exact=True).click()
    expect(page.locator("#mir-f-client_name")).to_have_value("")
    bar.get_by_role("button", name=FILLER.undo).click()
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")

    # From the focus view: the menu opens inside it, and Escape closes only the menu.
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    here = focus.locator("[data-mir-focus-case]")
    here.click()
    expect(focus.locator("[data-mir-case-menu]")).to_be_visible()
    page.keyboard.press("Escape")
    expect(focus).to_be_visible()
    expect(here).to_be_focused()
    here.click()
    focus.get_by_role("button", name="Tomás", exact=True).click()
    expect(here).to_have_text(FILLER.bar_case.format(case="Tomás"))
    expect(focus.locator("[name=client_name]")).to_have_value("Tomás")
    page.keyboard.press("Escape")
    expect(focus).to_be_hidden()
    expect(bar.locator("[data-mir-case-menu]")).to_be_hidden()
    assert page.errors == []


def test_about_me_opens_on_its_own_from_the_client_menu(chromium, site_url, pack):
    """On a phone: "About me" is two taps from the bar, a small dialog with the
    reader's own blanks only; what is typed there fills every card, and Escape
    returns to "Client: …"; the same blanks are back in the panel afterwards."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_page(context, site_url + "playbooks/team-mistake/")
    opener = page.locator("[data-mir-bar] [data-mir-bar-case]")
    opener.click()
    page.locator("[data-mir-case-menu]").get_by_role("button", name=FILLER.about_title, exact=True).click()
    about = page.get_by_role("dialog", name=FILLER.about_title)
    expect(about).to_be_visible()
    expect(about.locator("#mir-f-your_name")).to_be_focused()
    names = about.locator("input[name]").evaluate_all("els => els.map(e => e.name)")
    assert {"your_name", "company_name", "your_phone"} <= set(names)
    assert "client_name" not in names and "@to" not in names
    page.keyboard.type("Sam")
    expect(card(page, "call-back-team-mistake").locator(".mir-card__text")).to_contain_text("it's Sam")
    page.keyboard.press("Escape")
    expect(about).to_be_hidden()
    expect(opener).to_be_focused()
    open_panel(page)
    expect(page.locator("[data-mir-body] #mir-f-your_name")).to_have_value("Sam")
    # From the focus view too, on top of it; closing it leaves the focus view open.
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    focus.locator("[data-mir-focus-case]").click()
    focus.get_by_role("button", name=FILLER.about_title, exact=True).click()
    expect(about).to_be_visible()
    about.get_by_role("button", name=FILLER.about_done).click()
    expect(about).to_be_hidden()
    expect(focus).to_be_visible()
    expect(focus.locator("[data-mir-focus-case]")).to_be_focused()
    assert page.errors == []
    context.close()


def test_on_a_phone_the_plan_starts_open_and_each_blank_shows_the_line_it_lands_in(tab, site_url):
    tab.set_viewport_size(PHONE)
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    expect(page.locator(".mir-plan"), "the plan starts open on a phone").to_have_attribute("open", "")
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    field = focus.locator(".mir-field[data-field=client_name]")
    lands = field.locator(".mir-field__lands")
    expect(lands).to_be_visible()
    expect(lands).to_have_text("Hi there,", use_inner_text=True)  # the blank's fallback, until filled
    field.locator("[name=client_name]").fill("Tomás")
    expect(lands).to_have_text("Hi Tomás,", use_inner_text=True)
    expect(focus.locator("[data-mir-focus-title]")).to_be_in_viewport()
    expect(focus.locator("[data-mir-focus-actions]")).to_be_in_viewport()


def test_escape_on_the_blanks_question_stays_where_the_reader_was(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    # Copy sits under the card's "More": choosing it closes the menu onto its button,
    # and that button is where Escape on the question leaves the reader.
    more = card(page, EMAIL).locator("[data-mir-more]")
    more.focus()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    copy = card(page, EMAIL).get_by_role("button", name=FILLER.actions["copy"], exact=True)
    expect(copy).to_be_focused()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=FILLER.missing_title)
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(more).to_be_focused()
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(page.locator("[data-mir-body]")).to_be_hidden()
    # The focus view's reminder date comes before the buttons that use it.
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    order = page.locator("[data-mir-focus] > div").evaluate_all("els => els.map(e => e.className)")
    assert order.index("mir-focus__reminder") < order.index("mir-focus__actions")


def test_the_bar_counts_the_blanks_of_the_templates_opened(tab, site_url, pack):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    voicemail = pack.get("call-back-team-mistake")
    left = page.locator("[data-mir-bar-left]")
    card(page, voicemail.id).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    page.keyboard.press("Escape")
    needs = card(page, voicemail.id).locator(".mir-blank[data-required]").evaluate_all(
        "spans => new Set(spans.filter(s => !s.closest('[hidden]')).map(s => s.dataset.field)).size")
    assert needs > 1
    expect(left).to_have_text(MESSAGES.left_many.format(count=needs))


def test_an_emails_subject_and_body_copy_apart_from_its_focus_view(tab, site_url, pack):
    template = pack.get(EMAIL)
    values = dict.fromkeys(template.fields, "Filled") | {"client_name": "Priya"}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    card(page, EMAIL).get_by_role("button", name=FILLER.actions["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    clipboard.clear(page)
    focus.get_by_role("button", name=FILLER.copy_body, exact=True).click()
    body = clipboard.copied(page)
    assert body.startswith("Hi Priya,") and "Subject:" not in body
    clipboard.clear(page)
    focus.get_by_role("button", name=FILLER.copy_subject, exact=True).click()
    subject = clipboard.copied(page)
    assert "\n" not in subject and subject and not subject.startswith("Subject")
    assert page.errors == []


def test_naming_a_client_asks_once_whether_to_keep_them_on_this_device(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    remember = page.locator('[data-mir-fields] [data-mir-remember="cases"]')
    expect(remember).not_to_be_checked()
    page.fill("#mir-f-client_name", "Priya")
    keep = page.locator(".mir-keep")
    expect(keep).to_be_visible()
    expect(keep.locator(".mir-keep__question")).to_have_text(MESSAGES.keep_question)
    expect(keep).to_contain_text(MESSAGES.keep_detail)
    keep.get_by_role("button", name=MESSAGES.keep_yes).click()
    expect(keep).to_be_hidden()
    expect(remember).to_be_checked()
    expect(page.locator("[data-mir-bar] [data-mir-status]")).to_have_text(MESSAGES.remembered)
    page.wait_for_function("() => localStorage.getItem('mir:cases')?.includes('Priya')")
    # Asked once: the next client's name brings no question.
    page.get_by_role("button", name=FILLER.case_new).click()
    page.fill("#mir-f-client_name", "Tomás")
    expect(page.locator("[data-mir-bar-case]")).to_have_text(FILLER.bar_case.format(case="Tomás"))
    expect(keep).to_be_hidden()
    assert page.errors == []
