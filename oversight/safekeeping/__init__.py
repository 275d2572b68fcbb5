"""Safekeeping: the database itself refuses to change or delete the record's history.

Django-simple-history's history tables (every `Historical*` model) and the append-only
tables (updates, evidence, verifications, corrections to minutes, action reviews: every
`AppendOnly` model) get triggers, on SQLite and on PostgreSQL, that refuse UPDATE and
DELETE (and TRUNCATE on PostgreSQL), whoever sends them: the app, the admin, a raw query
or someone at the database prompt. See `triggers` for the one exception (a column
emptied because the row it pointed at was deleted) and for `maintenance`, the
per-connection escape that only `flush` uses.
"""
