from django.urls import path

from .views import reading, working

urlpatterns = [
    path("reviews/", reading.review_list, name="reviews"),
    path("reviews/new/", working.review_new, name="review_new"),
    path("reviews/<int:pk>/", reading.review_detail, name="review"),
    path("reviews/<int:pk>/edit/", working.review_edit, name="review_edit"),
    path(
        "reviews/<int:review_pk>/recommendations/new/",
        working.recommendation_new,
        name="recommendation_new",
    ),
    path("recommendations/", reading.recommendation_list, name="recommendations"),
    path("recommendations/<int:pk>/", reading.recommendation_detail, name="recommendation"),
    path("recommendations/<int:pk>/edit/", working.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/respond/", working.respond, name="respond"),
    path("recommendations/<int:rec_pk>/items/new/", working.item_new, name="item_new"),
    path("items/", reading.item_list, name="items"),
    path("items/<int:pk>/", reading.item_detail, name="item"),
    path("items/<int:pk>/edit/", working.item_edit, name="item_edit"),
    path("items/<int:pk>/update/", working.add_update, name="add_update"),
    path("items/<int:pk>/verify/", working.verify, name="verify"),
    path("items/<int:pk>/return/", working.return_to_owner, name="return_item"),
    path("evidence/<int:pk>/", working.evidence_file, name="evidence"),
    path("plans/", reading.plan_list, name="plans"),
    path("plans/<int:pk>/", reading.plan_detail, name="plan"),
    path("dashboard/", working.dashboard, name="dashboard"),
    path("handover/", working.handover, name="handover"),
]
