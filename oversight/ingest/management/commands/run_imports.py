"""`oversight run-imports [--stalled-after MINUTES]`: read uploaded documents still
waiting.

An upload is read in a background thread of the web process that received it. If that
process stops first (a restart, a deploy, a crash), the import stays `queued`, or
`extracting` with progress that no longer moves. This command reads those, one after
another, in its own process: run it after a restart, or from cron every few minutes.
It never reads an import another worker is reading (each is claimed first), and exits
when none is left.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from oversight.ingest import operations


class Command(BaseCommand):
    help = "Read uploaded documents that are still queued, or whose reading stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stalled-after",
            type=float,
            default=operations.STALLED_AFTER.total_seconds() / 60,
            help="Restart an import whose progress has not moved for this many minutes "
            "(default 10).",
        )

    def handle(self, *args, stalled_after: float, **options):
        stalled_before = timezone.now() - timedelta(minutes=stalled_after)
        waiting = list(operations.pending_imports(stalled_before=stalled_before))
        if not waiting:
            self.stdout.write("No imports are waiting.")
            return
        for imp in waiting:
            done = operations.run_extraction(imp.pk, stalled_before=stalled_before)
            if done is None:
                self.stdout.write(f"#{imp.pk} {imp.original_name}: taken by another worker")
            elif done.status == done.Status.FAILED:
                self.stdout.write(f"#{imp.pk} {imp.original_name}: refused: {done.error}")
            else:
                self.stdout.write(f"#{imp.pk} {imp.original_name}: {done.get_status_display()}")
