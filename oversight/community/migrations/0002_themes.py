"""The themes the partnership files community feedback under, to start with;
administrators add, reorder and retire them in the admin site."""

from django.db import migrations

THEMES = [
    "Stop and search",
    "Youth safety",
    "Policing in schools",
    "Communication and engagement",
    "Trust and confidence",
    "Violence against women and girls",
    "Support services",
    "Other",
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("community", "Theme")
    for position, name in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(name=name, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
