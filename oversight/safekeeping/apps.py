from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class SafekeepingConfig(AppConfig):
    name = "oversight.safekeeping"
    verbose_name = "Safekeeping of the record"

    def ready(self) -> None:
        from . import triggers

        connection_created.connect(triggers.register_sqlite_function)
        # After every migrate, not only in this app's migration: SQLite rebuilds a table
        # to alter it, which drops its triggers, and a new history or append-only model
        # must be covered from its first migration on.
        post_migrate.connect(triggers.reinstall_after_migrate, sender=self)
