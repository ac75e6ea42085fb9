"""Per-document lookups computed once for the stance stages."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from detente.extract import attribution as attr
from detente.extract.doctext import doc_text
from detente.extract.lexicon import word_list
from detente.extract.stance.conditions import (
    PREPOSITIONS,
    only_conjunct,
    predicative_condition,
    preposition_conditions,
    ruled_out_thing,
)
from detente.extract.stance.consequences import FALLBACKS, INVERSIONS, inverted_condition
from detente.extract.stance.lexis import (
    _NEUTRAL_EVENTS,
)
from detente.extract.stance.model import (
    _Actor,
)
from detente.extract.stance.predicates import rejected_course
from detente.extract.stance.syntax import (
    _conjuncts,
)
from detente.extract.stance.turns import Turn, Turns, find_turns
from detente.records import Claim

if TYPE_CHECKING:
    from detente.extract.stance.anaphora import Pointer
    from detente.extract.stances import StanceComponent


class _DocState:
    """Per-document lookups computed once, only for docs that hold a trigger."""

    def __init__(self, doc: Doc, comp: StanceComponent, marks: list[Token] | None = None) -> None:
        self.doc = doc
        self.comp = comp
        #: token index -> list of (end index, issue, weight) for multi-word cues starting there.
        self.cue_phrases: dict[int, list[tuple[int, str, int]]] = {}
        self.hedge_tokens: set[int] = set()
        #: Tokens of menacing phrases ("the hard way", "pay a heavy price").
        self.threat_tokens: set[int] = set()
        self.condition_roots: list[Token] = []
        self.exchange_roots: list[Token] = []
        self.excluded: set[int] = set()
        self.before_roots: set[int] = set()
        #: (actor, kind, sentence start) -> the modifiers of a stance no issue cue classified,
        #: so that a stance the learned stage adds for it is hedged, attributed, conditional
        #: or denied as the rules read it.
        self.uncued_modifiers: dict[tuple[str, str, int], dict[str, Any]] = {}
        #: id of a claim of the main path -> (the claim, its trigger, its content unit), for
        #: the learned arbiter to read the content the rules classified.
        self.origins: dict[int, tuple[Claim, Any, Any]] = {}
        #: Each mention of a deal (token index, class, issues it names), on first need.
        self.deal_mentions: list[tuple[int, str, list[str]]] | None = None
        strings = doc.vocab.strings
        for key, start, end in comp.phrases(doc):
            label = strings[key]
            if label.startswith("ISSUE|"):
                _, issue, weight = label.split("|")
                self.cue_phrases.setdefault(start, []).append((end, issue, int(weight)))
            elif label == "HEDGE":
                self.hedge_tokens.update(range(start, end))
            elif label == "COND" and end - start == 1 and doc[start].lower_ in INVERSIONS:
                # "Should the talks fail, …": a condition only where the auxiliary inverts
                verb = inverted_condition(doc[start])
                if verb is not None:
                    self.condition_roots.append(verb)
            elif label == "COND":
                root = _phrase_root(doc[start:end])
                if not predicative_condition(root):  # "X is contingent on Y": a stance itself
                    self.condition_roots.append(root)
                if doc[start].lower_ in FALLBACKS:
                    self.before_roots.add(root.i)  # "failing that": a demand stated before
            elif label == "THREAT":
                self.threat_tokens.update(range(start, end))
            elif label == "EXCH":
                first = doc[start]
                if first.lower_ == "for" and (
                    first.head.lemma_.lower() in comp.lex.verbs
                    or first.head.lemma_.lower() in comp.lex.nouns
                ):
                    continue  # "called for the return of prisoners": the demand's content
                root = doc[start:end].root
                if all(r.i != root.i for r in self.exchange_roots):
                    self.exchange_roots.append(root)
        lex = comp.lex
        # Only the subordinators found by the matcher are visited, not every token.
        for tok in marks if marks is not None else doc:
            if tok.dep_ == "prep" and tok.lower_ in PREPOSITIONS:
                # "no ceasefire without …", "will not sign until …", "only after …"
                self.condition_roots.extend(preposition_conditions(tok))
            elif (
                tok.dep_ == "mark"
                and tok.lower_ in lex.condition_marks
                and (tok.head.dep_ in ("advcl", "ccomp") or only_conjunct(tok))
            ):
                if tok.lower_ == "whether" and tok.head.dep_ == "ccomp":
                    continue
                if tok.lower_ == "if" and tok.i > 0 and doc[tok.i - 1].lower_ == "as":
                    continue  # "treat it as if it did not exist": a manner, no condition
                self.condition_roots.append(tok.head)
            elif tok.lower_ == "when" and future_when(tok):
                # "the treaty will be signed when the constitution no longer claims …"
                self.condition_roots.append(tok.head)
            elif (
                tok.lower_ in ("before", "while")
                and tok.dep_ == "mark"
                and tok.head.dep_ == "advcl"
                and (
                    comp._negated(tok.head.head)
                    or rejected_course(tok.head.head)
                    or ruled_out_thing(tok.head.head)
                )
            ):
                # "would not sign before the Houthis stopped attacking", "would not negotiate
                # while foreign troops remained": a condition.
                self.condition_roots.append(tok.head)
            elif (
                tok.lower_ == "before"
                and tok.dep_ == "mark"
                and tok.head.dep_ == "advcl"
                and any(
                    c.dep_ in ("nsubj", "nsubjpass")
                    and (
                        c.lemma_.lower() in lex.before_objects
                        or any(d.lower_ == "any" for d in c.children)
                    )
                    for c in tok.head.children
                )
            ):
                self.condition_roots.append(tok.head)
                if tok.head.lemma_.lower() in _NEUTRAL_EVENTS:
                    # "before any dialogue can begin": a precondition, not a demand of its own.
                    self.before_roots.add(tok.head.i)
            elif (
                tok.lower_ == "before"
                and tok.dep_ == "prep"
                and any(
                    c.dep_ == "pobj"
                    and c.lemma_.lower() in lex.before_objects
                    and not any(g.ent_type_ for g in c.children if g.dep_ == "compound")
                    for c in tok.children
                )
            ):
                self.condition_roots.append(tok)
                self.before_roots.add(tok.i)
        self.condition_roots.extend(_stranded_conditions(self.condition_roots))
        for root in self.condition_roots + self.exchange_roots:
            self.excluded.update(t.i for t in root.subtree)
        self.according: dict[int, set[int]] = {}
        self.tracker: Any = comp.make_tracker(doc)
        #: Speaker turns when the report is a transcript (press conference, interview).
        self.turns: Turns | None = find_turns(doc, self.tracker, comp.lex.sources)
        self.last_proponent: list[_Actor] = []
        #: Parties that signed a document, and where (token index); and where the last
        #: proponent was set, so that a later "the accord provides for …" goes to whichever of
        #: the two came last.
        self.signatories: list[_Actor] = []
        self.signed_at: int = -1
        self.proposed_at: int = -1
        #: Actors of the most recent stance and the token where its sentence starts.
        self.last_actors: list[_Actor] = []
        self.last_sent_start: int = 0
        #: Where a live blog's timestamped entries start (characters).
        self.entries: list[int] = doc._.detente_entries or []  # from the layout pass
        self.history: list[_Actor] = []
        #: Claims found so far (for "rejected the demand": the issue of the demand before).
        self.claims: list[Claim] = []
        #: ordinal -> (offset, kinds) of a claim whose object points back to another stance
        #: ("welcomed the decision"), resolved once the report is read.
        self.pointers: dict[int, Pointer] = {}
        #: Actors of the stance being classified.
        self.current: list[_Actor] = []
        #: actor id -> (report-level salience, actor), computed on first use.
        self._salience: dict[str, tuple[float, _Actor]] | None = None

    def document_holders(self) -> list[_Actor]:
        """Whose is a document named bare ("the accord", "the text"): its signatories when
        a signing was reported after the last plan was put forward, else that plan's
        proponents."""
        if self.signatories and self.signed_at > self.proposed_at:
            return list(self.signatories)
        return list(self.last_proponent)

    def signed_text(self, actors: list[_Actor]) -> bool:
        """Are *actors* the signatories of the document last named bare?"""
        return (
            bool(actors)
            and self.signed_at > self.proposed_at
            and {a.id for a in actors} == {a.id for a in self.signatories}
        )

    def new_entry(self, tok: Token) -> bool:
        """Has a live blog's next timestamped entry begun between the last stance and *tok*?
        Then the last stance's holders no longer stand behind a bare quote or pronoun."""
        if not self.entries or not self.last_actors:
            return False
        i = bisect.bisect_right(self.entries, self.doc[self.last_sent_start].idx)
        return i < len(self.entries) and self.entries[i] <= tok.idx

    def principal_pair(self, exclude: set[str] | frozenset[str] = frozenset()) -> list[_Actor]:
        """The two parties the report is about: the actors holding most stances so far, ties
        and gaps settled by report-level salience (every actor named, subjects and headline
        mentions weighing more, venues not at all)."""
        if self._salience is None:
            self._salience = {}
            head_end = doc_text(self.doc).find("\n")
            for ent in self.doc.ents:
                if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
                    continue
                if ent.label_ == "NORP" and not ent.ent_id_:
                    continue  # a people the lists lack ("Bougainvilleans voted"), no party
                ref = self.comp._resolve(ent)
                if ref is None:
                    continue
                root = ent.root
                if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "to", "from", "via"):
                    continue  # a venue or destination ("talks in Doha"), not a party
                # Subjects act; adjectives ("Qatari mediators") only colour a noun.
                weight = {"nsubj": 2.0, "nsubjpass": 2.0, "poss": 1.5, "amod": 0.5}.get(
                    root.dep_, 1.0
                )
                weight += 0 <= ent.start_char < head_end
                score, _ = self._salience.get(ref.id, (0.0, None))
                self._salience[ref.id] = (score + weight, _Actor(ref.id, ref.name or ref.id, None))
        # Stances held so far decide; salience breaks ties and fills in a missing party.
        held: dict[str, int] = {}
        actors = {k: v[1] for k, v in self._salience.items()}
        for a in self.history:
            held[a.id] = held.get(a.id, 0) + 1
            actors.setdefault(a.id, a)
        ranked = sorted(
            (k for k in actors if k not in exclude),
            key=lambda k: (-held.get(k, 0), -self._salience.get(k, (0.0, None))[0]),
        )
        return [actors[k] for k in ranked[:2]] if len(ranked) >= 2 else []

    def turn_of(self, tok: Token) -> Turn | None:
        """The transcript turn *tok* is spoken in (None outside transcripts)."""
        return self.turns.at(tok.idx) if self.turns is not None else None

    def according_tokens(self, sent: Span) -> set[int]:
        key = sent.start
        if key not in self.according:
            self.according[key] = attr.according_to_tokens(sent)
        return self.according[key]


#: Adverbs opening a condition phrase ("only when", "only after", "once").
_ONLY = frozenset({"only", "when", "once", "after"})


def _phrase_root(span: Span) -> Token:
    """The token heading a matched phrase ("as long as X" -> "long"; "provided that" -> verb)."""
    root = span.root
    # "provided that X": the condition clause hangs below the phrase root or is its head;
    # "only when X ends", "only after X reopens": the adverbs hang on the condition's verb.
    if root.head.i not in range(span.start, span.end) and (
        root.dep_ == "mark"
        or (root.dep_ == "advmod" and root.lower_ in _ONLY and root.head.dep_ == "advcl")
    ):
        return root.head
    return root


def _stranded_conditions(roots: list[Token]) -> list[Token]:
    """Verbs of a condition list the parser hung on the main verb: in "offered to delay X if
    Tehran restored cooperation, accounted for its stockpile and returned to talks" the last
    two are conditions too -- subjectless verbs in the condition's tense, after it, coordinated
    with a verb of another tense above it."""
    out: list[Token] = []
    for root in roots:
        if root.pos_ != "VERB" or root.dep_ != "advcl":
            continue
        ancestors = {a.i for a in root.ancestors}
        for a in root.ancestors:
            for c in a.children:
                if (
                    c.dep_ == "conj"
                    and c.i > root.i
                    and c.tag_ == root.tag_
                    # a verb of the same tense as the main verb only when it opens a list
                    # ("if X freed prisoners, accepted monitors and returned to talks")
                    and (a.tag_ != c.tag_ or any(d.dep_ == "conj" for d in c.children))
                    and c.i not in ancestors
                    and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
                ):
                    out.extend(t for t in _conjuncts(c) if t.tag_ == root.tag_)
            if a.dep_ != "xcomp":
                break  # only the clause the condition belongs to ("offered to put off …")
    return out


_FUTURE_AUX = frozenset({"will", "would", "shall", "wo"})
#: What happens in time of itself: "when it expires" dates a stance, it does not condition it.
_DUE_EVENTS = word_list("due_events")


def future_when(tok: Token) -> bool:
    """Is *tok* the "when" of a condition: a present-tense clause that a future stance waits
    for ("will sign when Armenia amends its constitution"), not a time ("when asked", "when
    they met")?"""
    clause = tok.head
    if clause.dep_ != "advcl" or tok.i > clause.i or clause.tag_ not in ("VBZ", "VBP"):
        return False
    if clause.lemma_.lower() in _DUE_EVENTS:
        return False  # "will not renew the deal when it expires": a date, not a demand
    main = clause.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in main.children)
