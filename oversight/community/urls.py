from django.urls import path

from .views import public, working

urlpatterns = [
    path("feedback/", public.feedback_form, name="feedback_form"),
    path("feedback/thanks/", public.feedback_thanks, name="feedback_thanks"),
    path("you-said-we-did/", public.you_said_we_did, name="you_said_we_did"),
    path("you-said-we-did.csv", public.you_said_we_did_csv, name="you_said_we_did_csv"),
    path("you-said-we-did.json", public.you_said_we_did_json, name="you_said_we_did_json"),
    path("you-said-we-did/<str:key>/", public.you_said_we_did_for, name="you_said_we_did_for"),
    path("community/", working.community_home, name="community_home"),
    path("community/feedback/", working.feedback_list, name="feedback_list"),
    path("community/feedback/new/", working.feedback_new, name="feedback_new"),
    path("community/feedback/<int:pk>/", working.feedback_detail, name="feedback"),
    path(
        "community/feedback/<int:pk>/moderate/", working.feedback_moderate, name="feedback_moderate"
    ),
    path("community/feedback/<int:pk>/respond/", working.feedback_respond, name="feedback_respond"),
    path("community/feedback/<int:pk>/link/", working.feedback_link, name="feedback_link"),
    path("community/feedback/<int:pk>/unlink/", working.feedback_unlink, name="feedback_unlink"),
    path(
        "community/feedback/<int:pk>/forget-contact/",
        working.feedback_forget_contact,
        name="feedback_forget_contact",
    ),
    path(
        "community/feedback/<int:pk>/new-action/",
        working.feedback_new_action,
        name="feedback_new_action",
    ),
    path(
        "community/panels/<int:panel_pk>/sessions/new/",
        working.panel_session_new,
        name="panel_session_new",
    ),
    path("community/sessions/<int:pk>/", working.panel_session, name="panel_session"),
]
