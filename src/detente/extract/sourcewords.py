"""The vocabulary and grammar that :mod:`detente.extract.attribution` names sources with: the
word lists of ``knowledge/sources.yaml``, the extent of a source's noun phrase, the subject of a
reporting verb, and the small constructions ("one of the officials", "quoted … as saying",
"without citing sources") that decide what counts as an attribution.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

#: Prepositions that end a source's name ("sources close to the summit | in Alaska").
_CUT_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "since", "as"})


@dataclass(frozen=True, slots=True)
class SourceWords:
    """Word lists of ``knowledge/sources.yaml`` (see the comments there)."""

    media_heads: frozenset[str]
    media_name_words: frozenset[str]
    affiliations: frozenset[str]
    unnamed_holders: frozenset[str]
    continuation_modals: frozenset[str]
    carriers: frozenset[str]
    report_nouns: frozenset[str]
    documents: frozenset[str]
    seen_by: frozenset[str]
    document_verbs: frozenset[str]


@functools.cache
def source_words() -> SourceWords:
    """The source word lists, loaded once per process."""
    text = resources.files("detente.knowledge").joinpath("sources.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return SourceWords(
        media_heads=words("media_heads"),
        media_name_words=words("media_name_words"),
        affiliations=words("affiliations"),
        unnamed_holders=words("unnamed_holders"),
        continuation_modals=words("continuation_modals"),
        carriers=words("carriers"),
        report_nouns=words("report_nouns"),
        documents=words("documents"),
        seen_by=words("seen_by"),
        document_verbs=words("document_verbs"),
    )


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    """Words that mark reporting, anonymity and news organisations."""

    reporting: frozenset[str]
    anonymous_heads: frozenset[str]
    media: frozenset[str]


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens naming *head*'s noun phrase, without coordinated items or trailing clauses.

    "Reuters, the BBC and Le Monde" gives "Reuters"; "officials close to the
    Geneva round between the two envoys" gives "officials close to the Geneva round".
    """
    toks: list[Token] = list(head.doc[head.left_edge.i : head.i + 1])
    right_stop = head.i
    for child in head.rights:
        if child.dep_ in ("conj", "cc", "punct", "relcl", "appos"):
            break
        participle = child.tag_ == "VBN" or (child.tag_ == "VBD" and child.i == head.i + 1)
        if child.dep_ == "acl" and not participle:
            break  # "a diplomat briefed on the talks" keeps its participle, not other clauses
        if child.dep_ == "prep" and child.lower_ in _CUT_PREPS and not _affiliation(child):
            break
        end = child.right_edge.i
        # "close to X with Y in Z": keep the first prepositional link, cut at the next one.
        for tok in child.subtree:
            if (
                tok.i > child.i
                and tok.dep_ == "prep"
                and tok.lower_ in _CUT_PREPS
                and not (
                    tok.head.tag_ in ("VBN", "VBD") and tok.head.i == tok.i - 1
                )  # "briefed on"
            ):
                end = min(end, tok.i - 1)
            if tok.dep_ in ("conj", "cc", "relcl", "appos"):
                end = min(end, tok.left_edge.i - 1)
        right_stop = max(right_stop, end)
    toks.extend(head.doc[head.i + 1 : right_stop + 1])
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    return toks


def _affiliation(prep: Token) -> bool:
    """Is *prep* an "in <body>" or "at <body>" naming where a source sits ("a source in the
    government", "officials in Hamas's leadership", "people in the Kremlin", "two officials at
    the oil ministry")?  "At" names a seat only with a body word: "at the summit" is an
    occasion.  "On <side>" is a camp too ("officials on both sides", "negotiators on the
    Ukrainian side")."""
    if prep.lower_ == "on":
        return any(p.dep_ == "pobj" and p.lemma_.lower() == "side" for p in prep.children)
    if prep.lower_ not in ("in", "at"):
        return False
    words = source_words().affiliations
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        if pobj.lower_ in words or pobj.lemma_.lower() in words:
            return True
        if prep.lower_ == "at":
            if pobj.ent_type_ == "ORG":
                return True  # "officials at the State Department"
            continue
        if pobj.ent_type_ in ("ORG", "NORP") or (pobj.ent_type_ == "GPE" and pobj.i - prep.i <= 3):
            return True  # "officials in Kyiv", "a diplomat in Hamas", not "in an interview"
    return False


def conjuncts(head: Token) -> list[Token]:
    """*head* and the items coordinated with it ("FT, NBC and Bloomberg")."""
    out = [head]
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


#: Quantities that pick unnamed people out of a group ("one of the officials").
_PARTITIVES = frozenset({"one", "two", "three", "some", "several", "many", "most", "another"})


def partitive_group(head: Token) -> Token | None:
    """The group noun of "one of the officials", "another of its negotiators"."""
    if head.lower_ not in _PARTITIVES:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def entity_of(tok: Token) -> Span | None:
    """The entity *tok* sits in, found from the IOB tags (no scan over the sentence)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def as_saying(verb: Token) -> Token | None:
    """The "as saying" complement of a quoting verb ("quoted X as saying"), if any."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for comp in prep.children:
                if comp.dep_ == "pcomp" and comp.tag_ == "VBG":
                    return comp
    return None


def without_clause(verb: Token) -> bool:
    """ "… reported, without citing sources": the verb is what was not done."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def made_clear(verb: Token) -> bool:
    """ "has made clear / plain / known that …": a statement, like a reporting verb."""
    return verb.lemma_.lower() == "make" and any(
        c.lower_ in ("clear", "plain", "known") and c.dep_ in ("ccomp", "acomp", "oprd", "dobj")
        for c in verb.children
    )


#: How a speaker is said to put things before a colon ("X was blunter: …").
_SPEAKING_MANNER = frozenset(
    {
        "blunt",
        "blunter",
        "categorical",
        "candid",
        "clear",
        "clearer",
        "direct",
        "emphatic",
        "explicit",
        "firm",
        "forthright",
        "frank",
        "plain",
        "plainer",
        "succinct",
        "terse",
        "unequivocal",
        "adamant",
        "defiant",
        "brief",
    }
)


def spoke_before_colon(verb: Token, token: Token) -> bool:
    """ "A Russian lawmaker was blunter: …", "The minister put it simply: …": a clause before a
    colon that says how its subject spoke, so that what follows the colon is theirs."""
    if verb.i >= token.i:
        return False
    if verb.lemma_ == "be":
        manner = any(
            c.dep_ in ("acomp", "attr") and c.lower_ in _SPEAKING_MANNER for c in verb.children
        )
    else:
        manner = verb.lemma_ == "put" and any(
            c.lower_ == "it" and c.dep_ == "dobj" for c in verb.children
        )
    # the colon is looked for last: this runs for every verb above every stance
    return manner and any(t.text == ":" for t in token.doc[verb.i : token.i])


def verb_subject(verb: Token, raising: bool = False) -> Token | None:
    """The subject of *verb*, following participles and coordinated verbs up to a subject;
    with *raising*, a raising passive's own subject too ("officials | are understood to …"),
    which is the subject of its infinitive, not of its reporting."""
    cur = verb
    raised = False
    for _ in range(6):
        # "officials are understood to favour …": a passive verb raising its subject to the
        # infinitive gives that infinitive its subject
        deps = (
            ("nsubj", "csubj", "nsubjpass")
            if raised or (raising and _raising(cur))
            else ("nsubj", "csubj")
        )
        subjects = [c for c in cur.children if c.dep_ in deps]
        if subjects:
            # A mis-split subject ("Sudan's paramilitary | Rapid Support Forces said"): the name.
            named = [c for c in subjects if c.ent_type_]
            return named[-1] if named else subjects[-1]
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "acomp") or (cur.dep_ == "advcl" and cur.tag_ == "VBG"):
            raised = cur.dep_ == "xcomp" and cur.head.tag_ == "VBN"
            cur = cur.head
            continue
        return None
    return None


#: Passive verbs that hand their subject to an infinitive ("is said to", "are understood to").
_RAISING = frozenset(
    {"say", "understand", "believe", "report", "think", "know", "expect", "rumour"}
)


def hearsay(verb: Token) -> bool:
    """Is *verb* a raising passive that reports without naming who reports ("Riyadh is said to
    have offered", "the envoy is understood to favour")?"""
    return _raising(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _raising(verb: Token) -> bool:
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _RAISING
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def own_subject(verb: Token) -> bool:
    """Has *verb* a subject of its own (active, passive or clausal)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def cur_text(doc: Doc, i: int) -> str:
    """Text of token *i* of *doc* (empty outside it)."""
    return doc[i].text if 0 <= i < len(doc) else ""


def seen_document(head: Token) -> Token | None:
    """The agent of a document the reporter had in hand ("a memo obtained by Politico" ->
    Politico), or *head* itself when none is named ("documents seen by the BBC" has one)."""
    words = source_words()
    if head.pos_ != "NOUN" or head.lemma_.lower() not in words.documents:
        return None
    # "minutes of the meeting seen by Reuters": the participle may hang on the "of" object
    owners = [head] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    for acl in (c for o in owners for c in o.children):
        if acl.dep_ == "acl" and acl.lemma_.lower() in words.seen_by and acl.tag_ == "VBN":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
            return head
    return None
