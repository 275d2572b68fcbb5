"""The upload form: one file, within the size limit."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError


def size_label(n: int) -> str:
    if n >= 1024 * 1024:
        return (
            f"{n / 1024 / 1024:.0f} MB" if n % (1024 * 1024) == 0 else f"{n / 1024 / 1024:.1f} MB"
        )
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def too_big_message(limit: int) -> str:
    return (
        f"The selected file is larger than {size_label(limit)}. Choose a smaller file: "
        "nothing has been saved."
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a document",
        help_text="A PDF with a text layer, a Word document (DOCX), a web page (HTML), "
        "Markdown or plain text. Scanned documents cannot be read.",
        error_messages={
            "required": "Choose a document to upload",
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be uploaded: choose it again",
        },
    )

    too_big = False

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > settings.MAX_UPLOAD_BYTES:
            self.too_big = True
            raise ValidationError(too_big_message(settings.MAX_UPLOAD_BYTES))
        return f

    @classmethod
    def refused(cls, message: str) -> UploadForm:
        """The form showing `message` against the file, for an upload refused before
        its body was read."""
        form = cls(data={}, files={})
        form.is_valid()
        form.errors["file"] = form.error_class([message])
        form.too_big = True
        return form
