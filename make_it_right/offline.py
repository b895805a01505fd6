"""The handbook's offline copy: the service worker a build ships at its root, with
the list of that build's files and a version made from their contents.

The worker's own code is web/offline/sw.js; the build prepends two constants to it
(see `worker_script`). Under `mkdocs serve` no worker is written: a cache-first
worker would serve yesterday's page to someone editing today's.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

WORKER = "sw.js"
SOURCE = Path(__file__).resolve().parent.parent / "web" / "offline" / "sw.js"
# Not worth a phone's storage: source maps, the gzipped sitemap, the snippet downloads
# (for a desktop tool, fetched when online), and the host's _headers file. The
# sitemap itself stays: instant navigation reads it.
_LEFT_OUT_SUFFIXES = (".map", ".gz")
_LEFT_OUT_FOLDERS = ("use-in-your-tools/",)
# Search in other languages than the build's: the theme loads only its own.
_SEARCH_LANGUAGES = "assets/javascripts/lunr/"


def precached(site_dir: Path, language: str = "en") -> dict[str, Path]:
    """Every file of the build the worker caches, by the URL a reader's browser asks
    for: a folder's index.html as the folder itself ("playbooks/team-mistake/")."""
    urls: dict[str, Path] = {}
    search = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{language}.min.js"}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = path.relative_to(site_dir).as_posix()
        if name in (WORKER, "_headers") or name.endswith(_LEFT_OUT_SUFFIXES):
            continue
        if name.startswith(_LEFT_OUT_FOLDERS) and not name.endswith(".html"):
            continue
        if name.startswith(_SEARCH_LANGUAGES) and (language == "en" or path.name not in search):
            continue
        if name == "index.html":
            name = "./"
        elif name.endswith("/index.html"):
            name = name[: -len("index.html")]
        urls[name] = path
    return urls


def worker_script(site_dir: Path, source: str, language: str = "en") -> str:
    files = precached(site_dir, language)
    digest = hashlib.sha256()
    for url, path in files.items():
        digest.update(url.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    version = digest.hexdigest()[:16]
    return (f"const VERSION = {json.dumps(version)};\n"
            f"const FILES = {json.dumps(list(files), ensure_ascii=True)};\n{source}")


def is_local_preview(site_url: str | None, dev_addr: object) -> bool:
    """True under `mkdocs serve`, which points site_url at its own address."""
    if not site_url:
        return False
    host, port = str(dev_addr).rsplit(":", 1) if ":" in str(dev_addr) else (str(dev_addr), "")
    url = urlsplit(site_url)
    return url.scheme == "http" and url.hostname == host and str(url.port or "") == port


def write_worker(site_dir: Path, site_url: str | None, dev_addr: object,
                 language: str = "en") -> Path | None:
    if is_local_preview(site_url, dev_addr):
        return None
    target = site_dir / WORKER
    source = SOURCE.read_text(encoding="utf-8")
    target.write_text(worker_script(site_dir, source, language), encoding="utf-8")
    return target
