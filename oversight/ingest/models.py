"""A document a scrutiny officer uploads to import: the file, the records read from it
(the extraction contract, docs/contracts/extraction.md) as the officer corrects them,
where each record came from, and what publishing it wrote to the tracker.

Only scrutiny officers and administrators see imports (see views.py); nothing here is
ever public. The lifecycle is

    queued -> extracting -> ready -> published
                         \\-> failed  (the file is refused: the reason is kept, the file
                                      deleted, nothing written to the tracker)

`filing` is what the officer chose about where the records go (the body to file them
under, the organisation that responds), over what the document says. `extraction` holds
the contract JSON, first as extracted and then as corrected (the
history keeps every version). `provenance` is aligned with it: `provenance[kind][i]` is
where `extraction[kind][i]` was read from, `{"page", "start", "end"}` as character
offsets into `text`, or None for a record the officer added by hand. A recommendation's
provenance also has `"responses"`, aligned with its responses.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

# Long passages are cut for the review screen; the span shown still says where they are.
PASSAGE_LIMIT = 3000
# How far the surrounding text shown before and after a passage may reach.
CONTEXT_LIMIT = 400

_CELL_BREAK = re.compile(r"</p>\s*<p>|\t")
_LIST_ITEM = re.compile(r"<li>")
_MARKUP = re.compile(r"</?(?:p|u|ul|ol|li|b|i|em|strong)>|\*\*")
_BLANK_LINES = re.compile(r"\n{3,}")
_CUT_TAG = re.compile(r"^[^<>\s]*>|<[^<>\s]*$")


def readable(passage: str) -> str:
    """A passage of the extracted text as a person reads it: the readers' markup (table
    cells as `<p>` fragments, bold as `**`, see extract/layout.py) turned into lines."""
    text = _CELL_BREAK.sub("\n", passage.replace("\f", "\n"))
    text = _LIST_ITEM.sub("• ", text)
    text = _MARKUP.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _context_before(text: str) -> str:
    """The paragraph before a passage (or the start of its own), cut to a word."""
    text = text.rstrip()
    cut = len(text) > CONTEXT_LIMIT
    text = text[-CONTEXT_LIMIT:]
    if "\n\n" in text:
        text, cut = text.rsplit("\n\n", 1)[1], False
    elif cut:
        text = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
    words = readable(_CUT_TAG.sub("", text))
    return ("…" if cut and words else "") + words


def _context_after(text: str) -> str:
    """The rest of a passage's paragraph (or the next one), cut to a word."""
    text = text.lstrip()
    cut = len(text) > CONTEXT_LIMIT
    text = text[:CONTEXT_LIMIT]
    if "\n\n" in text:
        text, cut = text.split("\n\n", 1)[0], False
    elif cut:
        text = text.rsplit(None, 1)[0] if len(text.split()) > 1 else ""
    words = readable(_CUT_TAG.sub("", text))
    return words + ("…" if cut and words else "")


class ImportedDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        EXTRACTING = "extracting", "Reading the document"
        READY = "ready", "Ready for review"
        FAILED = "failed", "Refused"
        PUBLISHED = "published", "Published"

    original_name = models.CharField(max_length=255)
    # Blank once the file is refused: a hostile or broken file is not kept.
    file = models.FileField(upload_to="imports/%Y/%m/", max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True, editable=False)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="document_imports",
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Also the extraction's heartbeat: a worker claims again one that stopped moving.
    updated_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0)
    progress_message = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True, help_text="Why the file was refused.")
    extraction = models.JSONField(null=True, blank=True)
    provenance = models.JSONField(null=True, blank=True)
    text = models.TextField(blank=True)
    # Each saved correction bumps it, so a page opened before another save cannot
    # overwrite that save (the forms line up with the records by position).
    revision = models.PositiveIntegerField(default=0)
    checked_sections = models.JSONField(default=list, blank=True)
    # Where the officer chose to file the records, over what the document says:
    # {"body": pk or "new", "new_body": name, "responder": pk or "new",
    # "new_responder": name} (see operations.filing_of).
    filing = models.JSONField(default=dict, blank=True)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reimports",
        help_text="The earlier import of the same file that this one imports again.",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    load_report = models.JSONField(null=True, blank=True)
    review = models.ForeignKey(
        "tracker.Review", null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imports",
    )
    # The text and provenance never change after extraction, and progress moves by
    # queryset updates: keeping copies of them in every version would only take space.
    history = HistoricalRecords(
        excluded_fields=["text", "provenance", "progress", "progress_message", "updated_at"]
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("import_detail", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.EXTRACTING}

    @property
    def status_token(self) -> str:
        """Changes whenever what the progress fragment shows changes."""
        return f"{self.status}-{self.progress}"

    @property
    def result(self):
        """The review or meeting that publishing filed the document under."""
        return self.review or self.meeting

    def records(self, kind: str) -> list:
        return list((self.extraction or {}).get(kind) or [])

    def where(self, kind: str, index: int) -> dict | None:
        found = (self.provenance or {}).get(kind) or []
        return found[index] if 0 <= index < len(found) else None

    @property
    def has_page_images(self) -> bool:
        """Its pages can be shown as images: a PDF that is still kept."""
        return bool(self.file) and self.original_name.lower().endswith(".pdf")

    def passage_at(self, where: dict | None, *, stop: int | None = None) -> dict | None:
        """The passage a record was read from, for showing beside it: its page, its
        character span in `text`, the words, the text around them (`before`, `after`)
        and, for a PDF, the address of its page's image with the passage marked; None
        for a record added by hand. `stop` cuts it short (a recommendation's passage
        runs on into its responses)."""
        if not where or where.get("start") is None or where.get("end") is None:
            return None
        start, end = int(where["start"]), int(where["end"])
        if stop is not None and start < stop < end:
            end = stop
        words = readable(self.text[start:end])
        cut = len(words) > PASSAGE_LIMIT
        page = where.get("page")
        image = None
        if self.has_page_images and page:
            image = reverse("import_page", args=[self.pk, int(page), start, end])
        return {
            "page": page,
            "start": start,
            "end": end,
            "text": words[:PASSAGE_LIMIT].rstrip() + ("…" if cut else ""),
            "before": _context_before(self.text[max(0, start - 2 * CONTEXT_LIMIT) : start]),
            "after": "" if cut else _context_after(self.text[end : end + 2 * CONTEXT_LIMIT]),
            "image": image,
        }

    def passage_spans(self) -> set[tuple[int, int, int]]:
        """(page, start, end) of every passage the review screen may show, for
        checking a request for a page image."""
        spans = set()
        for found in (self.provenance or {}).values():
            for where in found or []:
                for w in [where, *((where or {}).get("responses") or [])]:
                    if w and w.get("start") is not None and w.get("page"):
                        spans.add((int(w["page"]), int(w["start"]), int(w["end"])))
        return spans
