"""Django admin for the directory: administrators keep organisations, bodies, people
and memberships up to date. History is shown read-only (reverting is disabled)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Body, Membership, Organisation, Person


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["person", "body"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "lead_contact", "email_domains"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["lead_contact"]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent", "organisation"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "role", "user"]
    list_filter = ["role", "organisation"]
    search_fields = ["name", "job_title"]
    autocomplete_fields = ["organisation", "user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "role", "start", "end"]
    list_filter = ["role", "body"]
    autocomplete_fields = ["person", "body"]
