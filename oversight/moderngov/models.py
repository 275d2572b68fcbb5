"""What the connector keeps: the sites, the committees followed (each mapped to a body),
each meeting synced (with the fingerprint of its last reply and what the sync last wrote,
to tell a person's edit from ModernGov's), the people its members are, the papers found,
conflicts for an officer to resolve, and a log of every sync.

Nothing here is public: these are the administrators' and scrutiny officers' records.
The meetings, agenda items, attendance, decisions and papers themselves live in
`oversight.meetings`, where the usual visibility rules apply.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from oversight.directory.models import Body, Person
from oversight.ingest.models import ImportedDocument
from oversight.meetings.models import AgendaItem, Meeting, Paper

SOURCE = "ModernGov"


class Site(models.Model):
    """A council's ModernGov site, by its root address."""

    base_url = models.URLField(unique=True, help_text="For example https://hackney.moderngov.co.uk")
    host = models.CharField(max_length=200, editable=False)
    added_at = models.DateTimeField(default=timezone.now)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["base_url"]

    def __str__(self) -> str:
        return self.host

    def get_absolute_url(self) -> str:
        return reverse("moderngov_site", args=[self.pk])

    def meeting_page(self, committee_id: int, meeting_id: int) -> str:
        return f"{self.base_url}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"


class FollowedCommittee(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="committees")
    committee_id = models.IntegerField()
    title = models.CharField(max_length=300)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="moderngov_committees")
    following = models.BooleanField(default=True)
    backfill_from = models.DateField(help_text="The first sync reads meetings from this date.")
    last_synced_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "committee_id"], name="one_follow_per_committee"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.site})"


class SyncedMeeting(models.Model):
    """A ModernGov meeting and the Oversight meeting it became.

    `fingerprint` is the hash of the last GetMeeting reply applied: the same reply again
    is skipped. `written` is what the sync last wrote to each record (see sync.py), so a
    value that differs from it now was changed in Oversight by a person."""

    committee = models.ForeignKey(
        FollowedCommittee, on_delete=models.CASCADE, related_name="meetings"
    )
    moderngov_id = models.IntegerField()
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="moderngov")
    fingerprint = models.CharField(max_length=64, blank=True)
    written = models.JSONField(default=dict, blank=True)
    synced_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-meeting__date"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "moderngov_id"], name="one_sync_per_moderngov_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"ModernGov meeting {self.moderngov_id}"

    @property
    def page_url(self) -> str:
        return self.committee.site.meeting_page(self.committee.committee_id, self.moderngov_id)


class Member(models.Model):
    """The person a ModernGov member id is, so the same member is found again."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="members")
    member_id = models.CharField(max_length=40)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "member_id"], name="one_person_per_member")
        ]

    def __str__(self) -> str:
        return f"Member {self.member_id} on {self.site}"


class SyncedPaper(models.Model):
    """A document linked from a meeting or one of its items, and what became of it."""

    class Status(models.TextChoices):
        NEW = "new", "Waiting to download"
        QUEUED = "queued", "With the importer"
        # The importer publishes what it reads: an exempt paper is kept on its meeting,
        # restricted, and not imported.
        KEPT = "kept", "Kept as a restricted paper, not imported"
        REFUSED = "refused", "Not downloaded"
        LINK = "link", "External link"

    synced_meeting = models.ForeignKey(
        SyncedMeeting, on_delete=models.CASCADE, related_name="papers"
    )
    attachment_id = models.IntegerField()
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=1000, blank=True)
    restricted = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    paper = models.ForeignKey(
        Paper, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported = models.ForeignKey(
        ImportedDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    found_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-found_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["synced_meeting", "attachment_id"], name="one_paper_per_attachment"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Conflict(models.Model):
    """A value changed in ModernGov that a person had changed in Oversight: the person's
    value is kept until an officer chooses."""

    class Resolution(models.TextChoices):
        OPEN = "", "Not resolved"
        KEPT = "kept", "Kept Oversight's"
        TAKEN = "taken", "Took ModernGov's"

    synced_meeting = models.ForeignKey(
        SyncedMeeting, on_delete=models.CASCADE, related_name="conflicts"
    )
    record = models.CharField(max_length=20)  # "meeting" or "agenda_item"
    record_pk = models.PositiveIntegerField()
    label = models.CharField(max_length=300, help_text="What the record is, for the officer.")
    field_name = models.CharField(max_length=40)
    oversight_value = models.JSONField(null=True, blank=True)
    moderngov_value = models.JSONField(null=True, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True, default="")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label}: {self.what}"

    @property
    def what(self) -> str:
        """The field in the officer's words."""
        return _FIELD_WORDS.get(self.field_name, self.field_name)


_FIELD_WORDS = {
    "date": "Date",
    "start": "Start time",
    "end": "End time",
    "venue": "Where",
    "status": "Status",
    "title": "Title",
    "number": "Item number",
    "position": "Place on the agenda",
    "restricted": "Exempt",
    "notes": "Minutes",
    "text": "Decision",
    "removed": "Taken off the agenda in ModernGov",
}


class SyncRun(models.Model):
    """One sync: when, its counts and every failure (per committee and meeting)."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(blank=True)
    counts = models.JSONField(default=dict, blank=True)
    failures = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return self.summary or f"Sync started {self.started_at:%d %b %Y %H:%M}"
