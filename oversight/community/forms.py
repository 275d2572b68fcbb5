"""The community forms. They parse and validate what was typed; operations write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

from oversight.directory.models import Body, Organisation, Person

from .models import Feedback, Recipient, Theme

REVIEWED_LINES = 4
FINDING_LINES = 5


def recipient_choices(public_only: bool) -> list:
    """Who feedback can be for, grouped: organisations, then bodies (public ones only
    on the public form)."""
    bodies = Body.objects.order_by("name")
    if public_only:
        bodies = bodies.filter(is_public=True)
    return [
        ("", "Choose who it is for"),
        ("Organisations", [(f"organisation-{o.pk}", o.name) for o in Organisation.objects.all()]),
        ("Partnerships, boards and panels", [(f"body-{b.pk}", b.name) for b in bodies]),
    ]


class RecipientField(forms.ChoiceField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return Recipient.from_key(value)
        except Http404 as exc:  # a key from the list whose record has since gone
            raise ValidationError("Choose who it is for from the list.") from exc


class ThemeField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Theme.objects.filter(active=True))
        kwargs.setdefault("label", "What is it about?")
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("error_messages", {"required": "Choose what it is about."})
        super().__init__(**kwargs)


class PublicFeedbackForm(forms.Form):
    summary = forms.CharField(
        label="What would you like to tell us?",
        help_text="In your own words. Please do not include anyone's name, address or other "
        "personal details, including your own: what you write here may be published.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": "Tell us what you would like to say."},
    )
    recipient = RecipientField(
        label="Who is it for?",
        help_text="The organisation or group you would like to answer it.",
        error_messages={"required": "Choose who it is for."},
    )
    theme = ThemeField(widget=forms.RadioSelect)
    area = forms.CharField(
        label="Area or ward",
        required=False,
        max_length=100,
        help_text="For example Hackney Wick. Leave empty if it is about the whole borough.",
    )
    contact_name = forms.CharField(
        label="Your name",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label="Your email address",
        required=False,
        help_text="Only if you would like us to contact you about it. Only the people who "
        "read feedback for the organisation you chose see it; it is never published.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )
    consent = forms.BooleanField(
        label="I have read the privacy notice and agree to my feedback being used as it says",
        error_messages={"required": "Agree to the privacy notice to send your feedback."},
    )
    # The honeypot: hidden from people (and from assistive technology) by the
    # template; a program that fills in every field fills this in too.
    website = forms.CharField(label="Leave this empty", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = recipient_choices(public_only=True)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class LogFeedbackForm(forms.Form):
    summary = forms.CharField(
        label="What was said?",
        help_text="A summary in plain words, without anyone's name or personal details.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what was said."},
    )
    source = forms.ChoiceField(
        label="Where did it come from?",
        # The public form and panel sessions file their own feedback.
        choices=[
            c
            for c in Feedback.Source.choices
            if c[0] not in (Feedback.Source.PANEL, Feedback.Source.FORM)
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where it came from."},
    )
    received_on = forms.DateField(
        label="When was it said?",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the date it was said.", "invalid": "Enter a real date."},
    )
    recipient = RecipientField(
        label="Who is it for?", error_messages={"required": "Choose who it is for."}
    )
    theme = ThemeField(widget=forms.RadioSelect)
    area = forms.CharField(label="Area or ward", required=False, max_length=100)
    meeting = forms.ModelChoiceField(
        label="Meeting it was heard at",
        required=False,
        queryset=None,
        empty_label="Not at a meeting",
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = recipient_choices(public_only=False)
        self.fields["meeting"].queryset = meetings


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(
        label="Publish this feedback?",
        choices=[
            ("accept", "Accept: publish it with the summary below"),
            ("decline", "Decline: never publish it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept or decline it."},
    )
    summary = forms.CharField(
        label="Summary to publish",
        help_text="Take out anything that could identify a person. The summary as received "
        "is kept, for moderators only.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "The summary to publish cannot be empty."},
    )
    note = forms.CharField(
        label="What you changed, or why you declined it",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(forms.Form):
    position = forms.ChoiceField(
        label="Your response",
        choices=Feedback.Position.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accepted, in progress or not taken forward."},
    )
    response = forms.CharField(
        label="What you will tell the community",
        help_text="What you are doing about it, or why it is not being taken forward.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write the response the community will read."},
    )


class ItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.text[:140]} ({obj.owner_label}; due {obj.due_label()})"


class RecommendationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)[:160]


class LinkForm(forms.Form):
    items = ItemChoiceField(
        label="Commitments and actions",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    recommendations = RecommendationChoiceField(
        label="Recommendations",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, items, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = items
        self.fields["recommendations"].queryset = recommendations

    def clean(self):
        data = super().clean()
        if not data.get("items") and not data.get("recommendations"):
            raise ValidationError("Choose at least one action, commitment or recommendation.")
        return data


class NewActionForm(forms.Form):
    text = forms.CharField(
        label="What will be done?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what will be done."},
    )
    plan = forms.ModelChoiceField(
        label="Action plan it belongs to",
        queryset=None,
        empty_label="Choose an action plan",
        error_messages={"required": "Choose the action plan it belongs to."},
    )
    owner_org = forms.ModelChoiceField(
        label="Owning organisation",
        queryset=Organisation.objects.all(),
        error_messages={"required": "Choose the organisation that owns it."},
    )
    due_date = forms.DateField(
        label="Due date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date."},
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class PanelSessionForm(forms.Form):
    held_on = forms.DateField(
        label="Date of the session",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Enter the date of the session.",
            "invalid": "Enter a real date.",
        },
    )
    recipient = RecipientField(
        label="Whose work did the panel review?",
        help_text="Its findings go to them as feedback.",
        error_messages={"required": "Choose whose work the panel reviewed."},
    )
    members_present = forms.ModelMultipleChoiceField(
        label="Members present",
        required=False,
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    what = forms.CharField(
        label="What did the panel review?",
        initial="Body-worn video clips",
        max_length=200,
        error_messages={"required": "Say what the panel reviewed."},
    )
    notes = forms.CharField(
        label="Other notes", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = recipient_choices(public_only=False)
        self.fields["members_present"].queryset = members
        for n in range(1, REVIEWED_LINES + 1):
            self.fields[f"kind_{n}"] = forms.CharField(
                label=f"Search type {n}",
                required=False,
                max_length=200,
                help_text="For example drugs, weapons, going equipped." if n == 1 else "",
            )
            self.fields[f"count_{n}"] = forms.IntegerField(
                label=f"Number reviewed, search type {n}",
                required=False,
                min_value=0,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
                error_messages={
                    "min_value": "A number cannot be negative.",
                    "invalid": "Enter a whole number.",
                },
            )
        for n in range(1, FINDING_LINES + 1):
            self.fields[f"finding_{n}"] = forms.CharField(
                label=f"Finding {n}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"theme_{n}"] = forms.ModelChoiceField(
                label=f"Theme of finding {n}",
                required=False,
                queryset=Theme.objects.filter(active=True),
                empty_label="Choose a theme",
            )

    def reviewed_lines(self) -> list[tuple[str, int]]:
        return [
            (self.cleaned_data.get(f"kind_{n}") or "", self.cleaned_data[f"count_{n}"])
            for n in range(1, REVIEWED_LINES + 1)
            if self.cleaned_data.get(f"count_{n}") is not None
        ]

    def findings(self) -> list[tuple[str, Theme]]:
        return [
            (self.cleaned_data[f"finding_{n}"], self.cleaned_data[f"theme_{n}"])
            for n in range(1, FINDING_LINES + 1)
            if (self.cleaned_data.get(f"finding_{n}") or "").strip()
        ]

    def clean(self):
        data = super().clean()
        any_finding = False
        for n in range(1, FINDING_LINES + 1):
            if (data.get(f"finding_{n}") or "").strip():
                any_finding = True
                if not data.get(f"theme_{n}"):
                    self.add_error(f"theme_{n}", f"Choose a theme for finding {n}.")
        if not any_finding:
            self.add_error("finding_1", "Write at least one finding.")
        return data
