"""codespell over what people read and write here, in the fast tier: it needs no build,
and a word list added to a data file is caught on the edit, not at the site tier."""

from __future__ import annotations

import subprocess
import sys

from paths import ROOT


def test_spelling():
    targets = ["docs", "templates", "macros", "make_it_right", "web", "README.md", "CONTRIBUTING.md",
               "mkdocs.yml"]
    result = subprocess.run([sys.executable, "-m", "codespell_lib", *targets],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
