"""`oversight import FILE [--publish]` (extract + load) and `oversight run-imports`
(reading uploads that a stopped process left waiting)."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from oversight.ingest.models import ImportedDocument
from oversight.meetings.models import Meeting
from oversight.tracker.models import Recommendation, Review, TrackedItem

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "documents"
CABINET = SAMPLES / "cabinet-response-serious-violence-2020.txt"
SOG = SAMPLES / "sog-2021-09-27.txt"
Status = ImportedDocument.Status


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_loads_a_response_as_a_draft_review():
    out = run("import", str(CABINET))
    review = Review.private_objects.get()
    assert not review.published
    assert review.source_document == CABINET.name
    assert Recommendation.private_objects.filter(review=review).count() == 16
    assert TrackedItem.private_objects.filter(recommendation__review=review).exists()
    assert "as a draft" in out and f"Review: {review.title}" in out
    assert "recommendation: 16 created" in out


def test_import_with_publish_publishes_the_meeting():
    run("import", str(SOG), "--publish")
    meeting = Meeting.private_objects.get()
    assert meeting.published
    assert meeting.agenda_items(manager="private_objects").count() == 8


def test_importing_the_same_file_again_changes_nothing():
    run("import", str(CABINET), "--publish")
    counts = (
        Review.private_objects.count(),
        Recommendation.private_objects.count(),
        TrackedItem.private_objects.count(),
    )
    out = run("import", str(CABINET), "--publish")
    assert "Nothing changed" in out
    assert counts == (
        Review.private_objects.count(),
        Recommendation.private_objects.count(),
        TrackedItem.private_objects.count(),
    )


def test_import_report_as_json():
    report = json.loads(run("import", str(CABINET), "--json"))
    assert report["review"]["title"].startswith("Living in Hackney Scrutiny Commission")
    assert report["counts"]["recommendation"]["created"] == 16


def test_unreadable_file_is_refused_with_the_reason_and_nothing_written(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"abc\x00\x01\x02" * 100)
    with pytest.raises(CommandError, match="binary") as refused:
        run("import", str(junk))
    assert "Nothing was written" in str(refused.value)
    assert Review.private_objects.count() == Meeting.private_objects.count() == 0


def test_file_over_the_limit_is_refused(tmp_path):
    with pytest.raises(CommandError, match="over the limit"):
        run("import", str(CABINET), "--max-mb", "0.01")
    assert Review.private_objects.count() == 0


def test_document_the_loader_cannot_file_is_refused_and_nothing_written(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes\n\nRecommendation 1 – Parks\n\nWe ask for more parks.\n")
    with pytest.raises(CommandError, match="nothing was written"):
        run("import", str(notes))
    assert Review.private_objects.count() == 0


def test_import_files_under_the_body_and_responder_given(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Notes\n\nRecommendation 1 – Parks\n\nWe ask for more parks.\n\n"
        "Response: Agreed. The Council will open two new parks by March 2027.\n"
    )
    run("import", str(notes), "--body", "Parks Scrutiny Panel", "--responder", "Parks Trust")
    review = Review.objects.get()
    assert review.body.name == "Parks Scrutiny Panel"
    assert review.recommendations.get().number == "1"
    owners = {i.owner_org.name for i in TrackedItem.objects.filter(origin="commitment")}
    assert owners == {"Parks Trust"}


def test_missing_file_is_named():
    with pytest.raises(CommandError, match="No such file"):
        run("import", "/nonexistent/response.pdf")


# --- run-imports ----------------------------------------------------------------------


def waiting(name: str, path: Path, **fields) -> ImportedDocument:
    imp = ImportedDocument(original_name=name, sha256=name.ljust(64, "0"), size=1, **fields)
    imp.file.save(name, ContentFile(path.read_bytes()), save=False)
    imp.save()
    return imp


def test_run_imports_reads_queued_and_stalled_imports_but_not_running_ones():
    queued = waiting("queued.txt", CABINET)
    stalled = waiting("stalled.txt", SOG, status=Status.EXTRACTING)
    running = waiting("running.txt", SOG, status=Status.EXTRACTING)
    ImportedDocument.objects.filter(pk=stalled.pk).update(
        updated_at=timezone.now() - timedelta(hours=1)
    )
    out = run("run_imports")
    for imp in (queued, stalled, running):
        imp.refresh_from_db()
    assert queued.status == stalled.status == Status.READY
    assert running.status == Status.EXTRACTING
    assert "queued.txt: Ready for review" in out and "stalled.txt: Ready for review" in out
    assert len(queued.records("recommendations")) == 16


def test_run_imports_refuses_a_hostile_file_and_deletes_it(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"abc\x00\x01\x02" * 100)
    imp = waiting("junk.txt", junk)
    stored = Path(imp.file.path)
    out = run("run_imports")
    imp.refresh_from_db()
    assert imp.status == Status.FAILED and "binary" in imp.error
    assert not stored.exists()
    assert "junk.txt: refused" in out


def test_run_imports_with_nothing_waiting_says_so():
    assert "No imports are waiting" in run("run_imports")
