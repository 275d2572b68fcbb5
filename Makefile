# The two commands that matter: `make run` and `make test`. Everything else is set up
# by them on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

.PHONY: install run test lint format bench demo clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

run: install
	$(BIN)/oversight migrate --noinput
	$(BIN)/oversight demo
	$(BIN)/oversight runserver $(HOST)

demo: install
	$(BIN)/oversight migrate --noinput
	$(BIN)/oversight demo

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
