"""When each scheduled job last ran and when it is next due.

One row per job. A worker runs a job only after moving its `next_run_at` on by a
conditional update (`schedule.claim_due`): the database lets one worker win, so several
workers never run the same job twice. No history is kept: these rows record the
machinery, not anything a council decided (what the job sent is kept, e.g. chasing's
`SentMessage`)."""

from __future__ import annotations

from django.db import models


class ScheduledJob(models.Model):
    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "next_run_at": self.next_run_at.isoformat(),
            "last_started_at": self.last_started_at and self.last_started_at.isoformat(),
            "last_finished_at": self.last_finished_at and self.last_finished_at.isoformat(),
            "last_outcome": self.last_outcome,
        }
