"""The public flag: each restrictable record keeps the answer to "may anyone see this?"
in its own row (`shown_publicly`), and the database keeps that answer current.

Why: the rule (`Restrictable.public_rule_q`) reads through everything a record hangs
from. For an action that is its recommendation, review, meeting, plan, agenda item and
response, and each one's body: fourteen joins for every row a public list counts or
sorts, so public pages slowed down in step with the record. With the answer in the row,
a public list reads one indexed column (`Restrictable.public_q`).

How it stays true, on SQLite and PostgreSQL alike, whatever sends the write (the app,
the importer, a data migration, a raw query): triggers made from the rule itself.

- After a row of a restrictable table is inserted or changed, its own flag is worked
  out again from the rule.
- After a row of any table the rule reads through is inserted or changed (a review
  published, a body made private, a recommendation moved to another review), the flag
  of every record that reaches that row is worked out again.

Each trigger's statements are Django's own compilation of the rule, so a change to the
rule needs no hand-written SQL. They are reinstalled after every `migrate` (SQLite drops
a table's triggers when it rebuilds the table to alter it) and every flag is then worked
out afresh, so a database migrated from before the flag, or written while a migration
had the triggers off, comes out right. `tests/visibility/test_shown_publicly.py` holds
the flag to the rule after every kind of change, including raw SQL.

Only the column the triggers write is left out of their `UPDATE OF` lists, so writing a
flag never sets off another trigger. Django's `save()` writes every column, the flag's
stale in-memory value included, and that same write sets off the row's own trigger,
which puts the right value back before the statement ends.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q

from oversight.safekeeping.triggers import triggers_named

FLAG = "shown_publicly"
PREFIX = "oversight_shown_"
# A pk no row has, compiled into each statement and then swapped for the trigger's row.
_SENTINEL = -704312561


def restrictable_models() -> list[type[models.Model]]:
    from .records import Restrictable

    return [
        m
        for m in global_apps.get_models()
        if issubclass(m, Restrictable) and not m._meta.proxy and not m._meta.abstract
    ]


def _lookups(q: Q):
    for child in q.children:
        if isinstance(child, Q):
            yield from _lookups(child)
        else:
            yield child[0]


def dependencies(model: type[models.Model]) -> list[tuple[str, type[models.Model]]]:
    """Each table `model`'s public rule reads, as (path from `model`, model there);
    `("", model)` for its own row."""
    found: dict[str, type[models.Model]] = {"": model}
    for lookup in _lookups(model.public_rule_q()):
        current, path = model, []
        for part in lookup.split("__"):
            try:
                field = current._meta.get_field(part)
            except FieldDoesNotExist:
                break  # a lookup ("in", "isnull") or "pk"
            if not field.is_relation:
                break
            path.append(part)
            current = field.related_model
            found["__".join(path)] = current
    return sorted(found.items())


def _render(connection: BaseDatabaseWrapper, queryset, row: str) -> str:
    """The query's SQL with its parameters written in, `row` standing for the sentinel."""
    sql, params = queryset.query.get_compiler(connection=connection).as_sql()
    # Not entered: only its quoting is used, and SQLite refuses to enter one mid-transaction.
    editor = connection.SchemaEditorClass(connection)
    literals = [row if p == _SENTINEL else editor.quote_value(p) for p in params]
    return sql % tuple(literals)


def _recompute(connection, model, path: str | None, row: str) -> str:
    """An UPDATE that works out `model`'s flag again: for the rows reaching `row` along
    `path` (`""` for the row itself), or every row when `path` is None."""
    q = connection.ops.quote_name
    table = q(model._meta.db_table)
    pk = q(model._meta.pk.column)
    rows = model.private_objects.order_by()
    if path is not None:
        rows = rows.filter(**{f"{path}__pk" if path else "pk": _SENTINEL})
    where = (
        "" if path is None else f" WHERE {pk} IN ({_render(connection, rows.values('pk'), row)})"
    )
    try:
        shown = _render(connection, rows.filter(model.public_rule_q()).values("pk"), row)
        value = f"{pk} IN ({shown})"
    except EmptyResultSet:  # a rule that no row meets (chasing is never public)
        value = "FALSE"
    return f"UPDATE {table} SET {q(FLAG)} = {value}{where}"


def source_statements(connection) -> dict[type[models.Model], list[str]]:
    """For each table some public rule reads, the statements to run after one of its
    rows (`NEW`) is inserted or changed."""
    statements: dict[type[models.Model], list[str]] = {}
    for model in restrictable_models():
        for path, source in dependencies(model):
            row = f"NEW.{connection.ops.quote_name(source._meta.pk.column)}"
            steps = statements.setdefault(source, [])
            if not path and connection.vendor == "postgresql":
                steps += _lock_parents(connection, model, row)
            steps.append(_recompute(connection, model, path, row))
    return statements


def _lock_parents(connection, model, row: str) -> list[str]:
    """PostgreSQL: share-lock every row the rule reads for `row` before working out its
    flag. Without it, a record written while another transaction restricts its review
    would be worked out from the review as it was (read committed), and stay public.
    With it, one waits for the other to commit, and the later one's statements see the
    earlier one's rows. (SQLite lets one writer at a time: nothing to lock there.)"""
    q = connection.ops.quote_name
    locks = []
    for path, source in dependencies(model):
        if not path:
            continue
        reached = model.private_objects.order_by().filter(pk=_SENTINEL).values(f"{path}__pk")
        locks.append(
            f"PERFORM 1 FROM {q(source._meta.db_table)} WHERE {q(source._meta.pk.column)} "
            f"IN ({_render(connection, reached, row)}) FOR SHARE"
        )
    return locks


def install(connection: BaseDatabaseWrapper) -> list[str]:
    """(Re)create the triggers and work out every flag afresh; returns the tables that
    have triggers."""
    sources = source_statements(connection)
    with connection.cursor() as cursor:
        for statement in _drop_all(connection, cursor):
            cursor.execute(statement)
        for source, statements in sources.items():
            for statement in _create(connection, cursor, source, statements):
                cursor.execute(statement)
        for model in restrictable_models():
            cursor.execute(_recompute(connection, model, None, ""))
    return sorted(source._meta.db_table for source in sources)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The tables that have the flag's triggers now."""
    with connection.cursor() as cursor:
        return {table for table, _ in triggers_named(connection, cursor, PREFIX)}


def reinstall_after_migrate(sender, using: str = "default", plan=None, **kwargs) -> None:
    # `flush` sends post_migrate too, with no plan: it empties tables and leaves their
    # triggers be, so there is nothing to reinstall (and tests flush often).
    if plan is None:
        return
    install(connections[using])


# --- SQL ---------------------------------------------------------------------------


def _watched_columns(connection, cursor, table: str) -> list[str]:
    """Every column of the table but the flag: a change to any of them may change what
    the rule says, and a change to the flag alone must not set the triggers off again."""
    columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
    return [c for c in columns if c != FLAG]


def _drop_all(connection, cursor) -> list[str]:
    q = connection.ops.quote_name
    found = triggers_named(connection, cursor, PREFIX)
    if connection.vendor != "postgresql":
        return [f"DROP TRIGGER IF EXISTS {q(name)}" for _, name in found]
    drops = [f"DROP TRIGGER IF EXISTS {q(name)} ON {q(table)}" for table, name in found]
    cursor.execute("SELECT p.proname FROM pg_proc p WHERE p.proname LIKE %s", [PREFIX + "%"])
    return drops + [f"DROP FUNCTION IF EXISTS {q(n)}()" for (n,) in cursor.fetchall()]


def _create(connection, cursor, source, statements: list[str]) -> list[str]:
    q = connection.ops.quote_name
    table = source._meta.db_table
    columns = ", ".join(q(c) for c in _watched_columns(connection, cursor, table))
    body = "".join(f"{s}; " for s in statements)
    name = PREFIX + table
    if connection.vendor == "postgresql":
        return [
            f"CREATE FUNCTION {q(name)}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body}RETURN NULL; END $$",
            f"CREATE TRIGGER {q(name)} AFTER INSERT OR UPDATE OF {columns} ON {q(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {q(name)}()",
        ]
    return [
        f"CREATE TRIGGER {q(name + '_insert')} AFTER INSERT ON {q(table)} "
        f"FOR EACH ROW BEGIN {body}END",
        f"CREATE TRIGGER {q(name + '_update')} AFTER UPDATE OF {columns} ON {q(table)} "
        f"FOR EACH ROW BEGIN {body}END",
    ]
