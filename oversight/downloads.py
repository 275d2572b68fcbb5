"""What the site hands out as files: CSV downloads and uploaded files.

Every CSV the site writes goes through `csv_writer`, so no cell can be run as a formula
when the file is opened in a spreadsheet (CSV injection). Every uploaded file is served
by `uploaded_file`, and only from a record the viewer may see.
"""

from __future__ import annotations

import csv
import mimetypes
import re
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse

# A spreadsheet runs a cell as a formula when it starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")

# Shown in the browser; anything else (HTML, SVG...) is a download, as it could run
# script on our origin.
_INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain"}


def safe_cell(value: Any) -> Any:
    """`value` as a spreadsheet will not run it: text starting with a formula character
    gets a leading apostrophe. Numbers, signed or not ("-3.5", "+78.0"), stay numbers."""
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return f"'{text}"
    return text


class SafeCsvWriter:
    """`csv.writer` whose every cell goes through `safe_cell`."""

    def __init__(self, stream, **options) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options) -> SafeCsvWriter:
    return SafeCsvWriter(stream, **options)


def csv_response(rows: Iterable[Iterable[Any]], filename: str) -> HttpResponse:
    """A CSV download of `rows`, every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    csv_writer(response).writerows(rows)
    return response


def uploaded_file(
    visible: QuerySet,
    pk: int,
    *,
    field: str = "file",
    filename=lambda record, f: f.name.rsplit("/", 1)[-1],
    always_download: bool = False,
) -> FileResponse:
    """The file in `field` of record `pk`, looked up only in `visible` (a query set
    already limited to what the viewer may see), else 404: a file the viewer may not see
    is not said to exist. Never sniffed, sandboxed, and shown inline only for PDF, PNG,
    JPEG and plain text (or never, with `always_download`)."""
    try:
        record = visible.get(pk=pk)
    except visible.model.DoesNotExist as exc:
        raise Http404("No such file") from exc
    f = getattr(record, field)
    if not f:
        raise Http404("No file")
    name = filename(record, f)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        f.open("rb"),
        as_attachment=always_download or content_type not in _INLINE_TYPES,
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
