"""Which messages a round owes on a given day. The rules, in one place:

- **Request**: each owner with an item still waiting is asked once ("opening"). Sent
  when the round opens; a later run sends it to an owner who could not be reached then.
- **Reminder**: from `reminder_days` before the deadline up to the deadline itself,
  once, to each owner with an item still waiting.
- **Escalation**: from `escalation_days` after the deadline, once, to the lead contact
  of each waiting item's organisation (not when the lead is the owner), with one copy
  to the officer who opened the round listing every item still waiting.
- **Digest**: each week after the deadline, if the round has digests on, to each owner
  with an item still waiting.

An item is waiting when it has no update since the round opened and is not complete.
A closed round owes nothing. The schedule only says what is due; `operations` sends it,
and the sent-message key makes a second sending of the same message impossible.

Each recipient is told only of the items they may see (the visibility rule of
oversight/visibility), so the whole round is read here unrestricted and then narrowed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from oversight.directory.models import Person
from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer

from .models import SentMessage, UpdateRound, iso_week, lead_of, owner_of

Kind = SentMessage.Kind


@dataclass(frozen=True)
class Due:
    """A message the round owes: what kind, to whom, about which items, and why."""

    round: UpdateRound
    kind: str
    recipient: Person
    bucket: str
    reason: str
    items: tuple[TrackedItem, ...]

    @property
    def address(self) -> str:
        user = self.recipient.user
        return (user.email or "").strip() if user else ""


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def waiting_items(round_: UpdateRound) -> list[TrackedItem]:
    """The round's items with no update since it opened and not complete."""
    items = list(
        round_.items(manager="private_objects").select_related(
            "owner_person__organisation__lead_contact__user",
            "owner_person__user",
            "owner_org__lead_contact__user",
        )
    )
    answered = round_.answered_item_ids([i.pk for i in items])
    return [i for i in items if i.pk not in answered and not i.is_complete]


def _by(items, key) -> dict[Person, list[TrackedItem]]:
    groups: dict[Person, list[TrackedItem]] = defaultdict(list)
    for item in items:
        person = key(item)
        if person is not None:
            groups[person].append(item)
    return groups


def due_messages(round_: UpdateRound, today: date) -> list[Due]:
    """Every message `round_` owes on `today`, before narrowing to what each recipient
    may see (see `narrowed`)."""
    if not round_.is_open:
        return []
    waiting = waiting_items(round_)
    owners = _by(waiting, owner_of)
    due: list[Due] = []

    def each_owner(kind: str, bucket: str, reason: str) -> None:
        for owner, items in owners.items():
            due.append(Due(round_, kind, owner, bucket, reason, tuple(items)))

    each_owner(
        Kind.OPENED,
        "opening",
        f"{round_.opened_by.name} asked for an update by {_d(round_.deadline)}",
    )
    reminder = round_.reminder_date()
    if reminder is not None and reminder <= today <= round_.deadline:
        each_owner(
            Kind.REMINDER,
            reminder.isoformat(),
            f"No update yet, {round_.reminder_days} days before the deadline of "
            f"{_d(round_.deadline)}",
        )
    escalation = round_.escalation_date()
    if escalation is not None and today >= escalation and waiting:
        after = f"{round_.escalation_days} days after" if round_.escalation_days else "by"
        reason = f"No update {after} the deadline of {_d(round_.deadline)}"
        leads = _by([i for i in waiting if lead_of(i) != owner_of(i)], lead_of)
        for lead, items in leads.items():
            due.append(
                Due(round_, Kind.ESCALATION, lead, escalation.isoformat(), reason, tuple(items))
            )
        told = ", ".join(sorted(p.name for p in leads)) or "nobody: no lead contact is recorded"
        due.append(
            Due(
                round_,
                Kind.ESCALATION_COPY,
                round_.opened_by,
                escalation.isoformat(),
                f"{reason}; escalated to {told}",
                tuple(waiting),
            )
        )
    if round_.weekly_digest and today > round_.deadline:
        each_owner(
            Kind.DIGEST,
            iso_week(today),
            f"Updates overdue since the deadline of {_d(round_.deadline)}",
        )
    return due


def narrowed(due: Due) -> Due | None:
    """`due` with only the items its recipient may see, or None when they may see
    none of them."""
    if due.recipient.user is None:
        return due  # nothing can be sent to them; `operations` reports who
    viewer = Viewer.for_user(due.recipient.user)
    visible = set(
        TrackedItem.objects.visible_to(viewer)
        .filter(pk__in=[i.pk for i in due.items])
        .values_list("pk", flat=True)
    )
    items = tuple(i for i in due.items if i.pk in visible)
    if not items:
        return None
    return Due(due.round, due.kind, due.recipient, due.bucket, due.reason, items)
