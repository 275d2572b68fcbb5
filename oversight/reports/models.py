"""Update reports issued to a commission: which review, for whom, when, by whom, the
document as issued, and the state of each item then, from which the next report says
what has changed.

An issued report is a record of what the commission was told, so it is append-only
(`AppendOnly`; the database refuses UPDATE and DELETE too, see oversight.safekeeping).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.db import models
from django.utils import timezone

from oversight.meetings.models import ForwardPlanItem
from oversight.tracker.models import Review
from oversight.visibility.records import AppendOnly


class Audience(models.TextChoices):
    """Who a report is for. The public version leaves out every restricted record; the
    restricted version holds what its reader may see and says on every page that it is
    not for publication."""

    PUBLIC = "public", "Public"
    RESTRICTED = "restricted", "Restricted"


def report_path(instance: UpdateReport, filename: str) -> str:
    return f"update-reports/{instance.review_id}/{os.path.basename(filename)}"


class UpdateReport(AppendOnly):
    """One update report as issued to a commission about one review."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="update_reports")
    audience = models.CharField(max_length=10, choices=Audience.choices)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The forward plan entry that asked for this report ("an update in 9-12 months").
    forward_plan_item = models.ForeignKey(
        ForwardPlanItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="update_reports",
    )
    # The report as issued, as a PDF: what goes into a meeting's papers.
    document = models.FileField(upload_to=report_path, max_length=300)
    # Per item: {"<item id>": {"status", "progress", "rag", "verified",
    # "latest_update"}}; per recommendation: {"<id>": status}. See changes.py.
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        version = self.get_audience_display().lower()
        return f"Update report on {self.review} ({version}), {self.issued_at:%d %B %Y}"
