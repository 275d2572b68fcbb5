"""The dashboard's small-number rules, on small hand-made stores: a headline ratio
carries its 95% range, and a ratio from fewer than 10 searches in either group is "too
few searches to compare" on the page, in the charts and in the CSV (see
docs/indicators.md, "Stop and search: small numbers")."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup

from oversight.stopsearch import dashboard
from oversight.stopsearch.definitions import poor_denominator, too_few_to_compare
from oversight.stopsearch.store import Store
from tests.stopsearch.stopsearch_helpers import search, write_csv

BLACK = "Black/African/Caribbean/Black British - Caribbean"
HACKNEY = "/stop-and-search/hackney/"
pytestmark = pytest.mark.xdist_group("stopsearch-sample")
JUNE = {"from": "2018-06", "to": "2018-06"}


def import_months(path, tmp_path, months: dict[str, list[dict]]) -> None:
    for month, rows in months.items():
        write_csv(tmp_path / "in" / f"{month}-metropolitan-stop-and-search.csv", rows)
    with Store(path) as store:
        store.import_paths([tmp_path / "in"])


def june(settings, tmp_path, black: int, white: int) -> None:
    """A store whose only month, June 2018, has `black` and `white` person searches of
    Black and White people in Hackney."""
    settings.STOPSEARCH_DB = tmp_path / "june.duckdb"
    rows = [search(self_defined_ethnicity=BLACK)] * black + [search()] * white
    import_months(settings.STOPSEARCH_DB, tmp_path, {"2018-06": rows})


def page_of(client, query=JUNE) -> BeautifulSoup:
    response = client.get(HACKNEY, query)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def card(page: BeautifulSoup, words: str) -> str:
    """The text of the headline card that mentions `words`."""
    cards = [" ".join(li.get_text(" ").split()) for li in page.select(".app-stats__card")]
    (found,) = [c for c in cards if words in c]
    return found


def row(page: BeautifulSoup, slug: str, header: str) -> list[str]:
    for tr in page.find("table", id=f"table-{slug}").find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        if cells[0] == header:
            return cells[1:]
    raise AssertionError(f"no row {header} in {slug}")


def csv_rows(client, slug: str, query=JUNE) -> dict[str, list[str]]:
    response = client.get(f"{HACKNEY}{slug}.csv", query)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return {r[0]: dict(zip(rows[0][1:], r[1:], strict=True)) for r in rows}


def test_ten_searches_in_each_group_are_enough_to_compare_and_nine_are_not():
    assert too_few_to_compare(10, 10) is False
    assert too_few_to_compare(9, 500) is True
    assert too_few_to_compare(500, 9) is True
    assert too_few_to_compare(0, 40) is True


def test_monthly_ratio_series_flags_months_with_too_few_searches(store, tmp_path):
    rows = {
        "2018-05": [search(self_defined_ethnicity=BLACK)] * 3 + [search()] * 30,
        "2018-06": [search(self_defined_ethnicity=BLACK)] * 12 + [search()] * 30,
    }
    for month, records in rows.items():
        write_csv(tmp_path / "in" / f"{month}-metropolitan-stop-and-search.csv", records)
    store.import_paths([tmp_path / "in"])
    may, june_ = dashboard.disproportionality_by_month(store, "Hackney", "2018-05", "2018-06")
    assert (may["searches"], may["too_few"]) == (3, True)
    assert (june_["searches"], june_["too_few"]) == (12, False)


def test_member_of_public_sees_the_headline_ratio_with_its_95_percent_range(
    client, settings, tmp_path
):
    june(settings, tmp_path, black=15, white=20)
    page = page_of(client)
    ratio = card(page, "times")
    low, high = row(page, "ethnicity", "Black")[4:6]
    shown = row(page, "ethnicity", "Black")[3]
    assert ratio.startswith(f"{shown} times the White rate")
    assert f"95% range: {low} to {high} times" in ratio


def test_a_ratio_from_three_searches_is_too_few_to_compare_not_a_number(client, settings, tmp_path):
    june(settings, tmp_path, black=3, white=20)
    page = page_of(client)

    headline = card(page, "Black people's search rate")
    assert headline.startswith("Too few searches to compare")
    assert "3 person searches of Black people and 20 of White people" in headline
    assert "times" not in headline

    black = row(page, "ethnicity", "Black")
    assert black[:4] == ["3", "54,645", "0.05", "Too few searches to compare"]
    assert black[4:6] == ["–", "–"]
    assert black[6].startswith("Too few searches to compare: fewer than 10 person searches")
    # White is the reference, compared with itself: 20 searches are enough.
    assert row(page, "ethnicity", "White")[3] == "1.00"

    chart = page.find("svg", attrs={"aria-labelledby": "chart-ratio-title chart-ratio-desc"})
    texts = [t.get_text() for t in chart.find_all("text")]
    assert "too few searches to compare" in texts
    monthly = row(page, "ratio-by-month", "June 2018")
    assert monthly[2] == "Too few searches to compare"
    assert "Too few searches to compare" in monthly[5]

    # The CSV leaves the ratio and its interval empty, and says why in the note.
    written = csv_rows(client, "ethnicity")["Black"]
    assert written["Ratio to the White rate"] == ""
    assert written["95% confidence interval: lower"] == ""
    assert written["Note"].startswith("Too few searches to compare")
    by_month = csv_rows(client, "ratio-by-month")["2018-06"]
    assert by_month["Ratio to the White rate"] == ""
    assert "Too few searches to compare" in by_month["Note"]


def test_too_few_white_searches_leave_every_group_too_few_to_compare(client, settings, tmp_path):
    june(settings, tmp_path, black=40, white=9)
    page = page_of(client)
    assert card(page, "Black people's search rate").startswith("Too few searches to compare")
    assert row(page, "ethnicity", "Black")[3] == "Too few searches to compare"
    assert row(page, "ethnicity", "White")[3] == "Too few searches to compare"


def months_of_two_forces(settings, tmp_path) -> None:
    """Hackney: the Met publishes January and March 2018 (20 searches each) and, in
    February, the Met publishes nothing while the City of London Police makes 3
    searches in Hackney; in April neither force has anything there; May is a Met month
    with 2 searches (partial)."""
    settings.STOPSEARCH_DB = tmp_path / "forces.duckdb"
    files = {
        "2018-01-metropolitan": [search()] * 20,
        "2018-02-city-of-london": [search()] * 3,
        "2018-03-metropolitan": [search()] * 20,
        "2018-04-city-of-london": [],
        "2018-05-metropolitan": [search()] * 2,
    }
    for name, rows in files.items():
        write_csv(tmp_path / "in" / f"{name}-stop-and-search.csv", rows)
    with Store(settings.STOPSEARCH_DB) as store:
        store.import_paths([tmp_path / "in"])


def test_months_are_labelled_by_what_their_records_say(settings, tmp_path):
    months_of_two_forces(settings, tmp_path)
    rows = dashboard.volume_by_month(settings.STOPSEARCH_DB, "Hackney", "2018-01", "2018-05")
    assert [(r["month"], r["searches"], r["status"]) for r in rows] == [
        ("2018-01", 20, "complete"),
        ("2018-02", 3, "other_force_only"),
        ("2018-03", 20, "complete"),
        ("2018-04", 0, "not_published"),
        ("2018-05", 2, "partial"),
    ]


def test_police_partner_sees_another_forces_handful_labelled_not_no_data(
    client, settings, tmp_path
):
    months_of_two_forces(settings, tmp_path)
    query = {"from": "2018-01", "to": "2018-05"}
    page = page_of(client, query)
    notes = {
        month: row(page, "searches-by-month", month)[2]
        for month in ("January 2018", "February 2018", "April 2018", "May 2018")
    }
    assert notes == {
        "January 2018": "",
        "February 2018": "Records from another force only: the Metropolitan Police Service "
        "published none",
        "April 2018": "No records published by the Metropolitan Police Service",
        "May 2018": "Partial month",
    }
    shown = " ".join(page.get_text(" ").split())
    assert "No data" not in shown
    assert (
        "The only records for Hackney in those months are 3 searches made there by "
        "another police force" in shown
    )
    assert "published no records for April 2018" in shown
    chart = page.find("svg", attrs={"aria-labelledby": "chart-volume-title chart-volume-desc"})
    gaps = [t.get_text() for t in chart.find_all("text")]
    assert gaps.count("other force only") == 1 and gaps.count("no records") == 1
    assert "no data" not in gaps
    # Changes are not worked out against a month the covering force did not publish.
    march = row(page, "change", "March 2018")
    assert march[1:3] == ["–", "–"]
    assert "No records published for the month before" in march[-1]
    written = csv_rows(client, "searches-by-month", query)
    assert written["2018-02"]["Note"].startswith("Records from another force only")


def test_few_residents_or_many_searches_per_resident_make_a_poor_denominator():
    city = {"Asian": 1500, "Black": 300, "Mixed": 400, "White": 6000, "Other": 384}
    borough = {"Asian": 40000, "Black": 40000, "Mixed": 20000, "White": 90000, "Other": 10000}
    assert poor_denominator(10, city, 12) == "few residents"
    # 200,000 residents: 75 person searches a year per 1,000 is 7,500 in six months.
    assert poor_denominator(7_500, borough, 6) == "many searches per resident"
    assert poor_denominator(7_499, borough, 6) is None
    assert poor_denominator(7_500, None, 6) is None


def test_city_of_london_rates_carry_a_caveat_beside_them(client, pages):
    response = client.get("/stop-and-search/city-of-london/", {"from": "2019-01", "to": "2019-12"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    heading = page.find("h2", id="ethnicity")
    beside = heading.find_next(class_="govuk-warning-text").get_text(" ")
    assert "City of London has only 8,584 residents (Census 2021)" in " ".join(beside.split())
    assert "can pass 1,000 per 1,000" in beside
    # At the top too, before the contents.
    assert page.find(class_="govuk-warning-text").get_text(" ") == beside
    hackney = client.get(HACKNEY, {"from": "2018-04", "to": "2019-02"})
    assert "would explain" not in hackney.content.decode()
    assert "only 259,147 residents" not in hackney.content.decode()
