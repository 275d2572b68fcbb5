"""The indicator pages for each persona: what each may see and change, the chart and
its table, the forms."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from oversight.indicators.models import Value
from oversight.tracker.models import Recommendation, Review, TrackedItem

from .personas import row

PUBLIC_PATHS = ["/indicators/", "/indicators/gun-crime/", "/indicators/gun-crime/data.csv"]


def sign_in(client, person):
    if person is not None:
        client.force_login(person.user)
    return client


@pytest.mark.parametrize("persona", [None, "outsider"])
def test_restricted_indicator_is_absent_for_those_not_concerned(world, client, persona):
    sign_in(client, getattr(world, persona) if persona else None)
    listing = client.get("/indicators/").content.decode()
    assert "Gun crime offences" in listing
    assert "Repeat victims" not in listing
    assert client.get("/indicators/repeat-victims/").status_code == 404
    assert client.get("/indicators/repeat-victims/data.csv").status_code == 404
    body_page = client.get(f"/bodies/{world.sog.pk}/indicators/").content.decode()
    assert "Gun crime offences" in body_page and "Repeat victims" not in body_page
    assert b"41.5" not in client.get("/indicators/gun-crime/data.csv").content


@pytest.mark.parametrize("persona", ["partner", "scrutiny"])
def test_restricted_indicator_is_shown_to_those_concerned(world, client, persona):
    sign_in(client, getattr(world, persona))
    assert "Repeat victims" in client.get("/indicators/").content.decode()
    detail = client.get("/indicators/repeat-victims/").content.decode()
    assert "41.5%" in detail and "Restricted" in detail
    assert (
        b"repeat-victims,2021-06,2021-06-01,Hackney,,,41.5,,"
        in client.get("/indicators/repeat-victims/data.csv").content
    )


def test_a_body_that_is_not_public_hides_its_indicators_from_the_public(world, client):
    world.sog.is_public = False
    world.sog.save()
    for path in PUBLIC_PATHS[1:]:
        assert client.get(path).status_code == 404, path
    assert client.get(f"/bodies/{world.sog.pk}/indicators/").status_code == 404
    sign_in(client, world.outsider)  # signed-in staff see indicators of any body
    assert client.get("/indicators/gun-crime/").status_code == 200


def test_list_filters_by_body_and_search(world, client):
    page = client.get("/indicators/", {"q": "gun"}).content.decode()
    assert "1 indicator found." in page
    page = client.get("/indicators/", {"body": world.commission.pk})
    # The commission owns no visible indicator, so it is not a choice: the filter is
    # ignored rather than revealing anything.
    assert "Gun crime offences" in page.content.decode()


def test_detail_gives_direction_and_rag_in_words(world, client):
    page = client.get("/indicators/gun-crime/").content.decode()
    assert "<strong>Improving</strong>: 7 in 2021-07, down from 16 in 2019-07" in page
    assert "No target" in page


def test_chart_has_title_and_description_and_the_table_has_the_same_numbers(world, client):
    from oversight.indicators import operations

    operations.record_values(
        world.gun_crime,
        [row("2019-07", "14", benchmark="London"), row("2021-07", "9", benchmark="London")],
        source="test",
    )
    page = client.get("/indicators/gun-crime/").content.decode()
    svg = re.search(r"<svg class=\"app-indicator-chart\".*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-title"' in svg and 'aria-describedby="chart-desc"' in svg
    assert '<title id="chart-title">Chart of Gun crime offences</title>' in svg
    desc = re.search(r'<desc id="chart-desc">(.*?)</desc>', svg).group(1)
    assert "Hackney: 16 in 2019-07, 7 in 2021-07" in desc
    # The benchmark is a second line with its own dash pattern, and in the legend.
    assert 'stroke-dasharray="8 5"' in svg and ">London</text>" in svg
    points = set(re.findall(r"<title>(\w+), ([\d-]+): ([\d.,]+)</title>", svg))
    table = page[page.index("Figures by period") :]
    table = table[: table.index("</table>")]
    columns = re.findall(r'header--numeric">([^<]+)</th>', table)
    cells = set()
    for period, values in re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>(.*?)</tr>', table, re.S
    ):
        numbers = re.findall(r'cell--numeric">([^<]+)</td>', values)
        cells |= {(series, period, n) for series, n in zip(columns, numbers, strict=True)}
    assert (
        points
        == cells
        == {
            ("Hackney", "2019-07", "16"),
            ("Hackney", "2021-07", "7"),
            ("London", "2019-07", "14"),
            ("London", "2021-07", "9"),
        }
    )


def test_breakdowns_have_their_own_table(world, client):
    from oversight.indicators import operations

    operations.record_values(
        world.gun_crime,
        [row("2021-07", "3", breakdown_dimension="age", breakdown_value="Under 25")],
        source="test",
    )
    page = client.get("/indicators/gun-crime/").content.decode()
    assert "Figures by breakdown and period" in page
    assert "Age: Under 25" in page


def test_linked_actions_show_only_what_the_viewer_may_see(world, client):
    review = Review.objects.create(body=world.commission, title="Serious violence", published=True)
    rec = Recommendation.objects.create(review=review, text="Reduce gun crime.")
    shown = TrackedItem.objects.create(
        text="Weapons sweeps in hotspots", recommendation=rec, owner_org=world.police
    )
    hidden = TrackedItem.objects.create(
        text="Covert operation", recommendation=rec, owner_org=world.police, restricted=True
    )
    world.gun_crime.linked_items.add(shown, hidden)
    page = client.get("/indicators/gun-crime/").content.decode()
    assert "Weapons sweeps in hotspots" in page and "No date" in page  # its RAG tag
    assert "Covert operation" not in page
    sign_in(client, world.partner)  # the police own both
    assert "Covert operation" in client.get("/indicators/gun-crime/").content.decode()


def test_link_an_action_by_number_and_unlink_it_after_confirming(world, client):
    item = TrackedItem.objects.create(text="Weapons sweeps", owner_org=world.police)
    secret = TrackedItem.objects.create(text="Covert", owner_org=world.nhs, restricted=True)
    sign_in(client, world.partner)  # a member of the owning body
    refused = client.post("/indicators/gun-crime/actions/link/", {"item_number": secret.pk})
    assert f"There is no action number {secret.pk} you can see." in refused.content.decode()
    client.post("/indicators/gun-crime/actions/link/", {"item_number": item.pk})
    assert list(world.gun_crime.linked_items(manager="private_objects").all()) == [item]
    unlink = f"/indicators/gun-crime/actions/{item.pk}/unlink/"
    assert "Unlink this action" in client.get(unlink).content.decode()
    assert world.gun_crime.linked_items(manager="private_objects").exists()  # asking is not doing
    client.post(unlink)
    assert not world.gun_crime.linked_items(manager="private_objects").exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("scrutiny", 200), ("partner", 200), ("outsider", 403)]
)
def test_who_may_add_a_figure(world, client, persona, status):
    sign_in(client, getattr(world, persona))
    assert client.get("/indicators/gun-crime/values/new/").status_code == status


def test_the_public_is_asked_to_sign_in_to_add_a_figure(world, client):
    response = client.get("/indicators/gun-crime/values/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/indicators/repeat-victims/values/new/").status_code == 302
    sign_in(client, world.outsider)
    # Not 403: a restricted indicator's existence is not revealed.
    assert client.get("/indicators/repeat-victims/values/new/").status_code == 404


def test_add_value_form_rejects_bad_input_and_keeps_what_was_typed(world, client):
    sign_in(client, world.partner)
    typed = {
        "period": "Summer 2021",
        "value": "12.5",
        "benchmark": "",
        "area": "",
        "breakdown_dimension": "age",
        "breakdown_value": "",
        "note": "Provisional, from the BCU",
    }
    response = client.post("/indicators/gun-crime/values/new/", typed)
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Give the date “Summer 2021” starts" in page
    assert "Give the group, for example Black Caribbean." in page
    assert 'value="Summer 2021"' in page and 'value="12.5"' in page
    assert 'value="Provisional, from the BCU"' in page
    assert '<option value="age" selected>' in page
    assert Value.objects.filter(indicator=world.gun_crime).count() == 2


def test_add_value_form_asks_before_replacing_a_figure(world, client):
    sign_in(client, world.partner)
    data = {"period": "2021-07", "value": "8", "benchmark": ""}
    page = client.post("/indicators/gun-crime/values/new/", data).content.decode()
    assert "7 is already recorded for 2021-07. Tick the box to replace it" in page
    client.post("/indicators/gun-crime/values/new/", {**data, "replace": "on"})
    stored = Value.objects.get(indicator=world.gun_crime, period_label="2021-07")
    assert stored.value == Decimal("8")
    assert stored.source == "Entered by Pat Okafor"


def test_add_a_benchmark_figure(world, client):
    from oversight.indicators import operations

    operations.save_indicator(world.gun_crime, benchmark_labels=["London"])
    sign_in(client, world.scrutiny)
    response = client.post(
        "/indicators/gun-crime/values/new/",
        {"period": "2021-07", "value": "11", "benchmark": "London"},
        follow=True,
    )
    assert "Figure recorded." in response.content.decode()
    assert "Better than London (11 in 2021-07)" in response.content.decode()


def test_indicator_form_creates_and_edits(world, client):
    sign_in(client, world.scrutiny)
    bad = client.post(
        "/indicators/new/",
        {
            "name": "MARAC cases",
            "unit": "cases",
            "better": "neither",
            "frequency": "quarterly",
            "target_value": "200",
            "body": world.sog.pk,
            "benchmarks": "London",
        },
    ).content.decode()
    assert "Say whether the target is a minimum or a maximum." in bad
    assert 'value="MARAC cases"' in bad and "\nLondon</textarea>" in bad
    created = client.post(
        "/indicators/new/",
        {
            "name": "MARAC cases",
            "unit": "cases",
            "better": "neither",
            "frequency": "quarterly",
            "body": world.sog.pk,
            "benchmarks": "London",
        },
    )
    assert created["Location"] == "/indicators/marac-cases/"
    edit = client.get("/indicators/marac-cases/edit/").content.decode()
    assert "\nLondon</textarea>" in edit


def test_a_partner_defines_indicators_only_for_bodies_they_sit_on(world, client):
    sign_in(client, world.partner)
    page = client.get("/indicators/new/")
    assert list(page.context["form"].fields["body"].queryset) == [world.sog]
    sign_in(client, world.outsider)
    assert client.get("/indicators/new/").status_code == 403
    assert client.get("/indicators/gun-crime/edit/").status_code == 403


def test_body_page_groups_indicators_of_sub_groups(world, client):
    world.sog.parent = world.commission
    world.sog.save()
    page = client.get(f"/bodies/{world.commission.pk}/indicators/").content.decode()
    assert "Indicators of Children and Young People Scrutiny Commission" in page
    assert "Reports to Children and Young People Scrutiny Commission" in page
    assert "Gun crime offences" in page
