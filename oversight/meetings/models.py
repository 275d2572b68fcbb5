"""Meetings of bodies: when and where, who came, the agenda. (Minutes, carry-forward of
actions and the forward plan build on these.)"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from oversight.directory.models import Body, Person
from oversight.tracker.models.reviews import Restrictable
from oversight.tracker.models.visibility import NOTHING, Viewer


class Meeting(Restrictable):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=300, blank=True)
    date = models.DateField()
    start = models.TimeField(null=True, blank=True)
    end = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    online_link = models.URLField(blank=True)
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    published = models.BooleanField(default=False)
    source_document = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start"]

    def __str__(self) -> str:
        return self.title or f"{self.body} – {self.date:%d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.pk])

    @staticmethod
    def public_q(prefix: str) -> Q:
        return Q(
            **{
                f"{prefix}restricted": False,
                f"{prefix}published": True,
                f"{prefix}body__is_public": True,
            }
        )

    @staticmethod
    def open_q(prefix: str, drafts: bool) -> Q:
        q = Q(**{f"{prefix}restricted": False})
        return q if drafts else q & Q(**{f"{prefix}published": True})

    @staticmethod
    def concerned_q(viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}body_id__in": viewer.body_ids})


class AgendaItem(Restrictable):
    class Purpose(models.TextChoices):
        NOTE = "note", "To note"
        DISCUSSION = "discussion", "For discussion"
        DECISION = "decision", "For decision"
        NONE = "", "Not stated"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=10, blank=True)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    start = models.TimeField(null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, blank=True, default="")
    presenters = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PRESENT)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"
