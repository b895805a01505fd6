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
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no node or npm on PATH, and no apt-get to install them. Install Node 18 or newer." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing Debian's nodejs and npm for the browser code's tests…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
