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
out="$(mktemp -d)"
start=$(date +%s.%N)
"$venv/bin/zensical" build --clean -f mkdocs.yml >"$out/log" 2>&1 || { cat "$out/log"; exit 1; }
end=$(date +%s.%N)
site="$(pwd)/site"
echo "zensical $ZENSICAL_VERSION build: $(echo "$end - $start" | bc) s"
.venv/bin/python scripts/zensical_check.py "$site"
