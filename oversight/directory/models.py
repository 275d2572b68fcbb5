"""Who is who: organisations, the bodies they sit on, people and their memberships.

A user account belongs to a Person; what a user may see and change follows from the
person's organisation, their memberships of bodies and their role.
"""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

_STOP_WORDS = {"of", "and", "the", "for", "&", "in", "on"}


def normalise_name(value: str) -> str:
    """Case- and punctuation-insensitive form of a name, for matching."""
    value = (value or "").casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", value).split())


def acronym_of(value: str) -> str:
    """'Metropolitan Police Service' -> 'mps'."""
    return "".join(w[0] for w in normalise_name(value).split() if w not in _STOP_WORDS)


class Organisation(models.Model):
    """An agency: the council, the police, an NHS trust, a school, a voluntary group."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        POLICING_BODY = "policing_body", "Policing body"
        HEALTH = "health", "Health"
        EDUCATION = "education", "Education"
        SAFEGUARDING = "safeguarding", "Safeguarding partnership"
        PROBATION = "probation", "Probation"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        GOVERNMENT = "government", "Government"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="For example MPS")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names the documents use for it."
    )
    # Who is written to about the organisation's work when nobody in it owns an item,
    # and to whom a late update is escalated (oversight/chasing).
    lead_contact = models.ForeignKey(
        "Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Written to when an item has no named owner, and when an update is late.",
    )
    # Someone signing in with a council account whose address is at one of these
    # domains, and who is not yet in the directory, joins this organisation
    # (oversight/signin).
    email_domains = models.JSONField(
        default=list,
        blank=True,
        help_text='Email domains of its staff, for example ["hackney.gov.uk"].',
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_email(cls, email: str) -> list[Organisation]:
        """The organisations whose email domains include `email`'s (normally one)."""
        domain = email.rpartition("@")[2].strip().casefold()
        if not domain:
            return []
        return [
            org
            for org in cls.objects.all()
            if domain in {d.strip().casefold().lstrip("@") for d in org.email_domains}
        ]

    def names(self) -> list[str]:
        return [n for n in [self.name, self.short_name, *self.aliases] if n]

    def matches(self, label: str) -> bool:
        """True when `label` is this organisation's name, short name, alias or acronym."""
        wanted = normalise_name(label)
        if not wanted:
            return False
        for name in self.names():
            if normalise_name(name) == wanted:
                return True
        return wanted.replace(" ", "") == acronym_of(self.name) and len(wanted) >= 2

    @classmethod
    def find(cls, label: str) -> Organisation | None:
        """The organisation a document means by `label` ("MPS", "Metropolitan Police")."""
        label = (label or "").strip()
        if not label:
            return None
        # A label such as "Hackney Education (HE)" names it twice: try each part.
        candidates = [label, *re.findall(r"\(([^)]+)\)", label), re.sub(r"\s*\([^)]*\)", "", label)]
        orgs = list(cls.objects.all())
        for candidate in candidates:
            for org in orgs:
                if org.matches(candidate):
                    return org
        return None

    def to_dict(self) -> dict:
        return {"name": self.name, "short_name": self.short_name, "kind": self.kind}


class Body(models.Model):
    """A board, commission, panel or partnership that meets, scrutinises or oversees."""

    class Kind(models.TextChoices):
        COMMISSION = "commission", "Scrutiny commission"
        BOARD = "board", "Board"
        PARTNERSHIP = "partnership", "Partnership"
        PANEL = "panel", "Panel"
        SUB_GROUP = "sub_group", "Sub-group"
        CABINET = "cabinet", "Cabinet"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="The organisation that hosts the body, if any.",
    )
    is_public = models.BooleanField(
        default=True, help_text="Whether the body's published work appears on the public site."
    )
    aliases = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def find(cls, label: str) -> Body | None:
        wanted = normalise_name(label)
        if not wanted:
            return None
        for body in cls.objects.all():
            names = [body.name, body.short_name, *body.aliases]
            if any(normalise_name(n) == wanted for n in names if n):
                return body
            if wanted.replace(" ", "") == acronym_of(body.name) and len(wanted) >= 2:
                return body
        return None

    def to_dict(self) -> dict:
        return {"name": self.name, "short_name": self.short_name, "kind": self.kind}


class Person(models.Model):
    """Someone named in the documents; a user account, if any, belongs to a person."""

    class Role(models.TextChoices):
        COMMUNITY = "community", "Community member"
        PARTNER = "partner", "Partner officer"
        SCRUTINY = "scrutiny", "Scrutiny officer"
        ADMIN = "admin", "Administrator"

    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    job_title = models.CharField(max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PARTNER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def current_bodies(self, on: date | None = None) -> models.QuerySet[Body]:
        on = on or timezone.localdate()
        return (
            Body.objects.filter(
                membership__person=self,
            )
            .filter(
                models.Q(membership__start__isnull=True) | models.Q(membership__start__lte=on),
                models.Q(membership__end__isnull=True) | models.Q(membership__end__gte=on),
            )
            .distinct()
        )

    def is_member_of(self, body: Body | None) -> bool:
        return body is not None and self.current_bodies().filter(pk=body.pk).exists()

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "organisation": self.organisation.name if self.organisation else None,
            "role": self.role,
        }


class Membership(models.Model):
    """A person's seat on a body, for a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        OFFICER = "officer", "Supporting officer"

    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    body = models.ForeignKey(Body, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "person__name"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.body})"
