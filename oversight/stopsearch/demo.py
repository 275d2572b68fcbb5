"""The demo's stop-and-search data: the real published sample (Metropolitan Police,
December 2017 to February 2019; City of London Police to November 2020), so that
/stop-and-search/hackney/ shows Hackney's dashboard.

`add_demo_stopsearch(store_path=None)` imports the sample into the store
(settings.STOPSEARCH_DB by default) unless the store already holds every force and
month the sample covers, in which case it only reads the store's file list (a few
milliseconds) and returns None. It imports only the months the store lacks, so it
never overwrites newer or corrected records someone imported. Raises
FileNotFoundError if the sample is missing, and duckdb.IOException if another process
(an import, a page in flight) holds the store.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings

from .importing import ImportReport
from .sources import FILE_NAME
from .store import Store

SAMPLE_NAME = "met-city-2017-12-to-2020-11.zip"


def sample_archive() -> Path:
    """$OVERSIGHT_STOPSEARCH_SAMPLE, else the one the package ships for the demo
    (oversight/demo/data/police-uk/)."""
    candidates = [
        os.environ.get("OVERSIGHT_STOPSEARCH_SAMPLE"),
        Path(settings.BASE_DIR) / "demo" / "data" / "police-uk" / SAMPLE_NAME,
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(
        f"stop-and-search sample {SAMPLE_NAME} not found in oversight/demo/data/police-uk/"
    )


def _sample_members(archive: Path) -> dict[tuple[str, str], str]:
    """{(force, month): member} for every stop-and-search file in the archive, from its
    directory alone (nothing is decompressed)."""
    with zipfile.ZipFile(archive) as zipped:
        names = [info.filename for info in zipped.infolist()]
    members = {}
    for name in names:
        if match := FILE_NAME.match(Path(name).name):
            members[(match["force"].lower(), match["month"])] = name
    return members


def _stored_keys(store_path: Path) -> set[tuple[str, str]]:
    if not store_path.exists():
        return set()
    with Store(store_path, read_only=True) as store:
        return set(store.con.execute("SELECT force, month FROM files").fetchall())


def add_demo_stopsearch(store_path: str | Path | None = None) -> ImportReport | None:
    """Import the sample unless the store already holds it; the ImportReport, or None
    when there was nothing to do."""
    path = Path(store_path or settings.STOPSEARCH_DB)
    archive = sample_archive()
    members = _sample_members(archive)
    stored = _stored_keys(path)
    missing = [member for key, member in members.items() if key not in stored]
    if not missing:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        if len(missing) == len(members):
            return store.import_paths([archive])
        # Only the months the store lacks: importing the whole archive would replace
        # any month the store holds in another version.
        with tempfile.TemporaryDirectory(prefix="stopsearch-demo-") as tmp:
            with zipfile.ZipFile(archive) as zipped:
                for member in missing:
                    zipped.extract(member, tmp)
            return store.import_paths([tmp])
