"""Forms for the meeting pages. They parse and validate; writes happen in operations.
Rendered by the GOV.UK form renderer (`{{ form }}`)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from oversight.directory.models import Body, Organisation, Person
from oversight.tracker.models import Review, TrackedItem
from oversight.visibility.viewer import Viewer

from .forward_plan import WINDOWS, window
from .models import AgendaItem, Attendance, ForwardPlanItem, Meeting


def _date_input():
    # An explicit format: en-GB would otherwise put 27/09/2021 in a type=date input.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PersonChoiceField(forms.ModelChoiceField):
    """People from the directory, named with their organisation."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Person.objects.select_related("organisation"))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.name} ({obj.organisation})" if obj.organisation else obj.name


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.date.day} {obj.date:%B %Y}: {obj}"


class MeetingForm(forms.ModelForm):
    chair = PersonChoiceField(label="Chair", required=False)
    online_link = forms.URLField(
        label="Online meeting link", required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = Meeting
        fields = [
            "body",
            "title",
            "date",
            "start",
            "end",
            "venue",
            "online_link",
            "chair",
            "published",
            "restricted",
        ]
        labels = {
            "body": "Body",
            "title": "Title",
            "start": "Start time",
            "end": "End time",
            "published": "Publish on the public site",
            "restricted": "Restricted: only members of the body can see this meeting",
        }
        help_texts = {
            "title": "For example, Statutory Officer Group – Quarter 3, 2021/22.",
            "start": "For example, 14:00. Agenda times are worked out from it.",
            "restricted": "",
        }
        widgets = {
            "date": _date_input(),
            "start": _time_input(),
            "end": _time_input(),
        }

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["body"]
        elif bodies is not None:
            self.fields["body"].queryset = bodies

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", "The meeting must end after it starts.")
        return data


class NextMeetingForm(forms.Form):
    date = forms.DateField(label="Date of the next meeting", widget=_date_input())
    start = forms.TimeField(label="Start time", required=False, widget=_time_input())
    end = forms.TimeField(label="End time", required=False, widget=_time_input())
    title = forms.CharField(label="Title", required=False, max_length=300)
    venue = forms.CharField(label="Venue", required=False, max_length=300)
    online_link = forms.URLField(label="Online meeting link", required=False, assume_scheme="https")

    def __init__(self, *args, previous: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous = previous

    def clean(self):
        data = super().clean()
        if data.get("date") and data["date"] <= self.previous.date:
            self.add_error("date", "The next meeting must be after this one.")
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", "The meeting must end after it starts.")
        return data


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="Title", max_length=500)
    leads = forms.CharField(
        label="Leads",
        required=False,
        max_length=500,
        help_text="Who presents the item. Separate names with commas.",
    )
    purpose = forms.ChoiceField(
        label="Purpose",
        required=False,
        choices=[c for c in AgendaItem.Purpose.choices if c[0]],
        widget=forms.RadioSelect,
    )
    duration_minutes = forms.IntegerField(
        label="Duration in minutes",
        required=False,
        min_value=1,
        max_value=600,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    pinned_start = forms.TimeField(
        label="Pin the start time",
        required=False,
        widget=_time_input(),
        help_text="Only if the item must start at a set time. Otherwise it starts when "
        "the item before it ends.",
    )
    standing = forms.BooleanField(
        label="Standing item: it recurs on every agenda of this body", required=False
    )
    actions_item = forms.BooleanField(
        label="Open actions from earlier meetings are taken under this item",
        required=False,
        help_text="As in “Notes, actions and updates”.",
    )
    restricted = forms.BooleanField(
        label="Exempt item: only members of the body can see it", required=False
    )

    @classmethod
    def initial_for(cls, item: AgendaItem) -> dict:
        return {
            "title": item.title,
            "leads": item.leads,
            "purpose": item.purpose,
            "duration_minutes": item.duration_minutes,
            "pinned_start": item.start if item.start_pinned else None,
            "standing": item.standing,
            "actions_item": item.kind == AgendaItem.Kind.ACTIONS,
            "restricted": item.restricted,
        }

    def operation_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "title": d["title"],
            "presenters": [p.strip() for p in d["leads"].split(",") if p.strip()],
            "purpose": d["purpose"] or "",
            "duration_minutes": d["duration_minutes"],
            "standing": d["standing"],
            "kind": AgendaItem.Kind.ACTIONS if d["actions_item"] else AgendaItem.Kind.ITEM,
            "restricted": d["restricted"],
        }


class AttendeeForm(forms.Form):
    person = PersonChoiceField(label="Person")
    status = forms.ChoiceField(
        label="Attendance", choices=Attendance.Status.choices, widget=forms.RadioSelect
    )
    substitute_for = PersonChoiceField(
        label="Substituting for",
        required=False,
        help_text="If they came in place of a member, choose the member.",
    )

    def clean(self):
        data = super().clean()
        person, sub = data.get("person"), data.get("substitute_for")
        if sub and person and sub.pk == person.pk:
            self.add_error("substitute_for", "Someone cannot substitute for themselves.")
        if sub and data.get("status") and data["status"] != Attendance.Status.PRESENT:
            self.add_error("status", "A substitute is someone who was present.")
        return data


class AttendanceListForm(forms.Form):
    """One question per person: present, apologies, absent or not recorded."""

    NOT_RECORDED = ""

    def __init__(self, *args, people, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = list(people)
        choices = [*Attendance.Status.choices, (self.NOT_RECORDED, "Not recorded")]
        for person in self.people:
            label = f"{person.name} ({person.organisation})" if person.organisation else person.name
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=current.get(person.pk, self.NOT_RECORDED),
            )

    def answers(self) -> list[tuple[Person, str]]:
        return [(p, self.cleaned_data.get(f"person_{p.pk}") or "") for p in self.people]


class NotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes of the discussion",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="What was reported and discussed. Decisions and actions are recorded "
        "separately below.",
    )


class DecisionForm(forms.Form):
    text = forms.CharField(label="What was decided", widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    text = forms.CharField(label="What is to be done", widget=forms.Textarea(attrs={"rows": 3}))
    owner_person = PersonChoiceField(label="Owner", required=False)
    owner_org = forms.ModelChoiceField(
        label="Owning organisation",
        queryset=Organisation.objects.all(),
        required=False,
        help_text="If no one person owns it, or to record their organisation.",
    )
    due_date = forms.DateField(label="Due date", required=False, widget=_date_input())
    due_precision = forms.ChoiceField(
        label="The due date names",
        choices=TrackedItem.Precision.choices,
        initial=TrackedItem.Precision.DAY,
        help_text="Choose Month if it is due by the end of that month.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Either may be left empty, but not both: neither is labelled "(optional)".
        for name in ("owner_person", "owner_org"):
            self.fields[name].one_of_required = True
        self.fields["owner_person"].help_text = "A person, an organisation or both."

    def clean(self):
        data = super().clean()
        if not data.get("owner_person") and not data.get("owner_org"):
            self.add_error(
                "owner_person", "Give the action an owner: a person, an organisation or both."
            )
        return data


class CarriedActionForm(forms.Form):
    OPEN, CLOSED = "open", "closed"
    narrative = forms.CharField(
        label="What was reported at the meeting", widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome = forms.ChoiceField(
        label="Is the action done?",
        choices=[(OPEN, "No: it stays open"), (CLOSED, "Yes: close the action")],
        widget=forms.RadioSelect,
    )
    progress = forms.IntegerField(
        label="Progress (per cent)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="If it stays open: how much of the work is done, from 0 to 100.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )


class ApproveMinutesForm(forms.Form):
    at = MeetingChoiceField(
        label="Approved at the meeting of",
        queryset=Meeting.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, meeting: Meeting, viewer: Viewer, **kwargs):
        super().__init__(*args, **kwargs)
        later = (
            Meeting.objects.visible_to(viewer)
            .filter(body_id=meeting.body_id, date__gte=meeting.date)
            .exclude(pk=meeting.pk)
            .filter(status=Meeting.Status.HELD)
            .order_by("date", "start", "pk")
        )
        self.fields["at"].queryset = later


class CorrectionForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label="Item corrected",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="The minutes as a whole",
    )
    text = forms.CharField(
        label="What the minutes should say", widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label="Why the correction is needed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    agreed_at = MeetingChoiceField(
        label="Agreed at the meeting of",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not agreed at a meeting",
    )

    def __init__(self, *args, meeting: Meeting, items, viewer: Viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = items
        self.fields["agreed_at"].queryset = (
            Meeting.objects.visible_to(viewer)
            .filter(body_id=meeting.body_id, date__gte=meeting.date)
            .exclude(pk=meeting.pk)
        )


class PaperForm(forms.Form):
    file = forms.FileField(label="File")
    title = forms.CharField(
        label="Title", required=False, max_length=300, help_text="If not given, the file name."
    )
    agenda_item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="The meeting as a whole",
    )
    restricted = forms.BooleanField(
        label="Restricted: only members of the body can see it", required=False
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = items

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > settings.MAX_UPLOAD_BYTES:
            limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
            raise ValidationError(f"{f.name} is larger than {limit} MB. Upload a smaller file.")
        return f


class ForwardPlanForm(forms.ModelForm):
    CUSTOM = ""
    window = forms.ChoiceField(
        label="When is it due?",
        required=False,
        choices=[(CUSTOM, "Between the dates below")] + [(k, label) for k, label, *_ in WINDOWS],
        help_text="Commissions often ask for an update “in 9 to 12 months”.",
    )
    asked_on = forms.DateField(
        label="Asked for on",
        required=False,
        widget=_date_input(),
        help_text="The date the update was asked for, if you chose a period above.",
    )
    meeting = MeetingChoiceField(
        label="Planned for the meeting of", queryset=Meeting.objects.none(), required=False
    )

    class Meta:
        model = ForwardPlanItem
        fields = [
            "title",
            "description",
            "lead",
            "purpose",
            "duration_minutes",
            "requested_by",
            "review",
            "window",
            "asked_on",
            "due_from",
            "due_by",
            "recurrence",
            "meeting",
            "restricted",
        ]
        labels = {
            "title": "What is to come to the meeting",
            "description": "Details",
            "lead": "Lead",
            "duration_minutes": "Duration in minutes",
            "requested_by": "Asked for by",
            "review": "About the review",
            "due_from": "Due from",
            "due_by": "Due by",
            "recurrence": "How often",
            "restricted": "Restricted: only members of the body can see it",
        }
        help_texts = {"requested_by": "", "restricted": ""}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_from": _date_input(),
            "due_by": _date_input(),
            "duration_minutes": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
            "purpose": forms.RadioSelect,
            "recurrence": forms.RadioSelect,
        }

    def __init__(self, *args, body: Body, viewer: Viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [c for c in AgendaItem.Purpose.choices if c[0]]
        self.fields["purpose"].required = False
        self.fields["requested_by"].queryset = Body.objects.exclude(pk=body.pk)
        # Choices are what this clerk may see: a restricted review of another body
        # is not offered (its title is itself restricted).
        self.fields["review"].queryset = Review.objects.visible_to(viewer).order_by(
            "-date", "title"
        )
        self.fields["meeting"].queryset = (
            Meeting.objects.visible_to(viewer)
            .filter(body=body, status=Meeting.Status.SCHEDULED)
            .order_by("date", "start")
        )

    def clean(self):
        data = super().clean()
        key = data.get("window")
        if key:
            asked = data.get("asked_on")
            if not asked:
                self.add_error("asked_on", "Give the date it was asked for.")
            else:
                _, _, months_from, months_to = next(w for w in WINDOWS if w[0] == key)
                data["due_from"], data["due_by"] = window(asked, months_from, months_to)
        elif not data.get("due_by") and not data.get("meeting"):
            self.add_error("due_by", "Give the date it is due by, or choose a period.")
        if data.get("due_from") and data.get("due_by") and data["due_by"] < data["due_from"]:
            self.add_error("due_by", "The window must end after it starts.")
        return data

    def operation_fields(self) -> dict:
        d = self.cleaned_data
        return {
            "title": d["title"],
            "description": d.get("description", ""),
            "lead": d.get("lead", ""),
            "purpose": d.get("purpose") or "",
            "duration_minutes": d.get("duration_minutes"),
            "requested_by": d.get("requested_by"),
            "review": d.get("review"),
            "due_from": d.get("due_from"),
            "due_by": d.get("due_by"),
            "recurrence": d.get("recurrence") or "",
            "meeting": d.get("meeting"),
            "restricted": d.get("restricted", False),
        }


class ScheduleForm(forms.Form):
    meeting = MeetingChoiceField(label="Meeting", queryset=Meeting.objects.none())

    def __init__(self, *args, body: Body, viewer: Viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.visible_to(viewer)
            .filter(body=body, status=Meeting.Status.SCHEDULED)
            .order_by("date", "start")
        )
