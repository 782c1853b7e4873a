# The two entry points: `make run` (set up and serve the demo) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1:8000

.PHONY: setup sysdeps run demo test test-sqlite test-postgres e2e migrations-check lint score bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

sysdeps:
	./scripts/system-deps.sh

# Set up the demo database (SQLite in var/ unless DATABASE_URL is set) and serve it.
demo: setup
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py load_supervision_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST)

lint: setup
	$(BIN)/ruff check --extend-exclude tests/fixtures fazhi tests benchmarks e2e manage.py
	$(BIN)/ruff format --check --extend-exclude tests/fixtures fazhi tests benchmarks e2e manage.py
	$(BIN)/mypy --strict fazhi/parsing fazhi/docgen fazhi/workdays.py fazhi/soffice.py

migrations-check: setup
	mkdir -p var
	$(BIN)/python manage.py makemigrations --check --dry-run

test-sqlite: setup
	$(BIN)/pytest -q

# Every suite that touches the database (the parser's and the writers' need none).
DJANGO_TESTS = $(filter-out tests/parsing tests/docgen tests/fixtures tests/test_workdays.py,$(wildcard tests/*))

# The platform suite against the PostgreSQL this machine kind runs (trust auth, database `test`).
test-postgres: setup
	DATABASE_URL=$(PG_URL) DATABASE_TEST_NAME=test_fazhi_$$$$ $(BIN)/pytest -q $(DJANGO_TESTS) -p no:cacheprovider

# Browser journeys in headless Debian chromium; screenshots go to test-artifacts/.
e2e: setup
	$(BIN)/pytest -q e2e -p no:cacheprovider

test: setup sysdeps lint migrations-check test-sqlite test-postgres e2e score

# The scorer runs on the system Python, as an evaluator would: without OpenCC it does not fold
# Traditional into Simplified, so units must come out as printed.
score: setup
	$(PYTHON) tests/fixtures/eval/score.py --gold tests/fixtures/eval/gold --docs tests/fixtures/seeds \
		--cmd "$(BIN)/fazhi parse {file} --format json" --min-f1 1.0 --min-exact 0.98
	$(PYTHON) tests/fixtures/eval/score.py --gold tests/fixtures/dev2/gold --docs tests/fixtures/dev2/docs \
		--cmd "$(BIN)/fazhi parse {file} --format json" --min-f1 1.0 --min-exact 0.98

bench: setup
	$(BIN)/python benchmarks/parser_throughput.py

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache
