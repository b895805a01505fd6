"""The in-browser fill-in, in headless Chromium.

The browser's encoders (mailto, .eml, sms, .ics) are pure functions on
`window.MakeItRight`: one page visit feeds them hostile text and Python's own
parsers (email, urllib, icalendar) read the results back. Every card's text is
compared with the Python renderer (make_it_right/render.py) from values put in
the tab's storage, on one page holding every template; one end-to-end pass types
hostile text into a real panel and sends it every way.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import json
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

import icalendar
import pytest
from playwright.sync_api import expect

from fill_page import FIELDS, PHONE, card, card_action, in_front, open_page, open_panel, parse_mailto, requests_seen
from harness import clipboard as harness_clipboard
from harness.chromium import wait_for_instant_navigation
from make_it_right import render
from make_it_right.escape import plain
from make_it_right.layout import layout
from make_it_right.register import FRIENDLY, in_register, registers_of
from make_it_right.rules import load_rules
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
RULES = load_rules()
ACTIONS = STRINGS.filler.actions
MESSAGES = STRINGS.filler.messages

# Whatever a reader might type, or paste: each must come out exactly as typed.
HOSTILE = {
    "markup": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">',
    "quotes": "\"Dan's\" 'notes' & <b>bold</b> &amp; %20 %0A + = ? # ; , \\",
    "patterns": "$& $$ $` $' $1 {subject} {title}",
    "emoji": "Priya 👩🏽‍💻 🎉 ✅",
    "rtl": "שלום עליכם مرحبا بك and English",
    "lines": "first line\nsecond line\n\n  indented third",
    "long": "0123456789" * 300,
}
ONE_LINE = " ".join(v for k, v in HOSTILE.items() if k not in ("lines", "long"))


def doc(template):
    return layout(template, RULES, STRINGS)








def field_names(page):
    return page.locator(FIELDS).evaluate_all("inputs => inputs.map(i => i.name)")


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def copy_text(page, template_id):
    harness_clipboard.clear(page)
    card_action(card(page, template_id), "copy").click()
    return harness_clipboard.copied(page)


def focused(page):
    return page.locator(":focus")


def download(page, locator):
    with page.expect_download() as info:
        locator.click()
    return info.value




# --- The actions' code comes on first use ---------------------------------------------


def test_the_actions_code_comes_when_a_reader_reaches_for_a_card(context, site_url):
    """fill-actions.min.js (focus view, actions, menus, encoders) is not part of a page's
    load; a touch on a card's controls fetches it, and "Fill this" then works. If it can't
    be fetched, the button says so, and pressing it again tries again. (A context of its
    own: on the shared tab, a module an earlier test loaded was not always asked for again.)"""
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    blocked = {"on": True}
    page.route("**/fill-actions.min.js", lambda route: route.abort() if blocked["on"] else route.continue_())
    page.goto(site_url + "playbooks/team-mistake/", wait_until="networkidle")
    expect(page.locator("[data-mir-fields]")).to_be_visible()
    assert any(url.endswith("/javascripts/fill.min.js") for url in asked)
    assert not any(url.endswith("/fill-actions.min.js") for url in asked)
    fill = card_action(card(page, "redirect-to-solution"), "fill")
    fill.click()
    expect(page.locator("[data-mir-bar] [data-mir-status]")).to_have_text(MESSAGES.action_failed)
    expect(page.locator("[data-mir-focus]")).not_to_be_visible()
    blocked["on"] = False
    fill.click()
    expect(page.locator("[data-mir-focus]")).to_be_visible()


# --- The encoders, against Python's parsers: one page visit ---------------------------


def load_encoders(page) -> None:
    """The encoders and `message` come with the actions' code, on first use."""
    page.evaluate("MakeItRight.load().then(() => true)")


def test_encoders_agree_with_python_parsers(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    load_encoders(page)
    cases = [{"subject": v.replace("\n", " ").strip() or "x", "body": v + "\n"} for v in HOSTILE.values()]
    results = page.evaluate("""cases => cases.map(({subject, body}) => {
        const M = window.MakeItRight;
        const to = M.mailboxes("Priya Shah <priya@example.com>, jo@bücher.de").boxes;
        const cc = M.mailboxes('a@example.com; "Bo, B" <b@example.org>').boxes;
        const from = M.mailboxes("sam@example.com").boxes[0];
        return {
            mailto: M.mailto({subject, body, to, cc}),
            eml: M.eml({subject, body, to, cc, from, date: new Date(Date.UTC(2026, 10, 23, 9, 30))}),
            sms: M.sms({body, to: M.smsRecipients("+44 7700 900123").path}),
            ics: M.ics({uid: "u1@test", start: "2026-11-24T09:30", summary: subject, description: body}),
            words: M.encodedSubject(subject),
        };
    })""", cases)
    for case, out in zip(cases, results, strict=True):
        to, query = parse_mailto(out["mailto"])
        assert to == "priya@example.com,jo@xn--bcher-kva.de" and query["cc"] == "a@example.com,b@example.org"
        assert query["subject"] == case["subject"]
        assert query["body"] == case["body"].replace("\n", "\r\n")
        message = email.message_from_bytes(out["eml"].encode("ascii"), policy=email.policy.default)
        assert message["Subject"] == case["subject"]
        assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
            ("Priya Shah", "priya@example.com"), ("", "jo@xn--bcher-kva.de")]
        assert message["From"] == "sam@example.com"
        assert [(a.display_name, a.addr_spec) for a in message["Cc"].addresses] == [
            ("", "a@example.com"), ("Bo, B", "b@example.org")]
        assert not message.defects and not message["To"].defects
        assert email.utils.parsedate_to_datetime(message["Date"]) == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
        assert message.get_content().replace("\r\n", "\n") == case["body"]
        assert all(len(line) <= 76 for line in out["eml"].split("\r\n\r\n", 1)[1].split("\r\n"))
        assert urlsplit(out["sms"]).path == "+447700900123"
        assert unquote(urlsplit(out["sms"]).query.removeprefix("body=")) == case["body"].rstrip("\n")
        event = icalendar.Calendar.from_ical(out["ics"]).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == case["subject"]
        assert str(event["DESCRIPTION"]) == case["body"]
        assert event.decoded("DTSTART").isoformat() == "2026-11-24T09:30:00"
        assert all(len(line.encode()) <= 75 for line in out["ics"].split("\r\n"))
        assert out["words"] == render.encoded_words(case["subject"])
    # Lone surrogates are replaced, never thrown on; {names} fill without $ patterns.
    assert page.evaluate("window.MakeItRight.mailto({subject: 'a\\ud800', body: '\\udc00b'})") == \
        "mailto:?subject=a%EF%BF%BD&body=%EF%BF%BDb"
    assert page.evaluate("window.MakeItRight.format('Subject: {subject}', {subject: \"$& $$ $'\"})") == \
        "Subject: $& $$ $'"
    assert page.errors == []


# --- Every card, as the command line renders it ----------------------------------------


@pytest.mark.xdist_group("all-cards")
def test_every_card_reads_as_python_renders_it(tab, all_cards_url, pack):
    """Every template on one page, values from storage: each card's text, subject and
    body equal render.fill's, hostile text included, with the phrases of blanks that
    may be left out both in (filled) and out (empty), and in every register."""
    registers = {t.id: registers_of(t, RULES) for t in pack.templates.values()}
    variants = [in_register(t, RULES, r) for t in pack.templates.values() for r in registers[t.id]]
    names = {n for t in [*pack.templates.values(), *variants] for n in t.fields}
    optional = {n for t in pack.templates.values() for n, f in t.fields.items() if f.leave_out}
    for empty, register in ((set(), FRIENDLY), (optional, FRIENDLY), (set(), "formal")):
        values = {n: "" if n in empty else f"<{n} & {ONE_LINE}>" for n in names}
        page = open_page(tab, all_cards_url, {**values, "@register": "" if register == FRIENDLY else register})
        load_encoders(page)
        shown = page.evaluate("""() => [...document.querySelectorAll('.mir-card')].map(card =>
            [card.dataset.template, window.MakeItRight.message(card)])""")
        assert len(shown) == len(pack.templates)
        for template_id, message in shown:
            template = pack.get(template_id)
            in_its = register if register in registers[template_id] else FRIENDLY
            expected = render.fill(layout(template, RULES, STRINGS, in_its), values)
            assert message["body"] == expected.body, template_id
            assert message["text"] == expected.text, template_id
            if expected.subject is not None:
                assert message["subject"] == expected.subject
        assert page.locator(".mir-card img, .mir-card script, .mir-card b").count() == 0
        assert page.evaluate("window.__pwned") is None
        assert page.errors == []


def test_hostile_typing_round_trips_end_to_end(tab, site_url, pack):
    """Typed into a real panel: shown as literal text, copied, mailed and downloaded as typed."""
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    # Each field typed into as a reader would; what they hold is read back in one call.
    fields = page.locator(FIELDS).evaluate_all("inputs => inputs.map(i => [i.name, i.tagName === 'TEXTAREA'])")
    for name, multiline in fields:
        page.fill(f"#mir-f-{name}", "\n".join(HOSTILE.values()) if multiline else ONE_LINE)
    values = page.evaluate("names => Object.fromEntries(names.map(n => [n, document.getElementById(`mir-f-${n}`).value]))",
                           [name for name, _ in fields])
    page.fill("#mir-s-to", "priya@example.com")
    template = pack.get("apology-team-mistake")
    expected = render.fill(doc(template), values)
    assert copy_text(page, template.id) == expected.text
    link = card(page, template.id).get_by_role("link", name=ACTIONS["mailto"], exact=True)
    link.click()
    status = page.locator("[data-mir-bar] [data-mir-status]")
    if len(render.as_mailto(doc(template), values, to="priya@example.com")) > 1800:
        assert "characters long" in status.text_content()
        offer = page.locator("[data-mir-bar] [data-mir-offer]")
        assert offer.text_content() == ACTIONS["eml"]
        file = download(page, offer)
    else:
        file = download(page, card_action(card(page, template.id), "eml"))
    assert file.suggested_filename == f"test-case-{template.id}.eml" or \
        file.suggested_filename.endswith(f"-{template.id}.eml")
    with open(file.path(), "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    assert message["Subject"] == expected.subject and message["To"] == "priya@example.com"
    assert message.get_content().replace("\r\n", "\n") == expected.body
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".mir-card img, .mir-card script, .mir-card b").count() == 0
    assert page.errors == []


# --- The focus view, the panel and the bar ----------------------------------------------


def test_fill_this_opens_a_focus_view_in_text_order(tab, site_url, pack):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    # Cards are not code blocks: the theme's copy button (which skips the empty-blank
    # check) has no card to sit on.
    assert page.locator(".mir-card pre, .mir-card code, .mir-card .md-code__button").count() == 0, \
        "a card is a code block"
    assert page.locator(".mir-card .mir-card__text").first.evaluate(
        "e => getComputedStyle(e).whiteSpace") == "pre-wrap", "a card's text keeps its lines"
    expect(page.locator("[data-mir-body]"), "the page-wide panel starts folded").to_be_hidden()
    bar = page.locator("[data-mir-bar]")
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("Client 1")
    template = pack.get("call-back-team-mistake")
    card(page, template.id).get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    focus = page.get_by_role("dialog", name=STRINGS.filler.focus_label.format(title=template.title))
    expect(focus).to_be_visible()
    order = focus.locator("[data-mir-focus-fields] [name]").evaluate_all("i => i.map(x => x.name)")
    text_order = list(dict.fromkeys(b.field for t in template.texts for b in __import__(
        "make_it_right.placeholders", fromlist=["blanks_in"]).blanks_in(t.parts)))
    assert order == ["@register", *text_order]  # a voicemail greets formally too
    # The first empty blank in text order, optional or not, has focus, visibly.
    expect(focused(page)).to_have_attribute("name", text_order[0])
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("Priya")
    preview = focus.locator('[data-mir-focus-preview] .mir-blank[data-field="client_name"]')
    expect(preview).to_have_text("Priya")
    expect(card(page, template.id).locator('.mir-blank[data-field="client_name"]')).to_have_text("Priya")
    expect(focus.get_by_role("button", name=ACTIONS["copy"], exact=True)).to_be_visible()
    # Filled, the next Fill goes to the next empty blank.
    page.keyboard.press("Escape")
    card(page, template.id).get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    expect(focused(page)).to_have_attribute("name", text_order[1])
    assert page.errors == []


def test_a_case_can_greet_and_sign_off_formally(tab, site_url, pack):
    """The register is the case's: picked in the focus view, it swaps the greeting
    and closing in every card, asks for its own blank, and a new case starts friendly."""
    template = pack.get("apology-team-mistake")
    values = dict.fromkeys(template.fields, "Filled") | {"client_name": "Priya", "your_name": "Sam"}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    target = card(page, template.id)
    target.get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    names = lambda: focus.locator("[data-mir-focus-fields] [name]").evaluate_all("i => i.map(x => x.name)")  # noqa: E731
    assert "client_formal_name" not in names()
    focus.get_by_label(STRINGS.filler.register_pick).select_option(
        label=STRINGS.filler.registers["formal"].label)
    expect(focused(page), "focus stays on the picker").to_have_attribute("name", "@register")
    assert "client_formal_name" in names() and "client_name" not in names()
    preview = focus.locator("[data-mir-focus-preview] .mir-card__text")
    assert preview.inner_text().splitlines()[2] == "Dear [Client's name, formally],"
    # Its own blank is now required: the copy asks for it by name.
    focus.get_by_role("button", name=ACTIONS["copy"], exact=True).click()
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    expect(dialog.locator("li")).to_have_text(["Client's name, formally"])
    dialog.get_by_role("button", name=STRINGS.filler.fill_them).click()
    page.wait_for_function("() => document.activeElement.name === 'client_formal_name'")
    page.keyboard.type("Ms Nair")
    harness_clipboard.clear(page)
    focus.get_by_role("button", name=ACTIONS["copy"], exact=True).click()
    copied = harness_clipboard.copied(page)
    formal = render.as_text(layout(template, RULES, STRINGS, "formal"), values | {"client_formal_name": "Ms Nair"})
    assert copied == formal and "Dear Ms Nair," in copied and "Kind regards,\nSam" in copied
    assert "Hi Priya" not in copied and "Speak soon" not in copied
    # Every card on the page follows the case, each in its channel's words; a note has no register.
    # (The cards behind the focus view catch up when it closes.)
    page.keyboard.press("Escape")
    expect(card(page, "call-request-short").locator('.mir-blank[data-field="client_formal_name"]').first).to_have_text("Ms Nair")
    load_encoders(page)
    shown = lambda template_id: card(page, template_id).evaluate("c => MakeItRight.message(c).text")  # noqa: E731
    assert "Dear Ms Nair," in shown("call-request-short")
    assert shown("call-back-team-mistake").startswith("Hello Ms Nair, it's Sam")
    assert shown("call-back-by-text").startswith("Hello Ms Nair, Sam here. Please call me about")
    assert '"Hello Ms Nair, it\'s Sam' in shown("team-mistake-opening")
    assert "Ms Nair" not in shown("team-debrief")
    open_panel(page)
    page.get_by_role("button", name=STRINGS.filler.case_new).click()
    expect(page.locator("#mir-s-register")).to_have_value("")
    assert "Hi there," in shown(template.id)
    page.select_option("#mir-case-pick", label="Test case")
    expect(page.locator("#mir-s-register")).to_have_value("formal")
    assert page.errors == []


def test_the_focus_view_names_the_client_and_starts_the_next_one(tab, site_url, pack):
    """Two clients in a row from the focus view alone: the case is named after the
    client as they type, "New client" starts empty (About me stays), and each
    blank's note is this template's own."""
    template = pack.get("apology-team-mistake")
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    card(page, template.id).get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    client = focus.locator("[data-mir-focus-case]")
    expect(client).to_have_text(STRINGS.filler.bar_case.format(case="Client 1"))
    focus.locator("[name=client_name]").fill("Priya")
    focus.locator("[name=your_name]").fill("Sam")
    focus.locator("[name=fix_date]").fill("Monday")
    expect(client).to_have_text(STRINGS.filler.bar_case.format(case="Priya"))
    expect(page.locator("[data-mir-bar-case]")).to_contain_text("Priya")
    # The note under "The fix" is this email's, not the first card's on the page.
    note = focus.locator(".mir-field[data-field=the_fix] .mir-field__hint").text_content()
    assert template.fields["the_fix"].hint in note
    focus.get_by_role("button", name=STRINGS.filler.case_new).click()
    expect(client).to_have_text(STRINGS.filler.bar_case.format(case="Client 2"))
    expect(focus.locator("[name=client_name]")).to_have_value("")
    expect(focus.locator("[name=fix_date]")).to_have_value("")
    expect(focus.locator("[name=your_name]")).to_have_value("Sam")
    expect(focused(page), "the subject's blank comes first").to_have_attribute("name", "project_name")
    status = focus.locator("[data-mir-status]")
    expect(status).to_have_text(STRINGS.filler.messages.switched.format(case="Client 2"))
    focus.locator("[name=client_name]").fill("Tomás")
    expect(client).to_have_text(STRINGS.filler.bar_case.format(case="Tomás"))
    expect(status, "the status no longer names a case by its old name").to_have_text("")
    # A case the reader names keeps its name.
    page.keyboard.press("Escape")
    open_panel(page)
    page.fill("#mir-case-name", "Ortega & Co")
    page.fill("#mir-f-client_name", "Tomás Ortega")
    expect(page.locator("#mir-case-name")).to_have_value("Ortega & Co")
    page.fill("#mir-case-name", "Tomás Ortega")
    with page.expect_download() as info:
        card_action(card(page, "call-back-team-mistake"), "txt").click()
        page.get_by_role("dialog", name=STRINGS.filler.missing_title).get_by_role(
            "button", name=STRINGS.filler.anyway["txt"]).click()
    assert info.value.suggested_filename == "tomas-ortega-call-back-team-mistake.txt"
    assert page.errors == []


def test_focus_view_on_a_phone_is_a_sheet_with_the_preview_a_tap_away(tab, site_url):
    tab.set_viewport_size(PHONE)
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    card(page, "apology-team-mistake").get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    focus = page.locator("[data-mir-focus]")
    # The view opens once the actions' code has arrived (it loads on first use).
    expect(focus).to_be_visible()
    box = focus.bounding_box()
    assert box["width"] >= 389 and box["height"] >= 800
    expect(page.locator("[data-mir-focus-preview]")).to_be_hidden()
    page.get_by_role("button", name=STRINGS.filler.show_preview).click()
    expect(page.locator("[data-mir-focus-preview]")).to_be_visible()
    expect(page.locator("[data-mir-focus-fields]")).to_be_hidden()


# --- About me, and one case per client --------------------------------------------------


def test_a_new_case_never_starts_with_another_clients_values(tab, site_url):
    """(Opened with the bar's "Fill every blank", which lands on the first empty field.)"""
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    page.locator("[data-mir-bar]").get_by_role("button", name=STRINGS.filler.fill_everything).click()
    expect(page.locator("[data-mir-body]"), "Fill every blank opens the panel").to_be_visible()
    expect(focused(page), "at the first empty field").to_have_attribute("name", field_names(page)[0])
    page.fill("#mir-f-client_name", "Priya")
    page.fill("#mir-f-your_name", "Sam")
    page.fill("#mir-case-name", "Acme $&")
    expect(page.locator("[data-mir-bar-case]")).to_contain_text("Acme $&")
    client, me = page.locator("#mir-f-client_name"), page.locator("#mir-f-your_name")
    page.get_by_role("button", name=STRINGS.filler.case_new).click()
    expect(client).to_have_value("")
    expect(me, "About me is shared by every case").to_have_value("Sam")
    page.fill("#mir-f-client_name", "Grace")
    page.select_option("#mir-case-pick", label="Acme $&")
    expect(client).to_have_value("Priya")
    page.get_by_role("button", name=STRINGS.filler.case_duplicate).click()
    expect(client).to_have_value("Priya")
    expect(page.locator("#mir-case-name")).to_have_value(STRINGS.filler.case_copy.format(case="Acme $&"))
    # Clear one case, with undo.
    page.get_by_role("button", name=STRINGS.filler.case_clear).click()
    expect(client).to_have_value("")
    expect(me).to_have_value("Sam")
    page.locator("[data-mir-bar]").get_by_role("button", name=STRINGS.filler.undo).click()
    expect(client).to_have_value("Priya")
    assert page.errors == []


def test_remembering_is_opt_in_and_separate_for_me_and_clients(tab, site_url):
    """Each fresh tab is a new tab beside the shared one, in its context (the tab's
    cleaning closes them and clears the storage they share)."""
    url = site_url + "playbooks/team-mistake/"
    first = open_page(tab, url)
    open_panel(first)
    first.fill("#mir-f-client_name", "Priya")
    first.fill("#mir-f-your_name", "Sam")
    fresh = open_page(tab.context, url)
    assert fresh.evaluate("[...document.querySelectorAll('[data-mir-fields] [name]')].every(i => !i.value)")
    fresh.close()
    in_front(first).check('[data-mir-remember="me"]')
    fresh = open_page(tab.context, url)
    expect(fresh.locator("#mir-f-your_name")).to_have_value("Sam")
    expect(fresh.locator("#mir-f-client_name"), "no client is remembered unasked").to_have_value("")
    fresh.close()
    in_front(first).check('[data-mir-remember="cases"]')
    fresh = open_page(tab.context, url)
    expect(fresh.locator("#mir-f-client_name")).to_have_value("Priya")
    fresh.close()
    in_front(first).uncheck('[data-mir-remember="cases"]')
    first.uncheck('[data-mir-remember="me"]')
    assert first.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mir:'))") == []


def test_forget_reaches_every_tab_and_both_storages(tab, site_url):
    url = site_url + "playbooks/team-mistake/"
    one, two = open_page(tab, url), open_page(tab.context, url)
    for page, name in ((one, "Priya"), (two, "Grace")):
        open_panel(in_front(page))
        page.check('[data-mir-remember="me"]')
        page.fill("#mir-f-client_name", name)
        page.fill("#mir-f-your_name", "Sam")
    in_front(one).get_by_role("button", name=STRINGS.filler.forget).click()
    two.wait_for_function("() => !document.querySelector('#mir-f-client_name').value")
    for page in (one, two):
        expect(page.locator("#mir-f-your_name")).to_have_value("")
        assert page.evaluate("Object.keys(localStorage).concat(Object.keys(sessionStorage))"
                             ".filter(k => k.startsWith('mir:') && k !== 'mir:cases' && k !== 'mir:about')") == []
        assert page.evaluate("localStorage.getItem('mir:about')") is None
    two.reload()
    two.wait_for_selector("[data-mir-fields]:not([hidden])")
    expect(two.locator("#mir-f-client_name")).to_have_value("")


def test_clearing_a_case_reaches_every_tab_that_has_it(tab, site_url):
    url = site_url + "playbooks/team-mistake/"
    one = open_page(tab, url)
    open_panel(one)
    one.check('[data-mir-remember="cases"]')
    one.fill("#mir-f-client_name", "Priya")
    two = open_page(tab.context, url)
    expect(two.locator("#mir-f-client_name")).to_have_value("Priya")
    in_front(one).get_by_role("button", name=STRINGS.filler.case_clear).click()
    two.wait_for_function("() => !document.querySelector('#mir-f-client_name').value")
    assert "Priya" not in (one.evaluate("localStorage.getItem('mir:cases')") or "")


def test_values_survive_instant_navigation_and_reload_and_never_leave_the_browser(tab, site_url):
    """What a reader types in every field is still there after an instant navigation and a
    reload, and no request of the page (the navigation's fetch, the reload) carries it."""
    secret = "Zq7-secret-client"
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    sent = []
    with requests_seen(page, lambda r: sent.append((r.url, r.post_data or ""))):
        open_panel(page)
        page.fill("#mir-f-client_name", secret)
        # Every other field at once, each as the page hears a key (one call, not forty).
        page.evaluate("""([fields, secret]) => { for (const input of document.querySelectorAll(fields)) {
            if (input.value !== secret) {
                input.value = secret; input.dispatchEvent(new Event("input", {bubbles: true}));
            } } }""", [FIELDS, secret])
        wait_for_instant_navigation(page)
        page.evaluate("window.__same_document = true")
        page.locator('.md-nav__link[href$="my-mistake/"]').first.click()
        page.wait_for_url("**/playbooks/my-mistake/")
        page.wait_for_selector("[data-mir-fields]:not([hidden])")
        assert page.evaluate("window.__same_document") is True, "not an instant navigation"
        expect(page.locator("#mir-f-client_name")).to_have_value(secret)
        expect(page.locator('.mir-blank[data-field="client_name"]').first).to_have_text(secret)
        page.reload()
        page.wait_for_selector("[data-mir-fields]:not([hidden])")
        expect(page.locator("#mir-f-client_name")).to_have_value(secret)
    assert sent, "navigation made no requests at all"
    assert [url for url, _ in sent if not url.startswith(site_url)] == [], "a request to another host"
    assert [url for url, body in sent if secret in unquote(url) or secret in body] == [], "typed text sent"


# One key, as the browser sends it, and whether this tab's storage has it yet.
TYPE_AND_LOOK = """(value) => {
    const input = document.querySelector("#mir-f-client_name");
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return (sessionStorage.getItem("mir:cases") || "").includes(value);
}"""


def test_a_key_is_kept_when_the_page_goes_straight_after_it(tab, site_url):
    """Typing is saved once the browser is idle, not on every key: a reload, or the tab
    hidden, straight after a key still keeps it."""
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    assert page.evaluate(TYPE_AND_LOOK, "Priya") is False, "saved at once: nothing here needs the flush"
    page.evaluate("location.reload()")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    expect(page.locator("#mir-f-client_name")).to_have_value("Priya")
    assert page.evaluate(TYPE_AND_LOOK, "Priya Nair") is False
    assert page.evaluate("""() => {
        Object.defineProperty(document, "hidden", { value: true, configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        return sessionStorage.getItem("mir:cases").includes("Priya Nair");
    }""") is True, "another tab or app in front: saved then"
    assert page.errors == []


def test_cards_behind_the_focus_view_catch_up_when_it_closes(tab, site_url, pack):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    users = page.locator('.mir-card:has(.mir-blank[data-field="client_name"])')
    assert users.count() > 1
    users.first.get_by_role("button", name=ACTIONS["fill"], exact=True).click()
    page.locator('[data-mir-focus-fields] [name="client_name"]').fill("Priya")
    expect(users.first.locator('.mir-blank[data-field="client_name"]').first).to_have_text("Priya")
    page.keyboard.press("Escape")
    for index in range(users.count()):
        expect(users.nth(index).locator('.mir-blank[data-field="client_name"]').first).to_have_text("Priya")
    assert page.errors == []


# --- Reader-side hardening ------------------------------------------------------------


def test_a_field_named_constructor_is_just_a_field(tab, site_url):
    """Maps without prototypes: the page's client_name, renamed `constructor`."""
    def rename(route):
        body = route.fetch().text().replace("client_name", "constructor")
        route.fulfill(body=body, headers={"content-type": "text/html"})
    tab.route("**/playbooks/team-mistake/", rename)
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    expect(page.locator("#mir-f-constructor")).to_have_value("")
    blank = page.locator('.mir-blank[data-field="constructor"]').first
    assert blank.text_content() in ("there", "[Client's first name]")
    open_panel(page)
    page.fill("#mir-f-constructor", "Con")
    page.fill("#mir-case-name", "__proto__")
    page.reload()
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    expect(page.locator("#mir-f-constructor")).to_have_value("Con")
    expect(page.locator("[data-mir-bar-case]")).to_contain_text("__proto__")
    assert page.errors == []


@pytest.mark.parametrize("clipboard_kind", ["missing", "refused"])
def test_copy_failure_shows_the_text_to_copy_by_hand(tab, site_url, clipboard_kind):
    """The clipboard taken away (or refusing) once the page is up: the script looks it
    up on each copy."""
    page = open_page(tab, site_url + "playbooks/team-mistake/", {"client_name": "Priya"})
    page.evaluate(
        "() => { Object.defineProperty(navigator, 'clipboard', {value: undefined}); }" if clipboard_kind == "missing"
        else "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }")
    target = card(page, "redirect-to-solution")
    card_action(target, "copy").click()
    page.get_by_role("button", name=STRINGS.filler.anyway["copy"]).click()
    box = target.get_by_label(STRINGS.filler.copy_fallback)
    box.wait_for(state="visible")  # after the clipboard's refusal, which is asynchronous
    load_encoders(page)
    assert box.input_value() == page.evaluate(
        "window.MakeItRight.message(document.querySelector('.mir-card[data-template=\"redirect-to-solution\"]')).text")
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 0
    expect(page.locator("[data-mir-bar] [data-mir-status]")).to_have_text(MESSAGES.copy_failed)


def test_lone_surrogates_are_replaced_never_thrown(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    open_panel(page)
    page.evaluate("""() => { for (const input of document.querySelectorAll('[data-mir-fields] .mir-fields__grid [name]')) {
        input.value = 'a\\ud800b'; input.dispatchEvent(new Event('input', {bubbles: true})); } }""")
    expect(card(page, "apology-team-mistake").locator('.mir-blank[data-field="impact"]')).to_have_text("a\ufffdb")
    with page.expect_download() as info:
        card_action(card(page, "apology-team-mistake"), "eml").click()
    assert info.value.suggested_filename.endswith(".eml")
    assert page.errors == []


# --- Sending ---------------------------------------------------------------------------


def test_unfilled_blanks_ask_before_copy_naming_them(tab, site_url, pack):
    page = open_page(tab, site_url + "playbooks/team-mistake/")
    page.evaluate("navigator.clipboard.writeText('before')")
    template = pack.get("apology-team-mistake")
    card_action(card(page, template.id), "copy").click()
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    expect(dialog).to_be_visible()
    required = [f.label for f in template.fields.values() if f.required]
    expect(dialog.locator("li")).to_have_text(required)
    dialog.get_by_role("button", name=STRINGS.filler.fill_them).click()
    expect(dialog).to_be_hidden()
    first_required = next(n for n, f in template.fields.items() if f.required)
    page.wait_for_function(f"() => document.activeElement.name === '{first_required}'")
    assert clipboard(page) == "before"
    for action in ("mailto", "eml", "txt"):
        card_action(card(page, template.id), action).click()
        expect(dialog.get_by_role("button", name=STRINGS.filler.anyway[action])).to_be_visible()
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()


def test_send_step_addresses_names_and_dates_the_message(tab, site_url, pack):
    values = dict.fromkeys(pack.get("apology-team-mistake").fields, "Filled")
    values |= {"@to": "priya@example.com", "@cc": "lee@example.com; not an address", "@from": "sam@example.com"}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    target = card(page, "apology-team-mistake")
    link = target.get_by_role("link", name=ACTIONS["mailto"])
    link.click()
    to, query = parse_mailto(link.get_attribute("href"))
    assert to == "priya@example.com" and query["cc"] == "lee@example.com"
    expect(page.locator("[data-mir-bar] [data-mir-status]")).to_contain_text("not an address")
    file = download(page, card_action(target, "eml"))
    assert file.suggested_filename == "test-case-apology-team-mistake.eml"
    with open(file.path(), "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    assert (message["To"], message["Cc"], message["From"]) == (
        "priya@example.com", "lee@example.com", "sam@example.com")
    assert email.utils.parsedate_to_datetime(message["Date"]) is not None
    txt = download(page, card_action(target, "txt"))
    assert txt.suggested_filename == "test-case-apology-team-mistake.txt"


def test_several_recipients_with_names_and_an_idn_domain(tab, site_url, pack):
    """Typed as people write them, addressed as Python's renderer addresses them:
    the .eml's To and Cc headers are exactly render.address_header's, the mail link
    carries the plain addresses, and the card's To line shows the names."""
    to, cc = 'Priya Shah <priya@example.com>, "Ortega, Tomás" <tomas@bücher.de>', "jo@example.org; Lee <lee@example.com>"
    values = dict.fromkeys(pack.get("apology-team-mistake").fields, "Filled") | {"@to": to, "@cc": cc}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    target = card(page, "apology-team-mistake")
    expect(target.locator(".mir-card__to")).to_contain_text(
        "Priya Shah <priya@example.com>, Ortega, Tomás <tomas@xn--bcher-kva.de>")
    link = target.get_by_role("link", name=ACTIONS["mailto"])
    link.click()
    mail_to, query = parse_mailto(link.get_attribute("href"))
    assert mail_to == render.addresses(to) == "priya@example.com,tomas@xn--bcher-kva.de"
    assert query["cc"] == render.addresses(cc)
    file = download(page, card_action(target, "eml"))
    raw = open(file.path(), "rb").read().decode("ascii")
    assert render.address_header("To", render.mailboxes(to)) in raw
    assert render.address_header("Cc", render.mailboxes(cc)) in raw
    message = email.message_from_string(raw, policy=email.policy.SMTP)
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("Priya Shah", "priya@example.com"), ("Ortega, Tomás", "tomas@xn--bcher-kva.de")]
    assert not message["To"].defects and not message["Cc"].defects
    assert page.errors == []


def test_a_blank_left_out_takes_its_phrase_with_it(tab, site_url, pack):
    template = pack.get("call-back-team-mistake")
    values = dict.fromkeys(template.fields, "X") | {"company_name": ""}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    target = card(page, template.id)
    assert "from" not in target.locator(".mir-card__body").inner_text().split("\n")[0]
    assert copy_text(page, template.id) == render.as_text(doc(template), values)
    assert "Sam" not in copy_text(page, template.id)


def test_add_reminder_downloads_an_ics_event(tab, site_url, pack):
    template = pack.get("apology-team-mistake")
    values = dict.fromkeys(template.fields, "Filled") | {"fix_date": "Monday 3 March"}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    card_action(card(page, template.id), "ics").click()
    expect(focused(page)).to_have_attribute("type", "datetime-local")
    page.fill("[data-mir-remind-at]", "2026-12-01T10:15")
    file = download(page, page.locator("[data-mir-focus-actions]").get_by_role("button", name=ACTIONS["ics"]))
    assert file.suggested_filename == f"test-case-{template.id}.ics"
    with open(file.path(), "rb") as handle:
        event = icalendar.Calendar.from_ical(handle.read()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").isoformat() == "2026-12-01T10:15:00"
    assert "Test case" in str(event["SUMMARY"]) and "Monday 3 March" in str(event["DESCRIPTION"])


def test_fallback_words_come_from_the_strings_file(tab, site_url, pack):
    """A case whose name has nothing to put in a file name, and a reminder whose blank
    is empty: both take their words from the strings the page carries (swapped here for
    words of the test's own, so a copy of en.yml's in the script would show)."""
    own = {"file_fallback": "no-name", "reminder_empty": "(left empty)"}

    def swap(route):
        body = route.fetch().text()
        for key, word in own.items():
            said = plain(json.dumps({key: getattr(MESSAGES, key)}, ensure_ascii=False)[1:-1])
            assert said in body, key
            body = body.replace(said, plain(json.dumps({key: word})[1:-1]))
        route.fulfill(body=body, headers={"content-type": "text/html"})
    tab.route("**/playbooks/team-mistake/", swap)
    template = pack.get("apology-team-mistake")
    values = dict.fromkeys(template.fields, "Filled") | {"fix_date": ""}
    page = open_page(tab, site_url + "playbooks/team-mistake/", values)
    page.evaluate("""() => { const all = JSON.parse(sessionStorage.getItem("mir:cases"));
        all.cases[0].name = "!!!"; sessionStorage.setItem("mir:cases", JSON.stringify(all)); }""")
    page.reload()
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    card_action(card(page, template.id), "ics").click()
    page.fill("[data-mir-remind-at]", "2026-12-01T10:15")
    file = download(page, page.locator("[data-mir-focus-actions]").get_by_role("button", name=ACTIONS["ics"]))
    assert file.suggested_filename == f"{own['file_fallback']}-{template.id}.ics"
    with open(file.path(), "rb") as handle:
        event = icalendar.Calendar.from_ical(handle.read()).walk("VEVENT")[0]
    label = template.fields["fix_date"].label
    assert f"{label}: {own['reminder_empty']}" in str(event["DESCRIPTION"]).split("\n")
    assert page.errors == []
