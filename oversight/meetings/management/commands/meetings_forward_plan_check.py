"""`oversight meetings-forward-plan-check`: list the reports on every body's forward plan
that are overdue (not taken by their due date), for a clerk or a scheduled job.

Exits with status 1 when any are overdue and `--fail` is given, so a job can alert.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from oversight.directory.models import Body
from oversight.meetings.forward_plan import plan_rows
from oversight.visibility.viewer import Viewer

EVERYONE = Viewer(is_superuser=True)


class Command(BaseCommand):
    help = "List overdue reports on the bodies' forward plans."

    def add_arguments(self, parser):
        parser.add_argument("--fail", action="store_true", help="Exit 1 if any are overdue.")

    def handle(self, *args, fail: bool = False, **options):
        today = timezone.localdate()
        overdue = 0
        for body in Body.objects.filter(forward_plan__isnull=False).distinct():
            rows = [r for r in plan_rows(body, EVERYONE, today) if r.overdue]
            if not rows:
                continue
            self.stdout.write(f"{body.name}:")
            for r in rows:
                lead = f" ({r.entry.lead})" if r.entry.lead else ""
                due = r.due_label[:1].lower() + r.due_label[1:]  # "by 1 May", "1 May to..."
                self.stdout.write(f"  OVERDUE {r.entry.title}{lead}, due {due}")
            overdue += len(rows)
        self.stdout.write(f"{overdue} overdue report{'s' if overdue != 1 else ''}.")
        if overdue and fail:
            raise CommandError("Some forward plan reports are overdue.")
