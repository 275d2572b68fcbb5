"""The connector's forms: the site's address, and the committees to follow."""

from __future__ import annotations

from django import forms


class ConnectForm(forms.Form):
    url = forms.CharField(
        label="Address of the council's ModernGov site",
        help_text="Its root, for example https://hackney.moderngov.co.uk",
        max_length=200,
    )


class FollowForm(forms.Form):
    committees = forms.MultipleChoiceField(
        label="Committees and boards to follow",
        help_text="Their meetings, agendas, attendance, minutes and papers will be synced. "
        "Each is filed under the body of the same name in the directory, or a new one.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    since = forms.DateField(
        label="Bring in meetings from",
        help_text="For newly followed committees, as YYYY-MM-DD, for example 2025-01-01. "
        "Leave empty for the last year.",
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committees"].choices = [(str(c.id), f"{c.title} ({c.id})") for c in committees]
