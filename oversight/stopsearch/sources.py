"""Finding the stop-and-search CSV files in what the user gives us, and checking them
before anything is written.

Accepted: ZIP archives in data.police.uk's layout (`YYYY-MM/YYYY-MM-<force>-stop-and-
search.csv`; other members, such as street-level crime files, are skipped and listed),
single CSV files, gzipped CSV files (`.csv.gz`), and folders holding any of these. The
month and the force come from the file name, never from the rows.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# The 15 columns of every data.police.uk stop-and-search file, and the name each has in
# the store.
COLUMNS = {
    "Type": "type",
    "Date": "date_utc",
    "Part of a policing operation": "part_of_operation",
    "Policing operation": "policing_operation",
    "Latitude": "latitude",
    "Longitude": "longitude",
    "Gender": "gender",
    "Age range": "age_range",
    "Self-defined ethnicity": "self_defined_ethnicity",
    "Officer-defined ethnicity": "officer_defined_ethnicity",
    "Legislation": "legislation",
    "Object of search": "object_of_search",
    "Outcome": "outcome",
    "Outcome linked to object of search": "outcome_linked",
    "Removal of more than just outer clothing": "removal_more_than_outer",
}
FILE_NAME = re.compile(
    r"^(?P<month>\d{4}-(?:0[1-9]|1[0-2]))-(?P<force>[a-z0-9][a-z0-9-]*?)"
    r"-stop-and-search\.csv(?P<gz>\.gz)?$",
    re.IGNORECASE,
)
_CHUNK = 1 << 20
# Compressed files are judged by the sizes they declare before anything is decompressed,
# and held to them while they are read. One force's month is a few megabytes (the
# Met's largest about 6 MB), so a file declaring more than this is refused, and so is
# one compressed more than MAX_RATIO to 1 (real files are about 30 to 1 at most, a
# compressed bomb thousands to 1) once it is big enough to matter.
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECKED_FROM = 10 * 1024 * 1024
# What reading a damaged or truncated compressed file raises.
_DAMAGED = (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError, RuntimeError)


class ImportRefused(Exception):
    """Nothing was imported. The message lists every problem found, one a line."""


@dataclass(frozen=True)
class Source:
    """One stop-and-search CSV: on disk (`member` None) or inside a ZIP (`member`)."""

    label: str  # how the user knows it: the path, or "archive.zip:member"
    path: Path
    member: str | None
    force: str
    month: str
    gzipped: bool
    header: tuple[str, ...]  # column names as in the file, trimmed
    size: int  # bytes, uncompressed where known; only used to size batches

    @contextmanager
    def open_binary(self, archives: Archives) -> Iterator[io.BufferedIOBase]:
        """The CSV's bytes, decompressed. A ZIP member is held by zipfile to the size and
        checksum its archive declares; a gzipped file to MAX_FILE_BYTES."""
        if self.member is not None:
            with archives.get(self.path).open(self.member) as handle:
                yield handle
        elif self.gzipped:
            with gzip.open(self.path, "rb") as handle:
                yield io.BufferedReader(_Bounded(handle, self.label))
        else:
            with self.path.open("rb") as handle:
                yield handle

    def materialise(
        self, directory: Path, index: int, archives: Archives, *, rewrite: bool = False
    ) -> tuple[Path, str]:
        """See `_materialise`; a damaged or truncated file is refused (ImportRefused)."""
        try:
            return self._materialise(directory, index, archives, rewrite=rewrite)
        except _DAMAGED as exc:
            raise ImportRefused(
                f"{self.label}: damaged or truncated, cannot be read ({exc})"
            ) from exc

    def _materialise(
        self, directory: Path, index: int, archives: Archives, *, rewrite: bool = False
    ) -> tuple[Path, str]:
        """A CSV file DuckDB can read, plain or gzipped (the original when it is one), and
        the checksum of the CSV content (checksum()), so that a ZIP member, its gzipped
        copy and the bare CSV match.

        A deflated ZIP member is not decompressed here: its compressed bytes are copied
        into a gzip file (the same DEFLATE stream with a gzip header, and the CRC-32 and
        size from the archive's directory as trailer), which DuckDB decompresses while
        it reads, in its own threads. Its checksum comes from the directory too.

        `rewrite` re-writes the records through Python's csv module with one kind of line
        ending, for files DuckDB's strict reader gives up on (mixed line endings). Records
        keep their order and count, so DuckDB's line numbers still match the original;
        undecodable bytes are kept, so DuckDB still reports those records."""
        stem = directory / f"{index:06d}-{self.month}-{self.force}.csv"
        if self.member is not None and not rewrite:
            info = archives.get(self.path).getinfo(self.member)
            if info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 1:
                target = stem.with_name(stem.name + ".gz")
                _deflated_member_as_gzip(self.path, info, target)
                return target, checksum(info.CRC, info.file_size)
        # DuckDB recognises gzip by a lower-case ".gz"; other files are read as they are.
        if (
            not rewrite
            and (self.member is None)
            and (not self.gzipped or self.path.name.endswith(".gz"))
        ):
            with self.open_binary(archives) as reader:
                return self.path, _checksum_of(reader)
        crc, size = 0, 0
        with self.open_binary(archives) as reader, stem.open("wb") as writer:
            while chunk := reader.read(_CHUNK):
                crc, size = zlib.crc32(chunk, crc), size + len(chunk)
                writer.write(chunk)
        if rewrite:
            _rewrite(stem)
        return stem, checksum(crc, size)

    @property
    def columns(self) -> dict[str, str]:
        """DuckDB column spec in file order: each required column under its canonical name
        (so bad-row messages name it as the file does), anything else as VARCHAR extras."""
        spec: dict[str, str] = {}
        for position, name in enumerate(self.header, start=1):
            canonical = _CANONICAL.get(name.casefold())
            if canonical is None or canonical in spec:
                canonical = f"extra column {position}"
            spec[canonical] = _TYPES.get(canonical, "VARCHAR")
        return spec


def checksum(crc32: int, size: int) -> str:
    """What identifies a file's content in the store: its CRC-32 and length, as a ZIP
    archive's directory records them (so a ZIP member's costs nothing to work out)."""
    return f"crc32:{crc32:08x}:{size}"


def _checksum_of(reader: io.BufferedIOBase) -> str:
    crc, size = 0, 0
    while chunk := reader.read(_CHUNK):
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    return checksum(crc, size)


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra length
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time


class _Bounded(io.RawIOBase):
    """A decompressing reader that refuses to give more than MAX_FILE_BYTES."""

    def __init__(self, inner: io.BufferedIOBase, label: str) -> None:
        self.inner, self.label, self.given = inner, label, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.inner.read(min(len(buffer), MAX_FILE_BYTES + 1 - self.given))
        self.given += len(data)
        if self.given > MAX_FILE_BYTES:
            raise ImportRefused(_too_big(self.label, "decompresses to"))
        buffer[: len(data)] = data
        return len(data)


def _too_big(label: str, how: str) -> str:
    return (
        f"{label}: {how} more than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
        "refused as a possible compressed bomb"
    )


def declared_problem(label: str, expanded: int, packed: int) -> str | None:
    """Why a compressed file is refused from the sizes it declares, or None."""
    if expanded > MAX_FILE_BYTES:
        return _too_big(label, f"declares {expanded / (1024 * 1024):,.0f} MB uncompressed,")
    if expanded >= RATIO_CHECKED_FROM and packed and expanded / packed > MAX_RATIO:
        return (
            f"{label}: compressed {expanded / packed:,.0f} to 1 (over {MAX_RATIO} to 1); "
            "refused as a possible compressed bomb"
        )
    return None


def _gzip_declared_size(path: Path) -> int:
    """The uncompressed size a gzip file records in its last four bytes (modulo 4 GB,
    which is why reading it is bounded as well)."""
    with path.open("rb") as handle:
        handle.seek(0, io.SEEK_END)
        if handle.tell() < 18:  # smaller than any gzip file: reading it will say why
            return 0
        handle.seek(-4, io.SEEK_END)
        return struct.unpack("<I", handle.read(4))[0]


def _deflated_member_as_gzip(archive: Path, info: zipfile.ZipInfo, target: Path) -> None:
    """Write a ZIP member's DEFLATE stream, as stored, as a gzip file. The stream is
    inflated on the way (and the output thrown away) to hold it to the size the archive
    declares: DuckDB, which reads the copy, would otherwise believe a lying archive."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    inflated = 0

    def check(data: bytes) -> None:
        nonlocal inflated
        while data:
            inflated += len(inflater.decompress(data, _CHUNK))
            if inflated > info.file_size:
                raise ImportRefused(
                    f"{archive}:{info.filename}: holds more than the "
                    f"{info.file_size:,} bytes its archive declares; refused as a possible "
                    "compressed bomb"
                )
            data = inflater.unconsumed_tail

    with archive.open("rb") as source, target.open("wb") as writer:
        source.seek(info.header_offset)
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(source.read(_LOCAL_HEADER.size))
        if signature != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"{archive}:{info.filename}: bad local header")
        source.seek(name_length + extra_length, io.SEEK_CUR)
        writer.write(_GZIP_HEADER)
        remaining = info.compress_size
        while remaining:
            chunk = source.read(min(_CHUNK, remaining))
            if not chunk:
                raise zipfile.BadZipFile(f"{archive}:{info.filename}: truncated")
            check(chunk)
            writer.write(chunk)
            remaining -= len(chunk)
        if inflated != info.file_size or not inflater.eof:
            raise zipfile.BadZipFile(f"{archive}:{info.filename}: truncated")
        writer.write(struct.pack("<II", info.CRC, info.file_size & 0xFFFFFFFF))


def _rewrite(path: Path) -> None:
    original = path.with_suffix(".original")
    path.rename(original)
    text = {"encoding": "utf-8", "errors": "surrogateescape", "newline": ""}
    with original.open(**text) as source, path.open("w", **text) as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerows(csv.reader(source))
    original.unlink()


class Archives:
    """ZIP archives kept open for the length of an import: opening one reads its whole
    directory, which is too slow to repeat for every member."""

    def __init__(self) -> None:
        self._open: dict[Path, zipfile.ZipFile] = {}

    def get(self, path: Path) -> zipfile.ZipFile:
        if path not in self._open:
            self._open[path] = zipfile.ZipFile(path)
        return self._open[path]

    def close(self) -> None:
        for archive in self._open.values():
            archive.close()
        self._open.clear()

    def __enter__(self) -> Archives:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


_CANONICAL = {name.casefold(): name for name in COLUMNS}
# Typed columns make DuckDB reject (and report, with the line) values that do not parse.
_TYPES = {"Latitude": "DOUBLE", "Longitude": "DOUBLE", "Date": "TIMESTAMPTZ"}


def collect_sources(
    paths: Iterable[str | Path], archives: Archives
) -> tuple[list[Source], list[str]]:
    """Every stop-and-search CSV in `paths`, header-checked and sorted by month and force,
    plus the files skipped because they are not stop-and-search files (ZIP members, and
    files inside a folder, whose names do not match).

    Raises ImportRefused, listing every problem, if any path is unreadable, any file has
    a name that does not give its month and force, any file lacks one of the 15 columns
    (the message names the missing ones), or two different files claim the same force
    and month."""
    collector = _Collector(archives)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            if not files:
                collector.problems.append(f"{path}: empty folder")
            for file in files:
                collector.file(file, inside_folder=True)
        else:
            collector.file(path, inside_folder=False)
    sources = collector.distinct_sources()
    if not sources and not collector.problems:
        collector.problems.append(
            "no stop-and-search files found (expected YYYY-MM-<force>-stop-and-search.csv)"
        )
    if collector.problems:
        raise ImportRefused("\n".join(collector.problems))
    return sorted(sources, key=lambda s: (s.month, s.force)), collector.skipped


class _Collector:
    def __init__(self, archives: Archives) -> None:
        self.archives = archives
        self.sources: list[Source] = []
        self.skipped: list[str] = []
        self.problems: list[str] = []

    def file(self, path: Path, *, inside_folder: bool) -> None:
        if not path.exists():
            self.problems.append(f"{path}: no such file")
        elif path.suffix.lower() == ".zip":
            self.zip(path)
        elif match := FILE_NAME.match(path.name):
            size = path.stat().st_size
            if match["gz"] and (
                problem := declared_problem(str(path), _gzip_declared_size(path), size)
            ):
                # A truncated file's last bytes are not its trailer: say so too.
                self.problems.append(f"{problem} (or the file is truncated)")
                return
            self.add(str(path), path, None, match, size)
        elif inside_folder:
            self.skipped.append(str(path))
        else:
            self.problems.append(
                f"{path}: cannot tell the month and force from the file name "
                "(expected YYYY-MM-<force>-stop-and-search.csv, optionally .gz)"
            )

    def zip(self, path: Path) -> None:
        try:
            infos = [info for info in self.archives.get(path).infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError) as exc:
            self.problems.append(f"{path}: not a readable ZIP archive ({exc})")
            return
        found = False
        for info in infos:
            match = FILE_NAME.match(Path(info.filename).name)
            if match is None:
                self.skipped.append(f"{path}:{info.filename}")
            elif problem := self.member_problem(path, info):
                found = True
                self.problems.append(problem)
            else:
                found = True
                self.add(f"{path}:{info.filename}", path, info.filename, match, info.file_size)
        if not found:
            self.problems.append(f"{path}: no stop-and-search files in this archive")

    @staticmethod
    def member_problem(path: Path, info: zipfile.ZipInfo) -> str | None:
        """Why a ZIP member is refused from what the archive's directory says, or None."""
        label = f"{path}:{info.filename}"
        if info.flag_bits & 1:
            return f"{label}: encrypted; import an unprotected copy"
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return f"{label}: compressed in a way not supported here; re-save it as a plain ZIP"
        return declared_problem(label, info.file_size, info.compress_size)

    def add(self, label: str, path: Path, member: str | None, match: re.Match, size: int) -> None:
        force, month, gzipped = match["force"].lower(), match["month"], bool(match["gz"])
        source = Source(label, path, member, force, month, gzipped, (), size)
        try:
            with source.open_binary(self.archives) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                row = next(csv.reader(text), None)
        except (*_DAMAGED, UnicodeDecodeError, csv.Error) as exc:
            self.problems.append(f"{label}: cannot read the header ({exc})")
            return
        except ImportRefused as exc:
            self.problems.append(str(exc))
            return
        if not row:
            self.problems.append(f"{label}: empty file, no header")
            return
        header = tuple(name.strip() for name in row)
        present = {name.casefold() for name in header}
        missing = [name for name in COLUMNS if name.casefold() not in present]
        if missing:
            self.problems.append(f"{label}: missing columns: {', '.join(missing)}")
            return
        self.sources.append(Source(label, path, member, force, month, gzipped, header, size))

    def distinct_sources(self) -> list[Source]:
        """One source per (force, month). The same file named twice is read once; two
        different files for one month are refused, since it is unclear which is right."""
        by_key: dict[tuple[str, str], Source] = {}
        for source in self.sources:
            first = by_key.setdefault((source.force, source.month), source)
            if first is not source and not self.same_content(first, source):
                self.problems.append(
                    f"{source.label}: {source.force} {source.month} is also in "
                    f"{first.label}; import one of them"
                )
        return list(by_key.values())

    def same_content(self, a: Source, b: Source) -> bool:
        if (a.path.resolve(), a.member) == (b.path.resolve(), b.member):
            return True
        try:
            return self._same_bytes(a, b)
        except _DAMAGED as exc:
            self.problems.append(f"{b.label}: damaged or truncated, cannot be read ({exc})")
            return True  # refused already; not also reported as a clash

    def _same_bytes(self, a: Source, b: Source) -> bool:
        with a.open_binary(self.archives) as left, b.open_binary(self.archives) as right:
            while True:
                x, y = left.read(_CHUNK), right.read(_CHUNK)
                if x != y:
                    return False
                if not x:
                    return True


def remove_copy(path: Path, source: Source) -> None:
    """Delete a temporary copy made by `materialise` (never the user's own file)."""
    if path != source.path:
        path.unlink(missing_ok=True)
