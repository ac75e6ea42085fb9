"""The first-person voice of a quotation that runs over several paragraphs.

Interview features and long quotes go on for paragraphs without a new attribution: 'On the
zone: "The men of Front 33 will gather there, and in return they commit to hand over weapons.
We have asked the UN mission to accompany it."'  Left to salience, that "we" goes to whoever was
named last ("they", the armed group), although it is still the speaker's.  Once a first-person
subject inside quotation marks has been resolved, a later quoted "we" with no attribution of
its own is the same voice, until a stance is read outside quotation marks (narrative text, where
another speaker may be introduced).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract import attribution as attr
from detente.extract.lexicon import SourceLexicon
from detente.extract.stance.model import _Actor
from detente.extract.stance.state import _DocState
from detente.extract.stance.syntax import _subject
from detente.extract.stance.turns import FIRST_PERSON

_QUOTE_MARKS = frozenset({'"', "“", "”"})
#: How far (tokens) a voice carries from the last first-person stance it held.
_REACH = 400


def quoted(tok: Token) -> bool:
    """Is *tok* inside quotation marks opened in its own paragraph?"""
    doc = tok.doc
    marks = 0
    i = tok.i - 1
    while i >= 0 and "\n" not in doc[i].text_with_ws:
        marks += doc[i].text in _QUOTE_MARKS
        i -= 1
    return marks % 2 == 1


def remember(state: _DocState, trig: Token, actors: list[_Actor]) -> None:
    """Note the voice of a quoted first-person stance; forget it at a stance read outside
    quotation marks."""
    if not quoted(trig):
        state.voice = None
        return
    subj = _subject(trig)
    if subj is not None and subj.lower_ in FIRST_PERSON:
        state.voice = (list(actors), trig.i)


def recall(head: Token, trig: Token, state: _DocState, sources: SourceLexicon) -> list[_Actor]:
    """The remembered voice for a quoted first-person *head* that nothing else attributes."""
    if state.voice is None or head.lower_ not in FIRST_PERSON or not quoted(head):
        return []
    actors, at = state.voice
    if not 0 < head.i - at <= _REACH or attr.reporter_chain(trig, sources):
        return []
    return list(actors)
