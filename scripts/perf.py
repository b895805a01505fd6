"""Issue 24's numbers, per page type: what a page transfers (gzipped, beside a stock
Material site with the same content and beside the page's floor), Lighthouse mobile
performance, total blocking time and layout shift, keystroke to the next frame at 20 and 500 cards,
and how soon "Check my draft" is ready on Lighthouse's mobile throttle. Printed, not
asserted: timing belongs here, not in `make test` (tests/site/test_budgets.py holds
the byte budgets).

    make perf             (or: .venv/bin/python scripts/perf.py [--ref main] [--runs N] [--no-lighthouse])

Run it under `flock /work/wt/heavy.lock` on a shared machine, and read every time as
noisy when others are running (the load average is printed).

- Bytes: every response a fresh phone-sized browser receives (the page, what it loads,
  its search worker's index), as encoded on the wire, served gzipped like GitHub Pages,
  waiting until the network is idle. The service worker's precache is not counted: the
  server answers a stand-in worker, as in the tests.
- Stock Material: every built page's article (data-* attributes, scripts and styles
  left out) as a page of a default Material site (`font: false`, since this machine
  reaches no font host), given our search index (so the difference is the theme's
  settings, our code and our markup, not how much of each page is indexed).
- Floor: the same article as a minimal page with one small stylesheet, weighed as files.
- Lighthouse: the pinned tools/lighthouse, mobile preset (simulated slow 4G, 4x CPU),
  median of --runs, ours and stock interleaved.
- Keystroke to frame: real key presses (one every 60 ms) into a card's blank, from the
  key event's time stamp to the end of the next frame (a message posted from the
  requestAnimationFrame after the input: style, layout and paint have run), no CPU
  throttle; 240 keys, the first 20 left out as warm-up.
- Start-up restyles (with --pages): the style recalculations Chromium runs while a
  page starts (no throttle, one load; counted, not timed, so a busy machine does not
  move them): elements restyled in all, and how many passes went over the whole page.
  Each whole-page pass is one forced by a change that invalidates every element
  (the palette's attribute on <body> was two of them: web/page/palette.js).
- Draft ready: navigation start to the form shown, in Chromium with Lighthouse's
  devtools-applied mobile throttle (562.5 ms request latency, 1,474 kbit/s down,
  4x CPU), and from there to the first finished check of a pasted draft; median of 3.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "scripts")]

from filler_bench import add_page, field_of, generated_page, many_templates  # noqa: E402
from harness.chromium import CHROMIUM, launch  # noqa: E402
from harness.serve import serve  # noqa: E402
from harness.site import build_project, project_at  # noqa: E402
from lighthouse import ensure_lighthouse, audit  # noqa: E402

PAGES = {
    "home": "",
    "playbook": "playbooks/team-mistake/",
    "template index": "templates/",
    "check my draft": "check-my-draft/",
    "phrase bank": "phrase-bank/",
    "checklist": "checklists/team-mistake/",
}
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
# Lighthouse's mobileSlow4G as its devtools throttling applies it (core/config/constants.js).
THROTTLE = {"latency": 150 * 3.75, "download": 1.6 * 1024 * 0.9 * 1024 / 8,
            "upload": 750 * 0.9 * 1024 / 8, "cpu": 4}
KEYS, WARM_UP, KEY_DELAY_MS = 240, 20, 60
DRAFT_RUNS = 3

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
LEFT_OUT = [re.compile(p, re.S) for p in (
    r"<script\b.*?</script>", r"<link\b[^>]*>", r"<style\b.*?</style>", r'\sdata-[\w-]+(="[^"]*")?')]
FLOOR_CSS = ("body{max-width:42rem;margin:0 auto;padding:1rem;font:1rem/1.5 system-ui,sans-serif}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem}"
             "pre{white-space:pre-wrap}a{color:#1a5fb4}\n")


def article(page: Path) -> str:
    """A built page's content, without our data, scripts and styles."""
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    text = found.group(1) if found else ""
    for pattern in LEFT_OUT:
        text = pattern.sub("", text)
    return text


def stock_site(site: Path, work: Path) -> Path:
    """A default Material site with every built page's article as its content."""
    project = work / "stock"
    docs = project / "docs"
    for page in sorted(site.rglob("index.html")):
        folder = page.parent.relative_to(site)
        if folder.parts and folder.parts[0] in ("assets", "search"):
            continue
        target = docs / ("index.md" if not folder.parts else f"{folder.as_posix()}.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<div>\n{article(page)}\n</div>\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Stock Material", "theme": {"name": "material", "font": False},
        "plugins": ["search"]}), encoding="utf-8")
    build_project(project, work / "stock-site", strict=False)
    # The same search index as ours: the comparison weighs the theme and our code,
    # not how much of each page is indexed.
    shutil.copyfile(site / "search" / "search_index.json", work / "stock-site" / "search" / "search_index.json")
    return work / "stock-site"


def floor_bytes(site: Path, path: str) -> int:
    title = re.search(r"<title>(.*?)</title>", (site / path / "index.html").read_text(encoding="utf-8"), re.S)
    page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width,initial-scale=1"><title>{title.group(1) if title else ""}</title>'
            f'<link rel="stylesheet" href="/floor.css"></head><body><main>{article(site / path / "index.html")}'
            f"</main></body></html>")
    return len(gzip.compress(page.encode(), 9)) + len(gzip.compress(FLOOR_CSS.encode(), 9))


def wire_size(request) -> int:
    """A response's headers and body as sent; a worker's script reports no body size,
    so it is gzipped again as the server gzips it."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    response = request.response()
    if not body and response and response.status == 200:
        data = response.body()
        body = len(gzip.compress(data)) if response.headers.get("content-encoding") == "gzip" else len(data)
    return body + sizes["responseHeadersSize"]


# The draft page's first use: a focus on the form fetches the checks and their rules.
FIRST_USE = """() => { document.querySelector("[data-mir-draft-text]").focus(); }"""


def transferred(browser, url: str, first_use: bool = False) -> dict[str, int]:
    """Bytes on the wire (bodies as encoded, and headers) for one fresh visit, by path;
    with first_use, also what the draft page fetches once the reader reaches for it."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    sizes: dict[str, int] = {}

    def finished(request) -> None:
        path = "/" + request.url.split("/", 3)[3].split("?")[0]
        sizes[path] = sizes.get(path, 0) + wire_size(request)

    page.on("requestfinished", finished)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    if first_use:
        page.wait_for_selector("[data-mir-draft]:not([hidden])")
        page.evaluate(FIRST_USE)
        page.wait_for_function("() => window.mirDraft")
        page.wait_for_load_state("networkidle")
    context.close()
    return sizes


def restyles(browser, url: str) -> tuple[int, int]:
    """Elements restyled while the page starts, and passes over (nearly) all of them."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1000)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    parsers = collections.Counter((e["pid"], e["tid"]) for e in events if e["name"] == "ParseHTML"
                                  and e.get("args", {}).get("beginData", {}).get("url") == url)
    thread = parsers.most_common(1)[0][0]
    counts = [e["args"].get("elementCount", 0) for e in events
              if e["name"] == "UpdateLayoutTree" and e.get("ph") == "X" and (e["pid"], e["tid"]) == thread]
    return sum(counts), sum(count >= 0.9 * elements for count in counts)


def print_files(name: str, mine: dict[str, int], theirs: dict[str, int]) -> None:
    """One page's responses, ours beside stock's, largest difference first."""
    print(f"{name}, by file (gz bytes on the wire, headers included):")
    paths = sorted(mine.keys() | theirs.keys(), key=lambda p: theirs.get(p, 0) - mine.get(p, 0))
    for path in paths:
        ours, stock = mine.get(path, 0), theirs.get(path, 0)
        print(f"  {path:<58}{ours:>8,}{stock:>8,}{ours - stock:>+8,}")
    print(f"  {'total':<58}{sum(mine.values()):>8,}{sum(theirs.values()):>8,}"
          f"{sum(mine.values()) - sum(theirs.values()):>+8,}")


def lighthouse(urls: dict[str, str], runs: int, work: Path
               ) -> dict[str, tuple[list[int], float, float]]:
    """Performance scores, median TBT and median layout shift per key, the runs interleaved."""
    results: dict[str, list[dict]] = {k: [] for k in urls}
    for _ in range(runs):
        for key, url in urls.items():
            results[key].append(audit(url, work / "report.json"))
    return {k: ([round(r["categories"]["performance"]["score"] * 100) for r in rs],
                statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in rs),
                statistics.median(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in rs))
            for k, rs in results.items()}


# Keystroke to the end of the next frame, recorded in listeners added after the page's own.
TIME_FRAMES = """() => {
    window.__frames = [];
    let down = 0;
    addEventListener("keydown", (event) => { down = event.timeStamp; }, true);
    addEventListener("input", () => {
        const start = down;
        requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => window.__frames.push(performance.now() - start);
            channel.port2.postMessage(0);
        });
    });
}"""


def keystroke_to_frame(browser, url: str | None) -> tuple[float, float]:
    """p50 and p95; with no URL, on a page holding one text box and nothing else (what
    waiting for the next frame alone costs on this machine)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if url is None:
        page.set_content("<input>")
        page.evaluate(TIME_FRAMES)
        target = page.locator("input")
    else:
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector("[data-mir-fields]:not([hidden])", timeout=120_000)
        name = field_of(page)
        page.evaluate(TIME_FRAMES)
        card = page.locator(f'.mir-card:has(.mir-blank[data-field="{name}"])').first
        card.locator('[data-mir-action="fill"]').click()
        target = page.locator(f'[data-mir-focus-fields] [name="{name}"]')
        if not target.count():
            target = page.locator(f'[data-mir-fields] [name="{name}"]')
    target.focus()
    page.keyboard.type("ab" * (KEYS // 2), delay=KEY_DELAY_MS)
    page.wait_for_timeout(200)
    times = sorted(page.evaluate("window.__frames")[WARM_UP:])
    page.close()
    return statistics.median(times), times[int(len(times) * 0.95)]


# When the draft form is shown, by a watcher that starts before the page's scripts.
WATCH_DRAFT = """new MutationObserver((_, observer) => {
    const form = document.querySelector("[data-mir-draft]");
    if (form && !form.hidden) { window.__ready = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });"""
DRAFT = ("Hi Dana,\n\nSorry for the inconvenience. The report was late because our supplier "
         "missed the deadline. It will be fixed soon.\n\nBest,\nSam")


def draft_ready(browser, url: str) -> tuple[float, float]:
    """Milliseconds to the form shown, and from the draft pasted to its findings shown."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(WATCH_DRAFT)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": THROTTLE["latency"],
        "downloadThroughput": THROTTLE["download"], "uploadThroughput": THROTTLE["upload"]})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE["cpu"]})
    page.goto(url)
    page.wait_for_function("() => window.__ready !== undefined", timeout=60_000)
    ready = page.evaluate("window.__ready")
    started = page.evaluate("""(text) => {
        const area = document.querySelector("[data-mir-draft-text]");
        area.value = text;
        area.dispatchEvent(new Event("input", { bubbles: true }));
        return performance.now();
    }""", DRAFT)
    page.wait_for_function("() => document.querySelector('[data-mir-draft-sizes]').textContent.length > 0",
                           timeout=60_000)
    checked = page.evaluate("performance.now()") - started
    context.close()
    return ready, checked


def draft_only(ref: str | None, runs: int) -> int:
    """The draft page alone, for working on its start-up: bytes, then time to ready."""
    from playwright.sync_api import sync_playwright

    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        site = work / "site"
        build_project(project_at(ref, work), site)
        path = PAGES["check my draft"]
        with sync_playwright() as p, serve(site, like_github_pages=True) as ours:
            browser = launch(p, CHROMIUM)
            size = sum(transferred(browser, ours + path).values())
            used = transferred(browser, ours + path, first_use=True)
            drafts = [draft_ready(browser, ours + path) for _ in range(runs)]
            browser.close()
    load.append(os.getloadavg()[0])
    print(f"built from {ref or 'the work tree'}; load average {', '.join(f'{x:.1f}' for x in load)}")
    print(f"check my draft: {size:,} bytes gz in one fresh visit")
    print_first_use(used)
    print_draft(drafts)
    return 0


def print_first_use(used: dict[str, int]) -> None:
    """What the draft page has transferred once the reader reaches for the form, and
    which of it came on that first use (the checks and the files they check with)."""
    later = {path: n for path, n in used.items() if path.startswith("/javascripts/")
             and path.endswith((".json", "checks.min.js"))}
    print(f"check my draft once the reader reaches for the form: {sum(used.values()):,} bytes gz "
          f"({', '.join(f'{p} {n:,}' for p, n in later.items())} on first use)")


def print_draft(drafts: list[tuple[float, float]]) -> None:
    ready = statistics.median(r for r, _ in drafts)
    checked = statistics.median(c for _, c in drafts)
    print(f"check my draft, mobile throttle: ready {ready:,.0f} ms (target 2,000; runs "
          f"{', '.join(f'{r:,.0f}' for r, _ in drafts)}), first check {checked:,.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="build this git ref instead of the work tree")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (0: none)")
    parser.add_argument("--draft-only", action="store_true",
                        help="only the draft page: its bytes and time to ready (median of --runs, at least 3)")
    parser.add_argument("--pages", nargs="+", choices=PAGES, metavar="PAGE",
                        help="only these page types (quoted names), with each one's bytes by file; "
                             "no keystroke or draft-ready timing unless 'check my draft' is one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.draft_only:
        return draft_only(args.ref, max(args.runs, DRAFT_RUNS))

    pages = {name: PAGES[name] for name in args.pages} if args.pages else PAGES
    if args.runs:
        ensure_lighthouse()
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = project_at(args.ref, work)
        site = work / "site"
        build_project(project, site)
        stock = stock_site(site, work)
        if not args.pages:
            twenty = add_page(project, work, "twenty", many_templates(project, 20))
            build_project(twenty, work / "twenty-site", strict=False)
            big = generated_page(project, work, "five-hundred", 500)
            build_project(big, work / "big-site", strict=False)
        with (sync_playwright() as p, serve(site, like_github_pages=True) as ours,
              serve(stock, like_github_pages=True) as theirs):
            browser = launch(p, CHROMIUM)
            files = {name: (transferred(browser, ours + path), transferred(browser, theirs + path))
                     for name, path in pages.items()}
            sizes = {name: (sum(mine.values()), sum(stock.values()), floor_bytes(site, pages[name]))
                     for name, (mine, stock) in files.items()}
            urls = {(side, name): base + path for name, path in pages.items()
                    for side, base in (("ours", ours), ("stock", theirs))}
            restyled = {key: restyles(browser, url) for key, url in urls.items()} if args.pages else {}
            scores = lighthouse(urls, args.runs, work) if args.runs else {}
            load.append(os.getloadavg()[0])
            typed = []
            if not args.pages:
                typed.append(("a bare text box", keystroke_to_frame(browser, None), "(the frame wait alone)"))
                with serve(work / "twenty-site") as base:
                    typed.append(("20 cards", keystroke_to_frame(browser, base + "twenty/"), "(target p95 16)"))
                with serve(work / "big-site") as base:
                    typed.append(("500 cards", keystroke_to_frame(browser, base + "five-hundred/"),
                                  "(target p95 33)"))
                load.append(os.getloadavg()[0])
            drafts, used = [], {}
            if "check my draft" in pages:
                drafts = [draft_ready(browser, ours + PAGES["check my draft"]) for _ in range(DRAFT_RUNS)]
                used = transferred(browser, ours + PAGES["check my draft"], first_use=True)
            browser.close()
    print(f"built from {args.ref or 'the work tree'}; load average {', '.join(f'{x:.1f}' for x in load)}")
    print(f"{'page':<16}{'ours gz':>9}{'stock':>9}{'+/-':>8}{'floor':>8}{'perf':>6}{'range':>8}{'TBT':>6}"
          f"{'CLS':>6}{'stock perf':>12}{'TBT':>6}{'CLS':>6}")
    for name, (mine, theirs, floor) in sizes.items():
        line = f"{name:<16}{mine:>9,}{theirs:>9,}{mine - theirs:>+8,}{floor:>8,}"
        if scores:
            (ours_perf, ours_tbt, ours_cls) = scores["ours", name]
            (stock_perf, stock_tbt, stock_cls) = scores["stock", name]
            line += (f"{round(statistics.median(ours_perf)):>6}{f'{min(ours_perf)}-{max(ours_perf)}':>8}"
                     f"{int(ours_tbt):>6}{ours_cls:>6.2f}{round(statistics.median(stock_perf)):>12}"
                     f"{int(stock_tbt):>6}{stock_cls:>6.2f}")
        print(line)
    if scores:
        print(f"(Lighthouse: median of {args.runs} runs, mobile preset; bytes in one fresh visit, gzipped)")
    if args.pages:
        for name, (mine, stock) in files.items():
            print_files(name, mine, stock)
        print("start-up restyles (elements restyled; passes over the whole page), ours vs stock:")
        for name in pages:
            (ours_n, ours_full), (stock_n, stock_full) = restyled["ours", name], restyled["stock", name]
            print(f"  {name:<16}{ours_n:>7,} ({ours_full}){stock_n:>9,} ({stock_full})")
    if used:
        print_first_use(used)
    for what, (p50, p95), target in typed:
        print(f"keystroke to frame, {what + ':':<16} p50 {p50:.1f} ms, p95 {p95:.1f} ms {target}")
    if drafts:
        print_draft(drafts)
    print_done_when(sizes, files, pages, scores, typed, drafts)
    return 0


def print_done_when(sizes, files, pages, scores, typed, drafts) -> None:
    """Issue 24's "done when", one line a measure, beside its target: what was measured in
    this run (a part left out, by --pages or --runs 0, is not listed)."""
    rows = []
    for name, (mine, theirs, _) in sizes.items():
        over = mine - theirs
        if name == "playbook":  # the issue sets its own HTML aside
            html = "/" + pages[name]
            over -= files[name][0].get(html, 0) - files[name][1].get(html, 0)
        rows.append((f"{name}: bytes over stock" + (" (HTML aside)" if name == "playbook" else ""),
                     f"{over:+,}", "<= +12,288", over <= 12_288))
        if scores:
            perf, tbt, _ = scores["ours", name]
            rows.append((f"{name}: Lighthouse perf (range) / TBT",
                         f"{round(statistics.median(perf))} ({min(perf)}-{max(perf)}) / {int(tbt)} ms",
                         ">= 98" + (", TBT <= 150 ms" if name == "template index" else ""),
                         statistics.median(perf) >= 98 and (name != "template index" or tbt <= 150)))
    for what, (p50, p95), _ in typed[1:]:
        limit = 16 if what == "20 cards" else 33
        rows.append((f"keystroke to frame, {what}: p50 / p95", f"{p50:.1f} / {p95:.1f} ms", f"p95 <= {limit} ms",
                     p95 <= limit))
    if drafts:
        ready = statistics.median(r for r, _ in drafts)
        rows.append(("check my draft ready, mobile throttle", f"{ready:,.0f} ms", "<= 2,000 ms", ready <= 2000))
    print("done when (issue 24):")
    for what, value, target, met in rows:
        print(f"  {what:<44}{value:>22}  {target:<40}{'met' if met else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
