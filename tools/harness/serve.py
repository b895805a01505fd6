"""Serve a built site over HTTP on a free loopback port."""

from __future__ import annotations

import functools
import gzip
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


# What a server without the offline copy answers for the build's service worker:
# registering it costs nothing, where the real one would copy the whole site into
# every new browser context (tests/browser/test_offline.py serves the real one).
STAND_IN_WORKER = b"// The test server's stand-in: no offline copy.\n"
# An empty page of the served origin (harness.tab cleans storage from it): cheaper to
# answer here than through a Playwright route, which intercepts the tab's requests.
BLANK_PATH = "/__blank__"
# The search index's place in a build. A server that is not `searchable` answers it with
# the build's own index emptied of documents (same languages and pipeline): Material's
# search worker fetches and indexes the whole file on every page load, about a quarter
# of a test page load's renderer CPU, for tests that never search.
SEARCH_INDEX = "search/search_index.json"
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


class _SiteHandler(SimpleHTTPRequestHandler):
    # The sitemap names the deployed site; set per server (see serve).
    sitemap_from: str | None = None
    offline: bool = False
    searchable: bool = True

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        # One build at the root, or every language's build in its folder (/en/, /ru/).
        if self.sitemap_from and path.endswith("/sitemap.xml"):
            self._send_sitemap(path)
        elif path == BLANK_PATH:
            self._send(b"<!doctype html><title>blank</title>", "text/html")
        elif not self.offline and path.endswith("/sw.js"):
            self._send(STAND_IN_WORKER, "text/javascript")
        elif not self.searchable and path.endswith("/" + SEARCH_INDEX):
            self._send_empty_index(path)
        else:
            super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_empty_index(self, path: str) -> None:
        index = json.loads(Path(self.translate_path(path)).read_bytes())
        self._send(json.dumps({"config": index["config"], "docs": []}).encode(), "application/json")

    def _send_sitemap(self, path: str) -> None:
        """The sitemap pointing at this server, as `mkdocs serve` serves its own:
        Material's instant navigation only takes over links the sitemap lists, and it
        matches them on host and path but keeps the sitemap's port."""
        base = f"http://{self.headers.get('Host', '127.0.0.1')}/"
        sitemap = Path(self.translate_path(path))
        # The language switcher reads every language's sitemap: a server of one
        # language's build answers the others' with an empty one (no page to keep).
        text = sitemap.read_text(encoding="utf-8") if sitemap.is_file() else EMPTY_SITEMAP
        body = text.replace(self.sitemap_from, base).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _LikeGitHubPages(_SiteHandler):
    """Static files with gzip and a ten-minute cache, as GitHub Pages sends them
    (for Lighthouse, which weighs what a page transfers)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in self.COMPRESSIBLE and path.is_file()):
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


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser may drop a connection mid-answer (a page closed while it loads):
        that is no error of the site's, so print no traceback for it."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, sitemap_from: str | None = None,
          like_github_pages: bool = False, offline: bool = False, port: int = 0,
          searchable: bool = True) -> Iterator[str]:
    """Yield the base URL of `site` served on 127.0.0.1; with `sitemap_from` (the
    configured site_url), the sitemap is served pointing at this server instead;
    with `offline`, the build's real service worker (else a stand-in that caches
    nothing); unless `searchable`, the search index without its documents (see
    SEARCH_INDEX). The files are served as they are on disk, so several servers can
    share one build."""
    base = _LikeGitHubPages if like_github_pages else _SiteHandler
    handler = functools.partial(
        type("Handler", (base,), {"sitemap_from": sitemap_from, "offline": offline,
                                  "searchable": searchable}),
        directory=str(site))
    server = _QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
