"""Hostile files, made small on disk: compressed bombs, archives that lie about their
sizes, truncated streams. Shared by the document and stop-and-search tests."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024


def deflated(data: bytes, times: int = 1) -> bytes:
    """`data` repeated `times` times as a zlib stream, made without compressing it all:
    after a full flush the compressor forgets what came before, so each repeat of `data`
    compresses to the same bytes, and the stream is those bytes repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(times):
        checksum = zlib.adler32(data, checksum)
    header = b"\x78\xda"  # zlib, best compression
    return header + block * times + compressor.flush() + struct.pack(">I", checksum)


def pdf_bomb(inflated_mb: int) -> bytes:
    """A one-page PDF whose content stream is a few hundred KB that inflates to
    `inflated_mb` megabytes of blank content."""
    body = deflated(b" " * MB, inflated_mb)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def declare_sizes(path: Path, member: str, size: int) -> Path:
    """Make the archive lie: `member`'s uncompressed size, in its local header and in the
    central directory, becomes `size` (its real compressed bytes and CRC stay)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(member).header_offset
    struct.pack_into("<I", data, local + 22, size & 0xFFFFFFFF)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", data, central + 24, size & 0xFFFFFFFF)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path
