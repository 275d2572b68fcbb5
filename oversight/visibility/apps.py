from django.apps import AppConfig
from django.db.models.signals import post_migrate


class VisibilityConfig(AppConfig):
    name = "oversight.visibility"
    verbose_name = "Who may see which records"

    def ready(self) -> None:
        from . import shown

        # After every migrate, not in a migration: SQLite drops a table's triggers when
        # it rebuilds the table, and the triggers are made from the rule as it is now.
        post_migrate.connect(shown.reinstall_after_migrate, sender=self)
