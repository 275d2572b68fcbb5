"""The demo's stop-and-search data: the real sample, imported once."""

from __future__ import annotations

import time

import pytest

from oversight.stopsearch import dashboard
from oversight.stopsearch.demo import add_demo_stopsearch
from oversight.stopsearch.store import Store
from tests.stopsearch.stopsearch_helpers import search, write_csv

pytestmark = pytest.mark.xdist_group("stopsearch-sample")


def test_demo_imports_the_sample_once_and_is_fast_when_it_is_there(tmp_path, settings):
    settings.STOPSEARCH_DB = tmp_path / "demo.duckdb"
    report = add_demo_stopsearch()
    assert report is not None and report.count("new") == 51
    assert "Hackney" in [row["area"] for row in dashboard.areas(settings.STOPSEARCH_DB)]
    started = time.perf_counter()
    assert add_demo_stopsearch() is None
    assert time.perf_counter() - started < 1


def test_demo_adds_only_missing_months_and_keeps_what_is_stored(tmp_path):
    path = tmp_path / "own.duckdb"
    corrected = write_csv(tmp_path / "2018-06-metropolitan-stop-and-search.csv", [search()])
    with Store(path) as store:
        store.import_paths([corrected])
    report = add_demo_stopsearch(path)
    assert report.count("new") == 50 and report.count("replaced") == 0
    with Store(path, read_only=True) as store:
        june = store.con.execute(
            "SELECT rows FROM files WHERE force = 'metropolitan' AND month = '2018-06'"
        ).fetchall()
    assert june == [(1,)]
