from __future__ import annotations

from django import forms

from oversight.meetings.models import ForwardPlanItem
from oversight.tracker.models import Review
from oversight.visibility.viewer import Viewer

from .access import can_issue_report
from .models import Audience


class ReportForm(forms.Form):
    """What the review page's "Download the update report" form asks."""

    format = forms.ChoiceField(
        label="Format",
        choices=[
            ("pdf", "PDF"),
            ("docx", "Word document (DOCX)"),
            ("html", "Web page (HTML)"),
        ],
        initial="pdf",
        widget=forms.RadioSelect,
    )
    audience = forms.ChoiceField(
        label="Version",
        choices=[
            (Audience.PUBLIC, "Public: restricted records left out"),
            (Audience.RESTRICTED, "Restricted: not for publication"),
        ],
        initial=Audience.PUBLIC,
        widget=forms.RadioSelect,
    )
    issue = forms.BooleanField(
        label="Record this report as issued to the commission",
        help_text="The next report will then say what has changed since this one.",
        required=False,
    )


def report_form_for(viewer: Viewer, review: Review, data=None) -> ReportForm:
    """The form as `viewer` may use it: only those who may issue a report are offered
    to record it as issued, and to say which forward plan entry of the review asked for
    it (when there is one they may see)."""
    form = ReportForm(data)
    if not can_issue_report(viewer):
        del form.fields["issue"]
        return form
    entries = ForwardPlanItem.objects.visible_to(viewer).filter(review=review, withdrawn=False)
    if entries.exists():
        form.fields["forward_plan_item"] = forms.ModelChoiceField(
            label="The forward plan entry that asked for this report",
            queryset=entries.order_by("due_by", "pk"),
            required=False,
            empty_label="None",
            help_text="Only when the report is recorded as issued.",
        )
    return form
