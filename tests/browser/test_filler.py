"""The in-browser fill-in, in headless Chromium: fill, keep, clear, copy, mail, download, print.

Every expectation comes from the Python renderer (make_it_right/render.py), so the browser
and the command line must produce the same text, subject, mailto and .eml.
"""

from __future__ import annotations

import email
import email.policy
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from make_it_right import render
from make_it_right.layout import layout
from make_it_right.rules import load_rules
from make_it_right.strings import load_strings

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
ACTIONS = STRINGS.filler.actions


def doc(template):
    return layout(template, load_rules(), STRINGS)

# Whatever a reader might type, or paste: each must come out exactly as typed.
HOSTILE = {
    "markup": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">',
    "quotes": "\"Dan's\" 'notes' & <b>bold</b> &amp; %20 %0A + = ? #",
    "emoji": "Priya 👩🏽‍💻 🎉 ✅",
    "rtl": "שלום עליכם مرحبا بك and English",
    "lines": "first line\nsecond line\n\n  indented third",
    "long": ("0123456789" * 1000),
}


def pages_with_cards(pack, rules) -> dict[str, list]:
    """Each playbook page's URL path, with the templates its cards show."""
    pages: dict[str, list] = {}
    for template in pack.templates.values():
        for playbook in template.playbooks:
            path = rules.playbooks[playbook].page.removesuffix(".md") + "/"
            pages.setdefault(path, []).append(template)
    return pages


@pytest.fixture
def context(chromium):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def open_page(context, url):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: page.errors.append(f"native dialog: {dialog.message}"))
    # networkidle: Material's instant navigation is ready once it has the sitemap.
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    return page


def card(page, template_id):
    return page.locator(f'.mir-card[data-template="{template_id}"]')


def fill_all(page, value_for):
    """Type into every field of the page's panel; value_for(name) gives the text.

    Returns what each field holds afterwards: a one-line input turns a typed line
    break into a space, as it would for a reader; a long field keeps it.
    """
    values = {}
    for name in page.locator("[data-mir-fields] [name]").evaluate_all(
            "inputs => inputs.map(i => i.name)"):
        page.fill(f"#mir-f-{name}", value_for(name))
        values[name] = page.input_value(f"#mir-f-{name}")
    return values


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def copy_text(page, template_id):
    page.evaluate("navigator.clipboard.writeText('(nothing copied)')")
    card(page, template_id).get_by_role("button", name=ACTIONS["copy"], exact=True).click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t !== '(nothing copied)')")
    return clipboard(page)


def mailto_of(page, template_id):
    link = card(page, template_id).get_by_role("link", name=ACTIONS["mailto"], exact=True)
    link.click()
    href = link.get_attribute("href")
    assert href.startswith("mailto:?")
    query = dict(part.split("=", 1) for part in urlsplit(href).query.split("&"))
    return unquote(query["subject"]), unquote(query["body"])


def download(page, template_id, action):
    with page.expect_download() as info:
        card(page, template_id).get_by_role("button", name=ACTIONS[action], exact=True).click()
    return info.value


def eml_of(page, template_id):
    path = download(page, template_id, "eml").path()
    with open(path, "rb") as file:
        return email.message_from_binary_file(file, policy=email.policy.default)


# --- Filling --------------------------------------------------------------


def test_every_template_fills_from_one_panel(context, site_url, pack, rules):
    for path, templates in pages_with_cards(pack, rules).items():
        page = open_page(context, site_url + path)
        names = page.locator("[data-mir-fields] [name]").evaluate_all(
            "inputs => inputs.map(i => i.name)")
        assert sorted(names) == sorted({n for t in templates for n in t.fields}), path
        values = fill_all(page, lambda name: f"<{name} & co>")
        for template in templates:
            shown = card(page, template.id).locator("pre code").text_content()
            assert shown + "\n" == render.as_text(doc(template), values), template.id
            assert card(page, template.id).locator(".mir-blank:not(.mir-blank--filled)").count() == 0
        assert page.errors == []
        page.close()


def test_blanks_show_their_state(context, site_url, pack):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    apology = card(page, "apology-team-mistake")
    page.fill("#mir-f-what_went_wrong", "lost the files")
    filled = apology.locator('.mir-blank[data-field="what_went_wrong"]')
    assert filled.text_content() == "lost the files"
    assert "mir-blank--filled" in filled.get_attribute("class")
    # A required blank left empty keeps its marker; an optional one shows its fallback.
    empty = apology.locator('.mir-blank[data-field="the_fix"]')
    assert empty.text_content() == "[The fix]"
    assert empty.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dashed"
    fallback = apology.locator('.mir-blank[data-field="client_name"]')
    assert fallback.text_content() == pack.get("apology-team-mistake").fields["client_name"].fallback
    assert "mir-blank--fallback" in fallback.get_attribute("class")
    page.fill("#mir-f-what_went_wrong", "")
    assert filled.text_content() == "[What went wrong]"


# --- Keeping values -------------------------------------------------------


def test_values_survive_instant_navigation_and_reload(context, site_url):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    page.fill("#mir-f-client_name", "Priya")
    page.evaluate("window.__same_document = true")
    page.locator('.md-nav__link[href$="my-mistake/"]').first.click()
    page.wait_for_url("**/playbooks/my-mistake/")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    assert page.evaluate("window.__same_document") is True, "not an instant navigation"
    assert page.input_value("#mir-f-client_name") == "Priya"
    assert page.locator('.mir-blank[data-field="client_name"]').first.text_content() == "Priya"
    page.reload()
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    assert page.input_value("#mir-f-client_name") == "Priya"


def test_a_new_tab_starts_empty_unless_remembered(context, site_url):
    url = site_url + "playbooks/team-mistake/"
    first = open_page(context, url)
    first.fill("#mir-f-client_name", "Priya")
    assert open_page(context, url).input_value("#mir-f-client_name") == ""
    assert not first.is_checked("[data-mir-remember]"), "remembering must be opt-in"
    first.check("[data-mir-remember]")
    assert open_page(context, url).input_value("#mir-f-client_name") == "Priya"
    first.uncheck("[data-mir-remember]")
    assert open_page(context, url).input_value("#mir-f-client_name") == ""
    assert first.evaluate("Object.keys(localStorage).filter(k => k.startsWith('mir:'))") == []


def test_clear_all_wipes_fields_cards_and_storage(context, site_url):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    page.check("[data-mir-remember]")
    page.fill("#mir-f-client_name", "Priya")
    page.fill("#mir-f-what_went_wrong", "lost the files")
    page.get_by_role("button", name=STRINGS.filler.clear).click()
    assert page.input_value("#mir-f-what_went_wrong") == ""
    assert card(page, "apology-team-mistake").locator(".mir-blank--filled").count() == 0
    stored = page.evaluate("[sessionStorage.getItem('mir:fields'), localStorage.getItem('mir:fields')]")
    assert stored in ([None, None], ["{}", None], ["{}", "{}"])
    assert page.locator("[data-mir-status]").text_content() == STRINGS.filler.messages.cleared
    page.reload()
    assert page.input_value("#mir-f-client_name") == ""


def test_nothing_typed_leaves_the_browser(context, site_url):
    secret = "Zq7-secret-client"
    page = open_page(context, site_url + "playbooks/team-mistake/")
    sent = []
    page.on("request", lambda r: sent.append((r.url, r.post_data or "")))
    fill_all(page, lambda name: secret)
    page.locator('.md-nav__link[href$="angry-client/"]').first.click()
    page.wait_for_url("**/angry-client/")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    page.reload()
    assert sent, "navigation made no requests at all"
    assert [url for url, _ in sent if not url.startswith(site_url)] == []
    assert [url for url, body in sent if secret in unquote(url) or secret in body] == []


# --- Sending --------------------------------------------------------------


def test_copy_puts_the_filled_text_on_the_clipboard(context, site_url, pack, rules):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    examples = {n: f.example for t in pack.templates.values() for n, f in t.fields.items()}
    values = fill_all(page, examples.get)
    template = pack.get("apology-team-mistake")
    assert copy_text(page, template.id) == render.as_text(doc(template), values)
    status = page.locator("[data-mir-status]")
    assert status.get_attribute("role") == "status"
    assert template.title in status.text_content()


def test_unfilled_blanks_ask_before_copy_naming_them(context, site_url, pack):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    page.evaluate("navigator.clipboard.writeText('before')")
    template = pack.get("apology-team-mistake")
    card(page, template.id).get_by_role("button", name=ACTIONS["copy"], exact=True).click()
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    assert dialog.is_visible()
    required = [f.label for f in template.fields.values() if f.required]
    assert dialog.locator("li").all_text_contents() == required
    dialog.get_by_role("button", name=STRINGS.filler.fill_them).click()
    assert not dialog.is_visible()
    first_required = next(n for n, f in template.fields.items() if f.required)
    assert page.evaluate("document.activeElement.name") == first_required
    assert clipboard(page) == "before"

    card(page, template.id).get_by_role("button", name=ACTIONS["copy"], exact=True).click()
    dialog.get_by_role("button", name=STRINGS.filler.anyway["copy"]).click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t !== 'before')")
    assert "[What went wrong]" in clipboard(page)


def test_unfilled_blanks_ask_before_mail_and_download(context, site_url):
    page = open_page(context, site_url + "playbooks/team-mistake/")
    dialog = page.get_by_role("dialog", name=STRINGS.filler.missing_title)
    for action, role in (("mailto", "link"), ("eml", "button"), ("txt", "button")):
        card(page, "apology-team-mistake").get_by_role(role, name=ACTIONS[action]).click()
        assert dialog.is_visible(), action
        assert dialog.get_by_role("button", name=STRINGS.filler.anyway[action]).is_visible()
        page.keyboard.press("Escape")
        assert not dialog.is_visible()
    with page.expect_download() as info:
        card(page, "apology-team-mistake").get_by_role("button", name=ACTIONS["txt"], exact=True).click()
        dialog.get_by_role("button", name=STRINGS.filler.anyway["txt"]).click()
    assert info.value.suggested_filename == "apology-team-mistake.txt"


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_round_trips_everywhere(context, site_url, pack, rules, case):
    """Each value, typed into every field of every page, comes out exactly as typed:
    shown as literal text, copied, and through mailto and .eml for every email."""
    for path, templates in pages_with_cards(pack, rules).items():
        page = open_page(context, site_url + path)
        values = fill_all(page, lambda name: HOSTILE[case])
        long_fields = [n for t in templates for n, f in t.fields.items() if f.kind == "long"]
        assert all(values[n] == HOSTILE[case] for n in long_fields), "a long field changed it"
        for template in templates:
            assert copy_text(page, template.id) == render.as_text(doc(template), values)
            if template.subject is None:
                continue
            subject, body = mailto_of(page, template.id)
            assert subject == render.fill(doc(template), values).subject
            assert body == render.fill(doc(template), values).body.replace("\n", "\r\n")
            message = eml_of(page, template.id)
            assert message["Subject"] == render.fill(doc(template), values).subject
            assert message["X-Unsent"] == "1"
            assert message.get_content().replace("\r\n", "\n") == render.fill(doc(template), values).body
        assert page.evaluate("window.__pwned") is None
        assert page.locator(".mir-card img, .mir-card script, .mir-card b").count() == 0
        assert page.errors == []
        page.close()


def test_txt_download_matches_the_text(context, site_url, pack, rules):
    page = open_page(context, site_url + "playbooks/angry-client/")
    values = fill_all(page, lambda name: "Grace")
    template = pack.get("de-escalation-talk-track")
    file = download(page, template.id, "txt")
    assert file.suggested_filename == f"{template.id}.txt"
    with open(file.path(), encoding="utf-8") as text:
        assert text.read() == render.as_text(doc(template), values)
    assert card(page, template.id).get_by_role("link", name=ACTIONS["mailto"], exact=True).count() == 0


# --- Without JavaScript ------------------------------------------------------


def test_without_javascript_the_page_is_plain_text_with_blanks(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "playbooks/broken-promise/")
    assert page.locator("[data-mir-fields]").is_hidden()
    assert page.locator(".mir-card__actions").first.is_hidden()
    text = page.locator(".mir-card pre").first
    text.scroll_into_view_if_needed()  # cards off screen are laid out when scrolled to
    expect(text).to_contain_text("[", use_inner_text=True)
    context.close()
