"""`oversight send-reminders [--dry-run]`: send what every open update round owes today
(requests not yet delivered, reminders, escalations, weekly digests), each once. Run it
from cron; running it again the same day sends nothing more."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ... import operations


class Command(BaseCommand):
    help = "Send the reminders, escalations and digests that open update rounds owe today."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be sent; send and record nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        summary = operations.send_due(dry_run=dry_run)
        for due in summary.messages:
            verb = "would send" if dry_run else "sent"
            self.stdout.write(
                f"{verb} {due.kind} to {due.recipient.name} <{due.address}> for round "
                f"{due.round.pk} ({len(due.items)} items): {due.reason}"
            )
        for due in summary.unreachable:
            self.stdout.write(
                f"not sent: {due.kind} to {due.recipient.name} for round {due.round.pk}: "
                "no email address"
            )
        for due, error in summary.failed:
            self.stderr.write(f"failed: {due.kind} to {due.address}: {error}")
        self.stdout.write(summary.line())
