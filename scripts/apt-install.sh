#!/usr/bin/env bash
# Install Debian packages for a test tool: apt-install.sh "WHAT FOR" "HOW TO DO WITHOUT APT" PACKAGE...
# One place for the apt-get steps install-chromium.sh and install-node.sh share.
set -euo pipefail
purpose="$1"; without="$2"; shift 2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $* missing and no apt-get to install it. $without" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing Debian's $* for $purpose…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
