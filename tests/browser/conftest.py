"""The browser tier: the built handbook served on 127.0.0.1, driven in Debian's
headless Chromium through Playwright. Only this tier imports Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, build_site, serve
from paths import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site")
    return dest, build_site(ROOT, dest)


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built handbook, served on 127.0.0.1."""
    site, result = built_site
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        serve_sitemap_from(site, url)
        yield url


def serve_sitemap_from(site: Path, url: str) -> None:
    """Point the sitemap at the test server, as `mkdocs serve` does for its own.

    Material's instant navigation only takes over links listed in sitemap.xml, and
    it matches them on host and path but keeps the sitemap's port.
    """
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(site_url, url),
                       encoding="utf-8")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run `bash scripts/install-chromium.sh` "
                    "or set CHROMIUM_PATH")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
