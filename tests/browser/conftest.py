"""The browser tier: the built handbook served on 127.0.0.1, driven in Debian's
headless Chromium through Playwright (tools/harness). Only this tier imports Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect, sync_playwright

from harness.chromium import HEADLESS_SHELL, launch
from harness.tab import ReusedTab
from harness.serve import serve
from harness.site import ROOT, build_site

# The configured address of the site, which its sitemap names.
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
# How long an auto-waiting assertion waits: long enough for a busy two-core machine.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def offline_site(built_site):
    """The build with its real service worker (other servers answer a stand-in that
    caches nothing): its folder, and its address on 127.0.0.1."""
    site, result = built_site
    assert result.returncode == 0, result.stderr
    with serve(site, sitemap_from=SITE_URL, offline=True) as url:
        yield site, url


@pytest.fixture(scope="session")
def offline_site_url(offline_site):
    return offline_site[1]


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built handbook (shared with the site tier), served on 127.0.0.1, with its
    search index emptied of pages (harness.serve.SEARCH_INDEX): for tests that never
    search. A test that searches uses `searchable_site_url`."""
    site, result = built_site
    assert result.returncode == 0, result.stderr
    with serve(site, sitemap_from=SITE_URL, searchable=False) as url:
        yield url


@pytest.fixture(scope="session")
def searchable_site_url(built_site):
    """The built handbook with its whole search index, served on 127.0.0.1."""
    site, result = built_site
    assert result.returncode == 0, result.stderr
    with serve(site, sitemap_from=SITE_URL) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium (harness.chromium.HEADLESS_SHELL), driven by Playwright."""
    if not Path(HEADLESS_SHELL).exists():
        pytest.fail(f"no Chromium at {HEADLESS_SHELL}: run `bash scripts/install-chromium.sh` "
                    "or set CHROMIUM_PATH")
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium):
    """A fresh browser context that may read and write the clipboard (a module
    that needs other settings defines its own)."""
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture(scope="session")
def worker_tab(chromium):
    """This worker's one reused tab (see `tab`)."""
    reused = ReusedTab(lambda: chromium.new_context(permissions=["clipboard-read", "clipboard-write"]))
    yield reused
    reused.close()


@pytest.fixture
def tab(worker_tab):
    """A tab as a fresh one starts (no storage, cookies or service worker, desktop size,
    screen media, light scheme; may use the clipboard), for a test that drives one page:
    the worker's one tab, cleaned after each test. Navigating it costs about half the
    CPU of opening a new tab. A test that needs storage shared with other tabs, its own
    context settings, init scripts or request lists opens a fresh context instead."""
    page = worker_tab.page()
    yield page
    worker_tab.clean()


@pytest.fixture(scope="session")
def all_cards_url(tmp_path_factory, pack):
    """One page holding every template in the pack, built with the handbook's config,
    theme, scripts and styles but none of its other pages: not a second whole handbook.
    Tests using it share an xdist group, so it is built once."""
    project = tmp_path_factory.mktemp("all-cards")
    for folder in ("templates", "overrides", "macros"):
        shutil.copytree(ROOT / folder, project / folder)
    for asset in ("javascripts", "stylesheets", "images"):
        shutil.copytree(ROOT / "docs" / asset, project / "docs" / asset)
    shutil.copy(ROOT / "docs" / "manifest.webmanifest", project / "docs")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Every template": "index.md"}]
    config.pop("watch")  # only for `mkdocs serve`
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    cards = "\n\n".join(f'{{{{ template_card("{t}") }}}}' for t in pack.templates)
    (project / "docs" / "index.md").write_text(
        f"---\ntitle: Every template\ndescription: All of them.\n---\n\n# Every template\n\n{cards}\n",
        encoding="utf-8")
    site = tmp_path_factory.mktemp("all-cards-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site, searchable=False) as url:
        yield url
