"""`oversight restore FILE`: put a backup archive back into an empty installation (a new
database, migrated or not, an empty MEDIA_ROOT, no stop-and-search store). A damaged
archive, one from another database engine or another version of Oversight, or an
installation that is not empty, is refused with the reason, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.backups.archive import restore_backup
from oversight.backups.errors import Refused


class Command(BaseCommand):
    help = "Restore a backup archive into an empty installation."
    # The installation may be entirely new: no tables for the checks to read yet.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the archive written by `oversight backup`")

    def handle(self, *args, file: Path, **options):
        try:
            summary = restore_backup(file)
        except Refused as exc:
            raise CommandError(f"Nothing was restored: {exc}.") from exc
        self.stdout.write(f"Restored {file}: {summary.line()}")
