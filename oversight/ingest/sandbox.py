"""Reading an uploaded document in a child process that cannot outgrow its limits.

A hostile file (a PDF whose streams inflate to gigabytes, a document that makes a reader
loop) must be refused with a reason, never take the web process down with it. So
`extract_file` here runs the extractor in a child process with:

- a memory limit (`RLIMIT_AS`, default 500 MB of address space): an allocation past it
  fails inside the child, which then stops;
- a processor-time limit (`RLIMIT_CPU`, default 10 s): the kernel stops the child when it
  has computed for that long;
- a wall-clock limit (three times the processor time) for a child that waits instead.

`run_limited` is the child runner, for anything else that reads a hostile file (drawing
a PDF page, page_render.py). The child only reads the file and sends back the result; it
writes nothing, and the caller writes nothing when it is refused. What goes wrong becomes
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
import pickle
import resource
import signal
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .extract import DEFAULT_MAX_BYTES, Extraction, UnreadableDocument
from .extract import extract_file as extract_in_this_process

MEMORY_LIMIT = 500 * 1024 * 1024
TIME_LIMIT = 10.0

T = TypeVar("T")


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


class OutOfLimits(RuntimeError):
    """The child ran out of its memory or time, or died; `reason` says which, in words
    for the person whose file it was."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def run_limited(
    target: Callable[..., T],
    args: tuple = (),
    *,
    memory_bytes: int,
    cpu_seconds: float,
    name: str = "oversight-limited",
) -> T:
    """`target(*args)` in a child process that cannot use more than `memory_bytes` of
    memory or `cpu_seconds` of processor time (and three times that of wall-clock time).

    `target` and `args` are sent to the child by pickling: a module-level function (or a
    `functools.partial` of one) and plain values. Returns what `target` returns. An
    exception `target` raises is raised here (the child's traceback is its
    `child_traceback`); running out of memory or time, or dying, raises OutOfLimits
    with the reason."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_run_in_child,
        args=(sender, target, args, memory_bytes, cpu_seconds),
        name=name,
        daemon=True,
    )
    child.start()
    sender.close()  # the child holds the only sending end: EOF when it dies
    try:
        if receiver.poll(cpu_seconds * 3):
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
    if outcome == "raised":
        raise value
    raise OutOfLimits(_why_it_stopped(outcome, child.exitcode, memory_bytes, cpu_seconds))


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
    if not Path(path).is_file():
        raise FileNotFoundError(path)
    try:
        return run_limited(
            functools.partial(extract_in_this_process, max_bytes=max_bytes),
            (str(path),),
            memory_bytes=memory or default_memory,
            cpu_seconds=seconds or default_seconds,
            name="oversight-extract",
        )
    except OutOfLimits as exc:
        raise UnreadableDocument(exc.reason) from None
    except UnreadableDocument:
        raise
    except RecursionError:
        raise UnreadableDocument("This file is nested too deeply to read") from None
    except Exception as exc:  # a bug of the extractor's, not the file's: for the log
        raise ExtractorCrashed(getattr(exc, "child_traceback", repr(exc))) from None


def _why_it_stopped(outcome: str, exitcode: int | None, memory: int, seconds: float) -> str:
    mb = memory // (1024 * 1024)
    too_long = (
        f"Reading this file took longer than the {seconds:g} seconds allowed, so it was "
        "stopped; it may be built to exhaust the server (for example a compressed bomb)"
    )
    too_much = (
        f"Reading this file needed more than the {mb} MB of memory allowed, so it was "
        "stopped; it may be built to exhaust the server (for example a PDF whose "
        "contents inflate to gigabytes)"
    )
    # What the child said comes first: a child that said it ran out of memory may be
    # killed afterwards, as it has nothing left to say.
    if outcome == "memory":
        return too_much
    if outcome == "timeout" or exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return too_long
    # PDFium is C++: an allocation refused under the memory limit aborts the child.
    if exitcode == -signal.SIGABRT:
        return too_much
    return (
        f"Reading this file stopped without finishing; it may need more than the {mb} MB "
        f"of memory or {seconds:g} seconds allowed, or be damaged"
    )


def _run_in_child(sender, target, args: tuple, memory: int, seconds: float) -> None:
    """In the child: set the limits, run, send back what happened, one message."""
    _limit(memory, seconds)
    try:
        try:
            message = ("done", target(*args))
        except MemoryError:
            message = ("memory", None)
        except Exception as exc:
            exc.child_traceback = traceback.format_exc()
            message = ("raised", exc)
        try:
            sender.send(message)
        except (pickle.PicklingError, TypeError, AttributeError):
            # An exception that cannot travel: its traceback can.
            sender.send(("raised", RuntimeError(traceback.format_exc())))
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
