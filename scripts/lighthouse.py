"""Run Lighthouse (mobile preset, Debian's Chromium) on the home page, a playbook and the
template index, and print the four category scores and the bytes each page transfers.

    make lighthouse       (or: .venv/bin/python scripts/lighthouse.py [--runs N])

Each page is audited N times (default 3) and the median of each number is printed,
with the range of performance scores, because a simulated phone on a busy machine
moves the performance score by several points from run to run.

The site is built with --strict and served on 127.0.0.1 the way GitHub Pages serves
it: gzip for text, and `Cache-Control: max-age=600`. Lighthouse itself is pinned in
tools/lighthouse/package.json and installed there with npm on first run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PAGES = {"home": "", "playbook": "playbooks/team-mistake/", "template index": "templates/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class LikeGitHubPages(SimpleHTTPRequestHandler):
    """Static files with gzip and a ten-minute cache, as GitHub Pages sends them."""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        if not self.path.split("?")[0].endswith(("/", path.suffix)):
            return super().send_head()  # let the base class redirect /dir to /dir/
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=TOOL, check=True)


def build(dest: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                    "--site-dir", str(dest)], cwd=ROOT, check=True,
                   env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})


def audit(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={FLAGS}",
                    "--output=json", f"--output-path={report}", "--quiet"], check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(site)
        server = ThreadingHTTPServer(("127.0.0.1", 0),
                                     functools.partial(LikeGitHubPages, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES)
              + f"{'bytes':>10}{'perf range':>12}")
        worst = 100
        for name, path in PAGES.items():
            results = [audit(base + path, Path(work) / "report.json") for _ in range(runs)]
            scores = [[round(r["categories"][c]["score"] * 100) for r in results]
                      for c in CATEGORIES]
            medians = [round(statistics.median(s)) for s in scores]
            transferred = statistics.median(
                int(r["audits"]["total-byte-weight"]["numericValue"]) for r in results)
            worst = min(worst, *medians)
            print(f"{name:<16}" + "".join(f"{m:>16}" for m in medians)
                  + f"{int(transferred):>10,}{f'{min(scores[0])}-{max(scores[0])}':>12}")
        server.shutdown()
    print(f"(median of {runs} runs; Lighthouse mobile preset: simulated slow 4G, 4x CPU slowdown)")
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
