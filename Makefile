# The two commands in the README are `make serve` and `make test`; both set up
# everything they need on first run (a virtual environment in .venv).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test site check bench quality lighthouse lock clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: $(STAMP)
	bash scripts/install-chromium.sh
	$(BIN)/pytest

site: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m macros check

quality: $(STAMP)
	$(BIN)/python scripts/quality.py

lighthouse: $(STAMP)
	$(BIN)/python scripts/lighthouse.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Re-pin every dependency from requirements.in (run after editing it).
lock: $(STAMP)
	$(BIN)/pip install --quiet -r requirements.in
	$(BIN)/pip freeze --exclude-editable > requirements.txt

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) site .pytest_cache
