"""The browser tier: the built handbook served on 127.0.0.1, driven in Debian's
headless Chromium through Playwright. Only this tier imports Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, build_site, serve
from paths import ROOT


# The service worker other tests load in place of the build's: registering it costs
# nothing, where the real one would copy the whole site into every new context.
STUB_WORKER = "// The browser tests' stand-in: no offline copy (tests/browser/test_offline.py has it).\n"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, dest)
    if result.returncode == 0:
        shutil.copytree(dest, dest.parent / "offline-site")
        (dest / "sw.js").write_text(STUB_WORKER, encoding="utf-8")
    return dest, result


@pytest.fixture(scope="session")
def offline_site(built_site):
    """The same build with its real service worker: its folder, served on 127.0.0.1."""
    site, result = built_site
    assert result.returncode == 0, result.stderr
    offline = site.parent / "offline-site"
    with serve(offline) as url:
        serve_sitemap_from(offline, url)
        yield offline, url


@pytest.fixture(scope="session")
def offline_site_url(offline_site):
    return offline_site[1]


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


@pytest.fixture(scope="session")
def all_cards_url(tmp_path_factory, pack):
    """The handbook plus one page holding every template in the pack (tests using it
    share an xdist group, so it is built once)."""
    project = tmp_path_factory.mktemp("all-cards")
    for folder in ("docs", "templates", "overrides", "macros"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "CONTRIBUTING.md", project)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Every template": "all-cards.md"})
    config.pop("watch")  # only for `mkdocs serve`
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cards = "\n\n".join(f'{{{{ template_card("{t}") }}}}' for t in pack.templates)
    (project / "docs" / "all-cards.md").write_text(
        f"---\ntitle: Every template\ndescription: All of them.\n---\n\n# Every template\n\n{cards}\n",
        encoding="utf-8")
    site = tmp_path_factory.mktemp("all-cards-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url + "all-cards/"
