"""Printing, checked on the PDF headless Chromium makes (it honours @media print and
@page): each checklist fits one sheet; a card's Print puts that card alone on one sheet,
with no blank sheet, for every template that can be printed, on A4 and on Letter; a whole
playbook prints without the fill-in or its link to the checklist, with no blank sheet and
no heading left at the foot of a sheet. One page load prints on both papers; poppler's
pdftotext reads the PDFs."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness import pdf
from make_it_right.loader import load_pack
from make_it_right.rules import load_rules
from make_it_right.strings import load_strings
from fill_page import card_action, open_page, open_panel
from matrix import one_pass
from paths import ROOT, TEMPLATES

pytestmark = pytest.mark.browser

STRINGS = load_strings("en")
PLAYBOOKS = sorted(p.stem for p in (ROOT / "docs" / "playbooks").glob("*.md"))
PAPERS = ["A4", "Letter"]
# `make test` prints one playbook's checklist, cards and whole page; `make test-matrices` every one.
ONE = "team-mistake"


def printable_cards() -> dict[str, list[str]]:
    """Per playbook, the templates with a Print button whose card no playbook before it shows."""
    rules, pack = load_rules(), load_pack(TEMPLATES)
    first: dict[str, str] = {}
    for playbook in PLAYBOOKS:
        page = (ROOT / "docs" / "playbooks" / f"{playbook}.md").read_text(encoding="utf-8")
        for template in re.findall(r'template_card\("([^"]+)"\)', page):
            if "print" in rules.channels[pack.templates[template].channel].actions:
                first.setdefault(template, playbook)
    return {playbook: [t for t, p in first.items() if p == playbook] for playbook in sorted(set(first.values()))}


PRINTABLE = printable_cards()


def squashed(text: str) -> str:
    """Text without its white space: a PDF's text puts spaces where the page had none."""
    return "".join(text.split())


def heading(locator) -> str:
    """A heading's text, without the permalink the theme adds (and hides in print)."""
    return squashed(locator.text_content()).removesuffix("¶")


def sheets(page, paper: str) -> list[str]:
    """The text on each sheet, squashed, as Chromium prints the page on this paper.

    Chromium fires beforeprint and afterprint around it, as a real print does.
    """
    return [squashed(sheet) for sheet in pdf.sheets(page.pdf(format=paper))]


def stranded(printed: list[str], headings: list[str]) -> list[tuple[int, str]]:
    """Headings that end a sheet, their text on the next one."""
    return [(number, heading) for number, text in enumerate(printed[:-1], 1)
            for heading in headings if text.endswith(heading)]


def test_a_heading_left_at_the_foot_of_a_sheet_is_caught(tab):
    """The check below can fail: a heading with room for itself but not for the line after
    it stays at the foot of the sheet, unless it has break-after: avoid."""
    page = tab
    found = []
    for rule in ("", "h2 { break-after: avoid; }"):
        page.set_content(f"""<style>@page {{ margin: 0 }} body {{ margin: 0; font: 16px/20px sans-serif }}
            h2 {{ margin: 0; font-size: 16px; line-height: 20px }} p {{ margin: 0 }} {rule}</style>
            <div style="height: calc(11in - 30px)"></div><h2>Left behind</h2><p>The text it heads.</p>""")
        found.append(stranded(sheets(page, "Letter"), ["Leftbehind"]))
    assert found == [[(1, "Leftbehind")], []]


@pytest.mark.parametrize("playbook", one_pass(PLAYBOOKS, keep=ONE))
def test_checklist_prints_on_one_sheet_without_the_site_around_it(tab, site_url, playbook):
    page = tab
    page.goto(site_url + f"checklists/{playbook}/")
    title = heading(page.locator("h1"))
    items = [squashed(t) for t in page.locator(".mir-checklist li").all_inner_texts()]
    assert len(items) >= 5
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    for paper in PAPERS:
        printed = sheets(page, paper)
        assert len(printed) == 1, paper
        assert printed[0].startswith(title), paper
        assert all(item in printed[0] for item in items), paper


def print_card(page, template: str) -> None:
    """Press a card's Print (past the missing-blanks dialog), with the print dialog stubbed."""
    page.evaluate("() => { window.__printed = null; window.print = () => { window.__printed = "
                  "document.querySelector('.mir-print-target').dataset.template } }")
    card = page.locator(f'.mir-card[data-template="{template}"]')
    card_action(card, "print").click()
    # The dialog opens when a blank is empty: press "Print anyway" if it did.
    page.wait_for_function("""t => window.__printed === t
        || document.querySelector("[data-mir-dialog]")?.open""", arg=template)
    if page.evaluate("t => window.__printed !== t", template):
        page.get_by_role("button", name=STRINGS.filler.anyway["print"], exact=True).click()
    page.wait_for_function("t => window.__printed === t", arg=template)


def test_the_cards_printed_below_are_every_printable_template(pack, rules):
    printable = {t.id for t in pack.templates.values() if "print" in rules.channels[t.channel].actions}
    assert sorted(t for templates in PRINTABLE.values() for t in templates) == sorted(printable)
    assert len(printable) >= 40


@pytest.mark.parametrize("playbook", one_pass(PRINTABLE, keep=ONE))
def test_every_card_prints_alone_on_one_sheet(tab, site_url, playbook):
    """Each card with a Print button (once, on the first playbook that shows it), blanks
    unfilled (their markers are the longest text), on A4 and on Letter: one sheet, the
    card's title first, nothing of the page around it."""
    page = tab
    page.goto(site_url + f"playbooks/{playbook}/")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    h1 = heading(page.locator("h1"))
    for template in PRINTABLE[playbook]:
        title = page.locator(f'.mir-card[data-template="{template}"]').get_attribute("data-title")
        first_line = squashed(page.locator(f'.mir-card[data-template="{template}"] .mir-card__text')
                              .inner_text().split("\n")[0])
        for paper in PAPERS:
            print_card(page, template)
            page.emulate_media(media="print")
            printed = sheets(page, paper)
            page.emulate_media(media="screen")
            assert len(printed) == 1, (template, paper, len(printed))
            assert printed[0].startswith(squashed(title)), (template, paper)
            assert first_line in printed[0] and h1 not in printed[0], (template, paper)
            expect(page.locator(".mir-print-target")).to_have_count(0)  # afterprint put the page back


def test_a_filled_template_prints_its_values_and_nothing_else(tab, site_url):
    page = open_page(tab, site_url + "playbooks/team-mistake/")  # the script ready
    card = page.locator('.mir-card[data-template="apology-team-mistake"]')
    open_panel(page)
    for name in card.locator(".mir-blank").evaluate_all("b => b.map(x => x.dataset.field)"):
        page.fill(f"#mir-f-{name}", "Filled")
    print_card(page, "apology-team-mistake")
    expect(page.locator("[data-mir-dialog]")).to_be_hidden()  # nothing was missing
    page.emulate_media(media="print")
    expect(card.locator(".mir-card__text")).to_be_visible()
    for hidden in (".md-header", ".mir-fields", "h1", '.mir-card[data-template="call-back-team-mistake"]',
                   ".mir-card__actions", ".mir-card__meta"):
        expect(page.locator(hidden).first, hidden).to_be_hidden()
    printed = sheets(page, "A4")
    assert len(printed) == 1
    assert "Filled" in printed[0] and "[" not in printed[0]
    expect(page.locator(".mir-printing, .mir-print-target")).to_have_count(0)


@pytest.mark.parametrize("playbook", one_pass(PLAYBOOKS, keep=ONE))
def test_a_whole_playbook_prints_without_the_fill_in_and_keeps_headings_with_what_follows(
        tab, site_url, playbook):
    page = tab
    page.goto(site_url + f"playbooks/{playbook}/")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    cards = page.locator(".mir-card").evaluate_all("cards => cards.map(c => c.dataset.title)")
    # On screen the playbook links its printable checklist; on paper that link is gone too.
    checklist_link = page.get_by_role("link", name=STRINGS.checklist.print_link)
    assert checklist_link.get_attribute("href").endswith(f"checklists/{playbook}/")
    page.emulate_media(media="print")
    expect(checklist_link, "the checklist link").to_be_hidden()
    for hidden in (".mir-bar", ".mir-fields", ".mir-card__actions", ".mir-skip", ".mir-plan"):
        expect(page.locator(hidden).first, hidden).to_be_hidden()
    headings = [heading(h) for h in page.locator(".md-content :is(h1, h2, h3):visible").all()]
    assert len(headings) > len(cards) > 0
    for paper in PAPERS:
        printed = sheets(page, paper)
        everything = "".join(printed)
        assert [number for number, text in enumerate(printed, 1) if not text] == [], paper  # no blank sheet
        assert stranded(printed, headings) == [], paper
        assert all(squashed(title) in everything for title in cards), paper
        # The fill-in is for the screen: no panel (not even one), bar or card buttons on paper.
        for on_screen in (STRINGS.filler.title, STRINGS.filler.fill_everything, STRINGS.filler.skip,
                          STRINGS.filler.actions["txt"], STRINGS.filler.actions["mailto"]):
            assert squashed(on_screen) not in everything, (paper, on_screen)
