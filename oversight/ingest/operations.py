"""Every change to an import goes through one of these functions, each one transaction.
Views parse input and check access (only scrutiny officers and administrators), then
call one of these.

Extraction never runs in the web process: `create_import` stores the file and queues
the import (its row, `queued`). The worker (`oversight worker`, oversight/worker/)
claims it (`claim_next_import`) and reads it (`read_claimed`), moving it through
`extracting` (with coarse progress in the row, which the progress page polls) to
`ready` or `failed`. A claim is taken once: with `SELECT ... FOR UPDATE SKIP LOCKED` on
PostgreSQL, by a conditional update on SQLite, so several workers never read the same
import. An import whose progress has not moved for `STALLED_AFTER` died with its worker
and is claimed again. `oversight import` reads a file in its own process (`inline`).

A file the extractor refuses (`UnreadableDocument`: encrypted, truncated, a scan
without text, a zip bomb, binary junk, too big) leaves the import `failed` with the
reason; its stored file is deleted and nothing is written to the tracker.

Publishing goes through `loading.load_extraction`, which is idempotent (records are
found again by their source keys), so publishing the same records twice, or a
re-import of the same file, never duplicates anything.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from oversight.directory.models import Body, Organisation

from . import sandbox
from .extract import UnreadableDocument
from .loading import Filing, load_extraction, validate_extraction
from .models import ImportedDocument

logger = logging.getLogger(__name__)

Status = ImportedDocument.Status
KINDS = ("attendees", "agenda_items", "recommendations", "questions", "actions", "commitments")
ROOTS = ("document", "meeting", *KINDS)
# An extraction whose progress has not moved for this long is taken to have died with
# its process; `run-imports` starts it again.
STALLED_AFTER = timedelta(minutes=10)
STALE = (
    "Someone saved changes to this import after you opened this page. Open the section "
    "again to see their changes, then make yours."
)
CRASHED = (
    "Something went wrong in the importer while reading this file (the error has been "
    "logged). Nothing was imported. Try again later, or ask for help if it happens again."
)


# --- uploading ------------------------------------------------------------------------


def sha256_of(file: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def find_earlier_import(sha256: str) -> ImportedDocument | None:
    """The latest import of the same bytes that was not refused, if any."""
    return (
        ImportedDocument.objects.filter(sha256=sha256)
        .exclude(status=Status.FAILED)
        .select_related("review", "meeting", "uploaded_by")
        .order_by("-created_at", "-pk")
        .first()
    )


def create_import(
    file: UploadedFile, *, user, sha256: str | None = None, inline: bool = False
) -> ImportedDocument:
    """Store an uploaded file as a new import, queued for the worker (or read it now, in
    this process, with `inline`: never in a web request). The caller has checked the size
    (settings.MAX_UPLOAD_BYTES) and for an earlier import."""
    name = Path(file.name or "document").name[:255]
    return _store(
        ImportedDocument(
            original_name=name,
            sha256=sha256 or sha256_of(file),
            size=file.size,
            uploaded_by=user,
        ),
        name,
        file,
        inline=inline,
    )


def import_document(path: Path, *, user) -> ImportedDocument:
    """Import and publish a file as a scrutiny officer would without correcting
    anything: read it now, then publish. A file already imported is not read again: its
    latest import is returned as it is (published, or waiting for review). Raises
    ValidationError, writing nothing, when the file is refused or its records cannot be
    published."""
    with open(path, "rb") as handle:
        file = File(handle, name=Path(path).name)
        earlier = find_earlier_import(sha256_of(file))
        if earlier is not None:
            return earlier
        imp = None
        try:
            with transaction.atomic():
                imp = create_import(file, user=user, inline=True)
                if imp.status == Status.FAILED:
                    raise ValidationError(f"{imp.original_name} was refused: {imp.error}")
                return publish_import(imp, user=user, revision=imp.revision)
        except BaseException:
            # The rows are rolled back; the stored copy must go with them.
            if imp is not None and imp.file:
                imp.file.storage.delete(imp.file.name)
            raise


def reimport(earlier: ImportedDocument, *, user) -> ImportedDocument:
    """Import the file of an earlier import again: a new import linked to it, read
    afresh (so the extractor's improvements apply). When that file has been published
    before, the new import keeps the document's title, kind and date and the meeting as
    last published, so publishing it files under the same review or meeting and the
    loader updates the records there instead of adding new ones."""
    if not earlier.file:
        raise ValidationError("The earlier import's file was not kept, so upload it again.")
    with earlier.file.open("rb") as stored:
        return _store(
            ImportedDocument(
                original_name=earlier.original_name,
                sha256=earlier.sha256,
                size=earlier.size,
                uploaded_by=user,
                previous=earlier,
            ),
            Path(earlier.file.name).name,
            File(stored),
        )


def _store(imp: ImportedDocument, name: str, content, *, inline: bool = False) -> ImportedDocument:
    stored = ""
    try:
        with transaction.atomic():
            imp.file.save(name, content, save=False)
            stored = imp.file.name
            imp.progress_message = Status.QUEUED.label
            imp._change_reason = "Uploaded" if imp.previous_id is None else "Imported again"
            imp.save()
    except BaseException:
        # The row was not written, so the file must not stay behind either.
        if stored:
            imp.file.storage.delete(stored)
        raise
    if inline:
        return run_extraction(imp.pk) or imp
    return imp


# --- extracting -----------------------------------------------------------------------


def pending_imports(*, stalled_before: datetime | None = None):
    """Imports waiting to be read: queued, or extracting but silent since
    `stalled_before` (their process died)."""
    stalled_before = stalled_before or timezone.now() - STALLED_AFTER
    return ImportedDocument.objects.filter(
        Q(status=Status.QUEUED) | Q(status=Status.EXTRACTING, updated_at__lt=stalled_before)
    ).order_by("created_at", "pk")


def claim_next_import(*, stalled_before: datetime | None = None) -> int | None:
    """Take the oldest import waiting to be read for this worker (marking it
    `extracting`) and return its id, or None when none is waiting. Two workers asking at
    once never get the same import: on PostgreSQL the row is locked and others skip it;
    elsewhere (SQLite) each candidate is taken by a conditional update, which only one
    connection can win."""
    stalled_before = stalled_before or timezone.now() - STALLED_AFTER
    if transaction.get_connection().features.has_select_for_update_skip_locked:
        with transaction.atomic():
            pk = (
                pending_imports(stalled_before=stalled_before)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
                .first()
            )
            if pk is not None and _claim(pk, stalled_before):
                return pk
        return None
    for pk in pending_imports(stalled_before=stalled_before).values_list("pk", flat=True)[:50]:
        if _retrying(_claim, pk, stalled_before):
            return pk
    return None


def run_extraction(pk: int, *, stalled_before: datetime | None = None) -> ImportedDocument | None:
    """Claim import `pk` and read it (see `read_claimed`). Returns None when it was not
    waiting (another worker has it, or it is done)."""
    if not _retrying(_claim, pk, stalled_before):
        return None
    return read_claimed(pk)


def read_claimed(pk: int) -> ImportedDocument:
    """Read the file of import `pk`, claimed by this worker, into records. Returns the
    import, now `ready` or `failed`."""
    imp = ImportedDocument.objects.get(pk=pk)
    try:
        _retrying(_progress, pk, 10, "Reading the document and finding its records")
        with _local_path(imp) as path:
            # In a child process within memory and time limits (sandbox.py).
            result = sandbox.extract_file(path, max_bytes=settings.MAX_UPLOAD_BYTES)
        _retrying(_progress, pk, 90, "Checking the records")
        data = result.to_dict()
        provenance = _aligned(data, result.provenance)
        _carry_over_header(imp, data)
    except UnreadableDocument as exc:
        return _retrying(fail_import, imp, exc.reason)
    except Exception:
        logger.exception("Import %s (%s) crashed the extractor", pk, imp.original_name)
        return _retrying(fail_import, imp, CRASHED)
    return _retrying(_finish, pk, data, provenance, result.text)


def _retrying(write, *args, attempts: int = 30):
    """Run one write (its own transaction), trying again while the database is locked:
    SQLite lets one connection write at a time, and the worker's writes meet the web
    requests'. Losing an import's outcome to that would strand it."""
    for attempt in range(attempts):
        try:
            return write(*args)
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1 or _in_transaction():
                raise
            time.sleep(min(0.05 * (attempt + 1), 0.5))
    return None


def _in_transaction() -> bool:
    # Inside an outer transaction a failed statement has spoilt it: no retrying there.
    return transaction.get_connection().in_atomic_block


def _claim(pk: int, stalled_before: datetime | None) -> bool:
    waiting = Q(status=Status.QUEUED)
    if stalled_before is not None:
        waiting |= Q(status=Status.EXTRACTING, updated_at__lt=stalled_before)
    claimed = (
        ImportedDocument.objects.filter(waiting, pk=pk).update(
            status=Status.EXTRACTING,
            progress=5,
            progress_message="Starting",
            updated_at=timezone.now(),
        )
        == 1
    )
    return claimed


def _progress(pk: int, percent: int, message: str) -> None:
    # A queryset update: no history row for every step, only for the outcome.
    ImportedDocument.objects.filter(pk=pk, status=Status.EXTRACTING).update(
        progress=percent, progress_message=message, updated_at=timezone.now()
    )


@contextmanager
def _local_path(imp: ImportedDocument):
    """A path to the stored file: the file itself on local storage, else a copy."""
    if not imp.file:
        raise UnreadableDocument("The uploaded file is no longer there; upload it again")
    try:
        path = imp.file.path
    except NotImplementedError:  # storage without local files
        path = None
    if path:
        yield path
        return
    suffix = Path(imp.file.name).suffix
    with imp.file.open("rb") as src, tempfile.NamedTemporaryFile(suffix=suffix) as copy_:
        shutil.copyfileobj(src, copy_)
        copy_.flush()
        yield copy_.name


def _aligned(data: dict, provenance: dict) -> dict:
    """The provenance lists the same length as the records (None where unknown)."""
    out = {}
    for kind in KINDS:
        found = list(provenance.get(kind) or [])
        n = len(data[kind])
        out[kind] = (found + [None] * n)[:n]
    for part in ("document", "meeting"):
        out[part] = list(provenance.get(part) or [None])[:1]
    return out


def _carry_over_header(imp: ImportedDocument, data: dict) -> None:
    """A re-import of a published file files under the same review or meeting: the
    loader's keys come from the document's title, kind and date and the meeting's body
    and date, which the officer may have corrected when publishing it."""
    if imp.previous_id is None:
        return
    published = (
        ImportedDocument.objects.filter(sha256=imp.sha256, status=Status.PUBLISHED)
        .exclude(pk=imp.pk)
        .order_by("-published_at", "-pk")
        .first()
    )
    if published and published.extraction:
        data["document"] = copy.deepcopy(published.extraction["document"])
        data["meeting"] = copy.deepcopy(published.extraction["meeting"])
        if published.filing:
            ImportedDocument.objects.filter(pk=imp.pk).update(filing=published.filing)


def _finish(pk: int, data: dict, provenance: dict, text: str) -> ImportedDocument:
    with transaction.atomic():
        imp = ImportedDocument.objects.select_for_update().get(pk=pk)
        if imp.status != Status.EXTRACTING:
            return imp
        imp.extraction = data
        imp.provenance = provenance
        imp.text = text
        imp.status = Status.READY
        imp.progress = 100
        imp.progress_message = Status.READY.label
        imp.updated_at = timezone.now()
        imp._change_reason = "Extracted"
        imp.save()
    return imp


def fail_import(imp: ImportedDocument, reason: str) -> ImportedDocument:
    """Refuse the import's file: keep the reason, delete the file, write nothing else."""
    with transaction.atomic():
        imp = ImportedDocument.objects.select_for_update().get(pk=imp.pk)
        stored = imp.file.name
        imp.status = Status.FAILED
        imp.error = reason
        imp.progress = 100
        imp.progress_message = ""
        imp.file = ""
        imp.extraction = None
        imp.provenance = None
        imp.text = ""
        imp.updated_at = timezone.now()
        imp._change_reason = "Refused"
        imp.save()
    # Deleted at once rather than on commit: a hostile file must not linger even when
    # this runs inside a longer transaction.
    if stored:
        imp.file.storage.delete(stored)
    return imp


# --- reviewing ------------------------------------------------------------------------


def filing_of(chosen: dict | None) -> Filing:
    """Where the officer chose to file an import's records (its `filing`), with the
    directory records it names; a chosen record since deleted counts as not chosen."""
    chosen = chosen or {}

    def pick(model, key: str):
        value = str(chosen.get(key) or "")
        return model.objects.filter(pk=int(value)).first() if value.isdigit() else None

    return Filing(
        body=pick(Body, "body"),
        new_body=(chosen.get("new_body") or "") if chosen.get("body") == "new" else "",
        responder=pick(Organisation, "responder"),
        new_responder=(chosen.get("new_responder") or "")
        if chosen.get("responder") == "new"
        else "",
    )


def contract_problems(data: dict | None, filing: Filing | None = None) -> list[str]:
    """Every way `data` breaks the extraction contract, or cannot be filed as `filing`
    says, as "path: problem" lines."""
    if data is None:
        return ["There are no records to check."]
    try:
        validate_extraction(data, body_chosen=bool(filing and filing.body_chosen))
    except ValidationError as exc:
        return list(exc.messages)
    return []


def import_problems(imp: ImportedDocument) -> list[str]:
    """What stops the import's records being published as they stand."""
    return contract_problems(imp.extraction, filing_of(imp.filing))


def problem_root(problem: str) -> str:
    """'recommendations[2].number: ...' -> 'recommendations'."""
    return problem.split(":", 1)[0].split(".", 1)[0].split("[", 1)[0]


def save_corrections(
    imp: ImportedDocument,
    data: dict,
    provenance: dict,
    *,
    revision: int,
    roots: tuple[str, ...],
    section: str,
    filing: dict | None = None,
) -> ImportedDocument:
    """Replace the import's records with the officer's corrections of one section
    (`roots`: the contract's parts it edits) and mark that section checked; `filing`,
    when given, replaces where the records are filed (see `filing_of`). Raises
    ValidationError, writing nothing, when those parts break the contract, when the
    import can no longer be changed, or when someone saved since `revision`."""
    chosen = filing_of(imp.filing if filing is None else filing)
    # Problems in other sections wait for their own review (and block publishing).
    problems = [
        p
        for p in contract_problems(data, chosen)
        if problem_root(p) in roots or problem_root(p) not in ROOTS
    ]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = ImportedDocument.objects.select_for_update().get(pk=imp.pk)
        if locked.status != Status.READY:
            raise ValidationError("This import can no longer be changed: it has been published.")
        if locked.revision != revision:
            raise ValidationError(STALE)
        locked.extraction = data
        locked.provenance = provenance
        if filing is not None:
            locked.filing = filing
        locked.revision += 1
        if section not in locked.checked_sections:
            locked.checked_sections = [*locked.checked_sections, section]
        locked._change_reason = f"Corrected: {section}"
        locked.save()
    return locked


# --- publishing -----------------------------------------------------------------------


def preview_publish(imp: ImportedDocument) -> dict:
    """What publishing would write, found by loading the records in a transaction that
    is then rolled back: counts per kind of record (created, updated, unchanged), the
    review or meeting it would file under, the loader's warnings and the commitments
    that would have no owner. Raises ValidationError when the records break the
    contract."""
    with transaction.atomic():
        report = load_extraction(
            copy.deepcopy(imp.extraction),
            publish=True,
            source_name=imp.original_name,
            filing=filing_of(imp.filing),
        )
        preview = {
            "counts": report.counts(),
            "warnings": list(report.warnings),
            "unowned": list(report.unowned),
            "review": report.review.title if report.review else None,
            "review_body": report.review.body.name if report.review else None,
            "review_is_new": bool(report.created["review"]),
            "meeting": str(report.meeting) if report.meeting else None,
            "meeting_is_new": bool(report.created["meeting"]),
        }
        transaction.set_rollback(True)
    return preview


def publish_import(imp: ImportedDocument, *, user, revision: int) -> ImportedDocument:
    """Write the corrected records to the tracker, published, in one transaction with
    marking the import published. An import already published is returned unchanged:
    publishing twice writes nothing. Raises ValidationError (nothing written) when the
    records break the contract or changed since `revision` was shown."""
    with transaction.atomic():
        locked = ImportedDocument.objects.select_for_update().get(pk=imp.pk)
        if locked.status == Status.PUBLISHED:
            return locked
        if locked.status != Status.READY:
            raise ValidationError("Only an import that is ready for review can be published.")
        if locked.revision != revision:
            raise ValidationError(
                "The records changed after you opened this page. Check the summary again "
                "before publishing."
            )
        report = load_extraction(
            copy.deepcopy(locked.extraction),
            publish=True,
            source_name=locked.original_name,
            filing=filing_of(locked.filing),
        )
        locked.status = Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = user if getattr(user, "is_authenticated", False) else None
        locked.load_report = report.to_dict()
        locked.review = report.review
        locked.meeting = report.meeting
        locked._change_reason = "Published"
        locked.save()
    return locked
