"""The review screen's part of the import journey: where the records are filed (an
existing body or a new one, and who responds), commitments with no owner flagged before
publishing, and each record beside the text around its passage and, for a PDF, its page
as an image with the passage marked. Real files (a PDF made here), the real database,
the worker's step reading each upload."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from oversight.directory.models import Body, Organisation
from oversight.ingest import page_render, pages
from oversight.ingest.models import ImportedDocument
from oversight.tracker.models import TrackedItem

from . import documents as D
from .test_upload import import_again, imported, publish, section, upload

Status = ImportedDocument.Status


@pytest.fixture
def officer(client, scrutiny_officer):
    client.force_login(scrutiny_officer.user)
    return client


def pdf_import(client, tmp_path: Path) -> ImportedDocument:
    path = D.as_pdf(D.RESPONSE, tmp_path / "air-quality-response.pdf")
    response = upload(client, SimpleUploadedFile(path.name, path.read_bytes(), "application/pdf"))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportedDocument.objects.get(original_name=path.name)


def naming_no_body(imp: ImportedDocument) -> ImportedDocument:
    """As a report whose title names no commission and that names no meeting."""
    imp.extraction["document"]["title"] = "Review of air quality around schools"
    imp.extraction["meeting"] = None
    imp.save()
    return imp


def save_document_section(client, imp: ImportedDocument, **choices):
    data = section(client, imp, "document")
    data.update({f"filing-{k}": v for k, v in choices.items()})
    return client.post(f"/imports/{imp.pk}/check/document/", data)


# --- where the records are filed ---------------------------------------------------------


def test_a_title_naming_no_commission_asks_the_officer_to_choose_the_body(officer, tmp_path):
    imp = naming_no_body(pdf_import(officer, tmp_path))
    page = officer.get(imp.get_absolute_url()).content.decode()
    assert "cannot tell which scrutiny commission" in page
    assert f'href="/imports/{imp.pk}/check/document/"' in page
    form = officer.get(f"/imports/{imp.pk}/check/document/").content.decode()
    assert "Where the records are filed" in form
    assert "Create a new body named below" in form


def test_officer_chooses_an_existing_body_and_the_review_is_filed_under_it(
    officer, tmp_path, commission
):
    imp = naming_no_body(pdf_import(officer, tmp_path))
    response = save_document_section(officer, imp, body=str(commission.pk))
    assert response.status_code == 302
    imp.refresh_from_db()
    assert imp.filing == {"body": str(commission.pk)}
    assert "cannot tell" not in officer.get(imp.get_absolute_url()).content.decode()
    assert publish(officer, imp).status_code == 302
    imp.refresh_from_db()
    assert imp.status == Status.PUBLISHED and imp.review.body == commission


def test_officer_creates_the_body_and_the_organisation_that_responds(officer, tmp_path):
    imp = pdf_import(officer, tmp_path)
    response = save_document_section(
        officer,
        imp,
        body="new",
        new_body="Environment Scrutiny Committee",
        responder="new",
        new_responder="Islington Council",
    )
    assert response.status_code == 302
    preview = officer.get(f"/imports/{imp.pk}/publish/").content.decode()
    assert "Environment Scrutiny Committee" in preview
    assert publish(officer, imp).status_code == 302
    imp.refresh_from_db()
    assert imp.review.body.name == "Environment Scrutiny Committee"
    council = Organisation.objects.get(name="Islington Council")
    # Rec 1's response names no one: the chosen organisation gives it.
    item = TrackedItem.objects.get(text__startswith="The Council will consult")
    assert item.owner_org == council


def test_a_reimport_files_where_the_officer_filed_the_published_import(
    officer, tmp_path, commission
):
    imp = naming_no_body(pdf_import(officer, tmp_path))
    assert save_document_section(officer, imp, body=str(commission.pk)).status_code == 302
    assert publish(officer, imp).status_code == 302
    response = import_again(officer, imp)
    again = ImportedDocument.objects.exclude(pk=imp.pk).get()
    assert response.status_code == 302 and again.previous == imp
    assert again.filing == {"body": str(commission.pk)}
    assert publish(officer, again).status_code == 302
    again.refresh_from_db()
    imp.refresh_from_db()
    assert again.review == imp.review and imp.review.body == commission


def test_a_new_body_needs_its_name(officer, tmp_path):
    imp = pdf_import(officer, tmp_path)
    response = save_document_section(officer, imp, body="new", new_body="")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the name of the new body" in page
    assert 'href="#id_filing-new_body"' in page
    imp.refresh_from_db()
    assert imp.filing == {} and imp.revision == 0


def test_publish_preview_flags_commitments_that_would_have_no_owner(officer, tmp_path, commission):
    imp = pdf_import(officer, tmp_path)
    imp.extraction["document"]["kind"] = "scrutiny_report"
    imp.extraction["meeting"] = None
    for c in imp.extraction["commitments"]:
        c["recommendation"] = None
    imp.filing = {"body": str(commission.pk)}
    imp.save()
    page = officer.get(f"/imports/{imp.pk}/publish/").content.decode()
    n = len(imp.extraction["commitments"])
    assert f"{n} commitments would have no owner" in page
    assert "The Council will consult on twelve new school streets" in page

    council = Organisation.objects.create(name="Islington Council", kind="council")
    imp.filing = {"body": str(commission.pk), "responder": str(council.pk)}
    imp.save()
    page = officer.get(f"/imports/{imp.pk}/publish/").content.decode()
    assert "would have no owner" not in page


def test_published_import_says_how_many_commitments_have_no_owner(officer, tmp_path, commission):
    imp = pdf_import(officer, tmp_path)
    imp.extraction["document"]["kind"] = "scrutiny_report"
    imp.extraction["meeting"] = None
    imp.extraction["commitments"] = imp.extraction["commitments"][:1]
    imp.extraction["commitments"][0]["recommendation"] = None
    imp.filing = {"body": str(commission.pk)}
    imp.save()
    assert publish(officer, imp).status_code == 302
    page = officer.get(imp.get_absolute_url()).content.decode()
    assert "1 commitment has no owner" in page
    assert TrackedItem.objects.get().owner_org is None


# --- the passage and its page ------------------------------------------------------------


def _marked_pixels(png: bytes) -> int:
    """Pixels of the see-through yellow mark over white paper."""
    raw = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = zip(raw[0::3], raw[1::3], raw[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 240 and 225 <= g <= 250 and 120 <= b <= 190)


def test_a_pdf_record_is_shown_beside_its_page_with_the_passage_marked(officer, tmp_path):
    imp = pdf_import(officer, tmp_path)
    where = imp.provenance["commitments"][0]
    page = officer.get(f"/imports/{imp.pk}/check/commitments/").content.decode()
    url = f"/imports/{imp.pk}/pages/{where['page']}/{where['start']}-{where['end']}.png"
    assert f'src="{url}"' in page
    assert f'alt="Page {where["page"]} of the document, with the passage marked' in page
    assert "<mark>" in page and "The Council will consult on twelve new school streets" in page

    response = officer.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    png = b"".join(response.streaming_content)
    assert png.startswith(b"\x89PNG")
    assert _marked_pixels(png) > 200
    cached = pages.cache_dir(imp) / f"p{where['page']}-{where['start']}-{where['end']}.png"
    assert cached.read_bytes() == png


def test_page_images_only_for_officers_and_for_passages_records_came_from(
    officer, client, tmp_path, police_officer
):
    imp = pdf_import(officer, tmp_path)
    where = imp.provenance["commitments"][0]
    assert officer.get(f"/imports/{imp.pk}/pages/1/0-5.png").status_code == 404
    assert (
        officer.get(f"/imports/{imp.pk}/pages/9/{where['start']}-{where['end']}.png").status_code
        == 404
    )
    client.force_login(police_officer.user)
    url = f"/imports/{imp.pk}/pages/{where['page']}/{where['start']}-{where['end']}.png"
    assert client.get(url).status_code == 403


def test_a_text_document_shows_the_passage_in_its_context_and_no_page_image(officer):
    imp = imported(officer)
    page = officer.get(f"/imports/{imp.pk}/check/commitments/").content.decode()
    assert "/pages/" not in page and "app-page-image" not in page
    figure = page.split("<blockquote", 1)[1].split("</blockquote>", 1)[0]
    before, marked = figure.split("<mark>", 1)
    assert "Start of the passage" in marked and "End of the passage" in marked
    # The text before the passage, as a hint, then the passage itself.
    assert 'class="govuk-hint' in before and len(before.split(">", 2)[2].strip()) > 20


def test_a_passage_is_found_on_the_page_despite_mended_hyphens_and_ligatures():
    page_text = "Intro line.\r\nThe Council will pro-\r\nvide ﬁve new school streets.\r\nEnd."
    marked = page_render.locate("The Council will provide five new school streets.", page_text)
    assert page_text[marked[0] : marked[-1] + 1] == (
        "The Council will pro-\r\nvide ﬁve new school streets"
    )
    assert page_render.locate("Nothing like it at all", page_text) == []


def test_bodies_and_organisations_are_offered_by_name(officer, tmp_path, commission):
    Body.objects.create(name="Zeta Panel", kind=Body.Kind.PANEL)
    imp = pdf_import(officer, tmp_path)
    form = officer.get(f"/imports/{imp.pk}/check/document/").content.decode()
    assert "As the document names it: Executive" in form
    assert form.index(commission.name) < form.index("Zeta Panel")
