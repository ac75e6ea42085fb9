"""Background-stance frames of analysis writing, found beside the ordinary triggers.

Explainers state positions as background rather than as news:

* a possessed position noun as the subject of a copula: "Beijing's position is that …",
  "Manila's red line remains its right to …", "the KRG's priority is …" (the copula's
  complement is the content; a red line that is "any X" is X refused);
* a perspective frame: "For Tokyo, the alliance is non-negotiable", "For Lai, the consensus is
  a non-starter" (the "for" object holds the verdict on the subject);
* a verdict through "see/regard … as": "Beijing sees that commitment as interference",
  "sees the removal of the vessel as a precondition";
* a pseudo-cleft: "What Taipei wants is dialogue …" (the wanting verb's content is the
  copula's complement);
* a territorial claim: "Beijing's claim to the state", "Spain still claims the territory";
* a side taken with a copula: "Ankara is against …", "Seoul remains in favour of …",
  "Rabat is firmly behind …";
* insistence: "Moscow is adamant that …";
* belonging: "Crimea is Ukrainian", "the river was Guatemalan" (the speaker's claim to it);
* questions, which state nothing: "What does Baghdad want?" (an explainer's header).

Words are data in ``knowledge/stances.yaml`` (``lists:`` position_nouns, as_verdicts,
perspective_verdicts, regard_verbs, meta_subjects, insistent, unclaimed_objects,
admission_verbs, raising_verbs, side_prepositions, place_nouns).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import word_list, word_map
from detente.extract.stance import (
    conditions,
    consequences,
    focus,
    gestures,
    hopes,
    means,
    menace,
    parthood,
    rebuffs,
    resolve,
    soil,
    verdicts,
)
from detente.extract.stance.lexis import _EVALUATIONS, _MODALS
from detente.extract.stance.model import Trigger
from detente.extract.stance.syntax import _subject

_POSITION_NOUNS = word_map("position_nouns")
_AS_VERDICTS = word_map("as_verdicts")
_PERSPECTIVE = word_map("perspective_verdicts")
_REGARD_VERBS = word_list("regard_verbs")
_COPULAS = frozenset({"be", "remain"})
_MODAL_WORDS = word_list("modals")
_META_SUBJECTS = word_list("meta_subjects")
_INSISTENT = word_list("insistent")
_CLEFT_HEADS = word_list("cleft_heads")
#: "Ankara is against …" (reject), "Rabat is firmly behind …" (accept)
_SIDE_PREPS = word_map("side_prepositions")
#: "officials privately concede that …": an admission introducing a clause, no concession.
ADMISSIONS = word_list("admission_verbs")

#: Matcher patterns (label -> patterns) the stance component adds for these frames.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|position": [
        [{"LEMMA": {"IN": sorted(_POSITION_NOUNS)}, "POS": "NOUN", "DEP": "nsubj"}],
    ],
    # "For Tokyo, …" / "…, for Tokyo, …": only a named perspective set off by commas
    "FRAME|perspective": [
        [{"LOWER": "for", "DEP": "prep"}, {"POS": "PROPN", "OP": "+"}, {"ORTH": ","}],
        [{"ORTH": ","}, {"LOWER": "for"}, {"POS": "PROPN", "OP": "+"}, {"ORTH": ","}],
    ],
    "FRAME|regard": [[{"LEMMA": {"IN": sorted(_REGARD_VERBS)}, "POS": "VERB"}]],
    "FRAME|claim": [[{"LEMMA": "claim", "POS": "NOUN"}]],
    "FRAME|claims": [[{"LEMMA": "claim", "POS": "VERB"}]],
    # "Ankara is firmly against …", "Seoul remains in favour of …"
    "FRAME|side": [
        [
            {"LEMMA": {"IN": sorted(_COPULAS)}},
            # "is not against", "remains firmly behind"
            {"POS": {"IN": ["ADV", "PART"]}, "OP": "*"},
            {"LOWER": {"IN": ["in", *sorted(_SIDE_PREPS)]}},
        ]
    ],
    # "Moscow is adamant that …"
    "FRAME|insistent": [[{"LOWER": {"IN": sorted(_INSISTENT)}, "DEP": "acomp"}]],
    # "Crimea is Ukrainian", "the whole of the river was Guatemalan"
    "FRAME|belongs": [[{"POS": {"IN": ["ADJ", "PROPN"]}, "DEP": {"IN": ["acomp", "attr"]}}]],
    **conditions.PATTERNS,
    **consequences.PATTERNS,
    **means.PATTERNS,
    **menace.PATTERNS,
    **focus.PATTERNS,
    **gestures.PATTERNS,
    **hopes.PATTERNS,
    **rebuffs.PATTERNS,
    **resolve.PATTERNS,
    **verdicts.PATTERNS,
    **soil.PATTERNS,
    **parthood.PATTERNS,
}
#: Entity types and nouns of a place that can be said to be a nation's.
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_PLACE_NOUNS = word_list("place_nouns")
#: What one claims without claiming land or rights ("claimed responsibility", "victory").
_NOT_CLAIMED = word_list("unclaimed_objects")


def _possessed(noun: Token) -> bool:
    """ "Beijing's position", "its position", "the Russian position", "the KRG's priority"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return True
    return False


def _copula_content(verb: Token, subject: Token) -> list[Token]:
    """What a copula says its subject is: the attribute, that-clause or complement."""
    return [
        c
        for c in verb.children
        if c.i != subject.i and c.dep_ in ("attr", "ccomp", "acomp", "xcomp", "oprd")
    ]


def _refused(content: list[Token]) -> bool:
    """What a red line names as a thing is ruled out ("any declaration of independence",
    "an Iranian nuclear weapon"); a clause or the holder's own right is insisted on ("its
    right to resupply", "that the region is an integral part")."""
    nouns = [c for c in content if c.pos_ in ("NOUN", "PROPN") and c.dep_ == "attr"]
    return bool(nouns) and not any(
        d.dep_ == "poss" and d.lower_ in ("its", "their", "our", "his", "her")
        for c in nouns
        for d in c.children
    )


def _refused_step(verb: Token) -> bool:
    """ "the army will not pull back": a step the holder will not take (a negated future or
    ability); "must not join" is what it asks of another, not refused."""
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in _REFUSING_AUX for c in kids
    )


#: Auxiliaries of a refused step ("will not", "cannot", "would never"): the modals but those
#: of obligation.
_REFUSING_AUX = _MODALS - {"must", "should"}


def meta_copula(verb: Token) -> bool:
    """ "The sticking point is X's demand for Y": a copula whose subject only names the place
    of a stance in the talks, so the stance noun after it keeps its own content."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _META_SUBJECTS for c in verb.children)


def position_trigger(tok: Token) -> Trigger | None:
    """ "Beijing's position is that …": the copula, holding the possessor's stance."""
    verb = tok.head
    if _unchanged(verb) and _possessed(tok):
        # "our position on the status of Abkhazia will not change / remains unchanged": the
        # position is held, on what it is about (when it says; else a list may follow it)
        about = [p for c in tok.children if c.dep_ == "prep" for p in c.children]
        kind = _POSITION_NOUNS[tok.lemma_.lower()]
        if about:
            return Trigger(verb, kind, "frame", content=about)
    if verb.lemma_.lower() not in _COPULAS or not _possessed(tok):
        return None
    content = _copula_content(verb, tok)
    if not content or all(c.dep_ == "acomp" and c.lower_ in _EVALUATIONS for c in content):
        return None  # "Israel's demands were excessive": a verdict on them (verdicts.py)
    if any(c.dep_ in ("prep", "acl", "ccomp") for c in tok.children) and not any(
        c.dep_ == "ccomp" for c in content
    ):
        # "Moscow's insistence on X remains the main obstacle": the noun states its own
        # content; only "X's position on Y is that …" states it after the copula
        return None
    kind = _POSITION_NOUNS[tok.lemma_.lower()]
    if (
        tok.lemma_.lower() == "line"
        and any(c.dep_ == "amod" and c.lower_ == "red" for c in tok.children)
        and _refused(content)
    ):
        kind = "reject"
    if (
        len(content) == 1
        and content[0].dep_ == "ccomp"
        and (conditions.ruled_out_thing(content[0]) or _refused_step(content[0]))
    ):
        # "X's line is that there will be no talks unless …", "Its position is that the army
        # will not pull back until …"
        kind = "reject"
    return Trigger(verb, kind, "frame", content=content)


def _unchanged(verb: Token) -> bool:
    """ "will not change", "has not changed", "remains unchanged"."""
    if verb.lemma_.lower() in ("change", "shift", "alter", "waver"):
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    return verb.lemma_.lower() in _COPULAS and any(
        c.dep_ == "acomp" and c.lower_ in ("unchanged", "unaltered", "unchangeable")
        for c in verb.children
    )


def perspective_holder(verb: Token) -> Token | None:
    """The "X" of "For X, Y is …" on a copula (None when there is none)."""
    if verb.lemma_.lower() not in _COPULAS and not _passive_verdict(verb):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            # "For Tokyo, …"; "… is unacceptable for us" in a statement or a quote
            if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_ or objs[0].lower_ == "us"):
                return objs[0]
    return None


def _passive_verdict(verb: Token) -> bool:
    """Is *verb* a verdict participle read as a passive ("the matter is closed", "is settled
    law") with a subject?"""
    return (
        verb.tag_ == "VBN"
        and verb.lower_ in _PERSPECTIVE
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def perspective_trigger(prep: Token) -> Trigger | None:
    """ "For Tokyo, the alliance is non-negotiable": the verdict word, on the subject."""
    if prep.text == "," and prep.i + 1 < len(prep.doc):
        prep = prep.doc[prep.i + 1]
    verb = prep.head
    if perspective_holder(verb) is None:
        return None
    if _passive_verdict(verb):
        # "For Baku, the matter is closed", "… the treaty is settled law" (parsed as passives)
        return Trigger(verb, _PERSPECTIVE[verb.lower_], "copula")
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        return None
    for c in verb.children:
        if c.dep_ not in ("acomp", "attr") or c.i < subj.i:
            continue
        kind = _PERSPECTIVE.get(c.lower_) or _PERSPECTIVE.get(c.lemma_.lower())
        if kind is None and c.dep_ == "attr":
            # "is settled law", "is a closed matter": the verdict sits on the noun's modifier
            kind = next(
                (
                    _PERSPECTIVE[m.lower_]
                    for m in c.children
                    if m.dep_ == "amod" and m.lower_ in _PERSPECTIVE
                ),
                None,
            )
        if kind is not None:
            return Trigger(c, kind, "copula")
    return None


def regard_trigger(verb: Token) -> Trigger | None:
    """ "Beijing sees that commitment as interference": a verdict on the object."""
    if any(
        c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "aux" and c.lower_ in _MODAL_WORDS)
        for c in verb.children
    ):
        # passive verdicts are left to the verb rules; "would regard troops as a threat" is a
        # warning the threat noun carries
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for holder in (verb, obj):
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                kind = _AS_VERDICTS.get(p.lemma_.lower())
                if kind is not None:
                    return Trigger(verb, kind, "frame", content=[obj])
    return None


def claim_trigger(noun: Token) -> Trigger | None:
    """ "Beijing's claim to the state", "Caracas's claim over the region": a demand."""
    if not _possessed(noun):
        return None
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "over", "on")]
    objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    return Trigger(noun, "demand", "frame", content=objs) if objs else None


def side_trigger(verb: Token) -> Trigger | None:
    """ "Ankara is firmly against any autonomy …" (reject), "Athens is in favour of a
    settlement" (accept): the copula takes a side on the object."""
    if verb.lemma_.lower() not in _COPULAS or _subject(verb) is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ in _SIDE_PREPS and objs:
            return Trigger(verb, _SIDE_PREPS[prep.lower_], "frame", content=objs)
        if prep.lower_ == "in" and objs and objs[0].lower_ in ("favour", "favor"):
            of = [
                p
                for c in objs[0].children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ in ("pobj", "pcomp")
            ]
            if of:
                return Trigger(verb, "accept", "frame", content=of)
    return None


def insistent_trigger(adj: Token) -> Trigger | None:
    """ "Moscow is adamant that Kyiv must withdraw": a demand for the clause, which the parser
    may hang from the copula rather than the adjective."""
    verb = adj.head
    if verb.lemma_.lower() not in _COPULAS:
        return None
    content = [c for c in adj.children if c.dep_ in ("ccomp", "prep", "xcomp")]
    content += [c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i]
    return Trigger(adj, "demand", "frame", content=content) if content else None


def belongs_trigger(adj: Token) -> Trigger | None:
    """ "Crimea is Ukrainian", "the Golan will remain Israeli", said by someone: a place said
    to be a nation's is the speaker's territorial claim (a copula stance, so the speaker holds
    it and the place is its content)."""
    verb = adj.head
    if adj.ent_type_ != "NORP" or verb.lemma_.lower() not in _COPULAS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ in ("PERSON", "ORG") or subj.pos_ == "PRON":
        return None
    if not any(t.ent_type_ in _PLACES or t.lemma_.lower() in _PLACE_NOUNS for t in subj.subtree):
        return None
    return Trigger(adj, "demand", "copula")


def claims_trigger(verb: Token) -> Trigger | None:
    """ "Spain still claims the territory", "China claims most of the sea": a demand for the
    object (not "claimed responsibility", nor "claimed that …", which reports)."""
    if any(c.dep_ in ("ccomp", "xcomp", "auxpass", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in _NOT_CLAIMED:
        return None
    if obj.pos_ not in ("NOUN", "PROPN") and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in obj.children
    ):
        return None  # "claims most of the sea" counts; "claims it" does not
    if verb.dep_ in ("amod", "acl", "relcl", "pcomp"):
        return None
    return Trigger(verb, "demand", "frame", content=[obj])


def cleft_content(verb: Token) -> list[Token] | None:
    """ "What Taipei wants is dialogue …", "All we ask is a ceasefire", "the only thing Baku
    wants is …": the content of *verb* is the copula's complement."""
    head = verb.head
    if (
        verb.dep_ == "relcl"
        and head.dep_ == "nsubj"
        and head.lemma_.lower() in _CLEFT_HEADS
        and head.head.lemma_.lower() in _COPULAS
    ):
        return _copula_content(head.head, head) or None
    if verb.dep_ != "csubj" or verb.head.lemma_.lower() not in _COPULAS:
        return None
    if not any(c.dep_ in ("dobj", "det") and c.lower_ == "what" for c in verb.children):
        return None
    content = _copula_content(verb.head, verb)
    if not content:
        # "What Japan wants is, at a minimum, restored visits …": the parser's conjunct
        content = [c for c in verb.head.children if c.dep_ == "conj" and c.i > verb.head.i]
    return content or None


def in_question(tok: Token) -> bool:
    """An explainer's header or a reporter's question ("Would Moscow accept a ceasefire?"):
    a sentence ending in a question mark, outside any quotation, states no stance."""
    sent = tok.sent
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "?":
        return False
    return not any(t.text in ('"', "“", "”", "‘", "’") or t.is_quote for t in words)


def frame_trigger(label: str, tok: Token) -> Trigger | None:
    """The frame trigger for a matcher *label* at *tok*."""
    read = _FRAME_TRIGGERS.get(label.split("|", 1)[1])
    return read(tok) if read is not None else None


def frame_holder_tokens(trig: Trigger) -> list[Token]:
    """Who holds a frame stance: the possessor of a position noun ("Beijing's position is"),
    a claim noun's possessor, or else the subject ("Ankara is against", "Moscow is adamant")."""
    tok = trig.token
    held = focus.focus_holder(trig)
    if held is not None:
        return held  # "is not acceptable to Baku", "what is on the table is …"
    if tok.pos_ == "ADP":
        tok = tok.head  # "recalled its envoy in protest at …": the clause's subject
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.lemma_.lower() in _COPULAS and subj is not None:
        if subj.lemma_.lower() in _POSITION_NOUNS:
            return [
                c
                for c in subj.children
                if c.dep_ == "poss"
                or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))
            ][:1]
        return [subj]
    if tok.pos_ == "NOUN":
        return [c for c in tok.children if c.dep_ == "poss"] or [
            c
            for c in tok.children
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
        ]
    if any(c.dep_ == "auxpass" for c in tok.children) and not any(
        c.dep_ == "agent" for c in tok.children
    ):
        # "any such attempt will be rejected": the subject is what is judged, the speaker holds
        return [c for c in tok.children if c.dep_ == "nsubjpass"][:1]
    found = _subject(tok)
    return [found] if found is not None else []


_FRAME_TRIGGERS = {
    "position": position_trigger,
    "perspective": perspective_trigger,
    "regard": regard_trigger,
    "claim": claim_trigger,
    "claims": claims_trigger,
    "side": side_trigger,
    "insistent": insistent_trigger,
    "belongs": belongs_trigger,
    **conditions.FRAME_TRIGGERS,
    **consequences.FRAME_TRIGGERS,
    **means.FRAME_TRIGGERS,
    **menace.FRAME_TRIGGERS,
    **focus.FRAME_TRIGGERS,
    **gestures.FRAME_TRIGGERS,
    **hopes.FRAME_TRIGGERS,
    **rebuffs.FRAME_TRIGGERS,
    **resolve.FRAME_TRIGGERS,
    **verdicts.FRAME_TRIGGERS,
    **soil.FRAME_TRIGGERS,
    **parthood.FRAME_TRIGGERS,
}
