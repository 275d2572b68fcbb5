from django.urls import path

from . import views

urlpatterns = [
    path("accounts/council/", views.start, name="council_sign_in"),
    path("accounts/council/callback/", views.callback, name="council_sign_in_callback"),
]
