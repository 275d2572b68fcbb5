"""Importing a document in the app: upload, refusal of hostile files, duplicates, who may
import, the review of the records and publishing. Real files (the three samples, and
hostile files made here), the real database, and the worker's own step reading what
each upload queued (the browser test runs the worker's loop beside the live server)."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument

from oversight.ingest import operations
from oversight.ingest.models import ImportedDocument
from oversight.meetings.models import Meeting
from oversight.tracker.models import Recommendation, Review, TrackedItem
from oversight.worker.loop import read_queued_imports

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "documents"
CABINET = "cabinet-response-serious-violence-2020.txt"
Status = ImportedDocument.Status


@pytest.fixture
def officer(client, scrutiny_officer):
    client.force_login(scrutiny_officer.user)
    return client


def sample(name: str = CABINET) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (SAMPLES / name).read_bytes(), "text/plain")


def upload(client, file: SimpleUploadedFile):
    """Upload as an officer does, then let the worker read what was queued, as
    `oversight worker` does in its own process on a live site."""
    response = client.post("/imports/new/", {"file": file})
    read_queued_imports()
    return response


def import_again(client, imp: ImportedDocument):
    response = client.post(f"/imports/{imp.pk}/again/")
    read_queued_imports()
    return response


def imported(client, name: str = CABINET) -> ImportedDocument:
    response = upload(client, sample(name))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportedDocument.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "imports"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def tracker_rows() -> dict[str, int]:
    """Rows of every table but the imports' own, history tables included."""
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label != "ingest"
    }


class _Inputs(HTMLParser):
    """What a browser would submit from the page's form with method=post: text inputs,
    hidden inputs, ticked boxes, textareas and selected options."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._in_post = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_post = a.get("method") == "post"
        if not self._in_post:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "file"}:
            if a.get("type") == "checkbox" and "checked" not in a:
                return
            self.data[name] = a.get("value", "on" if a.get("type") == "checkbox" else "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_post = False
        elif tag == "textarea" and self._textarea:
            # Django writes a newline after <textarea>, which browsers drop.
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(response) -> dict[str, str]:
    parser = _Inputs()
    parser.feed(response.content.decode())
    return parser.data


def section(client, imp: ImportedDocument, slug: str) -> dict[str, str]:
    response = client.get(f"/imports/{imp.pk}/check/{slug}/")
    assert response.status_code == 200
    return form_data(response)


def publish(client, imp: ImportedDocument):
    imp.refresh_from_db()
    return client.post(f"/imports/{imp.pk}/publish/", {"revision": imp.revision})


# --- hostile files, made here ----------------------------------------------------------


def docx_bytes() -> bytes:
    document = WordDocument()
    document.add_paragraph("Recommendation 1 – Parks")
    document.add_paragraph("We ask for more parks.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 5_000_000)
    return buffer.getvalue()


def pdf(content: bytes, *, trailer_extra: bytes = b"", extra: tuple = ()) -> bytes:
    """A one-page PDF written by hand, with correct cross-reference offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


ENCRYPTED_PDF = pdf(
    b"",
    trailer_extra=b"/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> "
    b"<00112233445566778899aabbccddeeff>] ",
    extra=(
        b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ),
)

HOSTILE = {
    "zip-bomb.docx": (zip_bomb_docx, "zip bomb"),
    "truncated.docx": (lambda: docx_bytes()[: len(docx_bytes()) // 2], "truncated"),
    "junk.txt": (lambda: b"abc\x00\x01\x02" * 100, "binary"),
    "scan.pdf": (lambda: pdf(b"0 0 1 rg 10 10 100 100 re f"), "no text layer"),
    "locked.pdf": (lambda: ENCRYPTED_PDF, "encrypted"),
    "photo.txt": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "image"),
}


# --- uploading -------------------------------------------------------------------------


@pytest.mark.parametrize("name", [CABINET, "scrutiny-child-q-alignment.txt", "sog-2021-09-27.txt"])
def test_each_sample_is_read_and_waits_for_review(officer, settings, name):
    imp = imported(officer, name)
    assert imp.status == Status.READY
    assert imp.uploaded_by.username == "sam"
    assert imp.size == (SAMPLES / name).stat().st_size
    assert len(stored_files(settings)) == 1
    assert sum(len(imp.records(k)) for k in ("recommendations", "actions")) > 0
    # Provenance lines up with the records it describes.
    for kind in ("recommendations", "commitments", "actions", "attendees"):
        assert len(imp.provenance[kind]) == len(imp.records(kind))
    page = officer.get(imp.get_absolute_url()).content.decode()
    assert "Check the records from" in page and "Recommendations and responses" in page
    assert Review.private_objects.count() == 0 and Meeting.private_objects.count() == 0


def test_an_upload_is_only_queued_by_the_web_request_and_read_by_the_worker(officer):
    response = officer.post("/imports/new/", {"file": sample()})
    imp = ImportedDocument.objects.get()
    assert response["Location"] == imp.get_absolute_url()
    assert imp.status == Status.QUEUED and imp.extraction is None and imp.text == ""
    page = officer.get(imp.get_absolute_url()).content.decode()
    assert "Waiting to start" in page
    assert read_queued_imports() == 1
    imp.refresh_from_db()
    assert imp.status == Status.READY and imp.records("recommendations")
    assert read_queued_imports() == 0


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_with_its_reason_and_nothing_is_kept(officer, settings, name):
    make, reason = HOSTILE[name]
    before = tracker_rows()
    response = upload(officer, SimpleUploadedFile(name, make()))
    imp = ImportedDocument.objects.get()
    assert imp.status == Status.FAILED and reason in imp.error
    page = officer.get(response["Location"]).content.decode()
    assert "was refused" in page and reason in page
    assert "the file has been deleted" in page
    assert stored_files(settings) == []
    assert not imp.file and imp.extraction is None and imp.text == ""
    assert tracker_rows() == before


def test_upload_declared_over_the_limit_is_refused_before_its_body_is_read(officer, settings):
    settings.MAX_UPLOAD_BYTES = 1000

    class Unreadable(io.RawIOBase):
        def read(self, *args):
            raise AssertionError("the body of an oversize upload was read")

    response = officer.post(
        "/imports/new/",
        CONTENT_TYPE="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "larger than 1000 bytes" in response.content.decode()
    assert ImportedDocument.objects.count() == 0
    assert stored_files(settings) == []


def test_file_over_the_limit_is_refused_after_reading_and_nothing_is_kept(officer, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = upload(officer, SimpleUploadedFile("long.txt", b"Recommendation 1\n" * 300))
    assert response.status_code == 413
    page = response.content.decode()
    assert "Error: Upload a document" in page and "larger than 1000 bytes" in page
    assert ImportedDocument.objects.count() == 0
    assert stored_files(settings) == []


def test_upload_without_a_file_asks_for_one(officer):
    response = officer.post("/imports/new/", {})
    assert response.status_code == 200
    assert "Choose a document to upload" in response.content.decode()
    assert ImportedDocument.objects.count() == 0


def test_same_file_again_is_offered_as_a_reimport_and_never_duplicates(officer, settings):
    first = imported(officer)
    assert publish(officer, first).status_code == 302
    first.refresh_from_db()
    rows = tracker_rows()

    response = upload(officer, sample())
    page = response.content.decode()
    assert response.status_code == 200
    assert "This file was imported on" in page and first.review.title in page
    assert "Re-import it?" in page
    assert ImportedDocument.objects.count() == 1 and len(stored_files(settings)) == 1

    again = import_again(officer, first)
    second = ImportedDocument.objects.exclude(pk=first.pk).get()
    assert again["Location"] == second.get_absolute_url()
    assert second.previous == first and second.status == Status.READY
    assert "an earlier import" in officer.get(second.get_absolute_url()).content.decode()
    publish(officer, second)
    second.refresh_from_db()
    assert second.status == Status.PUBLISHED and second.review == first.review
    assert tracker_rows() == rows


def test_reimport_keeps_the_corrected_document_so_it_files_under_the_same_review(officer):
    first = imported(officer)
    data = section(officer, first, "document")
    data["document-title"] += " (corrected)"
    officer.post(f"/imports/{first.pk}/check/document/", data)
    publish(officer, first)
    first.refresh_from_db()
    import_again(officer, first)
    second = ImportedDocument.objects.exclude(pk=first.pk).get()
    assert second.extraction["document"]["title"].endswith("(corrected)")
    publish(officer, second)
    assert Review.private_objects.count() == 1


# --- who may import --------------------------------------------------------------------


def _import_urls(imp: ImportedDocument) -> list[str]:
    return [
        "/imports/",
        "/imports/new/",
        imp.get_absolute_url(),
        f"/imports/{imp.pk}/status/",
        f"/imports/{imp.pk}/original/",
        f"/imports/{imp.pk}/check/recommendations/",
        f"/imports/{imp.pk}/publish/",
    ]


def test_partner_officer_cannot_see_or_use_imports(client, scrutiny_officer, police_officer):
    client.force_login(scrutiny_officer.user)
    imp = imported(client)
    client.force_login(police_officer.user)
    for url in _import_urls(imp):
        assert client.get(url).status_code == 403, url
    assert upload(client, sample("sog-2021-09-27.txt")).status_code == 403
    assert client.post(f"/imports/{imp.pk}/publish/", {"revision": 0}).status_code == 403
    assert client.post(f"/imports/{imp.pk}/again/").status_code == 403
    assert ImportedDocument.objects.count() == 1 and Review.private_objects.count() == 0


def test_dashboard_offers_importing_to_scrutiny_officers_only(
    client, scrutiny_officer, police_officer
):
    client.force_login(scrutiny_officer.user)
    assert 'href="/imports/new/"' in client.get("/dashboard/").content.decode()
    client.force_login(police_officer.user)
    assert 'href="/imports/new/"' not in client.get("/dashboard/").content.decode()


def test_member_of_the_public_is_sent_to_sign_in(client, scrutiny_officer):
    client.force_login(scrutiny_officer.user)
    imp = imported(client)
    client.logout()
    for url in _import_urls(imp):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert upload(client, sample("sog-2021-09-27.txt")).status_code == 302
    assert ImportedDocument.objects.count() == 1


def test_original_file_is_only_ever_downloaded(officer):
    imp = imported(officer)
    response = officer.get(f"/imports/{imp.pk}/original/")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
    assert b"".join(response.streaming_content) == (SAMPLES / CABINET).read_bytes()


# --- progress --------------------------------------------------------------------------


def test_progress_fragment_is_quiet_until_something_changes(officer, scrutiny_officer):
    imp = ImportedDocument.objects.create(
        original_name="x.txt", sha256="0" * 64, size=1, status=Status.EXTRACTING, progress=10
    )
    url = f"/imports/{imp.pk}/status/"
    assert officer.get(url, {"seen": "extracting-10"}).status_code == 204
    changed = officer.get(url, {"seen": "queued-0"})
    assert changed.status_code == 200 and 'hx-trigger="every 1s"' in changed.content.decode()
    ImportedDocument.objects.filter(pk=imp.pk).update(status=Status.READY, progress=100)
    done = officer.get(url, {"seen": "extracting-10"})
    assert done.status_code == 286  # htmx stops polling
    assert (
        "hx-trigger" not in done.content.decode() and "Review the records" in done.content.decode()
    )


# --- reviewing and publishing ----------------------------------------------------------


def test_review_screen_shows_each_record_beside_its_passage(officer):
    imp = imported(officer)
    page = officer.get(f"/imports/{imp.pk}/check/recommendations/").content.decode()
    where = imp.provenance["recommendations"][0]
    assert "Recommendation 1" in page
    assert f"Read from page {where['page']}, characters {where['start']} to" in page
    assert "We ask that the next update to the Commission" in page
    assert "<p>" not in page.split("<blockquote", 1)[1].split("</blockquote>", 1)[0]
    assert "Response to recommendation 1" in page and "Provisional IGU measures" in page


def test_corrections_are_saved_and_dropped_records_are_not_published(officer):
    imp = imported(officer)
    recs = imp.records("recommendations")
    data = section(officer, imp, "recommendations")
    data["recommendations-0-title"] = "Outcome measures for the IGU"
    data["recommendations-1-DELETE"] = "on"
    response = officer.post(f"/imports/{imp.pk}/check/recommendations/", data)
    assert response.status_code == 302
    imp.refresh_from_db()
    assert imp.revision == 1 and "recommendations" in imp.checked_sections
    assert len(imp.records("recommendations")) == len(recs) - 1
    # The provenance still lines up: the second record now is the document's third.
    assert imp.provenance["recommendations"][1]["start"] > 0
    assert imp.records("recommendations")[1]["number"] == recs[2]["number"]

    commitments = imp.records("commitments")
    data = section(officer, imp, "commitments")
    data["commitments-1-DELETE"] = "on"
    data[f"commitments-{len(commitments)}-text"] = "A summary will be sent to the Commission."
    data[f"commitments-{len(commitments)}-recommendation"] = "1"
    assert officer.post(f"/imports/{imp.pk}/check/commitments/", data).status_code == 302
    imp.refresh_from_db()
    assert imp.provenance["commitments"][-1] is None  # added by hand

    assert publish(officer, imp).status_code == 302
    imp.refresh_from_db()
    review = imp.review
    assert imp.status == Status.PUBLISHED and review.published
    published = {r.number: r for r in Recommendation.private_objects.filter(review=review)}
    assert published[recs[0]["number"]].title == "Outcome measures for the IGU"
    assert recs[1]["number"] not in published and len(published) == len(recs) - 1
    texts = set(TrackedItem.private_objects.values_list("text", flat=True))
    assert commitments[1]["text"] not in texts
    assert "A summary will be sent to the Commission." in texts
    page = officer.get(imp.get_absolute_url()).content.decode()
    assert '<h1 class="govuk-panel__title">Published</h1>' in page
    assert review.get_absolute_url() in page


def test_wrong_input_is_refused_with_a_reason_and_what_was_typed_is_kept(officer):
    imp = imported(officer)
    data = section(officer, imp, "commitments")
    data["commitments-0-due"] = "next spring"
    data["commitments-0-text"] = "The options paper will be produced soon."
    response = officer.post(f"/imports/{imp.pk}/check/commitments/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a real date as YYYY-MM-DD" in page
    assert 'value="next spring"' in page and "The options paper will be produced soon." in page
    imp.refresh_from_db()
    assert imp.revision == 0


def test_records_that_break_the_contract_are_refused_beside_the_field(officer):
    imp = imported(officer, "sog-2021-09-27.txt")
    data = section(officer, imp, "document")
    data["meeting-body"] = ""
    data["document-title"] = "Statutory Officer Group notes"
    response = officer.post(f"/imports/{imp.pk}/check/document/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "A meeting document needs the body that met" in page
    assert 'href="#id_meeting-body"' in page  # the error summary links to the field
    assert "Statutory Officer Group notes" in page
    imp.refresh_from_db()
    assert imp.extraction["meeting"]["body"]


def test_a_page_opened_before_another_save_cannot_overwrite_it(officer):
    imp = imported(officer)
    stale = section(officer, imp, "commitments")
    fresh = dict(stale, **{"commitments-0-DELETE": "on"})
    assert officer.post(f"/imports/{imp.pk}/check/commitments/", fresh).status_code == 302
    response = officer.post(f"/imports/{imp.pk}/check/commitments/", stale)
    assert response.status_code == 200
    assert "Someone saved changes to this import" in response.content.decode()


def test_publish_page_summarises_what_will_be_written_before_writing_it(officer):
    imp = imported(officer)
    before = tracker_rows()
    page = officer.get(f"/imports/{imp.pk}/publish/").content.decode()
    recs = len(imp.records("recommendations"))
    assert "Publish these records?" in page
    assert f"{recs} recommendations" in page and "a new review" in page
    assert tracker_rows() == before


def test_publishing_twice_creates_nothing_new(officer):
    imp = imported(officer)
    assert publish(officer, imp).status_code == 302
    rows = tracker_rows()
    imp.refresh_from_db()
    response = officer.post(f"/imports/{imp.pk}/publish/", {"revision": imp.revision})
    assert response.status_code == 302
    assert tracker_rows() == rows
    followed = officer.get(response["Location"])
    assert "has already been published" in followed.content.decode()


def test_a_failed_publish_writes_nothing_and_says_why(officer):
    imp = imported(officer)
    # A review's title must name the commission it is filed under.
    imp.extraction["document"]["title"] = "Notes"
    imp.extraction["meeting"] = None
    imp.save()
    before = tracker_rows()
    response = publish(officer, imp)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Correct the records before publishing" in page
    assert "cannot tell which scrutiny commission" in page
    assert tracker_rows() == before
    imp.refresh_from_db()
    assert imp.status == Status.READY


def test_import_document_reads_and_publishes_once(scrutiny_officer, settings):
    path = SAMPLES / CABINET
    imp = operations.import_document(path, user=scrutiny_officer.user)
    assert imp.status == Status.PUBLISHED and imp.review.published
    assert imp.review.recommendations(manager="private_objects").count() == 16
    rows = tracker_rows()
    again = operations.import_document(path, user=scrutiny_officer.user)
    assert again.pk == imp.pk and tracker_rows() == rows
    assert ImportedDocument.objects.count() == 1 and len(stored_files(settings)) == 1


def test_import_document_that_is_refused_writes_and_keeps_nothing(
    scrutiny_officer, settings, tmp_path
):
    junk = tmp_path / "minutes.docx"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    rows = tracker_rows()
    with pytest.raises(ValidationError, match="minutes.docx was refused"):
        operations.import_document(junk, user=scrutiny_officer.user)
    assert tracker_rows() == rows
    assert ImportedDocument.objects.count() == 0 and stored_files(settings) == []
