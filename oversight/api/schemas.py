# No `from __future__ import annotations`: Django Ninja reads these annotations at run time.
"""What the API returns: one schema per record, in the users' words. Every field is
described, so the OpenAPI description is the data dictionary too."""

import datetime as dt

from ninja import Field, Schema


class ResponseOut(Schema):
    id: int
    responder: str = Field(description="Who responded, as the document names them.")
    organisation: str | None = Field(description="The responding organisation.")
    position: str | None = Field(
        description="accepted, partially_accepted, not_accepted, noted, referred, or null."
    )
    text: str
    date: dt.date | None


class ItemOut(Schema):
    id: int
    text: str = Field(description="The commitment or action: what someone promised to do.")
    origin: str = Field(description="commitment (in a response), action (from a meeting), plan.")
    owner: str | None = Field(description="Who owns it.")
    due: str | None = Field(description="YYYY-MM-DD, or YYYY-MM when only a month was given.")
    status: str = Field(description="not_started, in_progress or complete, as the owner reports.")
    progress: int = Field(description="Per cent complete, as the owner reports.")
    rag: str = Field(
        description="red, amber, green, none, complete or verified: derived, never typed."
    )
    verified: bool
    latest_update: str | None = Field(description="The owner's newest update.")
    latest_update_on: dt.date | None
    recommendation_id: int | None
    meeting_id: int | None


class RecommendationOut(Schema):
    id: int
    review_id: int
    number: str | None
    title: str | None
    text: str
    status: str = Field(
        description="awaiting_response, responded, in_progress, delivered, verified, closed."
    )
    responses: list[ResponseOut]


class ReviewOut(Schema):
    id: int
    title: str
    body: str = Field(description="The commission that made the review.")
    body_id: int
    date: dt.date | None
    summary: str


class AgendaItemOut(Schema):
    id: int
    number: str | None
    title: str
    start: str | None = Field(description="HH:MM")
    duration_minutes: int | None


class MeetingOut(Schema):
    id: int
    body: str
    body_id: int
    title: str
    date: dt.date
    start: str | None
    end: str | None
    venue: str
    status: str
    minutes_approved_on: dt.date | None = Field(description="Set once the minutes are approved.")
    agenda: list[AgendaItemOut]
    decisions: list[str] = Field(
        description="Decisions minuted; only once the minutes are approved."
    )


class ValueOut(Schema):
    period: str
    period_start: dt.date
    area: str
    breakdown_dimension: str
    breakdown_value: str
    value: str = Field(description="A decimal number, as text so that no precision is lost.")
    benchmark: str = Field(
        description="The comparison series it belongs to; empty for the body's own."
    )
    note: str


class IndicatorOut(Schema):
    slug: str
    name: str
    unit: str
    better: str
    frequency: str
    body: str | None
    source: str
    values: list[ValueOut]


class StopSearchSummaryOut(Schema):
    area: str
    month_from: str
    month_to: str
    summary: dict = Field(
        description="The figures of docs/contracts/stopsearch.md for the area and period."
    )
