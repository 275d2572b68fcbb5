"""How files reach DuckDB: deflated ZIP members as gzip streams, stored members and
gzipped CSVs as they are; checksums that agree across all of them; and stores made
before checksums changed."""

from __future__ import annotations

import zipfile
import zlib

import duckdb

from oversight.stopsearch.sources import Archives, checksum, collect_sources
from oversight.stopsearch.store import Store
from tests.stopsearch.stopsearch_helpers import search, write_csv

MET_JUNE = "2018-06-metropolitan-stop-and-search.csv"


def test_bad_rows_in_a_zip_member_keep_their_line_numbers(store, tmp_path):
    plain = write_csv(tmp_path / MET_JUNE, [search(), search(latitude="north"), search()])
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(plain, f"2018-06/{MET_JUNE}")
    report = store.import_paths([archive])
    assert (report.rows, report.bad_rows) == (2, 1)
    assert [bad.line for bad in report.files[0].first_bad_rows] == [3]


def test_stored_and_deflated_members_and_the_plain_file_have_one_checksum(tmp_path):
    plain = write_csv(tmp_path / "plain" / MET_JUNE, [search(), search(where=None)])
    content = plain.read_bytes()
    paths = []
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        paths.append(tmp_path / f"{method}.zip")
        with zipfile.ZipFile(paths[-1], "w", method) as zipped:
            zipped.write(plain, f"2018-06/{MET_JUNE}")
    expected = checksum(zlib.crc32(content), len(content))
    with Archives() as archives:
        for index, path in enumerate([*paths, plain]):
            (source,), _ = collect_sources([path], archives)
            readable, found = source.materialise(tmp_path, index, archives)
            assert found == expected
            rows = duckdb.sql(f"SELECT count(*) FROM read_csv('{readable}', header = true)")
            assert rows.fetchall() == [(2,)]


def test_a_store_from_before_checksums_is_upgraded_and_reloads_each_file_once(tmp_path):
    path = tmp_path / "old.duckdb"
    csv_file = write_csv(tmp_path / MET_JUNE, [search()])
    with Store(path) as store:
        store.import_paths([csv_file])
        # As the first version left it: SHA-256 in a column of that name.
        store.con.execute("ALTER TABLE files RENAME COLUMN checksum TO sha256")
        store.con.execute("UPDATE files SET sha256 = 'ab' || repeat('0', 62)")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert [f.status for f in store.import_paths([csv_file]).files] == ["replaced"]
        assert [f.status for f in store.import_paths([csv_file]).files] == ["unchanged"]
        assert store.con.execute("SELECT count(*) FROM searches").fetchall() == [(1,)]
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchall() == [("2",)]


def test_values_are_trimmed_and_blank_or_spaces_only_cells_are_null(store, tmp_path):
    row = search(gender="  Male ", outcome="   ", legislation='""')
    path = tmp_path / MET_JUNE
    write_csv(path, [row])
    # A quoted empty cell, as some forces write it.
    path.write_text(path.read_text().replace('""""""', '""'))
    store.import_paths([path])
    stored = store.con.execute("SELECT gender, outcome, legislation FROM searches").fetchall()
    assert stored == [("Male", None, None)]
