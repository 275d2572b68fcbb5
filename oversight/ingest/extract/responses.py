"""Responses: the labels that open them and name who responds.

- `response_label`: "Response", "Response:", "Executive Response", "MPS response: ...",
  "Response (Cllr X, Chair, Y Commission):", "Response from Hackney Education: ...";
  the responder is what the label names, or None for a generic label ("Executive",
  "Officer", "Council") or a verdict in brackets ("(Agreed in part)");
- `responder_label`: a paragraph opening with a responding body's or person's name
  and a colon ("MPS:", "MOPAC:", "Hackney Education (HE):", "Cllr Ann Lee:"), never a
  field label ("Update:", "Note:", "Key points:"); the part of a body that answers, in
  brackets, is left out of the name ("Metropolitan Police (Central East BCU):");
- `split_responders`: one response per labelled responder inside a response cell, also
  where a label follows a sentence inside a paragraph; a body's name alone in bold or
  underlined on its line labels the paragraphs after it. A label naming the
  recommendations it answers ("Response to Recommendations 2 and 3:") answers each of
  them. A label followed by a verdict
  alone ("Cabinet response: Agreed") opens the response without making the verdict its
  text, unless nothing else answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .layout import Para, join_paras
from .people import looks_like_body, looks_like_person
from .text import Seg, squash

RESPONSE_LABEL = re.compile(
    r"^(?P<pre>[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,5}?\s+)?(?:response|reply)\b"
    r"(?:\s*\((?P<paren>[^)]{2,120})\))?(?:\s+from\s+(?P<source>[^:]{2,80}?))?"
    r"(?:\s+to\s+(?:the\s+)?(?P<refs>recommendations?\s+\d[\d.]*(?:\s*(?:,|and|&)\s*\d[\d.]*)*))?"
    r"\s*(?:(?P<sep>[:–—-])\s*(?P<rest>.*))?$",
    re.I | re.S,
)
_RESPONDER = re.compile(
    r"^(?P<who>[A-Z][A-Za-z&'’ .-]{0,60}?)(?:\s*\((?:(?P<abbr>[A-Z][A-Za-z]{1,8})"
    r"|(?P<part>[A-Z][\w&'’ .,-]{2,40}))\))?\s*:\s*(?P<rest>.*)$",
    re.S,
)
_GENERIC_PRE = frozenset(
    w.strip()
    for w in (
        "cabinet member, council, council's, draft, executive, final, formal, further, initial, "
        "interim, lbh, management, officer, officers, our, overall, partner, partners, service, "
        "the, updated, written"
    ).split(",")
)
_NOT_RESPONDERS = frozenset(
    w.strip()
    for w in (
        "accepted, action, actions, addressed to, agreed, aim, answer, background, budget, "
        "comment, comments, conclusion, context, cost, costs, date, deadline, decision, evidence, "
        "example, finding, findings, for, funding, impact, key points, lead, link, links, "
        "measure, nb, next steps, not agreed, note, notes, outcome, owner, paper, papers, "
        "partially agreed, please note, priority, progress, purpose, question, rationale, "
        "recommendation, recommendations, rejected, resources, response, responsible, risk, "
        "risks, source, status, summary, target, timescale, timescales, to, update"
    ).split(",")
)


@dataclass
class Response:
    """One responder's response; its paragraphs are final once responders are split."""

    responder: str | None
    paras: list[Para] = field(default_factory=list)
    label: Seg | None = None
    # The verdict alone after the label ("Cabinet response: Agreed"): the response's
    # text only when nothing else answers the recommendation.
    verdict: Para | None = None
    # The recommendations its label says it answers ("Response to Recommendations 2 and 3").
    answers: list[str] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        return join_paras(self.paras)


# "Response (Agreed in part)": a verdict in brackets names nobody.
BARE_VERDICT = re.compile(
    r"^(?:agreed|accepted|supported|noted|rejected|declined|partly agreed"
    r"|(?:not|partially) (?:agreed|accepted|supported)|agreed in (?:part|principle|full))\.?$",
    re.I,
)
_VERDICT_WORDS = re.compile(
    r"^(?:agreed|accepted|partially|partly|not agreed|not accepted|rejected|noted|supported"
    r"|declined|in part|in full|in principle)\b",
    re.I,
)


def response_label(text: str) -> tuple[str | None, str] | None:
    """(responder or None, text after the label) of a response label paragraph."""
    m = RESPONSE_LABEL.match(text)
    if not m or (m["rest"] is None and len(text) > 140):
        return None
    pre = squash(m["pre"] or "")
    if pre and (len(pre.split()) > 4 or not pre[0].isupper()):
        return None
    who = m["paren"] or m["source"] or (pre or None if pre.casefold() not in _GENERIC_PRE else None)
    if who:
        who = squash(who).strip(" ,:")
        if who.casefold() in _GENERIC_PRE or _VERDICT_WORDS.match(who):
            who = None
    return who, (m["rest"] or "").strip()


def label_answers(text: str) -> list[str]:
    """The numbers a response label names: "Government response to Recommendations 2 and
    3:" answers both."""
    m = RESPONSE_LABEL.match(text)
    return re.findall(r"\d+(?:\.\d+)*", m["refs"]) if m and m["refs"] else []


def responder_label(text: str) -> tuple[str, str] | None:
    """("MPS", rest) for a paragraph opening with a responding body's label."""
    m = _RESPONDER.match(text)
    if not m:
        return None
    who = squash(m["who"])
    if who.casefold() in _NOT_RESPONDERS or len(who.split()) > 8:
        return None
    # "Young Hackney (YH):": a name given with its own abbreviation is a body's.
    named = bool(m["abbr"]) and all(
        w[0].isupper() for w in who.split() if w.isalpha() and len(w) > 3
    )
    if not (named or looks_like_body(who) or looks_like_person(who)):
        return None
    return who, m["rest"].strip()


def strip_label(p: Para, rest: str) -> Para:
    start = p.text.rfind(rest)
    seg = p.seg[start:] if start >= 0 else p.seg
    return Para(seg, bullet=p.bullet)


# A responder's label after the end of a sentence, inside a paragraph: "... in October
# 2022. Metropolitan Police (Central East BCU): The BCU will ...".
_INNER_LABEL = re.compile(r"(?<=[.!?])\s+(?=[A-Z][\w&'’ .-]{0,60}?(?:\s*\([^()]{2,40}\))?:\s)")


def _at_inner_labels(p: Para) -> list[Para]:
    """The paragraph cut before each responder's label inside it (a PDF cell's lines
    run together when the label's line would have fitted after the sentence before)."""
    if ":" not in p.text:
        return [p]
    cuts = [m.end() for m in _INNER_LABEL.finditer(p.text) if responder_label(p.text[m.end() :])]
    if not cuts:
        return [p]
    bounds = [0, *cuts, len(p.text)]
    return [
        Para(p.seg[a:b].strip(), bullet=p.bullet and a == 0, column=p.column)
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def split_responders(responses: list[Response]) -> list[Response]:
    """One response per labelled responder inside a response; empty ones dropped."""
    out: list[Response] = []
    for resp in responses:
        current = Response(resp.responder, [], resp.label, resp.verdict)
        for p in [q for para in resp.paras for q in _at_inner_labels(para)]:
            label = responder_label(p.text)
            if label is None and p.heading and looks_like_body(p.text.strip(" :")):
                label = (squash(p.text.strip(" :")), "")  # "**MOPAC**" alone on its line
            if label is not None:
                if current.paras or current.responder:
                    out.append(current)
                current = Response(label[0], [], p.seg)
                if label[1]:
                    current.paras.append(strip_label(p, label[1]))
                continue
            current.paras.append(p)
        out.append(current)
    answered = [r for r in out if r.paras]
    if answered:
        return answered
    return [Response(r.responder, [r.verdict], r.label) for r in out if r.verdict][:1]
