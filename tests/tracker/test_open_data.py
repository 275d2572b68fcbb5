"""The open data page as someone reusing the data reads it: every field explained, the
licence, when it last changed, downloads for one body, and Atom feeds of new updates
and newly verified items that never carry a restricted item."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from oversight.public.open_data import CSV_DICTIONARY, last_changed
from oversight.tracker.export import CSV_COLUMNS
from oversight.tracker.models import Update, Verification
from tests.factories import BodyFactory, RecommendationFactory, ReviewFactory, TrackedItemFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def _item(body, text, **kw):
    rec = RecommendationFactory(review=ReviewFactory(body=body))
    return TrackedItemFactory(recommendation=rec, text=text, **kw)


def _update(item, person, narrative):
    return Update.objects.create(
        item=item, author=person, narrative=narrative, status="in_progress", progress=50
    )


def test_every_csv_column_is_explained_in_order():
    assert [f.name for f in CSV_DICTIONARY] == CSV_COLUMNS
    assert all(f.type and f.meaning for f in CSV_DICTIONARY)


def test_the_page_shows_the_dictionary_licence_and_last_change(client, commission, police_officer):
    item = _item(commission, "Publish dip sampling results")
    _update(item, police_officer, "First results published.")
    page = client.get("/open-data/").content.decode()
    assert "<code>item_rag</code>" in page
    assert "Open Government Licence v3.0" in page and 'rel="license"' in page
    assert "Last changed:" in page and "<time datetime=" in page


def test_a_restricted_change_does_not_move_the_last_changed_time(commission, police_officer):
    public = _item(commission, "Public")
    _update(public, police_officer, "Public progress.")
    before = last_changed()
    secret = TrackedItemFactory(
        recommendation=public.recommendation, text="Secret", restricted=True
    )
    _update(secret, police_officer, "Secret progress.")
    assert last_changed() == before
    _update(public, police_officer, "More public progress.")
    assert last_changed() > before


def test_downloads_can_be_narrowed_to_one_body(client, commission):
    other = BodyFactory(name="Health in Hackney Scrutiny Commission")
    _item(commission, "Fund youth clubs")
    _item(other, "Shorten waiting lists")
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(f"/open-data/recommendations.csv?body={other.pk}").content.decode()
            )
        )
    )
    assert [r["item_text"] for r in rows] == ["Shorten waiting lists"]
    data = client.get(f"/open-data/recommendations.json?body={commission.pk}").json()
    assert [i["text"] for r in data["recommendations"] for i in r["items"]] == ["Fund youth clubs"]


def test_a_body_that_is_not_public_gives_not_found(client, commission):
    hidden = BodyFactory(name="Closed panel", is_public=False)
    assert client.get(f"/open-data/recommendations.csv?body={hidden.pk}").status_code == 404
    assert client.get(f"/open-data/feeds/updates.atom?body={hidden.pk}").status_code == 404


def test_updates_feed_lists_public_updates_only(client, commission, police_officer):
    public = _item(commission, "Publish dip sampling results")
    secret = _item(commission, "Discipline review", restricted=True)
    _update(public, police_officer, "Results for April are out.")
    _update(secret, police_officer, "Two officers interviewed.")
    response = client.get("/open-data/feeds/updates.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == ["Update: Publish dip sampling results"]
    assert b"Two officers" not in response.content and b"Discipline" not in response.content


def test_verified_feed_per_body(client, commission, scrutiny_officer):
    other = BodyFactory(name="Health in Hackney Scrutiny Commission")
    mine = _item(commission, "Run a mentoring scheme", status="complete", progress=100)
    theirs = _item(other, "Open a clinic", status="complete", progress=100)
    for item in (mine, theirs):
        Verification.objects.create(
            item=item,
            decision=Verification.Decision.VERIFIED,
            by=scrutiny_officer,
            reason="Saw the attendance register.",
        )
    feed = ET.fromstring(client.get(f"/open-data/feeds/verified.atom?body={commission.pk}").content)
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == ["Verified: Run a mentoring scheme"]
    assert commission.name in feed.findtext(f"{ATOM}title")
