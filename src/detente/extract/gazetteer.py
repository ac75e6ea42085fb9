"""Gazetteer: a spaCy component that labels curated places and actors before ``ner``.

The statistical model mislabels many conflict place names (Zaporizhzhia as PERSON, Crimea
as ORG) and misses others ("70 percent of Donetsk region").  This component matches the
knowledge base's phrases with two :class:`~spacy.matcher.PhraseMatcher` instances (one on
``LOWER`` for ordinary names, one on ``ORTH`` for acronyms and names that are also common
words) and writes the longest non-overlapping matches to ``doc.ents`` with ``ent_id_`` set
(see :mod:`detente.extract.kb` for the id conventions).  Placed before ``ner``, the
recogniser keeps these spans and predicts around them.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from detente.extract.kb import Knowledge, knowledge
from detente.extract.lexicon import word_list

#: spaCy forbids "." in factory names, so the version is joined with "_".
FACTORY = "detente_gazetteer_v1"


#: Words that make a capitalised run an organisation's name ("Sudan People's Liberation
#: Movement", "Syrian National Army", "Moro Islamic Liberation Front").
_ORG_WORDS = {
    "movement",
    "front",
    "liberation",
    "party",
    "alliance",
    "brigade",
    "brigades",
    "militia",
    "resistance",
    "coalition",
    "congress",
    "union",
    "organisation",
    "organization",
    "national",
    "democratic",
    "popular",
    "revolutionary",
    "islamic",
    "patriotic",
    "people",
    "peoples",
    "solidarity",
}
_ORG_GLUE = {"-", "of", "for", "and", "the", "in", "'s", "’s"}
#: After a region (which has no army of its own to speak of) these also make an organisation
#: ("Arakan Rohingya Salvation Army", "Kachin Independence Army").
_REGION_ORG_WORDS = {"army", "forces", "independence", "salvation", "council", "defence", "defense"}


def _opens_org_name(span: Span) -> bool:
    """Is this place or demonym only the first word of a longer organisation name?

    "Sudan" in "Sudan People's Liberation Movement" must not become the state: the match
    is dropped so that ``ner`` can label the whole organisation.  A possessive ("Ukraine's
    National Guard") keeps the match: there the state owns the body.
    """
    ent_id = span.id_  # (not yet on the tokens: ent_id_ would read them)
    if span.label_ not in {"GPE", "NORP", "LOC"} or ent_id.startswith("city:"):
        return False
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ in {"'s", "’s"}:
        return False
    if doc[span.end].lower_ in ("and", "&"):
        return False  # "left Somalia and Islamic law was imposed": a list, not a name
    region = "-" in ent_id
    for tok in doc[span.end : span.end + 7]:
        low = tok.lower_
        strong = low in _ORG_WORDS or (region and low in _REGION_ORG_WORDS)
        if strong and (tok.is_title or tok.is_upper):
            return True
        if not (tok.is_title or tok.is_upper or low in _ORG_GLUE):
            return False
    return False


_CALENDAR = word_list("weekdays") | word_list("months")
#: Roles too general to tell two office holders apart ("Minister X", "leader X").
_GENERIC_ROLES = frozenset({"official", "leader", "minister", "chairperson", "commander"})


def other_office(span: Span, kb: Knowledge) -> bool:
    """Is *span* a listed leader's name under the title of another office, so a namesake?
    "Defence Minister Pedro Sanchez" in a Colombian report is not Spain's prime minister."""
    leader = kb.leaders.get(span.text.lower())
    if leader is None or leader.role in _GENERIC_ROLES:
        return False
    doc = span.doc
    for n in range(min(kb.max_title_len, span.start), 0, -1):
        role = kb.titles.get(doc[span.start - n : span.start].text.lower())
        if role is not None:
            return role not in _GENERIC_ROLES and role != leader.role
    return False


class Gazetteer:
    """Phrase-matching entity labeller built once per pipeline from the knowledge base."""

    def __init__(self, nlp: Language, name: str = FACTORY, kb: Knowledge | None = None) -> None:
        self.name = name
        kb = kb or knowledge()
        self.kb = kb
        #: single title words ("President", "Minister") that may precede a bare surname
        self.title_words = frozenset(w for t in kb.titles for w in t.split())
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower_groups: dict[tuple[str, str], list[str]] = {}
        orth_groups: dict[tuple[str, str], list[str]] = {}
        for pat in kb.patterns.values():
            groups = orth_groups if pat.case_sensitive else lower_groups
            groups.setdefault((pat.label, pat.ent_id), []).append(pat.text)
        # One match key per (label, id): the key's string carries both.
        for groups, matcher in ((lower_groups, self.lower), (orth_groups, self.orth)):
            for (label, ent_id), texts in groups.items():
                docs = [nlp.make_doc(text) for text in texts]
                matcher.add(f"{label}|{ent_id}", docs)

    def _at_home(self, spans: list[Span]) -> list[Span]:
        """Drop the names of bodies whose country the report never names: "the Transitional
        Government of National Unity" in a report from Juba is not Libya's, "Victoria" in one
        from Melbourne is not the Seychelles' capital."""
        named: set[str] = set()
        for s in spans:
            if s.id_ in self.kb.homes:
                continue  # "Victoria" does not name the Seychelles by itself
            code = s.id_.removeprefix("city:")
            place = self.kb.places.get(code)
            named.add(place.country if place is not None and place.country else code)
        return [s for s in spans if self.kb.homes.get(s.id_, "") in ("", *named)]

    def _namesake(self, span: Span) -> bool:
        """A listed leader's single-word name inside a longer name ("Hazem Qassem", "Mohamed
        Hamdan Daglo", "Anwar Gargash") is someone else: leave the name to ``ner``."""
        if span.label_ != "PERSON":
            return False
        if other_office(span, self.kb):
            return True
        if len(span) != 1:
            return False
        doc = span.doc
        if span.start > 0:
            prev = doc[span.start - 1]
            if (
                prev.is_title
                and prev.is_alpha
                and not prev.is_sent_start
                and prev.lower_ not in self.title_words
                and prev.ent_type_ == ""
            ):
                return True
        if span.end < len(doc):
            # a first-name alias followed by another surname ("Anwar Gargash")
            nxt = doc[span.end]
            return (
                nxt.is_title
                and nxt.is_alpha
                and nxt.pos_ == "PROPN"
                and nxt.ent_type_ == ""
                and nxt.lower_ not in _CALENDAR
            )
        return False

    def __call__(self, doc: Doc) -> Doc:
        """Label the curated names in *doc*; earlier entities survive where they do not clash."""
        vocab_strings = doc.vocab.strings
        spans: list[Span] = []
        for matcher in (self.orth, self.lower):
            for key, start, end in matcher(doc):
                label, ent_id = vocab_strings[key].split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        if not spans:
            return doc
        spans = [s for s in filter_spans(spans) if not _opens_org_name(s) and not self._namesake(s)]
        if any(s.id_ in self.kb.homes for s in spans):
            spans = self._at_home(spans)
        if not spans:
            return doc
        if doc.ents:
            taken = {i for s in spans for i in range(s.start, s.end)}
            spans += [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of docs."""
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY)
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """spaCy factory: ``nlp.add_pipe("detente_gazetteer_v1", before="ner")``."""
    return Gazetteer(nlp, name)
