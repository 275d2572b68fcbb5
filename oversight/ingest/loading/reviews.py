"""Reviews, their recommendations, the responses to them and any questions: a scrutiny
response or report becomes a `Review` of the commission it names (or the body the
officer chose), with every recommendation, who it is addressed to and each response."""

from __future__ import annotations

import re

from oversight.directory.models import Body, Organisation
from oversight.tracker.models import Question, Recommendation, Response, Review

from .base import slug, text_hash
from .names import MEETING_BODY, commission_in

_CHAIR_LABEL = re.compile(r"\b(?:chair|vice[- ]chair|cllr|councillor|mayor)\b", re.IGNORECASE)


def infer_position(text: str) -> str:
    """A response's position, only where its words say so; otherwise not stated."""
    t = " ".join((text or "").split()).lower()
    P = Response.Position
    if re.match(r"(partially (agreed|accepted)|(agreed|accepted) in part)\b", t):
        return P.PARTIALLY_ACCEPTED
    if re.match(r"(not (agreed|accepted|supported)|rejected|disagree)\b", t):
        return P.NOT_ACCEPTED
    if re.match(r"(agreed|accepted|agree|we agree|supported)\b", t):
        return P.ACCEPTED
    if re.match(r"noted\b", t):
        return P.NOTED
    if (
        re.match(r"referred\b", t)
        or re.search(r"\bdirected at (the )?scrutiny commissions?\b", t)
        or re.search(r"\b(is|are|has been|have been|will be) referred to\b", t)
    ):
        return P.REFERRED
    return P.NOT_STATED


def number_key(number: str | None) -> str:
    """A recommendation's number as the document means it: "07" and "7" are one."""
    n = (number or "").strip().lower()
    return n.lstrip("0") or n


class ReviewRecords:
    """The loader's part that writes a review and what hangs from it."""

    def review_body(self, meeting_body: Body | None) -> Body | None:
        """The body a review is filed under: the officer's choice, else the commission
        the title names, else the body of the meeting the document was written for."""
        chosen = self.chosen_body(kind=Body.Kind.COMMISSION)
        if chosen is not None:
            return chosen
        commission = commission_in((self.doc["title"] or "").strip())
        if commission:
            return self.body(commission, kind=Body.Kind.COMMISSION)
        return meeting_body

    def responding_organisation(self, meeting_body: Body | None) -> Organisation | None:
        """Who answers an unlabelled response and owns a commitment no response claims:
        the officer's choice, else the council when the Cabinet (or another council
        body) responds to a scrutiny review."""
        chosen = self.chosen_responder()
        if chosen is not None:
            return chosen
        if self.doc["kind"] == "scrutiny_response":
            return (
                meeting_body.organisation if meeting_body and meeting_body.organisation else None
            ) or self.council
        return None

    def load_review(self, meeting_body: Body | None, *, questions: bool = True) -> Review:
        title = (self.doc["title"] or "").strip()
        review_body = self.review_body(meeting_body)
        review_title = title
        if self.doc["kind"] == "scrutiny_response":
            # "Cabinet Response to the X Commission Investigation into Y" is the response
            # to a review; the review is "X Commission Investigation into Y".
            stripped = re.sub(r"^.*?\bresponse to (the )?", "", title, count=1, flags=re.I)
            if stripped and stripped != title:
                review_title = stripped[0].upper() + stripped[1:]
        values = {"body": review_body, "title": (review_title or "Untitled review")[:500]}
        if self.doc_date:
            values["date"] = self.doc_date
        if self.source_name:
            values["source_document"] = self.source_name[:300]
        if self.publish:
            values["published"] = True
        review, _ = self.sync(
            Review, "review", {"source_key": self.report.document_key + ":review"}, values
        )
        self.report.review = review

        default_responder = self.responding_organisation(meeting_body)
        recs_by_number: dict[str, Recommendation] = {}
        unnumbered: dict[str, Recommendation] = {}
        for position, rec_data in enumerate(self.data["recommendations"], start=1):
            rec = self.load_recommendation(review, position, rec_data, default_responder)
            if rec_data["number"]:
                recs_by_number.setdefault(number_key(rec_data["number"]), rec)
            else:
                unnumbered[str(position)] = rec
        # The review screen calls a recommendation the document leaves unnumbered by its
        # place ("Recommendation 3"), so a commitment the officer says answers
        # recommendation 3 answers that one, unless one is numbered 3.
        for label, rec in unnumbered.items():
            recs_by_number.setdefault(label, rec)

        for c in self.data["commitments"]:
            rec = recs_by_number.get(number_key(c["recommendation"]))
            if rec is None and c["recommendation"]:
                self.report.warnings.append(
                    f"Commitment names recommendation {c['recommendation']}, which the "
                    f"document does not have; filed under the review: {c['text'][:80]!r}"
                )
            self.load_commitment(review, rec, c, default_owner=default_responder)

        for q in self.data["questions"] if questions else []:
            self.load_question(q, review=review, asked_by=review_body)
        return review

    def load_recommendation(
        self, review: Review, position: int, d: dict, default_responder: Organisation | None
    ) -> Recommendation:
        natural = d["number"] or f"h{text_hash(d['text'])}"
        key = self.unique_key(f"{self.report.document_key}:rec:{natural}")
        rec, _ = self.sync(
            Recommendation,
            "recommendation",
            {"source_key": key},
            {
                "review": review,
                "number": d["number"] or "",
                "position": position,
                "title": (d["title"] or "")[:500],
                "text": d["text"].strip(),
            },
        )
        # Responses first: a responder named in full ("Metropolitan Police Service")
        # lets an addressee label that pairs it with another ("... and MOPAC") split.
        for index, r in enumerate(d["responses"], start=1):
            self.load_response(rec, key, index, r, default_responder)

        orgs, bodies = [], []
        for label in d["addressees"]:
            for found in self.addressee(label):
                target = orgs if isinstance(found, Organisation) else bodies
                if found not in target:
                    target.append(found)
        changed = self.set_m2m(rec, "addressed_to_orgs", orgs)
        changed = self.set_m2m(rec, "addressed_to_bodies", bodies) or changed
        if changed:
            self.report.count("addressees", "updated")
        return rec

    def addressee(self, label: str) -> list[Organisation | Body]:
        label = label.strip()
        if org := Organisation.find(label):
            return [org]
        if body := Body.find(label):
            return [body]
        # "Metropolitan Police Service and MOPAC" names two: split it when at least one
        # part is known (else "Children and Families Service" would split too).
        parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|\s*&\s*", label) if p.strip()]
        if len(parts) > 1:
            found = [Organisation.find(p) or Body.find(p) for p in parts]
            if any(found):
                return [
                    known or self.addressee(part)[0]
                    for known, part in zip(found, parts, strict=True)
                ]
        if MEETING_BODY.search(label):
            return [self.body(label)]
        return [self.organisation(label)]

    def load_response(
        self,
        rec: Recommendation,
        rec_key: str,
        index: int,
        d: dict,
        default_responder: Organisation | None,
    ) -> Response:
        label = (d["responder"] or "").strip()
        if not label:
            organisation = default_responder
        elif _CHAIR_LABEL.search(label) and "," in label:
            # "Cllr Ben Hayhurst, Chair, Health in Hackney Scrutiny Commission": a
            # commission's chair answers for the council's scrutiny function.
            organisation = self.council
        else:
            organisation = self.organisation(label)
        key = self.unique_key(f"{rec_key}:resp:{index}:{slug(label, 40)}")
        values = {
            "recommendation": rec,
            "responder_label": label[:300],
            "position": infer_position(d["text"]),
            "text": d["text"].strip(),
        }
        if self.doc_date:
            values["date"] = self.doc_date
        response, _ = self.sync(
            Response,
            "response",
            {"source_key": key},
            values,
            fill={"organisation": organisation},
        )
        return response

    def load_question(self, d: dict, *, review=None, meeting=None, asked_by=None) -> Question:
        parent_key = self.report.document_key if review else self.meeting_key
        natural = d["number"] or f"h{text_hash(d['text'])}"
        key = self.unique_key(f"{parent_key}:q:{natural}")
        answer = (d["response"] or "").strip()
        question, created = self.sync(
            Question,
            "question",
            {"source_key": key},
            {
                "review": review,
                "meeting": meeting,
                "number": d["number"] or "",
                "text": d["text"].strip(),
                "answer": answer,
            },
            on_create={
                "status": Question.Status.ANSWERED if answer else Question.Status.ASKED,
            },
            fill={"asked_by": asked_by},
        )
        if not created and answer and question.status == Question.Status.ASKED:
            question.status = Question.Status.ANSWERED
            question._change_reason = self.reason
            question.save(update_fields=["status"])
        return question
