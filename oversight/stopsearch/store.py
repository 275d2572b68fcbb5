"""The stop-and-search store: one DuckDB file holding every imported record.

Tables (all in the DuckDB file; the caller chooses its path):

- `files`: one row per imported (force, month) file: where it came from, the checksum of
  its CSV content (CRC-32 and length: sources.checksum), and its counts (rows, bad
  rows, rows without location, rows whose location is outside every area).
- `searches`: one row per good record, its 15 columns (blank cells as NULL, `Date`
  as a UTC timestamp), plus `force` and `month` from the file name.
- `bad_rows`: every record that could not be read (wrong number of fields, a latitude,
  longitude or date that does not parse, bad encoding...), with its line number (the
  header is line 1; a quoted value spanning lines counts once), the error and the text.
- `locations`: the area of every distinct point seen (NULL outside every area).
  data.police.uk snaps searches to a fixed set of map points, so there are far fewer
  points than searches, and changing boundaries only rewrites this small table.
- `area_forces`: the force covering each area, i.e. the one that made most of its
  located searches (refreshed by every import).
- view `located_searches`: `searches` with `area` (NULL without location or outside
  every area). Summaries read this.
- `boundary_file`: the GeoJSON in use; `meta`: its key and area names, the schema
  version.

Rows are stored in no particular order: every query counts them or sorts them.

The import (importing.py) writes `files`, `searches` and `bad_rows`; this module opens the
file, keeps its schema, and keeps `locations`, `boundary_file` and the boundaries' `meta`
consistent with each other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np

from . import importing
from .boundaries import Boundaries
from .progress import Progress

SCHEMA_VERSION = "2"  # 2: files.sha256 became files.checksum
# Rows per row group written, half DuckDB's default. Each reader thread compresses and
# writes a row group as soon as it has read one, in parallel with the others; what is
# left over at the end of a read is written by one thread alone. With the default, a
# read of a few hundred thousand rows (the sample: 200,000) leaves each of two threads
# less than a row group, and writing it all at the end made the read a third slower.
_ROW_GROUP_SIZE = 61_440

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS boundary_file (text VARCHAR);
CREATE TABLE IF NOT EXISTS files (
    file_id INTEGER, force VARCHAR, month VARCHAR, source VARCHAR, checksum VARCHAR,
    rows BIGINT, bad_rows BIGINT, without_location BIGINT, outside_areas BIGINT,
    imported_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS searches (
    file_id INTEGER, force VARCHAR, month VARCHAR,
    type VARCHAR, date_utc TIMESTAMP, part_of_operation VARCHAR, policing_operation VARCHAR,
    latitude DOUBLE, longitude DOUBLE, gender VARCHAR, age_range VARCHAR,
    self_defined_ethnicity VARCHAR, officer_defined_ethnicity VARCHAR, legislation VARCHAR,
    object_of_search VARCHAR, outcome VARCHAR, outcome_linked VARCHAR,
    removal_more_than_outer VARCHAR
);
CREATE TABLE IF NOT EXISTS bad_rows (
    file_id INTEGER, line BIGINT, error VARCHAR, text VARCHAR
);
CREATE TABLE IF NOT EXISTS locations (latitude DOUBLE, longitude DOUBLE, area VARCHAR);
CREATE TABLE IF NOT EXISTS area_forces (area VARCHAR, force VARCHAR);
CREATE OR REPLACE VIEW located_searches AS
    SELECT s.*, l.area FROM searches s LEFT JOIN locations l
    ON l.latitude = s.latitude AND l.longitude = s.longitude;
"""


class Store:
    """A DuckDB file of stop-and-search records. Use as a context manager, or close().

    DuckDB lets one process write a file, and while it does no other process can open
    it; readers (the web pages) should open with read_only=True and close promptly.
    Within one process a file open for writing cannot be opened again, for writing or
    reading (duckdb.ResourceInUseException)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no stop-and-search store at {self.path}")
        self.read_only = read_only
        self._meta_cache: dict[str, str | None] = {}
        if read_only:
            self.con = duckdb.connect(str(self.path), read_only=True)
        else:
            self.con = _open_for_writing(self.path)
        # Dates are stored as UTC wall-clock times; make every cast agree.
        self.con.execute("SET TimeZone = 'UTC'")
        # Track query progress (for the import's progress callback) without DuckDB
        # drawing its own bar on the terminal.
        self.con.execute(
            "SET enable_progress_bar = true; SET enable_progress_bar_print = false; "
            "SET progress_bar_time = 0"
        )
        if not read_only:
            # Rows may be stored in any order (every query counts or sorts them), which
            # lets DuckDB's reader threads insert what they read without keeping the
            # files' order: a tenth less CPU time for a read.
            self.con.execute("SET preserve_insertion_order = false")
            # One transaction: each statement on its own would be a commit of its own,
            # which makes opening a new store several times slower.
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(_SCHEMA)
            version = self._meta("schema_version")
            if version == "1":
                # Checksums were SHA-256 then: none matches a new one, so each stored
                # file is loaded once more ("replaced", same content) when next imported.
                self.con.execute("ALTER TABLE files RENAME COLUMN sha256 TO checksum")
            if version != SCHEMA_VERSION:
                self._set_meta(schema_version=SCHEMA_VERSION)
            self.con.execute("COMMIT")
        elif not self._is_store():
            self.con.close()
            raise ValueError(f"{self.path} is not a stop-and-search store")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around the block: committed if it ends normally, else rolled
        back."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            # The rollback may have undone meta values the cache holds.
            self._meta_cache.clear()
            raise

    # -- boundaries --------------------------------------------------------------------

    def boundaries(self) -> Boundaries:
        """The boundaries this store assigns areas with (the shipped London boroughs when
        nothing has been imported)."""
        return self.boundaries_parser(None, None)()

    def area_names(self) -> list[str]:
        """Every area of the boundaries in use, whether or not it has searches."""
        names = self._meta("area_names")
        return json.loads(names) if names is not None else Boundaries.load().areas

    def boundaries_parser(
        self, boundaries: Boundaries | str | Path | None, name_property: str | None
    ) -> Callable[[], Boundaries]:
        """What import_paths parses its boundaries with (in a helper thread, so the store's
        text is fetched here: the connection is not shared across threads)."""
        if isinstance(boundaries, Boundaries):
            return lambda: boundaries
        if boundaries is not None:
            return lambda: Boundaries.load(boundaries, name_property)
        rows = self.con.execute("SELECT text FROM boundary_file").fetchall()
        if not rows:
            return Boundaries.load
        text, stored_property = rows[0][0], self._meta("boundaries_name_property")
        return lambda: Boundaries.from_text(text, stored_property, source="stored boundaries")

    def use_boundaries(self, bounds: Boundaries) -> bool:
        """Make `bounds` the store's boundaries; True if that re-assigned stored searches."""
        previous = self._meta("boundaries_key")
        key = f"{bounds.sha256}:{bounds.name_property}"
        if previous == key:
            return False
        self._set_meta(
            boundaries_key=key,
            boundaries_name_property=bounds.name_property,
            area_names=json.dumps(bounds.areas),
        )
        self.con.execute("DELETE FROM boundary_file")
        self.con.execute("INSERT INTO boundary_file VALUES (?)", [bounds.text])
        if previous is None:
            return False
        self.con.execute("DELETE FROM locations")
        points = self.con.execute(
            "SELECT DISTINCT latitude, longitude FROM searches "
            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"
        ).fetchnumpy()
        self.add_locations(bounds, points["latitude"], points["longitude"])
        self.con.execute(
            "UPDATE files SET outside_areas = (SELECT count(*) FROM located_searches s "
            "WHERE s.file_id = files.file_id AND s.latitude IS NOT NULL "
            "AND s.longitude IS NOT NULL AND s.area IS NULL)"
        )
        return True

    def add_locations(self, bounds: Boundaries, lat: np.ndarray, lon: np.ndarray) -> None:
        """Assign areas to new distinct points and add them to `locations`."""
        lat = np.asarray(lat, dtype=np.float64)
        lon = np.asarray(lon, dtype=np.float64)
        if lat.size == 0:
            return
        # assign() gives -1 outside every area: the None appended at the end.
        names = np.array([*bounds.names, None], dtype=object)
        area = names[bounds.assign(lon, lat)]
        self.con.register("new_locations", {"latitude": lat, "longitude": lon, "area": area})
        self.con.execute("INSERT INTO locations SELECT * FROM new_locations")
        self.con.unregister("new_locations")

    # -- import ------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        boundaries: Boundaries | str | Path | None = None,
        name_property: str | None = None,
        progress: Progress | None = None,
    ) -> importing.ImportReport:
        """Import ZIPs, CSVs, gzipped CSVs or folders of them (see importing.py).

        `boundaries`: a GeoJSON path or Boundaries; None keeps the store's own.
        `name_property`: the GeoJSON property holding area names (guessed if None).
        `progress(done, total)` is called with file counts: at the start, while files
        load (from a helper thread, estimated from DuckDB's progress) and as each batch
        of files lands.
        Raises ImportRefused (nothing written) if any file fails the checks."""
        return importing.import_paths(
            self, paths, boundaries=boundaries, name_property=name_property, progress=progress
        )

    # -- meta --------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        # Cached: summaries ask for the area names many times, and a lookup in a table
        # holding the boundary file's text is not free.
        if key not in self._meta_cache:
            rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
            self._meta_cache[key] = rows[0][0] if rows else None
        return self._meta_cache[key]

    def _set_meta(self, **values: str | None) -> None:
        keys = list(values)
        marks = ", ".join("?" for _ in keys)
        self.con.execute(f"DELETE FROM meta WHERE key IN ({marks})", keys)
        self.con.execute(
            f"INSERT INTO meta VALUES {', '.join('(?, ?)' for _ in keys)}",
            [item for pair in values.items() for item in pair],
        )
        self._meta_cache.update(values)

    def _is_store(self) -> bool:
        # Asking for the meta table directly: listing duckdb_tables() costs a noticeable
        # part of opening the store, which the web pages do on every request.
        try:
            return self._meta("schema_version") is not None
        except duckdb.CatalogException:
            return False


def _open_for_writing(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the store file, written in row groups of
    _ROW_GROUP_SIZE rows (only ATTACH can set that: it is not kept in the file)."""
    con = duckdb.connect()
    try:
        # Where an in-memory database would spill, the file's own database would.
        con.execute("SET temp_directory = ?", [f"{path}.tmp"])
        # The only long strings stored are the boundary file's text: compressing the
        # default's 2 MB with zstd cost a new store 20 ms; as it is, it takes 1.5 MB more.
        con.execute("SET disabled_compression_methods = 'zstd'")
        con.execute(f"ATTACH ? AS store (ROW_GROUP_SIZE {_ROW_GROUP_SIZE})", [str(path)])
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


__all__ = ["Store"]
