"""The worker (`oversight worker`): it reads what uploads queued and sends the day's
reminders on schedule, in its own process; several at once never do the same job twice;
it stops gracefully on SIGTERM or SIGINT; each job is one log line."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import threading
from datetime import datetime, time

import pytest
from django.core.files.base import ContentFile
from django.db import close_old_connections
from django.utils import timezone

from oversight.ingest import operations as imports
from oversight.ingest.models import ImportedDocument
from oversight.worker import schedule
from oversight.worker.loop import Worker, read_queued_imports
from oversight.worker.models import ScheduledJob
from tests.security.test_deploy_settings import PRODUCTION, environment, oversight

Status = ImportedDocument.Status


def queue(n: int) -> list[int]:
    return [
        imports.create_import(
            ContentFile(
                f"# Review of parks {i}\n\nRecommendation 1\n\nWe ask for more parks.\n".encode(),
                name=f"parks-{i}.md",
            ),
            user=None,
        ).pk
        for i in range(n)
    ]


@pytest.mark.django_db(transaction=True)
def test_claimers_racing_for_the_queue_never_take_the_same_import():
    waiting = set(queue(12))
    start = threading.Barrier(3)
    taken: dict[str, list[int]] = {}

    def claim_all(name: str) -> None:
        mine = taken.setdefault(name, [])
        try:
            start.wait()
            while (pk := imports.claim_next_import()) is not None:
                mine.append(pk)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=claim_all, args=(f"w{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    claims = [pk for mine in taken.values() for pk in mine]
    assert sorted(claims) == sorted(waiting)  # each once, none twice
    assert set(ImportedDocument.objects.values_list("status", flat=True)) == {Status.EXTRACTING}


@pytest.mark.django_db
def test_the_worker_reads_each_queued_upload_and_logs_one_line_per_import(caplog):
    caplog.set_level(logging.INFO, logger="oversight.jobs")
    pks = queue(2)
    assert read_queued_imports() == 2
    assert set(ImportedDocument.objects.values_list("status", flat=True)) == {Status.READY}
    lines = [r for r in caplog.records if r.name == "oversight.jobs"]
    assert [(r.job, r.outcome, r.import_id) for r in lines] == [
        ("import", "ready", pks[0]),
        ("import", "ready", pks[1]),
    ]
    assert read_queued_imports() == 0


@pytest.mark.django_db
def test_an_import_whose_worker_died_is_read_again_after_it_stalls():
    [pk] = queue(1)
    assert imports.claim_next_import() == pk  # ... and that worker dies
    assert imports.claim_next_import() is None
    later = timezone.now() + imports.STALLED_AFTER * 2
    assert imports.claim_next_import(stalled_before=later) == pk


def at(hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(2026, 3, 2, hour, minute))


@pytest.mark.django_db
def test_reminders_are_sent_once_a_day_at_their_time_whichever_worker_asks(settings):
    settings.REMINDERS_AT = "07:15"
    [job] = [j for j in schedule.JOBS if j.name == "send-reminders"]
    assert not schedule.claim_due(job, at(6))  # before today's time
    assert schedule.claim_due(job, at(7, 15))
    assert not schedule.claim_due(job, at(7, 15))  # a second worker at the same moment
    assert not schedule.claim_due(job, at(23))
    row = ScheduledJob.objects.get(name="send-reminders")
    assert timezone.localtime(row.next_run_at).time() == time(7, 15)
    assert timezone.localtime(row.next_run_at).date().day == 3
    assert schedule.claim_due(job, at(7, 15).replace(day=3))


@pytest.mark.django_db
def test_a_worker_started_after_the_time_sends_that_days_reminders_at_once(settings, caplog):
    caplog.set_level(logging.INFO, logger="oversight.jobs")
    settings.REMINDERS_AT = "00:00"
    assert Worker().run(once=True) == 1
    row = ScheduledJob.objects.get(name="send-reminders")
    assert row.last_outcome.startswith("sent: ") and row.last_finished_at is not None
    [line] = [r for r in caplog.records if r.name == "oversight.jobs"]
    assert (line.job, line.outcome) == ("send-reminders", "done")
    assert Worker().run(once=True) == 0  # not again today


QUEUE_IN_SHELL = """
from django.core.files.base import ContentFile
from oversight.ingest import operations
for i in range(8):
    text = f"# Review of parks {i}\\n\\nRecommendation 1\\n\\nWe ask for more parks.\\n".encode()
    operations.create_import(ContentFile(text, name=f"parks-{i}.md"), user=None)
"""
STATUSES_IN_SHELL = """
from oversight.ingest.models import ImportedDocument
print(sorted(ImportedDocument.objects.values_list("status", flat=True)))
print(ImportedDocument.history.filter(history_change_reason="Extracted").count())
"""


def test_two_worker_processes_on_one_database_read_every_upload_once(tmp_path):
    env = {**PRODUCTION, "LOG_FORMAT": "json", "REMINDERS_AT": "23:59"}
    assert oversight(["migrate", "--verbosity", "0"], tmp_path, **env).returncode == 0
    queued = oversight(["shell", "--no-imports", "-c", QUEUE_IN_SHELL], tmp_path, **env)
    assert queued.returncode == 0, queued.stderr
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "oversight", "worker", "--once"],
            cwd=tmp_path,
            env=environment(tmp_path, **env),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    logs = [worker.communicate(timeout=300) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], logs
    read = [
        line["import_id"]
        for _, err in logs
        for line in map(json.loads, filter(str.strip, err.splitlines()))
        if line.get("job") == "import"
    ]
    assert sorted(read) == sorted(set(read)) and len(read) == 8
    result = oversight(["shell", "--no-imports", "-c", STATUSES_IN_SHELL], tmp_path, **env)
    assert result.stdout.split("\n")[:2] == [str(["ready"] * 8), "8"], result.stderr


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_stops_gracefully_when_told_to(tmp_path, stop):
    assert oversight(["migrate", "--verbosity", "0"], tmp_path, **PRODUCTION).returncode == 0
    worker = subprocess.Popen(
        [sys.executable, "-m", "oversight", "worker", "--poll", "0.2"],
        cwd=tmp_path,
        env=environment(tmp_path, **PRODUCTION, REMINDERS_AT="23:59"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().startswith("Worker started")
    finally:
        worker.send_signal(stop)
        out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    assert "Worker stopped after 0 jobs" in out
    assert "Traceback" not in err
