"""Ids for organisations the knowledge base does not list: a slug of the name, or of the
acronym given after it, and names the model did not tag as an organisation."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span, Token

from detente.extract.entindex import ent_at
from detente.extract.lexicon import word_list


def slugify(text: str) -> str:
    """A stable lowercase id from a name ("Moro Islamic Liberation Front" ->
    ``moro_islamic_liberation_front``)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"['’]s\b", "", text)
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def acronym_after(ent: Span) -> str | None:
    """ "(SPLM-IO)" right after a name."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return None
    parts: list[str] = []
    for tok in doc[ent.end + 1 : ent.end + 7]:
        if tok.text == ")":
            acr = "".join(parts)
            letters = [c for c in acr if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and 2 <= len(acr) <= 14:
                return acr
            return None
        parts.append(tok.text)
    return None


def in_brackets_after(ent: Span) -> Span | None:
    """The entity a bracket right after *ent* holds alone: "(Hamas)" after "the Islamic
    Resistance Movement", the name it is better known by."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return None
    inner = ent_at(doc, ent.end + 1)
    if inner is None or inner.start != ent.end + 1 or doc[inner.end].text != ")":
        return None
    return inner


def named_organisation(span: Span) -> tuple[str, str] | None:
    """(id, name) of a capitalised organisation name the model did not tag ("the Sudan People's Liberation
    Movement-in-Opposition said"): the proper-noun run ending at the head, if it holds a word
    such as Movement, Front or Party."""
    from detente.extract.gazetteer import _ORG_WORDS

    root = span.root
    if not (root.is_title or root.is_upper) or root.pos_ not in {"PROPN", "NOUN"}:
        return None
    words = [t for t in span if t.i <= root.i and t.lower_ not in {"the", "a", "an"}]
    if not words or not any(t.lower_ in _ORG_WORDS for t in words):
        return None
    if not all(
        t.is_title or t.is_upper or t.is_punct or t.lower_ in {"of", "for", "and", "in", "'s"}
        for t in words
    ):
        return None
    if all(t.lower_ in _GENERIC_NAME_WORDS or t.is_punct for t in words):
        return None  # "the Government of the Republic": no body of its own, the state's
    name = span.doc[words[0].i : root.i + 1].text
    return slugify(name), name


#: Words of a name that names no particular body ("the Government of the Republic", "the
#: National Assembly", "the Ministry"): institution nouns, the state's forms and glue.
_GENERIC_NAME_WORDS = word_list("institutions") | frozenset(
    {"national", "federal", "central", "supreme", "people", "peoples", "assembly", "parliament"}
    | {"of", "for", "and", "in", "'s"}
    # a portfolio names an office every state has ("the Ministry of National Defence")
    | word_list("portfolio_words")
    # a transcript's heading ("DEPARTMENT PRESS BRIEFING") names an occasion, not a body
    | {"department", "press", "briefing", "conference", "transcript", "readout", "statement"}
)


def generic_name(name: str) -> bool:
    """Is *name* made only of generic words ("the Ministry", "DEPARTMENT PRESS BRIEFING")?"""
    words = [w for w in re.findall(r"[\w']+", name.lower()) if w not in ("the", "a", "an")]
    return bool(words) and all(w in _GENERIC_NAME_WORDS for w in words)


#: Words that may stand between an unlisted body's name and its state ("… of the Republic of").
_OF_STATE = frozenset({"of", "the", "republic", "government", "kingdom", "state", "federation"})


def owning_state(ent: Span) -> str | None:
    """The state an unlisted body's name says it belongs to: "the Bureau for Reintegration
    Policies of the Republic of Moldova", "the Office for Cooperation of the Government of
    Serbia", "the Ministry of the Overseas Territories of the French Republic" are parts of
    that state (and stand for it), not parties of their own."""
    doc = ent.doc
    if not (ent[-1].lower_ == "of" or (ent.end < len(doc) and doc[ent.end].lower_ == "of")):
        return None
    for tok in doc[ent.end : ent.end + 6]:
        if tok.ent_type_ == "GPE" and re.fullmatch(r"[A-Z]{3}", tok.ent_id_):
            return tok.ent_id_
        if (
            tok.ent_type_ == "NORP"
            and re.fullmatch(r"[A-Z]{3}", tok.ent_id_)
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].lower_ in _OF_STATE - {"of", "the"}
        ):
            return tok.ent_id_  # "… of the French Republic", "… of the Russian Federation"
        if tok.lower_ not in _OF_STATE:
            return None
    return None


def earlier_owner(ent: Span) -> str | None:
    """The state an office with no state in its name was named with earlier in the report:
    "the Ministry of National Defence of Cambodia" or "the Cambodian Ministry of National
    Defence" before a bare "the Ministry of National Defence" (agency copy names it in full
    once)."""
    name = ent.text.lower().removeprefix("the ")
    if len(name.split()) < 2:
        return None  # "the Government", "the Ministry": too common a word to match a name by
    doc = ent.doc
    for other in reversed([e for e in doc.ents if e.end <= ent.start and e.label_ == "ORG"]):
        if not other.text.lower().removesuffix(" of").endswith(name):
            continue
        code = owning_state(other)
        before = doc[other.start - 1] if other.start else None
        if code is None and before is not None and before.ent_type_ in ("GPE", "NORP"):
            code = before.ent_id_ if re.fullmatch(r"[A-Z]{3}", before.ent_id_) else None
        if code:
            return code
    return None


_HONORIFICS = word_list("honorifics")


def _honorific(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in _HONORIFICS


def after_honorific(ent: Span) -> bool:
    """Does "Mr.", "MS." or "Dr" come right before *ent*? Then it names a person."""
    doc = ent.doc
    i = ent.start - 1
    if i > 0 and doc[i].text == ".":
        i -= 1  # "MS" "." "ODHIAMBO": the parser splits the abbreviation's full stop
    return i >= 0 and _honorific(doc[i])


def description_before(head: Token, ent: Span) -> Span:
    """The description headed by *head* that a person *ent* is named after or before: "the
    government's delegation head" -- and, when it precedes the name, its own "of" phrase,
    which says whose office it is ("the Minister of the Overseas Territories of the French
    Republic, Mr. X")."""
    doc = head.doc
    if head.i > ent.start:
        return doc[head.left_edge.i : head.i + 1]
    end = ent.start
    while end > head.i + 1 and (doc[end - 1].is_punct or _honorific(doc[end - 1])):
        end -= 1
    return doc[head.left_edge.i : end]
