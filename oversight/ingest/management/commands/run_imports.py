"""`oversight run-imports [--stalled-after MINUTES]`: read uploaded documents still
waiting, once, and exit.

Uploads are read by `oversight worker`, which loops. This reads what is waiting now
(queued, or `extracting` with progress that no longer moves because its worker died),
one after another, in its own process, then exits: for a site run without a worker
loop, from cron. It never reads an import another worker is reading (each is claimed
first).
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
