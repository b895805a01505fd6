#!/usr/bin/env bash
# Build the handbook with Zensical (Material's successor) in its own environment,
# then check the result in the browser: cards and the fields panel are there, and
# nothing is requested from another host. Prints the build time beside MkDocs'.
#
# Zensical 0.0.73 is the newest release that installs from PyPI alone: later ones
# need zensical-ui, which PyPI does not serve here.
set -euo pipefail
cd "$(dirname "$0")/.."
ZENSICAL_VERSION=0.0.73
venv=.venv-zensical
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/zensical" ]; then
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "zensical==$ZENSICAL_VERSION" "pydantic>=2.11,<3" "pyphen>=0.18.1"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
fi
# Zensical's bundle inserts one <style> at run time, which `style-src 'self'` blocks.
# Its build gets the same policy plus that one style's hash (still no
# 'unsafe-inline'); zensical_check.py prints the hash of any style it sees blocked.
ZENSICAL_STYLE_HASH="${ZENSICAL_STYLE_HASH:-sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k=}"  # zensical 0.0.73
config=.zensical.yml
sed "s|style-src 'self';|style-src 'self' '$ZENSICAL_STYLE_HASH';|" mkdocs.yml >"$config"
grep -q "$ZENSICAL_STYLE_HASH" "$config" || { echo "error: no style-src in mkdocs.yml's policy" >&2; exit 1; }
out="$(mktemp -d)"
start=$(date +%s.%N)
"$venv/bin/zensical" build --clean -f "$config" >"$out/zensical.log" 2>&1 || { cat "$out/zensical.log"; exit 1; }
zensical_time=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict -q --site-dir "$out/mkdocs" 2>"$out/mkdocs.log" \
  || { cat "$out/mkdocs.log"; exit 1; }
mkdocs_time=$(echo "$(date +%s.%N) - $start" | bc)
echo "build time: zensical $ZENSICAL_VERSION ${zensical_time} s, mkdocs ${mkdocs_time} s (this machine, now)"
site="$(pwd)/site"
.venv/bin/python scripts/zensical_check.py "$site"
