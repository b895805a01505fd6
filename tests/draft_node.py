"""web/core/draft.js run in Node (tests/engine/js/draft_harness.mjs): the
browser's checks, on the data Python generates, without a browser."""

from __future__ import annotations

import json
import shutil
import subprocess

from make_it_right.draft import draft_data
from make_it_right.readability import hyphenation_data
from paths import ROOT

HARNESS = ROOT / "tests" / "engine" / "js" / "draft_harness.mjs"
NODE = shutil.which("node")


def run_js(jobs: list[dict], rules, strings, wording=None) -> list:
    """Each job's result, from one Node process."""
    assert NODE, "Node.js is needed for the draft checker's JavaScript tests"
    payload = {"data": draft_data(rules, strings, wording), "hyphenation": hyphenation_data("en_US"),
               "jobs": jobs}
    done = subprocess.run([NODE, str(HARNESS)], input=json.dumps(payload).encode(),
                          capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)
