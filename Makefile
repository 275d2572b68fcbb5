# The two commands that matter: `make run` and `make test`. Everything else is set up
# by them on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
# The demo runs as a live site would (DEBUG off), so it needs a SECRET_KEY: made once on
# this machine and kept in a file only its owner can read. A real deployment sets its own.
KEY_FILE := .oversight-secret-key
WITH_KEY = SECRET_KEY="$${SECRET_KEY:-$$(cat $(KEY_FILE))}"

.PHONY: install run test lint format bench demo clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

$(KEY_FILE):
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

run: install $(KEY_FILE)
	$(WITH_KEY) $(BIN)/oversight migrate --noinput
	$(WITH_KEY) $(BIN)/oversight demo
	$(WITH_KEY) $(BIN)/oversight collectstatic --noinput --verbosity 0
	$(WITH_KEY) $(BIN)/oversight runserver $(HOST)

demo: install $(KEY_FILE)
	$(WITH_KEY) $(BIN)/oversight migrate --noinput
	$(WITH_KEY) $(BIN)/oversight demo

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
