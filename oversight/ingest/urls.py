"""Importing documents; wired into the site by `path("", include("oversight.ingest.urls"))`."""

from django.urls import path

from . import views

urlpatterns = [
    path("imports/", views.import_list, name="imports"),
    path("imports/new/", views.upload, name="import_new"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
    path("imports/<int:pk>/original/", views.original, name="import_original"),
    path("imports/<int:pk>/again/", views.reimport, name="import_again"),
    path(
        "imports/<int:pk>/pages/<int:page>/<int:start>-<int:end>.png",
        views.page_image,
        name="import_page",
    ),
    path("imports/<int:pk>/check/<slug:section>/", views.review_section, name="import_section"),
    path("imports/<int:pk>/publish/", views.publish, name="import_publish"),
]
