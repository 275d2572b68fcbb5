"""`oversight extract FILE [--format json|review] [--max-mb N]`: extract one document.

Prints the extraction contract's JSON (docs/contracts/extraction.md); `--format review`
adds the provenance of every record (page and character span). A file that cannot be
read exits with a CommandError giving the reason. Writes nothing to the database.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from oversight.ingest.extract import DEFAULT_MAX_BYTES, UnreadableDocument
from oversight.ingest.sandbox import extract_file  # within memory and time limits


class Command(BaseCommand):
    help = (
        "Extract recommendations, responses, commitments, meetings, agenda items, attendees, "
        "actions and questions from one document (PDF, DOCX, HTML, Markdown or text) and "
        "print them as the extraction contract's JSON."
    )
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="The document to read.")
        parser.add_argument(
            "--format",
            choices=["json", "review"],
            default="json",
            help="json: the contract JSON; review: the same plus where each record came from.",
        )
        parser.add_argument(
            "--max-mb",
            type=float,
            default=DEFAULT_MAX_BYTES / 1024 / 1024,
            help="Refuse files larger than this many megabytes (default 50).",
        )

    def handle(self, *args, file: str, format: str, max_mb: float, **options):
        try:
            result = extract_file(file, max_bytes=int(max_mb * 1024 * 1024))
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {file}") from exc
        except UnreadableDocument as exc:
            raise CommandError(f"{file} cannot be read: {exc.reason}") from exc
        data = result.to_review_dict() if format == "review" else result.to_dict()
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
