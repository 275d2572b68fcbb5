"""No CSV cell the site writes starts with a formula character: a partner officer's
text reaches open data, and a spreadsheet would run `=HYPERLINK(...)` as a formula."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from oversight.downloads import FORMULA_STARTS, safe_cell
from tests.factories import RecommendationFactory, ResponseFactory, ReviewFactory

HOSTILE = ['=HYPERLINK("http://evil.example","Click")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\ry"]
NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")
REPO = Path(__file__).resolve().parents[2]


def assert_no_formula(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows:
        for cell in row:
            assert not (cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell)), cell
    return rows


@pytest.fixture
def hostile_record(commission, police):
    review = ReviewFactory(body=commission, title=HOSTILE[0])
    for n, text in enumerate(HOSTILE, start=1):
        rec = RecommendationFactory(review=review, number=str(n), title=text, text=text)
        ResponseFactory(recommendation=rec, organisation=police, text=text)
    return review


def test_open_data_csv_neutralises_formulas(hostile_record, public_client):
    response = public_client.get("/open-data/recommendations.csv")
    assert response.status_code == 200
    rows = assert_no_formula(response.content.decode())
    cells = {cell for row in rows for cell in row}
    # The text is kept, behind an apostrophe, not dropped.
    assert '\'=HYPERLINK("http://evil.example","Click")' in cells
    assert "'@SUM(A1)" in cells


def test_export_command_csv_neutralises_formulas(hostile_record, tmp_path):
    out = tmp_path / "open.csv"
    call_command("export", format="csv", output=str(out))
    rows = assert_no_formula(out.read_text(encoding="utf-8"))
    assert any("'+1+2" in row for row in rows)


@pytest.mark.parametrize("value", HOSTILE)
def test_safe_cell_prefixes_formula_text(value):
    assert safe_cell(value) == f"'{value}"


@pytest.mark.parametrize("value", ["-3.5", "12", "Publish the figures", "", None, 4])
def test_safe_cell_keeps_numbers_and_plain_text(value):
    assert safe_cell(value) == value


def test_every_csv_download_uses_the_safe_writer():
    """csv.writer appears only in oversight/downloads.py, and in the stop-and-search
    import, which rewrites a police file for reading and is never downloaded."""
    allowed = {"oversight/downloads.py", "oversight/stopsearch/sources.py"}
    users = {
        str(path.relative_to(REPO))
        for path in (REPO / "oversight").rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    }
    assert users <= allowed, users - allowed
    assert "oversight/downloads.py" in users
