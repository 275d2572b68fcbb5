"""The stop-and-search pages when there is nothing to show yet, when an import holds
the store, and the caveats on small hand-made stores where each one can be switched on
and off."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from oversight.stopsearch.store import Store
from tests.stopsearch.stopsearch_helpers import search, write_csv

BLACK = "Black/African/Caribbean/Black British - Caribbean"


@pytest.fixture
def site_urls(settings):
    return settings


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def import_months(path, tmp_path, months: dict[str, list[dict]]) -> None:
    for month, rows in months.items():
        write_csv(tmp_path / "in" / f"{month}-metropolitan-stop-and-search.csv", rows)
    with Store(path) as store:
        store.import_paths([tmp_path / "in"])


def test_without_a_store_the_pages_say_nothing_has_been_imported(client, site_urls, tmp_path):
    site_urls.STOPSEARCH_DB = tmp_path / "absent.duckdb"
    for url in ("/stop-and-search/", "/stop-and-search/hackney/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "No stop-and-search data has been imported yet" in text_of(response)
    assert client.get("/stop-and-search/hackney/key-figures.csv").status_code == 404
    # Looking must not create the store.
    assert not (tmp_path / "absent.duckdb").exists()


def test_an_empty_store_is_the_same_as_none(client, site_urls, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    site_urls.STOPSEARCH_DB = tmp_path / "empty.duckdb"
    response = client.get("/stop-and-search/")
    assert response.status_code == 200
    assert "No stop-and-search data has been imported yet" in text_of(response)


def test_while_another_process_imports_the_pages_ask_to_try_again(client, site_urls, tmp_path):
    path = tmp_path / "busy.duckdb"
    import_months(path, tmp_path, {"2018-06": [search()]})
    site_urls.STOPSEARCH_DB = path
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        response = client.get("/stop-and-search/hackney/")
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert "An import is running; try again in a minute" in text_of(response)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert client.get("/stop-and-search/hackney/").status_code == 200


def test_caveats_appear_only_when_they_change_the_reading(client, site_urls, tmp_path):
    """Six steady months, all ethnicity stated, every search located, the True/False
    columns filled in: no caveat. Then one month nearly empty, a fifth of people not
    stating their ethnicity, searches without location and blank True/False columns:
    each caveat appears."""
    steady = [
        search(
            outcome_linked_to_object_of_search="True",
            removal_of_more_than_just_outer_clothing="False",
        )
    ]
    clean = {f"2018-0{m}": steady * 10 for m in range(1, 7)}
    site_urls.STOPSEARCH_DB = tmp_path / "clean.duckdb"
    import_months(site_urls.STOPSEARCH_DB, tmp_path / "clean", clean)
    page = client.get("/stop-and-search/hackney/", {"from": "2018-01", "to": "2018-06"})
    shown = text_of(page)
    assert page.status_code == 200
    for caveat in (
        "is a partial month",
        "did not state their ethnicity",
        "had no location, so they could not be placed",
        "recorded in only",
    ):
        assert caveat not in shown

    messy = dict(clean)
    messy["2018-03"] = [search()]  # one search, columns blank: partial
    messy["2018-04"] = (
        steady * 7 + [search(self_defined_ethnicity="")] * 3 + [search(where=None)] * 2
    )
    site_urls.STOPSEARCH_DB = tmp_path / "messy.duckdb"
    import_months(site_urls.STOPSEARCH_DB, tmp_path / "messy", messy)
    shown = text_of(client.get("/stop-and-search/hackney/", {"from": "2018-01", "to": "2018-06"}))
    assert "March 2018 is a partial month" in shown
    assert "did not state their ethnicity in 3 of the 51 person searches (5.9%)" in shown
    assert "2 of the 53 searches made by the Metropolitan Police Service" in shown
    assert "recorded in only 47 of 51 records" in shown


def test_a_force_month_missing_from_the_store_is_no_data(client, site_urls, tmp_path):
    months = {"2018-01": [search()] * 5, "2018-03": [search()] * 5}
    site_urls.STOPSEARCH_DB = tmp_path / "gap.duckdb"
    import_months(site_urls.STOPSEARCH_DB, tmp_path, months)
    shown = text_of(client.get("/stop-and-search/hackney/", {"from": "2018-01", "to": "2018-03"}))
    assert "published no records for February 2018" in shown
    assert "No records published by the Metropolitan Police Service" in shown


def test_landing_without_hackney_defaults_to_the_first_area(client, site_urls, tmp_path):
    from tests.stopsearch.stopsearch_helpers import WESTMINSTER

    site_urls.STOPSEARCH_DB = tmp_path / "w.duckdb"
    import_months(site_urls.STOPSEARCH_DB, tmp_path, {"2018-06": [search(where=WESTMINSTER)]})
    page = BeautifulSoup(client.get("/stop-and-search/").content.decode(), "html.parser")
    chosen = page.find("select", id="id_area").find("option", selected=True)
    assert chosen.get_text() == "Westminster"
