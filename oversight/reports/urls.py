from django.urls import path

from . import views

urlpatterns = [
    path("reviews/<int:pk>/update-report/", views.update_report, name="update_report"),
]
