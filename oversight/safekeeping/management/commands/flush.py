"""`oversight flush`: Django's flush, allowed to empty the protected history tables.

Emptying the whole database is the one thing that may delete history rows, and test
teardown relies on it, so it runs under `triggers.maintenance` for its connection."""

from django.core.management.commands import flush
from django.db import connections

from oversight.safekeeping.triggers import maintenance


class Command(flush.Command):
    help = flush.Command.help + " History and append-only tables are emptied too."

    def handle(self, **options):
        with maintenance(connections[options["database"]]):
            return super().handle(**options)
