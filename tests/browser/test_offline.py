"""The handbook offline (issue 22): after one visit online, a page never opened
before loads with the network off, and its fill-in, copy and search all work;
nothing is asked of another host. A newer build waits for the reader's reload."""

from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from harness.serve import serve
from fill_page import card_action, copy_going_ahead
from make_it_right.offline import SOURCE, worker_script
from make_it_right.strings import load_strings

pytestmark = pytest.mark.xdist_group("offline")
WORDS = load_strings().filler


@pytest.fixture(scope="module")
def context(chromium):
    """One reader's browser for the module: the handbook is saved for offline use once
    (its first visit, in `saved`), and each test opens its own tab; a test that takes
    the network away gives it back."""
    context = chromium.new_context(service_workers="allow",
                                   permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@contextmanager
def offline(context):
    context.set_offline(True)
    try:
        yield
    finally:
        context.set_offline(False)


def open_panel(page):
    """"Fill every blank": the panel with the page's fields."""
    toggle = page.locator("[data-mir-toggle]")
    expect(toggle).to_be_visible()
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def saved(context, url):
    """A visit, online, that waits until the handbook is saved for offline use (at once
    once the module's first visit has saved it)."""
    page = context.new_page()
    page.goto(url)
    expect(page.locator("[data-mir-offline]")).to_have_text(WORDS.offline_ready, timeout=30_000)
    expect(page.locator("[data-mir-offline]")).to_be_visible()
    return page


def test_a_page_never_opened_works_offline(context, offline_site_url):
    """(First in the module: its visit is the one that saves the handbook, so the
    requests heard include the offline copy's.)"""
    elsewhere = []

    def outside(request):
        if urlsplit(request.url).hostname not in ("127.0.0.1", None) and request.url.startswith("http"):
            elsewhere.append(request.url)
    context.on("request", outside)
    try:
        page = saved(context, offline_site_url)
        with offline(context):
            page.goto(offline_site_url + "playbooks/billing-error/")
            expect(page.locator("h1")).to_contain_text("invoice")
            page.keyboard.press("s")  # Material's search shortcut
            expect(page.locator(".md-search__input")).to_be_visible()
            page.keyboard.type("overcharge")
            expect(page.locator(".md-search-result__item > a").first).to_have_attribute(
                "href", re.compile(r"billing-error"))
            page.keyboard.press("Escape")
            open_panel(page)
            name = page.locator('[data-mir-fields] [name="client_name"]').first
            name.fill("Tomás")
            first_card = page.locator(".mir-card").first
            expect(first_card.locator(".mir-card__text")).to_contain_text("Tomás")

            assert "Tomás" in copy_going_ahead(page, card_action(first_card, "copy"))
    finally:
        context.remove_listener("request", outside)
    assert elsewhere == []
    page.close()


def test_the_draft_checker_works_offline_on_first_use(context, offline_site_url):
    """Its checks and rules come on first use (page/draft.js): the offline copy holds
    them, so a reader offline who never checked a draft before can."""
    page = saved(context, offline_site_url)
    with offline(context):
        page.goto(offline_site_url + "check-my-draft/")
        page.wait_for_selector("[data-mir-draft]:not([hidden])")
        page.fill("[data-mir-draft-text]", "Please calm down.")
        expect(page.locator(".mir-draft__mark")).to_have_text(["calm down"])
    page.close()


def test_chromium_finds_the_handbook_installable(context, offline_site_url):
    """What Lighthouse's installable-manifest and service-worker audits asked Chromium
    (Lighthouse 12 dropped them; tools/lighthouse pins 13.5): the manifest parses with no
    errors, and nothing stops installing but the test's own private window."""
    page = saved(context, offline_site_url)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [] and manifest["url"].endswith("/manifest.webmanifest")
    errors = {e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]}
    assert errors <= {"in-incognito"}, errors
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    page.close()


def test_the_worker_never_caches_what_a_reader_types(context, offline_site_url):
    page = saved(context, offline_site_url)
    page.goto(offline_site_url + "playbooks/team-mistake/")
    open_panel(page)
    page.locator('[data-mir-fields] [name="client_name"]').first.fill("Priya Secret")
    cached = page.evaluate("""async () => {
        const texts = [];
        for (const key of await caches.keys()) {
            const cache = await caches.open(key);
            for (const request of await cache.keys()) texts.push(await (await cache.match(request)).text());
        }
        return texts.join("\\n");
    }""")
    assert "Priya Secret" not in cached
    assert len(cached) > 100_000  # the whole build is there
    page.close()


def test_no_other_tests_pay_for_the_offline_copy(tab, site_url):
    tab.goto(site_url)
    assert "stand-in" in tab.evaluate("fetch('sw.js').then(r => r.text())")


def test_a_newer_build_waits_for_the_readers_reload(context, offline_site, tmp_path):
    source = tmp_path / "site"
    shutil.copytree(offline_site[0], source)
    with serve(source, offline=True) as url:
        page = saved(context, url)
        home = source / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (new)</h1>", 1),
                        encoding="utf-8")
        (source / "sw.js").write_text(worker_script(source, SOURCE.read_text(encoding="utf-8")),
                                      encoding="utf-8")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        update = page.locator("[data-mir-update]")
        expect(update).to_be_visible(timeout=30_000)
        page.reload()
        expect(page.locator("h1")).not_to_contain_text("(new)")  # still the version in use
        expect(update).to_be_visible(timeout=30_000)
        update.get_by_role("button", name=WORDS.offline_reload).click()
        expect(page.locator("h1")).to_contain_text("(new)", timeout=30_000)
        page.close()
