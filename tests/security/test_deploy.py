"""What protects readers and the repository outside the build: response headers for
hosts that honour them, the warning for a shared origin, code owners for every code
path, and no write token where contributors' pages are built."""

from __future__ import annotations

import re

import pytest
import yaml

from make_it_right.origin import shared_origin_warning
from paths import ROOT


def test_the_headers_file_holds_the_site_policy_and_forbids_framing():
    policy = " ".join(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["extra"]
                      ["content_security_policy"].split())
    headers = (ROOT / "docs" / "_headers").read_text()
    sent = re.search(r"^  Content-Security-Policy: (.+)$", headers, re.MULTILINE)[1]
    assert sent == f"{policy}; frame-ancestors 'none'"
    assert "\n  X-Frame-Options: DENY\n" in headers
    assert "\n  X-Content-Type-Options: nosniff\n" in headers


@pytest.mark.parametrize("url, warns", [
    ("https://make-it-right.github.io/handbook/", True),
    ("https://Someone.GitHub.io/x", True),
    ("https://make-it-right.github.io/", False),  # the account's own site, at the root
    ("https://handbook.example.org/", False),
    ("https://example.org/handbook/", False),
    (None, False),
])
def test_a_path_on_a_shared_github_io_origin_warns(url, warns):
    warning = shared_origin_warning(url)
    assert (warning is not None) == warns
    if warns:
        assert warning.startswith(f"site_url {url} is a path on ")
        assert "\n" not in warning


CODE_PATHS = ["/mkdocs.yml", "/overrides/", "/macros/", "/make_it_right/", "/scripts/",
              "/docs/javascripts/", "/docs/stylesheets/", "/docs/_headers", "/.github/"]


def test_every_code_path_has_an_owner():
    owners = {line.split()[0]: line.split()[1:] for line in
              (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert [p for p in CODE_PATHS if not owners.get(p)] == []


@pytest.mark.parametrize("workflow", sorted((ROOT / ".github" / "workflows").glob("*.yml")),
                         ids=lambda p: p.name)
def test_no_job_that_runs_project_code_holds_a_write_token(workflow):
    data = yaml.safe_load(workflow.read_text())
    top = data.get("permissions")
    for name, job in data["jobs"].items():
        runs_code = any("run" in step for step in job.get("steps", []))
        permissions = job.get("permissions", top)
        if runs_code:
            assert isinstance(permissions, dict), f"{name}: give it explicit, read-only permissions"
            assert "write" not in permissions.values(), f"{name} runs project code with {permissions}"
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, name
