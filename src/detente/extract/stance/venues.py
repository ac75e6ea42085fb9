"""The place an unnamed speaker is reported from, as the side that speaker stands for.

Wire copy that moves between capitals opens a paragraph with the venue and then names only a
role: "In Beijing, a foreign ministry spokesperson said …", "In Moscow, a defence official
warned …". The role has no nationality of its own, so without the venue the stance has no
holder; a reader takes the capital (or country) the sentence opens with as the speaker's side.
Only an indefinite, unnamed role qualifies (a named or national one names its own side), and
only a venue that opens the sentence and is set off by a comma.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Token

T = TypeVar("T")

#: Entity types of a venue that stands for a side.
_VENUES = frozenset({"GPE"})


def opening_venue(sent_start: Token) -> Token | None:
    """The place of an "In Beijing, …" opening of the sentence starting at *sent_start*."""
    doc = sent_start.doc
    i = sent_start.i
    if sent_start.lower_ != "in" or i + 2 >= len(doc):
        return None
    end = i + 1
    while end < len(doc) and end - i <= 4 and doc[end].ent_type_ in _VENUES:
        end += 1
    if end == i + 1 or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[end - 1]


def venue_speaker(head: Token, resolve: Callable[[Token], T | None]) -> T | None:
    """The side of an unnamed role ("a foreign ministry spokesperson") whose sentence opens
    with its venue ("In Beijing, …"), or None."""
    if head.pos_ != "NOUN" or not any(c.lower_ in ("a", "an") for c in head.children):
        return None
    if any(
        c.ent_type_ in ("NORP", "GPE", "ORG") or c.dep_ == "poss"
        for c in head.subtree
        if c.i != head.i
    ):
        return None  # "a Chinese spokesperson", "a spokesperson for Manila" name their side
    venue = opening_venue(head.sent[0])
    if venue is None or venue.i > head.i:
        return None
    return resolve(venue)
