"""Questions asked and answered in the running text of minutes.

Minutes report a member's question and the reply in the third person:

    A Member asked whether the new hubs would open on Saturdays. In response, the
    Director said that weekend opening was being piloted in two areas.

    Cllr Okafor queried the rise in exclusions. Ms Patel, Head of Inclusion, explained
    that the figures included managed moves.

    In response to a question about waiting lists, the Head of Housing said that ...

The question is the member's sentence (a speaker, then "asked", "questioned",
"queried", "inquired", "sought clarification", "raised concerns", "requested an update",
"expressed concern", or one of these later in the sentence: "A Member noted ... but
questioned ..."), and any sentences after it by the same speaker ("He added ...").
The response starts at the next sentence in someone else's voice ("In response, ...",
"Officers explained ...", "The Director said ...", "Sarah Hammond invited ...") and runs
to the end of the paragraph. Where the paragraphs are numbered, unnumbered paragraphs
after the question's paragraph continue the response, and a reply may start in the
paragraph after the question. A question with no reply is left out: "Members asked
about the effect on young people." alone is more often a remark than a question put.
"""

from __future__ import annotations

import re

from .layout import Block, paras_of
from .people import People
from .questions import Question
from .speech import LABEL, strip_label, subject
from .text import sentences

# A question's verb, anywhere after the speaker.
_ASKING = re.compile(
    r"\b(?:asked\s+(?:whether|if|about|how|what|why|when|where|who|which|as to|officers?"
    r"\s+(?:whether|if|about|how|what|why)|for (?:clarification|an update|details|information"
    r"|more information|further information|figures|data|a breakdown|an explanation))"
    r"|questioned|queried|inquired|enquired|wanted to know|wished to know"
    r"|sought (?:clarification|assurance|reassurance|an update|further|information|details"
    r"|confirmation|views)"
    r"|raised (?:a |the |an )?(?:question|query|queries|concerns?|issues?|the matter|points?)"
    r"|requested (?:clarification|information|an update|details|suggestions|further"
    r"|more|data|figures|a breakdown)"
    r"|expressed (?:some |their |his |her )?concerns?|challenged)\b",
    re.I,
)
# "asked Officers to ..." asks for an action, not a question.
_ASKED_TO = re.compile(
    r"\basked\s+(?:[A-Z]\w*|the\s+\w+|officers?|him|her|them)\s+(?:\w+\s+)?to\s+\w", re.I
)
# "The Cabinet is asked to approve ...": a report's request of the meeting.
_PASSIVE_ASK = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+asked\b", re.I)
# Questions proper: "asked whether", "asked about", "asked how".
_ASKED_WHAT = re.compile(
    r"\b(?:asked|questioned|queried|inquired|enquired)\s+(?:whether|if|about|how|what|why|when"
    r"|where|who|which|as to|the|for (?:clarification|an update|details|information|more"
    r"|further|figures|data|a breakdown|an explanation|assurance))\b|\bwanted to know\b|\bsought\b",
    re.I,
)
_REPLY_START = re.compile(
    r"^(?:in (?:response|reply|answer)|responding|replying|answering|officers?\b|the officer\b"
    r"|it was (?:explained|confirmed|clarified|advised|noted|said|stated|reported|added))",
    re.I,
)
# "In response to a question about waiting lists, the Head of Housing said that ..."
_IN_RESPONSE_TO = re.compile(
    r"^in (?:response|reply|answer) to (?P<q>(?:a |the |further |several |various )?"
    r"(?:questions?|quer(?:y|ies)|concerns?|comments?)\b[^,]{3,200}?),\s*(?P<a>\S.*)$",
    re.I | re.S,
)
_GENERIC = re.compile(
    r"^(?:questions?|quer(?:y|ies)|comments?)(?: and (?:questions?|comments?))?$", re.I
)


def _asks(text: str, people: People) -> bool:
    speaker = subject(text, people)
    if speaker is None or speaker.sort == "pronoun":
        return False
    if not _ASKING.search(text) or (_ASKED_TO.search(text) and not _ASKED_WHAT.search(text)):
        return False
    if _PASSIVE_ASK.search(text) or speaker.shape == "body":
        return False
    return True


def _replies(text: str, people: People, asker: str | None) -> bool:
    if _REPLY_START.match(text):
        return True
    speaker = subject(text, people)
    if speaker is None or speaker.sort in ("pronoun", "member"):
        return False
    if speaker.verb in ("to", "will", "would", "is to", "are to"):
        return False  # "Sam Cole to circulate ...": an action, not a reply
    return speaker.name.casefold() != (asker or "").casefold()


def find_exchanges(blocks: list[Block], people: People, skip: set[int]) -> list[Question]:
    """The questions and replies of the running text, in order."""
    out: list[Question] = []
    current: Question | None = None
    side = "q"
    asker: str | None = None
    numbered = False  # the question's paragraph carries a number or letter
    for p in (p for b in blocks for p in paras_of(b)):
        if id(p) in skip or p.heading:
            current = None
            continue
        labelled = bool(LABEL.match(p.text))
        if current is not None and labelled and numbered:
            current = None  # the next numbered paragraph is another matter
        elif current is not None and current.answer and not numbered:
            current = None
        fresh = True  # the first sentence of a paragraph after the question's
        for s in sentences(p.seg):
            s = strip_label(s)
            text = s.text
            if m := _IN_RESPONSE_TO.match(text):
                if not _GENERIC.match(m["q"].strip()):
                    current = Question(None, [s[: m.start("a")].strip(" ,")], [s[m.start("a") :]])
                    out.append(current)
                    side, asker, numbered, fresh = "a", None, labelled, False
                    continue
            if _asks(text, people):
                speaker = subject(text, people)
                current = Question(None, [s])
                out.append(current)
                side, asker, numbered, fresh = (
                    "q",
                    speaker.name if speaker else None,
                    labelled,
                    False,
                )
                continue
            if current is None:
                continue
            if side == "q" and _replies(text, people, asker):
                side = "a"
            elif side == "q" and fresh:
                # A paragraph after an unanswered question that opens with no reply.
                current = None
                continue
            fresh = False
            (current.text if side == "q" else current.answer).append(s)
    return [q for q in out if q.answer]
