"""The Hackney partnership's organisations and bodies, with the short names and aliases
the documents use for them, so that the importer resolves "MPS", "the Met" and
"Metropolitan Police Service" to one organisation.

`seed_directory()` is idempotent: it finds each record by any of its names, fills in
what is missing and saves only what changed, so running it twice writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from .models import Body, Organisation, normalise_name

K = Organisation.Kind
B = Body.Kind

COUNCIL = "London Borough of Hackney"

# (name, short name, kind, aliases)
ORGANISATIONS: list[tuple[str, str, str, list[str]]] = [
    (COUNCIL, "LBH", K.COUNCIL, ["Hackney Council", "the Council", "Council"]),
    (
        "Metropolitan Police Service",
        "MPS",
        K.POLICE,
        [
            "Met",
            "Metropolitan Police",
            "Met Police",
            "Central East BCU",
            "BCU",
            "the Police",
            "Police",
        ],
    ),
    ("Mayor's Office for Policing and Crime", "MOPAC", K.POLICING_BODY, []),
    ("East London NHS Foundation Trust", "ELFT", K.HEALTH, ["East London Foundation Trust"]),
    (
        "NHS North East London Integrated Care Board",
        "ICB",
        K.HEALTH,
        ["North East London Integrated Care Board", "North East London ICB", "NEL ICB"],
    ),
    ("Hackney Education", "HE", K.EDUCATION, ["Hackney Education Service"]),
    ("City & Hackney Safeguarding Children Partnership", "CHSCP", K.SAFEGUARDING, []),
    ("City & Hackney Safeguarding Adults Board", "CHSAB", K.SAFEGUARDING, []),
    ("Probation Service", "", K.PROBATION, ["National Probation Service", "Probation"]),
    ("Independent Office for Police Conduct", "IOPC", K.GOVERNMENT, []),
    ("Violence Reduction Unit", "VRU", K.POLICING_BODY, ["London Violence Reduction Unit"]),
    ("Home Office", "", K.GOVERNMENT, []),
]

# (name, short name, kind, parent name, host organisation name, aliases)
BODIES: list[tuple[str, str, str, str | None, str | None, list[str]]] = [
    (
        "Living in Hackney Scrutiny Commission",
        "LiH",
        B.COMMISSION,
        None,
        COUNCIL,
        ["Living in Hackney", "Living in Hackney Scrutiny"],
    ),
    (
        "Children and Young People Scrutiny Commission",
        "CYP",
        B.COMMISSION,
        None,
        COUNCIL,
        ["CYP Scrutiny Commission"],
    ),
    (
        "Health in Hackney Scrutiny Commission",
        "HiH",
        B.COMMISSION,
        None,
        COUNCIL,
        ["Health in Hackney"],
    ),
    (
        "Skills, Economy and Growth Commission",
        "SEG",
        B.COMMISSION,
        None,
        COUNCIL,
        ["Skills, Economy and Growth Scrutiny Commission"],
    ),
    ("Cabinet", "", B.CABINET, None, COUNCIL, ["Hackney Cabinet"]),
    (
        "Community Safety Partnership",
        "CSP",
        B.PARTNERSHIP,
        None,
        COUNCIL,
        ["Hackney Community Safety Partnership"],
    ),
    (
        "Community Safety Partnership Statutory Officer Group",
        "SOG",
        B.SUB_GROUP,
        "Community Safety Partnership",
        COUNCIL,
        ["Statutory Officer Group", "CSP Statutory Officer Group"],
    ),
    (
        "Community Resilience Partnership",
        "CRP",
        B.PARTNERSHIP,
        "Community Safety Partnership",
        COUNCIL,
        [],
    ),
    (
        "Gangs and Serious Violence Board",
        "GSVB",
        B.BOARD,
        "Community Safety Partnership",
        COUNCIL,
        ["Serious Violence and Gangs Board"],
    ),
    (
        "Night Time Economy and Drugs Board",
        "NTE",
        B.BOARD,
        "Community Safety Partnership",
        COUNCIL,
        ["Night Time Economy Board", "NTE strategic sub group"],
    ),
    (
        "Violence Against Women and Girls Board",
        "VAWG",
        B.BOARD,
        "Community Safety Partnership",
        COUNCIL,
        [],
    ),
    (
        "Safer Young Hackney Board",
        "",
        B.BOARD,
        "Community Safety Partnership",
        COUNCIL,
        ["Safer Young Hackney"],
    ),
    (
        "Community Scrutiny Panel",
        "",
        B.PANEL,
        None,
        None,
        ["Stop and Search Community Scrutiny Panel"],
    ),
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    def to_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def _merge_aliases(current: list[str], wanted: list[str], *exclude: str) -> list[str]:
    seen = {normalise_name(a) for a in [*current, *exclude] if a}
    merged = list(current)
    for alias in wanted:
        if normalise_name(alias) not in seen:
            merged.append(alias)
            seen.add(normalise_name(alias))
    return merged


def _find_org(names: list[str]) -> Organisation | None:
    for name in names:
        if name and (org := Organisation.find(name)):
            return org
    return None


def _find_body(names: list[str]) -> Body | None:
    for name in names:
        if name and (body := Body.find(name)):
            return body
    return None


def _save(obj, changed: list[str], report: SeedReport, label: str) -> None:
    if changed:
        obj._change_reason = "Directory seed"
        obj.save(update_fields=changed)
        report.updated.append(label)
    else:
        report.unchanged += 1


def _seed_organisation(
    name: str, short: str, kind: str, aliases: list[str], report: SeedReport
) -> Organisation:
    org = _find_org([name, short, *aliases])
    if org is None:
        org = Organisation(name=name, short_name=short, kind=kind, aliases=list(aliases))
        org._change_reason = "Directory seed"
        org.save()
        report.created.append(name)
        return org
    changed: list[str] = []
    if normalise_name(org.name) != normalise_name(name):
        # Found by a short name or alias (an import created "MPS" first): give it its
        # full name and keep the old one as an alias.
        old = org.name
        org.name = name
        org.aliases = _merge_aliases(org.aliases, [old], name, short)
        changed += ["name", "aliases"]
    if short and not org.short_name:
        org.short_name = short
        changed.append("short_name")
    if org.kind == K.OTHER and kind != K.OTHER:
        org.kind = kind
        changed.append("kind")
    merged = _merge_aliases(org.aliases, aliases, org.name, org.short_name)
    if merged != org.aliases:
        org.aliases = merged
        if "aliases" not in changed:
            changed.append("aliases")
    _save(org, changed, report, name)
    return org


def _seed_body(
    name: str,
    short: str,
    kind: str,
    parent: Body | None,
    host: Organisation | None,
    aliases: list[str],
    report: SeedReport,
) -> Body:
    body = _find_body([name, short, *aliases])
    if body is None:
        body = Body(
            name=name,
            short_name=short,
            kind=kind,
            parent=parent,
            organisation=host,
            aliases=list(aliases),
        )
        body._change_reason = "Directory seed"
        body.save()
        report.created.append(name)
        return body
    changed: list[str] = []
    if normalise_name(body.name) != normalise_name(name):
        old = body.name
        body.name = name
        body.aliases = _merge_aliases(body.aliases, [old], name, short)
        changed += ["name", "aliases"]
    if short and not body.short_name:
        body.short_name = short
        changed.append("short_name")
    if body.kind == B.OTHER and kind != B.OTHER:
        body.kind = kind
        changed.append("kind")
    if parent is not None and body.parent_id is None and parent.pk != body.pk:
        body.parent = parent
        changed.append("parent")
    if host is not None and body.organisation_id is None:
        body.organisation = host
        changed.append("organisation")
    merged = _merge_aliases(body.aliases, aliases, body.name, body.short_name)
    if merged != body.aliases:
        body.aliases = merged
        if "aliases" not in changed:
            changed.append("aliases")
    _save(body, changed, report, name)
    return body


@transaction.atomic
def seed_directory() -> SeedReport:
    """Create (or complete) the partnership's organisations and bodies."""
    report = SeedReport()
    orgs: dict[str, Organisation] = {}
    for name, short, kind, aliases in ORGANISATIONS:
        orgs[name] = _seed_organisation(name, short, kind, aliases, report)
    bodies: dict[str, Body] = {}
    for name, short, kind, parent, host, aliases in BODIES:
        bodies[name] = _seed_body(
            name,
            short,
            kind,
            bodies.get(parent) if parent else None,
            orgs.get(host) if host else None,
            aliases,
            report,
        )
    return report
