"""Nothing moves while a page loads on a phone: every page type's layout shifts, as
Chromium reports them up to the first frame after the page is ready (styles, fonts and
the enhanced parts in), add up to nothing (Lighthouse counted 0.12 on a playbook when
its plan opened after load). The plan still starts open there and still closes when the
reader taps it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from harness.chromium import wait_until_ready

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
PAGES = {"home": "", "playbook": "playbooks/team-mistake/", "template index": "templates/",
         "check my draft": "check-my-draft/", "phrase bank": "phrase-bank/",
         "checklist": "checklists/team-mistake/", "decision guide": "which-playbook/"}
RECORD_SHIFTS = """window.mirShifts = [];
new PerformanceObserver((list) => window.mirShifts.push(...list.getEntries().map((e) => e.value)))
  .observe({ type: "layout-shift", buffered: true });"""


# Every shift up to now: the page's observer (buffered, so shifts from before it started
# count too) hands over what it has seen once two frames have been drawn after the call,
# so a shift the ready page made in its last task is reported.
SHIFTS_SO_FAR = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(
    () => setTimeout(() => done(window.mirShifts)))))"""


@pytest.fixture(scope="module")
def phone(chromium):
    """One phone tab for the module, whose every load fetches every file, as a reader's
    first visit does (the HTTP cache is off for it). Each page is a new document, with
    its own record of shifts; one tab, not one a page, spares a renderer each."""
    context = chromium.new_context(**PHONE, service_workers="block")
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")  # the cache setting holds only while the domain is on
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    yield page
    context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_nothing_moves_while_a_page_loads_on_a_phone(phone, site_url, kind):
    phone.goto(site_url + PAGES[kind])
    wait_until_ready(phone)
    assert phone.evaluate(SHIFTS_SO_FAR) == []


def test_the_plan_is_open_from_the_first_paint_and_the_reader_can_close_it(chromium, phone, site_url):
    page = phone
    page.goto(site_url + PAGES["playbook"])
    plan = page.locator(".mir-plan")
    expect(plan).to_have_attribute("open", "")
    first = plan.locator("li a").first
    expect(first).to_be_visible()
    plan.locator("summary").click()
    expect(first).to_be_hidden()
    plan.locator("summary").click()
    expect(first).to_be_visible()
    # Without a script the styles alone show it.
    still = chromium.new_context(**PHONE, java_script_enabled=False)
    bare = still.new_page()
    bare.goto(site_url + PAGES["playbook"])
    expect(bare.locator(".mir-plan li a").first).to_be_visible()
    still.close()
