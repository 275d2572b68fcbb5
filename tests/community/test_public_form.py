"""A member of the public gives feedback at /feedback/ without signing in: it waits for
a moderator of the organisation it is for, and their contact details stay with the
moderators."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oversight.community.models import Feedback, SubmitterContact
from oversight.community.spam_defences import SUBMISSIONS_PER_HOUR

pytestmark = pytest.mark.django_db

SAID = "Officers should explain why they are searching young people before they start."


def _form(community, **extra) -> dict:
    return {
        "summary": SAID,
        "recipient": f"organisation-{community.police.pk}",
        "theme": community.stop_and_search.pk,
        "area": "Hackney Wick",
        "consent": "on",
        **extra,
    }


def test_member_of_public_sends_feedback_and_gets_a_reference(community, client):
    page = client.get(reverse("feedback_form"))
    assert page.status_code == 200
    assert "Privacy notice" in page.content.decode()
    response = client.post(reverse("feedback_form"), _form(community), follow=True)
    feedback = Feedback.private_objects.get()
    assert feedback.reference in response.content.decode()
    assert feedback.moderation == Feedback.Moderation.PENDING
    assert feedback.source == Feedback.Source.FORM
    assert feedback.for_organisation == community.police and feedback.logged_by is None


def test_unmoderated_feedback_is_not_public(community, client):
    client.post(reverse("feedback_form"), _form(community))
    assert Feedback.objects.public().count() == 0
    assert SAID not in client.get(reverse("you_said_we_did")).content.decode()
    assert SAID not in client.get(reverse("you_said_we_did_json")).content.decode()
    feedback = Feedback.private_objects.get()
    assert client.get(feedback.get_absolute_url()).status_code == 404


def test_contact_details_are_kept_apart_and_shown_to_moderators_only(community, client):
    client.post(
        reverse("feedback_form"),
        _form(community, contact_name="Ada Resident", contact_email="ada@example.org"),
    )
    feedback = Feedback.private_objects.get()
    assert SubmitterContact.objects.get(feedback=feedback).email == "ada@example.org"
    assert "ada@example.org" not in feedback.summary
    client.force_login(community.outsider.user)
    assert client.get(feedback.get_absolute_url()).status_code == 404
    client.force_login(community.officer.user)
    assert "ada@example.org" in client.get(feedback.get_absolute_url()).content.decode()


def test_contact_details_never_reach_the_public_once_accepted(community, client, viewer_of):
    from oversight.community import operations

    client.post(
        reverse("feedback_form"),
        _form(community, contact_name="Ada Resident", contact_email="ada@example.org"),
    )
    feedback = Feedback.private_objects.get()
    operations.accept_feedback(
        feedback, viewer=viewer_of(community.officer), by=community.officer, summary=SAID
    )
    client.logout()
    for url in (
        feedback.get_absolute_url(),
        reverse("you_said_we_did"),
        reverse("you_said_we_did_csv"),
        reverse("you_said_we_did_json"),
        community.to_police.get_absolute_url(),
    ):
        text = client.get(url).content.decode()
        assert "ada@example.org" not in text and "Ada Resident" not in text, url
    assert SAID in client.get(reverse("you_said_we_did")).content.decode()


def test_feedback_without_consent_is_refused_and_keeps_what_was_typed(community, client):
    form = _form(community)
    del form["consent"]
    page = client.post(reverse("feedback_form"), form)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Agree to the privacy notice to send your feedback." in text
    assert SAID in text and "Hackney Wick" in text
    assert Feedback.private_objects.count() == 0


def test_a_filled_in_honeypot_looks_sent_but_keeps_nothing(community, client):
    response = client.post(
        reverse("feedback_form"), _form(community, website="http://spam.example"), follow=True
    )
    assert "Feedback sent" in response.content.decode()
    assert Feedback.private_objects.count() == 0


def test_the_honeypot_is_hidden_from_people_and_screen_readers(community, client):
    text = client.get(reverse("feedback_form")).content.decode()
    before, _, after = text.partition('name="website"')
    assert after, "the honeypot field is on the form"
    assert before.rfind("<div hidden>") > before.rfind("</div>")


def test_too_many_submissions_from_one_address_are_refused(community, client):
    for _ in range(SUBMISSIONS_PER_HOUR):
        client.post(reverse("feedback_form"), _form(community))
    page = client.post(reverse("feedback_form"), _form(community))
    assert page.status_code == 429
    assert "try again later" in page.content.decode()
    assert SAID in page.content.decode()
    assert Feedback.private_objects.count() == SUBMISSIONS_PER_HOUR
    other = client.post(
        reverse("feedback_form"), _form(community), REMOTE_ADDR="192.0.2.7", follow=True
    )
    assert "Feedback sent" in other.content.decode()


def test_the_confirmation_needs_a_submission(client, db):
    response = client.get(reverse("feedback_thanks"))
    assert response.status_code == 302 and response.url == reverse("feedback_form")


def test_moderator_deletes_the_contact_details_for_good(community, client):
    client.post(reverse("feedback_form"), _form(community, contact_email="ada@example.org"))
    feedback = Feedback.private_objects.get()
    client.force_login(community.outsider.user)
    assert client.post(reverse("feedback_forget_contact", args=[feedback.pk])).status_code == 404
    client.force_login(community.officer.user)
    client.post(reverse("feedback_forget_contact", args=[feedback.pk]))
    assert not SubmitterContact.objects.filter(feedback=feedback).exists()
    page = client.get(feedback.get_absolute_url()).content.decode()
    assert "ada@example.org" not in page
    assert "contact details deleted" in page  # in the history: who and when
    assert feedback.summary == SAID
