"""Forms for the indicator pages. They parse and validate; writes happen in operations.
Each keeps what was typed when it is shown again with errors (Django's widgets do)."""

from __future__ import annotations

from django import forms
from django.utils.text import Truncator

from oversight.directory.models import Body

from . import rules
from .models import Indicator, Value, default_area
from .operations import ValueRow, check_row, find_existing
from .periods import start_from_label

# The checked file travels back in the confirmation form, URL-encoded (up to three times
# its size); 1 MB keeps that under Django's 5 MB DATA_UPLOAD_MAX_MEMORY_SIZE.
MAX_CSV_BYTES = 1024 * 1024


class IndicatorForm(forms.ModelForm):
    slug = forms.SlugField(
        label="Short name for web addresses",
        required=False,
        max_length=100,
        help_text="Lower-case letters, numbers and hyphens. Leave blank to make one from the name.",
    )
    target_comparison = forms.ChoiceField(
        label="The target is",
        required=False,
        choices=Indicator.Comparison.choices,
        widget=forms.RadioSelect,
        help_text="Leave unselected to follow which direction is better.",
    )
    source_url = forms.URLField(label="Link to the source", required=False, assume_scheme="https")
    benchmarks = forms.CharField(
        label="Comparison series",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, for example England, London or Inner London.",
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "slug",
            "description",
            "unit",
            "better",
            "frequency",
            "target_value",
            "target_comparison",
            "body",
            "source",
            "source_url",
            "restricted",
        ]
        labels = {
            "better": "Which direction is better?",
            "target_value": "Target",
            "body": "Owning body",
            "restricted": "Restricted: only the owning body and its organisation can see it",
        }
        help_texts = {"target_value": "Leave blank if there is no target."}
        error_messages = {
            "name": {"required": "Enter the indicator's name."},
            "unit": {"required": "Enter the unit, for example cases, % or rate per 1,000."},
            "better": {"required": "Say which direction is better."},
            "frequency": {"required": "Choose how often the figure is counted."},
            "body": {"required": "Choose the body that owns the indicator."},
        }
        widgets = {
            "better": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "unit": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "target_value": forms.TextInput(
                attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}
            ),
        }

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bodies is not None:
            self.fields["body"].queryset = bodies
        if self.instance.pk and not self.is_bound:
            labels = self.instance.benchmarks.values_list("label", flat=True)
            self.initial["benchmarks"] = "\n".join(labels)

    def clean(self):
        data = super().clean()
        target, better = data.get("target_value"), data.get("better")
        if target is not None and not data.get("target_comparison") and better == rules.NEITHER:
            self.add_error("target_comparison", "Say whether the target is a minimum or a maximum.")
        return data

    def benchmark_labels(self) -> list[str]:
        return self.cleaned_data.get("benchmarks", "").splitlines()


class ValueForm(forms.Form):
    period = forms.CharField(
        label="Period",
        max_length=40,
        error_messages={"required": "Enter the period, for example 2021-06."},
        help_text="For example 2018/19, 2021-Q1 or 2021-06. Another label, such as "
        "Apr-Jun 2021, needs the date the period starts.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    period_start = forms.DateField(
        label="Date the period starts",
        required=False,
        help_text="Only needed when the period is not one of the forms above.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    value = forms.DecimalField(
        label="Value",
        max_digits=16,
        decimal_places=4,
        error_messages={
            "required": "Enter the value, for example 7 or 0.13.",
            "invalid": "Enter the value as a number alone, for example 7 or 0.13.",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
    )
    benchmark = forms.ChoiceField(label="Whose figure is it?", required=False)
    area = forms.CharField(
        label="Area",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    breakdown_dimension = forms.ChoiceField(
        label="Breakdown", required=False, choices=Value.Dimension.choices
    )
    breakdown_value = forms.CharField(
        label="Breakdown group",
        required=False,
        max_length=100,
        help_text="For example Black Caribbean, 10-17, Girls or EHC plan.",
    )
    note = forms.CharField(label="Note", required=False, max_length=500)
    replace = forms.BooleanField(
        label="Replace the figure already recorded for this period",
        required=False,
        help_text="Tick only to correct a figure. The old figure is kept in the history.",
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        area = default_area()
        self.fields["benchmark"].choices = [("", f"{area} (our own figure)")] + [
            (b.label, f"{b.label} (comparison)") for b in indicator.benchmarks.all()
        ]
        self.fields[
            "area"
        ].help_text = f"Leave blank for {area} (our own figure) or for a comparison series."
        self.row: ValueRow | None = None

    def clean(self):
        data = super().clean()
        period, start = data.get("period", ""), data.get("period_start")
        if period and start is None and "period_start" not in self.errors:
            start = start_from_label(period, self.indicator.frequency)
            if start is None:
                self.add_error(
                    "period_start", f"Give the date “{period}” starts: we cannot tell from it."
                )
        dimension, group = data.get("breakdown_dimension", ""), data.get("breakdown_value", "")
        if dimension and not group:
            self.add_error("breakdown_value", "Give the group, for example Black Caribbean.")
        if group and not dimension:
            self.add_error("breakdown_dimension", "Choose the breakdown the group belongs to.")
        if self.errors or start is None or data.get("value") is None:
            return data
        row = ValueRow(
            period_start=start,
            value=data["value"],
            period_label=period,
            area=data.get("area") or None,
            breakdown_dimension=dimension,
            breakdown_value=group,
            benchmark=data.get("benchmark", ""),
            note=data.get("note", ""),
        ).normalised(self.indicator.frequency)
        for problem in check_row(row):
            self.add_error(None, problem[:1].upper() + problem[1:] + ".")
        existing = find_existing(self.indicator, row)
        if existing is not None and existing.value != row.value and not data.get("replace"):
            self.add_error(
                "replace",
                f"{self.indicator.format_value(existing.value)} is already recorded for "
                f"{existing.period_label}. Tick the box to replace it, or change the period.",
            )
        self.row = row
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        error_messages={"required": "Choose a CSV file to import."},
        help_text="Columns: indicator, period, period_start, area, breakdown_dimension, "
        "breakdown_value, value, benchmark, note. Nothing is saved until you confirm.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB: split it into parts.")
        return upload


class ConfirmImportForm(forms.Form):
    """The checked file again, carried through the preview page unchanged; it is read
    and checked once more before anything is written."""

    csv_text = forms.CharField(widget=forms.HiddenInput, strip=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.pk}: {Truncator(obj.text).chars(90)}"


class LinkItemForm(forms.Form):
    item = ItemChoiceField(
        label="Action", queryset=None, required=False, empty_label="Choose an action"
    )
    item_number = forms.IntegerField(
        label="Or the action's number",
        required=False,
        min_value=1,
        help_text="The number in the action's web address, for example 42 in /items/42/.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items

    def clean(self):
        data = super().clean()
        chosen, number = data.get("item"), data.get("item_number")
        if chosen and number and chosen.pk != number:
            self.add_error("item_number", "Choose an action or give a number, not both.")
        elif not chosen and number:
            found = self.fields["item"].queryset.filter(pk=number).first()
            if found is None:
                # Same words for an action that does not exist and one the user may
                # not see, so a restricted action's existence is not revealed.
                self.add_error("item_number", f"There is no action number {number} you can see.")
            data["item"] = found
        elif not chosen and "item_number" not in self.errors:
            self.add_error("item", "Choose an action, or give its number.")
        return data


class FilterForm(forms.Form):
    q = forms.CharField(label="Search indicators", required=False)
    body = forms.ModelChoiceField(
        label="Owning body", queryset=Body.objects.none(), required=False, empty_label="Any"
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
