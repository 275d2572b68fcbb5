"""Every record points at the passage it was read from, outside the contract JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from oversight.ingest.extract import extract_file, extract_text

from . import documents as D

ROOT = Path(__file__).resolve().parents[2]
KINDS = ["attendees", "agenda_items", "recommendations", "questions", "actions", "commitments"]


def test_every_record_has_a_page_and_a_span_of_the_text():
    result = extract_file(ROOT / "samples" / "documents" / "sog-2021-09-27.txt")
    data = result.to_dict()
    for kind in KINDS:
        assert len(result.provenance[kind]) == len(data[kind])
        for where in result.provenance[kind]:
            assert where["page"] == 1
            assert 0 <= where["start"] < where["end"] <= len(result.text)


def test_commitment_span_is_the_promise_in_the_document_text():
    result = extract_file(
        ROOT / "samples" / "documents" / "cabinet-response-serious-violence-2020.txt"
    )
    for i, commitment in enumerate(result.to_dict()["commitments"]):
        passage = " ".join(result.passage("commitments", i).split())
        assert passage.startswith(commitment["text"][:30])


def test_recommendation_provenance_covers_its_rows_and_each_response():
    result = extract_text(D.as_text(D.RESPONSE))
    rec = result.provenance["recommendations"][1]
    passage = result.text[rec["start"] : rec["end"]]
    assert "Recommendation Two" in passage and "TfL will share" in passage
    responses = [result.text[r["start"] : r["end"]] for r in rec["responses"]]
    assert responses[0].startswith("MPS:") and responses[1].startswith("TfL:")


def test_pages_of_a_text_file_come_from_form_feeds():
    text = (
        "Minutes of the Parks Board held on 1 May 2024\n\nPresent: Ann Lee\f"
        "1. Welcome\n\nAction: Ann Lee to open the gates by 3 May 2024."
    )
    result = extract_text(text)
    assert result.provenance["attendees"][0]["page"] == 1
    assert result.provenance["actions"][0]["page"] == 2
    assert result.pages[1].startswith("1. Welcome")


def test_contract_json_has_no_provenance_and_the_review_json_adds_it():
    result = extract_text(D.as_text(D.MINUTES))
    assert "provenance" not in result.to_dict()
    review = result.to_review_dict()
    assert review["provenance"]["actions"][0]["page"] == 1
    assert {k: v for k, v in review.items() if k != "provenance"} == result.to_dict()


def test_extract_command_prints_the_contract_json():
    out = io.StringIO()
    call_command(
        "extract",
        str(ROOT / "samples" / "documents" / "sog-2021-09-27.txt"),
        "--format",
        "json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert data["schema"] == "oversight.extraction/1"
    assert data["meeting"]["chair"] == "Marcus Barnett"
    assert "provenance" not in data


def test_extract_command_review_format_adds_provenance(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(D.as_text(D.REPORT), encoding="utf-8")
    out = io.StringIO()
    call_command("extract", str(path), "--format", "review", stdout=out)
    assert "provenance" in json.loads(out.getvalue())


def test_extract_command_gives_the_reason_a_file_is_unreadable(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CommandError, match="binary data"):
        call_command("extract", str(path))
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract", str(tmp_path / "missing.pdf"))
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(CommandError, match="over the limit"):
        call_command("extract", str(big), "--max-mb", "0.001")
