"""`oversight stopsearch`: import published stop-and-search records and summarise them.

    oversight stopsearch import PATH... [--store FILE] [--boundaries FILE] [--area-property P]
    oversight stopsearch summary --area NAME --from YYYY-MM --to YYYY-MM [--format json|text]
                                 [--store FILE]

The store is a DuckDB file: `--store`, else settings.STOPSEARCH_DB if set, else
`oversight-stopsearch.duckdb` in the working directory. Uses no Django models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oversight.stopsearch.boundaries import BoundaryError
from oversight.stopsearch.definitions import UnknownArea
from oversight.stopsearch.importing import ImportReport
from oversight.stopsearch.sources import ImportRefused
from oversight.stopsearch.store import Store
from oversight.stopsearch.summary import summary

DEFAULT_STORE = "oversight-stopsearch.duckdb"
_SHOWN_BAD_ROWS = 5


def default_store() -> Path:
    return Path(getattr(settings, "STOPSEARCH_DB", None) or DEFAULT_STORE)


class Command(BaseCommand):
    help = "Import data.police.uk stop-and-search files, and summarise them by area."
    # Nothing here touches Django models, URLs or the main database: skip the system
    # checks so the command works whatever state the rest of the project is in.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser(
            "import", help="import ZIP archives, CSV or .csv.gz files, or folders of them"
        )
        load.add_argument("paths", nargs="+", metavar="PATH")
        load.add_argument("--store", type=Path, help="DuckDB store file")
        load.add_argument("--boundaries", type=Path, help="GeoJSON of areas (WGS84)")
        load.add_argument(
            "--area-property", help="GeoJSON property holding the area name (guessed if unset)"
        )
        show = actions.add_parser("summary", help="figures for an area or force over a period")
        show.add_argument("--area", required=True, help='area, or force (e.g. "metropolitan")')
        show.add_argument("--from", dest="month_from", required=True, metavar="YYYY-MM")
        show.add_argument("--to", dest="month_to", required=True, metavar="YYYY-MM")
        show.add_argument("--format", choices=("json", "text"), default="json")
        show.add_argument("--store", type=Path, help="DuckDB store file")

    def handle(self, *args, **options):
        store_path = options["store"] or default_store()
        try:
            if options["action"] == "import":
                self.import_(store_path, options)
            else:
                self.summary(store_path, options)
        except duckdb.IOException as exc:
            # Typically another process (the web server, another import) has it open.
            raise CommandError(f"cannot open the store {store_path}: {exc}") from exc

    def import_(self, store_path: Path, options: dict) -> None:
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            if interactive:
                self.stdout.write(f"\rImporting: {done}/{total} files", ending="")
                self.stdout.flush()

        try:
            with Store(store_path) as store:
                report = store.import_paths(
                    options["paths"],
                    boundaries=options["boundaries"],
                    name_property=options["area_property"],
                    progress=progress,
                )
        except (ImportRefused, BoundaryError) as exc:
            raise CommandError(f"Nothing imported.\n{exc}") from exc
        if interactive:
            self.stdout.write("")
        self.stdout.write(format_report(report, store_path))

    def summary(self, store_path: Path, options: dict) -> None:
        if not store_path.exists():
            raise CommandError(f"no stop-and-search store at {store_path}; import first")
        try:
            result = summary(
                store_path, options["area"], options["month_from"], options["month_to"]
            )
        except (UnknownArea, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, indent=2))
        else:
            self.stdout.write(format_summary(result))


def format_report(report: ImportReport, store_path: Path) -> str:
    lines = [
        f"Store: {store_path}",
        f"Files: {len(report.files)} ({report.count('new')} new, "
        f"{report.count('replaced')} replaced, {report.count('unchanged')} unchanged)",
        f"Rows: {report.rows:,}",
        f"Bad rows (not imported): {report.bad_rows:,}",
    ]
    for result in report.files:
        if result.bad_rows:
            shown = ", ".join(str(bad.line) for bad in result.first_bad_rows[:_SHOWN_BAD_ROWS])
            more = " ..." if result.bad_rows > _SHOWN_BAD_ROWS else ""
            lines.append(f"  {result.source}: {result.bad_rows:,} at lines {shown}{more}")
            lines.append(
                f"    line {result.first_bad_rows[0].line}: {result.first_bad_rows[0].error}"
            )
    lines.append(f"Rows without location (in force totals only): {report.without_location:,}")
    lines.append(f"Rows located outside every area: {report.outside_areas:,}")
    if report.skipped:
        lines.append(f"Skipped (not stop-and-search files): {len(report.skipped)}")
    if report.areas_reassigned:
        lines.append("New boundaries: every stored search was assigned to the new areas.")
    return "\n".join(lines)


def format_summary(result: dict) -> str:
    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.1%}"

    lines = [
        f"{result['area']}, {result['from']} to {result['to']}",
        f"Searches: {result['searches']:,} (person searches {result['person_searches']:,}); "
        f"without location in the force: {result['without_location_in_force']:,}",
        "",
        f"{'Group':<8}{'Searches':>10}{'Population':>12}{'Per 1,000':>11}{'vs White':>10}  95% CI",
    ]
    for group, row in result["by_ethnicity"].items():
        ci = row["ratio_ci95"]
        population = "-" if row["population"] is None else f"{row['population']:,}"
        lines.append(
            f"{group:<8}{row['searches']:>10,}{population:>12}{rate(row['rate_per_1000']):>11}"
            f"{rate(row['ratio_to_white']):>10}  {f'{ci[0]:.2f}-{ci[1]:.2f}' if ci else '-'}"
        )
    lines += [
        f"{'Not stated':<10}{result['not_stated']:>8,}",
        "",
        f"Arrest rate: {pct(result['arrest_rate'])}; "
        f"positive outcome rate: {pct(result['positive_outcome_rate'])}",
        f"Outcome linked to object: {pct(result['linked_outcome']['rate'])} "
        f"({result['linked_outcome']['recorded']:,} records filled in)",
        f"More thorough searches: {result['more_thorough']['searches']:,} "
        f"({result['more_thorough']['recorded']:,} records filled in)",
        f"Children: {result['children']['searches']:,}",
        "",
        "Month     Searches",
    ]
    for month in result["months"]:
        flag = "  partial month" if month["partial"] else ""
        lines.append(f"{month['month']}  {month['searches']:>8,}{flag}")
    return "\n".join(lines)
