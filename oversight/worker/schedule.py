"""The jobs the worker runs on a schedule, and taking one when it is due.

`send-reminders` runs once a day at `settings.REMINDERS_AT` (local time, default 07:15),
as the cron line in docs/operations.md used to. A worker started after that time on a
day the job has not run runs it at once: sending is idempotent (each message is kept
with a unique key), so a late run sends what is owed and nothing twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ScheduledJob


@dataclass(frozen=True)
class Job:
    name: str
    at: Callable[[], time]  # the local time of day it runs
    run: Callable[[], str]  # runs it; returns its outcome in one line


def _send_reminders() -> str:
    from oversight.chasing import operations

    return operations.send_due().line()


def reminders_at() -> time:
    hours, minutes = settings.REMINDERS_AT.split(":")
    return time(int(hours), int(minutes))


JOBS = [Job("send-reminders", reminders_at, _send_reminders)]


def slot_on(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def next_slot_after(moment: datetime, at: time) -> datetime:
    """The first time of day `at` strictly after `moment`, in local time."""
    today = timezone.localtime(moment).date()
    slot = slot_on(today, at)
    return slot if slot > moment else slot_on(today + timedelta(days=1), at)


def claim_due(job: Job, now: datetime | None = None) -> bool:
    """Take `job` if it is due, moving its next run to the next slot. True for exactly
    one of several workers asking at once."""
    now = now or timezone.now()
    at = job.at()
    row = ScheduledJob.objects.filter(name=job.name).first()
    if row is None:
        # First start: today's slot, which may already have passed (then it runs now).
        first = slot_on(timezone.localtime(now).date(), at)
        try:
            with transaction.atomic():
                row = ScheduledJob.objects.create(name=job.name, next_run_at=first)
        except IntegrityError:  # another worker made it first
            row = ScheduledJob.objects.get(name=job.name)
    if row.next_run_at > now:
        return False
    return (
        ScheduledJob.objects.filter(pk=row.pk, next_run_at=row.next_run_at).update(
            next_run_at=next_slot_after(now, at), last_started_at=now
        )
        == 1
    )


def record_outcome(job: Job, outcome: str) -> None:
    ScheduledJob.objects.filter(name=job.name).update(
        last_finished_at=timezone.now(), last_outcome=outcome[:2000]
    )
