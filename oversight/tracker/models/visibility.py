"""Who may see which records.

The public sees a record only when it is published, belongs to a public body and neither
it nor any record it hangs from is restricted. Signed-in staff (partner officers,
scrutiny officers) also see unpublished drafts and records of bodies that are not
public, but never a restricted record unless they are concerned with it: a member of the
organisation or body the record is about. Administrators see everything.

Each restricted model defines `public_q(prefix)` and `concerned_q(viewer, prefix)`;
`Viewer` carries what these need about the signed-in user.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q


@dataclass(frozen=True)
class Viewer:
    """What visibility rules need to know about whoever is asking."""

    user_id: int | None = None
    person_id: int | None = None
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    body_ids: frozenset[int] = field(default_factory=frozenset)
    role: str | None = None
    is_superuser: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == "admin"

    @property
    def is_staff_role(self) -> bool:
        """Partner and scrutiny officers work on drafts; community members do not."""
        return self.is_admin or self.role in {"partner", "scrutiny"}

    @property
    def is_scrutiny(self) -> bool:
        return self.is_admin or self.role == "scrutiny"

    @classmethod
    def for_user(cls, user) -> Viewer:
        if user is None or not user.is_authenticated:
            return PUBLIC
        person = getattr(user, "person", None)
        if person is None:
            return cls(user_id=user.pk, is_superuser=user.is_superuser)
        return cls(
            user_id=user.pk,
            person_id=person.pk,
            organisation_ids=frozenset([person.organisation_id] if person.organisation_id else []),
            body_ids=frozenset(person.current_bodies().values_list("pk", flat=True)),
            role=person.role,
            is_superuser=user.is_superuser,
        )


PUBLIC = Viewer()


def p(prefix: str, name: str) -> str:
    """Field path `name` under a relation prefix ('' or 'review__')."""
    return f"{prefix}{name}"


class RestrictedQuerySet(models.QuerySet):
    """Query sets of models with a restricted flag, filtered for a viewer."""

    def public(self):
        return self.filter(self.model.public_q(""))

    def visible_to(self, viewer: Viewer):
        if viewer.is_admin:
            return self.all()
        q = self.model.public_q("")
        if viewer.is_authenticated:
            q |= self.model.open_q("", drafts=viewer.is_staff_role)
            q |= self.model.concerned_q(viewer, "")
        return self.filter(q).distinct()


class PublicManager(models.Manager):
    """`Model.public_objects`: public code starts here and cannot reach restricted rows."""

    def get_queryset(self):
        return RestrictedQuerySet(self.model, using=self._db).public()


NOTHING = Q(pk__in=[])
