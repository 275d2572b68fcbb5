"""`oversight backup FILE`: write one archive of this installation (the database, the
stop-and-search store and every uploaded file, with a manifest and checksums) to FILE.
Safe while the site is in use. See oversight/backups/archive.py."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.backups.archive import write_backup
from oversight.backups.errors import Refused


class Command(BaseCommand):
    help = "Write a backup archive of the database, the stop-and-search store and uploads."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the archive to write (.tar.gz)")

    def handle(self, *args, file: Path, **options):
        try:
            summary = write_backup(file)
        except Refused as exc:
            raise CommandError(f"No backup was written: {exc}.") from exc
        self.stdout.write(f"Backed up to {file}: {summary.line()}")
