"""`oversight search-index`: make the search index afresh from every record.

Saves and deletes keep the index current by themselves; this is for after a restore or
a bulk change made outside the application."""

from django.core.management.base import BaseCommand

from oversight.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the full-text search index from every searchable record."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"search index: {count} records indexed")
