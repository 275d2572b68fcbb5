"""`oversight demo`: a realistic tracker to try the product with, one sign-in per role.

Seeds the Hackney partnership's directory, loads the three sample documents (published),
creates demo users, then plays a few weeks of work: updates with evidence, one item
verified by the commission, one returned with a reason, one restricted item, owners
assigned, and an action plan with items due in 2027. Running it again changes nothing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from oversight.community.demo import add_demo_community
from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.directory.seed import seed_directory
from oversight.indicators.demo import add_demo_indicators
from oversight.indicators.feeds import feed_stopsearch_disproportionality
from oversight.ingest.operations import import_document
from oversight.meetings.demo import add_demo_meetings
from oversight.stopsearch.demo import add_demo_stopsearch
from oversight.tracker import operations
from oversight.tracker.models import ActionPlan, Review, TrackedItem, Verification
from oversight.visibility.viewer import Viewer

# The papers it imports ship in the package: no checkout of the repository is needed.
SAMPLES = Path(__file__).resolve().parents[2] / "data"
DOCUMENTS = [
    "cabinet-response-serious-violence-2020",
    "scrutiny-child-q-alignment",
    "sog-2021-09-27",
]
# Must pass every AUTH_PASSWORD_VALIDATOR: `people()` checks it before setting it.
DEMO_PASSWORD = "try-the-oversight-demo"
REASON = "Demo data"


@dataclass(frozen=True)
class Persona:
    username: str
    name: str
    job_title: str
    organisation: str | None
    role: str
    label: str
    try_this: str


PERSONAS = [
    Persona(
        "scrutiny",
        "Sam Reid",
        "Scrutiny officer",
        "London Borough of Hackney",
        Person.Role.SCRUTINY,
        "Scrutiny officer, Living in Hackney and the other commissions",
        "the dashboard's items awaiting verification; verify the IGU Community Forum "
        "item; see the restricted handcuffing item in the Trust and Confidence plan; "
        "import a committee document (Dashboard, Import a document) and publish it",
    ),
    Persona(
        "police",
        "Pat Okafor",
        "Inspector, Central East BCU",
        "Metropolitan Police Service",
        Person.Role.PARTNER,
        "Police partner officer (MPS)",
        "your items in the Trust and Confidence in Policing Action Plan; add an update "
        "with a link as evidence; moderate the community feedback awaiting the police "
        "(Community feedback, /community/feedback/)",
    ),
    Persona(
        "council",
        "Chris Lee",
        "Integrated Gangs Unit manager",
        "London Borough of Hackney",
        Person.Role.PARTNER,
        "Council partner officer (LBH, Integrated Gangs Unit)",
        "your IGU commitments (one returned by the commission with a reason); "
        "clerk the Statutory Officer Group's next meeting; hand your work over",
    ),
    Persona(
        "nhs",
        "Priya Shah",
        "Head of partnerships, mental health",
        "East London NHS Foundation Trust",
        Person.Role.PARTNER,
        "NHS partner officer (ELFT)",
        "the mental health referral pathway commitment; upload a file as evidence",
    ),
    Persona(
        "community",
        "Jordan Ellis",
        "",
        None,
        Person.Role.COMMUNITY,
        "Community member",
        "your community page: the Community Scrutiny Panel's session and what became of "
        "its findings; record a session; read /you-said-we-did/; the restricted item is "
        "not there",
    ),
    Persona(
        "admin",
        "Alex Morgan",
        "System administrator",
        "London Borough of Hackney",
        Person.Role.ADMIN,
        "Administrator (superuser)",
        "everything, restricted records included; the directory in /admin/",
    ),
]

COMMISSIONS = [
    "Living in Hackney Scrutiny Commission",
    "Children and Young People Scrutiny Commission",
    "Health in Hackney Scrutiny Commission",
    "Skills, Economy and Growth Commission",
]

PLAN_TITLE = "Trust and Confidence in Policing Action Plan"
PLAN_KEY = "demo:plan:trust-and-confidence"
# (key, text, owner persona, start, due, precision, restricted)
PLAN_ITEMS = [
    (
        "stop-search-data",
        "Publish Hackney's stop and search figures every month, with disproportionality "
        "by ethnicity and the positive outcome rate, and present them to the Community "
        "Scrutiny Panel",
        "police",
        date(2026, 9, 1),
        date(2027, 3, 31),
        TrackedItem.Precision.DAY,
        False,
    ),
    (
        "bwv-review",
        "Community Scrutiny Panel to review body-worn video of stop and searches of "
        "under-18s each quarter, with its findings published",
        "police",
        date(2026, 4, 1),
        date(2027, 1, 1),
        TrackedItem.Precision.MONTH,
        False,
    ),
    (
        "handcuffing-review",
        "Share the BCU's internal review of the use of handcuffs on children aged 10-14 "
        "with the Commission in confidence",
        None,
        date(2026, 7, 1),
        date(2027, 2, 28),
        TrackedItem.Precision.DAY,
        True,
    ),
]


def _pdf(title: str, lines: list[str]) -> bytes:
    """A small real PDF, as an officer would attach."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.setTitle(title)
    page.setFont("Helvetica-Bold", 14)
    page.drawString(72, 770, title)
    page.setFont("Helvetica", 11)
    for n, line in enumerate(lines):
        page.drawString(72, 740 - 16 * n, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Load demo data and create one demo sign-in per role. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            seeded = seed_directory()
            self.stdout.write(
                f"Directory: {len(seeded.created)} created, {len(seeded.updated)} updated."
            )
            people = self.people()
            self.lead_contacts(people)
            reviews = {}
            for name in DOCUMENTS:
                # Through the importer, as a scrutiny officer uploading and publishing
                # the document would: the imports list shows where the records came from.
                imp = import_document(
                    SAMPLES / "documents" / f"{name}.txt", user=people["scrutiny"].user
                )
                reviews[name] = imp.review
                counts = (imp.load_report or {}).get("counts", {})
                created = sum(c["created"] for c in counts.values())
                self.stdout.write(f"Imported {name}: {created} records created.")
            self.work(people, reviews["cabinet-response-serious-violence-2020"])
            # The SOG meeting held, minuted and approved, and its follow-up meeting.
            meetings = add_demo_meetings()
            if meetings is not None:
                self.stdout.write("Meetings: the SOG meeting minuted, with its follow-up.")
            if add_demo_community(people) is not None:
                self.stdout.write(
                    "Community: feedback from the SOG meeting's community conversation and "
                    "a Community Scrutiny Panel session, linked to actions."
                )
            indicators = add_demo_indicators()
            self.stdout.write(f"Indicators: {indicators.to_dict()}")
        # DuckDB, outside the main database's transaction; idempotent by itself.
        imported = add_demo_stopsearch()
        self.stdout.write(
            "Stop and search: sample already imported"
            if imported is None
            else f"Stop and search: imported {imported.rows:,} records"
        )
        with transaction.atomic():
            fed = feed_stopsearch_disproportionality(settings.STOPSEARCH_DB, area="Hackney")
            if fed is not None:
                self.stdout.write(
                    f"Indicators: Hackney stop-and-search ratio, {fed.created} months added"
                )
        self.stdout.write("")
        self.stdout.write("Demo sign-ins:")
        for p in PERSONAS:
            self.stdout.write(f"  {p.username:<10} {p.label}")
            self.stdout.write(f"  {'':<10} try: {p.try_this}")
        self.stdout.write(f"Password for each: {DEMO_PASSWORD}")

    # --- people -----------------------------------------------------------------------

    def people(self) -> dict[str, Person]:
        User = get_user_model()
        people: dict[str, Person] = {}
        for p in PERSONAS:
            user = User.objects.filter(username=p.username).first()
            if user is None:
                user = User(username=p.username)
            is_admin = p.role == Person.Role.ADMIN
            if (
                user.pk is None
                or not user.check_password(DEMO_PASSWORD)
                or user.is_superuser != is_admin
            ):
                user.first_name, _, user.last_name = p.name.partition(" ")
                validate_password(DEMO_PASSWORD, user)
                user.set_password(DEMO_PASSWORD)
                user.is_staff = user.is_superuser = is_admin
                user.save()
            org = Organisation.find(p.organisation) if p.organisation else None
            person = Person.objects.filter(user=user).first()
            if person is None:
                person = Person(user=user, name=p.name)
            wanted = {
                "name": p.name,
                "job_title": p.job_title,
                "organisation_id": org.pk if org else None,
                "role": p.role,
            }
            if person.pk is None or any(getattr(person, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(person, k, v)
                person._change_reason = REASON
                person.save()
            people[p.username] = person

        seats = [("scrutiny", name, Membership.Role.OFFICER) for name in COMMISSIONS]
        seats += [
            ("police", "Community Safety Partnership Statutory Officer Group", "member"),
            ("council", "Gangs and Serious Violence Board", "member"),
            # The council officer clerks the SOG: agendas, attendance, minutes.
            ("council", "Community Safety Partnership Statutory Officer Group", "officer"),
            # The community member sits on the panel that reviews body-worn video.
            ("community", "Community Scrutiny Panel", "member"),
        ]
        for username, body_name, role in seats:
            body = Body.find(body_name)
            if body is None:
                continue
            if not Membership.objects.filter(
                person=people[username], body=body, end__isnull=True
            ).exists():
                Membership.objects.create(
                    person=people[username], body=body, role=role, start=date(2026, 5, 1)
                )
        return people

    def lead_contacts(self, people: dict[str, Person]) -> None:
        """Each partner persona is their organisation's lead contact, with an address
        update rounds can write to (the console backend prints it in development)."""
        for username in ("council", "nhs", "police"):
            person = people[username]
            if not person.user.email:
                person.user.email = f"{username}@example.org"
                person.user.save(update_fields=["email"])
            org = person.organisation
            if org is not None and org.lead_contact_id is None:
                org.lead_contact = person
                org._change_reason = REASON
                org.save(update_fields=["lead_contact"])
        scrutiny = people["scrutiny"].user
        if not scrutiny.email:
            scrutiny.email = "scrutiny@example.org"
            scrutiny.save(update_fields=["email"])

    # --- a few weeks of work ----------------------------------------------------------

    def item(self, review: Review, starts: str) -> TrackedItem:
        return TrackedItem.private_objects.get(
            recommendation__review=review, text__startswith=starts
        )

    def assign(self, item: TrackedItem, person: Person, org: Organisation | None = None):
        changed = []
        if item.owner_person_id is None:
            item.owner_person = person
            changed.append("owner_person")
        if org is not None and item.owner_org_id != org.pk and "owner_person" in changed:
            item.owner_org = org
            changed.append("owner_org")
        if changed:
            item._change_reason = "Owner assigned"
            item.save(update_fields=changed)

    def update(self, item: TrackedItem, person: Person, narrative: str, status: str, **kw):
        if item.updates.filter(narrative=narrative).exists():
            return
        operations.record_update(
            item,
            author=person,
            user=person.user,
            narrative=narrative,
            status=status,
            progress=kw.pop("progress", 0),
            **kw,
        )

    def work(self, people: dict[str, Person], review: Review) -> None:
        scrutiny, council, nhs, police = (
            people["scrutiny"],
            people["council"],
            people["nhs"],
            people["police"],
        )
        lbh = Organisation.find("LBH")
        elft = Organisation.find("ELFT")
        mps = Organisation.find("MPS")
        overseer = Viewer.for_user(scrutiny.user)

        # Owners: the IGU manager owns the council's IGU commitments; ELFT's lead owns
        # the mental health ones.
        igu = {
            "independent_review": self.item(review, "The IGU is to be reviewed independently"),
            "outcome_measures": self.item(review, "Outcome measures for the IGU"),
            "referrals": self.item(review, "The efficacy of the referral process"),
            "scoping": self.item(review, "Once the scoping work has been completed"),
            "options_paper": self.item(review, "The options paper will be produced"),
            "forum": self.item(review, "It is our intention to dedicate an agenda item"),
        }
        for item in igu.values():
            self.assign(item, council, lbh)
        pathway = self.item(review, "A formal referral pathway will be developed with ELFT")
        mainstream = self.item(review, "As a key partner ELFT will be involved")
        self.assign(pathway, nhs)
        self.assign(mainstream, nhs, elft)

        # Verified: the options paper, with the paper itself as evidence.
        paper = _pdf(
            "IGU pre-apprenticeship options paper",
            [
                "Gangs and Serious Violence Board, March 2020",
                "Options for ring-fencing pre-apprenticeship places for the IGU cohort.",
                "Recommended option: 10 ring-fenced places a year with Hackney Works.",
            ],
        )
        options = igu["options_paper"]
        self.update(
            options,
            council,
            "The options paper on ring-fenced pre-apprenticeship places for the IGU cohort "
            "went to the Gangs and Serious Violence Board and was agreed. The paper is attached.",
            TrackedItem.Status.COMPLETE,
            files=[
                SimpleUploadedFile("igu-apprenticeship-options-paper.pdf", paper, "application/pdf")
            ],
            evidence_note="Options paper as agreed by the GSVB",
        )
        # The council owns the options paper, so the commission's officer, who works for
        # the council, may not verify it: it waits for a member from elsewhere.

        # Verified: ELFT's commitment, checked by the commission's officer.
        self.update(
            mainstream,
            nhs,
            "ELFT's IGU clinical lead now sits on the IGU's weekly case panel; the panel's "
            "terms of reference name ELFT as a core member.",
            TrackedItem.Status.COMPLETE,
            links=["https://www.elft.nhs.uk/services"],
            evidence_note="IGU case panel terms of reference",
        )
        mainstream.refresh_from_db()
        if mainstream.verified_at is None:
            operations.verify_item(
                mainstream,
                viewer=overseer,
                by=scrutiny,
                checked="Read the case panel's terms of reference (ELFT named as a core "
                "member) and the minutes of its last two meetings, which the lead attended.",
            )

        # Complete and awaiting verification: the council's own commitment.
        referrals = igu["referrals"]
        self.update(
            referrals,
            council,
            "The referral process was covered by the independent review of the IGU.",
            TrackedItem.Status.COMPLETE,
            links=["https://hackney.moderngov.co.uk/mgCommitteeDetails.aspx?ID=132"],
            evidence_note="Terms of reference of the independent IGU review",
        )

        # In progress, with a text file as evidence.
        self.update(
            igu["independent_review"],
            council,
            "The independent review of the IGU has started; interviews with partners are "
            "complete and the draft report is due to the GSVB next quarter.",
            TrackedItem.Status.IN_PROGRESS,
            progress=60,
            files=[
                SimpleUploadedFile(
                    "igu-review-terms-of-reference.txt",
                    b"Independent review of the Integrated Gangs Unit\n"
                    b"Terms of reference\n\n"
                    b"1. Outcome measures for the IGU and its component parts.\n"
                    b"2. The efficacy of the referral process.\n"
                    b"3. Findings to the Gangs and Serious Violence Board for sign-off.\n",
                    "text/plain",
                )
            ],
            evidence_note="Terms of reference of the review",
        )
        # Complete and awaiting the commission's verification.
        self.update(
            igu["forum"],
            council,
            "The IGU Community Forum discussed the unit's name; the community asked to "
            "keep it. Notes of the forum are published.",
            TrackedItem.Status.COMPLETE,
            links=["https://hackney.gov.uk/integrated-gangs-unit"],
            evidence_note="Notes of the IGU Community Forum",
        )
        self.update(
            pathway,
            nhs,
            "Draft referral pathway agreed with the IGU's clinical lead; it goes to ELFT's "
            "clinical governance group for sign-off before it is shared with the Commission.",
            TrackedItem.Status.IN_PROGRESS,
            progress=50,
            links=["https://www.elft.nhs.uk/services"],
            evidence_note="ELFT services directory entry for the pathway",
        )

        # An action plan with items due in 2027, one of them restricted.
        csp = Body.find("Community Safety Partnership")
        lih = Body.find("Living in Hackney Scrutiny Commission")
        if csp is None or lih is None:
            return
        plan = ActionPlan.private_objects.filter(source_key=PLAN_KEY).first()
        if plan is None:
            plan = ActionPlan(
                title=PLAN_TITLE,
                description="The Community Safety Partnership's actions to rebuild trust and "
                "confidence in policing in Hackney, overseen by Living in Hackney.",
                owning_body=csp,
                overseeing_body=lih,
                published=True,
                source_key=PLAN_KEY,
            )
            plan._change_reason = REASON
            plan.save()
        plan_items = {}
        for key, text, owner, start, due, precision, restricted in PLAN_ITEMS:
            source_key = f"{PLAN_KEY}:{key}"
            item = TrackedItem.private_objects.filter(source_key=source_key).first()
            if item is None:
                item = TrackedItem(
                    source_key=source_key,
                    text=text,
                    origin=TrackedItem.Origin.PLAN,
                    plan=plan,
                    owner_person=people[owner] if owner else None,
                    owner_org=mps,
                    start_date=start,
                    due_date=due,
                    due_precision=precision,
                    restricted=restricted,
                )
                item._change_reason = REASON
                item.save()
            plan_items[key] = item
        self.update(
            plan_items["stop-search-data"],
            police,
            "September and October figures published on the Met's stop and search "
            "dashboard and presented to the Community Scrutiny Panel.",
            TrackedItem.Status.IN_PROGRESS,
            progress=50,
            links=["https://www.met.police.uk/sd/stats-and-data/met/stop-and-search-dashboard/"],
            evidence_note="Met stop and search dashboard",
        )
        self.update(
            plan_items["bwv-review"],
            police,
            "First quarterly review held; panel members trained on the footage protocol.",
            TrackedItem.Status.IN_PROGRESS,
            progress=20,
        )
        # Returned: the police reported it complete, but the evidence is only a dashboard.
        handcuffing = plan_items["handcuffing-review"]
        self.update(
            handcuffing,
            police,
            "The review of handcuffing in stop and search is complete.",
            TrackedItem.Status.COMPLETE,
            links=["https://www.met.police.uk/sd/stats-and-data/met/use-of-force/"],
            evidence_note="Met use of force dashboard",
        )
        if not handcuffing.verifications.filter(decision=Verification.Decision.RETURNED).exists():
            operations.return_item(
                handcuffing,
                viewer=overseer,
                by=scrutiny,
                reason="The link is to the use of force dashboard. Please attach the review's "
                "findings and what has changed in the guidance to officers since.",
            )
