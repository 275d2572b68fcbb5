"""Names and bodies: finding in the directory the organisations, bodies and people a
document names, and creating those it does not have, named as a person would write
them ("MINUTES OF THE MEETING OF THE CORPORATE PARENTING PANEL" files under a new
"Corporate Parenting Panel").

The word lists are the extractor's (extract/words.py), so both read names alike."""

from __future__ import annotations

import re
from functools import cached_property

from django.conf import settings

from oversight.directory.models import Body, Organisation, Person, normalise_name

from ..extract.words import ACRONYMS, MEETING_BODY_WORDS, MINOR_WORDS, TITLES

# Lower-case words inside a body's name ("Living in Hackney", "Skills, Economy and
# Growth"); "of" is not one: "Work of Living in Hackney ..." starts the name after it.
_CONNECTORS = {"in", "and", "&"}

MEETING_BODY = re.compile(rf"\b(?:{'|'.join(sorted(MEETING_BODY_WORDS))})\b", re.IGNORECASE)

# What a document's heading puts around a body's name: "Minutes of the meeting of the
# X", "Agenda for X", "X held on Tuesday 10 December 2024".
_DOCUMENT_WORDS = re.compile(
    r"^(?:(?:draft|unconfirmed|confirmed|approved)\s+)?"
    r"(?:minutes|agenda|notes|summary|record|papers)\s+(?:of|for|from)\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_MEETING_OF = re.compile(r"^(?:(?:[a-z]+\s+)?meeting\s+(?:of|for)\s+(?:the\s+)?)", re.IGNORECASE)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_HELD = re.compile(
    rf"(?:\s*[,–—-]\s*|\s+)(?:held\b.*|(?:on|at)\s+(?:{_WEEKDAY}|\d).*)$"
    # "... PANEL – 10 th December 2024", "..., Tuesday 4 March 2025"
    rf"|\s*[,–—-]\s*(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s*(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{{4}}\s*$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[A-Za-z'’]+")
_VOWEL = re.compile(r"[AEIOUY]")


def ordinary_case(name: str) -> str:
    """A name printed all in capitals, in the case a person writes it ("CORPORATE
    PARENTING PANEL" -> "Corporate Parenting Panel"), acronyms kept ("KCC", "NHS",
    "SEND"). A name with any lower-case letter is kept as the document has it."""
    if not name or any(c.islower() for c in name):
        return name

    def word(m: re.Match) -> str:
        w = m.group(0)
        low = w.lower()
        if low in TITLES or low in {"st", "mr", "mrs", "ms", "dr"}:
            return w[0] + low[1:]
        if low in ACRONYMS or (len(w) > 1 and not _VOWEL.search(w)):
            return w
        if low in MINOR_WORDS and m.start() > 0:
            return low
        # "O'BRIEN" -> "O'Brien", but "CHILDREN'S" -> "Children's".
        parts = re.split(r"(['’])", low)
        return "".join(
            p[:1].upper() + p[1:] if i == 0 or (i % 2 == 0 and len(p) > 1) else p
            for i, p in enumerate(parts)
        )

    return _LETTERS.sub(word, name)


def body_name(label: str) -> str:
    """The body's own name from how a document's heading gives it."""
    name = " ".join((label or "").split())
    bare = _MEETING_OF.sub("", _DOCUMENT_WORDS.sub("", name))
    bare = _HELD.sub("", bare).strip(" ,.:;–—-")
    return ordinary_case(bare or name)


def commission_in(title: str) -> str | None:
    """The first scrutiny commission a title names: a known commission whose name occurs
    in it, or the capitalised words before "Commission" ("... to the Living in Hackney
    Scrutiny Commission Investigation" -> "Living in Hackney Scrutiny Commission")."""
    norm = f" {normalise_name(title)} "
    found: list[tuple[int, int, str]] = []
    for body in Body.objects.filter(kind=Body.Kind.COMMISSION):
        for name in [body.name, *body.aliases]:
            n = normalise_name(name)
            if n and "commission" in n and (pos := norm.find(f" {n} ")) >= 0:
                found.append((pos, -len(n), body.name))
    words = title.replace(",", " ,").split()
    for i, word in enumerate(words):
        if word.strip(".:;").lower() not in {"commission", "commissions"}:
            continue
        j = i - 1
        while j >= 0 and (
            words[j] == "," or words[j][:1].isupper() or words[j].lower() in _CONNECTORS
        ):
            j -= 1
        name_words = words[j + 1 : i + 1]
        while name_words and (name_words[0].lower() in _CONNECTORS or name_words[0] == ","):
            name_words.pop(0)
        if len(name_words) >= 2:
            name = " ".join(name_words).replace(" ,", ",").strip(".:;")
            n = normalise_name(name)
            # A known body found at the same place wins (it sorts first: longer name).
            found.append((norm.find(f" {n} "), 0, name))
            break
    found = [f for f in found if f[0] >= 0]
    return min(found)[2] if found else None


def person_key(name: str) -> str:
    """A person's name for matching, without courtesy titles and ranks."""
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def known_person(name: str) -> Person | None:
    """The person in the directory named `name`, courtesy titles and ranks aside
    ("Cllr Jane Smith" is Jane Smith); the first recorded when several match."""
    wanted = person_key(name) or name.strip().casefold()
    if not wanted:
        return None
    for p in Person.objects.filter(name__icontains=wanted.split()[-1]).order_by("pk"):
        if person_key(p.name) == wanted:
            return p
    return None


def guess_org_kind(name: str) -> str:
    n = normalise_name(name)
    K = Organisation.Kind
    for words, kind in (
        (("police", "constabulary"), K.POLICE),
        (("nhs", "trust", "health", "hospital", "icb", "gp"), K.HEALTH),
        (("council", "borough"), K.COUNCIL),
        (("probation",), K.PROBATION),
        (("safeguarding",), K.SAFEGUARDING),
        (("school", "education", "college", "academy"), K.EDUCATION),
        (("home office", "ministry", "department", "government"), K.GOVERNMENT),
    ):
        if any(f" {w} " in f" {n} " for w in words):
            return kind
    return K.OTHER


_BODY_KINDS = {
    "group": Body.Kind.SUB_GROUP,
    "subgroup": Body.Kind.SUB_GROUP,
    "board": Body.Kind.BOARD,
    "partnership": Body.Kind.PARTNERSHIP,
    "panel": Body.Kind.PANEL,
    "commission": Body.Kind.COMMISSION,
    "committee": Body.Kind.BOARD,
    "cabinet": Body.Kind.CABINET,
}


def guess_body_kind(name: str) -> str:
    """From the last word that names a kind of body: '... Partnership Statutory Officer
    Group' is a sub-group, 'Gangs and Serious Violence Board' a board."""
    for word in reversed(normalise_name(name).split()):
        if word in _BODY_KINDS:
            return _BODY_KINDS[word]
    return Body.Kind.OTHER


class DirectoryRecords:
    """The loader's part that finds or creates organisations, bodies and people."""

    @cached_property
    def council(self) -> Organisation:
        org = (
            Organisation.find(settings.COUNCIL_NAME)
            or Organisation.find("the Council")
            or Organisation.objects.filter(kind=Organisation.Kind.COUNCIL).order_by("pk").first()
        )
        if org is None:
            org, _ = self.sync(
                Organisation,
                "organisation",
                {"name": settings.COUNCIL_NAME},
                {},
                on_create={"kind": Organisation.Kind.COUNCIL},
            )
        return org

    def organisation(self, label: str | None, *, create: bool = True) -> Organisation | None:
        label = (label or "").strip()
        if not label:
            return None
        org = Organisation.find(label)
        if org is not None:
            return org
        body = Body.find(label)
        if body is not None and body.organisation_id:
            return body.organisation
        if not create:
            return None
        org, _ = self.sync(
            Organisation,
            "organisation",
            {"name": ordinary_case(label)[:200]},
            {},
            on_create={"kind": guess_org_kind(label)},
        )
        return org

    def body(self, label: str, *, kind: str | None = None) -> Body:
        name = body_name(label)[:200]
        body = Body.find(name) or Body.find(label)
        if body is not None:
            return body
        # "Community Safety Partnership Statutory Officer Group" hangs from the CSP.
        parent = None
        norm = normalise_name(name)
        for other in Body.objects.all():
            n = normalise_name(other.name)
            if n and norm.startswith(n + " ") and (parent is None or len(n) > len(parent.name)):
                parent = other
        body_kind = kind or guess_body_kind(name)
        body, _ = self.sync(
            Body,
            "body",
            {"name": name},
            {},
            on_create={
                "kind": body_kind,
                "parent": parent,
                "organisation": self.council if body_kind == Body.Kind.COMMISSION else None,
            },
        )
        return body

    def person(self, name: str, organisation: Organisation | None = None) -> Person:
        match = known_person(name)
        if match is None:
            match = Person(name=ordinary_case(name.strip())[:200], organisation=organisation)
            match._change_reason = self.reason
            match.save()
            self.report.count("person", "created")
            return match
        if organisation is not None and match.organisation_id is None:
            match.organisation = organisation
            match._change_reason = self.reason
            match.save(update_fields=["organisation"])
            self.report.count("person", "updated")
        return match
