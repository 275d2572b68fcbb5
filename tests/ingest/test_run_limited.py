"""sandbox.run_limited: one child runner for every reader of a hostile file (the
extractor, the page images): the answer comes back, the child's own error is raised as
itself, and running out of memory or time is refused with the reason."""

from __future__ import annotations

import pytest

from oversight.ingest import sandbox

MB = 1024 * 1024


def _answer(a: int, b: int) -> int:
    return a * b


def _refuse(reason: str) -> None:
    raise ValueError(reason)


def _hoard(megabytes: int) -> int:
    return len(bytearray(megabytes * MB))


def _spin() -> None:
    while True:
        pass


def test_the_childs_answer_comes_back():
    assert sandbox.run_limited(_answer, (6, 7), memory_bytes=200 * MB, cpu_seconds=5) == 42


def test_the_childs_own_error_is_raised_with_its_traceback():
    with pytest.raises(ValueError, match="not this one") as raised:
        sandbox.run_limited(_refuse, ("not this one",), memory_bytes=200 * MB, cpu_seconds=5)
    assert "_refuse" in raised.value.child_traceback


def test_a_child_past_its_memory_is_refused_with_the_reason():
    with pytest.raises(sandbox.OutOfLimits, match="more than the 200 MB of memory"):
        sandbox.run_limited(_hoard, (400,), memory_bytes=200 * MB, cpu_seconds=5)


def test_a_child_past_its_time_is_refused_with_the_reason():
    with pytest.raises(sandbox.OutOfLimits, match="longer than the 1 seconds allowed"):
        sandbox.run_limited(_spin, memory_bytes=200 * MB, cpu_seconds=1)
