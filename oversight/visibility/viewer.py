"""Who is asking: what the visibility rule needs to know about the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest


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


def viewer_for(request: HttpRequest) -> Viewer:
    """The viewer behind a request, worked out once per request."""
    if not hasattr(request, "_oversight_viewer"):
        request._oversight_viewer = Viewer.for_user(request.user)
    return request._oversight_viewer
