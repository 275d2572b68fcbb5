"""Who may see and do what with feedback and panel sessions. Views start here.

Moderating, answering and linking feedback belong to its recipient's officers
(`Recipient.moderated_by`); a panel's sessions are recorded by its own members, the
community members on it included."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from oversight.directory.models import Body
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import Viewer, viewer_for

from .models import Feedback, PanelSession


def can_moderate(viewer: Viewer, feedback: Feedback) -> bool:
    """Accept, decline, answer and link: officers of the organisation or body the
    feedback is for, and administrators."""
    return feedback.recipient.moderated_by(viewer)


def can_log_feedback(viewer: Viewer) -> bool:
    """Anyone signed in logs what they heard; the public use the public form."""
    return viewer.is_authenticated and viewer.person_id is not None


def can_record_session(viewer: Viewer, panel: Body) -> bool:
    """A panel's current members (community members too) and administrators."""
    return viewer.is_admin or (viewer.person_id is not None and panel.pk in viewer.body_ids)


def get_feedback_for_user(request: HttpRequest, pk: int) -> tuple[Feedback, bool]:
    """The feedback if this viewer may see it (else 404), and whether they moderate it."""
    viewer = viewer_for(request)
    qs = Feedback.objects.visible_to(viewer).select_related(
        "theme", "for_organisation", "for_body", "meeting", "session__panel", "logged_by"
    )
    feedback = get_visible(qs, viewer, pk)
    return feedback, can_moderate(viewer, feedback)


def get_panel_for_user(request: HttpRequest, pk: int) -> tuple[Body, bool]:
    """The panel (bodies are not restricted; else 404), and whether this viewer may
    record its sessions."""
    panel = Body.objects.filter(pk=pk).first()
    if panel is None:
        raise Http404("No such panel")
    return panel, can_record_session(viewer_for(request), panel)


def get_session_for_user(request: HttpRequest, pk: int) -> tuple[PanelSession, bool]:
    """The panel session if this viewer may see it (else 404), and whether they may see
    who was there: its panel's members and the recipient's officers."""
    viewer = viewer_for(request)
    qs = PanelSession.objects.visible_to(viewer).select_related(
        "panel", "for_organisation", "for_body"
    )
    session = get_visible(qs, viewer, pk)
    return session, can_record_session(viewer, session.panel) or session.recipient.moderated_by(
        viewer
    )
