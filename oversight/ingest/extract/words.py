"""Words that tell names apart, in one place: the extractor (people.py) reads a name with
them and the loader (ingest/loading/names.py) matches and creates directory records with
them, so both agree on what is a title, what names a body and what is an acronym."""

from __future__ import annotations

# Words that come before a name as a courtesy title, rank or role.
TITLES = frozenset(
    """
    acting area assistant bcu bishop borough cabinet ch chair chairman chairperson chairwoman
    chief cllr cllrs co-chair commander constable councillor councillors dame dc dci deputy det
    detective di director dr ds dsu executive head imam independent insp inspector interim lady
    lead lord
    mayor member miss mr mrs ms mx officer pc police prof professor rabbi rev revd reverend
    sergeant sgt sir superintendent supt the vice-chair
    """.split()
)

# Words naming a body that meets (a board, a panel), as against an organisation (a
# council, a trust). The last one in a name gives the body's kind.
MEETING_BODY_WORDS = frozenset(
    """
    board cabinet commission committee forum group panel partnership subgroup
    """.split()
)

# Words that mark an organisation, a body or a topic, never a person's name.
BODY_WORDS = MEETING_BODY_WORDS | frozenset(
    """
    agency alliance ambulance assembly association authority borough brigade ccg
    center centre charity city college commissioner commissioning
    corporation council county courts cps department directorate district education executive
    federation fire foundation government health hospital housing hub inspectorate
    institute mayor ministry mopac network nhs office police prison prisons
    probation programme project school schools service services society team transport trust
    union unit university
    """.split()
)

# Short forms that stay in capitals when a name printed all in capitals is given its
# ordinary case ("KCC SEND SUB-COMMITTEE" -> "KCC SEND Sub-Committee"). Words with no
# vowel ("MPS", "NHS") are taken as acronyms anyway.
ACRONYMS = frozenset(
    """
    asb bame camhs ccg cic cqc csp dfe dhsc dwp elft gla hm icb icp iom lac lga lscp mash
    mhclg mopac nhs ons pcn send sen uk vawg yjs yot
    """.split()
)

# Small words left in lower case inside a name ("Health and Wellbeing Board").
MINOR_WORDS = frozenset("a an and at by for in of on or the to with".split())
