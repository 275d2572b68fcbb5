"""A throwaway Oversight site for the benchmarks that need the database: a fresh SQLite
file in a temporary folder, migrated, the demo loaded through the real importer.
Set up once per `make bench` run; each bench adds what it measures."""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import tempfile
from pathlib import Path

_state: dict = {}


def site() -> Path:
    """Django set up on a fresh database holding the demo; returns its folder."""
    if "dir" in _state:
        return _state["dir"]
    folder = Path(tempfile.mkdtemp(prefix="oversight-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["OVERSIGHT_WORK_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = folder / "media"
    settings.ALLOWED_HOSTS = ["*"]
    # The bench's standard output is its figures only.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("demo", verbosity=0, stdout=io.StringIO())
    _state["dir"] = folder
    return folder
