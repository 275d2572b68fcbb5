from .items import Evidence, TrackedItem, Update, Verification
from .questions import Question
from .reviews import (
    RECOMMENDATION_STATUS_LABELS,
    ActionPlan,
    Recommendation,
    Response,
    Review,
)
from .visibility import PUBLIC, Viewer

__all__ = [
    "ActionPlan",
    "Evidence",
    "PUBLIC",
    "Question",
    "RECOMMENDATION_STATUS_LABELS",
    "Recommendation",
    "Response",
    "Review",
    "TrackedItem",
    "Update",
    "Verification",
    "Viewer",
]
