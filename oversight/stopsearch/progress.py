"""Progress of an import, for callers that show it: DuckDB reads a whole batch of files
in one statement, so the file count moves on from DuckDB's own progress estimate."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb

# progress(done, total): files done so far, of all the import's files.
Progress = Callable[[int, int], None]
POLL_SECONDS = 0.2  # between looks at DuckDB's progress during a read


@contextmanager
def watch(
    con: duckdb.DuckDBPyConnection, progress: Progress | None, done: int, files: int, total: int
) -> Iterator[None]:
    """While a batch of `files` loads, report progress from a helper thread, turning the
    share of DuckDB's read done into a file count (never claiming the batch complete)."""
    if progress is None:
        yield
        return
    stop = threading.Event()

    def poll() -> None:
        shown = done
        while not stop.wait(POLL_SECONDS):
            estimate = done + min(files - 1, int(max(con.query_progress(), 0) / 100 * files))
            if estimate > shown:
                shown = estimate
                progress(estimate, total)

    helper = threading.Thread(target=poll, name="stopsearch-progress", daemon=True)
    helper.start()
    try:
        yield
    finally:
        stop.set()
        helper.join()
