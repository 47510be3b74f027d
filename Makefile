# Two entry points for a fresh machine: `make serve` and `make test`.
# Each creates .venv and installs cityrel into it first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test install bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the sample articles and serve them on http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/cityrel ingest data/articles
	$(BIN)/cityrel serve

## Run the tests, then check the dev-corpus extraction score against its floor
test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/python scripts/check_quality.py

## Print the benchmark tables
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/run.py --triples 1000000

## Check style and types with the pinned linters
lint: $(STAMP)
	$(BIN)/pip install --quiet -e '.[lint]'
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) var
