"""The papers of synced meetings: each new one downloaded from the site's own host
(its size within the upload limit, its type a PDF, `%PDF` at its start), kept as the
meeting's paper (restricted when ModernGov restricts it or its item), and queued with
the importer as an upload is: a queued `ImportedDocument` filed under the committee's
body, which `read_queued` (or `oversight run-imports`) reads. The scrutiny officer then
checks it as any import, from "New papers to check", where its meeting and agenda item
are shown. A restricted (exempt) paper is kept on its meeting, restricted, and not
queued: the importer publishes what it reads, and the public must see nothing of it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from oversight.ingest import operations as ingest_operations
from oversight.ingest.models import ImportedDocument
from oversight.meetings.models import Paper

from .models import SyncedPaper
from .service import ModernGovService, ServiceError

# A paper that failed this many times is left for a person to look at.
MAX_ATTEMPTS = 3
_PDF_TYPES = (
    "application/pdf",
    "application/x-pdf",
    "application/octet-stream",
    "binary/octet-stream",
)


def paper_url(service: ModernGovService, paper: SyncedPaper) -> str:
    return paper.url or f"{service.base}/mgConvert2PDF.aspx?ID={paper.attachment_id}"


def waiting(site) -> list[SyncedPaper]:
    return list(
        SyncedPaper.objects.filter(
            synced_meeting__committee__site=site,
            synced_meeting__committee__following=True,
            status=SyncedPaper.Status.NEW,
            attempts__lt=MAX_ATTEMPTS,
        )
        .select_related("synced_meeting__meeting", "synced_meeting__committee__body", "agenda_item")
        .order_by("pk")
    )


def fetch_pdf(service: ModernGovService, paper: SyncedPaper) -> bytes:
    """The paper's bytes, or ServiceError saying why not."""
    reply = service.fetch_file(paper_url(service, paper), max_bytes=settings.MAX_UPLOAD_BYTES)
    kind = reply.content_type.split(";")[0].strip().lower()
    if kind and kind not in _PDF_TYPES:
        raise ServiceError(f"The site sent {kind or 'something'} rather than a PDF.")
    if b"%PDF" not in reply.body[:1024]:
        raise ServiceError("The file is not a PDF (no %PDF at its start).")
    return reply.body


def _file_name(paper: SyncedPaper) -> str:
    stem = "".join(c if c.isalnum() or c in " -_" else " " for c in paper.title)
    stem = "-".join(stem.split())[:80] or f"paper-{paper.attachment_id}"
    return f"{stem}.pdf"


def queue_paper(paper: SyncedPaper, content: bytes, *, reason: str) -> SyncedPaper:
    """Keep the downloaded paper on its meeting and queue it with the importer, in one
    transaction (the stored files go if it rolls back). A restricted paper is only kept:
    the importer's records are published, and nothing of an exempt paper may be."""
    meeting = paper.synced_meeting.meeting
    name = _file_name(paper)
    stored: list = []
    try:
        with transaction.atomic():
            kept = Paper(
                meeting=meeting,
                agenda_item=paper.agenda_item,
                title=paper.title,
                restricted=paper.restricted
                or bool(paper.agenda_item and paper.agenda_item.restricted),
            )
            kept.file.save(name, ContentFile(content), save=False)
            stored.append(kept.file)
            kept._change_reason = reason
            kept.save()
            paper.paper = kept
            paper.error = ""
            paper._change_reason = reason
            if kept.restricted:
                paper.status = SyncedPaper.Status.KEPT
                paper.save()
                return paper
            imp = ImportedDocument(
                original_name=name,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
                filing={"body": str(paper.synced_meeting.committee.body_id)},
                progress_message=ImportedDocument.Status.QUEUED.label,
            )
            imp.file.save(name, ContentFile(content), save=False)
            stored.append(imp.file)
            imp._change_reason = reason
            imp.save()
            paper.imported = imp
            paper.status = SyncedPaper.Status.QUEUED
            paper.save()
    except BaseException:
        for f in stored:
            f.storage.delete(f.name)
        raise
    return paper


def refuse(paper: SyncedPaper, message: str, *, reason: str) -> None:
    paper.attempts += 1
    paper.error = message
    if paper.attempts >= MAX_ATTEMPTS or "not a PDF" in message or "rather than" in message:
        paper.status = SyncedPaper.Status.REFUSED
    paper._change_reason = reason
    paper.save()


def read_queued(papers: list[SyncedPaper]) -> int:
    """Read the queued imports of `papers` now, as `oversight run-imports` would;
    returns how many were read."""
    done = 0
    for paper in papers:
        if paper.imported_id and paper.status == SyncedPaper.Status.QUEUED:
            if ingest_operations.run_extraction(paper.imported_id) is not None:
                done += 1
    return done
