"""The stop-and-search pages, through Django's test client, against the real sample.

Hackney's covering force is the Metropolitan Police, whose files in the sample run
from December 2017 to February 2019; most of its records for February and March 2018
were published without a location, so those months are partial for every borough."""

from __future__ import annotations

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup

from oversight.stopsearch.summary import summary

pytestmark = pytest.mark.xdist_group("stopsearch-sample")

HACKNEY = "/stop-and-search/hackney/"
YEAR_2018 = "?from=2018-01&to=2018-12"


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def table(page: BeautifulSoup, slug: str) -> list[list[str]]:
    """Header row then body rows of the table #table-<slug>, as the page shows them."""
    element = page.find("table", id=f"table-{slug}")
    assert element is not None, f"no table {slug}"
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in element.find_all("tr")
    ]


def rows_by_header(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows[1:]}


def number(text: str) -> float | None:
    """A figure as shown ("5,586", "18.1%", "+3,015.0%", "–") as a number."""
    if text == "–":
        return None
    return float(text.replace(",", "").rstrip("%"))


def text_of(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


def test_landing_defaults_to_hackney_and_its_latest_complete_months(client, pages):
    response = client.get("/stop-and-search/")
    assert response.status_code == 200
    page = soup(response)
    area = page.find("select", id="id_area")
    assert area.find("option", selected=True).get_text() == "Hackney"
    assert len(area.find_all("option")) == 33
    # The Met's last file in the sample is February 2019; March 2018 is partial, so
    # the default period starts after it (definitions.complete_period).
    assert page.find("select", id="id_from").find("option", selected=True)["value"] == "2018-04"
    assert page.find("select", id="id_to").find("option", selected=True)["value"] == "2019-02"
    months = [o["value"] for o in page.find("select", id="id_from").find_all("option")]
    assert (months[0], months[-1], len(months)) == ("2017-12", "2020-11", 36)
    assert page.find("form")["method"] == "get"


def test_choosing_an_area_and_period_goes_to_its_dashboard(client, pages):
    response = client.get(
        "/stop-and-search/", {"area": "hackney", "from": "2018-01", "to": "2018-06"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/stop-and-search/hackney/?from=2018-01&to=2018-06"


def test_dashboard_without_a_period_shows_the_latest_complete_months(client, pages):
    response = client.get(HACKNEY)
    assert response.status_code == 200
    shown = text_of(response)
    assert "April 2018 to February 2019" in shown
    assert "is a partial month" not in shown and "are partial months" not in shown


def test_dashboard_numbers_equal_the_summary(client, pages):
    page = soup(client.get(HACKNEY + YEAR_2018))
    expected = summary(pages, "Hackney", "2018-01", "2018-12")

    key = rows_by_header(table(page, "key-figures"))
    assert number(key["Searches"][0]) == expected["searches"]
    assert number(key["Person searches"][0]) == expected["person_searches"]
    assert number(key["Person searches with ethnicity not stated"][0]) == expected["not_stated"]
    assert number(key["Searches of children under 18"][0]) == expected["children"]["searches"]
    assert number(key["Arrest rate"][0]) == round(expected["arrest_rate"] * 100, 1)
    assert number(key["Positive outcome rate"][0]) == round(
        expected["positive_outcome_rate"] * 100, 1
    )
    unplaced = next(v for k, v in key.items() if "no location" in k)
    assert number(unplaced[0]) == expected["without_location_in_force"]

    groups = rows_by_header(table(page, "ethnicity"))
    for group, figures in expected["by_ethnicity"].items():
        searches, population, rate, ratio, low, high = map(number, groups[group][:6])
        assert (searches, population, rate, ratio) == (
            figures["searches"],
            figures["population"],
            figures["rate_per_1000"],
            figures["ratio_to_white"],
        )
        assert [low, high] == (figures["ratio_ci95"] or [None, None])
    assert number(groups["Not stated"][0]) == expected["not_stated"]

    months = table(page, "searches-by-month")[1:]
    assert [number(row[1]) for row in months] == [m["searches"] for m in expected["months"]]
    partial = [m["month"] for m in expected["months"] if m["partial"]]
    assert partial == ["2018-02", "2018-03"]
    assert [row[0] for row in months if row[3] == "Partial month"] == [
        "February 2018",
        "March 2018",
    ]

    children = rows_by_header(table(page, "children"))
    for group, n in expected["children"]["by_ethnicity"].items():
        assert number(children[group][0]) == n
    assert number(children["All children"][0]) == expected["children"]["searches"]

    recording = rows_by_header(table(page, "recording"))
    linked = recording["Outcome linked to the object of the search"]
    assert number(linked[1]) == expected["linked_outcome"]["recorded"]
    assert number(linked[3]) == round(expected["linked_outcome"]["rate"] * 100, 1)
    thorough = recording["More thorough search (more than outer clothing removed)"]
    assert number(thorough[1]) == expected["more_thorough"]["recorded"]
    assert number(thorough[2]) == expected["more_thorough"]["searches"]


def test_every_table_has_a_csv_with_the_same_numbers(client, pages):
    response = client.get(HACKNEY + YEAR_2018)
    page = soup(response)
    tables = page.find_all("table", id=re.compile("^table-"))
    assert len(tables) == 11
    for element in tables:
        slug = element["id"].removeprefix("table-")
        link = element.find_parent("div").find_next_sibling("p").find("a")
        assert link.get_text(" ", strip=True).startswith("Download CSV")
        download = client.get(link["href"])
        assert download.status_code == 200, slug
        assert download["Content-Type"] == "text/csv; charset=utf-8"
        assert f"hackney-2018-01-to-2018-12-{slug}.csv" in download["Content-Disposition"]
        written = list(csv.reader(io.StringIO(download.content.decode())))
        shown = table(page, slug)
        assert len(written) == len(shown), slug
        for shown_row, written_row in zip(shown[1:], written[1:], strict=True):
            for text, value in zip(shown_row[1:], written_row[1:], strict=True):
                if value == "" or not re.fullmatch(r"[+-]?[\d.]+", value):
                    # Words instead of a figure are blank in the CSV (its note says why).
                    blank = text in ("–", "Too few searches to compare")
                    assert value == ("" if blank else text), (slug, text, value)
                else:
                    assert number(text) == float(value), (slug, text, value)


def test_charts_are_labelled_images_with_their_tables_beside_them(client, pages):
    page = soup(client.get(HACKNEY + YEAR_2018))
    charts = page.find_all("svg", class_="app-chart")
    assert len(charts) >= 8
    for chart in charts:
        assert chart["role"] == "img"
        title, desc = chart.find("title"), chart.find("desc")
        assert title.get_text() and desc.get_text()
        assert chart["aria-labelledby"] == f"{title['id']} {desc['id']}"
    volume = page.find("svg", attrs={"aria-labelledby": re.compile("^chart-volume")})
    # Partial months are hatched and say so in words, not by colour alone.
    assert "Partial or missing months: February 2018 and March 2018" in volume.find("desc").text
    assert len([t for t in volume.find_all("text") if t.get_text() == "partial"]) == 2
    assert len(volume.find_all("rect", fill=re.compile("hatch"))) == 3  # and the legend's
    for element in page.find_all("table", id=re.compile("^table-")):
        assert element.find("caption").get_text(strip=True)
        assert all(th.get("scope") in ("col", "row") for th in element.find_all("th"))
        numeric = element.find_all("td", class_="govuk-table__cell--numeric")
        assert numeric, element["id"]


def test_a_period_including_february_2018_warns_of_partial_months(client, pages):
    shown = text_of(client.get(HACKNEY, {"from": "2018-01", "to": "2018-06"}))
    assert "February 2018 and March 2018 are partial months" in shown
    assert "most of the force's records had no location" in shown
    later = client.get(HACKNEY, {"from": "2018-04", "to": "2018-12"})
    assert "partial months" not in text_of(later)
    assert soup(later).find(class_="govuk-warning-text") is None


def test_months_the_force_did_not_publish_say_whose_records_there_are(client, pages):
    response = client.get(HACKNEY, {"from": "2019-01", "to": "2019-06"})
    shown = text_of(response)
    assert (
        "The Metropolitan Police Service published no records for March 2019 and June 2019. "
        "Those months are shown as “no records published”" in shown
    )
    assert (
        "The Metropolitan Police Service published no records for April 2019 and May 2019. "
        "The only records for Hackney in those months are 2 searches made there by another "
        "police force" in shown
    )
    months = rows_by_header(table(soup(response), "searches-by-month"))
    # The City of London Police made one search in Hackney that month; the Met none.
    assert months["April 2019"][:2] == ["1", "1"]
    assert months["April 2019"][2] == (
        "Records from another force only: the Metropolitan Police Service published none"
    )


def test_caveats_on_ethnicity_location_and_recording(client, pages):
    shown = text_of(client.get(HACKNEY + YEAR_2018))
    expected = summary(pages, "Hackney", "2018-01", "2018-12")
    assert (
        f"did not state their ethnicity in {expected['not_stated']:,} of the "
        f"{expected['person_searches']:,} person searches" in shown
    )
    assert f"{expected['without_location_in_force']:,} of the" in shown
    assert "had no location, so they could not be placed in any area" in shown
    linked = expected["linked_outcome"]["recorded"]
    assert (
        f"Outcome linked to the object of the search: recorded in only {linked:,} of "
        f"{expected['searches']:,} records" in shown
    )


def test_unknown_area_is_a_404_listing_the_areas_there_are(client, pages):
    response = client.get("/stop-and-search/atlantis/")
    assert response.status_code == 404
    page = soup(response)
    assert "no stop-and-search records for “atlantis”" in text_of(response)
    assert page.find("a", string="Hackney")["href"] == HACKNEY
    assert client.get("/stop-and-search/atlantis/key-figures.csv").status_code == 404


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"from": "2018-13", "to": "2018-06"}, "Choose the first month from the list"),
        ({"from": "2016-01", "to": "2018-06"}, "Choose the first month from the list"),
        ({"from": "2018-03"}, "Choose the last month"),
        ({"from": "2018-08", "to": "2018-06"}, "The last month must be the same as or after"),
    ],
)
def test_bad_periods_show_the_form_again_with_an_error_summary(client, pages, query, error):
    response = client.get(HACKNEY, query)
    assert response.status_code == 400
    page = soup(response)
    assert page.title.get_text().startswith("Error:")
    summary_box = page.find("div", class_="govuk-error-summary")
    assert error in summary_box.get_text()
    # What was chosen, where it was valid, is kept.
    assert page.find("select", id="id_area").find("option", selected=True)["value"] == "hackney"
    for name in ("from", "to"):
        chosen = page.find("select", id=f"id_{name}").find("option", selected=True)
        if re.fullmatch(r"2017-12|2018-0[1-9]|2018-1[0-2]", query.get(name, "")):
            assert chosen["value"] == query[name]


def test_bad_landing_form_is_shown_again_with_errors(client, pages):
    response = client.get("/stop-and-search/", {"area": "narnia", "from": "2018-01"})
    assert response.status_code == 400
    errors = soup(response).find("div", class_="govuk-error-summary").get_text()
    assert "Choose an area from the list" in errors
    assert "Choose the last month" in errors


def test_csv_with_a_bad_period_or_unknown_table_is_refused(client, pages):
    bad = client.get(HACKNEY + "key-figures.csv", {"from": "2018-06", "to": "2018-01"})
    assert bad.status_code == 400
    assert "The last month must be the same as or after the first month" in bad.content.decode()
    assert client.get(HACKNEY + "nothing.csv" + YEAR_2018).status_code == 404


def test_signed_in_staff_see_the_same_dashboard(client, pages, django_user_model, db):
    public = table(soup(client.get(HACKNEY + YEAR_2018)), "ethnicity")
    client.force_login(django_user_model.objects.create_user("sam", password="x"))
    response = client.get(HACKNEY + YEAR_2018)
    assert response.status_code == 200
    assert table(soup(response), "ethnicity") == public
