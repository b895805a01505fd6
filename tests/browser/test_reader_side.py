"""What a reader types or does can't break the filler (issue: safe to accept a pull
request, reader side): odd field names, replacement patterns, lone surrogates, a
missing clipboard, and "Clear all" with another tab open."""

from __future__ import annotations

import shutil

import pytest

from browser import build_site, serve
from make_it_right.strings import load_strings
from paths import ROOT

STRINGS = load_strings("en")
PLAYBOOK = "playbooks/team-mistake/"


def card_text(page, template_id):
    return page.locator(f'.mir-card[data-template="{template_id}"] .mir-card__text').text_content()


@pytest.mark.browser
def test_field_names_that_are_object_properties_are_plain_names(chromium, site_url):
    context = chromium.new_context()
    page = context.new_page()
    # Stored values named like Object's own properties must not stop the filler.
    page.goto(site_url + PLAYBOOK)
    page.evaluate("""sessionStorage.setItem("mir:fields", JSON.stringify(
        {constructor: "x", __proto__: {polluted: "yes"}, toString: "y", client_name: "Ana"}))""")
    page.reload(wait_until="networkidle")
    assert page.locator("[data-mir-fields]").is_visible()
    assert page.locator('.mir-blank[data-field="client_name"]').first.text_content() == "Ana"
    assert page.evaluate("({}).polluted") is None
    page.fill("#mir-f-client_name", "Bo")
    assert page.locator('.mir-blank[data-field="client_name"]').first.text_content() == "Bo"
    context.close()


@pytest.mark.browser
def test_replacement_patterns_and_lone_surrogates_copy_as_typed(chromium, site_url):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + PLAYBOOK, wait_until="networkidle")
    page.fill("#mir-f-project_name", "the $& and $$ and $' report")
    page.evaluate("""() => { const input = document.querySelector("#mir-f-client_name");
        input.value = "Zo\\uD800e"; input.dispatchEvent(new Event("input", {bubbles: true})); }""")
    card = page.locator('.mir-card[data-template="apology-team-mistake"]')
    card.get_by_role("button", name=STRINGS.filler.actions["copy"], exact=True).click()
    page.get_by_role("button", name=STRINGS.filler.anyway["copy"]).click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Our mistake on the $& and $$ and $' report")
    assert "Hi Zo\ufffde," in copied
    link = card.get_by_role("link", name=STRINGS.filler.actions["mailto"], exact=True)
    link.click()
    page.get_by_role("button", name=STRINGS.filler.anyway["mailto"]).click()
    assert "Zo%EF%BF%BDe" in link.get_attribute("href")
    context.close()


@pytest.mark.browser
def test_copy_without_a_clipboard_says_so_and_selects_the_text(chromium, site_url):
    context = chromium.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(site_url + PLAYBOOK, wait_until="networkidle")
    for name in page.locator("[data-mir-fields] [name]").evaluate_all("i => i.map(x => x.name)"):
        page.fill(f"#mir-f-{name}", "x")
    card = page.locator('.mir-card[data-template="apology-team-mistake"]')
    card.get_by_role("button", name=STRINGS.filler.actions["copy"], exact=True).click()
    assert page.locator("[data-mir-status]").text_content() == STRINGS.filler.messages.copy_failed
    assert page.evaluate("getSelection().toString()").strip().startswith("Subject:")
    context.close()


@pytest.mark.browser
def test_clear_all_reaches_every_open_tab_and_both_storages(chromium, site_url):
    context = chromium.new_context()
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(site_url + PLAYBOOK, wait_until="networkidle")
    second.check("[data-mir-remember]")
    second.fill("#mir-f-client_name", "Ana")
    first.get_by_role("button", name=STRINGS.filler.clear).click()
    second.wait_for_function("document.querySelector('#mir-f-client_name').value === ''")
    assert second.locator('.mir-blank[data-field="client_name"]').first.text_content() != "Ana"
    # Typing again in the second tab starts from nothing: the cleared value never comes back.
    second.fill("#mir-f-your_name", "Sam")
    stored = second.evaluate("[sessionStorage.getItem('mir:fields'), localStorage.getItem('mir:fields')]")
    assert all(s is None or "Ana" not in s for s in stored), stored
    context.close()


@pytest.fixture(scope="module")
def constructor_site(tmp_path_factory):
    """A mini-site whose template has fields named like Object's own properties."""
    project = tmp_path_factory.mktemp("constructor")
    shutil.copytree(ROOT / "tests" / "site" / "sites" / "ok", project, dirs_exist_ok=True)
    path = project / "templates" / "email" / "late-files.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("client_name", "constructor")
                    .replace("  sign-off: Sam", "  sign-off: \"{{ to_string }}\"")
                    .replace("fields:\n", "fields:\n  to_string:\n    label: Sign-off\n"
                             "    example: Sam\n    hint: Your name.\n"), encoding="utf-8")
    for folder in ("javascripts", "stylesheets"):
        shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder)
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra_javascript: [javascripts/filler.js]\n")
    site = tmp_path_factory.mktemp("constructor-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.browser
def test_a_field_named_constructor_works(chromium, constructor_site):
    page = chromium.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(constructor_site + "playbooks/team-mistake/", wait_until="networkidle")
    page.fill("#mir-f-constructor", "Ana")
    assert page.locator('.mir-blank[data-field="constructor"]').first.text_content() == "Ana"
    assert errors == []
    page.close()
