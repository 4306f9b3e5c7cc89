# produktlyft: `make demo` sets everything up and shows the demo organisation; `make test` runs every tier.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PL := $(BIN)/produktlyft
STAMP := $(VENV)/.installed
DEMO_DB ?= sqlite:///produktlyft.db
export PRODUKTLYFT_DATABASE_URL ?= $(DEMO_DB)

.PHONY: demo test install lint typecheck unit integration web browser clean docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(PL) init
	$(PL) demo --out demo-output
	@echo "Demo organisation loaded into $(PRODUKTLYFT_DATABASE_URL)."

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest tests/unit

integration: install
	$(BIN)/pytest tests/integration

test: install lint typecheck
	$(BIN)/pytest tests

docs: install
	$(BIN)/python -m produktlyft.settings --markdown > docs/settings.md
	$(BIN)/python -m produktlyft.exporters.template_docs docs/import-formats.md

clean:
	rm -rf $(VENV) produktlyft.db produktlyft.db-* demo-output .pytest_cache .mypy_cache .ruff_cache
