"""Loading extractions (docs/contracts/extraction.md) into the tracker."""

import copy
import io
import json
from datetime import date, time
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from oversight.directory.models import Body, Organisation, Person
from oversight.directory.seed import seed_directory
from oversight.ingest import loading
from oversight.ingest.loading import infer_position, load_extraction
from oversight.meetings.models import AgendaItem, Attendance, Meeting
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem, Update

GOLD = Path(__file__).resolve().parents[2] / "samples" / "gold"
CABINET = "cabinet-response-serious-violence-2020.gold.json"
CHILD_Q = "scrutiny-child-q-alignment.gold.json"
SOG = "sog-2021-09-27.gold.json"


def gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def row_counts() -> dict[str, int]:
    """Rows of every table, history tables included."""
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def history_counts() -> dict[str, int]:
    return {k: v for k, v in row_counts().items() if ".Historical" in k}


def extraction(**parts) -> dict:
    data = {
        "schema": "oversight.extraction/1",
        "document": {"title": "Test document", "kind": "other", "date": None},
        "meeting": None,
        "attendees": [],
        "agenda_items": [],
        "recommendations": [],
        "questions": [],
        "actions": [],
        "commitments": [],
    }
    data.update(parts)
    return data


def response_doc(
    *recommendations,
    title="Cabinet Response to the Living in Hackney Scrutiny Commission review of policing",
    commitments=(),
) -> dict:
    return extraction(
        document={"title": title, "kind": "scrutiny_response", "date": "2026-03-02"},
        meeting={
            "body": "Cabinet",
            "date": "2026-03-02",
            "start": None,
            "end": None,
            "venue": None,
            "chair": None,
        },
        recommendations=list(recommendations),
        commitments=list(commitments),
    )


def rec(number, text, responses=(), addressees=()):
    return {
        "number": number,
        "title": None,
        "text": text,
        "addressees": list(addressees),
        "responses": [{"responder": r, "text": t} for r, t in responses],
    }


# --- the three gold files ----------------------------------------------------------------


def test_cabinet_response_loads_the_review_of_the_commission_not_the_cabinet():
    report = load_extraction(gold(CABINET), source_name=CABINET)

    review = report.review
    assert review.body.name == "Living in Hackney Scrutiny Commission"
    assert review.body.kind == Body.Kind.COMMISSION
    assert review.date == date(2020, 2, 24)
    assert review.source_document == CABINET
    assert review.title.startswith("Living in Hackney Scrutiny Commission Investigation")
    assert not review.published
    recs = list(review.recommendations(manager="private_objects").order_by("position"))
    assert len(recs) == 16
    assert [r.number for r in recs] == [str(n) for n in range(1, 17)]
    assert [r.position for r in recs] == list(range(1, 17))
    assert Response.private_objects.filter(recommendation__review=review).count() == 20
    assert TrackedItem.private_objects.filter(recommendation__review=review).count() == 32
    assert report.created["commitment"] == 32


def test_unlabelled_cabinet_responses_belong_to_the_council():
    seed_directory()
    review = load_extraction(gold(CABINET)).review
    council = Organisation.objects.get(short_name="LBH")
    unlabelled = Response.private_objects.filter(recommendation__review=review, responder_label="")
    assert unlabelled.count() == 16
    assert set(unlabelled.values_list("organisation", flat=True)) == {council.pk}


def test_a_commission_chairs_response_keeps_its_label_and_belongs_to_the_council():
    seed_directory()
    review = load_extraction(gold(CABINET)).review
    response = Response.private_objects.get(
        recommendation__review=review,
        recommendation__number="7",
        responder_label__startswith="Cllr",
    )
    assert response.responder == "Cllr Ben Hayhurst, Chair, Health in Hackney Scrutiny Commission"
    assert response.organisation.short_name == "LBH"


def test_response_positions_are_inferred_conservatively():
    review = load_extraction(gold(CABINET)).review
    positions = {
        (r.recommendation.number, r.responder_label[:4]): r.position
        for r in Response.private_objects.filter(recommendation__review=review)
    }
    assert positions[("3", "")] == Response.Position.ACCEPTED
    for number in ("7", "10", "15", "16"):
        assert positions[(number, "")] == Response.Position.REFERRED
        assert positions[(number, "Cllr")] == Response.Position.NOT_STATED
    assert positions[("1", "")] == Response.Position.NOT_STATED


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("Agreed. This recommendation has been incorporated.", "accepted"),
        ("Partially agreed: the first part only.", "partially_accepted"),
        ("Not agreed. The service has no budget.", "not_accepted"),
        ("Noted.", "noted"),
        ("Recommendations 7 and 10 are directed at Scrutiny Commissions.", "referred"),
        ("This has been referred to the Health and Wellbeing Board.", "referred"),
        ("The IGU has implemented a referral process.", ""),
        ("We have agreed a plan with partners.", ""),
    ],
)
def test_infer_position(text, position):
    assert infer_position(text) == position


def test_commitments_link_to_their_recommendation_response_owner_and_dates():
    seed_directory()
    review = load_extraction(gold(CABINET)).review
    council = Organisation.objects.get(short_name="LBH")

    paper = TrackedItem.private_objects.get(
        text="The options paper will be produced by 1 April 2020."
    )
    assert paper.origin == TrackedItem.Origin.COMMITMENT
    assert paper.recommendation.number == "9"
    assert (
        paper.response
        == paper.recommendation.responses(manager="private_objects").order_by("pk").first()
    )
    assert paper.owner_org == council
    assert (paper.due_date, paper.due_precision) == (date(2020, 4, 1), "day")
    assert paper.start_date == date(2020, 2, 24)

    march = TrackedItem.private_objects.get(
        recommendation__review=review,
        recommendation__number="15",
        text__startswith="The first of these annual updates",
    )
    assert (march.due_date, march.due_precision, march.due_iso()) == (
        date(2020, 3, 1),
        "month",
        "2020-03",
    )
    # Recommendation 15 was referred to the commission; its chair makes the promise.
    assert march.response.responder_label.startswith("Cllr Sharon Patrick")


def test_child_q_report_is_filed_under_the_first_commission_in_its_title():
    report = load_extraction(gold(CHILD_Q))
    assert report.review.body.name == "Living in Hackney Scrutiny Commission"
    recs = list(report.review.recommendations(manager="private_objects").all())
    assert len(recs) == 11
    assert all(r.number == "" for r in recs)
    # Commitments that name no recommendation are the review's own, overseen by it.
    loose = list(TrackedItem.private_objects.filter(review=report.review, recommendation=None))
    assert len(loose) == 3
    assert "9-12 months" in " ".join(i.text for i in loose)
    assert all(i.overseeing_body == report.review.body for i in loose)
    assert not report.warnings


def test_sog_minutes_load_the_meeting_attendees_agenda_and_actions():
    seed_directory()
    report = load_extraction(gold(SOG), publish=True)

    meeting = report.meeting
    assert meeting.body.short_name == "SOG"
    assert meeting.body.parent.short_name == "CSP"
    assert meeting.date == date(2021, 9, 27)
    assert (meeting.start, meeting.end) == (time(14, 0), time(16, 0))
    assert meeting.venue == "Google Meets video conferencing"
    assert meeting.chair.name == "Marcus Barnett"
    assert meeting.status == Meeting.Status.HELD
    assert meeting.published
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 15
    items = list(AgendaItem.private_objects.filter(meeting=meeting).order_by("position"))
    assert len(items) == 8
    assert (items[2].number, items[2].start, items[2].duration_minutes) == ("3", time(14, 15), 20)
    assert items[6].presenters[0] == "Maurice Mason"
    actions = TrackedItem.private_objects.filter(meeting=meeting, origin=TrackedItem.Origin.ACTION)
    assert actions.count() == 10
    assert set(actions.values_list("start_date", flat=True)) == {date(2021, 9, 27)}


def test_action_owners_resolve_to_attendees():
    load_extraction(gold(SOG))
    maurice = Person.objects.get(name="Maurice Mason")
    item = TrackedItem.private_objects.get(
        text__startswith="Maurice to support with this submission"
    )
    assert item.owner_person == maurice
    assert TrackedItem.private_objects.filter(owner_person__name="Jason Davis").count() == 3
    assert (
        TrackedItem.private_objects.filter(origin="action", owner_person__isnull=True).count() == 4
    )


def test_action_owner_by_first_name_chair_or_organisation():
    seed_directory()
    data = gold(SOG)
    data["actions"] = [
        {"text": "Send the Prevent submission", "owner": "Maurice", "due": None, "update": None},
        {"text": "Write to the Home Office", "owner": "Chair", "due": "2021-10", "update": None},
        {"text": "Share knife crime figures", "owner": "MPS", "due": None, "update": None},
        {"text": "Ask somebody", "owner": "Someone", "due": None, "update": None},
    ]
    report = load_extraction(data)

    by_text = {i.text: i for i in TrackedItem.private_objects.filter(meeting=report.meeting)}
    assert by_text["Send the Prevent submission"].owner_person.name == "Maurice Mason"
    chair = by_text["Write to the Home Office"]
    assert chair.owner_person.name == "Marcus Barnett"
    assert (chair.due_date, chair.due_precision) == (date(2021, 10, 1), "month")
    assert by_text["Share knife crime figures"].owner_org.short_name == "MPS"
    assert by_text["Share knife crime figures"].owner_person is None
    assert by_text["Ask somebody"].owner_person is None
    assert any("Someone" in w for w in report.warnings)


def test_a_first_name_shared_by_two_attendees_resolves_to_nobody():
    data = gold(SOG)
    data["attendees"].append({"name": "Maurice Other", "organisation": None})
    data["actions"] = [{"text": "Follow up", "owner": "Maurice", "due": None, "update": None}]
    report = load_extraction(data)
    assert TrackedItem.private_objects.get(meeting=report.meeting).owner_person is None


def test_action_updates_become_in_progress_updates():
    load_extraction(gold(SOG))
    adder = TrackedItem.private_objects.get(text__startswith="Operation Adder")
    (update,) = adder.updates.all()
    assert update.narrative == "Sean Lyons attended to give an update on ADDER."
    assert update.status == TrackedItem.Status.IN_PROGRESS
    assert adder.status == TrackedItem.Status.IN_PROGRESS
    assert Update.objects.count() == 4


def test_attendee_organisations_are_matched_or_created():
    seed_directory()
    data = gold(SOG)
    data["attendees"] = [
        {"name": "Mike Hamer", "organisation": "Met"},
        {"name": "Dr Adi Cooper", "organisation": "CHSAB"},
        {"name": "Tarun Singh", "organisation": "Hackney CVS"},
    ]
    load_extraction(data)
    assert Person.objects.get(name="Mike Hamer").organisation.short_name == "MPS"
    assert Person.objects.get(name="Dr Adi Cooper").organisation.short_name == "CHSAB"
    assert Person.objects.get(name="Tarun Singh").organisation.name == "Hackney CVS"


def test_online_venue_goes_to_the_online_link():
    data = gold(SOG)
    data["meeting"]["venue"] = "meet.google.com/nyh-xjor-piu"
    meeting = load_extraction(data).meeting
    assert meeting.venue == ""
    assert meeting.online_link == "https://meet.google.com/nyh-xjor-piu"


# --- one organisation, many names ---------------------------------------------------------


@pytest.mark.parametrize("seeded", [False, True], ids=["empty directory", "seeded directory"])
def test_mps_and_metropolitan_police_service_are_one_organisation(seeded):
    if seeded:
        seed_directory()
    data = response_doc(
        rec(
            "1",
            "Publish stop and search data.",
            responses=[("Metropolitan Police Service", "Agreed.")],
            addressees=["Metropolitan Police Service and MOPAC"],
        ),
        rec("2", "Review handcuffing.", responses=[("MPS", "Agreed.")], addressees=["MPS"]),
    )
    load_extraction(data)

    orgs = {r.organisation for r in Response.private_objects.all()}
    assert len(orgs) == 1
    (police,) = orgs
    assert police.name == "Metropolitan Police Service"
    assert Organisation.objects.filter(name__icontains="Metropolitan").count() == 1
    first, second = Recommendation.private_objects.order_by("position")
    assert police in first.addressed_to_orgs.all() and police in second.addressed_to_orgs.all()
    if seeded:
        assert {o.short_name for o in first.addressed_to_orgs.all()} == {"MPS", "MOPAC"}


def test_addressed_bodies_are_matched_to_bodies():
    seed_directory()
    load_extraction(
        response_doc(rec("1", "Report annually.", addressees=["Community Safety Partnership"]))
    )
    (body,) = Recommendation.private_objects.get().addressed_to_bodies.all()
    assert body.short_name == "CSP"


# --- idempotence ----------------------------------------------------------------------------


def test_loading_the_gold_files_twice_changes_nothing():
    seed_directory()
    for name in (CABINET, CHILD_Q, SOG):
        load_extraction(gold(name), publish=True, source_name=name)
    rows, history = row_counts(), history_counts()

    for name in (CABINET, CHILD_Q, SOG):
        report = load_extraction(gold(name), publish=True, source_name=name)
        assert not report.changed, report.to_dict()
        assert sum(report.unchanged.values()) > 0

    assert history_counts() == history
    assert row_counts() == rows


def test_reloading_updates_only_what_changed_in_the_document():
    first = load_extraction(gold(CABINET))
    data = gold(CABINET)
    data["recommendations"][0]["title"] = "Outcome measures for the IGU (revised)"
    history = history_counts()

    report = load_extraction(data)

    assert report.review == first.review
    assert report.updated == {"recommendation": 1}
    assert Recommendation.private_objects.get(number="1").title.endswith("(revised)")
    changed = {k: v - history[k] for k, v in history_counts().items() if v != history[k]}
    assert changed == {"tracker.HistoricalRecommendation": 1}


def test_reloading_keeps_owners_assigned_since_the_import():
    load_extraction(gold(SOG))
    item = TrackedItem.private_objects.get(text__startswith="Maurice to support")
    successor = Person.objects.create(name="Kate Lindsay")
    item.owner_person = successor
    item.save()

    report = load_extraction(gold(SOG))

    item.refresh_from_db()
    assert item.owner_person == successor
    assert not report.changed


def test_publishing_on_a_later_load_publishes_the_review():
    load_extraction(gold(CABINET))
    assert not Review.objects.public().exists()
    report = load_extraction(gold(CABINET), publish=True)
    assert report.updated == {"review": 1}
    assert Review.objects.public().get() == report.review
    assert Recommendation.objects.public().count() == 16


# --- invalid input --------------------------------------------------------------------------


def test_an_invalid_file_writes_nothing_and_says_why():
    data = gold(CABINET)
    data["document"]["kind"] = "memo"
    del data["commitments"]
    data["recommendations"][2]["number"] = "three"
    before = row_counts()

    with pytest.raises(ValidationError) as caught:
        load_extraction(data)

    messages = "\n".join(caught.value.messages)
    assert "document.kind" in messages
    assert "'commitments' is a required property" in messages
    assert "recommendations[2].number" in messages
    assert row_counts() == before


def test_an_impossible_date_is_refused():
    data = gold(SOG)
    data["meeting"]["date"] = "2021-02-30"
    with pytest.raises(ValidationError, match="not a real date"):
        load_extraction(data)
    assert not Meeting.private_objects.exists()


def test_a_failure_part_way_writes_nothing(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loading._Loader, "load_commitment", fail)
    before = row_counts()
    with pytest.raises(RuntimeError):
        load_extraction(gold(CABINET))
    assert row_counts() == before


# --- the command ------------------------------------------------------------------------------


def test_load_extraction_command_prints_the_report(tmp_path):
    out = io.StringIO()
    call_command("load_extraction", str(GOLD / SOG), "--publish", stdout=out)
    text = out.getvalue()
    assert "action: 10 created" in text
    assert Meeting.objects.public().count() == 1

    out = io.StringIO()
    call_command("load_extraction", str(GOLD / SOG), stdout=out)
    assert "Nothing changed" in out.getvalue()


def test_load_extraction_command_refuses_an_invalid_file(tmp_path):
    bad = copy.deepcopy(gold(SOG))
    bad["schema"] = "something else"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(CommandError, match="nothing was written") as caught:
        call_command("load_extraction", str(path), stdout=io.StringIO())
    assert "schema" in str(caught.value)
    assert not Meeting.private_objects.exists()


def test_questions_are_tracked_with_their_answers():
    seed_directory()
    data = response_doc(rec("1", "Publish the data."))
    data["questions"] = [
        {"number": "1", "text": "Can the Borough Commander commit to this?", "response": "Yes."},
        {"number": "2", "text": "When will the review report?", "response": None},
    ]
    review = load_extraction(data).review
    answered, asked = review.questions(manager="private_objects").order_by("number")
    assert (answered.answer, answered.status) == ("Yes.", "answered")
    assert (asked.answer, asked.status) == ("", "asked")
    assert answered.asked_by == review.body
    assert not load_extraction(data).changed


def test_recommendations_in_minutes_are_filed_under_the_meetings_body():
    data = gold(SOG)
    data["recommendations"] = [rec(None, "The board should publish its performance report.")]
    data["questions"] = [{"number": None, "text": "Is Prevent funded?", "response": None}]
    report = load_extraction(data)
    assert report.review.body == report.meeting.body
    assert report.review.recommendations(manager="private_objects").count() == 1
    (question,) = report.meeting.questions(manager="private_objects").all()
    assert question.review is None


# --- the import journey: filing, owners, names ---------------------------------------------


def report_doc(*recommendations, title="Report on behaviour change", commitments=()) -> dict:
    return extraction(
        document={"title": title, "kind": "scrutiny_report", "date": "2026-03-02"},
        recommendations=list(recommendations),
        commitments=list(commitments),
    )


def promise(text, recommendation=None, due=None):
    return {"text": text, "due": due, "recommendation": recommendation}


def test_commitment_naming_an_unnumbered_recommendation_by_its_place_is_filed_under_it():
    # The review screen shows unnumbered recommendations as "Recommendation 1, 2, 3", so
    # that is how the officer names them when correcting a commitment.
    data = report_doc(
        rec(None, "We recommend a chief social scientist."),
        rec(None, "We recommend a review of advice."),
        rec(None, "We recommend published evaluations."),
        title="Report of the Health in Hackney Scrutiny Commission on advice",
        commitments=[promise("The Government will review its advice by March.", "2")],
    )
    report = load_extraction(data)
    assert not [w for w in report.warnings if "does not have" in w]
    item = TrackedItem.private_objects.get(text__startswith="The Government will review")
    assert item.recommendation.text == "We recommend a review of advice."


def test_commitment_names_its_recommendation_with_or_without_leading_zeros():
    data = response_doc(
        rec("7", "We ask for a plan."),
        commitments=[promise("A plan will be published.", "07")],
    )
    report = load_extraction(data)
    assert not report.warnings
    assert (
        TrackedItem.private_objects.get(text="A plan will be published.").recommendation.number
        == "7"
    )


def test_commitment_naming_a_recommendation_the_document_lacks_is_still_reported():
    data = response_doc(
        rec("1", "We ask for a plan."),
        commitments=[promise("A plan will be published.", "9")],
    )
    report = load_extraction(data)
    assert any("recommendation 9, which the document does not have" in w for w in report.warnings)


def test_review_whose_title_names_no_commission_files_under_the_body_the_officer_chose():
    data = report_doc(rec(None, "We recommend a chief social scientist."))
    with pytest.raises(ValidationError, match="cannot tell which scrutiny commission"):
        load_extraction(data)
    chosen = Body.objects.create(name="Health Scrutiny Commission", kind=Body.Kind.COMMISSION)
    review = load_extraction(data, filing=loading.Filing(body=chosen)).review
    assert review.body == chosen


def test_officer_can_create_the_body_a_review_is_filed_under():
    data = report_doc(rec(None, "We recommend a chief social scientist."))
    report = load_extraction(
        data, filing=loading.Filing(new_body="Science and Technology Select Committee")
    )
    body = report.review.body
    assert body.name == "Science and Technology Select Committee"
    assert body.kind == Body.Kind.BOARD and report.created["body"] == 1


def test_meeting_document_naming_no_body_files_under_the_body_the_officer_chose():
    data = extraction(
        document={"title": None, "kind": "agenda", "date": "2025-01-30"},
        agenda_items=[
            {
                "number": "1",
                "title": "Apologies",
                "start": None,
                "duration_minutes": None,
                "presenters": [],
            }
        ],
    )
    with pytest.raises(ValidationError, match="needs the body that met"):
        load_extraction(data)
    cabinet = Body.objects.create(name="Cabinet", kind=Body.Kind.CABINET)
    meeting = load_extraction(data, filing=loading.Filing(body=cabinet)).meeting
    assert meeting.body == cabinet and meeting.date == date(2025, 1, 30)
    assert meeting.agenda_items(manager="private_objects").get().title == "Apologies"


def test_commitments_no_response_claims_are_owned_by_the_responding_organisation():
    body = Body.objects.create(name="Science and Technology Committee", kind=Body.Kind.BOARD)
    data = report_doc(
        rec(None, "We recommend a chief social scientist."),
        commitments=[promise("The Government will appoint a chief social scientist.")],
    )
    report = load_extraction(copy.deepcopy(data), filing=loading.Filing(body=body))
    assert report.unowned == ["The Government will appoint a chief social scientist."]
    assert TrackedItem.private_objects.get().owner_org is None

    government = Organisation.objects.create(name="HM Government", kind="government")
    report = load_extraction(data, filing=loading.Filing(body=body, responder=government))
    assert report.unowned == []
    assert TrackedItem.private_objects.get().owner_org == government


def test_a_cabinet_response_s_unclaimed_commitments_belong_to_the_council():
    seed_directory()
    data = response_doc(
        rec("1", "We ask for a plan.", responses=[(None, "Agreed. A plan will follow.")]),
        commitments=[promise("A report will come to the Commission.")],
    )
    report = load_extraction(data)
    assert report.unowned == []
    item = TrackedItem.private_objects.get(text="A report will come to the Commission.")
    assert item.owner_org == Organisation.objects.get(short_name="LBH")


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("CORPORATE PARENTING PANEL", "Corporate Parenting Panel"),
        ("MINUTES OF THE MEETING OF THE CORPORATE PARENTING PANEL", "Corporate Parenting Panel"),
        ("Minutes of a meeting of the Cabinet held on Thursday 30 January 2025", "Cabinet"),
        ("KCC SEND SUB-COMMITTEE", "KCC SEND Sub-Committee"),
        ("CORPORATE PARENTING PANEL – 10 th December 2024", "Corporate Parenting Panel"),
        ("CHILDREN'S SERVICES SCRUTINY PANEL", "Children's Services Scrutiny Panel"),
        ("STOKE-ON-TRENT CITY COUNCIL", "Stoke-on-Trent City Council"),
        ("HEALTH AND WELLBEING BOARD", "Health and Wellbeing Board"),
        ("Living in Hackney Scrutiny Commission", "Living in Hackney Scrutiny Commission"),
    ],
)
def test_body_names_from_a_heading_are_written_as_a_person_writes_them(printed, name):
    assert loading.body_name(printed) == name


def test_names_created_from_an_import_are_not_left_in_capitals():
    data = extraction(
        document={"title": "CORPORATE PARENTING PANEL", "kind": "minutes", "date": "2024-12-10"},
        meeting={
            "body": "MINUTES OF THE MEETING OF THE CORPORATE PARENTING PANEL",
            "date": "2024-12-10",
            "start": None,
            "end": None,
            "venue": None,
            "chair": "MRS JANE SMITH",
        },
        attendees=[{"name": "Tom Reed", "organisation": "NHS KENT AND MEDWAY"}],
    )
    meeting = load_extraction(data).meeting
    assert meeting.body.name == "Corporate Parenting Panel"
    assert meeting.chair.name == "Mrs Jane Smith"
    nhs = Organisation.objects.get(name__iexact="nhs kent and medway")
    assert nhs.name == "NHS Kent and Medway"
    # Loading again finds what it created rather than adding it in capitals.
    assert load_extraction(data).meeting.body == meeting.body
    assert Body.objects.filter(name__icontains="parenting").count() == 1
