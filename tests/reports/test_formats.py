"""The report as HTML, DOCX and PDF: the same headings in each, real Word headings and
repeated header rows, PDF properties and outline, and the restricted banner only on the
restricted version, on every page."""

from __future__ import annotations

from io import BytesIO

import pypdfium2
import pytest
from docx import Document
from docx.oxml.ns import qn

from oversight.reports.content import RESTRICTED_BANNER
from oversight.reports.formats import render
from oversight.reports.models import Audience
from oversight.reports.operations import report_content
from oversight.visibility.viewer import PUBLIC

from .conftest import MARKER, TODAY

pytestmark = pytest.mark.django_db

SECTIONS = ["Summary", "What has changed since the previous report", "Recommendations"]


@pytest.fixture
def public(scene):
    return report_content(scene.review, PUBLIC, Audience.PUBLIC, today=TODAY)


@pytest.fixture
def restricted(scene, operator):
    return report_content(scene.review, operator, Audience.RESTRICTED, today=TODAY)


def pdf_pages(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]
    finally:
        pdf.close()


def test_the_html_has_the_sections_and_leaves_restricted_records_out_of_the_public_version(
    public, restricted
):
    html = render(public, "html").decode()
    for heading in SECTIONS:
        assert f">{heading}</h2>" in html
    assert "Recommendation 1: Train every officer" in html
    assert MARKER not in html and RESTRICTED_BANNER not in html
    html = render(restricted, "html").decode()
    assert MARKER in html and RESTRICTED_BANNER in html


def test_the_docx_uses_word_headings_and_repeats_table_header_rows(public):
    doc = Document(BytesIO(render(public, "docx")))
    headings = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Head")}
    for heading in SECTIONS:
        assert headings[heading] == "Heading 1"
    assert headings["Recommendation 1: Train every officer"] == "Heading 2"
    assert headings["Commitment: Publish the training plan"] == "Heading 3"
    assert doc.core_properties.title == "Update report: Stop and search in Hackney"
    assert doc.tables
    for table in doc.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert table.rows[0].cells[0].text in {"Response", "RAG"}
    assert MARKER not in "\n".join(p.text for p in doc.paragraphs)
    assert not any(p.text for p in doc.sections[0].header.paragraphs)


def test_the_restricted_docx_says_so_in_the_header_of_every_page(restricted):
    doc = Document(BytesIO(render(restricted, "docx")))
    assert doc.sections[0].header.paragraphs[0].text == RESTRICTED_BANNER
    assert any(MARKER in p.text for p in doc.paragraphs)


def test_the_pdf_has_the_headings_its_title_and_an_outline_and_no_restricted_record(public):
    data = render(public, "pdf")
    text = "\n".join(pdf_pages(data))
    for heading in SECTIONS + ["Recommendation 1: Train every officer"]:
        assert heading in text
    assert MARKER not in text and RESTRICTED_BANNER not in text
    pdf = pypdfium2.PdfDocument(data)
    try:
        assert pdf.get_metadata_dict()["Title"] == "Update report: Stop and search in Hackney"
        outline = [b.get_title() for b in pdf.get_toc()]
    finally:
        pdf.close()
    assert outline[:2] == ["Summary", "What has changed since the previous report"]
    assert "Recommendation 1: Train every officer" in outline


def test_every_page_of_the_restricted_pdf_says_it_is_not_for_publication(scene, operator):
    # Long enough to run over several pages.
    from tests.factories import RecommendationFactory

    for n in range(12):
        RecommendationFactory(review=scene.review, position=20 + n, text="Words. " * 120)
    report = report_content(scene.review, operator, Audience.RESTRICTED, today=TODAY)
    pages = pdf_pages(render(report, "pdf"))
    assert len(pages) > 2
    assert all(RESTRICTED_BANNER in page for page in pages)
    assert any(MARKER in page for page in pages)


def test_the_pdf_story_behaves_as_the_list_reportlab_expects():
    """reportlab takes from the front, puts split parts back at the front and inserts
    page breaks there; `Story` must give what a list would."""
    from oversight.reports.formats import Story

    plain, story = list("abcdef"), Story(list("abcdef"))
    for ops in (
        lambda s: s.__delitem__(0),
        lambda s: s.__setitem__(slice(0, 0), ["x", "y"]),
        lambda s: s.insert(0, "p"),
        lambda s: s.__setitem__(0, "q"),
        lambda s: s.__delitem__(slice(0, 2)),
        lambda s: s.insert(1, "k"),
    ):
        ops(plain)
        ops(story)
        assert story[:] == plain and len(story) == len(plain) and story[0] == plain[0]
    assert story[-1] == plain[-1] and story[1:3] == plain[1:3]
