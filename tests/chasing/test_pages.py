"""The round pages and the dashboards, as the officer, the owners, another
organisation's partner and the public see them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from oversight.chasing import operations
from oversight.chasing.models import UpdateRound
from oversight.directory.models import Membership
from oversight.meetings.models import Meeting
from oversight.tracker import operations as tracker
from oversight.tracker.models import TrackedItem, Verification
from oversight.visibility.viewer import Viewer
from tests.factories import BodyFactory, MembershipFactory, TrackedItemFactory

from .world import person

pytestmark = pytest.mark.django_db


def _open(world, **kw):
    """A round opened now (these pages read the real clock), due in a fortnight."""
    kw.setdefault("deadline", timezone.localdate() + timedelta(days=14))
    return operations.open_round(
        viewer=Viewer.for_user(world.officer.user),
        officer=world.officer,
        body=world.review.body,
        review=world.review,
        items=kw.pop("items", world.open_items),
        message="Please update us.",
        **kw,
    )[0]


def _form(world, **changes):
    data = {
        "source": f"review-{world.review.pk}",
        "items": [world.pat_first.pk, world.nhs_item.pk],
        "deadline": (timezone.localdate() + timedelta(days=21)).isoformat(),
        "message": "The commission meets next month.",
        "reminder_days": "7",
        "escalation_days": "7",
        "weekly_digest": "on",
    }
    data.update(changes)
    return data


def test_the_form_ticks_the_reviews_open_items_and_sets_the_deadline_four_weeks_on(world, client):
    client.force_login(world.officer.user)
    page = client.get(reverse("round_new"), {"source": f"review-{world.review.pk}"})
    assert page.status_code == 200
    form = page.context["form"]
    assert set(form.initial["items"]) == {i.pk for i in world.open_items}
    assert world.done.pk not in form.initial["items"]
    assert form.initial["deadline"] == timezone.localdate() + timedelta(days=28)
    assert world.done.text in page.content.decode()  # offered, not ticked


def test_continuing_shows_who_will_be_emailed_and_sends_nothing(world, client):
    client.force_login(world.officer.user)
    page = client.post(reverse("round_new"), _form(world))
    assert page.status_code == 200
    assert "Check before sending" in page.content.decode()
    assert "Pat Okafor" in page.content.decode() and "Nia Obi" in page.content.decode()
    assert mail.outbox == []
    assert not UpdateRound.objects.visible_to(Viewer.for_user(world.officer.user)).exists()


def test_confirming_opens_the_round_and_emails_the_owners(world, client):
    client.force_login(world.officer.user)
    page = client.post(reverse("round_new"), _form(world, confirm="yes"), follow=True)
    round_ = UpdateRound.objects.visible_to(Viewer.for_user(world.officer.user)).get()
    assert page.redirect_chain[-1][0] == round_.get_absolute_url()
    assert "The round is open. 2 owners emailed." in page.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["nia@example.org", "pat@example.org"]
    assert (round_.reminder_days, round_.escalation_days, round_.weekly_digest) == (7, 7, True)


def test_a_deadline_in_the_past_is_refused_with_the_form_kept(world, client):
    client.force_login(world.officer.user)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.post(reverse("round_new"), _form(world, deadline=yesterday, confirm="yes"))
    assert "The deadline must be after today." in page.content.decode()
    assert mail.outbox == []


def test_a_partner_cannot_open_a_round(world, client):
    client.force_login(world.pat.user)
    assert (
        client.get(reverse("round_new"), {"source": f"review-{world.review.pk}"}).status_code == 403
    )
    assert client.post(reverse("round_new"), _form(world, confirm="yes")).status_code == 403
    assert mail.outbox == []


def test_a_partnership_manager_opens_a_round_for_their_boards_action_log(world, client):
    board = BodyFactory(name="Community Safety Partnership Board")
    manager = person("Casey Clerk", world.nhs, "casey")
    MembershipFactory(person=manager, body=board, role=Membership.Role.OFFICER)
    meeting = Meeting.objects.create(body=board, date=timezone.localdate(), published=True)
    action = TrackedItemFactory(
        text="Map youth provision",
        origin="action",
        recommendation=None,
        meeting=meeting,
        owner_person=world.pat,
        owner_org=world.police,
    )
    client.force_login(manager.user)
    page = client.get(reverse("round_new"), {"source": f"body-{board.pk}"})
    assert page.status_code == 200 and action.text in page.content.decode()
    assert (
        client.get(reverse("round_new"), {"source": f"review-{world.review.pk}"}).status_code == 403
    )
    client.post(
        reverse("round_new"),
        _form(world, source=f"body-{board.pk}", items=[action.pk], confirm="yes"),
    )
    assert [m.to[0] for m in mail.outbox] == ["pat@example.org"]


def test_the_round_shows_who_has_answered_who_has_not(world, client):
    round_ = _open(world)
    tracker.record_update(
        world.nhs_item,
        author=world.nia,
        narrative="Offered at every custody suite.",
        status="in_progress",
        progress=40,
    )
    client.force_login(world.officer.user)
    page = client.get(round_.get_absolute_url())
    owners = {row.owner.name: (row.state, row.answered) for row in page.context["owners"]}
    assert owners == {"Nia Obi": ("answered", 1), "Pat Okafor": ("waiting", 0)}
    assert page.context["answered_count"] == 1 and page.context["overdue_count"] == 0
    assert "Not answered" in page.content.decode()


def test_after_the_deadline_unanswered_items_show_as_overdue(world, client):
    round_ = _open(world)
    round_.deadline = timezone.localdate() - timedelta(days=1)
    round_.save()
    client.force_login(world.officer.user)
    page = client.get(round_.get_absolute_url())
    assert page.context["overdue_count"] == 4
    assert "Overdue" in page.content.decode()


def test_a_restricted_item_is_not_listed_to_someone_who_cannot_see_it(world, client):
    round_ = _open(world)
    client.force_login(world.priya.user)
    page = client.get(round_.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert world.pat_first.text in body
    assert world.secret.text not in body
    pat_row = next(r for r in page.context["owners"] if r.owner == world.pat)
    assert len(pat_row.items) == 2
    client.force_login(world.officer.user)
    assert world.secret.text in client.get(round_.get_absolute_url()).content.decode()


def test_rounds_are_not_for_the_public(world, client):
    round_ = _open(world)
    assert client.get(round_.get_absolute_url()).status_code == 302  # to sign in
    assert client.get(reverse("rounds")).status_code == 302


def test_the_messages_sent_are_on_the_items_timeline_for_staff_only(world, client):
    _open(world)
    client.force_login(world.officer.user)
    page = client.get(world.pat_first.get_absolute_url()).content.decode()
    assert "Request for updates sent to Pat Okafor" in page
    assert "Why: Sam Reid asked for an update by" in page
    client.logout()
    public = client.get(world.pat_first.get_absolute_url()).content.decode()
    assert "Request for updates sent to" not in public


def test_closing_a_round(world, client):
    round_ = _open(world)
    client.force_login(world.pat.user)
    assert client.post(reverse("round_close", args=[round_.pk])).status_code == 403
    client.force_login(world.officer.user)
    client.post(reverse("round_close", args=[round_.pk]))
    round_.refresh_from_db()
    assert round_.status == "closed"
    assert round_.history.first().history_change_reason == "Round closed"


def test_the_owners_dashboard_shows_returned_items_rounds_and_overdue(world, client):
    round_ = _open(world)
    tracker.record_update(
        world.pat_second,
        author=world.pat,
        narrative="Trained everyone.",
        status="complete",
        progress=100,
    )
    verifier = person("Vic Verifier", world.nhs, "vic")
    MembershipFactory(person=verifier, body=world.review.body)
    tracker.return_item(
        world.pat_second,
        viewer=Viewer.for_user(verifier.user),
        by=verifier,
        reason="No attendance list is attached.",
    )
    late = TrackedItemFactory(
        text="Publish the stop and search dashboard",
        recommendation=world.pat_first.recommendation,
        owner_person=world.pat,
        owner_org=world.police,
        due_date=timezone.localdate() - timedelta(days=3),
    )
    client.force_login(world.pat.user)
    page = client.get(reverse("dashboard"))
    returned = page.context["returned"]
    assert [(i, v.reason) for i, v in returned] == [
        (world.pat_second, "No attendance list is attached.")
    ]
    assert isinstance(returned[0][1], Verification)
    rows = {(r.item, r.round, r.answered) for r in page.context["in_rounds"]}
    assert (world.pat_first, round_, False) in rows
    assert (world.pat_second, round_, True) in rows
    assert (world.secret, round_, False) in rows  # Pat owns it and may see it
    assert round_.deadline.strftime("%-d %B %Y") in page.content.decode()
    assert late in [i for i, _ in page.context["overdue"]]
    assert "No attendance list is attached." in page.content.decode()


def test_the_officers_dashboard_shows_items_with_no_owner_and_rounds_past_deadline(world, client):
    ownerless = TrackedItemFactory(
        text="Commission a community survey",
        recommendation=world.pat_first.recommendation,
        owner_org=None,
    )
    round_ = _open(world)
    round_.deadline = timezone.localdate() - timedelta(days=2)
    round_.save()
    client.force_login(world.officer.user)
    page = client.get(reverse("dashboard"))
    assert [i for i, _ in page.context["no_owner"]] == [ownerless]
    assert page.context["late_rounds"] == [round_]
    client.force_login(world.pat.user)
    page = client.get(reverse("dashboard"))
    assert page.context["no_owner"] == [] and page.context["late_rounds"] == []
    assert TrackedItem.objects.visible_to(Viewer.for_user(world.pat.user)).filter(pk=ownerless.pk)


def test_the_rounds_list_offers_to_open_a_round_only_to_those_who_may(world, client):
    round_ = _open(world)
    client.force_login(world.officer.user)
    page = client.get(reverse("rounds"))
    assert round_.title in page.content.decode()
    assert dict(page.context["form"].fields["source"].choices)["Reviews"] == [
        (f"review-{world.review.pk}", world.review.title)
    ]
    client.force_login(world.pat.user)
    page = client.get(reverse("rounds"))
    assert page.context["form"] is None
    assert round_.title in page.content.decode()  # Pat's items are in it


def test_a_community_member_does_not_see_rounds(world, client):
    round_ = _open(world)
    community = person("Cam Community", None, "cam", role="community")
    client.force_login(community.user)
    assert client.get(round_.get_absolute_url()).status_code == 404
    assert round_.title not in client.get(reverse("rounds")).content.decode()
