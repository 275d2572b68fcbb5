"""The area-and-period form of the stop-and-search pages (GET, works without JS).

Field names are what the URLs use: `area` (an area's slug), `from` and `to` ("YYYY-MM",
both among the months imported). Errors are worded for the GOV.UK error summary.
"""

from __future__ import annotations

from django import forms
from django.utils.text import slugify

from .tables import month_label


def area_slug(area: str) -> str:
    """The area's name in URLs: "Barking and Dagenham" is barking-and-dagenham."""
    return slugify(area)


class PeriodForm(forms.Form):
    """Choose an area (from `areas`, names) and a period (from `months`, oldest first).
    The `to` month must not come before the `from` month."""

    def __init__(self, *args, areas: list[str], months: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = forms.ChoiceField(
            label="Area",
            choices=[(area_slug(a), a) for a in areas],
            error_messages={
                "required": "Choose an area",
                "invalid_choice": "Choose an area from the list",
            },
        )
        month_choices = [(m, month_label(m)) for m in months]
        self.fields["from"] = forms.ChoiceField(
            label="First month",
            choices=month_choices,
            error_messages={
                "required": "Choose the first month",
                "invalid_choice": "Choose the first month from the list",
            },
        )
        self.fields["to"] = forms.ChoiceField(
            label="Last month",
            choices=month_choices,
            error_messages={
                "required": "Choose the last month",
                "invalid_choice": "Choose the last month from the list",
            },
        )
        self.names = {area_slug(a): a for a in areas}

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("from"), data.get("to")
        if first and last and first > last:
            self.add_error("to", "The last month must be the same as or after the first month")
        return data

    @property
    def area(self) -> str:
        """The chosen area's name (after is_valid())."""
        return self.names[self.cleaned_data["area"]]
