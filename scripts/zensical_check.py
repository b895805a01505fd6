"""Check a Zensical-built handbook in headless Chromium: cards and the fields panel
are on a playbook page, and the page asks no other host for anything.

    .venv/bin/python scripts/zensical_check.py SITE_DIR
"""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from harness.chromium import RECORD_CSP_VIOLATIONS, launch  # noqa: E402
from harness.serve import serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402


# Every <style> on the page, in shadow roots too (a component may keep its own).
_STYLES = """(() => {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.tagName === "STYLE") found.push(el.textContent);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
})()"""


def main(site: Path) -> int:
    problems = []
    with serve(site) as url, sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context()
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url + "playbooks/team-mistake/", wait_until="networkidle")
        cards = page.locator(".mir-card").count()
        panel = page.locator("[data-mir-fields]")
        if cards < 5:
            problems.append(f"{cards} cards on the team-mistake page")
        if panel.count() != 1 or not panel.is_visible():
            problems.append("the fields panel is missing or hidden")
        else:
            page.click("[data-mir-toggle]")  # the panel starts folded
            page.fill('[name="client_name"]', "Zensical")
            shown = page.locator('.mir-blank[data-field="client_name"]').first.text_content()
            if shown != "Zensical":
                problems.append(f"typing did not fill the cards (shows {shown!r})")
        violations = page.evaluate("window.__violations")
        problems += [f"Content-Security-Policy blocked: {v}" for v in violations]
        if any(v.startswith("style-src") for v in violations):
            # What to allow, if the style is Zensical's own: its hash (scripts/zensical.sh).
            for text in page.evaluate(_STYLES):
                digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
                print(f"an inline <style> of {len(text)} characters: 'sha256-{digest}'")
        away = sorted({r for r in requested if urlsplit(r).hostname not in ("127.0.0.1", None)
                       and not r.startswith(("data:", "blob:"))})
        problems += [f"requested from another host: {r}" for r in away]
        browser.close()
    print(f"zensical site: {cards} cards, {len(requested)} requests, "
          f"{len(problems)} problem(s)")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
