"""The review screen's sections and `SectionEditor`, which turns a section's forms back
into the contract JSON with its provenance aligned."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from django import forms

from oversight.directory.models import Body, Organisation

from ..loading import document_mode, named_body
from ..models import ImportedDocument
from ..operations import STALE
from .records import (
    FORMS,
    FORMSETS,
    DocumentForm,
    FilingForm,
    MeetingForm,
    NewResponseForm,
    ResponseForm,
    ResponseFormSet,
)

# --- sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    roots: tuple[str, ...]  # the parts of the contract it edits
    noun: str = ""  # one record, for legends: "Commitment 3"
    plural: str = ""

    def count_text(self, imp: ImportedDocument) -> str:
        if self.slug == "document":
            meeting = (imp.extraction or {}).get("meeting")
            return "Title, kind and date" + (", and the meeting" if meeting else "")
        records = imp.records(self.roots[0])
        if not records:
            return "None found"
        text = f"{len(records)} {self.noun.lower() if len(records) == 1 else self.plural}"
        if self.slug == "recommendations":
            n = sum(len(r.get("responses") or []) for r in records)
            text += f", {n} response{'s' if n != 1 else ''}"
        return text


SECTIONS = (
    Section("document", "The document and its meeting", ("document", "meeting")),
    Section(
        "recommendations",
        "Recommendations and responses",
        ("recommendations",),
        "Recommendation",
        "recommendations",
    ),
    Section("commitments", "Commitments", ("commitments",), "Commitment", "commitments"),
    Section("questions", "Questions", ("questions",), "Question", "questions"),
    Section("actions", "Actions", ("actions",), "Action", "actions"),
    Section("attendees", "Attendees", ("attendees",), "Attendee", "attendees"),
    Section("agenda-items", "Agenda items", ("agenda_items",), "Agenda item", "agenda items"),
)
SECTIONS_BY_SLUG = {s.slug: s for s in SECTIONS}
SECTION_OF_ROOT = {root: s for s in SECTIONS for root in s.roots}

# "recommendations[2].responses[0].text: 'x' is too short" -> where and what.
_PROBLEM = re.compile(
    r"^(?P<root>[a-z_]+)(?:\[(?P<i>\d+)\])?(?:\.responses\[(?P<j>\d+)\])?"
    r"(?:\.(?P<field>[a-z_]+))?(?:\[\d+\])?: (?P<what>.*)$",
    re.S,
)


def _dropped(form) -> bool:
    return bool(getattr(form, "cleaned_data", {}).get("DELETE"))


def _ordinal_label(record: dict, index: int, key: str = "number") -> str:
    return record.get(key) or f"{index + 1}"


class SectionEditor:
    """The forms of one section of an import's review, bound to `data` when posted."""

    def __init__(self, section: Section, imp: ImportedDocument, data=None):
        self.section = section
        self.imp = imp
        self.extraction = imp.extraction or {}
        self.provenance = imp.provenance or {}
        self.problems: list[str] = []
        self.located: dict[tuple, forms.Form] = {}
        self.formset = self.responses = self.new_response = None
        if section.slug == "document":
            self.document = DocumentForm(
                data,
                prefix="document",
                initial=DocumentForm.initial_from(self.extraction.get("document")),
            )
            self.meeting = MeetingForm(
                data,
                prefix="meeting",
                initial=MeetingForm.initial_from(self.extraction.get("meeting")),
            )
            self.filing_form = FilingForm(
                data,
                prefix="filing",
                initial=imp.filing,
                bodies=Body.objects.order_by("name"),
                organisations=Organisation.objects.order_by("name"),
                named_body=named_body(self.extraction) if self.extraction else "",
                responds=bool(self.extraction)
                and (
                    document_mode(self.extraction) == "review"
                    or bool(self.extraction.get("recommendations"))
                    or bool(self.extraction.get("commitments"))
                ),
            )
            return
        self.kind = section.roots[0]
        self.stored = imp.records(self.kind)
        form = FORMS[self.kind]
        self.formset = FORMSETS[self.kind](
            data, prefix=self.kind, initial=[form.initial_from(r) for r in self.stored]
        )
        if self.kind == "recommendations":
            self.response_sources = [
                (i, j) for i, r in enumerate(self.stored) for j in range(len(r["responses"]))
            ]
            self.responses = ResponseFormSet(
                data,
                prefix="responses",
                initial=[
                    ResponseForm.initial_from(self.stored[i]["responses"][j])
                    for i, j in self.response_sources
                ],
            )
            choices = [
                (str(i), self.legend(i) + (f": {r['title'][:60]}" if r.get("title") else ""))
                for i, r in enumerate(self.stored)
            ]
            self.new_response = NewResponseForm(
                data, prefix="new-response", recommendations=choices
            )

    # what the template shows ------------------------------------------------------

    def legend(self, index: int) -> str:
        record = self.stored[index]
        noun = self.section.noun
        if self.kind in {"recommendations", "questions", "agenda_items"}:
            return f"{noun} {_ordinal_label(record, index)}"
        return f"{noun} {index + 1}"

    def forms(self) -> list[forms.Form]:
        if self.formset is None:
            return [self.document, self.meeting, self.filing_form]
        found = list(self.formset.forms)
        if self.responses is not None:
            found += [*self.responses.forms, self.new_response]
        return found

    def rows(self) -> list[dict]:
        """Each stored record's form, legend and passage; the form to add one last."""
        if self.formset is None:
            where = self.imp.where
            return [
                {
                    "form": self.document,
                    "legend": "The document",
                    "passage": self.imp.passage_at(where("document", 0)),
                },
                {
                    "form": self.meeting,
                    "legend": "The meeting it was written for",
                    "hint": "Leave every field empty if the document is for no meeting.",
                    "passage": self.imp.passage_at(where("meeting", 0)),
                },
                {
                    "form": self.filing_form,
                    "legend": "Where the records are filed",
                    "hint": "Choose the body, or create it, when the directory does not "
                    "have the one the document names, or the importer cannot tell.",
                    "plain": True,
                },
            ]
        rows = []
        stored_count = len(self.stored)
        for i, form in enumerate(self.formset.forms[:stored_count]):
            where = self.imp.where(self.kind, i)
            row = {"form": form, "legend": self.legend(i), "responses": []}
            if self.kind == "recommendations":
                replies = (where or {}).get("responses") or []
                firsts = [r["start"] for r in replies if r and r.get("start") is not None]
                row["passage"] = self.imp.passage_at(where, stop=min(firsts, default=None))
                row["responses"] = self._response_rows(i, replies)
            else:
                row["passage"] = self.imp.passage_at(where)
            rows.append(row)
        return rows

    def _response_rows(self, index: int, replies: list) -> list[dict]:
        out = []
        mine = [(k, j) for k, (i, j) in enumerate(self.response_sources) if i == index]
        for k, j in mine:
            label = self.legend(index).replace(self.section.noun, "recommendation")
            legend = f"Response {j + 1} to {label}" if len(mine) > 1 else f"Response to {label}"
            where = replies[j] if j < len(replies) else None
            out.append(
                {
                    "form": self.responses.forms[k],
                    "legend": legend,
                    "passage": self.imp.passage_at(where),
                }
            )
        return out

    def add_form(self):
        """The empty form for a record the importer missed."""
        if self.formset is None:
            return None
        extra = self.formset.forms[len(self.stored) :]
        return extra[0] if extra else None

    def management_forms(self) -> list:
        if self.formset is None:
            return []
        found = [self.formset.management_form]
        if self.responses is not None:
            found.append(self.responses.management_form)
        return found

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary, in page order."""
        links = [("#main-content", p) for p in self.problems]
        for formset in (self.formset, self.responses):
            if formset is not None:
                links += [("#main-content", e) for e in formset.non_form_errors()]
        for form in self.forms():
            for e in form.non_field_errors():
                links.append((f"#{form.prefix}", e))
            for name, errors in form.errors.items():
                if name in form.fields:
                    bf = form[name]
                    links += [(f"#{bf.id_for_label}", e) for e in errors]
        return links

    # checking and the result ------------------------------------------------------

    def is_valid(self) -> bool:
        if self.formset is None:
            return all(
                [self.document.is_valid(), self.meeting.is_valid(), self.filing_form.is_valid()]
            )
        # The formsets skip forms left empty at the end and records being dropped.
        valid = self.formset.is_valid()
        if self.formset.initial_form_count() != len(self.stored):
            self.problems.append(STALE)
            valid = False
        if self.responses is not None:
            valid = all([self.responses.is_valid(), self.new_response.is_valid()]) and valid
        for form in self.forms():
            if _dropped(form):
                # Whatever is wrong with a record being dropped no longer matters.
                form.errors.clear()
        return valid

    def filing(self) -> dict | None:
        """Where the records are filed, as corrected: only the document's section
        sets it (None elsewhere: unchanged)."""
        return self.filing_form.filing() if self.formset is None else None

    def result(self) -> tuple[dict, dict]:
        """The import's contract JSON and provenance with this section's corrections:
        dropped records left out, added ones appended (with no provenance)."""
        data = copy.deepcopy(self.extraction)
        provenance = copy.deepcopy(self.provenance)
        self.located = {}
        if self.formset is None:
            data["document"] = self.document.record()
            data["meeting"] = self.meeting.record()
            self.located = {("document",): self.document, ("meeting",): self.meeting}
            return data, provenance
        records, wheres = [], []
        for i, form in enumerate(self.formset.forms):
            stored = i < len(self.stored)
            if stored and _dropped(form):
                continue
            if not stored and not form.has_changed():
                continue
            record = form.record()
            where = copy.deepcopy(self.imp.where(self.kind, i)) if stored else None
            if self.kind == "recommendations":
                where = self._with_responses(i, record, where, len(records))
            self.located[(self.kind, len(records))] = form
            records.append(record)
            wheres.append(where)
        data[self.kind] = records
        provenance[self.kind] = wheres
        return data, provenance

    def _with_responses(self, i: int, record: dict, where: dict | None, new_index: int):
        stored_replies = (where or {}).get("responses") or []
        replies = []
        for k, (ri, j) in enumerate(self.response_sources):
            form = self.responses.forms[k]
            if ri != i or _dropped(form):
                continue
            self.located[(self.kind, new_index, len(record["responses"]))] = form
            record["responses"].append(form.record())
            replies.append(stored_replies[j] if j < len(stored_replies) else None)
        if i < len(self.stored) and self.new_response.parent() == i:
            self.located[(self.kind, new_index, len(record["responses"]))] = self.new_response
            record["responses"].append(self.new_response.record())
            replies.append(None)
        if where is None:
            return {"responses": replies} if replies else None
        where["responses"] = replies
        return where

    def add_problems(self, problems: list[str]) -> None:
        """Put the contract's complaints about `result()` beside the fields concerned."""
        for problem in problems:
            m = _PROBLEM.match(problem)
            if not m:
                self.problems.append(problem)
                continue
            key = tuple(
                int(v) if v.isdigit() else v for v in (m["root"], m["i"], m["j"]) if v is not None
            )
            form = self.located.get(key)
            what = m["what"][:1].upper() + m["what"][1:]
            if form is not None and m["field"] in form.fields:
                form.add_error(m["field"], what)
            elif form is not None:
                form.add_error(None, what)
            else:
                self.problems.append(problem)
