"""Opening a round and the schedule that follows it, with the clock given to the
operations (`now`) and email in Django's outbox."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from oversight.chasing import operations
from oversight.chasing.models import SentMessage
from oversight.chasing.sending import EmailSender
from oversight.tracker import operations as tracker
from oversight.visibility.viewer import Viewer
from tests.factories import TrackedItemFactory

from .world import DEADLINE, OPENED, at

pytestmark = pytest.mark.django_db


def open_round(w, items=None, now=OPENED, **kw):
    kw.setdefault("deadline", DEADLINE)
    round_, summary = operations.open_round(
        viewer=Viewer.for_user(w.officer.user),
        officer=w.officer,
        body=w.review.body,
        review=w.review,
        items=items if items is not None else w.open_items,
        message="The commission meets on 14 December and asks for your update.",
        now=now,
        **kw,
    )
    return round_, summary


def answer(item, author, when):
    tracker.record_update(
        item,
        author=author,
        narrative="Done this quarter.",
        status="in_progress",
        progress=50,
        at=when,
    )


def sent_to(kind=None):
    return sorted(
        (m.to[0], m.subject) for m in mail.outbox if kind is None or m.subject.startswith(kind)
    )


def test_opening_a_round_emails_each_owner_once_listing_their_items(world):
    round_, summary = open_round(world)
    assert sorted(m.to[0] for m in mail.outbox) == ["nia@example.org", "pat@example.org"]
    pat = next(m for m in mail.outbox if m.to == ["pat@example.org"])
    assert pat.subject == f"Update requested by 30 November 2026: {round_.title}"
    assert "The commission meets on 14 December" in pat.body
    for item in (world.pat_first, world.pat_second, world.secret):
        assert item.text in pat.body
        assert f"https://oversight.example.org/items/{item.pk}/" in pat.body
    nia = next(m for m in mail.outbox if m.to == ["nia@example.org"])
    assert world.nhs_item.text in nia.body and world.pat_first.text not in nia.body
    assert summary.sent[SentMessage.Kind.OPENED] == 2


def test_every_message_sent_is_recorded_with_whom_what_when_and_why(world):
    round_, _ = open_round(world)
    record = SentMessage.objects.get(round=round_, recipient=world.nia)
    assert (record.kind, record.address, record.bucket) == ("opened", "nia@example.org", "opening")
    assert record.sent_at == OPENED
    assert record.reason == "Sam Reid asked for an update by 30 November 2026"
    assert record.text == mail.outbox[[m.to for m in mail.outbox].index(["nia@example.org"])].body
    assert set(record.items(manager="private_objects").values_list("pk", flat=True)) == {
        world.nhs_item.pk
    }


def test_an_owner_without_an_email_address_is_written_to_once_they_have_one(world):
    world.nia.user.email = ""
    world.nia.user.save()
    round_, summary = open_round(world)
    assert [d.recipient for d in summary.unreachable] == [world.nia]
    assert "1 not sent (no email address)" in summary.line()
    world.nia.user.email = "nia@example.org"
    world.nia.user.save()
    mail.outbox.clear()
    operations.send_due(now=OPENED + timedelta(days=1))
    assert sent_to() == [
        ("nia@example.org", f"Update requested by 30 November 2026: {round_.title}")
    ]


def test_a_reminder_goes_the_set_days_before_the_deadline_to_owners_yet_to_answer(world):
    round_, _ = open_round(world, reminder_days=7)
    answer(world.nhs_item, world.nia, at(DEADLINE - timedelta(days=10)))
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE - timedelta(days=8)))
    assert mail.outbox == []
    summary = operations.send_due(now=at(DEADLINE - timedelta(days=7)))
    assert sent_to() == [
        ("pat@example.org", f"Reminder: update due by 30 November 2026: {round_.title}")
    ]
    assert summary.sent[SentMessage.Kind.REMINDER] == 1
    assert "an update on each of these items is due by 30 November 2026" in mail.outbox[0].body
    reminder = SentMessage.objects.get(kind="reminder")
    assert reminder.reason == "No update yet, 7 days before the deadline of 30 November 2026"
    assert reminder.bucket == "2026-11-23"


def test_a_reminder_missed_by_a_run_is_sent_by_the_next_but_never_after_the_deadline(world):
    open_round(world, reminder_days=7)
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=1)))
    assert [m for m in mail.outbox if m.subject.startswith("Reminder")] == []
    operations.send_due(now=at(DEADLINE - timedelta(days=2)))
    assert len([m for m in mail.outbox if m.subject.startswith("Reminder")]) == 2


def test_an_owner_who_answered_every_item_is_not_reminded(world):
    open_round(world, reminder_days=3)
    for item in (world.pat_first, world.pat_second, world.secret):
        answer(item, world.pat, OPENED + timedelta(days=1))
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE - timedelta(days=3)))
    assert [to for to, _ in sent_to()] == ["nia@example.org"]


def test_an_update_from_before_the_round_opened_is_not_an_answer(world):
    answer(world.nhs_item, world.nia, OPENED - timedelta(days=1))
    round_, _ = open_round(world)
    assert round_.answered_item_ids() == set()


def test_escalation_goes_to_the_owners_lead_copied_to_the_officer(world):
    round_, _ = open_round(world, escalation_days=5)
    answer(world.nhs_item, world.nia, OPENED + timedelta(days=3))
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=4)))
    assert sent_to("Escalation") == []
    summary = operations.send_due(now=at(DEADLINE + timedelta(days=5)))
    assert sent_to("Escalation") == [
        ("lee@example.org", f"Escalation: updates overdue for {round_.title}")
    ]
    lead = next(m for m in mail.outbox if m.to == ["lee@example.org"])
    assert world.pat_first.text in lead.body and world.pat_second.text in lead.body
    copy = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert copy.subject == f"Copy of escalation: updates overdue for {round_.title}"
    assert "escalated to Lee Lang" in copy.body
    assert summary.sent[SentMessage.Kind.ESCALATION] == 1
    assert summary.sent[SentMessage.Kind.ESCALATION_COPY] == 1


def test_a_restricted_item_is_never_told_to_a_lead_who_may_not_see_it(world):
    open_round(world, escalation_days=0)
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=1)))
    lead = next(m for m in mail.outbox if m.to == ["lee@example.org"])
    assert world.pat_first.text in lead.body
    assert world.secret.text not in lead.body
    copy = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert world.secret.text in copy.body  # the officer's commission is concerned with it


def test_a_weekly_digest_of_overdue_updates_goes_once_a_week_after_the_deadline(world):
    round_, _ = open_round(world, reminder_days=None, escalation_days=None)
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE))
    assert mail.outbox == []
    for day in range(1, 15):  # every day for two weeks: Tuesday 1 December onwards
        operations.send_due(now=at(DEADLINE + timedelta(days=day)))
    digests = [m for m in mail.outbox if m.subject.startswith("Weekly digest")]
    # Weeks 49 (1-6 December), 50 and 51 (from Monday 14 December): three each.
    assert sorted(m.to[0] for m in digests) == ["nia@example.org"] * 3 + ["pat@example.org"] * 3
    buckets = SentMessage.objects.filter(round=round_, kind="digest", recipient=world.pat)
    assert sorted(buckets.values_list("bucket", flat=True)) == ["2026-W49", "2026-W50", "2026-W51"]


def test_a_round_without_digests_sends_none(world):
    open_round(world, reminder_days=None, escalation_days=None, weekly_digest=False)
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=8)))
    assert mail.outbox == []


def test_a_second_run_sends_nothing_and_says_so(world):
    open_round(world, escalation_days=0)
    mail.outbox.clear()
    first = operations.send_due(now=at(DEADLINE + timedelta(days=1)))
    count = len(mail.outbox)
    second = operations.send_due(now=at(DEADLINE + timedelta(days=1), hour=15))
    assert len(mail.outbox) == count
    assert sum(second.sent.values()) == 0
    assert second.skipped == sum(first.sent.values()) + first.skipped
    assert second.line() == (
        "sent: 0 requests, 0 reminders, 0 escalations, 0 escalation copies, 0 digests; "
        f"skipped {second.skipped} already sent"
    )


def test_the_database_refuses_a_second_copy_of_a_message(world):
    round_, _ = open_round(world)
    record = SentMessage.objects.get(round=round_, recipient=world.pat)
    with pytest.raises(IntegrityError), transaction.atomic():
        SentMessage.objects.create(
            round=round_,
            kind=record.kind,
            recipient=record.recipient,
            address=record.address,
            bucket=record.bucket,
            subject="Again",
            text="Again",
            reason="Again",
            channel="email",
            reference="another",
        )


def test_a_closed_round_sends_nothing_more(world):
    round_, _ = open_round(world)
    operations.close_round(round_, viewer=Viewer.for_user(world.officer.user))
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=8)))
    assert mail.outbox == []


class RefusingServer(EmailSender):
    def send(self, message):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_message_the_server_refuses_is_not_recorded_and_goes_on_the_next_run(world):
    round_, summary = open_round(world, items=[world.nhs_item], sender=RefusingServer())
    assert mail.outbox == []
    assert len(summary.failed) == 1 and "1 failed" in summary.line()
    assert not SentMessage.objects.filter(round=round_).exists()
    operations.send_due(now=OPENED + timedelta(hours=1))
    assert sent_to() == [
        ("nia@example.org", f"Update requested by 30 November 2026: {round_.title}")
    ]


def _round_due_today(world):
    """A round whose reminder is due on the real today, for the command, which reads the
    clock itself."""
    now = timezone.now()
    return open_round(
        world,
        now=now - timedelta(days=1),
        deadline=timezone.localdate(now) + timedelta(days=2),
        reminder_days=3,
    )[0]


def test_the_command_dry_run_prints_what_it_would_send_and_sends_nothing(world, capsys):
    round_ = _round_due_today(world)
    mail.outbox.clear()
    call_command("send_reminders", "--dry-run")
    out = capsys.readouterr().out
    assert "would send reminder to Pat Okafor <pat@example.org>" in out
    assert out.strip().splitlines()[-1] == (
        "would send: 0 requests, 2 reminders, 0 escalations, 0 escalation copies, 0 digests; "
        "skipped 2 already sent"
    )
    assert mail.outbox == []
    assert not SentMessage.objects.filter(round=round_, kind="reminder").exists()


def test_the_command_sends_once_however_often_cron_runs_it(world, capsys):
    _round_due_today(world)
    mail.outbox.clear()
    call_command("send_reminders")
    call_command("send_reminders")
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(mail.outbox) == 2
    assert lines[-1] == (
        "sent: 0 requests, 0 reminders, 0 escalations, 0 escalation copies, 0 digests; "
        "skipped 4 already sent"
    )
    assert "sent: 0 requests, 2 reminders" in "\n".join(lines)


def test_an_escalation_missed_by_cron_is_sent_by_the_next_run_once(world):
    round_, _ = open_round(world, escalation_days=3)
    mail.outbox.clear()
    operations.send_due(now=at(DEADLINE + timedelta(days=10)))
    operations.send_due(now=at(DEADLINE + timedelta(days=11)))
    assert sent_to("Escalation") == [
        ("lee@example.org", f"Escalation: updates overdue for {round_.title}")
    ]
    assert SentMessage.objects.get(kind="escalation").bucket == "2026-12-03"


def test_items_from_outside_the_review_are_refused(world):
    stranger = TrackedItemFactory(text="Another review's commitment", owner_org=world.nhs)
    with pytest.raises(ValidationError):
        open_round(world, items=[world.pat_first, stranger])
    assert mail.outbox == []


def test_a_partner_cannot_open_a_round_through_the_operation_either(world):
    with pytest.raises(PermissionDenied):
        operations.create_round(
            viewer=Viewer.for_user(world.pat.user),
            officer=world.pat,
            body=world.review.body,
            review=world.review,
            items=[world.pat_first],
            deadline=DEADLINE,
            message="Me too.",
            now=OPENED,
        )
