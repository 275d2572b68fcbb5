"""Importing: what is accepted, what is refused, what is reported, and idempotence."""

from __future__ import annotations

import json
import zipfile

import pytest

from oversight.stopsearch.dashboard import bad_rows
from oversight.stopsearch.sources import ImportRefused
from oversight.stopsearch.summary import summary
from tests.stopsearch.stopsearch_helpers import (
    CAMBRIDGE,
    HACKNEY,
    HEADER,
    WESTMINSTER,
    search,
    write_csv,
)

MET_JUNE = "2018-06-metropolitan-stop-and-search.csv"


def table_counts(store) -> dict[str, int]:
    return {
        table: store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        for table in ("files", "searches", "bad_rows", "locations")
    }


def test_file_without_the_required_columns_is_refused_naming_what_is_missing(store, tmp_path):
    good = write_csv(tmp_path / MET_JUNE, [search()])
    header = [c for c in HEADER if c not in ("Latitude", "Outcome")]
    bad = write_csv(tmp_path / "2018-07-metropolitan-stop-and-search.csv", [search()], header)
    with pytest.raises(ImportRefused) as refused:
        store.import_paths([good, bad])
    message = str(refused.value)
    assert "2018-07-metropolitan-stop-and-search.csv" in message
    assert "missing columns: Latitude, Outcome" in message
    # The whole import is refused: not even the good file is written.
    assert table_counts(store)["searches"] == 0


def test_file_name_without_month_and_force_is_refused(store, tmp_path):
    path = write_csv(tmp_path / "stops.csv", [search()])
    with pytest.raises(ImportRefused, match="cannot tell the month and force"):
        store.import_paths([path])


def test_columns_in_another_order_with_extras_are_read_by_name(store, tmp_path):
    header = ["Extra", *reversed(HEADER)]
    path = write_csv(tmp_path / MET_JUNE, [search(outcome="Arrest") | {"Extra": "x"}], header)
    report = store.import_paths([path])
    assert report.rows == 1
    assert summary(store, "Hackney", "2018-06", "2018-06")["arrest_rate"] == 1.0


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_still_load(store, tmp_path):
    path = tmp_path / MET_JUNE
    write_csv(path, [search(), search(latitude="fifty-one"), search(), search(date="yesterday")])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("Person search,2018-06-01T00:00:00+00:00,False\r\n")  # line 6: too short
    report = store.import_paths([path])
    assert report.rows == 2
    assert report.bad_rows == 3
    (result,) = report.files
    assert [bad.line for bad in result.first_bad_rows] == [3, 5, 6]
    assert "Latitude" in result.first_bad_rows[0].error
    assert "Date" in result.first_bad_rows[1].error
    stored = bad_rows(store, "metropolitan", "2018-06")
    assert [row["line"] for row in stored] == [3, 5, 6]
    assert "fifty-one" in stored[0]["text"]


def test_rows_and_bad_rows_of_files_read_together_keep_to_their_own_file(store, tmp_path):
    june = write_csv(tmp_path / MET_JUNE, [search(), search()])
    july = write_csv(
        tmp_path / "2018-07-city-of-london-stop-and-search.csv",
        [search(), search(longitude="west"), search(where=WESTMINSTER)],
    )
    report = store.import_paths([july, june])
    by_file = {(f.force, f.month): f for f in report.files}
    june_result = by_file[("metropolitan", "2018-06")]
    july_result = by_file[("city-of-london", "2018-07")]
    assert (june_result.rows, june_result.bad_rows) == (2, 0)
    assert (july_result.rows, july_result.bad_rows) == (2, 1)
    assert [bad.line for bad in july_result.first_bad_rows] == [3]
    assert [row["line"] for row in bad_rows(store, "city-of-london", "2018-07")] == [3]
    stored = store.con.execute(
        "SELECT force, month, count(*) FROM located_searches GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert stored == [("city-of-london", "2018-07", 2), ("metropolitan", "2018-06", 2)]
    assert summary(store, "Westminster", "2018-06", "2018-07")["searches"] == 1


def test_file_with_mixed_line_endings_still_loads_with_bad_rows_reported(store, tmp_path):
    path = tmp_path / MET_JUNE
    write_csv(path, [search(), search(latitude="north")])  # csv writes \r\n endings
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("Person search,2018-06-01T00:00:00+00:00,False\n")  # line 4, \n only
        handle.write(",".join(search().values()) + "\n")
    report = store.import_paths([path])
    assert report.rows == 2
    assert [bad.line for bad in report.files[0].first_bad_rows] == [3, 4]


def test_importing_the_same_file_twice_changes_nothing(store, tmp_path):
    path = write_csv(tmp_path / MET_JUNE, [search(), search(where=None), search(latitude="x")])
    first = store.import_paths([path])
    before = table_counts(store)
    again = store.import_paths([path])
    assert [f.status for f in first.files] == ["new"]
    assert [f.status for f in again.files] == ["unchanged"]
    assert (again.rows, again.bad_rows, again.without_location) == (2, 1, 1)
    assert table_counts(store) == before


def test_same_content_as_zip_member_gzip_or_plain_csv_is_the_same_file(store, tmp_path):
    rows = [search(), search(where=WESTMINSTER)]
    plain = write_csv(tmp_path / "plain" / MET_JUNE, rows)
    gz = write_csv(tmp_path / "gz" / f"{MET_JUNE}.gz", rows, gz=True)
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(plain, f"2018-06/{MET_JUNE}")
    store.import_paths([archive])
    assert [f.status for f in store.import_paths([plain]).files] == ["unchanged"]
    assert [f.status for f in store.import_paths([gz]).files] == ["unchanged"]
    assert table_counts(store)["searches"] == 2


def test_a_corrected_file_replaces_the_month_it_covers(store, tmp_path):
    store.import_paths([write_csv(tmp_path / "a" / MET_JUNE, [search(), search()])])
    report = store.import_paths([write_csv(tmp_path / "b" / MET_JUNE, [search(outcome="Arrest")])])
    assert [f.status for f in report.files] == ["replaced"]
    result = summary(store, "Hackney", "2018-06", "2018-06")
    assert (result["searches"], result["arrest_rate"]) == (1, 1.0)


def test_gzipped_csv_is_imported(store, tmp_path):
    path = write_csv(tmp_path / f"{MET_JUNE}.gz", [search(), search()], gz=True)
    report = store.import_paths([path])
    assert (report.rows, report.files[0].month, report.files[0].force) == (
        2,
        "2018-06",
        "metropolitan",
    )


def test_month_comes_from_the_file_name_not_the_timestamp(store, tmp_path):
    # 00:30 on 1 June, British Summer Time, is published as 23:30 UTC on 31 May.
    path = write_csv(tmp_path / MET_JUNE, [search(date="2018-05-31T23:30:00+00:00")])
    store.import_paths([path])
    assert summary(store, "Hackney", "2018-05", "2018-05")["searches"] == 0
    assert summary(store, "Hackney", "2018-06", "2018-06")["searches"] == 1


def test_timestamps_are_stored_in_utc(store, tmp_path):
    path = write_csv(tmp_path / MET_JUNE, [search(date="2018-06-01T00:30:00+01:00")])
    store.import_paths([path])
    stored = store.con.execute("SELECT date_utc::VARCHAR FROM searches").fetchall()
    assert stored == [("2018-05-31 23:30:00",)]


def test_zip_in_archive_layout_skips_other_files_and_reports_progress(store, tmp_path):
    archive = tmp_path / "download.zip"
    june = write_csv(tmp_path / MET_JUNE, [search()])
    july = write_csv(tmp_path / "2018-07-city-of-london-stop-and-search.csv", [search()])
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(june, f"2018-06/{MET_JUNE}")
        zipped.write(july, f"2018-07/{july.name}")
        zipped.writestr("2018-06/2018-06-metropolitan-street.csv", "Crime ID\n")
    calls = []
    report = store.import_paths([archive], progress=lambda done, total: calls.append((done, total)))
    assert {(f.force, f.month) for f in report.files} == {
        ("metropolitan", "2018-06"),
        ("city-of-london", "2018-07"),
    }
    assert report.skipped == [f"{archive}:2018-06/2018-06-metropolitan-street.csv"]
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)


def test_two_different_files_for_one_force_and_month_are_refused(store, tmp_path):
    a = write_csv(tmp_path / "a" / MET_JUNE, [search()])
    b = write_csv(tmp_path / "b" / MET_JUNE, [search(), search()])
    with pytest.raises(ImportRefused, match="is also in"):
        store.import_paths([a, b])


def test_searches_without_location_or_outside_every_area_count_in_force_totals_only(
    store, tmp_path
):
    rows = [search(), search(where=None), search(where=CAMBRIDGE)]
    report = store.import_paths([write_csv(tmp_path / MET_JUNE, rows)])
    assert (report.rows, report.without_location, report.outside_areas) == (3, 1, 1)
    hackney = summary(store, "Hackney", "2018-06", "2018-06")
    assert (hackney["searches"], hackney["without_location_in_force"]) == (1, 1)
    assert summary(store, "metropolitan", "2018-06", "2018-06")["searches"] == 3


def test_new_boundaries_reassign_every_stored_search(store, tmp_path):
    store.import_paths([write_csv(tmp_path / MET_JUNE, [search(), search(where=WESTMINSTER)])])
    square = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"ward": "Central"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [
                        [[-0.2, 51.45], [-0.1, 51.45], [-0.1, 51.55], [-0.2, 51.55], [-0.2, 51.45]]
                    ],
                },
            }
        ],
    }
    boundaries = tmp_path / "wards.geojson"
    boundaries.write_text(json.dumps(square))
    report = store.import_paths([tmp_path / MET_JUNE], boundaries=boundaries)
    assert report.areas_reassigned
    assert store.area_names() == ["Central"]
    central = summary(store, "central", "2018-06", "2018-06")
    assert (central["area"], central["searches"]) == ("Central", 1)
    assert central["by_ethnicity"]["White"]["population"] is None  # not a local authority
    # Later imports keep the store's boundaries.
    assert not store.import_paths([tmp_path / MET_JUNE]).areas_reassigned


def test_folder_of_csv_files_is_imported(store, tmp_path):
    write_csv(tmp_path / "data" / "2018-06" / MET_JUNE, [search()])
    write_csv(
        tmp_path / "data" / "2018-07" / "2018-07-metropolitan-stop-and-search.csv", [search()]
    )
    (tmp_path / "data" / "notes.txt").write_text("not data")
    report = store.import_paths([tmp_path / "data"])
    assert report.rows == 2
    assert report.skipped == [str(tmp_path / "data" / "notes.txt")]


def test_an_import_read_in_several_batches_counts_each_file_once(store, tmp_path, monkeypatch):
    monkeypatch.setattr("oversight.stopsearch.importing._BATCH_BYTES", 1)  # a file a batch
    store.import_paths([write_csv(tmp_path / "a" / MET_JUNE, [search(), search(where=None)])])
    july = write_csv(
        tmp_path / "b" / "2018-07-metropolitan-stop-and-search.csv",
        [search(where=CAMBRIDGE), search(latitude="north"), search()],
    )
    corrected_june = write_csv(tmp_path / "b" / MET_JUNE, [search(where=WESTMINSTER)])
    report = store.import_paths([corrected_june, july])
    counts = {
        f.month: (f.status, f.rows, f.bad_rows, f.without_location, f.outside_areas)
        for f in report.files
    }
    assert counts == {"2018-06": ("replaced", 1, 0, 0, 0), "2018-07": ("new", 2, 1, 0, 1)}
    stored = store.con.execute(
        "SELECT month, rows, bad_rows, without_location, outside_areas FROM files ORDER BY 1"
    ).fetchall()
    assert stored == [("2018-06", 1, 0, 0, 0), ("2018-07", 2, 1, 0, 1)]
    assert summary(store, "Westminster", "2018-06", "2018-07")["searches"] == 1
    assert summary(store, "Hackney", "2018-06", "2018-07")["searches"] == 1


def test_point_on_hackney_is_assigned_to_hackney(store, tmp_path):
    store.import_paths([write_csv(tmp_path / MET_JUNE, [search(where=HACKNEY)])])
    assert store.con.execute("SELECT area FROM located_searches").fetchall() == [("Hackney",)]


def test_a_failure_part_way_leaves_the_store_as_it_was(store, tmp_path, monkeypatch):
    store.import_paths([write_csv(tmp_path / "a" / MET_JUNE, [search()])])
    before = table_counts(store)

    def broken(self, lon, lat):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("oversight.stopsearch.boundaries.Boundaries.assign", broken)
    july = write_csv(tmp_path / "b" / "2018-07-metropolitan-stop-and-search.csv", [search()])
    june = write_csv(tmp_path / "b" / MET_JUNE, [search(where=WESTMINSTER), search()])
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.import_paths([june, july])
    assert table_counts(store) == before
    assert summary(store, "Hackney", "2018-06", "2018-07")["searches"] == 1
