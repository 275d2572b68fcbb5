"""`oversight serve [--bind HOST:PORT] [--workers N]`: serve the site in production.

Gathers the static files (hashed names, compressed, see settings.STORAGES) into
STATIC_ROOT, then replaces this process with gunicorn on `oversight.wsgi`, configured by
`oversight/hosting/gunicorn_conf.py`. Signals reach gunicorn directly: SIGTERM stops it
gracefully (requests in flight are finished), SIGHUP reloads the workers.

Run `oversight migrate` before it on each deploy: serving never changes the database."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from oversight.hosting import gunicorn_conf


class Command(BaseCommand):
    help = "Serve the site with gunicorn, after gathering its static files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default=gunicorn_conf.bind, help="HOST:PORT or unix:PATH (env BIND)"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=gunicorn_conf.workers,
            help="gunicorn worker processes (env WEB_CONCURRENCY, default 3)",
        )

    def handle(self, *args, bind: str, workers: int, **options):
        if settings.DEBUG:
            raise CommandError("DEBUG is on: `oversight serve` is for a live site (unset DEBUG).")
        call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            f"python:{gunicorn_conf.__name__}",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "oversight.wsgi:application",
        ]
        self.stdout.write(f"Serving on {bind} with {workers} workers")
        self.stdout.flush()
        os.execv(sys.executable, argv)
