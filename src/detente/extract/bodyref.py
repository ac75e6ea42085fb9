"""Back-references to a body that is the subject of a reporting verb.

"The party said it would not take part", "Russia's foreign ministry said it was ready": the
"it" of the reported clause is the body that reports, as "he" is the person who does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from detente.extract.actors import ActorRef, ActorTracker

#: Verbs whose subject speaks the clause they embed.
_REPORTING = frozenset(
    {"say", "add", "announce", "state", "declare", "insist", "warn", "tell", "stress", "confirm"}
)
#: How many heads up the reporting verb may stand.
_REACH = 4


def reporting_body(tracker: ActorTracker, tok: Token) -> ActorRef | None:
    """The body (an actor without a named speaker) heading the reporting clause that embeds
    *tok*, or None when *tok* is not in a reported clause or its reporter is a person."""
    cur = tok
    for _ in range(_REACH):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.lemma_.lower() not in _REPORTING:
            continue
        subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        ref = tracker.resolve_quietly(tracker.doc[subj.left_edge.i : subj.i + 1])
        return ref if ref is not None and ref.speaker is None else None
    return None
