"""Stop-and-search pages: include at the site root,
`path("", include("oversight.stopsearch.urls"))` (see views.py for what each answers)."""

from django.urls import path

from . import views

app_name = "stopsearch"

urlpatterns = [
    path("stop-and-search/", views.index, name="index"),
    path("stop-and-search/<slug:area>/", views.area_dashboard, name="dashboard"),
    path("stop-and-search/<slug:area>/<slug:table>.csv", views.table_csv, name="csv"),
]
