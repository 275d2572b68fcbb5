"""Importing figures from CSV: checked whole, previewed, confirmed, idempotent; a bad
file is refused with line numbers and nothing is written. Through the page and the
`indicators-import` command."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from oversight.indicators import csvfiles
from oversight.indicators.models import Indicator, Value

HEADER = ",".join(csvfiles.COLUMNS)  # every column, in the documented order
GOOD = f"""{HEADER}
gun-crime,2021-08,,,,,9,,
Gun crime offences,2021-08,,,,,12,London,
gun-crime,Aug 2021,2021-08-01,,age,Under 25,4,,Victims under 25
"""

BAD = """Indicator,Period,Value,Breakdown_dimension,Breakdown_value
gun-crime,2021-09,5,,
gun-crime,2021-10,five,,
no-such-thing,2021-10,3,,
gun-crime,Autumn 2021,3,,
gun-crime,2021-11,3,religion,Any
gun-crime,2021-09,6,,
"""


def upload(client, text: str, name: str = "figures.csv"):
    return client.post(
        "/indicators/import/",
        {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")},
    )


def test_bad_file_is_refused_with_line_numbers_and_nothing_written(world, client):
    client.force_login(world.scrutiny.user)
    before = Value.objects.count()
    response = upload(client, BAD)
    page = response.content.decode()
    assert "The file was refused: nothing has been saved" in page
    for line, words in [
        (3, "the value “five” is not a number"),
        (4, "no indicator you can enter figures for is called “no-such-thing”"),
        (5, "cannot tell when the period “Autumn 2021” starts"),
        (6, "the breakdown must be one of"),
        (7, "the same indicator, period, area, breakdown and benchmark as line 2"),
    ]:
        assert f"Line {line}: {words}" in page
    assert "Line 2:" not in page
    assert "Save these figures" not in page
    assert Value.objects.count() == before


def test_good_file_is_previewed_then_saved_and_importing_again_changes_nothing(world, client):
    client.force_login(world.partner.user)  # a member of the owning body
    before = Value.objects.count()
    preview = upload(client, GOOD)
    page = preview.content.decode()
    assert "Check the figures before saving" in page
    assert "add 3 new figures" in page
    assert "New comparison series will be created: London (Gun crime offences)" in page
    assert Value.objects.count() == before  # nothing written before confirming
    csv_text = preview.context["confirm"]["csv_text"].value()
    saved = client.post(
        "/indicators/import/", {"csv_text": csv_text, "filename": "figures.csv"}, follow=True
    )
    assert "Import saved: 3 new, 0 changed, 0 unchanged." in saved.content.decode()
    assert Value.objects.count() == before + 3
    under_25 = Value.objects.get(breakdown_value="Under 25")
    assert (under_25.period_label, under_25.note) == ("Aug 2021", "Victims under 25")
    assert "figures.csv imported by Pat Okafor" in under_25.source

    again = upload(client, GOOD)
    assert "leave 3 as they are" in again.content.decode()
    client.post("/indicators/import/", {"csv_text": csv_text, "filename": "figures.csv"})
    assert Value.objects.count() == before + 3


def test_downloaded_csv_imports_back_unchanged(world, client):
    client.force_login(world.scrutiny.user)
    upload_text = GOOD
    plan = csvfiles.read_csv(upload_text.encode(), Indicator.private_objects.all())
    assert plan.ok
    client.post(
        "/indicators/import/", {"csv_text": upload_text, "filename": "figures.csv"}, follow=True
    )
    exported = client.get("/indicators/gun-crime/data.csv").content
    plan = csvfiles.read_csv(exported, Indicator.private_objects.all())
    assert plan.ok and plan.counts() == {"new": 0, "changed": 0, "unchanged": 5}


def test_someone_who_cannot_enter_figures_cannot_import(world, client):
    client.force_login(world.outsider.user)
    assert client.get("/indicators/import/").status_code == 403


def test_partner_cannot_import_into_a_restricted_indicator_of_another_body(world, client):
    world.secret.body = world.commission
    world.secret.save()
    client.force_login(world.partner.user)
    page = upload(client, "indicator,period,value\nrepeat-victims,2021-07,40\n").content.decode()
    assert "no indicator you can enter figures for is called “repeat-victims”" in page


def test_file_that_is_not_utf8_or_has_unknown_columns_is_refused(world):
    latin1 = "indicator,period,value\ngun-crime,2021-09,5,Ca\xf1ada\n".encode("latin-1")
    assert "not UTF-8" in str(csvfiles.read_csv(latin1, [world.gun_crime]).errors[0])
    plan = csvfiles.read_csv(b"indicator,month,value\n", [world.gun_crime])
    assert str(plan.errors[0]).startswith("Line 1: unknown columns month")
    empty = csvfiles.read_csv(b"indicator,period,value\n\n", [world.gun_crime])
    assert "no rows of figures" in str(empty.errors[0])


def test_command_refuses_a_bad_file_and_imports_a_good_one_once(world, tmp_path, capsys):
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD)
    good.write_text(GOOD)
    before = Value.objects.count()
    with pytest.raises(CommandError, match="bad.csv was refused"):
        call_command("indicators_import", str(bad))
    assert "Line 3: the value “five” is not a number" in capsys.readouterr().err
    assert Value.objects.count() == before

    call_command("indicators_import", str(good), "--dry-run")
    assert "Would add 3" in capsys.readouterr().out
    assert Value.objects.count() == before
    call_command("indicators_import", str(good))
    assert "3 new, 0 changed, 0 unchanged" in capsys.readouterr().out
    call_command("indicators_import", str(good))
    assert "0 new, 0 changed, 3 unchanged" in capsys.readouterr().out
    assert Value.objects.get(benchmark__label="London").value == Decimal("12")
