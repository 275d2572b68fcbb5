"""`{% answered_feedback item %}`: on a commitment's or action's page, the community
feedback it answers, as the reader may see it (accepted feedback only), so the chain
reads from both ends without the tracker knowing about the community app."""

from __future__ import annotations

from django import template

from oversight.visibility.viewer import viewer_for

from ..models import Feedback

register = template.Library()


@register.inclusion_tag("community/_answered_feedback.html", takes_context=True)
def answered_feedback(context, item) -> dict:
    viewer = viewer_for(context["request"])
    feedback = (
        Feedback.objects.visible_to(viewer)
        .filter(items=item, moderation=Feedback.Moderation.ACCEPTED)
        .select_related("theme")
    )
    return {"feedback": list(feedback)}
