"""Forms for the tracker's pages. They parse and validate; writes happen in operations."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from oversight.directory.models import Body, Organisation, Person

from .models import Recommendation, Response, Review, TrackedItem
from .rag import Rag


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several evidence files in one input; each checked against the size limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files]
        for f in cleaned:
            if f.size > settings.MAX_UPLOAD_BYTES:
                limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
                raise ValidationError(f"{f.name} is larger than {limit} MB. Upload a smaller file.")
        return cleaned


class UpdateForm(forms.Form):
    narrative = forms.CharField(
        label="What has happened since the last update?",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    status = forms.ChoiceField(label="Status", choices=TrackedItem.Status.choices)
    progress = forms.IntegerField(
        label="Progress (per cent)",
        min_value=0,
        max_value=100,
        initial=0,
        help_text="How much of the work is done, from 0 to 100. Complete counts as 100.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    files = MultipleFileField(
        label="Evidence files",
        required=False,
        help_text="Documents, reports or photos that show the work was done.",
    )
    link = forms.URLField(
        label="Evidence link",
        required=False,
        assume_scheme="https",
        help_text="A web page that shows the work, for example a published report.",
    )
    evidence_note = forms.CharField(
        label="What the evidence shows",
        required=False,
        max_length=500,
    )


class VerifyForm(forms.Form):
    checked = forms.CharField(
        label="What did you check?",
        help_text="Everyone who can see this item reads this. Say which evidence you "
        "looked at and what it shows, for example the published report and its date.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what you checked before verifying."},
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why are you returning this item?",
        help_text="The owner sees this reason. Say what evidence or work is missing.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ResponseForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Responding organisation", queryset=Organisation.objects.all()
    )
    position = forms.ChoiceField(label="Position", choices=Response.Position.choices)
    text = forms.CharField(label="Response", widget=forms.Textarea(attrs={"rows": 8}))


class ReviewForm(forms.ModelForm):
    source_url = forms.URLField(
        label="Link to the review's report", required=False, assume_scheme="https"
    )

    class Meta:
        model = Review
        fields = ["title", "body", "date", "summary", "source_url", "published", "restricted"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        labels = {"body": "Commission or body", "published": "Publish on the public site"}


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = [
            "number",
            "title",
            "text",
            "addressed_to_orgs",
            "addressed_to_bodies",
            "closed",
            "restricted",
        ]
        labels = {
            "addressed_to_orgs": "Addressed to organisations",
            "addressed_to_bodies": "Addressed to bodies",
        }
        widgets = {
            "number": forms.TextInput(attrs={"class": "govuk-input--width-4"}),
            "addressed_to_orgs": forms.CheckboxSelectMultiple,
            "addressed_to_bodies": forms.CheckboxSelectMultiple,
        }


class ItemForm(forms.ModelForm):
    class Meta:
        model = TrackedItem
        fields = [
            "text",
            "owner_person",
            "owner_org",
            "start_date",
            "due_date",
            "due_precision",
            "restricted",
        ]
        labels = {
            "text": "What will be done",
            "owner_person": "Owner (person)",
            "owner_org": "Owner (organisation)",
            "due_precision": "The due date names",
        }
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "due_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Either may be left empty, but not both: neither is labelled "(optional)".
        for name in ("owner_person", "owner_org"):
            self.fields[name].one_of_required = True
        self.fields["owner_person"].help_text = "A person, an organisation or both."

    def clean(self):
        data = super().clean()
        start, due = data.get("start_date"), data.get("due_date")
        if start and due and due < start:
            self.add_error("due_date", "The due date must be on or after the start date.")
        if not data.get("owner_person") and not data.get("owner_org"):
            self.add_error(
                "owner_org", "Give the item an owner: a person, an organisation or both."
            )
        return data


class HandoverForm(forms.Form):
    predecessor = forms.ModelChoiceField(
        label="Hand over everything owned by", queryset=Person.objects.all()
    )
    successor = forms.ModelChoiceField(label="To", queryset=Person.objects.all())

    def clean(self):
        data = super().clean()
        if data.get("predecessor") and data.get("predecessor") == data.get("successor"):
            self.add_error("successor", "Choose someone other than the person handing over.")
        return data


class ListFilterForm(forms.Form):
    """Filters shared by the recommendation and item lists. All optional."""

    q = forms.CharField(label="Search", required=False)
    body = forms.ModelChoiceField(
        label="Commission or body", queryset=Body.objects.all(), required=False
    )
    organisation = forms.ModelChoiceField(
        label="Organisation", queryset=Organisation.objects.all(), required=False
    )
    status = forms.ChoiceField(label="Status", required=False)
    rag = forms.ChoiceField(
        label="RAG",
        required=False,
        choices=[("", "Any")] + [(r.value, r.label) for r in Rag],
    )

    def __init__(self, *args, status_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any"), *status_choices]
