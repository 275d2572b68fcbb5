"""`oversight load-extraction FILE.json [--publish]`: load one extraction into the tracker."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.ingest.loading import load_extraction_file


class Command(BaseCommand):
    help = (
        "Load an extraction (docs/contracts/extraction.md) into the tracker, in one "
        "transaction. Loading the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The extraction JSON file.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the review or meeting (else it stays a draft for staff).",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the report as JSON."
        )

    def handle(self, *args, file: str, publish: bool, as_json: bool = False, **options):
        try:
            report = load_extraction_file(file, publish=publish)
        except FileNotFoundError as exc:
            raise CommandError(f"No such file: {file}") from exc
        except ValidationError as exc:
            reasons = "\n".join(f"  - {m}" for m in exc.messages)
            raise CommandError(f"{file} was not loaded (nothing was written):\n{reasons}") from exc
        if as_json:
            self.stdout.write(_dumps(report.to_dict()))
            return
        self.stdout.write(f"Loaded {file}")
        self.stdout.write(report.summary())
        if not report.changed:
            self.stdout.write("Nothing changed: this extraction was already loaded.")


def _dumps(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)
