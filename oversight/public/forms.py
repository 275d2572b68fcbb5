"""GOV.UK Frontend markup for every Django form in the site.

Set ``FORM_RENDERER = "oversight.public.forms.GovUKFormRenderer"``. Then ``{{ form }}``
and ``{{ field.as_field_group }}`` render with the templates in
``templates/govuk/forms/``, and every widget gets its GOV.UK class (``govuk-input``,
``govuk-select``...) plus the matching ``--error`` class when the field has errors.

The classes are added in a BoundField rather than in templates because Django renders
widgets (and keeps what the user typed, ticked or chose) in its own widget templates,
which we do not want to replace for the whole site, the admin included. Extra classes
given in a widget's ``attrs`` are kept, so a form can ask for a width, e.g.
``forms.TextInput(attrs={"class": "govuk-input--width-10"})``.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input


def govuk_widget_class(widget: forms.Widget, has_errors: bool) -> str:
    """The GOV.UK class for ``widget``, or "" when it needs none (hidden inputs)."""
    if isinstance(widget, forms.CheckboxSelectMultiple):  # before RadioSelect: a subclass
        return "govuk-checkboxes__input"
    if isinstance(widget, forms.RadioSelect):
        return "govuk-radios__input"
    if isinstance(widget, forms.CheckboxInput):
        return "govuk-checkboxes__input"
    if isinstance(widget, forms.Select):
        base = "govuk-select"
    elif isinstance(widget, forms.Textarea):
        base = "govuk-textarea"
    elif isinstance(widget, forms.FileInput):
        base = "govuk-file-upload"
    elif isinstance(widget, forms.MultiWidget):
        # e.g. SplitDateTimeWidget: the class is passed on to each part.
        if not all(isinstance(w, Input) for w in widget.widgets):
            return ""
        base = "govuk-input"
    elif isinstance(widget, Input) and not widget.is_hidden:
        base = "govuk-input"
    else:
        return ""
    return f"{base} {base}--error" if has_errors else base


class GovUKBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        widget = field.widget
        if isinstance(widget, forms.DateInput) and "date" in (
            widget.input_type,
            widget.attrs.get("type"),
        ):
            # A date input reads only ISO dates; en-GB would send 01/01/2027 and the
            # browser would show the field empty (and the form then fail to save).
            widget.format = "%Y-%m-%d"

    @property
    def optional(self) -> bool:
        """Whether the label says "(optional)": not for a field that is one of a pair
        where one must be given (`field.one_of_required`)."""
        return not self.field.required and not getattr(self.field, "one_of_required", False)

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if css := govuk_widget_class(widget, bool(self.errors)):
            # The attrs given here win over widget.attrs when Django merges them,
            # so merge the widget's own classes in now instead of losing them.
            own = [widget.attrs.get("class", ""), attrs.get("class", "")]
            attrs["class"] = " ".join(c for c in [css, *own] if c)
        if isinstance(widget, forms.EmailInput) and "spellcheck" not in widget.attrs:
            # GOV.UK: spellcheckers "correct" email addresses into wrong ones.
            attrs.setdefault("spellcheck", "false")
        return attrs


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovUKBoundField
