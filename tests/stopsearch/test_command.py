"""`oversight stopsearch import|summary`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.stopsearch.stopsearch_helpers import HEADER, search, write_csv

MET_JUNE = "2018-06-metropolitan-stop-and-search.csv"


def run(*args: str) -> str:
    out = StringIO()
    call_command("stopsearch", *args, stdout=out)
    return out.getvalue()


def test_import_prints_a_report_with_bad_row_line_numbers(tmp_path):
    path = write_csv(tmp_path / MET_JUNE, [search(), search(longitude="west"), search(where=None)])
    out = run("import", str(path), "--store", str(tmp_path / "s.duckdb"))
    assert "Files: 1 (1 new, 0 replaced, 0 unchanged)" in out
    assert "Rows: 2" in out
    assert "Bad rows (not imported): 1" in out
    assert f"{path}: 1 at lines 3" in out
    assert "Rows without location (in force totals only): 1" in out


def test_summary_prints_the_contract_json(tmp_path):
    store = str(tmp_path / "s.duckdb")
    run("import", str(write_csv(tmp_path / MET_JUNE, [search()])), "--store", store)
    out = run(
        "summary", "--area", "Hackney", "--from", "2018-06", "--to", "2018-06",
        "--format", "json", "--store", store,
    )  # fmt: skip
    result = json.loads(out)
    assert (result["area"], result["searches"]) == ("Hackney", 1)
    text = run(
        "summary", "--area", "Hackney", "--from", "2018-05", "--to", "2018-06",
        "--format", "text", "--store", store,
    )  # fmt: skip
    assert "2018-05         0  partial month" in text


def test_refused_import_names_the_missing_columns(tmp_path):
    path = write_csv(tmp_path / MET_JUNE, [search()], [c for c in HEADER if c != "Gender"])
    with pytest.raises(CommandError, match="missing columns: Gender"):
        run("import", str(path), "--store", str(tmp_path / "s.duckdb"))


def test_summary_of_unknown_area_or_missing_store_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="import first"):
        run("summary", "--area", "Hackney", "--from", "2018-06", "--to", "2018-06",
            "--store", str(tmp_path / "none.duckdb"))  # fmt: skip
    store = str(tmp_path / "s.duckdb")
    run("import", str(write_csv(tmp_path / MET_JUNE, [search()])), "--store", store)
    with pytest.raises(CommandError, match="no area or force"):
        run("summary", "--area", "Gotham", "--from", "2018-06", "--to", "2018-06",
            "--store", store)  # fmt: skip


def test_store_defaults_to_the_setting(tmp_path, settings):
    settings.STOPSEARCH_DB = str(tmp_path / "configured.duckdb")
    run("import", str(write_csv(tmp_path / MET_JUNE, [search()])))
    assert (tmp_path / "configured.duckdb").exists()
