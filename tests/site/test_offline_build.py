"""The offline copy as the build writes it (issue 22): a service worker at the
site's root that lists every file a reader needs and nothing that isn't there,
versioned by their contents; a web app manifest whose icons exist at their sizes;
no worker under `mkdocs serve`."""

from __future__ import annotations

import json
import re
import struct

from make_it_right.offline import SOURCE, is_local_preview, precached, worker_script
from paths import ROOT


def listed(site) -> tuple[str, list[str]]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'^const VERSION = "([0-9a-f]{16})";$', text, re.MULTILINE)[1]
    files = json.loads(re.search(r"^const FILES = (\[.*\]);$", text, re.MULTILINE)[1])
    return version, files


def test_the_worker_lists_every_page_and_asset_and_only_those(built_site):
    site, result = built_site
    assert result.returncode == 0, result.stderr
    _, files = listed(site)
    for url in files:
        path = site / (url + "index.html" if url.endswith("/") else url)
        assert path.is_file() or url == "./", url
    assert "./" in files and "playbooks/team-mistake/" in files and "404.html" in files
    assert "javascripts/mir.min.js" in files and "javascripts/fill.min.js" in files \
        and "javascripts/fill-actions.min.js" in files and "search/search_index.json" in files
    assert "manifest.webmanifest" in files
    assert "sitemap.xml" in files
    assert not [f for f in files if f.endswith((".map", ".gz")) or "lunr/" in f]
    assert "_headers" not in files
    assert not [f for f in files if f.startswith("use-in-your-tools/") and f != "use-in-your-tools/"]
    total = sum((site / (f + "index.html" if f.endswith("/") else "index.html" if f == "./" else f))
                .stat().st_size for f in files)
    print(f"\nprecached: {len(files)} files, {total} bytes")


def test_the_version_follows_the_files(built_site, tmp_path):
    site, _ = built_site
    source = SOURCE.read_text(encoding="utf-8")
    before = worker_script(site, source)
    assert worker_script(site, source) == before  # the same files, the same worker
    page = site / "404.html"
    original = page.read_bytes()
    try:
        page.write_bytes(original + b"<!-- changed -->")
        assert worker_script(site, source) != before
    finally:
        page.write_bytes(original)


def test_no_worker_under_mkdocs_serve():
    assert is_local_preview("http://127.0.0.1:8000/handbook/", "127.0.0.1:8000")
    assert not is_local_preview("https://make-it-right.github.io/handbook/", "127.0.0.1:8000")
    assert not is_local_preview(None, "127.0.0.1:8000")


def test_the_manifest_names_icons_that_exist_at_their_sizes(built_site):
    site, _ = built_site
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    purposes = set()
    for icon in manifest["icons"]:
        data = (site / icon["src"]).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert icon["sizes"] == f"{width}x{height}"
        purposes.add(icon["purpose"])
    assert {"any", "maskable"} <= purposes
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="manifest" href="\.?/?manifest\.webmanifest">', home)
    # A themed browser bar (what Lighthouse's "themed-omnibox" checked before Lighthouse 12
    # dropped its PWA audits): the page's theme-color is the manifest's and the header's.
    css = (ROOT / "web" / "styles" / "make-it-right.css").read_text(encoding="utf-8")
    primary = re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]{6})", css).group(1)
    assert f'<meta name="theme-color" content="{manifest["theme_color"]}">' in home
    assert manifest["theme_color"] == primary


def test_precached_pages_are_the_folders_readers_open(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ("index.html", "a/index.html", "a/b.css", "a/b.css.map", "sitemap.xml", "sw.js"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files = precached(tmp_path)
    assert list(files) == ["a/b.css", "a/", "./", "sitemap.xml"]
    assert files["a/"] == tmp_path / "a" / "index.html" and files["./"] == tmp_path / "index.html"
