"""Triggers that refuse UPDATE and DELETE on history and append-only tables.

They are made from the models (oversight.safekeeping.triggers), and made again after
every later migrate, because SQLite drops a table's triggers when it rebuilds the table
to alter it."""

from django.db import migrations


def install(apps, schema_editor):
    from oversight.safekeeping import triggers

    triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from oversight.safekeeping import triggers

    triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    # Triggers are created outside a schema change; PostgreSQL's CREATE FUNCTION and
    # CREATE TRIGGER run in the migration's transaction like any other statement.
    dependencies = [
        ("directory", "0001_initial"),
        ("tracker", "0002_item_review_protect_history"),
        ("meetings", "0002_minutes_papers_forward_plan"),
        ("ingest", "0001_initial"),
        ("indicators", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
