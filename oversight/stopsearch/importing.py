"""Importing data.police.uk's stop-and-search CSV files into the store (store.py
describes its tables). `Store.import_paths` is the way in; it returns an ImportReport.

Rules:

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
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np

from .boundaries import Boundaries
from .progress import Progress, watch
from .sources import COLUMNS, Archives, ImportRefused, Source, collect_sources, remove_copy

if TYPE_CHECKING:
    from .store import Store

# CSV bytes per DuckDB read. Few, large reads are much faster (2M rows: 8 s in one read,
# 17 s in reads of 32 MB); the limit only bounds the temporary copies on huge imports.
_BATCH_BYTES = 1024 * 1024 * 1024
_REPORTED_BAD_ROWS = 10  # per file, in the ImportReport (all are kept in the store)


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


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    boundaries: Boundaries | str | Path | None = None,
    name_property: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """What Store.import_paths does (its docstring says what it takes and raises)."""
    if store.read_only:
        raise ImportRefused(f"{store.path} is open read-only")
    parse = store.boundaries_parser(boundaries, name_property)
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
                _import(
                    store, sources, chosen, _Work(Path(tmp), archives, rewrite), report, progress
                )
                return report
            except _UnreadableCsv as failed:
                # DuckDB gave up on a whole file (and so on the transaction): start
                # again with that batch's files rewritten by Python's csv module.
                if failed.sources <= rewrite:
                    raise ImportRefused(f"{failed.labels}: cannot be read ({failed})") from failed
                rewrite |= failed.sources


def _import(
    store: Store,
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
    con = store.con
    with store.transaction():
        bounds = None
        done = 0
        new: list[_Load] = []
        next_id = _scalar(con, "SELECT coalesce(max(file_id), 0) + 1 FROM files")
        for batch in _batches(sources):
            loads = _prepare(con, batch, done, next_id, work, report)
            next_id += len(loads)
            parsing = pending()
            if loads:
                with watch(con, progress, done, len(batch), len(sources)):
                    _read_all(con, loads)
            if bounds is None:
                bounds = parsing.result()
                report.areas_reassigned = store.use_boundaries(bounds)
            if loads:
                _locate(store, loads, bounds)
                new.extend(loads)
            done += len(batch)
            if progress:
                progress(done, len(sources))
        _count(con, new)


def _prepare(
    con: duckdb.DuckDBPyConnection,
    batch: list[Source],
    offset: int,
    next_id: int,
    work: _Work,
    report: ImportReport,
) -> list[_Load]:
    """Copy the batch's files where DuckDB can read them, leave alone those already
    stored with the same content, and delete what the others replace. Files to read
    are numbered from `next_id` (`files` gets them once the whole import is read)."""
    stored = {
        (force, month): (file_id, checksum, counts)
        for file_id, force, month, checksum, *counts in con.execute(
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
                con.execute(f"DELETE FROM {table} WHERE file_id = ?", [old_id])
        status = "new" if old_id is None else "replaced"
        result = FileResult(source.label, source.force, source.month, status)
        report.files.append(result)
        loads.append(_Load(source, path, checksum, next_id, result))
        next_id += 1
    return loads


def _read_all(con: duckdb.DuckDBPyConnection, loads: list[_Load]) -> None:
    # One DuckDB read per column layout (normally one for the whole batch: DuckDB then
    # reads the files in parallel).
    layouts: dict[tuple, list[_Load]] = {}
    for load in loads:
        layouts.setdefault(tuple(load.source.columns.items()), []).append(load)
    for group in layouts.values():
        _read_csv(con, group)


def _locate(store: Store, loads: list[_Load], bounds: Boundaries) -> None:
    """Place the new points of the files just read."""
    first_id, last_id = loads[0].file_id, loads[-1].file_id
    points = store.con.execute(
        "SELECT DISTINCT latitude, longitude FROM searches s "
        "WHERE file_id BETWEEN ? AND ? AND latitude IS NOT NULL AND longitude IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM locations l "
        "WHERE l.latitude = s.latitude AND l.longitude = s.longitude)",
        [first_id, last_id],
    ).fetchnumpy()
    store.add_locations(bounds, points["latitude"], points["longitude"])
    for load in loads:
        remove_copy(load.path, load.source)


def _count(con: duckdb.DuckDBPyConnection, loads: list[_Load]) -> None:
    """Record the new files with their counts, and work out again which force covers
    each area, from one pass over the located searches (each is a join of every
    search with its point)."""
    con.execute(
        "CREATE TEMP TABLE counted AS SELECT file_id, area, count(*) AS searches, "
        "count(*) FILTER (latitude IS NULL OR longitude IS NULL) AS without_location "
        "FROM located_searches GROUP BY ALL"
    )
    if loads:
        _record_files(con, loads)
    con.execute("DELETE FROM area_forces")
    con.execute(
        "INSERT INTO area_forces SELECT area, arg_max(force, n) FROM ("
        "SELECT area, force, sum(searches) AS n FROM counted JOIN files USING (file_id) "
        "WHERE area IS NOT NULL GROUP BY ALL) GROUP BY area"
    )
    con.execute("DROP TABLE counted")


def _read_csv(con: duckdb.DuckDBPyConnection, group: list[_Load]) -> None:
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
        con.execute(
            f"INSERT INTO searches (file_id, force, month, {targets}) "
            "SELECT $ids[file_index::BIGINT + 1], $forces[file_index::BIGINT + 1], "
            f"$months[file_index::BIGINT + 1], {selected} FROM {reader}",
            {"columns": group[0].source.columns, **files},
        )
    except duckdb.InvalidInputException as exc:
        raise _UnreadableCsv({load.source for load in group}, str(exc)) from exc
    # A record with several bad values has one error per value: one bad row.
    con.execute(
        "INSERT INTO bad_rows SELECT $ids[file_id::BIGINT + 1], line, "
        "string_agg(error_type || coalesce(' in ' || column_name, '') || ': ' "
        "|| error_message, '; ' ORDER BY column_idx), any_value(csv_line) "
        "FROM batch_errors GROUP BY file_id, line",
        {"ids": files["ids"]},
    )
    con.execute("DROP TABLE batch_errors")
    con.execute("DROP TABLE batch_scans")


def _record_files(con: duckdb.DuckDBPyConnection, loads: list[_Load]) -> None:
    """Add the files just read to `files`, with their counts from `counted`."""
    first_id, last_id = loads[0].file_id, loads[-1].file_id
    # A search without location has no area, so those outside every area are the
    # searches with no area less those without location.
    counts = {
        file_id: rest
        for file_id, *rest in con.execute(
            "SELECT file_id, sum(searches), sum(without_location), "
            "coalesce(sum(searches - without_location) FILTER (area IS NULL), 0) "
            "FROM counted WHERE file_id BETWEEN ? AND ? GROUP BY file_id",
            [first_id, last_id],
        ).fetchall()
    }
    bad: dict[int, list[tuple[int, str]]] = {}
    for file_id, line, error in con.execute(
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
    con.register(
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
    con.execute("INSERT INTO files SELECT *, now()::TIMESTAMP FROM new_files")
    con.unregister("new_files")


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> object:
    # fetchall, not fetchone: DuckDB refuses further work on a connection while a
    # result is only partly fetched.
    return con.execute(sql, params or []).fetchall()[0][0]


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


__all__ = ["BadRow", "FileResult", "ImportReport", "import_paths"]
