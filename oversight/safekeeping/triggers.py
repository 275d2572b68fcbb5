"""The triggers that keep history and append-only tables as written.

What is refused, on SQLite and PostgreSQL alike, with an IntegrityError naming the table:
- any DELETE of a row (and on PostgreSQL any TRUNCATE of the table);
- any UPDATE of a row, except one that only empties columns that Django empties itself
  when the row they point at is deleted (`on_delete=SET_NULL`: the author of an update,
  the user who recorded a history row). The record keeps its words, dates and figures;
  it only loses the link to a person's account that no longer exists.

The one escape is `maintenance(connection)`, for a connection that must empty the whole
database: the `flush` command (which test teardown also calls) uses it, and nothing else
in the code does. On PostgreSQL it sets the session setting `oversight.maintenance`; on
SQLite it sets a flag that the function `oversight_maintenance()`, registered on each of
the app's connections, reports. A SQLite client that is not the app lacks that function,
so its writes to these tables fail too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps as global_apps
from django.db import connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from simple_history.models import HistoricalChanges

SETTING = "oversight.maintenance"
FUNCTION = "oversight_maintenance"
PREFIX = "oversight_keep_"


def is_history(model: type[models.Model]) -> bool:
    """A django-simple-history table: every version of a row (and of its many-to-many
    links), with who and when."""
    return issubclass(model, HistoricalChanges)


def is_append_only(model: type[models.Model]) -> bool:
    return getattr(model, "append_only", False) is True


def protected_models() -> list[type[models.Model]]:
    return [
        m
        for m in global_apps.get_models(include_auto_created=True)
        if not m._meta.proxy and (is_history(m) or is_append_only(m))
    ]


def emptied_on_delete(model: type[models.Model]) -> list[str]:
    """The columns Django sets to NULL when the row they point at is deleted."""
    return sorted(
        f.column
        for f in model._meta.concrete_fields
        if f.is_relation and getattr(f.remote_field, "on_delete", None) is models.SET_NULL
    )


def protected_tables(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """Each protected table that exists in this database, with its emptiable columns."""
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    return {
        m._meta.db_table: emptied_on_delete(m)
        for m in protected_models()
        if m._meta.db_table in existing
    }


def install(connection: BaseDatabaseWrapper) -> list[str]:
    """(Re)create the triggers on every protected table; returns the tables covered."""
    tables = protected_tables(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_POSTGRES_FUNCTION)
        for table, emptiable in sorted(tables.items()):
            columns = _columns(connection, cursor, table)
            for statement in _drop(connection, table) + _create(
                connection, table, columns, emptiable
            ):
                cursor.execute(statement)
    return sorted(tables)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for table in protected_tables(connection):
            for statement in _drop(connection, table):
                cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS oversight_keep_record()")


def triggers_named(connection: BaseDatabaseWrapper, cursor, prefix: str) -> list[tuple[str, str]]:
    """(table, trigger) for every trigger in the database whose name starts `prefix`."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE %s",
            [prefix + "%"],
        )
    else:
        cursor.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [prefix + "%"],
        )
    return cursor.fetchall()


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The protected tables that have both their triggers now (for checks and tests)."""
    with connection.cursor() as cursor:
        found: dict[str, set[str]] = {}
        for table, name in triggers_named(connection, cursor, PREFIX):
            found.setdefault(table, set()).add(name.rsplit("_", 1)[-1])
    return {table for table, kinds in found.items() if {"update", "delete"} <= kinds}


@contextmanager
def maintenance(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Let this one connection delete and change protected rows while the block runs.

    For emptying a whole database (`flush`), never for editing a record."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', false)", [SETTING])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'off', false)", [SETTING])
    else:
        connection.oversight_maintenance = True
        try:
            yield
        finally:
            connection.oversight_maintenance = False


def register_sqlite_function(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    """Give each new SQLite connection the function the triggers ask."""
    if connection.vendor != "sqlite":
        return
    connection.oversight_maintenance = False
    connection.connection.create_function(
        FUNCTION, 0, lambda: 1 if connection.oversight_maintenance else 0
    )


def reinstall_after_migrate(sender, using: str = "default", plan=None, **kwargs) -> None:
    # `flush` sends post_migrate too, with no plan: it empties tables and leaves their
    # triggers be, so there is nothing to reinstall (and tests flush often).
    if plan is None:
        return
    install(connections[using])


# --- SQL ---------------------------------------------------------------------------

_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION oversight_keep_record() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    col text;
BEGIN
    IF coalesce(current_setting('oversight.maintenance', true), '') = 'on' THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
        -- Only emptiable columns differ; each must have been emptied, not repointed.
        FOREACH col IN ARRAY TG_ARGV LOOP
            IF to_jsonb(NEW) -> col IS DISTINCT FROM to_jsonb(OLD) -> col
               AND to_jsonb(NEW) -> col <> 'null'::jsonb THEN
                RAISE EXCEPTION
                    'oversight: rows of % are kept as written: they cannot be changed',
                    TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
            END IF;
        END LOOP;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'oversight: rows of % are kept as written: they cannot be %',
        TG_TABLE_NAME, CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END
        USING ERRCODE = 'restrict_violation';
END;
$$
"""


def _columns(connection, cursor, table: str) -> list[str]:
    return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def _name(table: str, kind: str) -> str:
    # SQLite's trigger names are one namespace for the whole database; PostgreSQL's are
    # per table (and cut at 63 characters, which long history table names exceed).
    return f"{PREFIX}{table}_{kind}"


def _drop(connection, table: str) -> list[str]:
    q = connection.ops.quote_name
    if connection.vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {q(PREFIX + kind)} ON {q(table)}"
            for kind in ("update", "delete", "truncate")
        ]
    return [f"DROP TRIGGER IF EXISTS {q(_name(table, kind))}" for kind in ("update", "delete")]


def _create(connection, table: str, columns: list[str], emptiable: list[str]) -> list[str]:
    q = connection.ops.quote_name
    if connection.vendor == "postgresql":
        args = ", ".join("'" + c.replace("'", "''") + "'" for c in emptiable)
        return [
            f"CREATE TRIGGER {q(PREFIX + 'update')} BEFORE UPDATE ON {q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION oversight_keep_record({args})",
            f"CREATE TRIGGER {q(PREFIX + 'delete')} BEFORE DELETE ON {q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION oversight_keep_record()",
            f"CREATE TRIGGER {q(PREFIX + 'truncate')} BEFORE TRUNCATE ON {q(table)} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION oversight_keep_record()",
        ]
    unchanged = " AND ".join(
        f"(OLD.{q(c)} IS NEW.{q(c)} OR NEW.{q(c)} IS NULL)"
        if c in emptiable
        else f"OLD.{q(c)} IS NEW.{q(c)}"
        for c in columns
    )
    message = f"oversight: rows of {table} are kept as written: they cannot be"
    return [
        f"CREATE TRIGGER {q(_name(table, 'update'))} BEFORE UPDATE ON {q(table)} "
        f"WHEN NOT {FUNCTION}() AND NOT ({unchanged}) "
        f"BEGIN SELECT RAISE(ABORT, '{message} changed'); END",
        f"CREATE TRIGGER {q(_name(table, 'delete'))} BEFORE DELETE ON {q(table)} "
        f"WHEN NOT {FUNCTION}() "
        f"BEGIN SELECT RAISE(ABORT, '{message} deleted'); END",
    ]
