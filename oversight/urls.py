from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from oversight.hosting.health import healthz
from oversight.public import open_data
from oversight.public import views as public_views
from oversight.signin import views as signin_views

urlpatterns = [
    path("", public_views.home, name="home"),
    path("open-data/", public_views.open_data, name="open_data"),
    path("open-data/recommendations.json", public_views.open_data_json, name="open_data_json"),
    path("open-data/recommendations.csv", public_views.open_data_csv, name="open_data_csv"),
    path("open-data/feeds/updates.atom", open_data.UpdatesFeed(), name="feed_updates"),
    path("open-data/feeds/verified.atom", open_data.VerifiedFeed(), name="feed_verified"),
    path("accessibility/", public_views.accessibility, name="accessibility"),
    path("accounts/login/", signin_views.sign_in, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("oversight.signin.urls")),
    path("", include("oversight.tracker.urls")),
    path("", include("oversight.meetings.urls")),
    path("", include("oversight.indicators.urls")),
    path("", include("oversight.stopsearch.urls")),
    path("", include("oversight.ingest.urls")),
    path("", include("oversight.search.urls")),
    path("", include("oversight.chasing.urls")),
    path("", include("oversight.api.urls")),
    path("", include("oversight.reports.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("oversight.community.urls")),
    path("", include("oversight.moderngov.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = f"Oversight administration – {settings.COUNCIL_NAME}"
