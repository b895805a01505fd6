"""One harness for the tests and the report scripts: build the handbook (site),
serve a built site on 127.0.0.1 (serve), drive Debian's headless Chromium
(chromium), read the PDFs it prints (pdf), and the "Check my draft" corpus with
its scoring (drafts).

It sits beside the pinned npm tools, outside both `tests/` and the engine: the
engine ships to readers and needs none of it, and scripts must not import tests.
Tests find it through pytest's `pythonpath`; a script puts `tools/` on `sys.path`.
"""
