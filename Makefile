# The two README commands: `make demo` sets everything up and runs the pipeline on
# examples/; `make test` runs the whole test suite (CI runs it too).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := $(VENV)/examples.db

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/storyline ingest examples --db $(DEMO_DB)
	$(BIN)/storyline articles --db $(DEMO_DB)
	$(BIN)/storyline actors --db $(DEMO_DB)
	$(BIN)/storyline quotes --db $(DEMO_DB)
	$(BIN)/storyline events --db $(DEMO_DB)
	$(BIN)/storyline timeline --db $(DEMO_DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
