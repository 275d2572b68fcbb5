"""Copying the database out and back, for each engine.

SQLite: the online backup API (`sqlite3.Connection.backup`), a consistent copy while
others read and write. PostgreSQL: `pg_dump --format=custom` (one snapshot) and
`pg_restore`, the newest found beside the server's own programs
(/usr/lib/postgresql/*/bin, or `PG_BIN`), else on PATH: pg_dump must be at least as new
as the server."""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.db import connection

from .errors import Refused


def vendor() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


# Rows that `migrate` itself writes into a new installation (reference data seeded by a
# migration too); the restore replaces them with the archive's. tests/backups fails when
# a new migration seeds rows that are not listed here.
_WRITTEN_BY_MIGRATE = {"contenttypes.ContentType", "auth.Permission", "community.Theme"}


def is_empty() -> bool:
    """No model of the installation holds a row (a new install may be migrated, or not
    yet have any table)."""
    tables = set(connection.introspection.table_names())
    return not any(
        model._base_manager.exists()
        for model in apps.get_models()
        if model._meta.label not in _WRITTEN_BY_MIGRATE and model._meta.db_table in tables
    )


def dump(target: Path) -> None:
    if vendor() == "sqlite":
        _sqlite_dump(target)
    else:
        _pg_dump(target)


def load(source: Path) -> None:
    if vendor() == "sqlite":
        _sqlite_load(source)
    else:
        _pg_load(source)


def _sqlite_path() -> str:
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise Refused("the database is in memory: there is no file to back up or restore")
    return name


def _sqlite_dump(target: Path) -> None:
    source = sqlite3.connect(_sqlite_path())
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
        # One self-contained file: no WAL beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()


def _sqlite_load(source: Path) -> None:
    connection.close()  # Django's own connection must not hold the old file open
    archived = sqlite3.connect(source)
    live = sqlite3.connect(_sqlite_path())
    try:
        archived.backup(live)
    finally:
        live.close()
        archived.close()


def pg_program(name: str) -> str:
    """The path of pg_dump or pg_restore: in PG_BIN, else the newest PostgreSQL's on this
    machine, else on PATH."""
    if folder := os.environ.get("PG_BIN"):
        return str(Path(folder) / name)

    def version(path: str) -> int:
        return int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0

    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    if found:
        return found[-1]
    if on_path := shutil.which(name):
        return on_path
    raise Refused(f"{name} was not found: install PostgreSQL's client programs or set PG_BIN")


def _pg_arguments() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    args = ["--dbname", s["NAME"], "--no-owner", "--no-privileges"]
    if s.get("HOST"):
        args += ["--host", s["HOST"]]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", s["USER"]]
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = s["PASSWORD"]
    return args, env


def _run(argv: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise Refused(f"{Path(argv[0]).name} failed: {result.stderr.strip()[-2000:]}")


def _pg_dump(target: Path) -> None:
    args, env = _pg_arguments()
    _run([pg_program("pg_dump"), "--format=custom", "--file", str(target), *args], env)


def _pg_load(source: Path) -> None:
    args, env = _pg_arguments()
    connection.close()
    # A migrated but empty installation already has the tables: --clean replaces them
    # with the archive's, in one transaction, so a failure leaves it as it was.
    _run(
        [
            pg_program("pg_restore"),
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(source),
        ],
        env,
    )
