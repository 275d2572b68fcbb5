"""GOV.UK Notify: with NOTIFY_API_KEY set, messages go through the official client. Only
the network edge is replaced: the HTTP session's request, which answers as Notify does."""

from __future__ import annotations

import json
from unittest import mock

import jwt
import pytest
import requests
from django.core import mail

from oversight.chasing import operations
from oversight.chasing.models import SentMessage
from oversight.chasing.sending import NotifySender, configured_sender
from oversight.visibility.viewer import Viewer

from .world import DEADLINE, OPENED

pytestmark = pytest.mark.django_db

SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


@pytest.fixture
def notify(settings):
    settings.NOTIFY_API_KEY = f"oversight_test-{SERVICE}-{SECRET}"
    settings.NOTIFY_TEMPLATES = {kind: TEMPLATE for kind in SentMessage.Kind.values}


def _answer(status=201, body=None):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body or {"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}).encode()
    response.headers["Content-Type"] = "application/json"
    return response


def test_the_notify_sender_is_chosen_when_an_api_key_is_set(notify):
    assert isinstance(configured_sender(), NotifySender)


def test_opening_a_round_asks_notify_to_send_each_owner_one_email(notify, world):
    with mock.patch.object(requests.Session, "request", return_value=_answer()) as http:
        round_, summary = operations.open_round(
            viewer=Viewer.for_user(world.officer.user),
            officer=world.officer,
            body=world.review.body,
            review=world.review,
            items=[world.nhs_item],
            deadline=DEADLINE,
            message="Please update us.",
            now=OPENED,
        )
    assert mail.outbox == []
    assert http.call_count == 1
    method, url = http.call_args.args
    kwargs = http.call_args.kwargs
    assert (method, url) == (
        "POST",
        "https://api.notifications.service.gov.uk/v2/notifications/email",
    )
    sent = json.loads(kwargs["data"])
    record = SentMessage.objects.get(round=round_)
    assert sent == {
        "email_address": "nia@example.org",
        "template_id": TEMPLATE,
        "personalisation": {"subject": record.subject, "body": record.text},
        "reference": record.reference,
    }
    token = kwargs["headers"]["Authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, SECRET, algorithms=["HS256"])["iss"] == SERVICE
    assert record.channel == "notify"
    assert summary.sent["opened"] == 1


def test_a_message_notify_refuses_is_not_recorded(notify, world):
    refusal = _answer(400, {"errors": [{"error": "BadRequestError", "message": "Bad template"}]})
    with mock.patch.object(requests.Session, "request", return_value=refusal):
        round_, summary = operations.open_round(
            viewer=Viewer.for_user(world.officer.user),
            officer=world.officer,
            body=world.review.body,
            review=world.review,
            items=[world.nhs_item],
            deadline=DEADLINE,
            message="Please update us.",
            now=OPENED,
        )
    assert len(summary.failed) == 1
    assert not SentMessage.objects.filter(round=round_).exists()
