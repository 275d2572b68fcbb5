"""`oversight import FILE [--publish]`: read one document and load its records.

The same as `oversight extract FILE --format json` followed by `oversight
load-extraction` on its output, without the review screen: the records go into the
tracker as drafts (seen only by staff) unless `--publish` is given. A file that cannot
be read safely (encrypted, truncated, a scan without text, a zip bomb, binary junk, too
big) is refused with the reason, and so is an extraction the loader will not accept;
either way nothing is written. Loading is idempotent: importing the same file again
changes nothing. `--body` and `--responder` say where the records go when the document
does not (as "Where the records are filed" does on the review screen): a body or
organisation of the directory by name, or a new one.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.directory.models import Body, Organisation
from oversight.ingest.extract import DEFAULT_MAX_BYTES, UnreadableDocument
from oversight.ingest.loading import Filing, load_extraction
from oversight.ingest.sandbox import extract_file  # within memory and time limits


class Command(BaseCommand):
    help = (
        "Read one document (PDF, DOCX, HTML, Markdown or text) and load its recommendations, "
        "responses, commitments, meetings and actions into the tracker, in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The document to read.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the review or meeting (else it is loaded as a draft for staff).",
        )
        parser.add_argument(
            "--max-mb",
            type=float,
            default=DEFAULT_MAX_BYTES / 1024 / 1024,
            help="Refuse files larger than this many megabytes (default 50).",
        )
        parser.add_argument(
            "--body",
            default="",
            help="File the records under this body (found in the directory, else created).",
        )
        parser.add_argument(
            "--responder",
            default="",
            help="The organisation that responds (found in the directory, else created).",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the report as JSON."
        )

    def handle(
        self,
        *args,
        file: str,
        publish: bool,
        max_mb: float,
        as_json: bool,
        body: str = "",
        responder: str = "",
        **options,
    ):
        try:
            result = extract_file(file, max_bytes=int(max_mb * 1024 * 1024))
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {file}") from exc
        except UnreadableDocument as exc:
            raise CommandError(
                f"{file} cannot be read: {exc.reason}. Nothing was written."
            ) from exc
        try:
            report = load_extraction(
                result.to_dict(),
                publish=publish,
                source_name=Path(file).name,
                filing=_filing(body, responder),
            )
        except ValidationError as exc:
            reasons = "\n".join(f"  - {m}" for m in exc.messages)
            raise CommandError(f"{file} was not loaded (nothing was written):\n{reasons}") from exc
        if as_json:
            self.stdout.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"Imported {file}{'' if publish else ' as a draft'}")
        self.stdout.write(report.summary())
        if not report.changed:
            self.stdout.write("Nothing changed: this document was already imported.")


def _filing(body: str, responder: str) -> Filing:
    found_body = Body.find(body) if body.strip() else None
    found_org = Organisation.find(responder) if responder.strip() else None
    return Filing(
        body=found_body,
        new_body="" if found_body else body.strip(),
        responder=found_org,
        new_responder="" if found_org else responder.strip(),
    )
