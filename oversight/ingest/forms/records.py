"""One small form per kind of record of the extraction contract, each field checked as
the contract's schema checks it, and the formsets that hold a section's records."""

from __future__ import annotations

import re
from datetime import time

from django import forms
from django.core.exceptions import ValidationError

from ..loading import parse_due

_NUMBER = re.compile(r"[0-9]+[a-z]?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
_TIME = re.compile(r"[0-2][0-9]:[0-5][0-9]")


def validate_number(value: str) -> None:
    if not _NUMBER.fullmatch(value):
        raise ValidationError(
            "Enter the number as digits, with a letter if it has one, like 7 or 7a"
        )


def validate_date(value: str) -> None:
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        parse_due(value)
    except ValueError:
        raise ValidationError(
            "Enter a real date as YYYY-MM-DD, or YYYY-MM for a month, like 2020-04-01"
        ) from None


def validate_time(value: str) -> None:
    try:
        if not _TIME.fullmatch(value):
            raise ValueError
        time.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "Enter a real time as HH:MM on the 24-hour clock, like 14:15"
        ) from None


def _text(label: str, *, required: bool = False, rows: int = 0, help_text: str = "", **kw):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    messages = {"required": f"Enter the {label.lower()}"}
    return forms.CharField(
        label=label,
        required=required,
        widget=widget,
        help_text=help_text,
        error_messages=messages,
        **kw,
    )


def _number(label: str = "Number", help_text: str = ""):
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        validators=[validate_number],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4"}),
    )


def _date(label: str, help_text: str = "YYYY-MM-DD, or YYYY-MM when only the month is given."):
    return forms.CharField(
        label=label,
        required=False,
        validators=[validate_date],
        help_text=help_text,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )


def _time(label: str):
    return forms.CharField(
        label=label,
        required=False,
        validators=[validate_time],
        help_text="HH:MM, 24-hour clock.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )


def _lines(label: str, help_text: str):
    return _text(label, rows=2, help_text=help_text)


def _split_lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


# --- one form per kind of record ---------------------------------------------------------


class RecordForm(forms.Form):
    """A record of the contract: `record()` gives its JSON from the cleaned data (blank
    text as null, the contract's "unknown"); `initial_from(record)` the reverse."""

    LIST_FIELDS: tuple[str, ...] = ()

    def value(self, name: str):
        v = self.cleaned_data.get(name)
        if isinstance(v, str):
            return v.strip() or None
        return v

    def record(self) -> dict:
        out = {}
        for name in self.fields:
            if name == "DELETE":
                continue
            out[name] = (
                _split_lines(self.cleaned_data.get(name, ""))
                if name in self.LIST_FIELDS
                else self.value(name)
            )
        return out

    @classmethod
    def initial_from(cls, record: dict) -> dict:
        initial = {}
        for name, value in (record or {}).items():
            if name in cls.LIST_FIELDS:
                initial[name] = "\n".join(value or [])
            elif value is not None and not isinstance(value, list | dict):
                initial[name] = value
        return initial


DOCUMENT_KINDS = [
    ("scrutiny_response", "A response to a scrutiny review's recommendations"),
    ("scrutiny_report", "A scrutiny review's own report"),
    ("agenda", "A meeting's agenda"),
    ("minutes", "A meeting's minutes or notes"),
    ("other", "Something else"),
]


class DocumentForm(RecordForm):
    title = _text(
        "Title",
        rows=2,
        help_text="A review, or a response to one, is filed under the scrutiny commission "
        "its title names, unless you choose the body under “Where the records are filed”.",
    )
    kind = forms.ChoiceField(label="What kind of document is it?", choices=DOCUMENT_KINDS)
    date = _date("Date of the document")


class MeetingForm(RecordForm):
    body = _text("Body that met", help_text="The board, commission or partnership.")
    date = _date("Date of the meeting", help_text="YYYY-MM-DD.")
    start = _time("Start time")
    end = _time("End time")
    venue = _text("Venue or link")
    chair = _text("Chair", help_text="The person's name, without their role.")

    def record(self) -> dict | None:
        """None when every field is blank: the document is for no meeting."""
        out = super().record()
        return out if any(out.values()) else None


class AttendeeForm(RecordForm):
    name = _text("Name", required=True)
    organisation = _text("Organisation")


class AgendaItemForm(RecordForm):
    LIST_FIELDS = ("presenters",)
    number = _number()
    title = _text("Title")
    start = _time("Start time")
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the length as a whole number of minutes",
            "min_value": "The length cannot be negative",
        },
    )
    presenters = _lines("Presenters", "One per line.")


class RecommendationForm(RecordForm):
    LIST_FIELDS = ("addressees",)
    number = _number()
    title = _text("Title")
    text = _text("Text of the recommendation", required=True, rows=4)
    addressees = _lines("Addressed to", "The bodies it is addressed to, one per line.")

    def record(self) -> dict:
        return {**super().record(), "responses": []}


class ResponseForm(RecordForm):
    responder = _text("Responder", help_text="As the document labels them, like MPS.")
    text = _text("Text of the response", required=True, rows=5)


class NewResponseForm(ResponseForm):
    """A response the importer missed, to one of the recommendations shown."""

    recommendation = forms.ChoiceField(label="To recommendation", required=False)

    field_order = ["recommendation", "responder", "text"]

    def __init__(self, *args, recommendations: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False
        self.fields["recommendation"].choices = [("", "Choose a recommendation")] + recommendations

    def clean(self):
        data = super().clean()
        if self.has_changed() and not data.get("recommendation"):
            self.add_error("recommendation", "Choose the recommendation this response answers")
        return data

    def parent(self) -> int | None:
        if not self.has_changed() or not self.is_valid():
            return None
        return int(self.cleaned_data["recommendation"])

    def record(self) -> dict:
        return {"responder": self.value("responder"), "text": self.value("text")}


class QuestionForm(RecordForm):
    number = _number()
    text = _text("Question", required=True, rows=3)
    response = _text("Answer", rows=3)


class ActionForm(RecordForm):
    text = _text("What is to be done", required=True, rows=3)
    owner = _text("Owner", help_text="A person or a body.")
    due = _date("Due")
    update = _text("Progress update", rows=2)


class CommitmentForm(RecordForm):
    text = _text("What is promised", required=True, rows=3)
    due = _date("Due")
    recommendation = _number(
        "Answers recommendation number",
        "As “Recommendations and responses” shows it: its number, or its place in the "
        "list when the document numbers none.",
    )


class FilingForm(forms.Form):
    """Where the records go, over what the document says: the body to file them under
    and the organisation that responds, each an existing directory record or a new one
    by name. Left blank, the importer goes by the document. `filing()` is what
    ImportedDocument.filing stores."""

    body = forms.ChoiceField(label="Body the records are filed under", required=False)
    new_body = _text("Name of the new body")
    responder = forms.ChoiceField(label="Organisation that responds", required=False)
    new_responder = _text("Name of the new organisation")

    def __init__(self, *args, bodies, organisations, named_body: str, responds: bool, **kw):
        super().__init__(*args, **kw)
        document = "As the document says"
        if named_body:
            document = f"As the document names it: {named_body}"
        self.fields["body"].choices = [
            ("", document),
            ("new", "Create a new body named below"),
            *[(str(b.pk), b.name) for b in bodies],
        ]
        self.fields["body"].help_text = (
            "A review is filed under the commission or committee that made the "
            "recommendations; a meeting under the body that met. Choose one from the "
            "directory, or create it."
        )
        self.fields["new_body"].help_text = "Only when creating a new body, as it should appear."
        if responds:
            self.fields["responder"].choices = [
                ("", "As the document says"),
                ("new", "Create a new organisation named below"),
                *[(str(o.pk), o.name) for o in organisations],
            ]
            self.fields["responder"].help_text = (
                "It answers responses that name no one, and owns the commitments no "
                "response claims. A commitment with no owner counts as overdue."
            )
            self.fields[
                "new_responder"
            ].help_text = "Only when creating a new organisation, as it should appear."
        else:
            del self.fields["responder"], self.fields["new_responder"]

    def clean(self):
        data = super().clean()
        for choice, name, what in (
            ("body", "new_body", "body"),
            ("responder", "new_responder", "organisation"),
        ):
            if choice not in self.fields:
                continue
            if data.get(choice) == "new" and not (data.get(name) or "").strip():
                self.add_error(name, f"Enter the name of the new {what}")
            elif (data.get(name) or "").strip() and data.get(choice) != "new":
                new = data[name].strip()
                self.add_error(choice, f"Choose “Create a new {what} named below” to create {new}")
        return data

    def filing(self) -> dict:
        data = self.cleaned_data
        out = {}
        for choice, name in (("body", "new_body"), ("responder", "new_responder")):
            if data.get(choice):
                out[choice] = data[choice]
                if data[choice] == "new":
                    out[name] = " ".join(data[name].split())[:200]
        return out


class RecordFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Do not import"


def _formset(form, *, extra: int = 1):
    return forms.formset_factory(
        form, formset=RecordFormSet, extra=extra, can_delete=True, can_delete_extra=False
    )


FORMS = {
    "attendees": AttendeeForm,
    "agenda_items": AgendaItemForm,
    "recommendations": RecommendationForm,
    "questions": QuestionForm,
    "actions": ActionForm,
    "commitments": CommitmentForm,
}
FORMSETS = {kind: _formset(form) for kind, form in FORMS.items()}
ResponseFormSet = _formset(ResponseForm, extra=0)
