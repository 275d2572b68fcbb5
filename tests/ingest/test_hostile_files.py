"""A hostile document is read in a child process that cannot outgrow its limits: a PDF
whose streams inflate to gigabytes, or an archive that lies about its sizes, is refused
with a reason, the web process does not grow, and nothing is written."""

from __future__ import annotations

import multiprocessing
import resource

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from oversight.ingest import sandbox
from oversight.ingest.extract import UnreadableDocument
from oversight.ingest.models import ImportedDocument
from tests.hostile_files import MB, declare_sizes, pdf_bomb, write_zip
from tests.ingest.test_upload import (
    docx_bytes,
    officer,  # noqa: F401
    stored_files,
    tracker_rows,
    upload,
)

Status = ImportedDocument.Status


@pytest.fixture
def small_limits(settings):
    """A lower memory limit than the live 500 MB, so the bomb built here stays small."""
    settings.EXTRACTION_MEMORY_LIMIT = 150 * MB


def test_the_live_limits_are_500_mb_and_10_seconds(settings):
    assert settings.EXTRACTION_MEMORY_LIMIT == 500 * MB
    assert settings.EXTRACTION_TIME_LIMIT == 10
    assert sandbox.limits() == (500 * MB, 10)


def _report_limits(sender, memory, seconds):
    sandbox._limit(memory, seconds)
    sender.send([resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU)])


def test_the_child_cannot_raise_its_own_limits():
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_report_limits, args=(sender, 500 * MB, 10)
    )
    child.start()
    memory, cpu = receiver.recv()
    child.join()
    # Hard limits too: a process without root's privileges cannot raise them again.
    assert memory == (500 * MB, 500 * MB)
    assert cpu == (10, 11)


def test_a_pdf_that_inflates_past_the_memory_limit_is_refused_and_nothing_is_kept(
    officer,  # noqa: F811
    settings,
    small_limits,
):
    before = tracker_rows()
    grown_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    response = upload(officer, SimpleUploadedFile("bomb.pdf", pdf_bomb(400)))
    imp = ImportedDocument.objects.get()
    assert imp.status == Status.FAILED
    assert "more than the 150 MB of memory allowed" in imp.error
    page = officer.get(response["Location"]).content.decode()
    assert "was refused" in page and "150 MB of memory" in page
    # The 400 MB were inflated, if at all, in the child: this process did not grow.
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - grown_before  # in KB
    assert grown < 100 * 1024
    assert stored_files(settings) == []
    assert not imp.file and imp.extraction is None and imp.text == ""
    assert tracker_rows() == before


def test_a_docx_that_lies_about_its_sizes_is_refused_with_a_reason(officer, settings, tmp_path):  # noqa: F811
    path = tmp_path / "liar.docx"
    path.write_bytes(docx_bytes())
    declare_sizes(path, "word/document.xml", 50)
    before = tracker_rows()
    upload(officer, SimpleUploadedFile("liar.docx", path.read_bytes()))
    imp = ImportedDocument.objects.get()
    assert imp.status == Status.FAILED and "damaged" in imp.error
    assert stored_files(settings) == [] and tracker_rows() == before


def test_the_import_command_refuses_a_bomb_and_writes_nothing(tmp_path, small_limits):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_bomb(400))
    before = tracker_rows()
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path), "--publish")
    assert "more than the 150 MB of memory allowed" in str(refused.value)
    assert "Nothing was written" in str(refused.value)
    assert tracker_rows() == before


def test_the_extract_command_refuses_a_zip_bomb_docx(tmp_path):
    path = write_zip(
        tmp_path / "bomb.docx",
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (20 * MB)},
    )
    with pytest.raises(CommandError, match="refused as a possible zip bomb"):
        call_command("extract", str(path))


def test_a_reader_that_runs_past_its_time_is_stopped(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_bomb(400))
    with pytest.raises(UnreadableDocument) as refused:
        # So little processor time that reading 400 MB cannot finish within it.
        sandbox.extract_file(path, memory=2000 * MB, seconds=0.01)
    assert "took longer than the 0.01 seconds allowed" in refused.value.reason
