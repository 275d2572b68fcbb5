from .items import Evidence, TrackedItem, Update, Verification
from .questions import Question
from .reviews import (
    RECOMMENDATION_STATUS_LABELS,
    ActionPlan,
    Recommendation,
    Response,
    Review,
)

__all__ = [
    "ActionPlan",
    "Evidence",
    "Question",
    "RECOMMENDATION_STATUS_LABELS",
    "Recommendation",
    "Response",
    "Review",
    "TrackedItem",
    "Update",
    "Verification",
]
