"""The fallback issue of a stance no cue classified: the issue its holder is about."""

from __future__ import annotations

from collections import Counter
from typing import Any

from detente.extract.doctext import doc_text
from detente.extract.stance.lexis import (
    _ANONYMITY,
    _LIGHT_VERBS,
    _PARTY_NOUNS,
    _REFERRING,
    _WAR_WORDS,
)
from detente.extract.stance.model import Trigger, _Actor, _Unit
from detente.records import Claim


class FallbackStage:
    """Stage mixin: an issue for a stance with content but no cue."""

    lex: Any

    def _fallback_issue(
        self, trig: Trigger, actors: list[_Actor], claims: list[Claim]
    ) -> list[tuple[str, _Unit]]:
        """No cue fired: a stance with content of its own takes the issue of the same holder's
        nearest earlier stance in the paragraph, else the issue the holder has been most about
        so far, with the low confidence of an ``issue=dominant`` signal."""
        if trig.cls not in ("verb", "noun", "adj") or not trig.content or not claims:
            return []
        ids = {a.id for a in actors}
        mine = [c for c in claims if c.actor in ids and c.issue != "process"]
        if not mine:
            return []
        text = doc_text(trig.token.doc)
        at = trig.token.idx
        para = text.rfind("\n\n", 0, at) + 1
        near = [c for c in mine if para <= c.start <= at]
        if near:
            issue = max(near, key=lambda c: c.start).issue
        else:
            counts = Counter(c.issue for c in mine)
            (issue, n), *rest = counts.most_common(2)
            if n < 2 or (rest and rest[0][1] == n):
                return []  # no issue the holder is clearly about
        toks = sorted({t for r in trig.content for t in r.subtree}, key=lambda t: t.i)
        if any(t.lemma_.lower() in _ANONYMITY and t.tag_ == "VBN" for t in toks):
            return []  # "who asked not to be named": the source's anonymity, not a stance
        objects = [
            o
            for r in trig.content
            for o in ([r] if r.pos_ in ("NOUN", "PROPN", "PRON") else r.children)
            if o.dep_ in ("dobj", "pobj", "pcomp", "attr", "xcomp", "ccomp") or o is r
        ]
        # "backing M23", "invading anyone", "ready to do more", "on Friday": a party, an act
        # of war, a date or an empty word is no issue the report's main one could stand in for
        good = [
            o
            for o in objects
            if not (
                o.ent_type_
                or o.pos_ in ("PROPN", "PRON")
                or o.lemma_.lower() in _REFERRING  # "the position": the referred stance decides
                or o.lemma_.lower() in _LIGHT_VERBS
                or o.lemma_.lower() in _PARTY_NOUNS
                or o.lemma_.lower() in _WAR_WORDS
                or o.lemma_.lower() in self.lex.hostile
            )
        ]
        if not good:
            return []
        toks = sorted({t for o in good for t in o.subtree}, key=lambda t: t.i)
        return [(issue, _Unit(trig.token, toks or [trig.token], weight=-1))]
