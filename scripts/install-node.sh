#!/usr/bin/env bash
# The browser code's tests and tools run on Node (18 or newer; Debian 12 ships 18,
# 13 ships 20). Use the node on PATH, else install Debian's nodejs and npm.
set -euo pipefail
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -ge 18 ]; then exit 0; fi
  echo "error: node $(node --version) is too old; the browser code's tests need 18 or newer." >&2
  exit 1
fi
bash "$(dirname "$0")/apt-install.sh" "the browser code's tests" \
  "Install Node 18 or newer." nodejs npm
