"""The leak test: a record under an exempt agenda item carries a unique marker; every
page the URL conf lists without arguments (with every filter), search, open data, the
calendars and the meeting's own pages are read as anonymous, a community member, a
partner of another organisation and a member concerned. The marker shows only to the
member concerned."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from oversight.chasing.operations import open_round
from oversight.directory.models import Person
from oversight.visibility.viewer import Viewer

from .meetings import factories as f
from .meetings.scenario import build

MARKER = "ZZ-LEAK-MARKER-7731"
SKIP = {"logout", "login"}


def _list_pages(resolver=None, prefix="") -> list[str]:
    """Every page of the URL conf that takes no argument, so a new page is covered."""
    urls = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            urls += _list_pages(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and not entry.pattern.converters:
            if entry.name not in SKIP:
                urls.append("/" + prefix + str(entry.pattern))
    return urls


def _channels(s) -> list[str]:
    # Search for words of the record, not the marker (the search box echoes the query).
    filters = ["", "?q=named+case", "?q=named", "?status=open", "?rag=red", "?origin=action"]
    pages = [url + query for url in _list_pages() for query in filters]
    return pages + [
        reverse("item", args=[s.secret_action.pk]),
        reverse("meeting", args=[s.sept.pk]),
        reverse("meeting_agenda", args=[s.sept.pk]),
        reverse("meeting_minutes", args=[s.sept.pk]),
        reverse("meeting_body", args=[s.b.body.pk]),
        reverse("meeting_body_ics", args=[s.b.body.pk]),
        reverse("round", args=[s.round.pk]),
    ]


@pytest.fixture
def exempt(db):
    s = build()
    s.secret_action.text = f"Refer the named case {MARKER}"
    s.secret_action.save()
    s.community = f.person("Cam Community", username="community", role=Person.Role.COMMUNITY)
    # An update round asking about both actions; the police's lead contact is emailed
    # about the exempt one, so its message is on the round's page too.
    s.b.police.lead_contact = s.b.member
    s.b.police.save()
    s.b.member.user.email = "marcus@example.org"
    s.b.member.user.save()
    s.round, _ = open_round(
        viewer=Viewer.for_user(s.b.clerk.user),
        officer=s.b.clerk,
        body=s.b.body,
        items=[s.action, s.secret_action],
        deadline=timezone.localdate() + timedelta(days=14),
        message="Updates on the group's actions, please.",
    )
    assert s.round.messages.filter(items=s.secret_action).exists()
    return s


def _user(username: str):
    return Person.objects.get(user__username=username).user


def _seen(client, urls) -> list[str]:
    found = []
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if MARKER.encode() in body:
            found.append(url)
    return found


@pytest.mark.parametrize("who", [None, "community", "outsider"])
def test_an_action_under_an_exempt_item_reaches_nobody_unconcerned(exempt, client, who):
    if who:
        client.force_login(_user(who))
    assert _seen(client, _channels(exempt)) == []


def test_the_member_concerned_sees_the_action_under_the_exempt_item(exempt, client):
    client.force_login(_user("member"))
    seen = _seen(client, _channels(exempt))
    assert reverse("item", args=[exempt.secret_action.pk]) in seen
    assert reverse("round", args=[exempt.round.pk]) in seen


def test_the_forward_plan_form_does_not_offer_a_restricted_review_of_another_body(exempt, client):
    from oversight.tracker.models import Review

    other = f.body("Health Scrutiny Commission", short="HSC")
    Review.private_objects.create(body=other, title=MARKER, restricted=True, published=True)
    client.force_login(_user("clerk"))
    page = client.get(reverse("forward_plan_add", args=[exempt.b.body.pk]))
    assert page.status_code == 200
    assert MARKER not in page.content.decode()
