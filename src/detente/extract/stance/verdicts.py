"""Verdicts passed on what is at issue, with no stance verb and no plan as subject.

Official statements and quoted officials rule a matter in or out by judging it: "federal
status for the region is excluded", "the system of guarantees belongs to the past", "a
ceasefire that leaves foreign troops on our soil is not acceptable", "the court's ruling is
null and void", "our nuclear deterrent will never be up for negotiation", "access to the sea
is non-negotiable". The verdict belongs to whoever voices it (the reporting clause, a "For X"
perspective, the speaker of a quote), and what is judged is the subject. Verdicts on plans and
offers are read by :mod:`detente.extract.stance.predicates`; here the subject must itself name
a negotiation issue (a strong cue of the taxonomy in its head or in what the head is of), so
"the situation is unacceptable" or "the report is baseless" stay no stance. Words are data in
``knowledge/stances.yaml`` (``lists:`` ruling_verdicts, ruling_phrases).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.lexicon import stance_lexicon, taxonomy, word_list, word_map
from detente.extract.stance.lexis import _MODALS
from detente.extract.stance.model import Trigger

#: Single verdict words on a copula ("is excluded", "remains non-negotiable"), by kind.
_WORDS = word_map("ruling_verdicts")
#: Several-word verdicts, by kind ("out of the question", "null and void", "up for talks").
_PHRASES = word_map("ruling_phrases")
#: ... longest first, so "up for negotiations" is read before "up for negotiation".
_BY_LENGTH = sorted(_PHRASES, key=len, reverse=True)
#: Taxonomy phrases that name an issue strongly enough for a verdict's subject.
_STRONG_PHRASES = tuple(p for p, (_issue, weight) in taxonomy().phrases.items() if weight >= 2)
_COPULAS = frozenset({"be", "remain", "stay"})
#: Pronouns and placeholders that do not name what is judged.
_EMPTY = frozenset({"it", "this", "that", "which", "what", "everything", "nothing", "all"})
#: Conduct whose verdict condemns rather than rules a term in or out ("the strikes were
#: unacceptable"): no stance on the talks.
_CONDUCT = (word_list("hostilities_words") | word_list("war_words") | stance_lexicon().hostile) - {
    "ceasefire",
    "truce",
}
#: Verdicts that only rule something out when negated ("not up for negotiation", "is not
#: for sale"), by their first two words.
_ONLY_NEGATED = frozenset({"up for", "for sale", "open to"})


def _patterns() -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = [
        [{"LOWER": {"IN": sorted(w for w in _WORDS if "-" not in w)}}],
    ]
    for phrase in [*_PHRASES, *(w for w in _WORDS if "-" in w)]:
        out.append([{"LOWER": w} for w in phrase.replace("-", " - ").split()])
    return out


#: Matcher patterns (label -> patterns) for the frame triggers of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|ruling": _patterns(),
    "FRAME|pastbelong": [[{"LEMMA": "belong", "POS": "VERB"}]],
    "FRAME|nothingtodiscuss": [
        [{"LOWER": "nothing"}, {"LOWER": "to"}, {"LEMMA": {"IN": ["discuss", "negotiate", "talk"]}}]
    ],
    "FRAME|notsomething": [[{"LOWER": {"IN": ["something", "anything"]}, "DEP": "attr"}]],
}


def _negated(verb: Token) -> bool:
    return any(
        c.dep_ == "neg" or c.lower_ in ("never", "no") or (c.lower_ == "longer" and c.i > 0)
        for c in verb.children
    )


def names_issue(subj: Token) -> bool:
    """Whether the noun phrase headed by *subj* names what is negotiated: a strong taxonomy
    cue on its head or the nouns it is "of"/"for"/"to", a modifier only when it names the
    issue outright ("federal status"), a phrase of the taxonomy; names do not count."""
    tax = taxonomy()
    # forces placed somewhere are a term of the talks ("any deployment of Western troops")
    words = [(subj, 1 if subj.lemma_.lower() in ("deployment", "presence", "stationing") else 2)]
    for c in subj.children:
        if subj.pos_ in ("VERB", "AUX") and c.dep_ in ("dobj", "prt"):
            words.append((c, 2))  # "handing over the rifles is out of the question"
        elif c.dep_ in ("amod", "compound") and c.pos_ != "PROPN":
            words.append((c, 3))  # "the humanitarian situation" is no term of the talks
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "on", "over"):
            words.extend((p, 2) for p in c.children if p.dep_ == "pobj" and p.pos_ != "PROPN")
    for w, least in words:
        cue = tax.words.get(w.lemma_.lower()) or tax.words.get(w.lower_)
        if cue is not None and cue[1] >= least:
            return True
    text = " ".join(t.lower_ for t in subj.subtree)
    return any(phrase in text for phrase in _STRONG_PHRASES)


def _copula(tok: Token, *, having: bool = False) -> Token | None:
    """The copula (or passive participle) the verdict starting at *tok* is said with; with
    *having*, "have" too ("has no legal force")."""
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        return tok  # "is excluded"
    verbs = _COPULAS | {"have"} if having else _COPULAS
    head = tok
    for _ in range(3):
        if head.lemma_.lower() in verbs and head.pos_ in ("AUX", "VERB"):
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


#: Verbs that pass a verdict on their object: "regards X as", "calls X", "describes X as".
_JUDGING = frozenset({"regard", "consider", "describe", "see", "view", "treat", "call", "deem"})


def _judging(tok: Token) -> Token | None:
    """The verb that judges its object by the verdict at *tok* ("regards the constitution
    as an internal affair", "calls the constitution an internal matter"), if one does."""
    head = tok
    for _ in range(3):
        if head.dep_ == "oprd" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
            verb = head.head if head.dep_ == "oprd" else head.head.head
            return verb if verb.lemma_.lower() in _JUDGING else None
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def ruling_trigger(tok: Token) -> Trigger | None:
    """The verdict starting at *tok* on the copula's subject, when that subject names an
    issue and no party it is "to" holds it (that is :mod:`focus`'s held verdict)."""
    doc = tok.doc
    word = tok.lower_
    phrase = next(
        (p for p in _BY_LENGTH if doc[tok.i : tok.i + len(p.split())].text.lower() == p),
        None,
    )
    if phrase is None and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        word = doc[tok.i : tok.i + 3].text.lower()  # "non-negotiable"
    kind = _PHRASES.get(phrase) if phrase else _WORDS.get(word)
    if kind is None:
        return None
    verb = _copula(tok, having=bool(phrase) and phrase.startswith("no "))
    subj_deps = ("nsubj", "nsubjpass", "csubj")
    if verb is None and phrase is not None and (verb := _judging(tok)) is not None:
        subj_deps = ("dobj",)  # "regards the constitution as an internal affair"
    elif verb is None or verb.i > tok.i:
        return None
    subj = next((c for c in verb.children if c.dep_ in subj_deps), None)
    if subj is None or subj.lower_ in _EMPTY or subj.pos_ == "PRON":
        return None
    if subj.i > verb.i and subj.dep_ != "dobj":
        return None
    if subj.pos_ == "PROPN" and subj.ent_type_ not in ("LOC", "FAC", "GPE"):
        return None  # "Hamas is illegitimate" judges a party, not a term
    if phrase is None and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in (*verb.children, *tok.children)
    ):
        return None  # "is unacceptable to Baku": the party it is unacceptable to holds it
    negated = _negated(verb)
    if " ".join((phrase or "").split()[:2]) in _ONLY_NEGATED:
        if not negated:
            return None
        kind = "reject"
    elif negated:
        if kind != "accept":
            return None  # "is not illegal" rules nothing in or out
        kind = "reject"
    if not (names_issue(subj) or subj.pos_ == "PROPN") or subj.lemma_.lower() in _CONDUCT:
        return None
    return Trigger(verb, kind, "verdict", content=[subj], fixed=True)


def belongs_past_trigger(verb: Token) -> Trigger | None:
    """ "The system of guarantees belongs to the past": a rejection of what is consigned."""
    if verb.lemma_.lower() != "belong":
        return None
    past = any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(p.lower_ in ("past", "history") for p in c.children)
        for c in verb.children
    )
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not past or subj is None or subj.pos_ == "PRON" or not names_issue(subj):
        return None
    return Trigger(verb, "reject", "verdict", content=[subj], fixed=True)


#: Talking refused as pointless: "there is nothing to discuss", "had nothing to negotiate".
_TALKING = frozenset({"discuss", "negotiate", "talk"})


def nothing_to_discuss_trigger(tok: Token) -> Trigger | None:
    """ "There is nothing to discuss as long as …", "it has nothing to discuss with Seoul": a
    refusal of talks by whoever says it."""
    verb = tok.head
    if tok.dep_ not in ("attr", "dobj", "nsubj") or verb.lemma_.lower() not in ("be", "have"):
        return None
    talking = next(
        (c for c in tok.children if c.dep_ in ("relcl", "acl", "xcomp") and c.lemma_ in _TALKING),
        None,
    )
    if talking is None:
        return None
    # "nothing to negotiate about the islands": the islands are ruled out, and talks on them
    topic = [
        p
        for c in talking.children
        if c.dep_ == "prep" and c.lower_ in ("about", "over", "on")
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
    ]
    return Trigger(verb, "reject", "verdict", content=[*topic, tok], fixed=True)


#: Steps one would not take with what one holds ("not something we will give up / trade
#: away"): the subject is held, a demand; anything else one would not do with the subject ("not
#: something we will sign / accept / negotiate", "not something we are interested in") refuses
#: it.
_YIELDING = frozenset({"give", "trade", "surrender", "concede", "cede", "sacrifice"})


def not_something_trigger(tok: Token) -> Trigger | None:
    """ "A truce that lets Kyiv rearm is not something Russia would sign", "the right of return
    is not something our people will give up": a verdict on the copula's subject, held by the
    subject of the relative clause."""
    cop = tok.head
    if cop.lemma_ != "be" or not _negated(cop):
        return None
    subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
    rel = next((c for c in tok.children if c.dep_ in ("relcl", "acl")), None)
    if subj is None or subj.pos_ == "PRON" or rel is None:
        return None
    lemma = rel.lemma_.lower()
    if lemma == "be" and not any(c.lower_ == "interested" for c in rel.children):
        return None
    if rel.tag_ in ("VBD", "VBN") and not any(c.lower_ in _MODALS for c in rel.children):
        return None  # "not something they had discussed" tells what happened
    kind = "demand" if lemma in _YIELDING else "reject"
    return Trigger(cop, kind, "verdict", content=[subj], fixed=True)


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {
    "ruling": ruling_trigger,
    "pastbelong": belongs_past_trigger,
    "nothingtodiscuss": nothing_to_discuss_trigger,
    "notsomething": not_something_trigger,
}
