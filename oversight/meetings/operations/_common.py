"""Shared by the operations: row locks and the minutes lock."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ..models import (
    LOCKED_MESSAGE,
    Meeting,
)


def everyone():
    from oversight.visibility.viewer import Viewer

    return Viewer(is_superuser=True)


def lock_meeting(meeting: Meeting) -> Meeting:
    """The meeting row, locked for this transaction so that concurrent edits of its
    agenda queue up rather than interleave."""
    return Meeting.private_objects.select_for_update().get(pk=meeting.pk)


def refuse_if_locked(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise ValidationError(LOCKED_MESSAGE)
