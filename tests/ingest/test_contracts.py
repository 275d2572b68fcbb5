"""The product's contracts are the shared ones, word for word, and there is one schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.ingest.loading import schema_path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "contracts"


@pytest.mark.parametrize("name", ["extraction.md", "extraction.schema.json", "stopsearch.md"])
def test_contract_copy_equals_the_shared_contract(name):
    assert (ROOT / "docs" / "contracts" / name).read_bytes() == (SHARED / name).read_bytes()


def test_the_importer_validates_against_the_documented_schema():
    assert schema_path().resolve() == (ROOT / "docs" / "contracts" / "extraction.schema.json")


def test_scorer_is_the_shared_tool():
    shared = ROOT.parent / "shared" / "tools" / "score_extraction.py"
    assert (ROOT / "tests" / "tools" / "score_extraction.py").read_bytes() == shared.read_bytes()
