"""Meetings of bodies: when and where, who came, the agenda with its papers, the
minutes (notes per item, decisions, corrections once approved), what each meeting
recorded on actions carried forward from earlier ones, and each body's forward plan.

Actions agreed at a meeting are tracker items (`TrackedItem`, origin "action").
Minutes are locked once approved at a later meeting: `AgendaItem.save` refuses to
change the notes, `Decision` refuses to change at all, and corrections are appended
as `Correction` records (see operations.py for the rules as the app applies them).
"""

from __future__ import annotations

import os
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from oversight.directory.models import Body, Person
from oversight.tracker.models import Review, TrackedItem, Update
from oversight.visibility.records import NOTHING, AppendOnly, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer

LOCKED_MESSAGE = (
    "The minutes of this meeting were approved and are locked. Record a correction instead."
)


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
    # Set once, by operations.approve_minutes: the minutes are then locked for good.
    minutes_approved_on = models.DateField(null=True, blank=True, editable=False)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_minutes_of",
        editable=False,
        help_text="The meeting at which these minutes were approved.",
    )
    history = RestrictableHistory()

    class Meta:
        ordering = ["-date", "-start"]

    def __str__(self) -> str:
        return self.title or f"{self.body} – {self.date.day} {self.date:%B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.pk])

    @property
    def minutes_locked(self) -> bool:
        return self.minutes_approved_on is not None

    @property
    def sort_key(self) -> tuple:
        """Meetings in the order they happen: date, then start time, then creation."""
        from .carry_forward import meeting_key

        return meeting_key(self.date, self.start, self.pk)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            before = (
                Meeting.private_objects.filter(pk=self.pk)
                .values("minutes_approved_on", "minutes_approved_at")
                .first()
            )
            if before and before["minutes_approved_on"] is not None:
                if (
                    before["minutes_approved_on"] != self.minutes_approved_on
                    or before["minutes_approved_at"] != self.minutes_approved_at_id
                ):
                    raise ValidationError("The approval of minutes cannot be changed or undone.")
        super().save(*args, **kwargs)

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}published": True, f"{prefix}body__is_public": True})

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        return Q() if drafts else Q(**{f"{prefix}published": True})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}body_id__in": viewer.body_ids})


# Titles that mean "the open actions from last time, with an update on each".
_ACTIONS_TITLE = re.compile(
    r"^(notes|minutes)\b.*\bactions?\b|^actions?\b|\baction log\b|^matters arising", re.I
)


class _MeetingPart(Restrictable):
    """A record that hangs from a meeting (and maybe one agenda item): it is visible
    when the meeting is, unless it or its agenda item is restricted (exempt)."""

    parents = ("meeting",)
    restricting_parents = ("agenda_item",)

    class Meta:
        abstract = True

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}meeting__body_id__in": viewer.body_ids})


class AgendaItem(Restrictable):
    class Purpose(models.TextChoices):
        NOTE = "note", "To note"
        DISCUSSION = "discussion", "For discussion"
        DECISION = "decision", "For decision"
        NONE = "", "Not stated"

    class Kind(models.TextChoices):
        ITEM = "item", "Item"
        ACTIONS = "actions", "Notes, actions and updates"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(max_length=10, blank=True)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    start = models.TimeField(null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, blank=True, default="")
    presenters = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    start_pinned = models.BooleanField(
        default=False,
        help_text="The clerk fixed this start time; later items are timed from it.",
    )
    standing = models.BooleanField(
        default=False, help_text="A standing item: it recurs on every agenda of the body."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ITEM)
    history = RestrictableHistory()

    class Meta:
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def is_actions_item(self) -> bool:
        """The item where open actions from earlier meetings are taken."""
        return self.kind == self.Kind.ACTIONS or bool(_ACTIONS_TITLE.search(self.title.strip()))

    @property
    def leads(self) -> str:
        return ", ".join(str(p) for p in self.presenters or [])

    def save(self, *args, **kwargs):
        if self.pk is not None:
            before = (
                AgendaItem.private_objects.filter(pk=self.pk)
                .values("notes", "meeting__minutes_approved_on")
                .first()
            )
            if (
                before
                and before["meeting__minutes_approved_on"] is not None
                and before["notes"] != self.notes
            ):
                raise ValidationError(LOCKED_MESSAGE)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("meeting", args=[self.meeting_id]) + f"#item-{self.pk}"

    parents = ("meeting",)

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}meeting__body_id__in": viewer.body_ids})


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


def paper_path(instance: Paper, filename: str) -> str:
    # Keep the uploaded name readable, but never trust its directory part.
    return f"papers/{instance.meeting_id}/{os.path.basename(filename)}"


class Paper(_MeetingPart):
    """A document for the meeting (a report, briefing, the draft minutes), perhaps
    for one agenda item. Served only through the access-checked `paper` view."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers"
    )
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_path, max_length=300)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = RestrictableHistory()

    class Meta:
        ordering = ["meeting", "agenda_item__position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name) if self.file else ""

    def get_absolute_url(self) -> str:
        return reverse("meeting_paper", args=[self.pk])


class Decision(_MeetingPart):
    """A decision recorded in the minutes. Part of the minutes: public only once they
    are approved, and never changed after that."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    history = RestrictableHistory()

    class Meta:
        ordering = ["meeting", "agenda_item__position", "pk"]

    def __str__(self) -> str:
        return self.text[:100]

    def _refuse_if_locked(self) -> None:
        if Meeting.private_objects.filter(
            pk=self.meeting_id, minutes_approved_on__isnull=False
        ).exists():
            raise ValidationError(LOCKED_MESSAGE)

    def save(self, *args, **kwargs):
        self._refuse_if_locked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_locked()
        return super().delete(*args, **kwargs)

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}meeting__minutes_approved_on__isnull": False})

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        # Signed-in readers who do not see drafts see decisions once the minutes are approved.
        return Q() if drafts else cls.own_public_q(prefix)


class Correction(AppendOnly):
    """A correction to approved minutes: appended beside them, never written over."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(help_text="What the minutes should say.")
    reason = models.TextField(blank=True)
    agreed_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrections_agreed",
        help_text="The meeting that agreed the correction, if any.",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"Correction to {self.meeting}: {self.text[:80]}"


class ActionReview(AppendOnly):
    """What a meeting recorded on an action carried forward from an earlier meeting:
    an update (the action stays open) or its closure. The update itself is the
    tracker's `Update` on the item."""

    class Outcome(models.TextChoices):
        UPDATED = "updated", "Update recorded"
        CLOSED = "closed", "Closed"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_reviews")
    item = models.ForeignKey(TrackedItem, on_delete=models.CASCADE, related_name="meeting_reviews")
    update = models.ForeignKey(
        Update, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} at {self.meeting}: {self.item}"


class ForwardPlanItem(Restrictable):
    """Something planned for a future meeting of a body: a report, an annual update, an
    update a commission asked for "in 9-12 months". Its status is derived (see
    forward_plan.py): planned, on an agenda, taken, withdrawn; overdue when the window
    has passed and it has not been taken."""

    class Recurrence(models.TextChoices):
        NONE = "", "Once"
        ANNUAL = "annual", "Every year"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="forward_plan")
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    lead = models.CharField(max_length=300, blank=True)
    purpose = models.CharField(
        max_length=20, choices=AgendaItem.Purpose.choices, blank=True, default=""
    )
    duration_minutes = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The commission or board that asked for it, if not this body.",
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan"
    )
    due_from = models.DateField(null=True, blank=True)
    due_by = models.DateField(null=True, blank=True)
    recurrence = models.CharField(max_length=10, choices=Recurrence.choices, blank=True, default="")
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_items",
        help_text="The meeting it is planned for, if decided.",
    )
    agenda_item = models.OneToOneField(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_entry",
    )
    previous = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_entry",
        help_text="For a recurring report: last time's entry.",
    )
    withdrawn = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    history = RestrictableHistory()

    class Meta:
        ordering = ["due_by", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meeting_body", args=[self.body_id]) + f"#plan-{self.pk}"

    # An entry for a restricted review, meeting or agenda item is restricted too; it
    # does not wait for the meeting to be published to appear on the forward plan.
    restricting_parents = ("review", "meeting", "agenda_item")

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}body__is_public": True})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}body_id__in": viewer.body_ids})
