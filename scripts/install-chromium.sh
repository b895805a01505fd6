#!/usr/bin/env bash
# The browser tests drive a real headless Chromium and read the PDFs it prints
# with poppler's pdftotext. Use $CHROMIUM_PATH if set; else Debian's
# chromium-headless-shell for the tests (tools/harness/chromium.py says why) and
# chromium for Lighthouse and the report scripts. Install what is missing
# (chromium, chromium-headless-shell, poppler-utils) with apt-get.
set -euo pipefail
missing=()
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "error: CHROMIUM_PATH is $CHROMIUM_PATH, but nothing runnable is there." >&2
    exit 1
  fi
else
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
fi
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
bash "$(dirname "$0")/apt-install.sh" "the browser tests" \
  "Install Chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary) and poppler's pdftotext." \
  "${missing[@]}"
