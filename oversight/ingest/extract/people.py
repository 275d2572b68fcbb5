"""People and bodies: telling a name from other words, and resolving owners.

- `strip_titles("BCU Commander Marcus Barnett")` gives "Marcus Barnett": role and
  courtesy words before a name are dropped (the contract's `chair` has no role words).
- `looks_like_person` / `looks_like_body` are the shape tests the layout rules use to
  tell a lead, attendee or addressee from a title or a sentence.
- `People` is a meeting's attendee list; `resolve` turns how minutes name an owner
  ("Maurice", "MM", "Miker Hamer", "Mike Hamer / Marcus Barnett") into full names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .text import norm, squash
from .words import BODY_WORDS, TITLES

# Words that mark a topic, never a person's name (titles and body words: words.py).
TOPIC_WORDS = frozenset(
    """
    action actions agenda all annual any aob apologies appendix arising briefing business close
    closed complete completed context date deadline declarations discussion done due interest
    introductions item items key matters meeting minutes n/a next no none notes ongoing open
    other overview owner page paper papers performance plan points recommendation
    recommendations report response review role section status strategy summary tbc total update
    updates welcome yes
    """.split()
)
# Words that end a job title ("Scrutiny Officer", "Head of Service"), never a surname.
ROLE_ENDS = frozenset(
    """
    adviser advisor analyst chair chairman chairperson commander commissioner constable
    coordinator co-ordinator director inspector lead manager member officer sergeant
    superintendent worker
    """.split()
)
PARTICLES = frozenset(
    """
    al bin da de den der di du el la le st van von
    """.split()
)

_NAME_WORD = re.compile(
    r"(?:(?:[A-Z]['’])?[A-Z][a-z'’]+(?:-(?:[A-Z]['’])?[A-Z][a-z'’]+)*|[A-Z][a-z]?[A-Z][a-z]+)$"
)
_INITIAL = re.compile(r"[A-Z]\.?$")


def strip_titles(name: str) -> str:
    """Drop leading courtesy titles, ranks and roles, and a trailing role in brackets."""
    name = squash(
        re.sub(r"\((?:chair|vice[- ]chair|co-chair|chairman|chairperson)\)", "", name, flags=re.I)
    )
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].casefold().strip(".,:") in TITLES:
        tokens.pop(0)
    return " ".join(tokens).strip(" ,;:-–")


def _name_tokens(s: str) -> list[str] | None:
    tokens = s.split()
    if not tokens:
        return None
    for t in tokens:
        bare = t.strip(",.")
        if bare.casefold() in PARTICLES:
            continue
        if not (_NAME_WORD.match(bare) or _INITIAL.match(bare)):
            return None
        if bare.casefold() in BODY_WORDS or bare.casefold() in TOPIC_WORDS:
            return None
    return tokens


def looks_like_person(s: str, *, loose_case: bool = False) -> bool:
    """A person's name, not a heading: "Dr Adi Cooper", "Cllr Fajana-Thomas".
    With loose_case, an all-lowercase line of two or three words also counts (names in
    lists lose their capitals in some text layers: "lan williams")."""
    s = squash(s)
    if not s or len(s) > 60 or re.search(r"[0-9:;!?()@/]", s):
        return False
    had_title = s.split()[0].casefold().strip(".") in TITLES
    bare = strip_titles(s)
    if loose_case and bare.islower():
        bare = bare.title()
    tokens = _name_tokens(bare)
    if not tokens or len(tokens) > 4 or tokens[-1].casefold().strip(",.") in ROLE_ENDS:
        return False
    return len(tokens) >= 2 or (had_title and bare != s)


_ROLE_START = re.compile(
    r"^(?:(?:assistant|deputy|interim|acting|senior|principal|chief|executive|strategic)\s+)*"
    r"(?:head|director|manager|officer|lead|co-?ordinator|advis[eo]r|clerk|secretary|analyst"
    r"|cabinet member|portfolio holder|chief executive|chair(?:man|person|woman)?|vice[- ]chair"
    r"|co-chair|member|commander|superintendent|inspector|commissioner|constable)\b",
    re.I,
)
_ROLE_END = re.compile(
    r"\b(?:manager|officer|lead|co-?ordinator|advis[eo]r|director|analyst|clerk|secretary"
    r"|administrator|assistant|worker|practitioner|specialist|consultant|superintendent"
    # an office one person holds: "Police and Crime Commissioner", "Chief Constable"
    r"|inspector|chair(?:man|person|woman)?|executive|commissioner|constable)$",
    re.I,
)


def looks_like_role(s: str) -> bool:
    """A job title, not a name or an organisation: "Head of Community Safety",
    "Democratic Services Officer", "Director of Housing", "Chair"."""
    s = squash(s).strip(" .,;:")
    if not s or len(s.split()) > 8 or re.search(r"[0-9!?;:()@]", s):
        return False
    if any(not (t[0].isupper() or t in {"of", "and", "for", "the", "&", "to"}) for t in s.split()):
        return False
    return bool(_ROLE_START.match(s) or _ROLE_END.search(s))


def without_roles(org: str | None) -> str | None:
    """An attendee's organisation without the job titles printed beside it: "Head of
    Community Safety" gives None, "Analyst, Metropolitan Police" gives "Metropolitan
    Police"."""
    if not org:
        return None
    parts = [squash(x) for x in org.split(",") if squash(x)]
    kept = [x for x in parts if not looks_like_role(x)]
    return ", ".join(kept) or None


def split_names(s: str) -> list[str]:
    """The separate names of "Mike Hamer / Marcus Barnett" or "A, B and C"."""
    parts = re.split(r"\s*(?:/|,|;|&|\band\b|\+)\s*", squash(s))
    return [p for p in parts if p]


def looks_like_body(s: str) -> bool:
    """An organisation: "Metropolitan Police Service", "MOPAC", "Hackney Education"."""
    s = squash(re.sub(r"^(?:the)\s+", "", s.strip(" .,:;"), flags=re.I))
    if not s or len(s) > 80 or re.search(r"[.!?;:]", s):
        return False
    tokens = s.split()
    if len(tokens) == 1:
        return is_acronym(tokens[0]) or tokens[0].casefold() in BODY_WORDS
    if len(tokens) > 8:
        return False
    small = {"of", "and", "for", "the", "&", "in", "on", "to"}
    if any(not (t[0].isupper() or t.casefold() in small) for t in tokens):
        return False
    return any(re.sub(r"['’]s?$", "", t.casefold()) in BODY_WORDS for t in tokens) or all(
        t.isupper() for t in tokens if t.casefold() not in small
    )


def is_acronym(token: str) -> bool:
    """An acronym ("MPS", "TfL", "LiH"): two or more capitals in one short word."""
    return (
        bool(re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", token)) and sum(c.isupper() for c in token) >= 2
    )


def split_bodies(s: str) -> list[str]:
    """The bodies of a list: "Metropolitan Police Service and MOPAC" gives both, "Hackney
    Education and the Children and Families Service" two, because "Children" alone is no
    body: of the ways to cut at "and", "&" and commas, the one with most parts that are
    all bodies."""
    s = squash(s.strip(" .:;"))
    pieces = re.split(r"(\s*(?:,|;|&|\band\b)\s*)", s)
    words, seps = pieces[0::2], pieces[1::2]
    if len(seps) > 6:
        return [_bare(s)]
    best: list[str] = [_bare(s)]
    for mask in range(1, 2 ** len(seps)):
        parts, current = [], words[0]
        for k, sep in enumerate(seps):
            if mask >> k & 1:
                parts.append(current)
                current = words[k + 1]
            else:
                current = f"{current}{sep}{words[k + 1]}"
        parts.append(current)
        parts = [_bare(p) for p in parts if p.strip()]
        if len(parts) > len(best) and all(looks_like_body(p) for p in parts):
            best = parts
    return best


def _bare(s: str) -> str:
    return re.sub(r"^the\s+", "", s.strip(), flags=re.I)


def tidy_name(s: str) -> str:
    """Capitalise a name that lost its capitals ("lan williams" -> "Lan Williams")."""
    s = squash(s).strip(" ,;:-–")
    return s.title() if s.islower() else s


@dataclass
class People:
    """The people a document lists as present, for resolving how it names owners."""

    names: list[str] = field(default_factory=list)

    def add(self, name: str) -> None:
        if name and norm(name) not in {norm(n) for n in self.names}:
            self.names.append(name)

    def _initials(self, name: str) -> str:
        return "".join(t[0] for t in strip_titles(name).split() if t[0].isalpha()).upper()

    def resolve_one(self, s: str) -> str | None:
        """A full name from the list for "Maurice", "MM", "Maurice Mason" or an OCR slip
        ("Miker Hamer"); None when the list has no single match."""
        key = norm(strip_titles(s))
        if not key:
            return None
        bare = [(n, norm(strip_titles(n))) for n in self.names]
        for n, b in bare:
            if b == key:
                return n
        tokens = key.split()
        if len(tokens) == 1:
            if re.fullmatch(r"[A-Z]{2,3}", s.strip()):
                hits = [n for n in self.names if self._initials(n) == s.strip()]
            else:
                hits = [n for n, b in bare if b.split()[0] == key]
                if not hits:
                    hits = [n for n, b in bare if b.split()[-1] == key]
            return hits[0] if len(hits) == 1 else None
        scored = sorted(((fuzz.ratio(key, b), n) for n, b in bare), reverse=True)
        if scored and scored[0][0] >= 85 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            return scored[0][1]
        return None

    def resolve(self, s: str) -> str | None:
        """Each name in "Mike Hamer / MM" resolved; a name the list lacks is kept as
        printed when it looks like a person's. None when nothing names a person."""
        out: list[str] = []
        for part in split_names(s):
            found = self.resolve_one(part)
            if found is None and (looks_like_person(part) or self._is_initials(part)):
                found = tidy_name(part)
            if found is None:
                return None
            if found not in out:
                out.append(found)
        return " / ".join(out) if out else None

    def _is_initials(self, s: str) -> bool:
        return bool(re.fullmatch(r"[A-Z]{2,3}", s.strip()))
