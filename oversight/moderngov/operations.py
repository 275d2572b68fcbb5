"""Every change the connector's pages and commands make, each one transaction (the sync
itself is sync.py, which writes one meeting per transaction)."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from oversight.directory.models import Body
from oversight.ingest.loading.names import guess_body_kind
from oversight.meetings.models import AgendaItem, Attendance, Decision, Meeting

from .models import Conflict, FollowedCommittee, Site
from .replies import Committee
from .service import ServiceError, site_root

# A committee followed without a date is backfilled from a year ago.
DEFAULT_BACKFILL = timedelta(days=365)


@transaction.atomic
def connect_site(url: str) -> Site:
    """The site at `url` (its root; the service's own path is dropped), added once."""
    try:
        root = site_root(url)
    except ServiceError as exc:
        raise ValidationError(str(exc)) from None
    site = Site.objects.filter(base_url=root).first()
    if site is None:
        site = Site(
            base_url=root, host=root.split("//", 1)[1].split("/", 1)[0].split(":")[0].lower()
        )
        site._change_reason = "Connected"
        site.save()
    return site


def body_for(title: str) -> Body:
    """The directory's body a committee title names (by name, short name, alias or
    acronym), or a new public body of that name."""
    body = Body.find(title)
    if body is None:
        body = Body(name=title[:200], kind=guess_body_kind(title), is_public=True)
        body._change_reason = "Followed on ModernGov"
        body.save()
    return body


@transaction.atomic
def follow_committees(
    site: Site,
    committees: list[Committee],
    *,
    since: date | None = None,
    bodies: dict[int, Body] | None = None,
) -> list[FollowedCommittee]:
    """Follow `committees` of `site`, each filed under the body chosen for it in
    `bodies` or else the body its title names (created when new). Following again
    changes the body and the backfill date only when given."""
    bodies = bodies or {}
    out = []
    for c in committees:
        followed = FollowedCommittee.objects.filter(site=site, committee_id=c.id).first()
        if followed is None:
            followed = FollowedCommittee(
                site=site,
                committee_id=c.id,
                title=c.title[:300],
                body=bodies.get(c.id) or body_for(c.title),
                backfill_from=since or timezone.localdate() - DEFAULT_BACKFILL,
            )
        else:
            followed.following = True
            followed.title = c.title[:300]
            if c.id in bodies:
                followed.body = bodies[c.id]
            if since:
                followed.backfill_from = since
        followed._change_reason = "Followed"
        followed.save()
        out.append(followed)
    return out


@transaction.atomic
def unfollow_committee(followed: FollowedCommittee) -> FollowedCommittee:
    """Stop syncing it; what was synced stays."""
    followed.following = False
    followed._change_reason = "No longer followed"
    followed.save(update_fields=["following"])
    return followed


_RECORDS = {"meeting": Meeting, "agenda_item": AgendaItem, "decision": Decision}


def _value(record: str, field: str, value):
    if value is None:
        return None
    if record == "meeting" and field == "date":
        return date.fromisoformat(value)
    if record == "meeting" and field in ("start", "end"):
        return time.fromisoformat(value)
    return value


@transaction.atomic
def resolve_conflict(conflict: Conflict, *, take_moderngov: bool, user) -> Conflict:
    """Keep Oversight's value, or write ModernGov's over it (recorded in the history)."""
    conflict = Conflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.resolution:
        raise ValidationError("This conflict has already been resolved.")
    if take_moderngov:
        model = _RECORDS.get(conflict.record)
        if conflict.field_name == "removed":
            obj = model.private_objects.filter(pk=conflict.record_pk).first() if model else None
            if obj is not None:
                raise ValidationError(
                    "Take the item off the agenda from the meeting's page: something was "
                    "recorded under it here."
                )
        elif model is not None:
            obj = model.private_objects.filter(pk=conflict.record_pk).first()
            if obj is None:
                raise ValidationError("That record no longer exists.")
            setattr(
                obj,
                conflict.field_name,
                _value(conflict.record, conflict.field_name, conflict.moderngov_value),
            )
            obj._change_reason = "Conflict resolved: took ModernGov's value"
            obj.save(update_fields=[conflict.field_name])
        elif conflict.record == "attendance":
            row = Attendance.objects.filter(pk=conflict.record_pk).first()
            if row is None:
                raise ValidationError("That record no longer exists.")
            row.status = conflict.moderngov_value
            row._change_reason = "Conflict resolved: took ModernGov's value"
            row.save(update_fields=["status"])
    conflict.resolution = Conflict.Resolution.TAKEN if take_moderngov else Conflict.Resolution.KEPT
    conflict.resolved_at = timezone.now()
    conflict.resolved_by = user
    conflict._change_reason = conflict.get_resolution_display()
    conflict.save()
    return conflict
