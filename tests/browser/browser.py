"""Build and serve a site on 127.0.0.1 and drive Debian's headless Chromium through Playwright."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags for a machine with no general internet (see shared/design.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path):
    """Yield the base URL of `site` served over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(project: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project; a mini-site loads the repository's adapter."""
    root = Path(__file__).resolve().parents[2]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(dest)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
