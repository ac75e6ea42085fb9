"""Stance extraction: who demands, offers, proposes, accepts, rejects or threatens what.

The ``detente_stances_v1`` component works on the dependency parse:

1. **Triggers.**  A :class:`~spacy.matcher.Matcher` finds stance verbs ("demand", "rule out"),
   nouns ("refusal to", "Moscow's offer of"), willingness adjectives ("ready to", "open to") and
   concession verbs voiced as intent ("would never cede", "will release") — all from
   ``knowledge/stances.yaml``.  Triggers inside another trigger's complement ("demands that Kyiv
   withdraw") belong to it and are not stances of their own.
2. **Holder.**  The subject (through auxiliaries, "ready to", coordinated and participial verbs,
   relative clauses and passive agents), a noun's possessor, nationality adjective or "by" agent;
   pronouns in reported speech take the reporting verb's subject; "the plan would require …" goes
   to the plan's proponent; coordinated subjects give one stance per actor.  Names become actor ids
   through :class:`detente.extract.actors.ActorTracker`.
3. **Issue.**  The complement is split at coordination ("non-nuclear status, no NATO and
   recognition" is three stances) and each conjunct is classified with the weighted cues of
   ``knowledge/taxonomy.yaml`` (strongest cue wins, then the one nearest the conjunct's head).
4. **Modifiers.**  Negation (flipping accept↔reject and turning negated concessions into
   rejections), hedges ("in principle", "could"), conditions ("as long as", "if", "provided"),
   exchanges ("in exchange for" adds the traded stance and links both), denials ("denied a report
   that …"), sources (:mod:`detente.extract.attribution`), date, places and quantities.

Each stance becomes a :class:`detente.records.Claim`, collected on ``doc._.detente_claims``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.extract import attribution as attr
from detente.extract.lexicon import (
    StanceLexicon,
    Taxonomy,
    kinds_map,
    phrase_list,
    stance_lexicon,
    taxonomy,
    word_list,
    word_map,
)
from detente.extract.quantities import NUMBER_WORDS
from detente.records import Claim

FACTORY = "detente_stances_v1"

for _name, _default in (
    ("detente_claims", None),
    ("detente_published", None),
    ("detente_actor_names", None),
    ("detente_tracker", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

_MODALS = word_list("modals")
_PRONOUNS = word_list("pronouns")
_PLAN_NOUNS = word_list("plan_nouns")
_GROUP_NOUNS = word_list("group_nouns")
_TROOPS = word_list("troops")
_DECLARATIVE = word_list("declarative")
_AGENT_NOUNS = word_list("agent_nouns")
_ADDRESSEES = word_list("addressees")
_NEUTRAL_EVENTS = word_list("neutral_events")
_NECESSARY = word_list("necessary")
_SIDE_NOUNS = word_list("side_nouns")
_ACTION_NOUNS = word_list("action_nouns")
_GENERIC_DEALS = word_list("generic_deals")
_COOP_PROCESS = word_list("coop_process")
_STATE_NOUNS = word_list("state_nouns")
_GROUP_SUBJECTS = word_list("group_subjects")
_WAR_WORDS = word_list("war_words")
_INSTITUTIONS = word_list("institutions")
#: Complement dependencies of a verb trigger.
_VERB_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp"})
_CONTENT_PREPS = word_list("content_preps")
_NOUN_CONTENT_DEPS = frozenset({"prep", "acl", "ccomp", "relcl", "amod", "compound"})
_KIND_FLIP = {"accept": "reject", "reject": "accept", "offer": "reject"}


@dataclass(slots=True)
class Trigger:
    """A stance word found in the text and how it behaves."""

    token: Token
    kind: str
    cls: str  # "verb" | "noun" | "adj" | "concession" | "retention"
    content: list[Token] = field(default_factory=list)
    content_ids: set[int] = field(default_factory=set)
    #: The kind already accounts for the negation ("has no plans to ease …" rejects).
    fixed: bool = False


@dataclass(slots=True)
class _Unit:
    """One conjunct of a trigger's complement: its head and the tokens that belong to it."""

    head: Token
    tokens: list[Token]


@dataclass(slots=True)
class _Actor:
    id: str
    name: str
    speaker: str | None


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
        strings = doc.vocab.strings
        for key, start, end in comp.phrases(doc):
            label = strings[key]
            if label.startswith("ISSUE|"):
                _, issue, weight = label.split("|")
                self.cue_phrases.setdefault(start, []).append((end, issue, int(weight)))
            elif label == "HEDGE":
                self.hedge_tokens.update(range(start, end))
            elif label == "COND":
                self.condition_roots.append(_phrase_root(doc[start:end]))
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
            if (
                tok.dep_ == "mark"
                and tok.lower_ in lex.condition_marks
                and tok.head.dep_
                in (
                    "advcl",
                    "ccomp",
                )
            ):
                if tok.lower_ == "whether" and tok.head.dep_ == "ccomp":
                    continue
                self.condition_roots.append(tok.head)
            elif (
                tok.lower_ in ("before", "while")
                and tok.dep_ == "mark"
                and tok.head.dep_ == "advcl"
                and comp._negated(tok.head.head)
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
        self.last_proponent: list[_Actor] = []
        #: Actors of the most recent stance and the token where its sentence starts.
        self.last_actors: list[_Actor] = []
        self.last_sent_start: int = 0
        self.history: list[_Actor] = []
        #: Claims found so far (for "rejected the demand": the issue of the demand before).
        self.claims: list[Claim] = []
        #: Actors of the stance being classified.
        self.current: list[_Actor] = []

    def according_tokens(self, sent: Span) -> set[int]:
        key = sent.start
        if key not in self.according:
            self.according[key] = attr.according_to_tokens(sent)
        return self.according[key]


def _phrase_root(span: Span) -> Token:
    """The token heading a matched phrase ("as long as X" -> "long"; "provided that" -> verb)."""
    root = span.root
    # "provided that X": the condition clause hangs below the phrase root or is its head.
    if root.dep_ == "mark" and root.head.i not in range(span.start, span.end):
        return root.head
    return root


class StanceComponent:
    """spaCy component that turns stance triggers into :class:`~detente.records.Claim` records."""

    def __init__(self, nlp: Language, name: str = FACTORY) -> None:
        self.name = name
        self.lex: StanceLexicon = stance_lexicon()
        self.tax: Taxonomy = taxonomy()
        self.matcher = Matcher(nlp.vocab)
        lex = self.lex
        verb_lemmas = sorted(set(lex.verbs))
        caps = [w.capitalize() for w in verb_lemmas]
        self.matcher.add(
            "VERB", [[{"LEMMA": {"IN": verb_lemmas + caps}, "POS": {"IN": ["VERB", "AUX"]}}]]
        )
        nouns = sorted(set(lex.nouns))
        self.matcher.add(
            "NOUN",
            [[{"LEMMA": {"IN": nouns + [n.capitalize() for n in nouns]}, "POS": "NOUN"}]],
        )
        adjs = sorted(lex.willingness | lex.unwillingness)
        self.matcher.add("ADJ", [[{"LOWER": {"IN": adjs}, "POS": {"IN": ["ADJ", "VERB"]}}]])
        acts = sorted(
            (lex.concessions | lex.retentions | lex.threat_actions | lex.hostile) - set(lex.verbs)
        )
        self.matcher.add("ACT", [[{"LEMMA": {"IN": acts}, "POS": "VERB"}]])
        self.matcher.add("EXIST", [[{"LOWER": "there", "DEP": "expl"}]])
        self.matcher.add(
            "EVAL",
            [[{"LOWER": {"IN": sorted(_EVALUATIONS)}, "DEP": {"IN": ["acomp", "attr"]}}]],
        )
        for kind, patterns in _IDIOMS.items():
            self.matcher.add(f"IDIOM|{kind}", patterns)
        self.matcher.add(
            "PLANVERB", [[{"LEMMA": {"IN": sorted(_PLAN_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}]]
        )
        self.matcher.add(
            "NOPLAN",
            [
                [
                    {"LOWER": {"IN": ["no", "little"]}},
                    {"LOWER": "immediate", "OP": "?"},
                    {"LOWER": {"IN": sorted(_NO_PLAN_NOUNS)}},
                ]
            ],
        )
        self.matcher.add("BOUND", [[{"LOWER": "bound"}, {"LOWER": "by"}]])
        self.matcher.add(
            "ABEYANCE",
            [[{"POS": {"IN": ["VERB", "AUX"]}}, {"LOWER": "in"}, {"LOWER": "abeyance"}]],
        )
        self.matcher.add(
            "DEAL",
            [
                [
                    {
                        "LEMMA": {"IN": sorted(_DEAL_VERBS | _EXIT_VERBS | _DECLARE_VERBS)},
                        "POS": {"IN": ["VERB", "AUX"]},
                    }
                ]
            ],
        )
        self.matcher.add(
            "MARK", [[{"LOWER": {"IN": sorted(lex.condition_marks | {"before", "while"})}}]]
        )
        self.matcher.add(
            "OFFTABLE",
            [
                [
                    {"LOWER": "not"},
                    {"LOWER": "up"},
                    {"LOWER": "for"},
                    {"LOWER": {"IN": ["negotiation", "negotiations", "discussion", "debate"]}},
                ],
                [
                    {"LOWER": {"IN": ["not", "off"]}},
                    {"LOWER": {"IN": ["on", "the"]}, "OP": "?"},
                    {"LOWER": "the", "OP": "?"},
                    {"LOWER": "table"},
                ],
            ],
        )
        self.matcher.add("MUST", [[{"LOWER": {"IN": ["must", "should"]}, "DEP": "aux"}]])
        self.matcher.add(
            "NEEDED",
            [
                [{"LOWER": {"IN": sorted(_NECESSARY)}}],
                [{"LOWER": "non"}, {"ORTH": "-"}, {"LOWER": "negotiable"}],
                [{"LOWER": {"IN": ["not", "never"]}}, {"LOWER": "negotiable"}],
            ],
        )
        self.matcher.add(
            "MUSTBE",
            [
                [
                    {"LOWER": {"IN": ["should", "must"]}},
                    {"LEMMA": "be", "DEP": {"IN": ["ccomp", "ROOT", "conj"]}},
                ]
            ],
        )
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        words: dict[str, tuple[str, int]] = {}
        multi: dict[str, tuple[str, int]] = dict(self.tax.phrases)
        for cue, val in self.tax.words.items():
            if len(nlp.tokenizer(cue)) > 1:
                multi[cue] = val
            else:
                words[cue] = val
        self.cue_words = words
        by_label: dict[str, list[str]] = {}
        for cue, (issue, weight) in multi.items():
            by_label.setdefault(f"ISSUE|{issue}|{weight}", []).append(cue)
        by_label["HEDGE"] = list(lex.hedge_phrases)
        by_label["COND"] = [p for p in lex.condition_phrases if p not in ("only if",)]
        by_label["EXCH"] = list(lex.exchange_phrases)
        by_label["THREAT"] = list(_THREAT_PHRASES)
        tokenizer: Any = nlp.tokenizer
        for label, phrases in by_label.items():
            self.phrase_matcher.add(label, list(tokenizer.pipe(phrases)))
        self._tracker_cls: Any = None
        self._resolve: Any = None
        self._places: Any = None
        self._quantities: Any = None
        self._date_of: Any = None
        self._bind_knowledge()

    # -- knowledge modules ----------------------------------------------------------------

    def _bind_knowledge(self) -> None:
        """Bind the actor, place, quantity and time helpers of the knowledge modules."""
        from detente.extract import actors, places, quantities, timex

        self._tracker_cls = actors.ActorTracker
        self._resolve = actors.resolve_actor
        self._places = places.places_in
        self._quantities = quantities.quantities_in
        self._date_of = timex.date_of

    def make_tracker(self, doc: Doc) -> Any:
        """A fresh actor tracker for *doc*."""
        return self._tracker_cls(doc)

    def phrases(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Multi-word cue matches (issues, hedges, conditions, exchanges) in *doc*."""
        return self.phrase_matcher(doc)

    # -- component protocol ---------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Find the stances of *doc* and store them on ``doc._.detente_claims``."""
        matches = self.matcher(doc)
        doc._.detente_actor_names = {}
        if not matches:
            doc._.detente_claims = []
            return doc
        strings = doc.vocab.strings
        marks = [doc[m[1]] for m in matches if strings[m[0]] == "MARK"]
        matches = [m for m in matches if strings[m[0]] != "MARK"]
        if not matches:
            doc._.detente_claims = []
            return doc
        state = _DocState(doc, self, marks)
        doc._.detente_tracker = state.tracker  # shared with facts and events
        triggers = self._triggers(doc, matches, state)
        doc._.detente_claims = _body_over_headline(doc, self._claims(doc, triggers, state))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in docs:
            yield self(doc)

    # -- triggers -------------------------------------------------------------------------

    def _triggers(
        self, doc: Doc, matches: list[tuple[int, int, int]], state: _DocState
    ) -> list[Trigger]:
        lex = self.lex
        strings = doc.vocab.strings
        found: dict[int, Trigger] = {}
        for key, start, _end in matches:
            tok = doc[start]
            label = strings[key]
            lemma = tok.lemma_.lower()
            trig: Trigger | None = None
            if label in ("VERB", "ACT", "DEAL"):
                trig = self._deal_trigger(tok, lemma)
                if trig is not None:
                    pass
                elif label == "DEAL":
                    if lemma in _EXIT_VERBS and tok.i not in found:
                        trig = self._act_trigger(tok, lemma)  # "quit the talks"
                        if trig is not None and trig.kind != "reject":
                            trig = None
                elif label == "VERB":
                    trig = self._verb_trigger(tok, lemma)
                else:
                    trig = self._act_trigger(tok, lemma)
            elif label == "NOUN":
                trig = self._noun_trigger(tok, lemma)
            elif label == "ADJ":
                trig = self._adj_trigger(tok)
            elif label == "MUSTBE":
                tok = doc[_end - 1]
                has_attr = any(c.dep_ == "attr" for c in tok.children)
                trig = Trigger(tok, "demand", "mustbe") if has_attr else None
            elif label == "MUST":
                tok = doc[start].head
                if tok.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in tok.children):
                    trig = Trigger(tok, "demand", "mustbe")
                else:
                    trig = Trigger(tok, "demand", "must") if self._must(tok) else None
            elif label == "NEEDED":
                tok = next(
                    (
                        t
                        for t in doc[start:_end]
                        if t.dep_ in ("acomp", "attr") and t.head.lemma_.lower() == "be"
                    ),
                    doc[_end - 1],
                )
                trig = self._needed_trigger(tok)
            elif label == "ABEYANCE":
                # "the treaty would remain in abeyance": the speaker holds the treaty back
                found[tok.i] = Trigger(tok, "reject", "must", fixed=True)  # over "remain"
                continue
            elif label == "BOUND":
                # "would not be bound by any provision on mineral exports"
                trig = Trigger(tok, "accept", "bound") if tok.pos_ in ("VERB", "ADJ") else None
            elif label == "OFFTABLE":
                # "The Golan is not up for negotiation", "membership is off the table"
                be = next((t for t in doc[start:_end] if t.head.lemma_ == "be"), None)
                tok = be.head if be is not None else doc[start]
                trig = Trigger(tok, "reject", "mustbe") if be is not None else None
            elif label.startswith("IDIOM|"):
                # "gave the green light to", "said no to", "distanced itself from": the verb
                # holds the stance, the last preposition's object is its content
                prep = doc[_end - 1]
                trig = Trigger(tok, label.split("|")[1], "idiom") if tok.pos_ == "VERB" else None
                if trig is not None:
                    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                    trig.content = objs or [prep]
            elif label == "EVAL":
                trig = self._evaluation_trigger(tok)
            elif label == "PLANVERB":
                trig = self._plan_verb_trigger(tok, lemma, state)
            elif label == "NOPLAN":
                # "has no plans to ease its sanctions", "no intention of withdrawing"
                tok = doc[_end - 1]
                trig = Trigger(tok, "reject", "noun", fixed=True)
                if not self._noun_complements(tok):
                    trig = None
            elif label == "EXIST":
                trig = self._exist_trigger(tok)
                tok = trig.token if trig is not None else tok
            if trig is not None and tok.i not in found:
                found[tok.i] = trig
        # Dual-use verbs ("insisted that Russia is ready …") report another stance.
        for trig in list(found.values()):
            if trig.cls == "verb" and trig.token.lemma_.lower() in lex.dual_use:
                inner = [
                    t.i
                    for c in trig.token.children
                    if c.dep_ == "ccomp"
                    for t in c.subtree
                    if t.i in found
                    and t.i != trig.token.i
                    and found[t.i].cls in ("verb", "noun", "adj", "exist", "must", "mustbe")
                ]
                if inner:
                    del found[trig.token.i]
        # "Hungary, which has blocked earlier decisions, …": a relative clause recalling past
        # or habitual behaviour is background, not a stance voiced in the report.
        for i in [i for i, t in found.items() if _background_relcl(t.token)]:
            del found[i]
        # "would not form the association before Serbia recognised Kosovo": a refusal of one's
        # own act on terms, whatever the verb.
        for root in state.condition_roots:
            verb = root.head
            if (
                root.dep_ == "advcl"
                and verb.pos_ == "VERB"
                and verb.i not in found
                and verb.i != root.i
                and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
                and any(c.dep_ == "nsubj" for c in verb.children)
                and self._negated(verb)
            ):
                found[verb.i] = Trigger(verb, "reject", "verb", fixed=True)
        # A stance word inside a condition ("if the authorities accept …") is the condition.
        for root in state.condition_roots:
            for t in root.subtree:
                if t.i in found and t.i != root.head.i:
                    del found[t.i]
        for trig in found.values():
            if trig.cls != "idiom":
                trig.content = self._content_roots(trig)
            ids: set[int] = set()
            for root in trig.content:
                if root.i == trig.token.i:
                    ids.add(root.i)  # a concession verb is its own content, not its clause
                else:
                    ids.update(t.i for t in root.subtree)
            trig.content_ids = ids - state.excluded
        # A trigger inside another's complement is that stance's content, unless it is a noun
        # with a holder of its own ("rejected Moscow's demand for …" holds two stances).
        out: list[Trigger] = []
        for trig in sorted(found.values(), key=lambda t: t.token.i):
            nested = any(
                other is not trig
                and trig.token.i in other.content_ids
                and (other.cls not in ("verb", "adj") or _subject(other.token) is not None)
                for other in found.values()
            )
            if nested and not (
                (trig.cls == "noun" and self._explicit_holder(trig.token))
                or (trig.cls == "verb" and self._descriptive_relcl(trig.token))
                or trig.cls == "must"
            ):
                continue
            out.append(trig)
        return out

    def _judged_owners(self, trig: Trigger, state: _DocState) -> list[_Actor]:
        """Whose plan a verdict is about ("the European proposals" -> the EU)."""
        out: list[_Actor] = []
        for subj in trig.content:
            for o in self._noun_holder_tokens(subj, False):
                found = self._resolve_span(_head_span(o), state)
                if found is not None:
                    out.append(found)
        return self._members_of(out)

    @staticmethod
    def _evaluation_trigger(tok: Token) -> Trigger | None:
        """ "The plan was a good basis for talks", "the proposals were unconstructive": the
        speaker's verdict on a plan or demand is an acceptance or a rejection of it."""
        verb = tok.head
        if verb.lemma_.lower() not in ("be", "seem", "remain", "look", "sound"):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or (subj.lemma_.lower() not in _JUDGED and subj.lower_ not in _JUDGED):
            return None
        return Trigger(tok, _EVALUATIONS[tok.lower_], "verdict")

    def _plan_verb_trigger(self, tok: Token, lemma: str, state: _DocState) -> Trigger | None:
        """ "The framework envisages / foresees / provides for / would see …": a plan stating its
        terms, which are its proponents' proposals."""
        if lemma == "provide" and not any(
            c.dep_ in ("prep", "prt") and c.lower_ == "for" for c in tok.children
        ):
            return None
        if lemma == "see" and not any(
            c.lower_ in ("would", "will") for c in tok.children if c.dep_ == "aux"
        ):
            return None  # "would see Israeli troops withdraw"; not "saw"
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.dep_ == "conj":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        if subj.lemma_.lower() in _PLAN_NOUNS and subj.pos_ == "NOUN":
            return Trigger(tok, "propose", "planverb")
        if subj.lower_ == "it" and lemma in _DOCUMENT_VERBS:
            return Trigger(tok, "propose", "planverb")  # "It also foresees …" after the plan
        return None

    def _descriptive_relcl(self, tok: Token) -> bool:
        """A stance in a relative clause about a plan or a named party ("a roadmap that calls
        for a truce", "Hamas, which rejected the offer") — not "a plan that did not guarantee"."""
        if not _in_relcl(tok) or self._negated(tok):
            return False
        cur = tok
        while cur.dep_ == "conj":
            cur = cur.head
        antecedent = cur.head
        return antecedent.lemma_.lower() in _PLAN_NOUNS or antecedent.pos_ == "PROPN"

    def _verb_trigger(self, tok: Token, lemma: str) -> Trigger | None:
        lex = self.lex
        kind = lex.verbs.get(lemma)
        if kind is None:
            return None
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ in ("of", "for")
            and tok.head.head.lemma_.lower() in _ACCUSING
        ):
            return None  # "accused the army of blocking aid": the army's act, told by its foe
        kids = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
        part = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "part"), None)
        if lemma == "take" and part is not None:
            # "will take part in the talks"; "would take no part in …" refuses
            no = any(d.lower_ in ("no", "little") for d in part.children)
            return Trigger(tok, "reject" if no else "accept", "verb")
        if lemma == "put" and any(
            p.lower_ == "hold" for c in tok.children if c.dep_ == "prep" for p in c.children
        ):
            return Trigger(tok, "reject", "verb")  # "put the talks on hold until …"
        need = lex.particles.get(lemma)
        if need and not (kids & need):
            if any(f"{lemma} {k}" in _CONCESSION_PHRASALS for k in kids):
                return self._act_trigger(tok, lemma)  # "would lay down its weapons"
            return None
        if lemma == "expect" and not _expects_another(tok):
            return None  # "talks are expected to resume", "expects a deal soon": a forecast
        if kids & lex.blocking_particles.get(lemma, frozenset()):
            return None
        if lemma == "take" or (lemma == "put" and "on" in kids and "forward" not in kids):
            # "take X off the table" rejects X; "put X on the table" proposes it.
            if not any(
                p.lemma_.lower() == "table"
                for c in tok.children
                if c.dep_ in ("prep", "prt")
                for p in c.children
            ):
                return None
            kind = "reject" if lemma == "take" else "propose"
        if (
            tok.dep_ == "relcl"
            and tok.tag_ in ("VBZ", "VBP")
            and kind in ("offer", "accept")
            and not any(c.dep_ == "aux" for c in tok.children)
        ):
            return None  # "the United States, which guarantees the truce": a role, not a stance
        if tok.dep_ == "amod" or (
            tok.tag_ == "VBN"
            and tok.dep_ in ("acl", "amod")
            and not any(c.dep_ == "aux" for c in tok.children)
        ):
            # "the proposed deal", "a plan submitted by X": attributive, not a stance clause
            # ("reports that Beirut had agreed to …" is a clause and stays).
            return None
        if lemma in lex.denial_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.report_nouns
            for c in tok.children
        ):
            return None
        if kind == "reject" and any(
            c.dep_ == "xcomp"
            and (
                c.lemma_.lower() in _NO_COMMENT
                or any(
                    d.dep_ in ("dobj", "prep") and d.lemma_.lower() in _DETAIL_NOUNS
                    for d in c.children
                )
            )
            for c in tok.children
        ):
            return None  # "declined to comment", "refused to discuss details": no position
        if lemma == "consider" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _ACTION_NOUNS | _OWN_STEPS
            for c in tok.children
        ):
            kind = "offer"  # "would consider a phased reduction of its presence"
        if lemma in ("consider", "weigh", "explore", "contemplate") and kind in ("accept", "offer"):
            for c in tok.children:
                if c.dep_ not in ("xcomp", "dobj", "pcomp"):
                    continue
                # "could consider freezing its launches" / "halting enrichment": its own step
                gerunds = [c] + [a for a in c.children if a.dep_ == "amod"]
                if any(
                    g.tag_ == "VBG" and g.lemma_.lower() in self.lex.concessions for g in gerunds
                ):
                    kind = "offer"
                if c.dep_ == "dobj" and any(
                    p.dep_ == "prep" and p.lower_ == "against" for p in c.children
                ):
                    kind = "threaten"  # "would consider measures against anyone who …"
        if lemma in ("consider", "regard", "deem", "view", "treat", "see") and any(
            c.dep_ in ("auxpass", "nsubjpass") for c in tok.children
        ):
            # "any strike on the dam would be considered a declaration of war": a warning by
            # the speaker, not acceptance; any other passive verdict is no stance
            said = [
                t
                for c in tok.children
                if c.dep_ in ("oprd", "attr", "xcomp", "prep")
                for t in c.subtree
            ]
            if any(t.lemma_.lower() in _WAR_WORDS or t.lower_ == "aggression" for t in said):
                return Trigger(tok, "threaten", "must", fixed=True)
            return None
        if lemma in _INTENT_VERBS and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in lex.retentions for c in tok.children
        ):
            kind = "demand"  # "intends to keep its outpost on the island": a claim it holds
        if self._must(tok) and kind in ("accept", "offer"):
            # "guarantees had to be agreed with Moscow": the speaker sets a requirement.
            return Trigger(tok, "demand", "must")
        if lemma in ("vow", "pledge", "promise", "warn"):
            xcomps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
            denied = [c for c in xcomps if any(d.dep_ == "neg" for d in c.children)]
            if denied and lemma != "warn" and not self._negated(tok):
                # "pledged not to attack …" is a restraint offered; "vowed never to sign …"
                # (a non-hostile act) a refusal.
                hostile = any(self._hostile(c) or c.lemma_.lower() in _RESTRAINTS for c in denied)
                return Trigger(tok, "offer" if hostile else "reject", "verb", fixed=True)
            if any(self._hostile(c) for c in xcomps):
                kind = "threaten"
            elif lemma == "vow":
                kind = "offer"
        return Trigger(tok, kind, "verb")

    def _deal_trigger(self, tok: Token, lemma: str) -> Trigger | None:
        """ "reached / struck / sealed an agreement on X": each party accepts X. Not when the deal
        is only sought ("failed to reach", "hopes to strike") or denied ("no deal was reached")."""
        if lemma in _DECLARE_VERBS and not self._negated(tok):
            # "the RSF announced a unilateral humanitarian truce": a truce of its own, offered
            truce = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "dobj" and c.lemma_.lower() in _TRUCE_NOUNS and c.i > tok.i
                ),
                None,
            )
            if truce is not None and truce.lemma_.lower() not in ("truce", "ceasefire"):
                # "a pause in fighting" is a truce; "a halt to aid deliveries" is not
                # read the words after it, not the parse ("a halt to aid …" is mis-parsed)
                after = truce.doc[truce.i + 1 : min(truce.i + 8, truce.sent.end)]
                of: list[Token] = []
                if len(after) and after[0].lower_ in ("to", "in", "of", "on", "for"):
                    for t in after[1:]:
                        if t.is_punct:
                            break
                        of.append(t)
                if of and not any(
                    t.lemma_.lower() in _WAR_WORDS or t.lemma_.lower() in self.lex.hostile
                    for t in of
                ):
                    truce = None
            if truce is not None and tok.dep_ not in ("amod", "acl", "relcl", "xcomp", "pcomp"):
                return Trigger(tok, "offer", "verb", content=[truce])
            return None
        if lemma not in _DEAL_VERBS or self._negated(tok):
            return None
        deal = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _DEAL_OBJECTS
            ),
            None,
        )
        if deal is None or any(c.lower_ in ("no", "any") for c in deal.children):
            return None
        if tok.dep_ in ("xcomp", "pcomp", "advcl") and tok.head.lemma_.lower() not in (
            self.lex.reporting
        ):
            return None  # "failed to reach a deal", "aims at sealing an accord"
        if tok.dep_ in ("amod", "acl", "relcl") or (
            tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        ):
            return None  # "the deal reached in Doha": a reference, not a stance clause
        return Trigger(tok, "accept", "verb", content=[deal])

    def _noun_trigger(self, tok: Token, lemma: str) -> Trigger | None:
        lex = self.lex
        kind = lex.nouns.get(lemma)
        if kind is None:
            return None
        if (
            kind == "demand"
            and tok.dep_ == "attr"
            and tok.head.lemma_.lower() == "be"
            and any(c.dep_ in ("nsubj", "csubj") for c in tok.head.children)
        ):
            # "a ceasefire is a precondition for any talks": the subject is what is demanded.
            return Trigger(tok, "demand", "copula")
        if lemma in ("condition", "priority") and not self._explicit_holder(tok):
            return None  # "the conditions set by Britain, France and Germany" keeps its holder
        if lemma in lex.nouns_need_complement and not self._noun_complements(tok):
            return None
        if lemma in lex.nouns_need_holder and not self._noun_holder_tokens(tok, True):
            return None
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and lemma in _PLAN_NOUNS
            and (tok.head.lemma_.lower() in lex.verbs or tok.head.lemma_.lower() in lex.concessions)
        ):
            return None  # "the draft would require …": handled as the plan's proponent speaking
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _OUTCOME_VERBS:
            return None  # "no agreement was reached": how the talks ended, not a stance
        if lemma in ("willingness", "readiness", "openness"):
            kind = self._willing_kind(tok) or kind
        return Trigger(tok, kind, "noun")

    def _adj_trigger(self, tok: Token) -> Trigger | None:
        lex = self.lex
        low = tok.lower_
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "prep", "ccomp")]
        if not comps:
            return None
        # "ready to accept": the stance verb carries the stance itself.
        for c in comps:
            if c.dep_ == "xcomp" and c.lemma_.lower() in lex.verbs:
                return None
        if low in lex.unwillingness:
            return Trigger(tok, "reject", "adj")
        kind = self._willing_kind(tok)
        if kind is None:
            return None
        return Trigger(tok, kind, "adj")

    def _hostile(self, verb: Token) -> bool:
        """ "keep fighting", "resume strikes", "destroy": a hostile action."""
        lemma = verb.lemma_.lower()
        if lemma in self.lex.hostile:
            return True
        if lemma in ("resume", "continue", "keep", "go", "step", "expand"):
            return any(
                t.lemma_.lower() in _WAR_WORDS
                or t.lower_ in _WAR_WORDS
                or t.lemma_.lower() in self.lex.hostile
                for c in verb.children
                if c.dep_ in ("dobj", "xcomp", "prep", "prt", "acomp", "ccomp")
                for t in c.subtree
            )
        return False

    def _ongoing_attack(self, verb: Token) -> bool:
        """ "keeps bombing", "continues to strike", "carried on attacking": fighting that goes on."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in (
            "keep",
            "continue",
            "carry",
            "persist",
        ):
            return False
        return any(
            t.lemma_.lower() in self.lex.hostile or t.lower_ in _WAR_WORDS
            for c in verb.children
            if c.dep_ in ("xcomp", "dobj", "prep", "prt", "ccomp")
            for t in c.subtree
        )

    def _willing_kind(self, tok: Token) -> str | None:
        """Kind of "willing/ready to X": an action is an offer, a thing or talks an acceptance."""
        lex = self.lex
        for c in tok.children:
            if c.dep_ in ("xcomp", "acl"):
                lemma = c.lemma_.lower()
                if self._hostile(c):
                    return "threaten"
                if lemma in lex.verbs:
                    return lex.verbs[lemma]
                if lemma in lex.cooperative:
                    return "accept"
                return "offer"
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "on"):
                return "accept"
        return None

    def _act_trigger(self, tok: Token, lemma: str) -> Trigger | None:
        """Concession/retention verbs count only when voiced as intent, not as narration."""
        lex = self.lex
        if tok.dep_ in ("amod", "compound") or tok.tag_ in ("VBN",) and tok.dep_ == "acl":
            return None
        if lemma == "meet" and any(c.dep_ == "auxpass" for c in tok.children):
            # "any misadventure would be met with a swift response / with force": a warning
            with_pp = [
                t
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for t in c.subtree
            ]
            if any(
                t.lemma_.lower() in _FORCE_WORDS | _WAR_WORDS | {"response", "retaliation"}
                for t in with_pp
            ):
                return Trigger(tok, "threaten", "must", fixed=True)
            return None
        if lemma == "respond" and any(
            p.lemma_.lower() in _PLAN_NOUNS or p.lemma_.lower() in _REFERRING
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for p in c.children
        ):
            return None  # "would respond to the proposal": an answer, not retaliation
        left = _leaves_talks(tok)
        if (
            (
                left
                or lemma in _BREAK_OFF
                and any(c.dep_ in ("dobj", "nsubjpass") and _is_talks(c) for c in tok.children)
            )
            and tok.dep_ not in ("relcl", "acl", "advcl", "pcomp")
            and not any(c.dep_ == "mark" for c in tok.children)
            and not self._negated(tok)
            and not self._must(tok)
        ):
            # "suspended peace talks with the ELN": breaking off talks is a stance even told
            # as news (a negated or conditional one is left to the usual rules)
            return Trigger(tok, "reject", "verb")
        kids = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")}
        if kids & lex.blocking_particles.get(lemma, frozenset()):
            return None
        must = self._must(tok)
        if must:
            return Trigger(tok, "demand", "must")
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        negated = self._negated(tok)
        modal = bool(aux & _MODALS) or any(c.lower_ == "going" for c in tok.children)
        head = tok.head
        reported = tok.dep_ == "ccomp" and head.lemma_.lower() in lex.reporting
        if reported and (self._negated(head) or any(c.lower_ == "whether" for c in tok.children)):
            # "did not say whether it would lift the siege" voices nothing.
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
            return None
        terms = tok.dep_ == "relcl" and any(
            c.dep_ == "prep" and c.lower_ in ("under", "in") for c in tok.children
        )
        # "Under the deal, Tigrayan forces are to disarm": a term the subject takes on.
        terms = terms or (
            tok.dep_ == "xcomp"
            and head.lemma_ == "be"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and any(
                c.dep_ == "prep"
                and c.lower_ == "under"
                and any(p.lemma_.lower() in _PLAN_NOUNS for p in c.children)
                for c in head.children
            )
        )
        modal = modal or terms
        declared = reported and tok.tag_ == "VBD" and lemma in _DECLARATIVE
        under_deal = any(
            c.dep_ == "prep"
            and c.lower_ == "under"
            and any(p.lemma_.lower() in _PLAN_NOUNS for p in c.children)
            for c in tok.children
        )
        if not (modal or declared or under_deal or (reported and tok.tag_ in ("VBP", "VBZ", "VB"))):
            return None
        hostile_only = lemma in lex.hostile and not (
            lemma in lex.concessions or lemma in lex.retentions or lemma in lex.threat_actions
        )
        if hostile_only and not (aux & _MODALS and not negated):
            return None  # "would respond with force" threatens; "attacked" narrates

        if tok.dep_ in ("xcomp", "advcl", "pcomp", "relcl", "acl") and not terms:
            return None  # ("an agreement under which Israel would stop …" states terms)
        if self._hostile(tok) or (lemma in lex.threat_actions and lemma not in lex.concessions):
            if tok.dep_ == "relcl" and not aux & _MODALS:
                return None  # "the positions it seized in the buffer zone" narrates
            return None if negated else Trigger(tok, "threaten", "concession")
        if lemma in lex.retentions:
            if negated:
                return None
            if any(c.dep_ == "xcomp" and self._hostile(c) for c in tok.children):
                return Trigger(tok, "threaten", "retention")
            if any(t.lemma_.lower() in _TROOPS for t in tok.subtree):
                # "would keep its troops there": refusing to withdraw a military presence.
                return Trigger(tok, "reject", "presence")
            return Trigger(tok, "demand", "retention")
        return Trigger(tok, "offer", "concession")

    def _must(self, tok: Token) -> bool:
        """ "Kyiv must withdraw", "had to be agreed with Moscow", "should hold elections"."""
        content_clause = tok.dep_ == "acl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.children
        )  # "its position that Ukraine must leave the four regions"
        if tok.dep_ not in ("ccomp", "conj", "xcomp", "ROOT") and not content_clause:
            return False
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"must", "should"}:
            return tok.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        head = tok.head
        return (
            tok.dep_ == "xcomp"
            and head.lemma_.lower() in ("have", "need")
            and head.tag_ != "VBN"
            and any(c.dep_ == "nsubj" for c in head.children)
            and head.dep_ in ("ccomp", "conj", "advcl", "ROOT")
        )

    @staticmethod
    def _needed_trigger(tok: Token) -> Trigger | None:
        """ "The departure of the rebels is non-negotiable": the subject is demanded."""
        verb = tok.head
        if tok.dep_ not in ("acomp", "attr") or verb.lemma_.lower() != "be":
            return None
        if not any(c.dep_ in ("nsubj", "csubj") for c in verb.children):
            return None
        return Trigger(tok, "demand", "copula")

    def _exist_trigger(self, there: Token) -> Trigger | None:
        """ "There can be no truce unless …": a refusal voiced as an impossibility."""
        verb = there.head
        if verb.lemma_.lower() != "be":
            return None
        for c in verb.children:
            if c.dep_ in ("attr", "nsubj") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children
            ):
                return Trigger(verb, "reject", "exist")
        return None

    # -- complements ----------------------------------------------------------------------

    def _noun_complements(self, tok: Token) -> list[Token]:
        out = []
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                # "a plan presented by X": the presenter, not the content
                continue
            if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS or c.dep_ in ("acl", "ccomp"):
                out.append(c)
        return out

    def _content_roots(self, trig: Trigger) -> list[Token]:
        tok = trig.token
        out: list[Token] = []
        if trig.cls == "exist":
            return [c for c in tok.children if c.dep_ in ("attr", "nsubj") and c.lower_ != "there"]
        if trig.cls in ("copula", "verdict"):
            return [c for c in tok.head.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        if trig.cls == "bound":
            return [c for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"]
        if trig.cls == "mustbe":
            # "should be a full ceasefire" (attr); "should not be subject to limits" (acomp + subject)
            return [c for c in tok.children if c.dep_ in ("attr", "acomp", "nsubj")]
        if trig.cls == "presence":
            return [tok]
        if trig.cls in ("verb", "concession", "retention", "must", "planverb"):
            has_xcomp = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
            for c in tok.children:
                if (
                    c.dep_ == "dobj"
                    and has_xcomp
                    and (c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in _ADDRESSEES)
                ):
                    continue  # "pressed Kosovo and Serbia to implement the deal": the addressee
                if _verb_content(c, trig.cls) or (
                    c.dep_ == "prep" and c.lower_ == "as" and tok.lemma_.lower() in _AS_VERBS
                ):
                    out.append(c)  # "would not accept North Korea as a nuclear-armed state"
            if tok.lemma_.lower() == "take":
                # "take (no) part in the talks": what is joined is the content
                out.extend(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in")
            if trig.cls == "verb" and trig.kind == "demand":
                # "called on the two neighbours to refrain from …" parsed as a purpose clause
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                )
            if trig.cls in ("concession", "retention", "must"):
                out.insert(0, tok)
                # "will send an envoy to head its delegation to the talks": the purpose counts.
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                )
            if trig.cls == "must":
                # "Israeli strikes must stop": what must happen includes its subject.
                # "the government must honour …": an addressee, not content.
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ in ("nsubj", "nsubjpass") and not _party_word(c)
                )
            # "urged both sides to de-escalate and to preserve …": a to-infinitive parsed as
            # a coordinated verb still belongs to the request.
            for c in tok.children:
                if c.dep_ != "conj" or any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children):
                    continue
                if c.pos_ == "NOUN" and trig.cls == "verb" and tok.tag_ != "VB":
                    out.append(c)  # "demands …, and above all recognition of …"
                    continue
                if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or (
                    c.tag_ == "VB"
                    and tok.tag_ in ("VBZ", "VBD", "VBP", "VBN", "VB")
                    and not any(a.dep_ in ("aux", "neg") for a in c.children)
                ):
                    out.append(c)
        elif trig.cls == "noun":
            out.extend(self._noun_complements(tok))
        elif trig.cls == "adj":
            out.extend(c for c in tok.children if c.dep_ in ("xcomp", "prep", "ccomp"))
        return out

    def _units(self, trig: Trigger, state: _DocState) -> list[_Unit]:
        """Split the complement into conjuncts, each with its own tokens.

        Coordinated items directly under a complement ("non-nuclear status, no NATO and
        recognition") and coordinated clauses at any depth ("to free the hostages … and to give
        up its weapons") each make a unit; coordinated nouns deeper down stay together
        ("withdrawal from Donetsk and Luhansk").
        """
        units: list[_Unit] = []
        excluded = state.excluded | state.according_tokens(trig.token.sent)
        for root in trig.content:
            if root.i == trig.token.i:
                # A concession verb names its own issue ("cede", "release", "pull back").
                parts = [
                    c
                    for c in root.children
                    if c.dep_ in ("prt", "advmod") and c.lower_ in _PARTICLES
                ]
                units.append(_Unit(root, sorted([root, *parts], key=lambda t: t.i)))
                continue
            pending = _conjuncts(root)
            while pending:
                head = pending.pop(0)
                if head.dep_ in ("cc", "punct") or head.i in excluded:
                    continue
                toks, split = _own_subtree(head, excluded)
                pending.extend(split)
                if toks:
                    units.extend(self._carve(_Unit(head, toks), state))
        return units

    def _carve(self, unit: _Unit, state: _DocState) -> list[_Unit]:
        """Split list-like riders off a conjunct: "neutral status, outside any military bloc,
        with protection for the Greek-speaking minority" holds three stances.

        A rider is split off only when it names an issue outright (a weight-3 cue), so "talks with
        the rebels" stays one stance."""
        ids = {t.i for t in unit.tokens}
        riders = [
            t
            for t in unit.tokens
            if t.i != unit.head.i
            and (
                (t.dep_ == "prep" and t.lower_ in ("with", "including"))
                or (
                    t.dep_ in ("amod", "appos")
                    and t.pos_ == "ADJ"
                    and any(c.dep_ == "prep" for c in t.children)
                )
            )
        ]
        if not riders:
            return [unit]
        out: list[_Unit] = []
        taken: set[int] = set()
        for r in riders:
            if r.i in taken:
                continue
            sub = [t for t in r.subtree if t.i in ids and t.i not in taken]
            # A relative clause inside the rider ("with the ELN, which broke off talks …")
            # describes a name; it does not make the rider a stance of its own.
            rel = {x.i for t in sub if t.dep_ in ("relcl", "acl") for x in t.subtree}
            if self._classify(r, [t for t in sub if t.i not in rel], state, min_weight=3) is None:
                continue
            taken.update(t.i for t in sub)
            out.append(_Unit(r, sub))
        rest = [t for t in unit.tokens if t.i not in taken]
        return [_Unit(unit.head, rest), *out]

    # -- claims ---------------------------------------------------------------------------

    def _claims(self, doc: Doc, triggers: list[Trigger], state: _DocState) -> list[Claim]:
        claims: list[Claim] = []
        seen: set[tuple[str, str, str, int]] = set()
        published = doc._.detente_published
        state.claims = claims
        for trig in triggers:
            actors, from_plan = self._holders(trig, state)
            if not actors:
                continue
            actors = self._members_of(actors)
            if trig.cls == "verdict":
                # nobody passes a verdict on their own proposals: such a holder is a mistake
                owners = {a.id for a in self._judged_owners(trig, state)}
                actors = [a for a in actors if a.id not in owners]
                if not actors:
                    continue
            if not from_plan:
                state.last_actors = actors
                state.last_sent_start = trig.token.sent.start
            state.history.extend(actors)
            kind = trig.kind
            negated = trig.cls not in ("must", "exist", "copula", "mustbe") and self._negated(
                trig.token
            )
            if trig.cls == "noun" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in trig.token.children
            ):
                negated = True
            if trig.fixed:
                negated = False
            if negated and kind == "propose" and trig.token.lemma_.lower() in _INTENT_VERBS:
                kind, negated = "reject", False  # "does not plan to lift its sanctions"
            if negated and kind in _KIND_FLIP:
                kind = _KIND_FLIP[kind]
                negated = False
                hedged_flip = kind == "accept"
            else:
                hedged_flip = False
            if from_plan and kind in ("demand", "offer"):
                kind = "propose"
            if kind == "offer" and trig.cls == "concession" and _only_to(trig.token):
                kind = "demand"  # "would hand over power only to an elected government"
            if kind == "offer" and trig.cls == "concession" and self._imposed(trig, actors, state):
                kind = "demand"  # "Hamas will be disarmed, Netanyahu said": imposed on another
            state.current = actors
            issues = self._issues(trig, state)
            if kind == "threaten":
                issues = self._threat_issues(trig, issues, state)
            if not issues:
                continue
            clause = _clause_head(trig.token)
            quote_span = self._quote_span(trig, clause, state)
            menacing = (
                kind != "threaten"
                and not self._negated(trig.token)
                and any(i in state.threat_tokens for i in range(quote_span.start, quote_span.end))
            )
            if menacing and kind == "offer" and trig.token.lemma_.lower() in ("vow", "swear"):
                # "vowed it will be demilitarised the easy way or the hard way": a threat only
                kind, menacing = "threaten", False
            hedged = hedged_flip or self._hedged(trig.token, clause, state)
            conds = self._conditions(clause, state)
            denied = self._denied(trig.token)
            if denied:
                quote_span = self._denial_span(trig.token, quote_span)
            att = attr.attribute(trig.token, self.lex.sources, clause)
            when = self._date(quote_span, clause, published)
            main_ids: list[int] = []
            for actor in actors:
                sources, anonymous = self._sources(att, actor, state)
                for issue, unit in issues:
                    if (
                        issue == "sanctions"
                        and kind == "accept"
                        and any(t.lemma_.lower() in _EASING for t in unit.tokens)
                    ):
                        kind = "offer"  # "would consider lifting the remaining sanctions"
                    if (
                        issue == "sanctions"
                        and kind == "accept"
                        and trig.token.lemma_.lower()
                        in (
                            "consider",
                            "weigh",
                            "mull",
                            "prepare",
                        )
                    ):
                        kind = "threaten"  # "was considering sanctions against …"
                    key = (actor.id, kind, issue, trig.token.i)
                    if key in seen:
                        continue
                    seen.add(key)
                    span = doc[min(t.i for t in unit.tokens) : max(t.i for t in unit.tokens) + 1]
                    claim = self._claim(
                        actor,
                        kind,
                        issue,
                        quote_span,
                        span,
                        ordinal=len(claims),
                        target=self._target(trig, actor.id, state),
                        conditional=bool(conds),
                        conditions=conds,
                        hedged=hedged,
                        negated=negated,
                        denied=denied,
                        sources=sources,
                        anonymous=anonymous,
                        date=when,
                    )
                    claims.append(claim)
                    main_ids.append(claim.ordinal)
                    doc._.detente_actor_names[actor.id] = actor.name
                    if menacing and (actor.id, "threaten", issue, trig.token.i) not in seen:
                        # "… the easy way or the hard way": the stance comes with a threat.
                        seen.add((actor.id, "threaten", issue, trig.token.i))
                        threat = replace(claim, kind="threaten", ordinal=len(claims))
                        claims.append(threat)
                names_plan = trig.cls == "noun" or any(
                    t.lemma_.lower() in _PLAN_NOUNS for _, u in issues for t in u.tokens
                )
                if kind == "propose" and not from_plan and names_plan:
                    # Later "the plan would …" sentences belong to these proponents.
                    state.last_proponent = list(actors)
                self._exchanges(
                    trig, kind, actor, claims, main_ids, state, quote_span, when, att, from_plan
                )
                if main_ids:
                    self._condition_demands(
                        trig, kind, clause, actor, claims, state, quote_span, when, att
                    )
        return claims

    def _exchanges(
        self,
        trig: Trigger,
        kind: str,
        actor: _Actor,
        claims: list[Claim],
        main_ids: list[int],
        state: _DocState,
        quote_span: Span,
        when: date | None,
        att: attr.Attribution,
        from_plan: bool = False,
    ) -> None:
        """Add the stances traded in "in exchange for …" and link both sides."""
        gains = any(
            t.lemma_.lower() in self.lex.retentions or t.lemma_.lower() in _GAINS
            for t in trig.token.subtree
            if t.i in trig.content_ids
        )
        if kind == "propose" and (trig.cls == "noun" or from_plan):
            xkind = "propose"  # both sides of a plan's trade are its terms
        elif kind == "demand" or (kind == "propose" and gains):
            xkind = "offer"  # "proposed keeping Donbas in exchange for halting the offensive"
        elif kind == "propose":
            xkind = "demand"  # "put forward a ceasefire in exchange for a withdrawal"
        elif kind in ("offer", "accept"):
            xkind = "demand"
        else:
            return
        clause = _clause_head(trig.token)
        scope = self._condition_scope(clause)
        mine = [i for i in main_ids if claims[i].actor == actor.id]
        if not mine:
            return
        for root in state.exchange_roots:
            if not self._condition_of(root, clause, scope):
                continue
            # "in return, X would …" trades against an earlier sentence: nothing to add here.
            objs = [
                t for t in root.subtree if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "for"
            ]
            added = self._derived(objs[:1], xkind, actor, claims, state, quote_span, when, att)
            for i in added:
                claims[i].exchange_for = list(mine)
            for i in mine:
                claims[i].exchange_for.extend(a for a in added if a not in claims[i].exchange_for)

    def _condition_demands(
        self,
        trig: Trigger,
        kind: str,
        clause: Token,
        actor: _Actor,
        claims: list[Claim],
        state: _DocState,
        quote_span: Span,
        when: date | None,
        att: attr.Attribution,
    ) -> None:
        """A condition the actor sets ("if Kyiv withdraws", "as long as …") is also its demand;
        so is what a rejected deal lacks ("rejects any plan that does not guarantee X")."""
        scope = self._condition_scope(clause)
        heads: list[Token] = []
        for root in state.condition_roots:
            if self._condition_of(root, clause, scope) and root.i not in state.before_roots:
                heads.append(root)
        if kind == "reject":
            for t in trig.token.subtree:
                if t.dep_ == "relcl" and t.i in trig.content_ids and self._negated(t):
                    heads.extend(c for c in t.children if c.dep_ in ("dobj", "ccomp", "xcomp"))
        if not heads:
            return
        existing = {(c.actor, c.kind, c.issue) for c in claims}
        added = self._derived(heads, "demand", actor, claims, state, quote_span, when, att)
        # Keep only new stances: a condition restating the main demand adds nothing.
        for i in sorted(added, reverse=True):
            c = claims[i]
            if (c.actor, c.kind, c.issue) in existing and i == len(claims) - 1:
                claims.pop()
        for c in claims[len(claims) - len(added) :]:
            c.conditional = False

    def _derived(
        self,
        heads: list[Token],
        kind: str,
        actor: _Actor,
        claims: list[Claim],
        state: _DocState,
        quote_span: Span,
        when: date | None,
        att: attr.Attribution,
    ) -> list[int]:
        """Claims of *actor* for every conjunct under *heads* (exchanges and conditions)."""
        doc = quote_span.doc
        added: list[int] = []
        issues: set[str] = set()
        for obj in heads:
            pending = _conjuncts(obj)
            while pending:
                head = pending.pop(0)
                if head.dep_ in ("cc", "punct"):
                    continue
                toks, split = _own_subtree(head, set())
                pending.extend(split)
                issue = self._unit_issue(_Unit(head, toks), state)
                if kind == "demand" and any(self._ongoing_attack(t) for t in toks):
                    # "as long as the army keeps bombing civilians": that the attacks stop
                    issue = "ceasefire"
                if issue is None or issue in issues:
                    continue
                issues.add(issue)
                span = doc[min(t.i for t in toks) : max(t.i for t in toks) + 1]
                sources, anonymous = self._sources(att, actor, state)
                claim = self._claim(
                    actor,
                    kind,
                    issue,
                    quote_span,
                    span,
                    ordinal=len(claims),
                    sources=sources,
                    anonymous=anonymous,
                    date=when,
                )
                claims.append(claim)
                added.append(claim.ordinal)
        return added

    def _claim(
        self, actor: _Actor, kind: str, issue: str, quote_span: Span, span: Span, **fields: Any
    ) -> Claim:
        """A claim of *actor* quoted by *quote_span*, with places and quantities from *span*."""
        return Claim(
            actor=actor.id,
            kind=kind,
            issue=issue,
            quote=quote_span.text,
            start=quote_span.start_char,
            end=quote_span.end_char,
            actor_name=actor.name,
            speaker=actor.speaker,
            places=list(self._places(span)),
            quantities=list(self._quantities(span)),
            **fields,
        )

    # -- holders --------------------------------------------------------------------------

    def _holders(self, trig: Trigger, state: _DocState) -> tuple[list[_Actor], bool]:
        """Actors holding the stance; the flag tells a plan/draft subject was resolved."""
        tok = trig.token
        plan = _plan_antecedent(tok) if tok.dep_ == "relcl" else None
        if (
            trig.cls in ("concession", "retention")
            and plan is not None
            and self._explicit_holder(plan, compounds=True)
        ):
            # "a US proposal under which Israel would withdraw …": the proposal's terms.
            owners = self._noun_holder_tokens(plan, False)
            found = [
                a for o in owners for m in _members(o) for a in self._resolve_tok(m, tok, state)
            ]
            if found:
                return _unique(found), True
        if trig.cls == "planverb":
            subj = _subject(tok)
            if subj is not None and subj.lower_ == "it":
                return list(state.last_proponent), True
        if trig.cls == "copula" and self._explicit_holder(tok):
            heads = self._noun_holder_tokens(tok, False)
            actors = [a for o in heads for a in self._resolve_tok(o, tok, state)]
            return _unique(actors), False
        if trig.cls == "bound":
            subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
            actors = [a for h in subjects for a in self._resolve_tok(h, tok, state)]
            return _unique(actors), False
        if trig.cls in ("must", "exist", "copula", "mustbe", "verdict"):
            # The speaker sets the requirement: "Kyiv must leave Donbas, Putin said".
            reporters = attr.reporter_chain(tok, self.lex.sources)
            for rep in reporters:
                found = self._group_actors(rep, rep.head, state) or self._resolve_tok(
                    rep, rep.head, state, False
                )
                if found:
                    return found, False
            if (
                not reporters
                and state.last_actors
                and (tok.sent.start - state.last_sent_start <= 60)
            ):
                # A quotation continued in its own sentence: "… he replied: 'That is not on
                # the table.'"
                return list(state.last_actors), False
            return [], False
        if trig.cls == "noun":
            heads = self._noun_holder_tokens(tok, True)
        else:
            subj = _subject(tok)
            heads = [subj] if subj is not None else []
            if subj is not None and subj.dep_ == "nsubj":
                # A mis-split subject has two heads ("Colombia's government and a faction …
                # | Frente agreed"): try them all.
                heads = [c for c in subj.head.children if c.dep_ == "nsubj"]
                # … but "Sudan's paramilitary | Rapid Support Forces" is one name cut in two:
                # a modifier piece right before a named head, with no "and" in it, goes.
                heads = [
                    h
                    for h in heads
                    if not any(
                        o.i > h.i
                        and o.ent_type_
                        and h.right_edge.i + 1 == o.left_edge.i
                        and not any(t.dep_ in ("cc", "conj") for t in h.subtree)
                        for o in heads
                    )
                ]
        if not heads:
            passive = any(c.dep_ == "nsubjpass" for c in tok.children)
            if passive and trig.cls in ("concession", "retention"):
                # "Rwanda says its measures will be lifted only once …": the speaker's offer.
                for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                    found = self._resolve_tok(rep, rep.head, state, False)
                    if found:
                        return found, False
            if trig.kind == "accept" and passive:
                # "No roadmap could be signed before …, he said": the speaker's side; "a prisoner
                # exchange was agreed in principle": agreed between the parties.
                for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                    found = self._resolve_tok(rep, rep.head, state, False)
                    if found:
                        return found, False
                return _main_pair(state.history), False
            return [], False
        head = heads[0]
        if head.lower_ in ("nobody", "none", "noone") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in head.children
        ):
            return [], False  # "no country has committed troops"
        if head.lemma_.lower() in _PLAN_NOUNS and head.pos_ == "NOUN":
            owners = self._noun_holder_tokens(head, False)
            actors = [
                a for o in owners for m in _members(o) for a in self._resolve_tok(m, tok, state)
            ]
            if actors:
                return _unique(actors), True
            if state.last_proponent:
                return list(state.last_proponent), True
            return [], True
        actors = []
        for h in heads:
            if h.lemma_.lower() in (
                "side",
                "party",
                "leader",
                "country",
                "government",
                "president",
            ) and any(c.lower_ in ("both", "two") for c in h.children):
                # "both sides agreed …": the two parties named together before ("Thailand and
                # Cambodia met …"), else the two the report is about -- never the announcer.
                named = state.tracker.resolve_all(_head_span(h))
                pair = (
                    [_Actor(r.id, r.name or r.id, None) for r in named]
                    if len(named) == 2
                    else _main_pair(state.history)
                )
                if pair:
                    actors.extend(pair)
                    continue
                if len(named) != 1:
                    return [], False
            group = self._group_actors(h, tok, state)
            if group:
                # "Greek Cypriot and Turkish Cypriot leaders": one stance per side.
                actors.extend(group)
                continue
            for c in _members(h):
                found = self._resolve_tok(c, tok, state, fallback=False)
                lemma = c.lemma_.lower()
                own_side = any(p.dep_ == "poss" and p.lower_ in _PRONOUNS for p in c.children)
                if not found and (lemma in _INSTITUTIONS or lemma in _PEOPLE or own_side):
                    # "X's office said the government was ready …": the speaker's side.
                    for rep in attr.reporter_chain(tok, self.lex.sources):
                        found = self._resolve_tok(rep, rep.head, state, False)
                        if found:
                            break
                if not found and lemma in _GROUP_NOUNS | _INSTITUTIONS:
                    # "the leaders of France, Germany and Britain", "the government in Aden"
                    for prep in c.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                            for pobj in prep.children:
                                for cc in _members(pobj):
                                    found.extend(self._resolve_tok(cc, tok, state, False))
                if not found:
                    found = self._resolve_tok(c, tok, state)
                if not found and c.pos_ == "NOUN" and lemma in _AGENT_NOUNS:
                    # "Starmer said a coalition would be ready to …": the speaker's position.
                    for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                        found = self._resolve_tok(rep, rep.head, state, False)
                actors.extend(found)
        if (
            not actors
            and trig.cls == "concession"
            and head.pos_ == "NOUN"
            and (head.lemma_.lower() in _WAR_WORDS or head.lemma_.lower() in self.lex.hostile)
            and not any(c.dep_ == "poss" for c in head.children)
        ):
            # "attacks on shipping would stop once …, the Houthis said": the speaker's own
            for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                found = self._resolve_tok(rep, rep.head, state, False)
                if found:
                    return found, False
        return _unique(actors), False

    def _noun_holder_tokens(self, tok: Token, use_verb: bool) -> list[Token]:
        """Who holds a stance noun: "Moscow's demand", "the Russian offer", "a plan by X"."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ in _PRONOUNS and use_verb:
                    subj = self._governing_subject(tok)
                    out.append(subj if subj is not None else c)
                else:
                    out.append(c)
            elif c.dep_ in ("amod", "compound", "nmod") and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
            ):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                out.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        out.extend(p for p in a.children if p.dep_ == "pobj")
        if out or not use_verb:
            return out
        if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            head_lemma = tok.head.lemma_.lower()
            if head_lemma in self.lex.carriers or head_lemma in self.lex.reporting:
                subj = attr.verb_subject(tok.head)
                if subj is not None and subj.lemma_.lower() not in _PLAN_NOUNS:
                    return [subj]
        return []

    @staticmethod
    def _explicit_holder(tok: Token, compounds: bool = False) -> bool:
        """ "Moscow's demand", "the Russian offer", "a proposal by Turkey" — not "UN-backed"."""
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ not in _PRONOUNS:
                return True
            if c.dep_ == "amod" and c.ent_type_ == "NORP":
                return True
            if (
                compounds
                and c.dep_ == "compound"
                and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
            ):
                return True  # "a US proposal", "the Trump plan"
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                return True
            if c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children):
                return True
        return False

    def _governing_subject(self, tok: Token) -> Token | None:
        cur = tok
        for _ in range(4):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return attr.verb_subject(cur)
            if cur.head.i == cur.i:
                break
        return None

    def _resolve_tok(
        self, head: Token, trig: Token, state: _DocState, fallback: bool = True
    ) -> list[_Actor]:
        """Resolve a holder token to actors, pronouns through the reporting frame first.

        "They said they were ready …" after a list of states gives every state of the list.
        """
        lex = self.lex
        reporters: list[Token] = []
        if head.lower_ in _PRONOUNS or head.tag_ in ("PRP", "PRP$"):
            plural = head.lower_ in ("they", "we", "them", "their", "our", "us")
            reporters = attr.reporter_chain(trig, lex.sources) + self._denial_subjects(trig)
            for rep in reporters:
                if rep.i == head.i:
                    continue
                if rep.lower_ in _PRONOUNS:
                    found = self._resolve_tok(rep, rep.head, state, False)
                elif not plural:
                    a = self._resolve_one(rep, state)
                    found = [a] if a is not None else []
                    if not found and rep.lemma_.lower() in _GROUP_SUBJECTS:
                        # "The movement said it would …": the movement named before
                        found = self._resolve_tok(rep, rep.head, state)
                else:
                    found = self._group_actors(rep, rep.head, state)
                    if not found:
                        reps = _sides(rep) or _members(rep)
                        found = [a for a in (self._resolve_one(r, state) for r in reps) if a]
                if found:
                    return found
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            head = head.head.head
        a = self._resolve_one(head, state)
        if (
            a is None
            and fallback
            and not reporters
            and head.lemma_.lower() in _STATE_NOUNS | _GROUP_SUBJECTS
        ):
            # "the government", "the group": the latest state (or armed group) holding a stance.
            want_state = head.lemma_.lower() in _STATE_NOUNS
            for prev in reversed(state.history):
                if _is_state(prev.id) == want_state:
                    return [prev]
            if not want_state:
                named = self._last_group(head, state)
                if named is not None:
                    return [named]
        if a is None and not reporters and head.lower_ in _PRONOUNS:
            # Nothing else to go on: the side that held the last stance, if it was close by.
            last = state.last_actors
            if last and trig.sent.start - state.last_sent_start <= 400:
                plural = head.lower_ in ("they", "we", "them", "their", "our", "us")
                if plural or len(last) == 1:
                    return list(last)
        return [a] if a is not None else []

    def _group_actors(self, head: Token, trig: Token, state: _DocState) -> list[_Actor]:
        """Actors behind a collective subject: "the leaders of Germany, France and Britain",
        "Ukrainian and US delegations", "the three governments" (the last three named)."""
        sides = _sides(head)
        if sides:
            found = [a for m in sides for a in self._resolve_tok(m, trig, state, False)]
            if len(_unique(found)) > 1:
                return _unique(found)
        if head.lemma_.lower() in _GROUP_NOUNS | _INSTITUTIONS:
            found = []
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in prep.children:
                        for cc in _members(pobj):
                            found.extend(self._resolve_tok(cc, trig, state, False))
            if found:
                return _unique(found)
        count = _count_of(head)
        if count and head.tag_ == "NNS" and len(state.last_actors) == count:
            return list(state.last_actors)
        return []

    def _resolve_one(self, head: Token, state: _DocState) -> _Actor | None:
        lex = self.lex
        unnamed = attr.is_media(head, lex.sources) or (
            attr.is_anonymous(head, lex.sources) and not head.ent_type_
        )
        # "a Hamas official" speaks for Hamas; "sources close to the talks" for nobody.
        if unnamed and not any(t.ent_type_ in ("NORP", "ORG", "GPE") for t in _head_span(head)):
            return None
        for c in head.children:
            # "the African Union's Peace and Security Council", "the EU's foreign policy
            # chief": a body or official of an organisation speaks for the organisation.
            if c.dep_ == "poss" and c.ent_type_ == "ORG":
                owner = attr.entity_of(c)
                found = self._resolve_span(owner, state) if owner is not None else None
                if found is not None:
                    return found
        ent = attr.entity_of(head)
        if ent is not None and head.ent_type_ in ("ORG", "NORP") and ent.start > head.left_edge.i:
            # "Sudan's paramilitary Rapid Support Forces": the named body, not the possessor.
            found = self._resolve_span(ent, state)
            if found is not None:
                return found
        return self._resolve_span(_head_span(head), state)

    def _denial_subjects(self, tok: Token) -> list[Token]:
        out = []
        cur = tok
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lemma_.lower() in self.lex.denial_verbs:
                subj = attr.verb_subject(cur)
                if subj is not None:
                    out.append(subj)
        return out

    def _last_group(self, head: Token, state: _DocState) -> _Actor | None:
        """The armed group or movement named last before *head* ("The ELN … The group said …"),
        even when it has held no stance yet."""
        for ent in reversed(head.doc.ents):
            if ent.end > head.i:
                continue
            if head.i - ent.start > 300:
                break
            if ent.label_ != "ORG":
                continue
            a = self._resolve_span(ent, state)
            if a is not None and not _is_state(a.id):
                return a
        return None

    def _resolve_span(self, span: Span, state: _DocState) -> _Actor | None:
        ref = state.tracker.resolve(span)
        if ref is None:
            return None
        name = getattr(ref, "name", None) or ref.id
        return _Actor(ref.id, name, getattr(ref, "speaker", None))

    # -- issue classification -------------------------------------------------------------

    def _issues(self, trig: Trigger, state: _DocState) -> list[tuple[str, _Unit]]:
        out: list[tuple[str, _Unit]] = []
        seen: set[str] = set()
        units = self._units(trig, state)
        own = [u for u in units if u.head.i == trig.token.i]
        rest = [u for u in units if u.head.i != trig.token.i]
        if trig.cls == "presence":
            return [("military_limits", _Unit(trig.token, list(trig.token.subtree)))]
        leaving = [
            v for v in [trig.token, *trig.token.children] if v.pos_ == "VERB" and _leaves_talks(v)
        ]
        if leaving:
            # "threatened to pull out of the peace process": a stance on the talks themselves
            return [("process", _Unit(leaving[0], list(leaving[0].subtree)))]
        if trig.kind == "threaten" and trig.cls == "must" and trig.fixed:
            # "… would be considered a declaration of war", "… would be met with force": a
            # warning against attack
            return [("ceasefire", _Unit(trig.token, list(trig.token.subtree)))]
        if (
            trig.kind == "offer"
            and trig.fixed
            and trig.token.lemma_.lower() in ("vow", "pledge", "promise")
            and any(c.dep_ in ("xcomp", "ccomp") and self._hostile(c) for c in trig.token.children)
        ):
            # "pledged not to attack energy sites": holding fire is a ceasefire, whatever the target
            return [("ceasefire", _Unit(trig.token, list(trig.token.subtree)))]
        if trig.kind == "threaten" and any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in ("measure", "step", "action")
            and any(p.dep_ == "prep" and p.lower_ == "against" for p in c.children)
            for c in trig.token.children
        ):
            # "measures against anyone who obstructs …": penalties, whatever they punish
            return [("sanctions", _Unit(trig.token, list(trig.token.subtree)))]
        if trig.token.lemma_.lower() in ("release", "free", "exchange", "swap") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _TROOPS
            for c in trig.token.children
        ):
            # "would release the soldiers it captured": captives, not a force on the map
            return [("humanitarian", _Unit(trig.token, list(trig.token.subtree)))]
        person = _handed_person(trig.token)
        if person is not None:
            # "hand over Milan Radoicic", "extradite the commander": a matter of justice
            return [("justice", _Unit(trig.token, list(trig.token.subtree)))]
        if trig.cls == "concession" and _sends_force(trig.token):
            # "would send troops to Ukraine": a force for security, wherever it goes
            return [("security_guarantees", _Unit(trig.token, list(trig.token.subtree)))]
        if own and any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "up", "over")
            for c in trig.token.children
        ):
            own = []  # "trade away its land", "give up its weapons": the object decides
        if own:
            # An action verb naming its issue ("halt", "withdraw", "release") decides it.
            issue = self._classify(own[0].head, own[0].tokens, state, min_weight=3)
            if issue is not None:
                # The verb's whole phrase (object, "out of the Donbas") minus its subject.
                toks, _ = _own_subtree(trig.token, state.excluded)
                subj = {
                    t.i
                    for c in trig.token.children
                    if c.dep_ in ("nsubj", "nsubjpass", "aux", "neg")
                    for t in c.subtree
                }
                toks = [t for t in toks if t.i not in subj] or [trig.token]
                if issue == "territory" and _sends_force(trig.token):
                    issue = "security_guarantees"  # "would send troops to Ukraine"
                if issue == "territory" and _leaves_mission(trig.token):
                    # "pull its troops out of the AU mission": a stance on the force, not on land
                    issue = "security_guarantees"
                return [(issue, _Unit(trig.token, toks))]
        if trig.cls == "noun" and trig.token.lemma_.lower() in _PLAN_NOUNS and not trig.fixed:
            # Putting forward or rejecting "a plan" is a stance on the process as a whole …
            seen.add("process")
            out.append(("process", _Unit(trig.token, [trig.token])))
            if trig.kind == "propose":
                # … and on each of its terms: "a proposal under which Israel would withdraw …"
                excluded = state.excluded
                for rel in trig.token.children:
                    if rel.dep_ != "relcl":
                        continue
                    pending = [rel]
                    while pending:
                        head = pending.pop(0)
                        toks, split = _own_subtree(head, excluded)
                        pending.extend(split)
                        unit = _Unit(head, toks)
                        issue = self._classify(head, toks, state, min_weight=2) or self._unit_issue(
                            unit, state
                        )
                        if issue is not None and issue not in seen:
                            seen.add(issue)
                            out.append((issue, unit))
        for unit in rest:
            if unit.head.pos_ == "VERB" and _handed_person(unit.head) is not None:
                out.append(("justice", unit))
                seen.add("justice")
                continue
            if unit.head.pos_ == "VERB" and (_leaves_mission(unit.head) or _sends_force(unit.head)):
                out.append(("security_guarantees", unit))
                seen.add("security_guarantees")
                continue
            referred = self._referred_issues(unit, trig, state)
            if referred:
                for issue in referred:
                    if issue not in seen:
                        seen.add(issue)
                        out.append((issue, unit))
                continue
            issue = self._unit_issue(unit, state)
            if issue is None and unit.head.lemma_.lower() in self.lex.cooperative:
                issue = "process"  # "agreed to meet", "ready to work with …"
            if issue is None:
                continue
            if (
                issue != "process"
                and "process" not in seen
                and unit.head.pos_ == "NOUN"
                and unit.head.lemma_.lower() in _PLAN_NOUNS
                and any(c.dep_ == "prep" and c.lower_ == "for" for c in unit.head.children)
            ):
                # "rejected the proposal for a truce": the plan as a whole and what it is for
                seen.add("process")
                out.append(("process", unit))
            if issue not in seen:
                seen.add(issue)
                out.append((issue, unit))
            else:
                # Same issue again ("its troops … out of the Donbas"): one stance, wider evidence.
                first = next(u for i, u in out if i == issue)
                first.tokens = sorted(set(first.tokens) | set(unit.tokens), key=lambda t: t.i)
        if (
            not out
            and trig.token.lemma_.lower() in _COOP_PROCESS | {"discuss", "negotiate"}
            and trig.cls != "noun"
        ):
            out.append(("process", _Unit(trig.token, [trig.token])))
        if not out and trig.cls == "concession":
            subj = _subject(trig.token)
            if (
                subj is not None
                and subj.pos_ == "NOUN"
                and (subj.lemma_.lower() in _WAR_WORDS or subj.lemma_.lower() in self.lex.hostile)
            ):
                # "attacks on shipping would stop": the fighting halts
                toks = sorted([*subj.subtree, trig.token], key=lambda t: t.i)
                out.append(("ceasefire", _Unit(trig.token, toks)))
        if "security_guarantees" in seen and "territory" in seen:
            # "offered 1,000 soldiers for the multinational force": the troops are the force's,
            # not a claim on land (unless a place or border is named)
            out = [
                (i, u)
                for i, u in out
                if i != "territory" or self._classify(u.head, u.tokens, state, min_weight=2)
            ]
        return out

    @staticmethod
    def _members_of(actors: list[_Actor]) -> list[_Actor]:
        """A group of states speaking together ("the E3") holds the stance once per member."""
        from detente.extract.actors import ActorRef, expand_group

        out: list[_Actor] = []
        for a in actors:
            members = expand_group(ActorRef(a.id, a.name, a.speaker))
            if len(members) == 1 and members[0].id == a.id:
                out.append(a)
            else:
                out.extend(_Actor(m.id, m.name, a.speaker) for m in members)
        return _unique(out)

    def _imposed(self, trig: Trigger, actors: list[_Actor], state: _DocState) -> bool:
        """A passive concession whose subject is another party ("Hamas will be disarmed",
        said by Israel) is imposed on that party: a demand, not an offer."""
        subj = next((c for c in trig.token.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lower_ in _PRONOUNS:
            return False
        if any(c.dep_ == "poss" and c.lower_ in _PRONOUNS for c in subj.children):
            return False  # "its measures will be lifted": the speaker's own concession
        ref = self._resolve(_head_span(subj))
        return ref is not None and ref.id not in {a.id for a in actors}

    def _threat_issues(
        self, trig: Trigger, issues: list[tuple[str, _Unit]], state: _DocState
    ) -> list[tuple[str, _Unit]]:
        """A threat of force is about the fighting (ceasefire) unless it names another issue
        outright: "warned it would respond decisively" is not a stance on the process."""
        menacing = any(t.i in state.threat_tokens for _, u in issues for t in u.tokens)
        strong = [
            (i, u)
            for i, u in issues
            if (i != "process" and self._classify(u.head, u.tokens, state, min_weight=2))
            or (
                i == "process"
                and not menacing
                and self._classify(u.head, u.tokens, state, min_weight=3)
            )
        ]
        if strong:
            return strong
        for by in trig.token.children:
            # "would retaliate by seizing Western assets": the means names the issue
            if by.dep_ == "prep" and by.lower_ == "by":
                means = [t for t in by.subtree if t.i != by.i]
                issue = self._classify(by, means, state, min_weight=2) if means else None
                if issue is not None and issue != "process":
                    return [(issue, _Unit(trig.token, list(trig.token.subtree)))]
        toks = [t for t in trig.token.subtree if t.i in trig.content_ids or t.i == trig.token.i]
        force = any(
            (
                t.lemma_.lower() in self.lex.hostile
                and (t.lemma_.lower() != "respond" or _bare_response(t))
            )
            or t.lemma_.lower() in _WAR_WORDS
            or t.lemma_.lower() in _FORCE_WORDS
            or t.i in state.threat_tokens
            for t in toks
        )
        if force:
            return [("ceasefire", _Unit(trig.token, toks))]
        return issues

    def _referred_issues(self, unit: _Unit, trig: Trigger, state: _DocState) -> list[str]:
        """Issues of an earlier stance that a bare anaphoric object points back to: "rejected
        the demand", "welcomed the move", "backed Tatar's position" take the issues of the latest
        matching stance (of the named holder, else of another actor) before this one; empty when
        the object has content of its own ("the demand for a new constitution")."""
        head = unit.head
        lemma = head.lemma_.lower()
        # "accepted the plan" after "Egypt proposed a two-stage truce": the plan as a whole
        # (process) and what it proposed
        plan_ref = lemma in _PLAN_NOUNS and lemma not in _REFERRING
        if head.pos_ != "NOUN" or not (lemma in _REFERRING or plan_ref):
            return []
        if head.dep_ not in ("dobj", "pobj", "conj") and not (
            head.dep_ == "nsubjpass" and trig.kind in ("accept", "reject")
        ):
            return []  # "the next step should be …" introduces something new
        kids = list(head.children)
        imposed = head.tag_ == "NNS" and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in kids)
        if not imposed and not any(
            (c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS) or c.dep_ == "poss" for c in kids
        ):
            return []  # "conditions imposed unilaterally" points back as "the conditions" does
        if any(c.lower_ in ("next", "first", "further", "other", "second") for c in kids):
            return []
        owners = [
            c
            for c in kids
            if (c.dep_ == "poss" and c.lower_ not in _PRONOUNS)
            or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
        ]
        rest = [
            t
            for t in unit.tokens
            if t.i != head.i
            and t.dep_ not in ("det", "poss")
            and not any(t.i in {x.i for x in o.subtree} for o in owners)
        ]
        if rest and self._classify(head, rest, state, min_weight=2) is not None:
            return []
        # Only what was said just before: an anaphor does not reach back across the report.
        limit = trig.token.sent.start_char
        earlier = [c for c in state.claims if limit - _ANAPHOR_REACH <= c.start < limit]
        if owners:
            refs = [self._resolve_span(_head_span(o), state) for o in owners]
            ids = {r.id for r in refs if r is not None}
            earlier = [c for c in earlier if c.actor in ids]
        else:
            mine = {a.id for a in state.current}
            earlier = [c for c in earlier if c.actor not in mine]
        want = ("propose",) if plan_ref else _REFERRING[lemma]
        pick = [c for c in earlier if c.kind in want] or (
            []
            if owners or plan_ref
            else [c for c in earlier if c.kind not in ("reject", "threaten")]
        )
        if not pick:
            return []
        last = pick[-1]
        issues = [
            c.issue
            for c in pick
            if c.start == last.start and c.actor == last.actor and c.kind == last.kind
        ]
        if plan_ref:
            issues = ["process", *issues]
        return list(dict.fromkeys(issues))

    def _unit_issue(self, unit: _Unit, state: _DocState) -> str | None:
        """Classify a unit; in a clause ("that any settlement address X") the subject counts last."""
        head = unit.head
        if _foreign_troops_leave(head):
            return "military_limits"  # "until foreign soldiers leave": no foreign troops
        if (
            head.pos_ == "VERB"
            and head.lemma_.lower() in ("surrender", "capitulate", "disarm", "demobilise")
            and not any(c.dep_ in ("dobj", "prep") for c in head.children)
        ):
            return "military_limits"  # "until the RSF surrendered": laying down arms
        if head.lemma_.lower() in _HANDOVER_NOUNS and any(
            p.ent_type_ in ("GPE", "LOC", "FAC")
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ):
            return "territory"  # "the return of Western Tigray": land changing hands
        if head.pos_ == "NOUN" and head.lemma_.lower() in _REFERRING and len(unit.tokens) > 2:
            # "dismissed calls to withdraw from the corridor": what is called for decides
            issue = self._classify(head, [t for t in unit.tokens if t.i != head.i], state)
            if issue is not None:
                return issue
        if head.pos_ == "VERB" and head.lemma_.lower() in (
            "consider",
            "weigh",
            "study",
            "examine",
            "explore",
        ):
            # "could consider a freeze of its programme": what is considered decides
            objs = [
                t for t in unit.tokens if t.i != head.i and t.dep_ not in ("nsubj", "aux", "neg")
            ]
            issue = self._classify(head, objs, state, min_weight=2) if objs else None
            if issue is not None and issue != "process":
                return issue
        if head.pos_ == "VERB" and head.lemma_.lower() in _COOP_PROCESS:
            return "process"  # "agreed to work towards …", "ready to engage"
        deal = head
        if head.pos_ == "ADP":
            # "agreed on a regional economic integration framework": the deal is the object
            deal = next((c for c in head.children if c.dep_ == "pobj"), head)
        if deal.lemma_.lower() in _GENERIC_DEALS:
            # "a minerals agreement", "a prisoner-exchange deal": the modifier names the issue.
            mods = [
                t
                for c in deal.children
                if c.dep_ in ("compound", "amod", "nmod")
                # "a treaty on the Nile waters", "an agreement over grazing land"
                or (
                    c.dep_ == "prep"
                    and c.lower_ in ("on", "over", "regarding", "concerning", "for")
                )
                for t in c.subtree
            ]
            issue = self._classify(deal, mods, state, min_weight=2) if mods else None
            if issue is not None and issue != "process":
                return issue
        ids = {t.i for t in unit.tokens}
        subj = (
            [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ in ("VERB", "AUX") else []
        )
        subj_ids = {t.i for c in subj for t in c.subtree}
        rel_ids = {
            t.i
            for r in unit.tokens
            if r.dep_ in ("relcl", "acl") and r.i != head.i and r.head.i in ids
            for t in r.subtree
        }
        if head.pos_ == "NOUN" and any(c.lower_ in ("any", "every") for c in head.children):
            # "any deal that would give the group oil revenue": the clause says which deals.
            rels = [c for c in head.children if c.dep_ in ("relcl", "acl") and not self._negated(c)]
            for r in rels:
                toks = [t for t in r.subtree if t.i in ids]
                issue = self._classify(r, toks, state)
                if issue is not None:
                    return issue
        # The clause's own words first; its subject and relative clauses only when they are all.
        # A weak cue of the verb alone ("the repression stops") does not outweigh its subject.
        for skip in (subj_ids | rel_ids, subj_ids):
            if skip:
                own = [t for t in unit.tokens if t.i not in skip]
                bare = subj_ids and not any(
                    t.i != head.i and not (t.is_stop or t.is_punct) for t in own
                )
                issue = self._classify(head, own, state, min_weight=2 if bare else 1)
                if issue is not None:
                    return issue
        return self._classify(head, unit.tokens, state)

    def _classify(
        self, head: Token, toks: list[Token], state: _DocState, min_weight: int = 1
    ) -> str | None:
        """The issue of a conjunct: the strongest cue, then the one nearest its head."""
        ids = {t.i for t in toks}
        best: tuple[int, int, int, str] | None = None
        words = self.cue_words
        # The object noun itself ("a brief pause in strikes ahead of the election") outweighs
        # words deeper in its modifiers.
        nominal = head
        if head.pos_ == "ADP":
            nominal = next((c for c in head.children if c.dep_ == "pobj"), head)
        focus = (
            nominal.i
            if nominal.pos_ == "NOUN"
            # "a freeze of the nuclear programme", "sanctions relief": the object decides
            and not any(
                c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ in _CONTENT_OF)
                for c in nominal.children
            )
            else -1
        )
        for t in toks:
            hits: list[tuple[str, int]] = []
            found = [w for w in (words.get(t.lemma_.lower()), words.get(t.lower_)) if w is not None]
            if found and t.pos_ != "DET" and t.dep_ != "mark" and not _in_long_org(t):
                issue, weight = max(found, key=lambda w: w[1])
                if t.dep_ == "amod" and t.i != head.i and weight > 1:
                    # "constitutional guarantees for the Kurdish language": modifiers count less.
                    weight -= 1
                elif t.i == focus and weight == 2 and issue != "process":
                    weight = 3
                hits.append((issue, weight))
            for end, issue, weight in state.cue_phrases.get(t.i, ()):
                if all(i in ids or t.doc[i].is_punct for i in range(t.i, end)):
                    hits.append((issue, weight))
            for issue, weight in hits:
                if weight < min_weight:
                    continue
                depth = _depth(t, head)
                # Ties go to the nearer cue, then to a substantive issue over "process".
                cand = (weight, -depth, int(issue != "process"), issue)
                if best is None or cand[:3] > best[:3]:
                    best = cand
        return best[3] if best is not None else None

    # -- modifiers ------------------------------------------------------------------------

    def _negated(self, tok: Token) -> bool:
        lex = self.lex
        chain = _chain(tok)
        if (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "aux", "neg") for c in tok.children)
            and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in tok.head.children)
            and (tok.tag_ == tok.head.tag_ or tok.tag_ == "VB")
        ):
            # "would never recognise Kosovo or accept its membership": the "never" is shared.
            chain = chain + _chain(tok.head)
        for t in chain:
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "not")):
                    return True
                if (
                    c.dep_ == "advmod"
                    and c.lower_ == "longer"
                    and any(d.lower_ == "no" for d in c.children)
                ):
                    return True  # "no longer considers itself bound by …"
                if c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "neither"):
                    return True
                if c.dep_ == "nsubjpass" and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children
                ):
                    return True  # "no roadmap could be signed"
            if t.i != tok.i and t.lower_ in lex.unwillingness:
                return True
        return False

    def _hedged(self, tok: Token, clause: Token, state: _DocState) -> bool:
        lex = self.lex
        for t in _chain(tok):
            if t.i == tok.i and t.lemma_.lower() == "expect":
                continue  # "expected Kosovo to form …": a demand, not a forecast
            if t.lemma_.lower() in lex.hedge_lemmas or t.lower_ in lex.hedge_lemmas:
                return True
            for c in t.children:
                if c.dep_ in ("aux", "advmod", "prep", "npadvmod", "acomp", "neg"):
                    if c.lower_ in lex.hedge_lemmas or c.lemma_.lower() in lex.hedge_lemmas:
                        return True
                    if any(s.i in state.hedge_tokens for s in c.subtree):
                        return True
        return False

    def _condition_scope(self, clause: Token) -> set[int]:
        """Heads a condition of this stance may hang from: the clause's verbs, and the reporting
        verb around it ("said X could agree …, but only if Y")."""
        heads = {t.i for t in _chain(clause)} | {clause.i}
        for c in clause.children:
            if c.dep_ in ("xcomp", "acomp", "advmod", "prep"):
                heads.add(c.i)
        top = clause
        for _ in range(3):
            if top.dep_ in ("ccomp", "xcomp") and top.head.lemma_.lower() in self.lex.reporting:
                top = top.head
                heads.add(top.i)
            else:
                break
        return heads

    @staticmethod
    def _condition_of(root: Token, clause: Token, scope: set[int]) -> bool:
        """True when the condition at *root* qualifies the stance clause *clause*: it hangs
        from the clause (or its reporting verb), or sits inside the clause's complement without
        crossing into a coordinated clause of its own."""
        if root.i == clause.i:
            return False
        if root.head.i in scope:
            return True
        cur = root
        for _ in range(10):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
                return False
            cur = cur.head
            if cur.i == clause.i:
                return True
        return False

    def _conditions(self, clause: Token, state: _DocState) -> list[str]:
        if not state.condition_roots:
            return []
        scope = self._condition_scope(clause)
        out: list[str] = []
        for root in state.condition_roots:
            if self._condition_of(root, clause, scope):
                toks = sorted(root.subtree, key=lambda t: t.i)
                span = root.doc[toks[0].i : toks[-1].i + 1]
                while span and (span[-1].is_punct or span[-1].dep_ == "cc"):
                    span = span[:-1]
                text = span.text.strip(" ,;")
                if text and text not in out:
                    out.append(text)
        return out

    def _denied(self, tok: Token) -> bool:
        lex = self.lex
        cur = tok
        via_report = False
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            dep = cur.dep_
            cur = cur.head
            if cur.lemma_.lower() in lex.report_nouns:
                via_report = True
            if cur.lemma_.lower() in lex.denial_verbs and (via_report or dep == "ccomp"):
                return True
        return False

    def _denial_span(self, tok: Token, quote: Span) -> Span:
        """The denial and the stance it denies: "The Kremlin denied a report that …"."""
        cur = tok
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lemma_.lower() in self.lex.denial_verbs:
                subj = attr.verb_subject(cur)
                lo = min(quote.start, (subj.left_edge.i if subj is not None else cur.i))
                lo = max(lo, tok.sent.start)
                return tok.doc[lo : quote.end]
        return quote

    def _sources(
        self, att: attr.Attribution, actor: _Actor, state: _DocState
    ) -> tuple[list[str], bool]:
        sources = list(att.sources)
        anonymous = att.anonymous
        lex = self.lex.sources
        for rep in att.reporters:
            if rep.lower_ in _PRONOUNS:
                continue
            refs = [self._resolve(_head_span(m)) for m in (_sides(rep) or _members(rep))]
            own_side = any(r is not None and r.id == actor.id for r in refs)
            if own_side and not attr.is_anonymous(rep, lex):
                continue  # the holder's own named speaker, not a source
            if attr.is_media(rep, lex) or attr.is_anonymous(rep, lex):
                name = attr.source_name(rep)
                if name.lower() not in {s.lower() for s in sources}:
                    sources.append(name)
                anonymous = anonymous or attr.is_anonymous(rep, lex)
                continue
            ref = refs[0]
            if ref is not None and ref.id != actor.id:
                name = attr.source_name(rep)
                if name.lower() not in {s.lower() for s in sources}:
                    sources.append(name)
        return sources, anonymous

    def _target(self, trig: Trigger, actor_id: str, state: _DocState) -> str | None:
        tok = trig.token
        cands: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN"):
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "upon") and trig.kind == "demand":
                cands.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "ccomp":
                cands.extend(s for s in c.children if s.dep_ == "nsubj")
        for cand in cands:
            ref = self._resolve(_head_span(cand))
            if ref is not None and ref.id != actor_id:
                return ref.id
        return None

    def _date(self, span: Span, clause: Token, published: date | None) -> date | None:
        """When the stance was voiced: a time expression in its clause, else the report date."""
        when = self._date_of(span, published)
        return when if when is not None else published

    def _quote_span(self, trig: Trigger, clause: Token, state: _DocState) -> Span:
        """The stance clause: subject through complement, without trailing coordinated clauses."""
        doc = trig.token.doc
        sent = trig.token.sent
        lo = clause.left_edge.i
        hi = clause.i
        for c in clause.children:
            if (
                c.dep_ in ("conj", "cc", "parataxis")
                and c.i > trig.token.i
                and not (c.dep_ == "conj" and any(r.i == c.i for r in trig.content))
            ):
                continue
            if c.dep_ == "punct" and c.i > clause.i:
                continue
            hi = max(hi, c.right_edge.i)
        hi = max(hi, trig.token.i)
        if trig.cls == "noun":
            lo = min(lo, trig.token.left_edge.i)
            hi = max(hi, trig.token.right_edge.i)
        subj = _subject(trig.token) if trig.cls != "noun" else None
        if subj is not None and subj.sent == sent and subj.i < lo:
            lo = subj.left_edge.i
        lo = max(lo, sent.start)
        hi = min(hi, sent.end - 1)
        acc = state.according_tokens(sent)

        def trim(t: Token) -> bool:
            return t.is_punct or t.is_space or t.i in acc or t.dep_ == "cc"

        while lo < hi and trim(doc[lo]):
            lo += 1
        while hi > lo and trim(doc[hi]):
            hi -= 1
        # Keep a closing quotation mark that belongs to the quoted words.
        if hi + 1 < sent.end and doc[hi + 1].text in ('"', "”", "’") and _open_quote(doc, lo, hi):
            hi += 1
        return doc[lo : hi + 1]


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


def _headline_end(text: str) -> int:
    """End of a headline line opening the report (0 when the report starts with prose)."""
    nl = text.find("\n")
    if nl <= 0 or nl > 200 or not text[nl:].strip():
        return 0
    line = text[:nl].rstrip()
    return nl if line and line[-1] not in '.!?"”' else 0


def _body_over_headline(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """Headlines compress the body ("Iran rejects E3 terms …"): a headline stance of an actor
    the body also gives stances to is a duplicate or a distortion, so it is dropped."""
    end = _headline_end(doc.text)
    if not end:
        return claims
    body_actors = {c.actor for c in claims if c.start >= end}
    keep = [c for c in claims if c.start >= end or c.actor not in body_actors]
    if len(keep) == len(claims):
        return claims
    remap = {c.ordinal: i for i, c in enumerate(keep)}
    out = []
    for i, c in enumerate(keep):
        links = [remap[o] for o in c.exchange_for if o in remap]
        out.append(replace(c, ordinal=i, exchange_for=links))
    return out


def _plan_antecedent(tok: Token) -> Token | None:
    """The plan noun a relative clause describes, allowing for a mis-attached clause ("a US
    proposal, delivered by envoy X, under which …" hangs the clause on X)."""
    cur = tok.head
    for _ in range(5):
        if cur.lemma_.lower() in _PLAN_NOUNS and cur.pos_ == "NOUN":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _is_state(actor_id: str) -> bool:
    """States have ISO alpha-3 ids (upper case); bodies and groups have lowercase slugs."""
    return len(actor_id) == 3 and actor_id.isupper()


def _verb_content(c: Token, cls: str) -> bool:
    """Is child *c* of a stance verb part of what the stance is about?"""
    if c.dep_ in _VERB_COMPLEMENTS or c.dep_ == "nsubjpass":
        return True
    if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
        # "agreed on Friday" is a date, "agreed on a swap" a content.
        return not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
    return c.dep_ == "prt" and c.lower_ == "for"


def _in_long_org(tok: Token) -> bool:
    """A word inside a multi-word organisation name ("Organization for Security and …")."""
    if tok.ent_type_ != "ORG":
        return False
    nxt = tok.i + 1
    return tok.ent_iob_ == "I" or (nxt < len(tok.doc) and tok.doc[nxt].ent_iob_ == "I")


def _in_relcl(tok: Token) -> bool:
    """True for a verb in a relative clause ("a roadmap that calls for a truce")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            return True
        if cur.dep_ != "conj":
            return False
        cur = cur.head
    return False


_BACKGROUND_ADVERBS = word_list("background_adverbs")


def _background_relcl(tok: Token) -> bool:
    """Is *tok* in a relative clause about the antecedent's past or habits ("which has blocked
    earlier decisions", "who has ruled since 1994", "which long opposed …")?"""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "relcl":
            break
        if cur.dep_ not in ("xcomp", "conj", "acomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    else:
        return False
    if not any(c.tag_ in ("WDT", "WP") for c in cur.children):
        return False  # "a plan that calls for …" is a restrictive description, kept
    if cur.tag_ == "VBG":
        # "which have been drafting amendments" is a stance under way, but "the M23, which is
        # negotiating separately" only says where talks stand
        return cur.lemma_.lower() in _COOP_PROCESS | {"negotiate", "discuss"}
    for c in cur.children:
        if c.dep_ in ("advmod", "prep", "npadvmod") and c.lower_ in _BACKGROUND_ADVERBS:
            return True
        if c.dep_ in ("dobj", "nsubjpass") and any(
            a.dep_ == "amod" and a.lower_ in ("earlier", "previous", "past", "prior", "former")
            for a in c.children
        ):
            return True  # "which has blocked earlier decisions"
        if (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(p.lower_ in ("past", "years", "decades") for p in c.subtree)
        ):
            return True
        if (
            cur.tag_ == "VBD"
            and c.dep_ in ("prep", "npadvmod")
            and any(
                p.ent_type_ == "DATE" and (p.lower_ in _MONTHS or p.lower_ in ("ago", "last"))
                for p in c.subtree
            )
        ):
            return True  # "which broke off talks in January": an earlier episode
    return False


_MONTHS = word_list("months") | word_list("month_abbreviations")


_MISSIONS = word_list("missions")


_HANDING = word_list("handing")


def _handed_person(verb: Token) -> Token | None:
    """The person handed over ("hand over Milan Radoicic", "extradite the general")."""
    if verb.lemma_.lower() not in _HANDING:
        return None
    if verb.lemma_.lower() in ("hand", "turn") and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "over" for c in verb.children
    ):
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "PERSON":
            return c
    return None


_SENDING = word_list("sending")


def _sends_force(verb: Token) -> bool:
    """ "send troops to Ukraine", "deploy peacekeepers": a force offered for security."""
    return verb.lemma_.lower() in _SENDING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TROOPS | {"peacekeeper", "monitor", "observer"}
        for c in verb.children
    )


def _leaves_mission(verb: Token) -> bool:
    """Does the withdrawal leave a mission or force ("out of the AU mission", "from the
    multinational force") rather than a territory?"""
    for t in verb.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("from", "of") and t.lemma_.lower() in _MISSIONS:
            return not any(c.dep_ == "prep" for c in t.children if c.lower_ == "of")
    return False


def _bare_response(verb: Token) -> bool:
    """ "vowed to respond" after an attack, with nothing it answers ("respond to the proposal")."""
    return verb.pos_ == "VERB" and not any(
        c.dep_ in ("prep", "dobj", "ccomp") for c in verb.children
    )


def _expects_another(verb: Token) -> bool:
    """ "Moscow expects Kyiv to abandon …": an active "expect" with someone who is to act."""
    if verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            # the one to act is a party, not a thing ("expects the truce to hold": a forecast)
            doer = any(a.dep_ == "nsubj" and _party_word(a) for a in c.children) or any(
                d.dep_ == "dobj" and _party_word(d) for d in verb.children
            )
            if to and doer:
                return True
    return False


def _foreign_troops_leave(head: Token) -> bool:
    """ "foreign soldiers leave", "the withdrawal of all foreign forces": a ban on foreign troops
    (military limits) rather than a line on the map."""
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB" and lemma in ("leave", "withdraw", "depart", "exit", "go", "pull"):
        troops = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif head.pos_ == "NOUN" and lemma in ("withdrawal", "departure", "exit", "pullout"):
        troops = [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    else:
        return False
    return any(
        t.lemma_.lower() in _TROOPS
        and any(a.lower_ in ("foreign", "outside", "external") for a in t.children)
        for t in troops
    )


def _only_to(verb: Token) -> bool:
    """ "hand over power only to …", "withdraw only once …": a concession on terms."""
    for c in verb.children:
        if c.dep_ == "prep" and any(a.lower_ == "only" for a in c.children):
            return True
        if c.dep_ == "advmod" and c.lower_ == "only" and c.i > verb.i:
            nxt = verb.doc[c.i + 1] if c.i + 1 < len(verb.doc) else None
            if nxt is not None and nxt.pos_ == "ADP":
                return True
    return False


def _party_word(tok: Token) -> bool:
    """A noun naming a party rather than a matter ("the government", "Kyiv", "the rebels")."""
    if tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return tok.lemma_.lower() not in _DEAL_OBJECTS  # "the Indus Waters Treaty" is a matter
    return tok.pos_ in ("NOUN", "PRON") and (
        tok.lemma_.lower()
        in _STATE_NOUNS | _GROUP_SUBJECTS | _GROUP_NOUNS | _ADDRESSEES | _SIDE_NOUNS
        or tok.lower_ in _PRONOUNS
    )


def _leaves_talks(verb: Token) -> bool:
    """ "withdrew from the talks", "pulled out of the negotiations", "quit the peace process"."""
    if verb.lemma_.lower() not in _EXIT_VERBS:
        return False
    if any(c.dep_ == "dobj" and _is_talks(c) for c in verb.children):
        return verb.lemma_.lower() in ("quit", "exit", "leave")
    return any(
        _is_talks(p)
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out", "of")
        for p in [*c.children, *(g for d in c.children for g in d.children)]
        if p.dep_ == "pobj"
    )


def _is_talks(tok: Token) -> bool:
    """ "the talks", "its mediation role", "the peace process": the negotiation itself."""
    return tok.lemma_.lower() in _TALKS or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TALKS for c in tok.children
    )


def _open_quote(doc: Doc, lo: int, hi: int) -> bool:
    count = sum(1 for t in doc[lo : hi + 1] if t.text in ('"', "“", "”"))
    return count % 2 == 1


_REFERRING = kinds_map("referring")
_ANAPHOR_REACH = 600
_OWN_STEPS = word_list("own_steps")
_ACCUSING = word_list("accusing")
_EVALUATIONS = word_map("evaluations")
_JUDGED = word_list("judged")
_DETS: dict[str, Any] = {
    "LOWER": {"IN": ["the", "its", "their", "his", "her", "a", "an"]},
    "OP": "?",
}
_SELF: dict[str, Any] = {"LOWER": {"IN": ["itself", "themselves", "himself", "herself"]}}
#: Multi-word stance idioms: the first token is the verb, the last the preposition whose
#: object is the content.
_IDIOMS: dict[str, list[list[dict[str, Any]]]] = {
    "accept": [
        [{"LEMMA": "give"}, _DETS, {"LOWER": "green"}, {"LOWER": "light"}, {"LOWER": "to"}],
        [
            {"LEMMA": "give"},
            _DETS,
            {"LOWER": {"IN": ["blessing", "nod", "go-ahead", "approval", "backing", "assent"]}},
            {"LOWER": "to"},
        ],
        [{"LEMMA": "say"}, {"LOWER": "yes"}, {"LOWER": "to"}],
        [{"LEMMA": "throw"}, _DETS, {"LOWER": "weight"}, {"LOWER": "behind"}],
        [{"LEMMA": "sign"}, {"LOWER": "up"}, {"LOWER": "to"}],
    ],
    "reject": [
        [{"LEMMA": "say"}, {"LOWER": "no"}, {"LOWER": "to"}],
        [{"LEMMA": "distance"}, _SELF, {"LOWER": "from"}],
        [{"LEMMA": "stand"}, {"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "way"}, {"LOWER": "of"}],
        [{"LEMMA": "pour"}, {"LOWER": "cold"}, {"LOWER": "water"}, {"LOWER": "on"}],
        [{"LEMMA": "slam"}, {"LOWER": "the"}, {"LOWER": "door"}, {"LOWER": "on"}],
        [{"LEMMA": "pull"}, {"LOWER": "the"}, {"LOWER": "plug"}, {"LOWER": "on"}],
        [{"LEMMA": "turn"}, _DETS, {"LOWER": "back"}, {"LOWER": "on"}],
    ],
}
_HANDOVER_NOUNS = word_list("handover_nouns")
_BREAK_OFF = word_list("break_off")
_TALKS = word_list("talks")
_EXIT_VERBS = word_list("exit_verbs")
_INTENT_VERBS = word_list("intent_verbs")
_PEOPLE = word_list("people")
_CONTENT_OF = word_list("content_of")
_PLAN_VERBS = word_list("plan_verbs")
_DOCUMENT_VERBS = word_list("document_verbs")
_FORCE_WORDS = word_list("force_words")
_THREAT_PHRASES = phrase_list("threat_phrases")
_NO_PLAN_NOUNS = word_list("no_plan_nouns")
_NO_COMMENT = word_list("no_comment")
_DETAIL_NOUNS = word_list("detail_nouns")
_OUTCOME_VERBS = word_list("outcome_verbs")
_ANAPHORIC_DETS = word_list("anaphoric_dets")
_AS_VERBS = word_list("as_verbs")
_PARTICLES = word_list("particles")
_EASING = word_list("easing")
_GAINS = word_list("gains")
_RESTRAINTS = word_list("restraints")
_DEAL_VERBS = word_list("deal_verbs")
_DEAL_OBJECTS = word_list("deal_objects")
_DECLARE_VERBS = word_list("declare_verbs")
_TRUCE_NOUNS = word_list("truce_nouns")
_CONCESSION_PHRASALS = phrase_list("concession_phrasals")
#: "the three governments": small counts of parties, spelled out.
_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 8}


def _count_of(tok: Token) -> int:
    """The number in "the three governments" (0 when there is none)."""
    for c in tok.children:
        if c.dep_ == "nummod":
            if c.lower_ in _NUMBERS:
                return _NUMBERS[c.lower_]
            if c.text.isdigit():
                return int(c.text)
    return 0


def _main_pair(history: list[_Actor]) -> list[_Actor]:
    """The two actors holding most stances so far (the parties of a bilateral negotiation)."""
    counts: dict[str, int] = {}
    first: dict[str, _Actor] = {}
    for a in history:
        counts[a.id] = counts.get(a.id, 0) + 1
        first.setdefault(a.id, a)
    ranked = sorted(counts, key=lambda k: -counts[k])
    return [first[k] for k in ranked[:2]] if len(ranked) >= 2 else []


def _sides(tok: Token) -> list[Token]:
    """The coordinated modifiers of a plural head ("Ukrainian and US delegations"), else []."""
    if tok.lemma_.lower() not in _GROUP_NOUNS | _INSTITUTIONS | _SIDE_NOUNS or tok.pos_ == "PROPN":
        return []  # a proper name ("Peace and Security Council") lists no sides
    for m in tok.children:
        if m.dep_ in ("amod", "compound", "nmod") and any(k.dep_ == "conj" for k in m.children):
            return _members(m)
    return []


def _members(tok: Token) -> list[Token]:
    """*tok* and the names listed with it (conjuncts, and appositions in comma lists)."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ in ("conj", "appos")]
    while stack:
        t = stack.pop(0)
        if t.dep_ == "appos" and not (t.ent_type_ and tok.ent_type_):
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return out


def _unique(actors: list[_Actor]) -> list[_Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _own_subtree(head: Token, excluded: set[int]) -> tuple[list[Token], list[Token]]:
    """*head*'s subtree without coordinated siblings, coordinated clauses and excluded phrases.

    Returns the tokens and the heads of coordinated clauses found below *head* (not inside
    relative clauses, which describe a noun rather than add a stance).
    """
    out: list[Token] = []
    split: list[Token] = []
    stack: list[tuple[Token, bool]] = [(head, False)]
    while stack:
        t, in_rel = stack.pop()
        if t.i in excluded:
            continue
        out.append(t)
        for c in t.children:
            if c.dep_ in ("conj", "cc") and t.i == head.i:
                continue
            repeated_to = (
                t.dep_ == "acl"
                and c.dep_ == "conj"
                and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            )  # "to abandon its bid to join NATO and to cap its army": a second demand
            if (
                (not in_rel or repeated_to)
                and c.dep_ == "conj"
                and (
                    (c.pos_ in ("VERB", "AUX") and t.pos_ in ("VERB", "AUX"))
                    or (c.pos_ == "ADP" and t.pos_ == "ADP")  # "on X and on Y"
                )
            ):
                split.append(c)
                continue
            if c.dep_ == "punct":
                continue
            if c.dep_ == "prep" and c.lower_ == "as" and t.pos_ == "VERB":
                continue  # "… as one condition of a deal": a role, not a content
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark"
                and m.lower_ == "as"
                and (m.i == 0 or m.doc[m.i - 1].lower_ not in ("long", "soon", "far", "much"))
                for m in c.children
            ):
                continue  # "…, as the June agreement stipulates": a comment
            stack.append((c, in_rel or c.dep_ in ("relcl", "acl")))
    return sorted(out, key=lambda t: t.i), split


def _depth(tok: Token, head: Token) -> int:
    d = 0
    cur = tok
    while cur.i != head.i and d < 12:
        if cur.head.i == cur.i:
            return 12
        cur = cur.head
        d += 1
    return d


def _chain(tok: Token) -> list[Token]:
    """*tok* and the words governing it within its clause ("is ready to accept")."""
    out = [tok]
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            out.append(cur)
        else:
            break
    copula = _dangling_copula(cur)
    if copula is not None:
        out.append(copula)
    return out


def _dangling_copula(adj: Token) -> Token | None:
    """ "Ankara is, for now, willing to …" parsed with "willing" cut off from "is": the
    copula just before it that has no complement of its own."""
    if adj.pos_ != "ADJ" or adj.dep_ in ("acomp", "amod"):
        return None
    doc = adj.doc
    for i in range(adj.i - 1, max(adj.sent.start, adj.i - 8) - 1, -1):
        t = doc[i]
        if t.lemma_ == "be" and not any(c.dep_ in ("acomp", "attr") for c in t.children):
            return t if any(c.dep_ == "nsubj" for c in t.children) else None
    return None


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause of a trigger (through "ready to", "offer of" …)."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if (
            cur.pos_ in ("NOUN", "PROPN", "ADJ")
            and cur.head.i != cur.i
            and cur.dep_
            in (
                "dobj",
                "attr",
                "nsubj",
                "nsubjpass",
                "pobj",
                "prep",
            )
        ):
            cur = cur.head
            continue
        if cur.dep_ == "prep" and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return cur


def _subject(tok: Token) -> Token | None:
    """The subject of a verb or adjective trigger, following control and coordination."""
    cur = tok
    for _ in range(6):
        subj = None
        passive = False
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj", "expl"):
                if subj is None or c.ent_type_ or not subj.ent_type_:
                    subj = c
            elif c.dep_ == "nsubjpass":
                passive = True
            elif c.dep_ == "npadvmod" and c.i < cur.i and c.ent_type_ in ("GPE", "ORG", "NORP"):
                # "Tehran, it must be said, insists …": the name set off by commas.
                return c
        if passive:
            for c in cur.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p
            if cur.i != tok.i:
                # "it had not been consulted … and warned against …": the shared subject.
                return next(c for c in cur.children if c.dep_ == "nsubjpass")
            return None
        if subj is not None and subj.dep_ != "expl":
            if subj.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ == "relcl":
            return cur.head
        copula = _dangling_copula(cur)
        if copula is not None:
            cur = copula
            continue
        if (
            cur.dep_ == "conj"
            and cur.tag_ in ("VBD", "VBZ")
            and any(c.lower_ in _MODALS for c in cur.head.children if c.dep_ == "aux")
        ):
            # "said X should not be …, and called for …", "… any step that could escalate the
            # situation and offered …": a finite verb coordinated with a modal clause continues
            # the clause above it with the same tense.
            anc = cur.head.head
            for _ in range(6):
                if anc.tag_ == cur.tag_ and any(c.dep_ == "nsubj" for c in anc.children):
                    break
                if anc.head.i == anc.i:
                    break
                anc = anc.head
            if anc.tag_ == cur.tag_:
                cur = anc
                continue
        if cur.dep_ == "pcomp" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "had met its obligations by agreeing to …"
            continue
        if cur.dep_ in ("xcomp", "acomp", "conj") or (
            cur.dep_ == "advcl"
            and cur.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in cur.children)
        ):
            cur = cur.head
            continue
        return None
    return None


_NAME_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod"})


def _head_span(tok: Token) -> Span:
    """The name around a head token: its name-like left modifiers and the entity it sits in.

    "Russian President Vladimir Putin", "Ukraine's defence minister Rustem Umerov"; never a
    dateline or clause before it.
    """
    doc = tok.doc
    lo = tok.i
    for c in tok.lefts:
        if c.dep_ in _NAME_DEPS:
            lo = min(lo, c.left_edge.i)
    hi = tok.i + 1
    ent = attr.entity_of(tok)
    if ent is not None:
        lo = min(lo, ent.start)
        hi = max(hi, ent.end)
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return doc[lo:hi]


@Language.factory(FACTORY)
def make_stance_component(nlp: Language, name: str) -> StanceComponent:
    """spaCy factory: ``nlp.add_pipe("detente_stances_v1")`` after ``ner``."""
    return StanceComponent(nlp, name)


def claims_of(doc: Doc) -> list[Claim]:
    """The claims the stance component found in *doc* (empty when it did not run)."""
    return list(doc._.detente_claims or [])
