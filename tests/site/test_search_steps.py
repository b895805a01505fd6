"""make_it_right.html.search_steps: in a playbook's numbered steps, search gets each
step's first paragraph, its lists and boxes, and each card's title and "when";
later paragraphs are marked data-search-exclude. Other pages are left alone."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc", "make_it_right.html.search_steps"]

CARD = ('### Apology email { #tpl-apology }\n\n'
        '<div class="mir-card"><p class="mir-card__when">When to use it: soon.</p></div>\n')


def excluded(text: str) -> list[str]:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    return [p.get_text(" ", strip=True)
            for p in BeautifulSoup(html, "html.parser").select("[data-search-exclude]")]


def test_a_step_keeps_its_first_paragraph_lists_and_boxes():
    page = ("# Playbook\n\nIntro one.\n\nIntro two.\n\n"
            "## 1. Get the facts\n\nGist.\n\nDetail.\n\n- a list item\n\nMore detail.\n\n"
            '!!! warning "Money?"\n    Tell your manager.\n\n'
            "> A quoted line.\n")
    assert excluded(page) == ["Detail.", "More detail."]


def test_a_card_does_not_restart_the_count_and_a_sub_heading_does():
    page = ("## 2. Call\n\nGist.\n\n" + CARD + "\nAfter the card.\n\n"
            "### If they ring first\n\nSub gist.\n\nSub detail.\n")
    assert excluded(page) == ["After the card.", "Sub detail."]


def test_the_card_html_and_an_excluded_link_are_not_counted():
    page = ("## 3. Write\n\n" + CARD + "\n[Check it](x.md){ data-search-exclude }\n\n"
            "Gist after the card.\n\nDetail.\n")
    assert excluded(page) == ["Check it", "Detail."]


def test_unnumbered_sections_and_other_pages_are_left_alone():
    page = ("## Before the call: checklist\n\nOne.\n\nTwo.\n\n"
            "## Phrases that help\n\nOne.\n\nTwo.\n")
    assert excluded(page) == []
