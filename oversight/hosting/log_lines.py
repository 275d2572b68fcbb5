"""Structured logging: one line per request (`oversight.requests`) and per job
(`oversight.jobs`), written by the standard library's logging.

Each line carries its facts as fields (`extra=`), not only in its message, so that
`LOG_FORMAT=json` gives one JSON object a line for a log collector to index, and the
default text format stays readable in a terminal."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

requests_log = logging.getLogger("oversight.requests")
jobs_log = logging.getLogger("oversight.jobs")

# Every attribute a LogRecord has of its own; whatever else it has came from `extra=`.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def fields_of(record: logging.LogRecord) -> dict:
    """The fields a log call gave with `extra=`."""
    return {k: v for k, v in vars(record).items() if k not in _STANDARD}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, the
    call's `extra` fields, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **fields_of(record),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


class TextFormatter(logging.Formatter):
    """A readable line, with the call's `extra` fields as key=value after the message."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extra = " ".join(f"{k}={v}" for k, v in fields_of(record).items())
        if extra and "\n" in line:
            head, tail = line.split("\n", 1)
            return f"{head} {extra}\n{tail}"
        return f"{line} {extra}" if extra else line


class RequestLogMiddleware:
    """Logs one line for every request once it is answered: method, path (never the
    query string, which holds what people searched for), status, time taken and the
    signed-in user's id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        }
        requests_log.info(
            "%s %s %s", request.method, request.path, response.status_code, extra=fields
        )
        return response


def log_job(job: str, outcome: str, started: float, **fields) -> None:
    """One line for a job the worker ran: its name, its outcome and how long it took."""
    jobs_log.info(
        "%s %s",
        job,
        outcome,
        extra={
            "job": job,
            "outcome": outcome,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            **fields,
        },
    )
