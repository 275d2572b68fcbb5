from django.urls import path

from . import views

urlpatterns = [
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/new/", views.indicator_new, name="indicator_new"),
    path("indicators/import/", views.import_values, name="indicators_import"),
    path("indicators/<slug:slug>/", views.indicator_detail, name="indicator"),
    path("indicators/<slug:slug>/data.csv", views.indicator_csv, name="indicator_csv"),
    path("indicators/<slug:slug>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<slug:slug>/values/new/", views.value_new, name="indicator_value_new"),
    path("indicators/<slug:slug>/actions/link/", views.link_item, name="indicator_link_item"),
    path(
        "indicators/<slug:slug>/actions/<int:item_pk>/unlink/",
        views.unlink_item,
        name="indicator_unlink_item",
    ),
    path("bodies/<int:pk>/indicators/", views.body_indicators, name="body_indicators"),
]
