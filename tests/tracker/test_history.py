"""Every change is kept with who, when, before and after; updates, evidence and
verifications are append-only."""

from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from oversight.tracker import operations
from oversight.tracker.models import Evidence, TrackedItem, Update, Verification
from oversight.tracker.timeline import item_timeline
from tests.factories import ReviewFactory, TrackedItemFactory


@contextmanager
def signed_in(user):
    """As HistoryRequestMiddleware does for a request: history records `user`."""
    request = RequestFactory().post("/")
    request.user = user
    HistoricalRecords.context.request = request
    try:
        yield
    finally:
        del HistoricalRecords.context.request


@pytest.fixture
def item(commission, police, police_officer):
    return TrackedItemFactory(
        recommendation__review=ReviewFactory(body=commission),
        owner_person=police_officer,
        owner_org=police,
    )


def test_update_changes_status_and_history_shows_who_when_before_after(item, police_officer):
    with signed_in(police_officer.user):
        update = operations.record_update(
            item,
            author=police_officer,
            user=police_officer.user,
            narrative="Draft published for comment.",
            status=TrackedItem.Status.IN_PROGRESS,
            progress=30,
        )

    item.refresh_from_db()
    assert (item.status, item.progress) == (TrackedItem.Status.IN_PROGRESS, 30)

    record = item.history.order_by("-history_date", "-history_id").first()
    assert record.history_user == police_officer.user
    assert record.history_change_reason == "Update recorded"
    assert record.history_date is not None
    delta = record.diff_against(record.prev_record)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    assert changes["status"] == (TrackedItem.Status.NOT_STARTED, TrackedItem.Status.IN_PROGRESS)
    assert changes["progress"] == (0, 30)

    timeline = item_timeline(item)
    change = next(e for e in timeline if e.what == "Update recorded")
    assert change.who == police_officer.name
    assert {(c.field, c.before, c.after) for c in change.changes} >= {
        ("Status", "Not started", "In progress"),
        ("Progress", "0", "30"),
    }
    entry = next(e for e in timeline if e.kind == "update")
    assert (entry.who, entry.when) == (police_officer.name, update.created_at)
    assert "Draft published for comment." in entry.detail


@pytest.fixture
def recorded(item, police_officer, scrutiny_officer, viewer_of):
    update = operations.record_update(
        item,
        author=police_officer,
        narrative="Done.",
        status=TrackedItem.Status.COMPLETE,
        progress=100,
        files=[SimpleUploadedFile("results.txt", b"results", "text/plain")],
    )
    verification = operations.verify_item(
        item,
        viewer=viewer_of(scrutiny_officer),
        by=scrutiny_officer,
        checked="Read results.txt.",
    )
    return update, update.evidence.get(), verification


@pytest.mark.parametrize("which", [0, 1, 2], ids=["update", "evidence", "verification"])
def test_append_only_records_cannot_be_edited(recorded, which):
    record = recorded[which]
    for name in ("narrative", "description", "reason"):
        if hasattr(record, name):
            setattr(record, name, "rewritten")
    with pytest.raises(ValidationError, match="cannot be changed"):
        record.save()


@pytest.mark.parametrize("which", [0, 1, 2], ids=["update", "evidence", "verification"])
def test_append_only_records_cannot_be_deleted(recorded, which):
    record = recorded[which]
    with pytest.raises(ValidationError, match="cannot be deleted"):
        record.delete()
    assert type(record).objects.filter(pk=record.pk).exists()


def test_history_keeps_every_version(item, police_officer):
    for progress in (10, 40):
        operations.record_update(
            item,
            author=police_officer,
            narrative=f"At {progress}%",
            status=TrackedItem.Status.IN_PROGRESS,
            progress=progress,
        )
    assert list(
        item.history.order_by("history_date", "history_id").values_list("progress", flat=True)
    ) == [
        0,
        10,
        40,
    ]
    assert Update.objects.filter(item=item).count() == 2
    assert not Evidence.objects.exists() and not Verification.objects.exists()
