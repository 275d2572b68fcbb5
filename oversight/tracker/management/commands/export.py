"""`oversight export --format json|csv [--output FILE]`: the public open data.

Only what the public may see: the same export as /open-data/.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from oversight.downloads import csv_writer
from oversight.tracker.export import export_csv_rows, export_public


class Command(BaseCommand):
    help = "Write the public open data (recommendations, responses, items) as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", "-o", help="Write to this file (default: stdout).")

    def handle(self, *args, format: str, output: str | None, **options):
        data = export_public()
        if output:
            with Path(output).open("w", encoding="utf-8", newline="") as f:
                _write(f, format, data)
            self.stderr.write(
                f"Wrote {len(data['recommendations'])} recommendations, "
                f"{len(data['actions'])} actions to {output}"
            )
        else:
            buffer = io.StringIO()
            _write(buffer, format, data)
            self.stdout.write(buffer.getvalue(), ending="")


def _write(stream, format: str, data: dict) -> None:
    if format == "csv":
        writer = csv_writer(stream)
        for row in export_csv_rows(data):
            writer.writerow(row)
    else:
        json.dump(data, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
