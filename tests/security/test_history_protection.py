"""The database itself keeps history and append-only records as written: a raw UPDATE or
DELETE is refused on SQLite and PostgreSQL, `.update()`/`.delete()` on their query sets
are refused by the app, and only `flush` (emptying the whole database) may remove them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from oversight.meetings.models import ActionReview, Correction
from oversight.reports.models import UpdateReport
from oversight.safekeeping import triggers
from oversight.tracker import operations
from oversight.tracker.models import Evidence, TrackedItem, Update, Verification
from tests.factories import PersonFactory, TrackedItemFactory

pytestmark = pytest.mark.django_db

APPEND_ONLY = [Update, Evidence, Verification, Correction, ActionReview, UpdateReport]


@pytest.fixture
def update(police, police_officer, scrutiny_officer):
    item = TrackedItemFactory(owner_person=police_officer, owner_org=police)
    return operations.record_update(
        item,
        author=police_officer,
        user=police_officer.user,
        narrative="Training delivered to every response team.",
        status=TrackedItem.Status.IN_PROGRESS,
        progress=60,
        files=[SimpleUploadedFile("register.txt", b"attendance", "text/plain")],
    )


def refused(sql: str, params=()) -> str:
    """Run `sql`; return the database's refusal (the test fails if it is not refused)."""
    with pytest.raises(IntegrityError) as error:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    return str(error.value)


def test_every_history_and_append_only_table_has_its_triggers():
    protected = {m._meta.db_table for m in triggers.protected_models()}
    assert {m._meta.db_table for m in APPEND_ONLY} <= protected
    assert {
        "tracker_historicaltrackeditem",
        "tracker_historicalreview",
        "meetings_historicalmeeting",
        "tracker_historicalrecommendation_addressed_to_orgs",
    } <= protected
    assert triggers.installed(connection) == protected


def test_a_raw_update_of_an_update_is_refused(update):
    reason = refused("UPDATE tracker_update SET narrative = 'Nothing happened.'")
    assert "rows of tracker_update are kept as written: they cannot be changed" in reason
    update.refresh_from_db()
    assert update.narrative == "Training delivered to every response team."


@pytest.mark.parametrize("table", ["tracker_update", "tracker_evidence"])
def test_a_raw_delete_of_an_append_only_row_is_refused(update, table):
    reason = refused(f"DELETE FROM {table}")
    assert f"rows of {table} are kept as written: they cannot be deleted" in reason
    assert Update.objects.count() == 1 and Evidence.objects.count() == 1


def test_a_raw_rewrite_or_delete_of_history_is_refused(update):
    item = update.item
    versions = item.history.count()
    assert versions >= 2
    reason = refused(
        "UPDATE tracker_historicaltrackeditem SET progress = 100 WHERE id = %s", [item.pk]
    )
    assert "cannot be changed" in reason
    assert "cannot be deleted" in refused("DELETE FROM tracker_historicaltrackeditem")
    assert item.history.count() == versions
    assert set(item.history.values_list("progress", flat=True)) == {0, 60}


def test_repointing_an_update_at_another_author_is_refused(update):
    stranger = PersonFactory(name="Not The Author")
    assert "cannot be changed" in refused("UPDATE tracker_update SET author_id = %s", [stranger.pk])


def test_truncating_a_protected_table_is_refused(update):
    if connection.vendor == "postgresql":
        # Checked now, so the test's own inserts leave no foreign-key check pending,
        # which PostgreSQL would give as its reason before the trigger's.
        sql = "SET CONSTRAINTS ALL IMMEDIATE; TRUNCATE tracker_evidence"
    else:  # SQLite has no TRUNCATE; its flush empties tables with DELETE
        sql = "DELETE FROM tracker_evidence"
    assert "cannot be deleted" in refused(sql)


@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda m: m.__name__)
def test_bulk_update_and_delete_of_append_only_records_are_refused(model):
    with pytest.raises(ValidationError, match="cannot be changed"):
        model.objects.all().update(pk=1)
    with pytest.raises(ValidationError, match="cannot be deleted"):
        model.objects.all().delete()


def test_deleting_an_author_keeps_their_update_and_its_history(update, police_officer):
    user = police_officer.user
    item = update.item
    versions = item.history.count()
    police_officer.delete()  # SET_NULL on the update's author: the one allowed change
    get_user_model().objects.filter(pk=user.pk).delete()
    update.refresh_from_db()
    assert update.author is None and update.recorded_by is None
    assert update.narrative == "Training delivered to every response team."
    assert item.history.count() == versions
    assert not item.history.filter(history_user_id=user.pk).exists()


def test_the_maintenance_escape_is_off_outside_its_block(update):
    with triggers.maintenance(connection):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE tracker_update SET narrative = 'Corrected in bulk.'")
    update.refresh_from_db()
    assert update.narrative == "Corrected in bulk."
    assert "cannot be changed" in refused("UPDATE tracker_update SET narrative = 'Again.'")


@pytest.mark.django_db(transaction=True)
def test_flush_empties_protected_tables_and_leaves_them_protected(update, police_officer):
    call_command("flush", interactive=False, verbosity=0)
    assert not Update.objects.exists() and not TrackedItem.history.exists()

    item = TrackedItemFactory()
    operations.record_update(
        item, author=None, narrative="After the flush.", status=item.status, progress=5
    )
    assert "cannot be deleted" in refused("DELETE FROM tracker_update")
