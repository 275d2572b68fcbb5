"""`oversight moderngov committees|follow|sync`: the connector from the command line.

    oversight moderngov committees --url https://hackney.moderngov.co.uk
    oversight moderngov follow --url BASE --committee 123 [--committee 456 ...] [--since YYYY-MM-DD]
    oversight moderngov sync [--since YYYY-MM-DD] [--no-read-papers]

`sync` is for cron: progress goes to stderr (counts of committees, meetings and papers
done and to do), and one summary line to stdout; it exits 1 when anything failed.
"""

from __future__ import annotations

import sys
import time
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.moderngov import operations, sync
from oversight.moderngov.service import ModernGovService, ServiceError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date: give it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "List a ModernGov site's committees, follow some, and sync them."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        committees = sub.add_parser("committees", help="List the site's committees with their ids.")
        committees.add_argument("--url", required=True, help="The site's root address.")
        committees.add_argument(
            "--all", action="store_true", help="Include expired and deleted ones."
        )
        follow = sub.add_parser("follow", help="Follow committees, each filed under a body.")
        follow.add_argument("--url", required=True)
        follow.add_argument("--committee", type=int, action="append", required=True, dest="ids")
        follow.add_argument("--since", type=_date, help="Backfill from this date (YYYY-MM-DD).")
        run = sub.add_parser("sync", help="Sync every committee followed.")
        run.add_argument("--since", type=_date, help="Read meetings from this date (YYYY-MM-DD).")
        run.add_argument(
            "--no-read-papers",
            action="store_false",
            dest="read_papers",
            help="Queue new papers but leave reading them to `oversight run-imports`.",
        )

    def handle(self, *args, action: str, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except (ServiceError, ValidationError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from None

    def _committees(self, url: str, all: bool, **_):
        committees = ModernGovService(url).committees()
        shown = [c for c in committees if all or not (c.deleted or c.expired)]
        for c in sorted(shown, key=lambda c: c.title.casefold()):
            flags = " (expired)" if c.expired else " (deleted)" if c.deleted else ""
            self.stdout.write(f"{c.id}\t{c.title}{flags}")
        self.stderr.write(f"{len(shown)} committees")

    def _follow(self, url: str, ids: list[int], since: date | None, **_):
        site = operations.connect_site(url)
        by_id = {c.id: c for c in ModernGovService(site.base_url).committees()}
        unknown = [str(i) for i in ids if i not in by_id]
        if unknown:
            raise CommandError(f"The site has no committee {', '.join(unknown)}.")
        for f in operations.follow_committees(site, [by_id[i] for i in ids], since=since):
            self.stdout.write(f"Following {f.committee_id} {f.title} as {f.body.name}")

    def _sync(self, since: date | None, read_papers: bool, **_):
        shown = [0.0]
        interactive = sys.stderr.isatty()

        def report(p: sync.SyncProgress) -> None:
            now = time.monotonic()
            if now - shown[0] >= (0.5 if interactive else 10):
                shown[0] = now
                self.stderr.write(p.progress_line(), ending="\r" if interactive else "\n")

        progress = sync.sync_all(since=since, read_papers=read_papers, on_progress=report)
        self.stderr.write(progress.progress_line())
        for failure in progress.failures:
            self.stderr.write(f"Failed: {failure['where']}: {failure['problem']}")
        self.stdout.write(progress.summary())
        if progress.failures:
            sys.exit(1)
