"""The text on each sheet of a PDF, read by poppler's pdftotext (Debian's
poppler-utils, which scripts/install-chromium.sh installs with the browser)."""

from __future__ import annotations

import shutil
import subprocess

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"


def sheets(pdf: bytes) -> list[str]:
    """The text of each page, in order; a page with no text gives ""."""
    result = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", "-", "-"], input=pdf,
                            capture_output=True, check=False, timeout=60)
    if result.returncode:
        raise RuntimeError(f"pdftotext failed ({result.returncode}): "
                           f"{result.stderr.decode(errors='replace').strip()}")
    # pdftotext ends every page with a form feed.
    return result.stdout.decode("utf-8").split("\f")[:-1]
