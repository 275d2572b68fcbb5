"""Every change to update rounds goes through these functions: opening a round, closing
it, and sending what its schedule says is due (oversight/chasing/schedule.py).

A message is recorded and sent in one transaction: the `SentMessage` row is written
first, so the database's unique key (round, recipient, kind, date bucket) refuses a
second copy before anything leaves, and a message whose sending fails is not recorded,
so the next run tries it again.
"""

from __future__ import annotations

import smtplib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from notifications_python_client.errors import APIError

from oversight.directory.models import Body, Person
from oversight.tracker.models import ActionPlan, Review, TrackedItem
from oversight.visibility.viewer import Viewer

from .access import can_open_round
from .models import MessageItem, SentMessage, UpdateRound, source_items
from .schedule import Due, due_messages, narrowed
from .sending import Outgoing, Sender, configured_sender

Kind = SentMessage.Kind
DEFAULT_DEADLINE_DAYS = 28
_NAMES = {
    Kind.OPENED: ("request", "requests"),
    Kind.REMINDER: ("reminder", "reminders"),
    Kind.ESCALATION: ("escalation", "escalations"),
    Kind.ESCALATION_COPY: ("escalation copy", "escalation copies"),
    Kind.DIGEST: ("digest", "digests"),
}
_SUBJECTS = {
    Kind.OPENED: "Update requested by {deadline}: {title}",
    Kind.REMINDER: "Reminder: update due by {deadline}: {title}",
    Kind.ESCALATION: "Escalation: updates overdue for {title}",
    Kind.ESCALATION_COPY: "Copy of escalation: updates overdue for {title}",
    Kind.DIGEST: "Weekly digest: updates overdue for {title}",
}


@dataclass
class Summary:
    """What a sending run did (or, in a dry run, would do)."""

    dry_run: bool = False
    sent: Counter = field(default_factory=Counter)
    skipped: int = 0
    messages: list[Due] = field(default_factory=list)
    unreachable: list[Due] = field(default_factory=list)
    failed: list[tuple[Due, str]] = field(default_factory=list)

    def line(self) -> str:
        """One line for cron's mail, e.g. `sent: 3 reminders, 1 escalation, ...`."""
        counts = ", ".join(
            f"{self.sent[kind]} {_NAMES[kind][self.sent[kind] != 1]}" for kind in _NAMES
        )
        line = f"{'would send' if self.dry_run else 'sent'}: {counts}; skipped {self.skipped}"
        line += " already sent"
        if self.unreachable:
            line += f"; {len(self.unreachable)} not sent (no email address)"
        if self.failed:
            line += f"; {len(self.failed)} failed (tried again next run)"
        return line


def _title(body: Body, review: Review | None, plan: ActionPlan | None) -> str:
    if review is not None:
        return f"Updates on {review.title}"
    if plan is not None:
        return f"Updates on {plan.title}"
    return f"Updates on the actions of {body.name}"


@transaction.atomic
def create_round(
    *,
    viewer: Viewer,
    officer: Person,
    body: Body,
    review: Review | None = None,
    plan: ActionPlan | None = None,
    items: Iterable[TrackedItem],
    deadline: date,
    message: str,
    reminder_days: int | None = 7,
    escalation_days: int | None = 7,
    weekly_digest: bool = True,
    now: datetime | None = None,
) -> UpdateRound:
    """Open a round on `items`, which must be items of the source that `viewer` (the
    officer) may see. Sends nothing: `open_round` does both."""
    if not can_open_round(viewer, body):
        raise PermissionDenied(f"Only scrutiny officers and officers of {body} open rounds.")
    now = now or timezone.now()
    if deadline <= timezone.localdate(now):
        raise ValidationError("The deadline must be after today.")
    if not message.strip():
        raise ValidationError("Write a covering message for the owners.")
    ids = {i.pk for i in items}
    if not ids:
        raise ValidationError("Choose at least one item.")
    allowed = set(
        source_items(viewer, body=body, review=review, plan=plan)
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    if allowed != ids:
        raise ValidationError("Some of the chosen items are not part of this round's source.")
    round_ = UpdateRound.objects.create(
        title=_title(body, review, plan),
        body=body,
        review=review,
        plan=plan,
        opened_by=officer,
        opened_at=now,
        deadline=deadline,
        message=message.strip(),
        reminder_days=reminder_days,
        escalation_days=escalation_days,
        weekly_digest=weekly_digest,
    )
    round_.items.set(ids)
    return round_


def open_round(*, sender: Sender | None = None, **kwargs) -> tuple[UpdateRound, Summary]:
    """Open a round (`create_round`, same arguments) and email each owner once, listing
    their items. An owner who cannot be emailed now is written to by a later
    `send_due` once they can."""
    round_ = create_round(**kwargs)
    summary = send_due(rounds=[round_], now=kwargs.get("now"), sender=sender, kinds={Kind.OPENED})
    return round_, summary


@transaction.atomic
def close_round(round_: UpdateRound, *, viewer: Viewer, now: datetime | None = None) -> None:
    """Stop chasing: a closed round sends nothing more. It cannot be reopened."""
    if not can_open_round(viewer, round_.body):
        raise PermissionDenied("Only the round's officers can close it.")
    round_ = UpdateRound.private_objects.select_for_update().get(pk=round_.pk)
    if not round_.is_open:
        raise ValidationError("This round is already closed.")
    round_.status = UpdateRound.Status.CLOSED
    round_.closed_at = now or timezone.now()
    round_._change_reason = "Round closed"
    round_.save(update_fields=["status", "closed_at"])


def send_due(
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    sender: Sender | None = None,
    rounds: Iterable[UpdateRound] | None = None,
    kinds: set[str] | None = None,
) -> Summary:
    """Send every message the open rounds (or `rounds`) owe at `now`, of `kinds` (all
    by default), each once. A dry run sends and records nothing, and lists in
    `Summary.messages` what it would send."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sender = sender or configured_sender()
    if rounds is None:
        rounds = UpdateRound.private_objects.filter(status=UpdateRound.Status.OPEN)
    summary = Summary(dry_run=dry_run)
    for round_ in rounds:
        for due in due_messages(round_, today):
            if kinds is not None and due.kind not in kinds:
                continue
            due = narrowed(due)
            if due is None:
                continue
            if _already_sent(due):
                summary.skipped += 1
            elif not due.address:
                summary.unreachable.append(due)
            elif dry_run:
                summary.sent[due.kind] += 1
                summary.messages.append(due)
            else:
                _send_one(due, sender=sender, now=now, summary=summary)
    return summary


def _already_sent(due: Due) -> bool:
    return SentMessage.objects.filter(
        round=due.round, recipient=due.recipient, kind=due.kind, bucket=due.bucket
    ).exists()


def _send_one(due: Due, *, sender: Sender, now: datetime, summary: Summary) -> None:
    try:
        sent = _record_and_send(due, sender=sender, now=now)
    except (smtplib.SMTPException, OSError, APIError) as exc:
        # The mail server or Notify refused it or could not be reached: nothing was
        # recorded, so the next run tries again.
        summary.failed.append((due, str(exc)))
        return
    if sent:
        summary.sent[due.kind] += 1
        summary.messages.append(due)
    else:
        summary.skipped += 1


@transaction.atomic
def _record_and_send(due: Due, *, sender: Sender, now: datetime) -> bool:
    """Record `due` and send it; False when another run sent it first."""
    # Concurrent runs queue here, one round at a time, so the check below is final;
    # the unique key stands behind it.
    UpdateRound.private_objects.select_for_update().filter(pk=due.round.pk).first()
    if _already_sent(due):
        return False
    subject, text = compose(due)
    reference = f"round-{due.round.pk}-{due.kind}-{due.recipient.pk}-{due.bucket}"
    try:
        with transaction.atomic():
            message = SentMessage.objects.create(
                round=due.round,
                kind=due.kind,
                recipient=due.recipient,
                address=due.address,
                bucket=due.bucket,
                subject=subject,
                text=text,
                reason=due.reason[:300],
                channel=sender.channel,
                reference=reference,
                sent_at=now,
            )
    except IntegrityError:
        return False
    MessageItem.objects.bulk_create(MessageItem(message=message, item=i) for i in due.items)
    sender.send(Outgoing(due.kind, due.address, subject, text, reference))
    return True


def compose(due: Due) -> tuple[str, str]:
    """The subject and plain text of a message, with a link to each item."""
    round_ = due.round
    deadline = f"{round_.deadline.day} {round_.deadline:%B %Y}"
    subject = _SUBJECTS[due.kind].format(deadline=deadline, title=round_.title)
    text = render_to_string(
        f"chasing/email/{due.kind}.txt",
        {
            "round": round_,
            "recipient": due.recipient,
            "deadline": deadline,
            "reason": due.reason,
            "items": [(i, settings.SITE_URL + i.get_absolute_url()) for i in due.items],
            "round_url": settings.SITE_URL + round_.get_absolute_url(),
        },
    )
    return subject[:300], text


def default_deadline(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=DEFAULT_DEADLINE_DAYS)
