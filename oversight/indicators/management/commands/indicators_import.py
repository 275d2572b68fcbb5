"""`oversight indicators-import FILE.csv`: load indicator figures from a CSV file.

The file is checked whole first: any bad row refuses it, with line numbers and reasons,
and nothing is written. `--dry-run` shows what it would do without writing. Importing
the same file again changes nothing. Columns: see oversight/indicators/csvfiles.py.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oversight.indicators import csvfiles, operations
from oversight.indicators.models import Indicator


class Command(BaseCommand):
    help = "Import indicator figures from a CSV file (all or nothing; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        # The command is run by whoever administers the server: every indicator counts.
        plan = csvfiles.read_csv(data, Indicator.private_objects.select_related("body"))
        if plan.errors:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{file.name} was refused: nothing has been written.")
        counts = plan.counts()
        for indicator, label in plan.new_benchmarks():
            self.stdout.write(f"New comparison series: {label} ({indicator.slug})")
        if dry_run:
            self.stdout.write(
                f"Would add {counts['new']}, change {counts['changed']}, "
                f"leave {counts['unchanged']} unchanged. Nothing written (dry run)."
            )
            return
        report = operations.record_batches(plan.batches(), source=f"CSV {file.name} (command)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {file.name}: {report.created} new, {report.updated} changed, "
                f"{report.unchanged} unchanged."
            )
        )
