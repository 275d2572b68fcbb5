"""Fixtures for the stop-and-search tests: an empty store, and the real published
sample imported once per test session (per xdist worker; the tests that use it share
the "stopsearch-sample" group so they land on one worker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.stopsearch.store import Store
from tests.browser.conftest import browser, media_in_tmp, site  # noqa: F401
from tests.stopsearch.stopsearch_helpers import SAMPLE_NAME, sample_path


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "stopsearch.duckdb") as opened:
        yield opened


@pytest.fixture(scope="session")
def sample_zip() -> Path:
    path = sample_path()
    # The sample ships in samples/police-uk/: its absence is a failure, not a skip.
    assert path is not None, f"the real sample {SAMPLE_NAME} is missing from samples/police-uk/"
    return path


@pytest.fixture(scope="session")
def sample_import(sample_zip, tmp_path_factory):
    """(store path, ImportReport) of the real sample imported once."""
    path = tmp_path_factory.mktemp("stopsearch-sample") / "sample.duckdb"
    with Store(path) as fresh:
        report = fresh.import_paths([sample_zip])
    return path, report


@pytest.fixture(scope="session")
def sample_store(sample_import):
    """The imported sample, open read-only: tests cannot change it."""
    with Store(sample_import[0], read_only=True) as opened:
        yield opened


@pytest.fixture
def pages(settings, sample_import):
    """The stop-and-search pages reading the imported sample."""
    settings.STOPSEARCH_DB = sample_import[0]
    return sample_import[0]
