"""The fill-in's numbers (issue #10), printed, not asserted:

- the path from the home page to a copied, fully filled voicemail for a new client:
  clicks, keystrokes and scroll distance; and, with a second client started in the
  focus view, the clicks and scroll back to the first (issue 20);
- the same two clients by keyboard alone on a desktop: the voicemail filled and copied
  for Priya, then for Tomás as a new client, then back to Priya: every key counted
  (Tab and Enter included) and the scrolling that focus caused (issue 20);
- keystroke to updated preview on a page of 20 cards (median and p95: real key
  presses in a card's focus view, through the style and layout they cause), and the
  input handler alone on a generated page of 500 cards (median), each beside issue
  #10's target (4 ms, 16 ms; 2 ms);
- the search index, and the project's own JS and CSS, gzipped.

    .venv/bin/python scripts/filler_bench.py [--ref GIT_REF] [--paths-only]

--ref builds that commit instead of the work tree (e.g. `--ref main` for "before").
--paths-only measures the reader's paths alone (one build, no generated pages).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from harness import clipboard  # noqa: E402
from harness.chromium import CHROMIUM, launch  # noqa: E402
from harness.serve import serve  # noqa: E402
from harness.site import build_project, own_assets, project_at  # noqa: E402

VOICEMAIL = "call-back-team-mistake"
PLAYBOOK_LINK = "Your team dropped the ball"


def add_page(project: Path, work: Path, name: str, ids: list[str]) -> Path:
    """A copy of the project with one more page holding these cards."""
    copy = work / name
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".venv*", "site", ".git", "node_modules"))
    config = yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("watch", None)  # only for `mkdocs serve`
    config["nav"].append({name: f"{name}.md"})
    (copy / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cards = "\n\n".join(f'{{{{ template_card("{i}") }}}}' for i in ids)
    (copy / "docs" / f"{name}.md").write_text(
        f"---\ntitle: {name}\ndescription: Generated for the benchmark.\n---\n\n# {name}\n\n{cards}\n",
        encoding="utf-8")
    return copy


def generated_page(project: Path, work: Path, name: str, count: int) -> Path:
    """A copy of the project with one more page holding `count` cards (copies of the pack's)."""
    copy = add_page(project, work, name, [])
    ids = many_templates(copy, count)
    # A stress test past the build limits: raised in this copy only (the real limits
    # are the maintainers', in make_it_right/data/docs-files.yml).
    limits_file = copy / "make_it_right" / "data" / "docs-files.yml"
    data = yaml.safe_load(limits_file.read_text(encoding="utf-8"))
    data["limits"]["max_cards_per_page"] = count
    data["limits"]["max_cards"] += count
    limits_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    cards = "\n\n".join(f'{{{{ template_card("{i}") }}}}' for i in ids)
    (copy / "docs" / f"{name}.md").write_text(
        f"---\ntitle: {name}\ndescription: Generated.\n---\n\n# {name}\n\n{cards}\n",
        encoding="utf-8")
    return copy


def many_templates(project: Path, count: int) -> list[str]:
    """`count` template ids: the pack's own, then copies under new ids."""
    folder = project / "templates"
    ids = []
    originals = sorted(folder.rglob("*.yml"))
    for number in range(count):
        source = originals[number % len(originals)]
        if number < len(originals):
            ids.append(source.stem)
            continue
        new_id = f"{source.stem}-copy-{number}"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["id"] = new_id
        data["title"] = f"{data['title']} ({number})"
        (source.parent / f"{new_id}.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                                   encoding="utf-8")
        ids.append(new_id)
    return ids


# Issue #10's targets, in milliseconds.
TARGETS = {"typed median": 4, "typed p95": 16, "handler median": 2}
ROUNDS = 5
KEYS = 200

# Keystroke to updated preview: from the key event's time stamp (when the browser
# took the key) to the end of the style and layout its input causes, measured in a
# listener that runs after the filler's own.
TIME_TYPING = """() => {
    window.__times = [];
    let down = 0;
    addEventListener("keydown", (event) => { down = event.timeStamp; }, true);
    addEventListener("input", () => {
        document.body.offsetHeight;
        window.__times.push(performance.now() - down);
    });
}"""

# The input handler alone: a synthetic input event, no layout.
HANDLER = """([name, count]) => {
    const input = document.querySelector(`[data-mir-fields] [name="${name}"]`);
    const times = [];
    for (let i = 0; i < count; i++) {
        input.value += "ab"[i % 2];
        const start = performance.now();
        input.dispatchEvent(new Event("input", { bubbles: true }));
        times.push(performance.now() - start);
    }
    return times;
}"""


def summary(rounds: list[list[float]]) -> tuple[float, float, list[float]]:
    """Median and p95 of the quietest round (the others lost time to other processes;
    the first 10% of each round warms up), and every round's median."""
    kept = [sorted(times[len(times) // 10:]) for times in rounds]
    medians = [statistics.median(times) for times in kept]
    best = kept[medians.index(min(medians))]
    return min(medians), best[int(len(best) * 0.95)], medians


def field_of(page) -> str:
    return "client_name" if page.locator('[data-mir-fields] [name="client_name"]').count() else "your_name"


def typed(page) -> tuple[float, float, list[float]]:
    """Real key presses into the focus view of a card that uses the busiest blank, which
    fills that card's preview and every card on the page that uses it."""
    name = field_of(page)
    page.evaluate(TIME_TYPING)
    fill = page.locator(f'.mir-card:has(.mir-blank[data-field="{name}"]) [data-mir-action="fill"]').first
    if page.locator("[data-mir-focus]").count():
        fill.click()
        target = page.locator(f'[data-mir-focus-fields] [name="{name}"]')
    else:  # before the focus view: the page-wide panel, open or behind its toggle
        if page.locator("[data-mir-toggle]").count():
            page.click("[data-mir-toggle]")
        target = page.locator(f'[data-mir-fields] [name="{name}"]')
    target.focus()
    rounds = []
    for _ in range(ROUNDS):
        page.evaluate("window.__times.length = 0")
        page.keyboard.type("ab" * (KEYS // 2))
        rounds.append(page.evaluate("window.__times"))
    return summary(rounds)


def handler(page) -> tuple[float, float, list[float]]:
    name = field_of(page)
    return summary([page.evaluate(HANDLER, [name, KEYS]) for _ in range(ROUNDS)])


SCREENS = {"desktop 1280 px": {"width": 1280, "height": 900},
           "phone 390 px": {"width": 390, "height": 844}}

# Where the page and every scrolled box inside it stand (a phone's focus view scrolls
# inside its sheet, not the window).
SCROLLED = """() => [document.scrollingElement, ...document.querySelectorAll('dialog, [data-mir-focus] *')]
    .reduce((sum, e) => sum + (e ? e.scrollTop : 0), 0)"""


def flow(browser, base: str, values: dict[str, str], screen: dict[str, int]) -> dict[str, int]:
    """Home page to a copied, filled voicemail for a new client, as a reader does it:
    every click and key press counted, and every pixel scrolled to bring the next
    thing to press into view."""
    context = browser.new_context(viewport=screen, is_mobile=screen["width"] < 500,
                                  has_touch=screen["width"] < 500,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    clicks = keys = 0
    scrolled = [0]
    page.goto(base, wait_until="networkidle")

    def scroll_to(locator):
        before = page.evaluate(SCROLLED)
        locator.scroll_into_view_if_needed()
        scrolled[0] += abs(page.evaluate(SCROLLED) - before)

    link = page.locator(f'.md-content a:text-is("{PLAYBOOK_LINK}")').first
    scroll_to(link)
    link.click()
    clicks += 1
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    card = page.locator(f'.mir-card[data-template="{VOICEMAIL}"]')
    fill = card.locator('[data-mir-action="fill"]')
    scroll_to(fill)
    fill.click()
    clicks += 1
    focus_view = page.locator("[data-mir-focus]")
    if focus_view.count() and focus_view.is_visible():
        # The focus view: its blanks in text order, the first one focused.
        names = focus_view.locator("[data-mir-focus-fields] [name]").evaluate_all(
            "i => i.map(x => x.name).filter(n => n[0] !== '@')")
        for number, name in enumerate(names):
            if number:
                page.keyboard.press("Tab")
                keys += 1
                while page.evaluate("document.activeElement.name") != name:
                    page.keyboard.press("Tab")
                    keys += 1
            page.keyboard.type(values[name])
            keys += len(values[name])
        copy = focus_view.locator('[data-mir-action="copy"]')
        scroll_to(copy)
    else:
        # Before: the page-wide panel; click into each of the voicemail's blanks.
        names = card.locator(".mir-blank").evaluate_all("b => [...new Set(b.map(x => x.dataset.field))]")
        for name in names:
            box = page.locator(f"#mir-f-{name}")
            scroll_to(box)
            box.click()
            clicks += 1
            page.keyboard.type(values[name])
            keys += len(values[name])
        copy = card.locator('[data-mir-action="copy"]')
        scroll_to(copy)
    clipboard.clear(page)
    copy.click()
    clicks += 1
    filled = "[" not in clipboard.copied(page)
    context.close()
    return {"clicks": clicks, "keystrokes": keys, "scroll px": int(scrolled[0]), "filled": filled}


def back_to_first_client(browser, base: str, screen: dict[str, int]) -> dict[str, int]:
    """Two clients in a row in the voicemail's focus view (their names typed, not counted),
    then back to the first: the taps and scroll that takes, from inside the focus view."""
    context = browser.new_context(viewport=screen, is_mobile=screen["width"] < 500,
                                  has_touch=screen["width"] < 500)
    page = context.new_page()
    page.goto(base + "playbooks/team-mistake/", wait_until="networkidle")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    focus = page.locator("[data-mir-focus]")
    page.locator(f'.mir-card[data-template="{VOICEMAIL}"] [data-mir-action="fill"]').click()
    focus.locator("[name=client_name]").fill("Priya")
    focus.locator("[data-mir-focus-new]").click()
    focus.locator("[name=client_name]").fill("Tomás")
    clicks = 0
    scrolled = [0]

    def press(locator):
        before = page.evaluate(SCROLLED)
        locator.scroll_into_view_if_needed()
        scrolled[0] += abs(page.evaluate(SCROLLED) - before)
        locator.click()

    here = focus.locator("[data-mir-focus-case]")
    if here.evaluate("e => e.tagName") == "BUTTON":  # the client menu
        press(here)
        press(focus.get_by_role("button", name="Priya", exact=True))
        clicks = 2
    else:  # before: close the view, open every blank, pick from the list
        press(focus.locator("[data-mir-focus-close]"))
        press(page.locator("[data-mir-bar] [data-mir-open]"))
        before = page.evaluate(SCROLLED)
        page.locator("#mir-case-pick").scroll_into_view_if_needed()
        scrolled[0] += abs(page.evaluate(SCROLLED) - before)
        page.select_option("#mir-case-pick", label="Priya")
        clicks = 3
    back = page.locator("[data-mir-bar-case]").text_content().endswith("Priya")
    context.close()
    return {"clicks": clicks, "scroll px": int(scrolled[0]), "back": back}


def keyboard_two_clients(browser, base: str, values: dict[str, str]) -> dict[str, int]:
    """Keyboard only, 1280 px: Tab to the voicemail's "Fill this", fill and copy it for
    Priya, start a new client from the focus view, fill (only the client's own blanks
    are empty now) and copy for Tomás, then back to Priya through "Client: …"."""
    context = browser.new_context(viewport=SCREENS["desktop 1280 px"],
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + "playbooks/team-mistake/", wait_until="networkidle")
    page.wait_for_selector("[data-mir-fields]:not([hidden])")
    keys = [0]
    scrolled = [0]
    where = [page.evaluate(SCROLLED)]

    def press(key: str) -> None:
        page.keyboard.press(key)
        keys[0] += 1
        now = page.evaluate(SCROLLED)
        scrolled[0] += abs(now - where[0])
        where[0] = now

    def tab_to(selector: str, limit: int = 150) -> None:
        for _ in range(limit):
            if page.evaluate("s => document.activeElement?.matches(s)", selector):
                return
            press("Tab")
        raise RuntimeError(f"Tab never reached {selector}")

    def type_in(text: str) -> None:
        page.keyboard.type(text)
        keys[0] += len(text)

    def fill_and_copy(own: dict[str, str]) -> None:
        focus = page.locator("[data-mir-focus]")
        names = focus.locator("[data-mir-focus-fields] [name]").evaluate_all(
            "i => i.map(x => x.name).filter(n => n[0] !== '@')")
        for name in names:
            box = f'[data-mir-focus-fields] [name="{name}"]'
            if page.locator(box).input_value():
                continue  # the reader's own details, kept from the first client
            tab_to(box)
            type_in(own.get(name, values[name]))
        clipboard.clear(page)
        tab_to('[data-mir-focus-actions] [data-mir-action="copy"]')
        press("Enter")
        clipboard.copied(page)

    tab_to(f'.mir-card[data-template="{VOICEMAIL}"] [data-mir-action="fill"]', limit=400)
    press("Enter")
    page.wait_for_selector("[data-mir-focus][open]")
    fill_and_copy({"client_name": "Priya"})
    tab_to("[data-mir-focus-new]")
    press("Enter")
    fill_and_copy({"client_name": "Tomás", "project_name": "your March invoice"})
    tab_to("[data-mir-focus-case]")
    press("Enter")
    switched = False
    if page.locator("[data-mir-focus] [data-mir-case-menu]").count():  # the client menu
        tab_to('[data-mir-case-menu] [data-mir-switch]:not([aria-current])')
        press("Enter")
        switched = True
    back = switched and page.locator('[data-mir-focus] [name="client_name"]').input_value() == "Priya"
    context.close()
    return {"keystrokes": keys[0], "scroll px": int(scrolled[0]), "back": back}


def example_values() -> dict[str, str]:
    """Every field's example, as a reader would type it."""
    sys.path.insert(0, str(ROOT))
    from make_it_right.loader import load_pack

    return {n: f.example for t in load_pack(ROOT / "templates").templates.values()
            for n, f in t.fields.items()}


def reader_paths(browser, base: str, values: dict) -> tuple[dict, dict, dict]:
    """The reader's paths on one served build: to a copied voicemail and back to the
    first client on each screen, and two clients by keyboard alone."""
    paths = {name: flow(browser, base, values, screen) for name, screen in SCREENS.items()}
    switches = {name: back_to_first_client(browser, base, screen) for name, screen in SCREENS.items()}
    return paths, switches, keyboard_two_clients(browser, base, values)


def paths_only(ref: str | None) -> None:
    """The reader's paths alone, on one build of the handbook as it is."""
    from playwright.sync_api import sync_playwright

    values = example_values()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = project_at(ref, work)
        site = work / "site"
        build_project(project, site, strict=False)
        with sync_playwright() as p:
            browser = launch(p, CHROMIUM)
            with serve(site) as base:
                paths, switches, keyboard = reader_paths(browser, base, values)
            browser.close()
    print(f"{'built from':<34}{ref or 'work tree'}")
    print_paths(paths, switches, keyboard)
    print(f"{'':<34}load average {os.getloadavg()[0]:.1f}")


def print_paths(paths: dict, switches: dict, keyboard: dict) -> None:
    for name, path in paths.items():
        print(f"{'to a copied voicemail, ' + name:<34}{path['clicks']} clicks, {path['keystrokes']} "
              f"keystrokes, {path['scroll px']:,} px scrolled (filled: {path['filled']})")
    for name, path in switches.items():
        print(f"{'back to the first client, ' + name:<34}{path['clicks']} clicks, "
              f"{path['scroll px']:,} px scrolled (back: {path['back']})")
    print(f"{'two clients by keyboard, 1280 px':<34}{keyboard['keystrokes']} keystrokes, "
          f"{keyboard['scroll px']:,} px scrolled (back to the first: {keyboard['back']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="build this git ref instead of the work tree")
    parser.add_argument("--paths-only", action="store_true",
                        help="only the reader's paths: one build, no generated pages")
    args = parser.parse_args()
    if args.paths_only:
        return paths_only(args.ref)
    from playwright.sync_api import sync_playwright

    values = example_values()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = project_at(args.ref, work)
        twenty = add_page(project, work, "twenty", many_templates(project, 20))
        site = work / "site"
        build_project(twenty, site, strict=False)
        big = generated_page(project, work, "five-hundred", 500)
        big_site = work / "big-site"
        build_project(big, big_site, strict=False)
        index = site / "search" / "search_index.json"
        index_bytes = index.read_bytes()
        # Without the two generated pages: today's pages only.
        own_bytes = sum(own_assets(site).values())
        with sync_playwright() as p:
            browser = launch(p, CHROMIUM)
            with serve(site) as base:
                paths, switches, keyboard = reader_paths(browser, base, values)
                page = browser.new_page()
                page.goto(base + "twenty/", wait_until="networkidle")
                page.wait_for_selector("[data-mir-fields]:not([hidden])")
                twenty_ms = typed(page)
            with serve(big_site) as base:
                page = browser.new_page()
                page.goto(base + "five-hundred/", wait_until="networkidle")
                page.wait_for_selector("[data-mir-fields]:not([hidden])", timeout=60000)
                big_ms = handler(page)
            browser.close()
        plain_index = build_index_size(project, work)
    print(f"{'built from':<34}{args.ref or 'work tree'}")
    print_paths(paths, switches, keyboard)
    print(f"{'keystroke to preview, 20 cards':<34}median {twenty_ms[0]:.2f} ms "
          f"(target {TARGETS['typed median']}), p95 {twenty_ms[1]:.2f} ms (target {TARGETS['typed p95']})")
    print(f"{'handler alone, 500 cards':<34}median {big_ms[0]:.2f} ms (target {TARGETS['handler median']}), "
          f"p95 {big_ms[1]:.2f} ms")
    print(f"{'':<34}quietest of {ROUNDS} rounds of {KEYS} keys; each round's median: "
          f"20 cards {', '.join(f'{m:.2f}' for m in twenty_ms[2])}; "
          f"500 cards {', '.join(f'{m:.2f}' for m in big_ms[2])}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'search index, gzipped':<34}{plain_index:,} bytes (with the 20-card page: "
          f"{len(gzip.compress(index_bytes, 9)):,})")
    print(f"{'own JS and CSS, gzipped':<34}{own_bytes:,} bytes (as every page loads them, built)")


def build_index_size(project: Path, work: Path) -> int:
    site = work / "plain-site"
    build_project(project, site, strict=False)
    return len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))


if __name__ == "__main__":
    main()
