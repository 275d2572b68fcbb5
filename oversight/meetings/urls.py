from django.urls import path

from .views import clerk, minutes, plan, reading

urlpatterns = [
    path("meetings.ics", reading.calendar_feed, name="meetings_ics"),
    path("meetings/", reading.meeting_list, name="meetings"),
    path("meetings/new/", clerk.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", reading.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", clerk.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/status/", clerk.meeting_status, name="meeting_status"),
    path("meetings/<int:pk>/next/", clerk.next_meeting, name="meeting_next"),
    # The agenda pack and the minutes, as a page and as files.
    path(
        "meetings/<int:pk>/agenda/",
        reading.document_page,
        {"which": "agenda"},
        name="meeting_agenda",
    ),
    path(
        "meetings/<int:pk>/agenda.docx",
        reading.document_file,
        {"which": "agenda", "fmt": "docx"},
        name="meeting_agenda_docx",
    ),
    path(
        "meetings/<int:pk>/agenda.pdf",
        reading.document_file,
        {"which": "agenda", "fmt": "pdf"},
        name="meeting_agenda_pdf",
    ),
    path(
        "meetings/<int:pk>/minutes/",
        reading.document_page,
        {"which": "minutes"},
        name="meeting_minutes",
    ),
    path(
        "meetings/<int:pk>/minutes.docx",
        reading.document_file,
        {"which": "minutes", "fmt": "docx"},
        name="meeting_minutes_docx",
    ),
    path(
        "meetings/<int:pk>/minutes.pdf",
        reading.document_file,
        {"which": "minutes", "fmt": "pdf"},
        name="meeting_minutes_pdf",
    ),
    # Building the agenda.
    path("meetings/<int:pk>/agenda/edit/", clerk.agenda_edit, name="meeting_agenda_edit"),
    path("meetings/items/<int:pk>/edit/", clerk.agenda_item_edit, name="agenda_item_edit"),
    path("meetings/items/<int:pk>/move/", clerk.agenda_item_move, name="agenda_item_move"),
    path("meetings/items/<int:pk>/remove/", clerk.agenda_item_remove, name="agenda_item_remove"),
    path("meetings/<int:pk>/papers/add/", clerk.paper_add, name="meeting_paper_add"),
    path("meetings/papers/<int:pk>/", reading.paper_file, name="meeting_paper"),
    path("meetings/papers/<int:pk>/remove/", clerk.paper_remove, name="meeting_paper_remove"),
    path("meetings/<int:pk>/attendance/", clerk.attendance, name="meeting_attendance"),
    # Minutes.
    path("meetings/<int:pk>/minutes/edit/", minutes.minutes_edit, name="meeting_minutes_edit"),
    path("meetings/items/<int:pk>/minutes/", minutes.item_minutes, name="meeting_item_minutes"),
    path(
        "meetings/<int:pk>/actions/<int:item_pk>/",
        minutes.carried_action,
        name="meeting_carried_action",
    ),
    path(
        "meetings/<int:pk>/minutes/approve/",
        minutes.approve_minutes,
        name="meeting_minutes_approve",
    ),
    path(
        "meetings/<int:pk>/minutes/corrections/add/",
        minutes.correction_add,
        name="meeting_correction_add",
    ),
    # A body's meetings and forward plan.
    path("meetings/bodies/<int:pk>/", reading.body_meetings, name="meeting_body"),
    path(
        "meetings/bodies/<int:pk>/meetings.ics",
        reading.body_calendar_feed,
        name="meeting_body_ics",
    ),
    path("meetings/bodies/<int:pk>/forward-plan/add/", plan.plan_add, name="forward_plan_add"),
    path("meetings/forward-plan/<int:pk>/edit/", plan.plan_edit, name="forward_plan_edit"),
    path(
        "meetings/forward-plan/<int:pk>/schedule/",
        plan.plan_schedule,
        name="forward_plan_schedule",
    ),
    path(
        "meetings/forward-plan/<int:pk>/withdraw/",
        plan.plan_withdraw,
        name="forward_plan_withdraw",
    ),
]
