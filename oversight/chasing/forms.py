"""The form that opens an update round. It parses and validates; operations writes."""

from __future__ import annotations

from django import forms

from oversight.tracker.models import TrackedItem


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: TrackedItem) -> str:
        return f"{obj.text[:140]} ({obj.owner_label}; due {obj.due_label()})"


class RoundForm(forms.Form):
    items = ItemChoiceField(
        label="Which items need an update?",
        help_text="The open items are ticked. Each owner is written to once, about theirs.",
        queryset=TrackedItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one item."},
    )
    deadline = forms.DateField(
        label="Deadline for updates",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    message = forms.CharField(
        label="Covering message",
        help_text="Every owner receives this above the list of their items.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write a covering message for the owners."},
    )
    reminder_days = forms.IntegerField(
        label="Send a reminder this many days before the deadline",
        required=False,
        min_value=1,
        max_value=90,
        initial=7,
        help_text="Leave empty for no reminder.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    escalation_days = forms.IntegerField(
        label="Escalate this many days after the deadline",
        required=False,
        min_value=0,
        max_value=90,
        initial=7,
        help_text="Written to the lead contact of the owner's organisation, copied to you. "
        "Leave empty for no escalation.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    weekly_digest = forms.BooleanField(
        label="Send each owner a weekly digest of their overdue updates",
        required=False,
        initial=True,
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = items
