# produktlyft: `make demo` sets everything up and serves the demo organisation; `make test` runs every tier.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PL := $(BIN)/produktlyft
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SPARK_STAMP := $(VENV)/.installed-spark
DEMO_DB ?= sqlite:///produktlyft.db
DEMO_USER ?= demo
DEMO_PASSWORD ?= demo-losenord
# The event log of the demo's building-permit workflow: empty means the 4TU receipt log the
# package ships (src/produktlyft/demo/data/); `make demo EVENTLOG=PATH` imports another file.
EVENTLOG ?=
DEMO_OUT ?= demo-output
HOST ?= 127.0.0.1
PORT ?= 8000
export PRODUKTLYFT_DATABASE_URL ?= $(DEMO_DB)

.PHONY: demo demo-data test install lint typecheck unit integration web browser spark spark-install clean docs assets messages serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The Spark engine's extra (PySpark from PyPI; Java 17+ from the system, e.g. Debian's
# openjdk-17-jre-headless). Once installed, `make test` runs the Spark tier too.
$(SPARK_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,spark]"
	touch $(SPARK_STAMP)

spark-install: $(SPARK_STAMP)

# Front-end packages from npm (pinned in package-lock.json): the design system, htmx, and
# axe-core for the browser tests. The app itself uses the copies under web/static/vendor.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

assets: $(NODE_STAMP) install
	$(BIN)/python tools/build_assets.py

messages: install
	$(BIN)/python -m produktlyft.kernel.i18n.extract

demo: demo-data
	@echo "Demo organisation loaded into $(PRODUKTLYFT_DATABASE_URL); the report is in $(DEMO_OUT)/."
	@echo "Open http://$(HOST):$(PORT) and sign in as '$(DEMO_USER)' with the password '$(DEMO_PASSWORD)'."
	$(PL) serve --host $(HOST) --port $(PORT)

# Everything `make demo` does before serving (tests/integration/demo/test_demo_pipeline.py runs it).
demo-data: install
	$(PL) init
	$(PL) demo --out $(DEMO_OUT) $(if $(EVENTLOG),--eventlog "$(EVENTLOG)")
	$(PL) review --json $(DEMO_OUT)/review.json --top 5
	$(PL) demo --after-review
	$(PL) report --lang sv -o $(DEMO_OUT)/genomlysning.pdf -o $(DEMO_OUT)/genomlysning.html
	@$(PL) user add $(DEMO_USER) --role admin --password-stdin <<< "$(DEMO_PASSWORD)" 2>/dev/null \
		|| echo "Demo account '$(DEMO_USER)' already exists."

serve: install
	$(PL) serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest tests/unit

integration: install
	$(BIN)/pytest tests/integration

web: install
	$(BIN)/pytest tests/web

browser: install $(NODE_STAMP)
	$(BIN)/pytest tests/browser

# The Spark tier alone: `workflows analyse --engine spark` against polars on two real logs.
spark: spark-install
	$(BIN)/pytest -m spark tests/integration/workflows

test: install $(NODE_STAMP) lint typecheck
	$(BIN)/pytest tests

docs: install
	$(BIN)/python -m produktlyft.kernel.settings --markdown > docs/settings.md
	$(BIN)/python -m produktlyft.inventory.exporters.template_docs docs/import-formats.md

clean:
	rm -rf $(VENV) node_modules produktlyft.db produktlyft.db-* produktlyft.db.data demo-output .pytest_cache .mypy_cache .ruff_cache
