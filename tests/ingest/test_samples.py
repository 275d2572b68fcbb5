"""The three sample documents against their hand-made gold extractions."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from oversight.ingest.extract import extract_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["cabinet-response-serious-violence-2020", "sog-2021-09-27", "scrutiny-child-q-alignment"]
SCHEMA = json.loads(
    (ROOT / "docs" / "contracts" / "extraction.schema.json").read_text(encoding="utf-8")
)


def scorer():
    spec = importlib.util.spec_from_file_location(
        "score_extraction", ROOT / "tests" / "tools" / "score_extraction.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def overall_f1(gold: Path, predicted: Path) -> tuple[float, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scorer().main([str(gold), str(predicted)])
    report = out.getvalue()
    return float(re.search(r"overall F1 ([0-9.]+)", report).group(1)), report


def scored(data: dict, gold: Path, folder: Path) -> tuple[float, str]:
    """The extraction `data` checked against the contract's schema (failing the test if
    it does not conform), then scored against `gold` as the scoring tool does."""
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [e.message for e in errors]
    predicted = folder / "predicted.json"
    predicted.write_text(json.dumps(data), encoding="utf-8")
    return overall_f1(gold, predicted)


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_extraction_is_valid_and_scores_at_least_090(name, tmp_path):
    result = extract_file(ROOT / "samples" / "documents" / f"{name}.txt")
    gold = ROOT / "samples" / "gold" / f"{name}.gold.json"
    score, report = scored(result.to_dict(), gold, tmp_path)
    assert score >= 0.90, report
