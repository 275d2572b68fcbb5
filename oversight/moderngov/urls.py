"""The connector's pages; wired in by `path("", include("oversight.moderngov.urls"))`."""

from django.urls import path

from . import views

urlpatterns = [
    path("moderngov/", views.settings_page, name="moderngov"),
    path("moderngov/sites/<int:pk>/", views.site_page, name="moderngov_site"),
    path("moderngov/meetings/<int:pk>/", views.meeting_page, name="moderngov_meeting"),
    path("moderngov/papers/", views.papers_page, name="moderngov_papers"),
    path("moderngov/conflicts/", views.conflicts_page, name="moderngov_conflicts"),
    path(
        "moderngov/conflicts/<int:pk>/resolve/",
        views.resolve_conflict,
        name="moderngov_conflict_resolve",
    ),
]
