from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("api/v1/", views.reference, name="api_reference"),
    path("api/v1/", api.urls),
]
