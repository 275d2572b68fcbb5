"""Every change to meetings goes through one of these functions, each one transaction.
Views parse input, check access (access.py), call one of these and render.

They raise `ValidationError` with a message for the clerk when a rule refuses: above
all, the minutes of a meeting (notes, decisions, attendance, actions agreed, updates
recorded on carried actions, the agenda itself) are locked once approved at a later
meeting; after that, `correct_minutes` appends a correction and changes nothing else.
"""

from .agenda import (
    add_agenda_item,
    add_paper,
    agenda_timing,
    move_agenda_item,
    remove_agenda_item,
    remove_paper,
    retime_agenda,
    update_agenda_item,
)
from .meetings import (
    cancel_meeting,
    create_meeting,
    create_next_meeting,
    mark_meeting_held,
    update_meeting,
)
from .minutes import (
    add_action,
    add_decision,
    approve_minutes,
    close_action,
    correct_minutes,
    record_action_update,
    record_attendance,
    record_minutes,
    remove_attendance,
)
from .plan import (
    add_forward_plan_item,
    schedule_forward_plan_item,
    update_forward_plan_item,
    withdraw_forward_plan_item,
)

__all__ = [
    "add_action",
    "add_agenda_item",
    "add_decision",
    "add_forward_plan_item",
    "add_paper",
    "agenda_timing",
    "approve_minutes",
    "cancel_meeting",
    "close_action",
    "correct_minutes",
    "create_meeting",
    "create_next_meeting",
    "mark_meeting_held",
    "move_agenda_item",
    "record_action_update",
    "record_attendance",
    "record_minutes",
    "remove_agenda_item",
    "remove_attendance",
    "remove_paper",
    "retime_agenda",
    "schedule_forward_plan_item",
    "update_agenda_item",
    "update_forward_plan_item",
    "update_meeting",
    "withdraw_forward_plan_item",
]
