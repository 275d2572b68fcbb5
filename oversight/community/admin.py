"""Administrators keep the list of themes feedback is filed under."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Theme


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "position", "active")
    list_editable = ("position", "active")
