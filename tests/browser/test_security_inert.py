"""Hostile text that the checker lets through (template text may hold any
characters) is built into a real site and stays inert in the browser: no script
runs, no dialog opens, nothing is requested off 127.0.0.1, no javascript: link.

The mini-site has no Content-Security-Policy, so this tests the escaping alone;
tests/browser/test_csp.py tests the policy."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
import yaml

from harness.serve import serve
from harness.site import build_site
from paths import ROOT

ATTACKS = {
    "script": '<script>window.__pwned = "script"</script>',
    "img": "<img src=x onerror=\"window.__pwned = 'img'\">",
    "svg": "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "link": "[click me](javascript:window.__pwned='link')",
    "image": "![pixel](http://evil.example/pixel.png)",
    "attr": "{: onclick=\"window.__pwned = 'attr'\" }",
    "anchor": '<a href="http://evil.example/">x</a>',
    "entity": "&lt;script&gt;window.__pwned = 1&lt;/script&gt;",
}
TRICKY_TITLE = "Late * files _ with | pipes # and (brackets) ! ~ ` \\ \" ' = :"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "tests" / "site" / "sites" / "ok", project, dirs_exist_ok=True)
    path = project / "templates" / "email" / "late-files.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"] = TRICKY_TITLE
    data["fields"]["client_name"]["example"] = "Priya\" onmouseover=\"window.__pwned='example'"
    data["fields"]["client_name"]["fallback"] = "there' autofocus onfocus='window.__pwned=1"
    data["sections"]["acknowledgement"] = "We sent your files late. " + " ".join(ATTACKS.values())
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-site")
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.browser
def test_hostile_template_text_is_inert(chromium, hostile_site):
    page = chromium.new_page()
    dialogs, away = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: away.append(r.url)
            if urlsplit(r.url).hostname not in ("127.0.0.1", None) else None)
    for path in ("", "playbooks/team-mistake/"):
        page.goto(hostile_site + path, wait_until="networkidle")
        page.mouse.move(10, 10)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and away == []
    assert page.locator("a[href^='javascript:' i], [onclick], [onerror], [onload], "
                        "[onmouseover], [onfocus]").count() == 0
    assert page.locator("img[src*='evil.example'], a[href*='evil.example']").count() == 0
    card_text = page.locator(".mir-card__text").text_content()
    for attack in ATTACKS.values():
        assert attack in card_text, attack
    assert page.locator("#tpl-late-files").text_content().strip().startswith("Late * files _ with | pipes")
    page.close()
