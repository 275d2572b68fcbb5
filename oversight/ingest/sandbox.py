"""Reading an uploaded document in a child process that cannot outgrow its limits.

A hostile file (a PDF whose streams inflate to gigabytes, a document that makes a reader
loop) must be refused with a reason, never take the web process down with it. So
`extract_file` here runs the extractor in a child process with:

- a memory limit (`RLIMIT_AS`, default 500 MB of address space): an allocation past it
  fails inside the child, which then stops;
- a processor-time limit (`RLIMIT_CPU`, default 10 s): the kernel stops the child when it
  has computed for that long;
- a wall-clock limit (three times the processor time) for a child that waits instead.

The child only reads the file and sends back the extraction; it writes nothing, and
the caller writes nothing when it is refused. What goes wrong becomes
`UnreadableDocument` with a reason a scrutiny officer can act on. A crash of the
extractor itself (a bug, not the file) is raised as `ExtractorCrashed` with the child's
traceback, for the log.

Children are forked from a small server process started once (multiprocessing's
"forkserver"), which has the extractor already imported: each document then costs a
fork, and no child inherits the web process's threads or database connections.
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import resource
import signal
import traceback
from pathlib import Path

from .extract import DEFAULT_MAX_BYTES, Extraction, UnreadableDocument
from .extract import extract_file as extract_in_this_process

MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 10.0


class ExtractorCrashed(RuntimeError):
    """The extractor failed on this file for a reason of its own (its traceback)."""


def limits() -> tuple[int, float]:
    """Memory (bytes) and processor time (seconds) allowed: the settings
    `EXTRACTION_MEMORY_LIMIT` and `EXTRACTION_TIME_LIMIT` when Django is set up."""
    try:
        from django.conf import settings

        return (
            int(getattr(settings, "EXTRACTION_MEMORY_LIMIT", MEMORY_LIMIT)),
            float(getattr(settings, "EXTRACTION_TIME_LIMIT", TIME_LIMIT)),
        )
    except Exception:  # Django not configured: a plain script calling the extractor
        return MEMORY_LIMIT, TIME_LIMIT


def extract_file(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    memory: int | None = None,
    seconds: float | None = None,
) -> Extraction:
    """`extract.extract_file(path)`, run in a child process within the limits.

    Raises UnreadableDocument (the reason) when the file is refused by the extractor or
    the child runs out of memory or time; FileNotFoundError if there is no such file."""
    default_memory, default_seconds = limits()
    memory = memory or default_memory
    seconds = seconds or default_seconds
    if not Path(path).is_file():
        raise FileNotFoundError(path)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_in_child,
        args=(sender, str(path), max_bytes, memory, seconds),
        name="oversight-extract",
        daemon=True,
    )
    child.start()
    sender.close()  # the child holds the only sending end: EOF when it dies
    try:
        if receiver.poll(seconds * 3):
            try:
                outcome, value = receiver.recv()
            except EOFError:
                outcome, value = "died", None
        else:
            outcome, value = "timeout", None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "done":
        return value
    if outcome == "refused":
        raise UnreadableDocument(value)
    if outcome == "crashed":
        raise ExtractorCrashed(value)
    raise UnreadableDocument(_why_it_stopped(outcome, child.exitcode, memory, seconds))


def _why_it_stopped(outcome: str, exitcode: int | None, memory: int, seconds: float) -> str:
    mb = memory // (1024 * 1024)
    too_long = (
        f"Reading this file took longer than the {seconds:g} seconds allowed, so it was "
        "stopped; it may be built to exhaust the server (for example a compressed bomb)"
    )
    if outcome == "timeout" or exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return too_long
    # PDFium is C++: an allocation refused under the memory limit aborts the child.
    if outcome == "memory" or exitcode == -signal.SIGABRT:
        return (
            f"Reading this file needed more than the {mb} MB of memory allowed, so it was "
            "stopped; it may be built to exhaust the server (for example a PDF whose "
            "contents inflate to gigabytes)"
        )
    return (
        f"Reading this file stopped without finishing; it may need more than the {mb} MB "
        f"of memory or {seconds:g} seconds allowed, or be damaged"
    )


def _read_in_child(sender, path: str, max_bytes: int, memory: int, seconds: float) -> None:
    """In the child: set the limits, read, send back what happened, one message."""
    _limit(memory, seconds)
    try:
        try:
            message = ("done", extract_in_this_process(path, max_bytes=max_bytes))
        except UnreadableDocument as exc:
            message = ("refused", exc.reason)
        except MemoryError:
            message = ("memory", None)
        except RecursionError:
            message = ("refused", "This file is nested too deeply to read")
        except Exception:
            message = ("crashed", traceback.format_exc())
        sender.send(message)
    except MemoryError:
        # Even the answer did not fit: say so in as few bytes as possible.
        sender.send(("memory", None))
    finally:
        sender.close()


def _limit(memory: int, seconds: float) -> None:
    """Limit this process for good: the hard limits are set too, and a process without
    root's privileges (as a web server's should be) cannot raise a hard limit again."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = math.ceil(seconds)
    # SIGXCPU at the soft limit; the hard limit, a second later, kills outright.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@functools.cache
def _context():
    """The forkserver context, its server preloaded with the extractor."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context
