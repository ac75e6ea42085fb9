"""The numbered or lettered points of a communique, joint statement or plan.

"The parties agreed:" / "agreed on the following:" followed by paragraphs headed "(a)", "1.",
"First:" gives one stance per point for whoever introduced the list, with the introducing
verb's kind ("agreed" accepts each point, "called for the following" demands each). A point
that is a clause of its own ("2. The two sides agreed to …") carries its own stance and is left
to the ordinary rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.extract.doctext import doc_text
from detente.extract.lexicon import StanceLexicon, word_list
from detente.extract.stance import confidence as conf
from detente.extract.stance.inline import inline_intros
from detente.extract.stance.model import Trigger, _Actor, _Unit
from detente.extract.stance.state import _DocState
from detente.extract.stance.syntax import _clause_head, _conjuncts, _own_subtree
from detente.records import Claim

_ORDINALS = word_list("ordinal_words")
#: "(a)", "a)", "(iv)", "3.", "3)", "-", "•" at the start of a paragraph.
_MARK = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,5}|\d{1,2})\)|\d{1,2}\.(?!\d)|[-•*–—])\s*", re.I)
_WORD_MARK = re.compile(r"\s*([A-Za-z]+)\s*[:.,–—-]\s*")
#: How far (tokens) an introducing stance word may stand before its colon.
_INTRO_REACH = 40


def point_intros(triggers: list[Trigger], doc: Doc) -> dict[int, list[Span]]:
    """For the last stance trigger before each colon that opens a list of points: the points
    (trigger token index -> spans, one per point, without their headings); and the items of a
    list inside a sentence ("what we need: X, Y and Z", stance/inline.py)."""
    out: dict[int, list[Span]] = inline_intros(triggers, doc)
    for colon, points in point_lists(doc):
        before = introduced(colon, triggers)
        if before:
            out[before[-1].token.i] = points
    return out


def point_lists(doc: Doc) -> list[tuple[Token, list[Span]]]:
    """Every colon that opens a list of at least two points on lines of their own, with the
    points (found once per doc: the point and document-list stages both read them)."""
    memo = doc.user_data.get("detente_point_lists")
    if memo is None:
        # token offsets, not spans: the doc does not hold references to itself
        text = doc_text(doc)
        memo = []
        for colon in _colons(doc, text):
            if "\n" not in text[colon.idx + 1 : _next_char(text, colon.idx + 1)]:
                continue  # "said: …" inline is a quotation, not a list
            points = _points_after(doc, colon.idx + 1)
            if len(points) >= 2:
                memo.append((colon.i, [(p.start, p.end) for p in points]))
        doc.user_data["detente_point_lists"] = memo
    return [(doc[i], [doc[a:b] for a, b in points]) for i, points in memo]


def introduced(colon: Token, triggers: list[Trigger]) -> list[Trigger]:
    """The stance triggers that may introduce the list after *colon*: before it in its
    sentence, within reach."""
    doc = colon.doc
    return [
        t
        for t in sorted(triggers, key=lambda t: t.token.i)
        if t.token.i < colon.i
        and colon.i - t.token.i <= _INTRO_REACH
        and not any(doc[k].text in (".", "!", "?") for k in range(t.token.i, colon.i))
    ]


def _colons(doc: Doc, text: str) -> Iterator[Token]:
    """The tokens that are a bare colon, found in the text rather than by visiting every token."""
    pos = text.find(":")
    while pos != -1:
        span = doc.char_span(pos, pos + 1)
        if span is not None:
            yield span[0]
        pos = text.find(":", pos + 1)


def own_clause(point: Span) -> bool:
    """A point that states a stance of its own ("The two sides agreed to …"): a verb at its top
    with a subject."""
    return any(
        tok.pos_ in ("VERB", "AUX")
        and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in tok.children
        )
        for tok in point_roots(point)
    )


def point_roots(point: Span) -> list[Token]:
    """The tokens heading a point: those whose head lies outside it (or who head themselves)."""
    return [
        t
        for t in point
        if not t.is_punct
        and not t.is_space
        and (t.head.i < point.start or t.head.i >= point.end or t.head.i == t.i)
    ]


def _next_char(text: str, pos: int) -> int:
    """Index of the next non-space character at or after *pos* (len(text) if none)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _points_after(doc: Doc, pos: int) -> list[Span]:
    """Consecutive paragraphs after *pos* that open with a point heading, as token spans."""
    text = doc_text(doc)
    out: list[Span] = []
    while True:
        start = _next_char(text, pos)
        if start >= len(text) or "\n" not in text[pos:start] and out:
            break
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        head = _heading(line)
        if head is None:
            break
        body_start = start + head
        body_end = end
        while body_end > body_start and text[body_end - 1] in " \t;,.":
            body_end -= 1
        if text[body_start:body_end].lower().endswith(" and"):
            body_end -= 4
        span = doc.char_span(body_start, body_end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
        pos = end
    return out


def _heading(line: str) -> int | None:
    """Length of the point heading opening *line* ("(a) ", "First: "), None when there is none."""
    m = _MARK.match(line)
    if m and m.end() < len(line):
        return m.end()
    m = _WORD_MARK.match(line)
    if m and m.group(1).lower() in _ORDINALS and m.end() < len(line):
        return m.end()
    return None


class PointStage:
    """Claims for the points of a list a stance introduces."""

    lex: StanceLexicon

    def _point_claims(
        self,
        trig: Trigger,
        kind: str,
        actors: list[_Actor],
        points: list[Span],
        claims: list[Claim],
        state: _DocState,
        published: date | None,
        clauses: bool = False,
    ) -> int:
        """One claim per point and issue for each of *actors*; how many were added. With
        *clauses*, a point that is a clause of its own counts too, unless a claim already
        quotes it (a document's terms: "Ukraine's army would be capped at 800,000")."""
        att = self._attribute(trig.token, _clause_head(trig.token), state)
        base = [f"trigger={trig.cls}", f"kind={kind}", "derived=point"]
        if len(actors) > 1:
            base.append("holder=shared")
        added = 0
        for point in points:
            if own_clause(point) and (
                not clauses
                or any(c.start < point.end_char and point.start_char < c.end for c in claims)
            ):
                continue
            inside = set(range(point.start, point.end))
            issues: dict[str, _Unit] = {}
            for root in point_roots(point):
                for head in _conjuncts(root):
                    if head.i not in inside or head.dep_ in ("cc", "punct"):
                        continue
                    toks, _ = _own_subtree(head, set())
                    toks = [t for t in toks if t.i in inside]
                    if not toks:
                        continue
                    unit = _Unit(head, toks)
                    issue = self._unit_issue(unit, state)
                    if issue is not None and issue not in issues:
                        issues[issue] = unit
            when = self._date(point, _clause_head(trig.token), published)
            for actor in actors:
                sources, anonymous = self._sources(att, actor, state)
                for issue, unit in issues.items():
                    ids = [t.i for t in unit.tokens]
                    span = point.doc[min(ids) : max(ids) + 1]
                    claim = self._claim(
                        actor,
                        kind,
                        issue,
                        point,
                        span,
                        ordinal=len(claims),
                        sources=sources,
                        anonymous=anonymous,
                        date=when,
                    )
                    weight = self._cue_weight(issue, unit, state)
                    claim.signals = [*base, conf.cue_signal(weight)]
                    claims.append(claim)
                    added += 1
        return added
