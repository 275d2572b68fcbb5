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

.PHONY: install run test test-postgres lint format bench demo clean

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
	@# The worker reads uploaded documents (the web process only queues them); it stops
	@# with the server.
	$(WITH_KEY) sh -c '$(BIN)/oversight worker & worker=$$!; \
		trap "kill $$worker 2>/dev/null" EXIT INT TERM; $(BIN)/oversight runserver $(HOST)'

demo: install $(KEY_FILE)
	$(WITH_KEY) $(BIN)/oversight migrate --noinput
	$(WITH_KEY) $(BIN)/oversight demo

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 --dist loadgroup

# The suite on a throwaway PostgreSQL server started here (as .ci/run does), stopped and
# removed afterwards whatever happens. Needs Debian's postgresql package; PG_PORT to move.
PG_PORT ?= 54329
test-postgres: install
	@set -eu; \
	pg_bin=$$(dirname "$$(readlink -f "$$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")"); \
	dir=$$(mktemp -d /tmp/oversight-pg.XXXXXX); \
	as_pg() { if [ "$$(id -u)" = 0 ]; then chown -R postgres "$$dir"; runuser -u postgres -- "$$@"; else "$$@"; fi; }; \
	as_pg "$$pg_bin/initdb" -D "$$dir/data" -U oversight --auth=trust >/dev/null; \
	as_pg "$$pg_bin/pg_ctl" -D "$$dir/data" -o "-p $(PG_PORT) -k $$dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$$dir/log" -w start >/dev/null; \
	trap 'as_pg "$$pg_bin/pg_ctl" -D "$$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$$dir"' EXIT; \
	as_pg "$$pg_bin/createdb" -h 127.0.0.1 -p $(PG_PORT) -U oversight oversight; \
	DATABASE_URL="postgres://oversight@127.0.0.1:$(PG_PORT)/oversight" $(MAKE) --no-print-directory test

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
