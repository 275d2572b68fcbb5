"""How a message leaves: Django's email backend, or GOV.UK Notify when
`NOTIFY_API_KEY` is set. Both take the same `Outgoing` message; `configured_sender()`
picks one from the settings.

A Notify template for each kind of message (ids in `NOTIFY_TEMPLATES`) needs only two
personalisation fields: `((subject))` as its subject and `((body))` as its body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage


@dataclass(frozen=True)
class Outgoing:
    kind: str
    to: str
    subject: str
    text: str
    reference: str


class Sender(Protocol):
    channel: str

    def send(self, message: Outgoing) -> None:
        """Deliver `message` or raise: a message that raises is not recorded as sent."""


class EmailSender:
    """Through Django's email backend (`EMAIL_BACKEND`; the console in development)."""

    channel = "email"

    def send(self, message: Outgoing) -> None:
        EmailMessage(
            subject=message.subject,
            body=message.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers={"X-Oversight-Reference": message.reference},
        ).send(fail_silently=False)


class NotifySender:
    """Through GOV.UK Notify's API, with the official client."""

    channel = "notify"

    def __init__(self, api_key: str, templates: dict[str, str]):
        from notifications_python_client.notifications import NotificationsAPIClient

        self.client = NotificationsAPIClient(api_key)
        self.templates = templates

    def send(self, message: Outgoing) -> None:
        template_id = self.templates.get(message.kind)
        if not template_id:
            raise ImproperlyConfigured(
                f"No GOV.UK Notify template for {message.kind} messages: set "
                f"NOTIFY_TEMPLATE_{message.kind.upper()} or NOTIFY_TEMPLATE_ID."
            )
        self.client.send_email_notification(
            email_address=message.to,
            template_id=template_id,
            personalisation={"subject": message.subject, "body": message.text},
            reference=message.reference,
        )


def configured_sender() -> Sender:
    if settings.NOTIFY_API_KEY:
        return NotifySender(settings.NOTIFY_API_KEY, settings.NOTIFY_TEMPLATES)
    return EmailSender()
