"""`make serve`: `mkdocs serve`, except that a broken build answers every page with
the build's one-line problems (and reloads to the handbook once they are fixed).

mkdocs 1.6 keeps every request waiting while the last rebuild failed ("the server
will appear stuck"): the browser shows nothing, for as long as the problem stays.

    python scripts/serve.py [mkdocs serve options]
"""

from __future__ import annotations

import html
import logging
import sys

from mkdocs.__main__ import cli
from mkdocs import livereload
from mkdocs.commands import serve
from mkdocs.livereload import LiveReloadServer

PROBLEMS_STATUS = "503 Service Unavailable"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The build has problems</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}}
li{{font-family:ui-monospace,monospace;white-space:pre-wrap;margin:.5rem 0}}</style></head>
<body><h1>The build has problems</h1>
<p>Fix {what} below and save: this page reloads with the handbook.</p>
<ul>{items}</ul></body></html>
"""


class _Problems(logging.Handler):
    """The warnings and errors logged during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == livereload.log.name:  # a request, not the build
            return
        self.lines.extend(line for line in record.getMessage().splitlines() if line.strip())


class ShowProblemsServer(LiveReloadServer):
    """A live-reload server whose failed build is a page, not a stall."""

    def __init__(self, builder, *args, **kwargs) -> None:
        self.problems: list[str] = []

        def build_or_keep_problems(*config) -> None:
            collected = _Problems()  # (other threads log requests meanwhile: see _Handler)
            logging.getLogger("mkdocs").addHandler(collected)
            try:
                builder(*config)
                self.problems = []
            except (Exception, SystemExit) as error:
                self.problems = _one_each(collected.lines + str(error).splitlines()) or [
                    f"the build failed: {type(error).__name__}"]
                for line in self.problems:
                    if line not in collected.lines:  # the log has shown the others
                        print(line, file=sys.stderr)
                print("Serving the problems above until they are fixed.", file=sys.stderr)
            finally:
                logging.getLogger("mkdocs").removeHandler(collected)

        super().__init__(build_or_keep_problems, *args, **kwargs)

    def _serve_request(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if self.problems and not path.startswith("/livereload/") and (
                path.endswith("/") or path.endswith(".html")):
            with self._epoch_cond:
                epoch = self._visible_epoch
            items = "".join(f"<li>{html.escape(line)}</li>" for line in self.problems)
            what = "the problem" if len(self.problems) == 1 else "the problems"
            page = self._inject_js_into_html(PAGE.format(what=what, items=items).encode(), epoch)
            start_response(PROBLEMS_STATUS,
                           [("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", str(len(page))), ("Cache-Control", "no-store")])
            return [page]
        return super()._serve_request(environ, start_response)


class _Handler(livereload._Handler):
    """Logs the problems page at INFO: under `strict: true` every warning logged
    during a rebuild (mkdocs logs each non-200 answer as one) fails that rebuild."""

    def log_request(self, code="-", size="-"):
        if str(code) == PROBLEMS_STATUS.split()[0]:
            livereload.log.info(f'"{self.requestline}" code {code}: the build has problems')
        else:
            super().log_request(code, size)


def _one_each(lines: list[str]) -> list[str]:
    """Each problem once, in the order first seen, without mkdocs' closing summary."""
    seen: dict[str, None] = {}
    for line in lines:
        line = line.strip()
        if line and not line.startswith("Aborted with") and line != "the handbook has problems:":
            seen.setdefault(line, None)
    return list(seen)


def main() -> None:
    serve.LiveReloadServer = ShowProblemsServer
    livereload._Handler = _Handler
    cli(["serve", *sys.argv[1:]])


if __name__ == "__main__":
    main()
