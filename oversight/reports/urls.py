from django.urls import path

from . import views

urlpatterns = [
    path("reviews/<int:pk>/update-report/", views.update_report, name="update_report"),
    path(
        "meetings/<int:pk>/papers/add-report/",
        views.meeting_report_add,
        name="meeting_report_add",
    ),
]
