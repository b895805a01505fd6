#!/usr/bin/env bash
# The browser tests drive a real headless Chromium. Use $CHROMIUM_PATH if set,
# else Debian's chromium package, installing it when it is missing.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "error: CHROMIUM_PATH is $CHROMIUM_PATH, but nothing runnable is there." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no Chromium at $browser and no apt-get to install it." >&2
  echo "Install Chromium, or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing Debian's chromium for the browser tests…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
