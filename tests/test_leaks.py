"""The leak test: for every restrictable kind of record, a restricted record carrying its
own marker; then every page of the URL conf (lists with every filter, detail pages,
search, JSON/CSV/open data, calendars, evidence and paper files, DOCX/PDF packs, the
home page's counts) is read as anonymous, a community member, a partner of another
organisation and a member concerned. A marker shows only to the member concerned.

The pages come from the URL conf itself: a page that takes arguments must say here which
records it is read for (`_arguments`), so a new page cannot be left out unread."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdfium2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from docx import Document

from oversight.chasing.models import UpdateRound
from oversight.community import operations as community_ops
from oversight.community.models import Feedback, PanelSession, Recipient
from oversight.directory.models import Person
from oversight.indicators.models import Indicator
from oversight.meetings import operations as meeting_ops
from oversight.meetings.models import Decision, ForwardPlanItem, Meeting
from oversight.tracker import operations as tracker_ops
from oversight.tracker.models import (
    RECOMMENDATION_STATUS_LABELS,
    ActionPlan,
    Question,
    Recommendation,
    Response,
    Review,
    TrackedItem,
)
from oversight.tracker.rag import Rag
from oversight.visibility.records import Restrictable
from oversight.visibility.viewer import Viewer

from .meetings import factories as f
from .meetings.scenario import build

# Pages not read here, and why.
NOT_READ = {
    "logout": "signs the reader out",
    "login": "the sign-in form shows no record",
}
# The admin site shows everything to administrators only; Django guards it.
NOT_READ_NAMESPACES = {"admin"}
PERSONAS = [None, "community", "outsider"]


def _marker(kind: str) -> str:
    return f"ZZLEAK{kind.upper()}Q7"


def _patterns(resolver=None, prefix="", namespace=""):
    """(url name, route, pattern) of every page in the URL conf."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in NOT_READ_NAMESPACES:
                continue
            inner = f"{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name not in NOT_READ:
            yield namespace + (entry.name or ""), "/" + prefix + str(entry.pattern), entry


def _arguments(s) -> dict[str, list[list]]:
    """For every page taking arguments, the records it is read for: the restricted ones
    and those they hang from."""
    r = s.records
    meetings = [[s.sept.pk], [r["Meeting"].pk]]
    items = [[s.secret_action.pk], [r["TrackedItem"].pk], [s.action.pk]]
    body = [[s.b.body.pk]]
    return {
        "meeting": meetings,
        "meeting_edit": meetings,
        "meeting_status": meetings,
        "meeting_next": meetings,
        "meeting_agenda": meetings,
        "meeting_agenda_docx": meetings,
        "meeting_agenda_pdf": meetings,
        "meeting_minutes": meetings,
        "meeting_minutes_docx": meetings,
        "meeting_minutes_pdf": meetings,
        "meeting_agenda_edit": meetings,
        "meeting_paper_add": meetings,
        "meeting_report_add": meetings,
        "meeting_attendance": meetings,
        "meeting_minutes_edit": meetings,
        "meeting_minutes_approve": meetings,
        "meeting_correction_add": meetings,
        "agenda_item_edit": [[s.exempt.pk]],
        "agenda_item_move": [[s.exempt.pk]],
        "agenda_item_remove": [[s.exempt.pk]],
        "meeting_item_minutes": [[s.exempt.pk]],
        "meeting_paper": [[r["Paper"].pk]],
        "meeting_paper_remove": [[r["Paper"].pk]],
        "meeting_carried_action": [[s.dec.pk, s.secret_action.pk]],
        "meeting_body": body,
        "meeting_body_ics": body,
        "forward_plan_add": body,
        "forward_plan_edit": [[r["ForwardPlanItem"].pk]],
        "forward_plan_schedule": [[r["ForwardPlanItem"].pk]],
        "forward_plan_withdraw": [[r["ForwardPlanItem"].pk]],
        "review": [[r["Review"].pk], [s.public_review.pk]],
        "review_edit": [[r["Review"].pk]],
        "recommendation_new": [[r["Review"].pk]],
        "recommendation": [[r["Recommendation"].pk], [s.public_rec.pk]],
        "recommendation_edit": [[r["Recommendation"].pk], [s.public_rec.pk]],
        "respond": [[r["Recommendation"].pk], [s.public_rec.pk]],
        "item_new": [[r["Recommendation"].pk]],
        "item": items,
        "item_edit": items,
        "add_update": items,
        "verify": items,
        "return_item": items,
        "evidence": [[s.evidence.pk]],
        "plan": [[r["ActionPlan"].pk]],
        "indicator": [[r["Indicator"].slug]],
        "indicator_csv": [[r["Indicator"].slug]],
        "indicator_edit": [[r["Indicator"].slug]],
        "indicator_value_new": [[r["Indicator"].slug]],
        "indicator_link_item": [[r["Indicator"].slug]],
        "indicator_unlink_item": [[r["Indicator"].slug, r["TrackedItem"].pk]],
        "body_indicators": body,
        # Imports are scrutiny officers' pages (none of these personas); stop and search
        # holds no restricted record. Read all the same, for their refusals.
        "import_detail": [[0]],
        "import_status": [[0]],
        "import_original": [[0]],
        "import_again": [[0]],
        "import_page": [[0, 1, 0, 1]],
        "import_section": [[0, "recommendations"]],
        "import_publish": [[0]],
        # The ModernGov connector is for scrutiny officers and administrators only.
        "moderngov_site": [[0]],
        "moderngov_meeting": meetings,
        "moderngov_conflict_resolve": [[0]],
        "round": [[r["UpdateRound"].pk]],
        "round_close": [[r["UpdateRound"].pk]],
        "update_report": [[r["Review"].pk], [s.public_review.pk]],
        "api:review": [[r["Review"].pk]],
        "api:recommendation": [[r["Recommendation"].pk]],
        "api:item": items,
        "api:meeting": meetings,
        "api:indicator": [[r["Indicator"].slug]],
        "api:stopsearch_summary": [["Hackney"]],
        "stopsearch:dashboard": [["hackney"]],
        "stopsearch:csv": [["hackney", "searches"]],
        **_community_arguments(s),
    }


def _community_arguments(s) -> dict[str, list[list]]:
    """Community feedback: the restricted one, the declined and unmoderated ones, the
    finding of a restricted session, and the public one linked to restricted records."""
    r = s.records
    feedback = [
        [r["Feedback"].pk],
        [s.declined.pk],
        [s.pending.pk],
        [s.finding.pk],
        [s.public_feedback.pk],
    ]
    return {
        "you_said_we_did_for": [[f"organisation-{s.b.police.pk}"], [f"body-{s.panel.pk}"]],
        "feedback": feedback,
        "feedback_moderate": feedback,
        "feedback_respond": feedback,
        "feedback_link": feedback,
        "feedback_unlink": feedback,
        "feedback_new_action": feedback,
        "feedback_forget_contact": feedback,
        "panel_session": [[r["PanelSession"].pk], [s.public_session.pk]],
        "panel_session_new": [[s.panel.pk]],
    }


def _filters(s) -> list[str]:
    """Every filter of the lists (tracker/forms.py ListFilterForm, the indicators'
    FilterForm): search for the records' words (not the marker, which the search box
    echoes), the board and the owning organisation, every status and RAG rating."""
    statuses = {*RECOMMENDATION_STATUS_LABELS, *TrackedItem.Status.values}
    return [
        "",
        "?q=named",
        "?q=named+case",
        f"?body={s.b.body.pk}",
        f"?organisation={s.b.police.pk}",
        "?origin=action",
        *(f"?status={status}" for status in sorted(statuses)),
        *(f"?rag={rag.value}" for rag in Rag),
    ]


def _urls(s) -> list[str]:
    arguments = _arguments(s)
    filters = _filters(s)
    urls = []
    for name, _route, entry in _patterns():
        if not entry.pattern.converters:
            urls += [reverse(name) + query for query in filters]
        else:
            urls += [reverse(name, args=args) for args in arguments[name]]
    return urls


def _restricted(s) -> dict[str, Restrictable]:
    """A restricted record of every restrictable kind, each under records that are not."""
    b = s.b
    review = Review.private_objects.create(
        body=b.body, title=f"Named review {_marker('Review')}", restricted=True, published=True
    )
    rec = Recommendation.private_objects.create(
        review=s.public_review,
        number="9",
        position=9,
        text=f"The named case {_marker('Recommendation')}",
        restricted=True,
    )
    plan = ActionPlan.private_objects.create(
        title=f"Named plan {_marker('ActionPlan')}",
        owning_body=b.body,
        overseeing_body=b.body,
        published=True,
        restricted=True,
    )
    paper = meeting_ops.add_paper(
        s.sept,
        file=SimpleUploadedFile("named.pdf", _marker("Paper").encode(), "application/pdf"),
        title=f"Named paper {_marker('Paper')}",
        agenda_item=s.prevent,
        restricted=True,
    )
    return {
        "Meeting": f.meeting(
            b.body, date(2021, 10, 4), title=f"Named meeting {_marker('Meeting')}", restricted=True
        ),
        "AgendaItem": s.exempt,
        "Paper": paper,
        "Decision": Decision.private_objects.create(
            meeting=s.sept,
            agenda_item=s.prevent,
            text=f"The named case {_marker('Decision')}",
            restricted=True,
        ),
        "ForwardPlanItem": ForwardPlanItem.private_objects.create(
            body=b.body, title=f"Named plan entry {_marker('ForwardPlanItem')}", restricted=True
        ),
        "Question": Question.private_objects.create(
            review=s.public_review, text=f"The named case {_marker('Question')}", restricted=True
        ),
        "Review": review,
        "Recommendation": rec,
        "Response": Response.private_objects.create(
            recommendation=s.public_rec,
            organisation=b.police,
            position=Response.Position.ACCEPTED,
            text=f"The named case {_marker('Response')}",
            date=date(2021, 10, 1),
            restricted=True,
        ),
        "ActionPlan": plan,
        "TrackedItem": TrackedItem.private_objects.create(
            text=f"Refer the named case {_marker('TrackedItem')}",
            origin=TrackedItem.Origin.ACTION,
            meeting=s.sept,
            owner_org=b.police,
            start_date=s.sept.date,
            restricted=True,
        ),
        "UpdateRound": UpdateRound.private_objects.create(
            title=f"Named round {_marker('UpdateRound')}",
            body=b.body,
            opened_by=b.clerk,
            deadline=date(2021, 11, 1),
            message=f"About the named case {_marker('UpdateRound')}",
            restricted=True,
        ),
        "Indicator": Indicator.private_objects.create(
            name=f"Named indicator {_marker('Indicator')}",
            slug="named-indicator",
            frequency=Indicator.Frequency.values[0],
            body=b.body,
            restricted=True,
        ),
        "PanelSession": PanelSession.private_objects.create(
            panel=s.panel,
            held_on=date(2021, 9, 1),
            for_organisation=b.police,
            notes=f"The named case {_marker('PanelSession')}",
            restricted=True,
        ),
        "Feedback": Feedback.private_objects.create(
            summary=f"The named case {_marker('Feedback')}",
            source=Feedback.Source.CONVERSATION,
            theme=community_ops.add_default_themes()[0],
            for_organisation=b.police,
            moderation=Feedback.Moderation.ACCEPTED,
            restricted=True,
        ),
    }


def _community(s) -> None:
    """Feedback for the police that the public must never read: declined, unmoderated
    (with the sender's contact details), a finding of the restricted session; and an
    accepted one linked to the restricted action and recommendation."""
    b, theme = s.b, community_ops.add_default_themes()[0]
    police = Recipient(organisation=b.police)
    moderator = Viewer.for_user(b.member.user)
    s.pending = community_ops.submit_public_feedback(
        summary=f"The named case {_marker('PendingFeedback')}",
        theme=theme,
        recipient=police,
        contact_name=f"Named sender {_marker('SubmitterContact')}",
        contact_email="named.sender@example.org",
    )
    s.declined = community_ops.submit_public_feedback(
        summary=f"The named case {_marker('DeclinedFeedback')}", theme=theme, recipient=police
    )
    community_ops.decline_feedback(s.declined, viewer=moderator, by=b.member, reason="Names.")
    s.finding = Feedback.private_objects.create(
        summary=f"The named case {_marker('SessionFinding')}",
        source=Feedback.Source.PANEL,
        theme=theme,
        for_organisation=b.police,
        session=s.records["PanelSession"],
        moderation=Feedback.Moderation.ACCEPTED,
    )
    s.public_session = PanelSession.private_objects.create(
        panel=s.panel, held_on=date(2021, 9, 8), for_organisation=b.police
    )
    s.public_feedback = community_ops.log_feedback(
        viewer=moderator,
        by=b.member,
        summary="Publish the named figures",
        source=Feedback.Source.PANEL,
        theme=theme,
        recipient=police,
        session=s.public_session,
    )
    community_ops.link_feedback(
        s.public_feedback,
        viewer=moderator,
        items=[s.records["TrackedItem"], s.secret_action],
        recommendations=[s.records["Recommendation"]],
    )


@pytest.fixture
def leaky(db):
    """The board's meetings with a restricted record of every kind, the exempt item's
    action under it, and evidence (a file) on the restricted action."""
    s = build()
    s.exempt.title = f"Individual case review {_marker('AgendaItem')}"
    s.exempt.save()
    s.secret_action.text = f"Refer the named case {_marker('UnderExempt')}"
    s.secret_action.save()
    s.community = f.person("Cam Community", username="community", role=Person.Role.COMMUNITY)
    s.public_review = Review.private_objects.create(
        body=s.b.body, title="Public review of named cases", published=True
    )
    s.public_rec = Recommendation.private_objects.create(
        review=s.public_review, number="1", position=1, text="Publish the named figures"
    )
    s.panel = f.body("Community Scrutiny Panel")
    s.records = _restricted(s)
    _community(s)
    update = tracker_ops.record_update(
        s.records["TrackedItem"],
        author=s.b.member,
        narrative="Referred.",
        status=TrackedItem.Status.IN_PROGRESS,
        progress=50,
        files=[SimpleUploadedFile("note.txt", _marker("Evidence").encode(), "text/plain")],
    )
    s.evidence = update.evidence.get()
    return s


MARKERS = [
    *(_marker(kind) for kind in ("UnderExempt", "Evidence")),
    *(
        _marker(kind)
        for kind in ("PendingFeedback", "DeclinedFeedback", "SubmitterContact", "SessionFinding")
    ),
    *(
        _marker(m.__name__)
        for m in (
            Meeting,
            Decision,
            ForwardPlanItem,
            Question,
            Review,
            Recommendation,
            Response,
            ActionPlan,
            TrackedItem,
            Indicator,
            PanelSession,
            Feedback,
        )
    ),
    _marker("AgendaItem"),
    _marker("Paper"),
]


def _text(response) -> str:
    """What a reader gets from a response: the page, or the text inside a DOCX or PDF."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "wordprocessingml" in kind:
        doc = Document(io.BytesIO(body))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if kind.startswith("application/pdf") and body.startswith(b"%PDF") and len(body) > 100:
        try:
            pdf = pypdfium2.PdfDocument(body)
        except pypdfium2.PdfiumError:
            return body.decode("latin-1")
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    return body.decode("utf-8", "replace")


def _seen(client, urls) -> dict[str, set[str]]:
    """For each marker, the pages it was seen on."""
    seen: dict[str, set[str]] = {}
    for url in urls:
        text = _text(client.get(url))
        for marker in re.findall(r"ZZLEAK[A-Z]+Q7", text):
            seen.setdefault(marker, set()).add(url)
    return seen


def _user(username: str):
    return Person.objects.get(user__username=username).user


def test_every_page_of_the_url_conf_is_read_by_the_leak_test(leaky):
    arguments = _arguments(leaky)
    taking = {name for name, _r, entry in _patterns() if entry.pattern.converters}
    assert taking - arguments.keys() == set(), "say which records the leak test reads it for"
    assert arguments.keys() - taking == set(), "no longer in the URL conf"


def test_the_leak_test_has_a_record_of_every_restrictable_kind(leaky):
    def concrete(cls):
        for sub in cls.__subclasses__():
            yield from ([sub] if not sub._meta.abstract else []) + list(concrete(sub))

    assert {m.__name__ for m in concrete(Restrictable)} == leaky.records.keys()
    for record in leaky.records.values():
        assert type(record).objects.filter(pk=record.pk).exists() is False


@pytest.mark.parametrize("who", PERSONAS)
def test_no_restricted_record_reaches_anyone_unconcerned(leaky, client, who):
    if who:
        client.force_login(_user(who))
    assert _seen(client, _urls(leaky)) == {}


def test_the_member_concerned_sees_every_restricted_record(leaky, client):
    client.force_login(_user("member"))
    seen = _seen(client, _urls(leaky))
    assert set(MARKERS) - seen.keys() == set()
    assert reverse("item", args=[leaky.secret_action.pk]) in seen[_marker("UnderExempt")]
    assert reverse("evidence", args=[leaky.evidence.pk]) in seen[_marker("Evidence")]


def _counts(client) -> list[str]:
    """The numbers a page shows, in order: a restricted record must not move them."""
    return re.findall(r">\s*(\d+)\s*<", client.get(reverse("home")).content.decode())


@pytest.mark.parametrize("who", PERSONAS)
def test_restricted_records_do_not_move_the_home_page_counts(leaky, client, who):
    if who:
        client.force_login(_user(who))
    before = _counts(client)
    for record in leaky.records.values():
        type(record).private_objects.filter(pk=record.pk).update(restricted=False)
    assert _counts(client) != before  # the counts do count these records when open
    for record in leaky.records.values():
        type(record).private_objects.filter(pk=record.pk).update(restricted=True)
    assert _counts(client) == before


def test_the_forward_plan_form_does_not_offer_a_restricted_review_of_another_body(leaky, client):
    other = f.body("Health Scrutiny Commission", short="HSC")
    Review.private_objects.create(body=other, title=_marker("Other"), restricted=True)
    client.force_login(_user("clerk"))
    page = client.get(reverse("forward_plan_add", args=[leaky.b.body.pk]))
    assert page.status_code == 200
    assert _marker("Other") not in page.content.decode()
