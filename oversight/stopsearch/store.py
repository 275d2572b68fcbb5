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

Import rules:

- A whole import is one transaction. Every file is checked first (name gives month and
  force, all 15 columns present); if any fails, ImportRefused is raised listing every
  problem and nothing is written. An unexpected error later rolls everything back.
- Files are keyed by (force, month). A file whose content is already stored for its
  key is left alone ("unchanged"), so importing the same file twice changes nothing; a
  different file for a stored key replaces it ("replaced") - data.police.uk republishes
  corrected months.
- Bad rows are stored and reported, never silently dropped, and never stop the import.
  If DuckDB's strict CSV reader gives up on a whole file (mixed line endings do that),
  the import starts again with that file rewritten through Python's csv module first
  (Source.materialise); only a file that still cannot be read refuses the import.
- Boundaries: `boundaries=None` keeps the store's current boundaries (the shipped London
  boroughs for a new store). Importing with different boundaries re-assigns every stored
  search, so one store always uses one set of areas.
"""

from __future__ import annotations

import functools
import json
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np

from .boundaries import Boundaries
from .progress import Progress, watch
from .sources import COLUMNS, Archives, ImportRefused, Source, collect_sources, remove_copy

SCHEMA_VERSION = "2"  # 2: files.sha256 became files.checksum
# CSV bytes per DuckDB read. Few, large reads are much faster (2M rows: 8 s in one read,
# 17 s in reads of 32 MB); the limit only bounds the temporary copies on huge imports.
_BATCH_BYTES = 1024 * 1024 * 1024
_REPORTED_BAD_ROWS = 10  # per file, in the ImportReport (all are kept in the store)
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


@dataclass(frozen=True)
class BadRow:
    source: str
    line: int
    error: str


@dataclass
class FileResult:
    """What happened to one file: status is "new", "replaced" or "unchanged"."""

    source: str
    force: str
    month: str
    status: str
    rows: int = 0
    bad_rows: int = 0
    without_location: int = 0
    outside_areas: int = 0
    first_bad_rows: list[BadRow] = field(default_factory=list)


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)
    # Files seen but not stop-and-search files (ZIP members, files in folders).
    skipped: list[str] = field(default_factory=list)
    areas_reassigned: bool = False  # the boundaries changed and every search was re-assigned

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def bad_rows(self) -> int:
        return sum(f.bad_rows for f in self.files)

    @property
    def without_location(self) -> int:
        return sum(f.without_location for f in self.files)

    @property
    def outside_areas(self) -> int:
        return sum(f.outside_areas for f in self.files)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)


class _UnreadableCsv(Exception):
    """DuckDB's reader failed on a whole file of `sources` (not just on some records)."""

    def __init__(self, sources: set[Source], message: str) -> None:
        super().__init__(message.splitlines()[0])
        self.sources = sources
        self.labels = ", ".join(sorted(source.label for source in sources))


@dataclass
class _Work:
    """Where an import works: its temporary folder, open archives, and the files to
    rewrite before DuckDB reads them."""

    tmp: Path
    archives: Archives
    rewrite: set[Source]


@dataclass
class _Load:
    """A file on its way into the store."""

    source: Source
    path: Path  # the CSV DuckDB reads (a temporary copy, plain or gzipped, for ZIP members)
    checksum: str
    file_id: int
    result: FileResult


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

    # -- boundaries --------------------------------------------------------------------

    def boundaries(self) -> Boundaries:
        """The boundaries this store assigns areas with (the shipped London boroughs when
        nothing has been imported)."""
        return self._boundaries_parser(None, None)()

    def area_names(self) -> list[str]:
        """Every area of the boundaries in use, whether or not it has searches."""
        names = self._meta("area_names")
        return json.loads(names) if names is not None else Boundaries.load().areas

    # -- import ------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        boundaries: Boundaries | str | Path | None = None,
        name_property: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import ZIPs, CSVs, gzipped CSVs or folders of them (see the module docstring).

        `boundaries`: a GeoJSON path or Boundaries; None keeps the store's own.
        `name_property`: the GeoJSON property holding area names (guessed if None).
        `progress(done, total)` is called with file counts: at the start, while files
        load (from a helper thread, estimated from DuckDB's progress) and as each batch
        of files lands.
        Raises ImportRefused (nothing written) if any file fails the checks."""
        if self.read_only:
            raise ImportRefused(f"{self.path} is open read-only")
        parse = self._boundaries_parser(boundaries, name_property)
        with (
            Archives() as archives,
            tempfile.TemporaryDirectory(prefix="stopsearch-") as tmp,
            ThreadPoolExecutor(1, thread_name_prefix="stopsearch-boundaries") as helper,
        ):
            # Parsing boundaries (the default file is 2 MB of GeoJSON) takes most of a
            # tenth of a second, and nothing needs them until the first files are read: the
            # helper thread parses them while DuckDB reads, which lets go of the GIL. Not
            # sooner: json.loads holds the GIL throughout, so it would stall the Python
            # work that comes before the read.
            chosen = functools.cache(lambda: helper.submit(parse))
            sources, skipped = collect_sources(paths, archives)
            rewrite: set[Source] = set()
            while True:
                report = ImportReport(skipped=skipped)
                try:
                    self._import(
                        sources, chosen, _Work(Path(tmp), archives, rewrite), report, progress
                    )
                    return report
                except _UnreadableCsv as failed:
                    # DuckDB gave up on a whole file (and so on the transaction): start
                    # again with that batch's files rewritten by Python's csv module.
                    if failed.sources <= rewrite:
                        raise ImportRefused(
                            f"{failed.labels}: cannot be read ({failed})"
                        ) from failed
                    rewrite |= failed.sources

    def _boundaries_parser(
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

    def _import(
        self,
        sources: list[Source],
        pending: Callable[[], Future[Boundaries]],
        work: _Work,
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        """The import proper, as one transaction. The boundaries (`pending()` starts
        parsing them) are waited for once the first batch of files is read: only placing
        searches needs them."""
        if progress:
            progress(0, len(sources))
        self.con.execute("BEGIN TRANSACTION")
        try:
            bounds = None
            done = 0
            new: list[_Load] = []
            next_id = self._scalar("SELECT coalesce(max(file_id), 0) + 1 FROM files")
            for batch in _batches(sources):
                loads = self._prepare(batch, done, next_id, work, report)
                next_id += len(loads)
                parsing = pending()
                if loads:
                    with watch(self.con, progress, done, len(batch), len(sources)):
                        self._read_all(loads)
                if bounds is None:
                    bounds = parsing.result()
                    report.areas_reassigned = self._use_boundaries(bounds)
                if loads:
                    self._locate(loads, bounds)
                    new.extend(loads)
                done += len(batch)
                if progress:
                    progress(done, len(sources))
            self._count(new)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._meta_cache.clear()
            raise

    def _prepare(
        self, batch: list[Source], offset: int, next_id: int, work: _Work, report: ImportReport
    ) -> list[_Load]:
        """Copy the batch's files where DuckDB can read them, leave alone those already
        stored with the same content, and delete what the others replace. Files to read
        are numbered from `next_id` (`files` gets them once the whole import is read)."""
        stored = {
            (force, month): (file_id, checksum, counts)
            for file_id, force, month, checksum, *counts in self.con.execute(
                "SELECT file_id, force, month, checksum, rows, bad_rows, without_location, "
                "outside_areas FROM files"
            ).fetchall()
        }
        loads = []
        for index, source in enumerate(batch, start=offset):
            path, checksum = source.materialise(
                work.tmp, index, work.archives, rewrite=source in work.rewrite
            )
            old_id, old_checksum, old_counts = stored.get((source.force, source.month), (None,) * 3)
            if old_checksum == checksum:
                remove_copy(path, source)
                report.files.append(
                    FileResult(source.label, source.force, source.month, "unchanged", *old_counts)
                )
                continue
            if old_id is not None:
                for table in ("searches", "bad_rows", "files"):
                    self.con.execute(f"DELETE FROM {table} WHERE file_id = ?", [old_id])
            status = "new" if old_id is None else "replaced"
            result = FileResult(source.label, source.force, source.month, status)
            report.files.append(result)
            loads.append(_Load(source, path, checksum, next_id, result))
            next_id += 1
        return loads

    def _read_all(self, loads: list[_Load]) -> None:
        # One DuckDB read per column layout (normally one for the whole batch: DuckDB then
        # reads the files in parallel).
        layouts: dict[tuple, list[_Load]] = {}
        for load in loads:
            layouts.setdefault(tuple(load.source.columns.items()), []).append(load)
        for group in layouts.values():
            self._read_csv(group)

    def _locate(self, loads: list[_Load], bounds: Boundaries) -> None:
        """Place the new points of the files just read."""
        first_id, last_id = loads[0].file_id, loads[-1].file_id
        points = self.con.execute(
            "SELECT DISTINCT latitude, longitude FROM searches s "
            "WHERE file_id BETWEEN ? AND ? AND latitude IS NOT NULL AND longitude IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM locations l "
            "WHERE l.latitude = s.latitude AND l.longitude = s.longitude)",
            [first_id, last_id],
        ).fetchnumpy()
        self._add_locations(bounds, points["latitude"], points["longitude"])
        for load in loads:
            remove_copy(load.path, load.source)

    def _count(self, loads: list[_Load]) -> None:
        """Record the new files with their counts, and work out again which force covers
        each area, from one pass over the located searches (each is a join of every
        search with its point)."""
        self.con.execute(
            "CREATE TEMP TABLE counted AS SELECT file_id, area, count(*) AS searches, "
            "count(*) FILTER (latitude IS NULL OR longitude IS NULL) AS without_location "
            "FROM located_searches GROUP BY ALL"
        )
        if loads:
            self._record_files(loads)
        self.con.execute("DELETE FROM area_forces")
        self.con.execute(
            "INSERT INTO area_forces SELECT area, arg_max(force, n) FROM ("
            "SELECT area, force, sum(searches) AS n FROM counted JOIN files USING (file_id) "
            "WHERE area IS NOT NULL GROUP BY ALL) GROUP BY area"
        )
        self.con.execute("DROP TABLE counted")

    def _read_csv(self, group: list[_Load]) -> None:
        """Append the group's good rows to `searches` and its bad rows to `bad_rows`."""
        paths = [str(load.path) for load in group]
        targets = ", ".join(COLUMNS.values())
        selected = ", ".join(_select(name) for name in COLUMNS)
        reader = (
            "read_csv($paths, columns = $columns, header = true, auto_detect = false, "
            "delim = ',', quote = '\"', escape = '\"', "
            "store_rejects = true, rejects_table = 'batch_errors', "
            "rejects_scan = 'batch_scans')"
        )
        # Rows, and the reader's errors, say which file they come from by its place in
        # $paths (file_index and file_id, from 0), which picks the file's values from
        # lists in the same order. No try/finally around the clean-up: after an error the
        # transaction is aborted and refuses even that; the rollback drops the tables.
        files = {
            "paths": paths,
            "ids": [load.file_id for load in group],
            "forces": [load.source.force for load in group],
            "months": [load.source.month for load in group],
        }
        try:
            self.con.execute(
                f"INSERT INTO searches (file_id, force, month, {targets}) "
                "SELECT $ids[file_index::BIGINT + 1], $forces[file_index::BIGINT + 1], "
                f"$months[file_index::BIGINT + 1], {selected} FROM {reader}",
                {"columns": group[0].source.columns, **files},
            )
        except duckdb.InvalidInputException as exc:
            raise _UnreadableCsv({load.source for load in group}, str(exc)) from exc
        # A record with several bad values has one error per value: one bad row.
        self.con.execute(
            "INSERT INTO bad_rows SELECT $ids[file_id::BIGINT + 1], line, "
            "string_agg(error_type || coalesce(' in ' || column_name, '') || ': ' "
            "|| error_message, '; ' ORDER BY column_idx), any_value(csv_line) "
            "FROM batch_errors GROUP BY file_id, line",
            {"ids": files["ids"]},
        )
        self.con.execute("DROP TABLE batch_errors")
        self.con.execute("DROP TABLE batch_scans")

    def _add_locations(self, bounds: Boundaries, lat: np.ndarray, lon: np.ndarray) -> None:
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

    def _record_files(self, loads: list[_Load]) -> None:
        """Add the files just read to `files`, with their counts from `counted`."""
        first_id, last_id = loads[0].file_id, loads[-1].file_id
        # A search without location has no area, so those outside every area are the
        # searches with no area less those without location.
        counts = {
            file_id: rest
            for file_id, *rest in self.con.execute(
                "SELECT file_id, sum(searches), sum(without_location), "
                "coalesce(sum(searches - without_location) FILTER (area IS NULL), 0) "
                "FROM counted WHERE file_id BETWEEN ? AND ? GROUP BY file_id",
                [first_id, last_id],
            ).fetchall()
        }
        bad: dict[int, list[tuple[int, str]]] = {}
        for file_id, line, error in self.con.execute(
            "SELECT file_id, line, error FROM bad_rows WHERE file_id BETWEEN ? AND ? "
            "ORDER BY file_id, line",
            [first_id, last_id],
        ).fetchall():
            bad.setdefault(file_id, []).append((line, error))
        for load in loads:
            result = load.result
            result.rows, result.without_location, result.outside_areas = counts.get(
                load.file_id, (0, 0, 0)
            )
            lines = bad.get(load.file_id, [])
            result.bad_rows = len(lines)
            result.first_bad_rows = [
                BadRow(load.source.label, line, error) for line, error in lines[:_REPORTED_BAD_ROWS]
            ]
        # One insert for the batch: DuckDB statements have a noticeable fixed cost.
        self.con.register(
            "new_files",
            {
                "file_id": np.array([load.file_id for load in loads], dtype=np.int32),
                "force": np.array([load.source.force for load in loads], dtype=object),
                "month": np.array([load.source.month for load in loads], dtype=object),
                "source": np.array([load.source.label for load in loads], dtype=object),
                "checksum": np.array([load.checksum for load in loads], dtype=object),
                **{
                    name: np.array([getattr(load.result, name) for load in loads], dtype=np.int64)
                    for name in ("rows", "bad_rows", "without_location", "outside_areas")
                },
            },
        )
        self.con.execute("INSERT INTO files SELECT *, now()::TIMESTAMP FROM new_files")
        self.con.unregister("new_files")

    def _use_boundaries(self, bounds: Boundaries) -> bool:
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
        self._add_locations(bounds, points["latitude"], points["longitude"])
        self.con.execute(
            "UPDATE files SET outside_areas = (SELECT count(*) FROM located_searches s "
            "WHERE s.file_id = files.file_id AND s.latitude IS NOT NULL "
            "AND s.longitude IS NOT NULL AND s.area IS NULL)"
        )
        return True

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

    def _scalar(self, sql: str, params: list | None = None) -> object:
        # fetchall, not fetchone: DuckDB refuses further work on a connection while a
        # result is only partly fetched.
        return self.con.execute(sql, params or []).fetchall()[0][0]


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


def _select(column: str) -> str:
    """The store's value for a CSV column: trimmed text with blanks as NULL; typed
    columns as parsed (DuckDB already rejected those that do not parse).

    DuckDB's reader already gives NULL for an empty cell, quoted or not, so only values
    starting or ending with a space need trimming. Testing for that and leaving the rest
    alone costs next to nothing; trimming (and so copying) every value added about a
    third to the CPU time of the read."""
    quoted = '"' + column.replace('"', '""') + '"'
    if column == "Date":
        return f"{quoted}::TIMESTAMP"
    if column in ("Latitude", "Longitude"):
        return quoted
    return (
        f"CASE WHEN {quoted} LIKE ' %' OR {quoted} LIKE '% ' "
        f"THEN nullif(trim({quoted}), '') ELSE {quoted} END"
    )


def _batches(sources: list[Source]) -> Iterable[list[Source]]:
    batch: list[Source] = []
    size = 0
    for source in sources:
        batch.append(source)
        size += source.size
        if size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


__all__ = ["BadRow", "FileResult", "ImportRefused", "ImportReport", "Store"]
