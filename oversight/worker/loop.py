"""The worker's loop: read queued imports, run scheduled jobs when due, sleep, again;
until told to stop (SIGTERM or SIGINT), which it obeys between jobs, never in the
middle of one.

Each job is logged in one line (`oversight.jobs`, see oversight/hosting/log_lines.py).
A job that crashes is logged with its traceback and the loop goes on: one bad job must
not stop the imports and reminders of everyone else."""

from __future__ import annotations

import logging
import signal
import threading
import time

from django.db import close_old_connections, transaction

from oversight.hosting.log_lines import log_job
from oversight.ingest import operations as imports

from . import schedule

logger = logging.getLogger(__name__)


def read_one_import() -> bool:
    """Claim the oldest import waiting and read it; False when none is waiting."""
    pk = imports.claim_next_import()
    if pk is None:
        return False
    started = time.perf_counter()
    imp = imports.read_claimed(pk)
    outcome = "refused" if imp.status == imp.Status.FAILED else imp.status
    log_job("import", outcome, started, import_id=pk, file=imp.original_name)
    return True


def read_queued_imports() -> int:
    """Read every import waiting, one after another; how many were read."""
    read = 0
    while read_one_import():
        read += 1
    return read


def run_due_jobs() -> int:
    """Run each scheduled job that is due and that this worker takes; how many ran."""
    ran = 0
    for job in schedule.JOBS:
        if not schedule.claim_due(job):
            continue
        started = time.perf_counter()
        try:
            outcome = job.run()
        except Exception:
            logger.exception("Scheduled job %s crashed", job.name)
            outcome = "crashed"
        schedule.record_outcome(job, outcome)
        log_job(job.name, "crashed" if outcome == "crashed" else "done", started, result=outcome)
        ran += 1
    return ran


class Worker:
    """`run()` loops until `stop()`; `run(once=True)` does what is waiting and returns."""

    def __init__(self, *, poll_seconds: float = 5.0) -> None:
        self.poll_seconds = poll_seconds
        self.stopping = threading.Event()

    def stop(self, *_signal_args) -> None:
        self.stopping.set()

    def handle_signals(self) -> None:
        """Stop after the job in hand on SIGTERM (systemd, docker stop) or SIGINT."""
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def step(self) -> int:
        """One pass: every queued import, then the jobs due. How many jobs were done."""
        _fresh_connections()
        try:
            done = 0
            while not self.stopping.is_set() and read_one_import():
                done += 1
            if not self.stopping.is_set():
                done += run_due_jobs()
            return done
        finally:
            _fresh_connections()

    def run(self, *, once: bool = False) -> int:
        done = 0
        while not self.stopping.is_set():
            try:
                worked = self.step()
            except Exception:
                # The database gone for a moment, say: wait and try again.
                logger.exception("The worker's pass failed; trying again")
                worked = 0
            done += worked
            if once:
                break
            if not worked:
                self.stopping.wait(self.poll_seconds)
        return done


def _fresh_connections() -> None:
    """Between passes, as Django does between requests: drop connections that are broken
    or past CONN_MAX_AGE, so a database restart costs one failed pass, not the worker.
    Never inside a transaction someone else opened (a test's)."""
    if not transaction.get_connection().in_atomic_block:
        close_old_connections()
