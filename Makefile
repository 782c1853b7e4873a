# The two entry points: `make run` (set up and serve the demo) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: setup sysdeps run test test-sqlite test-postgres lint score bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

sysdeps:
	./scripts/system-deps.sh

run: setup
	$(BIN)/fazhi demo

lint: setup
	$(BIN)/ruff check fazhi tests benchmarks
	$(BIN)/ruff format --check fazhi tests benchmarks

test-sqlite: setup
	$(BIN)/pytest -q

# The same suite against the PostgreSQL this machine kind runs (trust auth, database `test`).
test-postgres: setup
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "db or not db" -p no:cacheprovider

test: setup sysdeps lint test-sqlite score

score: setup
	$(BIN)/python tests/fixtures/eval/score.py --gold tests/fixtures/eval/gold --docs tests/fixtures/seeds \
		--cmd "$(BIN)/fazhi parse {file} --format json" --min-f1 1.0 --min-exact 0.98

bench: setup
	$(BIN)/python benchmarks/parser_throughput.py

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
