"""Reading files: types sniffed from content, and everything unsafe refused with a reason."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from oversight.ingest.extract import UnreadableDocument, extract_file
from oversight.ingest.extract.readers import read_file

from . import documents as D


def minimal_pdf(content: bytes = b"", *, trailer_extra: bytes = b"", extra: tuple = ()) -> bytes:
    """A one-page PDF written by hand, with correct cross-reference offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def refusal(path: Path, **kwargs) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        extract_file(path, **kwargs)
    return caught.value.reason


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- PDF --------------------------------------------------------------------------------


def test_pdf_with_a_text_layer_is_read_page_by_page(tmp_path):
    text = b"BT /F1 12 Tf 20 150 Td (Recommendation 1 - Parks) Tj ET"
    result = extract_file(write(tmp_path, "one.pdf", minimal_pdf(text)))
    assert "Recommendation 1 - Parks" in result.text
    assert result.pages == [result.text]


def test_pdf_without_a_text_layer_is_refused_as_a_scan(tmp_path):
    scan = minimal_pdf(b"0 0 1 rg 10 10 100 100 re f")
    assert refusal(write(tmp_path, "scan.pdf", scan)) == (
        "This PDF has no text layer; it is a scanned image and would need OCR"
    )


def test_pdf_needing_a_password_is_refused(tmp_path):
    encrypted = minimal_pdf(
        trailer_extra=b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
        b"<00112233445566778899aabbccddeeff>] ",
        extra=(
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> >>",
        ),
    )
    assert "encrypted" in refusal(write(tmp_path, "locked.pdf", encrypted))


def test_truncated_pdf_is_refused(tmp_path):
    whole = minimal_pdf(b"BT /F1 12 Tf 20 150 Td (Hello) Tj ET")
    assert "truncated" in refusal(write(tmp_path, "cut.pdf", whole[: len(whole) // 2]))


def test_damaged_pdf_is_refused(tmp_path):
    assert "damaged" in refusal(write(tmp_path, "bad.pdf", b"%PDF-1.4\nnonsense\n%%EOF\n"))


def test_pdf_pages_are_kept_apart(tmp_path):
    blocks = [
        ("p", "filler text " * 900),
        ("h", "Recommendation 1 – Parks"),
        ("p", "We ask for parks."),
        ("p", "Response: The parks will open."),
    ]
    result = extract_file(D.as_pdf(blocks, tmp_path / "long.pdf"))
    assert len(result.pages) == 2
    assert result.text.count("\f") == 1
    assert result.provenance["recommendations"][0]["page"] == 2
    assert result.provenance["commitments"][0]["page"] == 2


# --- DOCX -------------------------------------------------------------------------------


def docx_bytes(tmp_path: Path) -> bytes:
    return D.as_docx(
        [("p", "Recommendation 1 – Parks"), ("p", "We ask for parks.")], tmp_path / "ok.docx"
    ).read_bytes()


def test_docx_zip_bomb_by_ratio_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", " " * 5_000_000)
    reason = refusal(write(tmp_path, "bomb.docx", buffer.getvalue()))
    assert "zip bomb" in reason and "100 to 1" in reason


def test_docx_zip_bomb_by_size_is_refused(tmp_path):
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = os.urandom(1024) * 1024  # repeats: compresses well, but not 100 to 1
            for _ in range(101):
                member.write(chunk)
    reason = refusal(path)
    assert "over 100 MB" in reason and "zip bomb" in reason


def test_truncated_docx_is_refused(tmp_path):
    data = docx_bytes(tmp_path)
    assert "damaged or truncated" in refusal(write(tmp_path, "cut.docx", data[: len(data) // 2]))


def test_file_named_docx_that_is_no_zip_is_refused(tmp_path):
    assert "not a valid DOCX" in refusal(write(tmp_path, "fake.docx", b"hello, not a zip"))


def test_zip_that_is_no_word_document_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "not a Word document" in refusal(write(tmp_path, "other.docx", buffer.getvalue()))


def test_type_is_sniffed_from_content_not_the_name(tmp_path):
    path = write(tmp_path, "misnamed.txt", docx_bytes(tmp_path))
    assert read_file(path).format == "docx"
    html = write(tmp_path, "page.txt", b"<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    assert read_file(html).format == "html"


# --- text and limits --------------------------------------------------------------------


def test_empty_file_is_refused(tmp_path):
    assert "empty" in refusal(write(tmp_path, "empty.txt", b""))
    assert "empty" in refusal(write(tmp_path, "blank.txt", b" \n\n  \t\n"))


def test_document_without_any_text_is_refused(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    assert refusal(path) == "The document has no text to read"


def test_binary_junk_is_refused(tmp_path):
    assert "binary" in refusal(write(tmp_path, "junk.txt", b"abc\x00\x01\x02" * 100))
    assert "not text" in refusal(write(tmp_path, "junk2.txt", bytes(range(0x80, 0x100)) * 4))


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", b"Recommendation 1 - Parks\n" * 100)
    assert "over the limit" in refusal(path, max_bytes=1000)


def test_windows_1252_and_utf16_text_are_read(tmp_path):
    cp1252 = write(tmp_path, "cp.txt", "Response – agreed “fully”".encode("cp1252"))
    assert "“fully”" in read_file(cp1252).text
    utf16 = write(tmp_path, "u16.txt", "Response – agreed".encode("utf-16"))
    assert read_file(utf16).text == "Response – agreed"


def test_image_file_is_refused_as_needing_ocr(tmp_path):
    assert "OCR" in refusal(write(tmp_path, "scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50))


def test_form_feeds_separate_pages_of_a_text_file(tmp_path):
    path = write(tmp_path, "paged.txt", b"Page one text\fPage two text\fPage three")
    result = extract_file(path)
    assert result.pages == ["Page one text", "Page two text", "Page three"]


def test_html_nested_too_deeply_is_refused(tmp_path):
    page = b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>"
    assert "nested too deeply" in refusal(write(tmp_path, "deep.html", page))
