"""Hostile stop-and-search files are refused with a reason, and nothing is written:
compressed bombs from the sizes they declare (before anything is decompressed),
archives that lie about their sizes while they are read, and truncated files."""

from __future__ import annotations

import gzip
import io
import struct

import pytest

from oversight.stopsearch import sources
from oversight.stopsearch.sources import ImportRefused
from tests.hostile_files import MB, declare_sizes, write_zip
from tests.stopsearch.stopsearch_helpers import HEADER, search, write_csv

MET_JUNE = "2018-06-metropolitan-stop-and-search.csv"
MEMBER = f"2018-06/{MET_JUNE}"


def csv_bytes(rows: int) -> bytes:
    buffer = io.StringIO()
    buffer.write(",".join(HEADER) + "\n")
    line = ",".join(search().get(name, "") for name in HEADER) + "\n"
    buffer.write(line * rows)
    return buffer.getvalue().encode()


def nothing_written(store) -> bool:
    counts = [
        store.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        for table in ("files", "searches", "bad_rows")
    ]
    return counts == [0, 0, 0]


def refusal(store, *paths) -> str:
    with pytest.raises(ImportRefused) as refused:
        store.import_paths(list(paths))
    assert nothing_written(store)
    return str(refused.value)


def test_a_zip_declaring_2_6_gb_is_refused_from_its_directory_alone(store, tmp_path):
    archive = write_zip(tmp_path / "bomb.zip", {MEMBER: csv_bytes(50)})
    declare_sizes(archive, MEMBER, 2_600_000_000)
    reason = refusal(store, archive)
    assert f"bomb.zip:{MEMBER}: declares 2,480 MB uncompressed" in reason
    assert "more than 256 MB; refused as a possible compressed bomb" in reason


def test_a_zip_compressed_thousands_to_one_is_refused_from_its_directory(store, tmp_path):
    blank = csv_bytes(1) + b" " * (20 * MB)
    archive = write_zip(tmp_path / "bomb.zip", {MEMBER: blank})
    reason = refusal(store, archive)
    assert "to 1 (over 100 to 1); refused as a possible compressed bomb" in reason


def test_a_good_file_beside_a_bomb_is_not_imported_either(store, tmp_path):
    good = write_csv(tmp_path / "2018-07-metropolitan-stop-and-search.csv", [search()])
    archive = write_zip(tmp_path / "bomb.zip", {MEMBER: csv_bytes(50)})
    declare_sizes(archive, MEMBER, 2_600_000_000)
    assert "compressed bomb" in refusal(store, good, archive)


def test_a_zip_member_holding_more_than_it_declares_is_refused_while_read(store, tmp_path):
    archive = write_zip(tmp_path / "liar.zip", {MEMBER: csv_bytes(20_000)})
    declare_sizes(archive, MEMBER, 100_000)  # the header still reads; the rest is more
    reason = refusal(store, archive)
    assert f"liar.zip:{MEMBER}: holds more than the 100,000 bytes its archive declares" in reason


def test_a_gzipped_csv_compressed_thousands_to_one_is_refused_from_its_trailer(store, tmp_path):
    path = tmp_path / f"{MET_JUNE}.gz"
    path.write_bytes(gzip.compress(csv_bytes(1) + b" " * (20 * MB)))
    assert "over 100 to 1); refused as a possible compressed bomb" in refusal(store, path)


def test_a_gzipped_csv_whose_trailer_lies_is_stopped_at_the_limit(store, tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1 * MB)
    data = bytearray(gzip.compress(csv_bytes(20_000)))  # about 5 MB inflated
    struct.pack_into("<I", data, len(data) - 4, 1000)  # claims 1,000 bytes
    path = tmp_path / f"{MET_JUNE}.gz"
    path.write_bytes(bytes(data))
    assert "decompresses to more than 1 MB; refused as a possible compressed bomb" in refusal(
        store, path
    )


def test_a_truncated_gzipped_csv_is_refused_with_a_message(store, tmp_path):
    path = write_csv(tmp_path / f"{MET_JUNE}.gz", [search() for _ in range(3000)], gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    reason = refusal(store, path)
    assert MET_JUNE in reason and "truncated" in reason


def test_a_truncated_zip_is_refused_with_a_message(store, tmp_path):
    archive = write_zip(tmp_path / "cut.zip", {MEMBER: csv_bytes(3000)})
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    assert "cut.zip: not a readable ZIP archive" in refusal(store, archive)


def test_the_declared_size_limits_are_those_documented():
    assert sources.MAX_FILE_BYTES == 256 * MB and sources.MAX_RATIO == 100
