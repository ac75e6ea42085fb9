"""Stance extraction: who demands, offers, proposes, accepts, rejects or threatens what.

The ``detente_stances_v1`` component works on the dependency parse:

1. **Triggers.**  A matcher (:mod:`detente.extract.stance.matching`) finds stance verbs ("demand", "rule out"),
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
from dataclasses import replace
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.extract import attribution as attr
from detente.extract.doctext import doc_text, headline_end
from detente.extract.lexicon import (
    StanceLexicon,
    Taxonomy,
    stance_lexicon,
    taxonomy,
    third_person,
    word_list,
)
from detente.extract.sentindex import drop_sentence_index, index_sentences
from detente.extract.stance import confidence as conf
from detente.extract.stance.anaphora import anaphor, back_references, bare_process
from detente.extract.stance.answers import AnswerStage
from detente.extract.stance.background import signed_content
from detente.extract.stance.content import ContentStage
from detente.extract.stance.contrasts import except_contents
from detente.extract.stance.deals import signs_document
from detente.extract.stance.doclists import DocumentListStage
from detente.extract.stance.echoes import echo_subjects
from detente.extract.stance.fallback import FallbackStage
from detente.extract.stance.frames import PATTERNS as FRAME_PATTERNS
from detente.extract.stance.heads import left_body
from detente.extract.stance.holders import HolderStage
from detente.extract.stance.holdings import HELD_VERBS
from detente.extract.stance.issues import IssueStage
from detente.extract.stance.kinds import refine_kinds, undecided, war_renounced
from detente.extract.stance.learned import DEFAULT_LEARNED, LearnedStage
from detente.extract.stance.lexis import (
    _CONSEQUENCE_VERBS,
    _DEAL_VERBS,
    _DECLARE_VERBS,
    _EASING,
    _EVALUATIONS,
    _EXIT_VERBS,
    _GAINS,
    _INTENT_VERBS,
    _KIND_FLIP,
    _NECESSARY,
    _NEED_WORDS,
    _NO_PLAN_NOUNS,
    _PLAN_NOUNS,
    _PLAN_VERBS,
    _TERM_NOUNS,
    _THREAT_PHRASES,
)
from detente.extract.stance.matching import TriggerMatcher
from detente.extract.stance.model import Trigger, _Actor, _Unit
from detente.extract.stance.modifiers import ModifierStage
from detente.extract.stance.phrasing import add_patterns as add_phrasing_patterns
from detente.extract.stance.points import PointStage, point_intros
from detente.extract.stance.predicates import _JUDGEMENTS, _PREDICATE_NOUNS, _TITLE_NOUNS
from detente.extract.stance.report import body_over_headline, spread_denials
from detente.extract.stance.state import _DocState
from detente.extract.stance.syntax import (
    _clause_head,
    _conjuncts,
    _only_to,
    _own_subtree,
    _subject,
)
from detente.extract.stance.triggers import TriggerStage
from detente.records import Claim

FACTORY = "detente_stances_v1"

for _name, _default in (
    ("detente_claims", None),
    ("detente_published", None),
    ("detente_actor_names", None),
    ("detente_tracker", None),
    # Stances dropped because no issue cue classified them: (actor, kind, start, end, trigger)
    ("detente_uncued", None),
    # (start, end, features) of every sentence the learned stage scored, when recorded
    ("detente_units", None),
    # (actor, start, end, features) of every rule claim the arbiter could read, when recorded
    ("detente_claim_units", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class StanceComponent(
    TriggerStage,
    HolderStage,
    ContentStage,
    IssueStage,
    ModifierStage,
    AnswerStage,
    PointStage,
    FallbackStage,
    DocumentListStage,
    LearnedStage,
):
    """spaCy component that turns stance triggers into :class:`~detente.records.Claim` records."""

    def __init__(
        self, nlp: Language, name: str = FACTORY, *, keep_uncued: bool = False, learned: str = ""
    ) -> None:
        self.name = name
        self.use_learned(learned)
        #: Keep stances no cue classifies, on the report's dominant issue (off by default: on
        #: gold/dev they were wrong more often than right, on both halves).
        self.keep_uncued = keep_uncued
        self.lex: StanceLexicon = stance_lexicon()
        self.tax: Taxonomy = taxonomy()
        self.matcher = TriggerMatcher(nlp.vocab)
        lex = self.lex
        verb_lemmas = sorted(set(lex.verbs))
        caps = [w.capitalize() for w in verb_lemmas]
        self.matcher.add(
            "VERB", [[{"LEMMA": {"IN": verb_lemmas + caps}, "POS": {"IN": ["VERB", "AUX"]}}]]
        )
        #: third-person forms of the stance verbs, for headline-ese mistagged as nouns
        self.head_verbs = {third_person(v): v for v in verb_lemmas if v.isalpha()}
        self.matcher.add(
            "HEADVERB",
            [
                [
                    {
                        "LOWER": {"IN": sorted(self.head_verbs)},
                        "POS": {"IN": ["NOUN", "PROPN"]},
                        "DEP": "ROOT",
                    }
                ]
            ],
        )
        nouns = sorted(set(lex.nouns))
        self.matcher.add(
            "NOUN",
            [[{"LEMMA": {"IN": nouns + [n.capitalize() for n in nouns]}, "POS": "NOUN"}]],
        )
        adjs = sorted(lex.willingness | lex.unwillingness)
        self.matcher.add("ADJ", [[{"LOWER": {"IN": adjs}, "POS": {"IN": ["ADJ", "VERB"]}}]])
        # ("continue" only with a hostile act: "will continue to strike")
        acts = lex.concessions | lex.retentions | lex.threat_actions | lex.hostile | HELD_VERBS
        acts |= {"continue"}
        acts = sorted(acts - set(lex.verbs))
        self.matcher.add("ACT", [[{"LEMMA": {"IN": acts}, "POS": "VERB"}]])
        self.matcher.add("EXIST", [[{"LOWER": "there", "DEP": "expl"}]])
        # "the main points of the plan were …": found from the (rarer) noun, not from "be"
        self.matcher.add("PLANBE", [[{"LEMMA": {"IN": sorted(_TERM_NOUNS)}, "DEP": "nsubj"}]])
        self.matcher.add("CONSEQ", [[{"LEMMA": {"IN": sorted(_CONSEQUENCE_VERBS)}, "POS": "VERB"}]])
        self.matcher.add(
            "PREDNOUN",
            [
                [{"LEMMA": {"IN": sorted(_PREDICATE_NOUNS)}, "POS": "NOUN", "DEP": "dobj"}],
                # plural-only senses ("lodged representations")
                [{"LOWER": {"IN": sorted(_PREDICATE_NOUNS)}, "POS": "NOUN", "DEP": "dobj"}],
            ],
        )
        self.matcher.add(
            "TITLE", [[{"LEMMA": {"IN": sorted(_TITLE_NOUNS)}, "POS": "NOUN", "DEP": "dobj"}]]
        )
        self.matcher.add(
            "JUDGE",
            [
                [{"LOWER": {"IN": sorted(_JUDGEMENTS)}, "POS": {"IN": ["ADJ", "VERB"]}}],
                # "called the ruling illegal", with the verdict tagged a noun
                [{"LOWER": {"IN": sorted(_JUDGEMENTS)}, "POS": "NOUN", "DEP": "oprd"}],
            ],
        )
        self.matcher.add(
            "EVAL",
            [[{"LOWER": {"IN": sorted(_EVALUATIONS)}, "DEP": {"IN": ["acomp", "attr"]}}]],
        )
        add_phrasing_patterns(self.matcher)  # idioms, phrasals, adjectives, verdicts
        for label, patterns in FRAME_PATTERNS.items():
            self.matcher.add(label, patterns)
        self.matcher.add(
            "PLANVERB", [[{"LEMMA": {"IN": sorted(_PLAN_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}]]
        )
        self.matcher.add(
            "NOPLAN",
            [
                [
                    {"LOWER": {"IN": ["no", "little"]}},
                    {"LOWER": "immediate", "OP": "?"},
                    {"POS": "ADJ", "OP": "?"},  # "no territorial claims"
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
            "MARK", [[{"LOWER": {"IN": sorted(lex.condition_marks | {"before", "while", "when"})}}]]
        )
        self.matcher.add(
            "OFFTABLE",
            [
                [
                    {"LOWER": "not"},
                    {"LOWER": "up"},
                    {"LOWER": "for"},
                    {"LOWER": {"IN": sorted(word_list("open_topics"))}},
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
        # "any deal has to include …", "would have to start with …": necessity without "must"
        self.matcher.add(
            "HAVETO", [[{"LEMMA": {"IN": ["have", "need"]}}, {"LOWER": "to", "DEP": "aux"}]]
        )
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
        self._places = places.claim_places
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
        index_sentences(doc)  # the parse is final: sentences by table while the stage runs
        try:
            return self._find(doc)
        finally:
            drop_sentence_index(doc)

    def _find(self, doc: Doc) -> Doc:
        doc._.detente_actor_names = {}
        doc._.detente_uncued = []
        staged = self.triggers_in(doc)
        if staged is None:
            if not (self.record_units or "boost_verb" in self.learned):
                doc._.detente_claims = []
                return doc
            state = _DocState(doc, self, [])
            found: list[Claim] = []
        else:
            triggers, state = staged
            found = spread_denials(except_contents(self._claims(doc, triggers, state), state))
        doc._.detente_tracker = state.tracker  # shared with facts and events
        head_end = headline_end(doc_text(doc))
        for c in found:
            if c.start < head_end:
                c.signals.append("headline")
            c.confidence = conf.score(c.signals)
        found = self._learned(doc, found, state)
        doc._.detente_claims = self._checked(doc, body_over_headline(found, head_end), state)
        return doc

    def triggers_in(self, doc: Doc) -> tuple[list[Trigger], _DocState] | None:
        """Stage 1 on a parsed *doc*: its stance triggers and the per-document state the later
        stages read; None when nothing in *doc* can be a stance."""
        matches = self.matcher(doc)
        if not matches:
            return None
        strings = doc.vocab.strings
        marks = [doc[m[1]] for m in matches if strings[m[0]] in _MARKS]
        matches = [m for m in matches if strings[m[0]] not in _MARKS]
        if not matches:
            return None
        state = _DocState(doc, self, marks)
        return refine_kinds(self._triggers(doc, matches, state)), state

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in docs:
            yield self(doc)

    # -- claims ---------------------------------------------------------------------------

    def _claims(self, doc: Doc, triggers: list[Trigger], state: _DocState) -> list[Claim]:
        claims: list[Claim] = []
        seen: set[tuple[str, str, str, int]] = set()
        published = doc._.detente_published
        state.claims = claims
        intros = point_intros(triggers, doc)
        for trig in triggers:
            if state.new_entry(trig.token):
                state.last_actors = []  # a live blog's next entry: no holder carries over
            actors, from_plan = self._holders(trig, state)
            for echo in echo_subjects(trig.token) if actors else ():  # "…, as do Greece and …"
                got = self._resolve_tok(echo, trig.token, state, False)
                actors = actors + [a for a in got if a.id not in {x.id for x in actors}]
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
            if negated and kind in ("demand", "offer") and war_renounced(trig.token):
                kind, negated = "offer", False  # "does not want war": calm offered
            if negated and kind == "demand" and trig.token.lemma_.lower() in _NEED_WORDS:
                kind, negated = "reject", False  # "does not need outside mediation"
            if negated and kind in ("accept", "reject") and undecided(trig.token):
                continue  # "has not accepted it yet", "has not formally rejected it": pending
            if negated and kind in _KIND_FLIP:
                kind = _KIND_FLIP[kind]
                negated = False
                hedged_flip = kind == "accept"
            else:
                hedged_flip = False
            if from_plan and kind in ("demand", "offer"):
                kind = "propose"
            if from_plan and kind == "propose" and state.signed_text(actors):
                kind = "accept"  # what a text its holders signed provides for, they accept
            if kind == "offer" and trig.cls == "concession" and _only_to(trig.token):
                kind = "demand"  # "would hand over power only to an elected government"
            if kind == "offer" and trig.cls == "concession" and self._imposed(trig, actors, state):
                kind = "demand"  # "Hamas will be disarmed, Netanyahu said": imposed on another
            state.current = actors
            points = intros.get(trig.token.i)
            if points and self._point_claims(trig, kind, actors, points, claims, state, published):
                continue  # "the parties agreed: (a) …; (b) …": one stance per point
            # "No, we're not going to do that", "That is not on the table": an answer whose
            # object only points back takes the object of the question it answers
            issues = self._answer_issues(trig, state) or self._issues(trig, state)
            if kind == "threaten":
                issues = self._threat_issues(trig, issues, state)
            elif kind == "offer" and left_body(trig.token) is not None:
                kind = "reject"  # "will leave the CSTO": a membership given up, not a concession
            if not issues:
                issues = self._fallback_issue(trig, actors, claims) if self.keep_uncued else []
            pointing = anaphor(trig) if not issues or bare_process(issues) else None
            if pointing is not None and not issues:
                # "welcomed the decision": the issue comes from the stance pointed back to,
                # once the whole report is read (an empty issue until then); still uncued for
                # the learned stage, should it point to nothing
                self._record_uncued(trig, kind, actors, negated, state, published)
                issues = [("", _Unit(pointing[0], [pointing[0]], weight=0))]
            if not issues:
                self._record_uncued(trig, kind, actors, negated, state, published)
                continue
            clause = _clause_head(trig.token)
            quote_span = self._quote_span(trig, clause, state)
            menacing = (
                kind != "threaten"
                and not self._negated(trig.token)
                and not state.threat_tokens.isdisjoint(range(quote_span.start, quote_span.end))
            )
            if menacing and kind == "offer" and trig.token.lemma_.lower() in ("vow", "swear"):
                # "vowed it will be demilitarised the easy way or the hard way": a threat only
                kind, menacing = "threaten", False
            hedged = hedged_flip or self._hedged(trig.token, clause, state)
            conds = [] if trig.lacking else self._conditions(clause, state)
            denied = self._denied(trig.token)
            if denied:
                quote_span = self._denial_span(trig.token, quote_span)
            att = self._attribute(trig.token, clause, state)
            when = self._date(quote_span, clause, published)
            main_ids: list[int] = []
            holder_tok = (
                next(iter(self._noun_holder_tokens(trig.token, True)), None)
                if trig.cls == "noun"
                else _subject(trig.token)
            )
            base = [
                f"trigger={trig.cls}",
                *conf.holder_signal(holder_tok, from_plan, len(actors)),
                *(f for f, on in (("hedged", hedged), ("conditional", conds)) if on),
                *(["denied"] if denied else []),
                *(["negated"] if negated else []),
            ]
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
                    claim.signals = [
                        *base,
                        f"kind={kind}",
                        conf.cue_signal(
                            unit.weight
                            if unit.weight is not None
                            else self._cue_weight(issue, unit, state)
                        ),
                        "derived=main",
                    ]
                    claims.append(claim)
                    main_ids.append(claim.ordinal)
                    state.origins[id(claim)] = (claim, trig, unit)
                    if pointing is not None:
                        owners = [
                            self._resolve_span(doc[o.left_edge.i : o.i + 1], state)
                            for o in pointing[2]
                        ]
                        state.pointers[claim.ordinal] = (
                            unit.head.idx,
                            pointing[1],
                            frozenset(o.id for o in owners if o is not None),
                        )
                    doc._.detente_actor_names[actor.id] = actor.name
                    if menacing and (actor.id, "threaten", issue, trig.token.i) not in seen:
                        # "… the easy way or the hard way": the stance comes with a threat.
                        seen.add((actor.id, "threaten", issue, trig.token.i))
                        threat = replace(claim, kind="threaten", ordinal=len(claims))
                        threat.signals = [*claim.signals, "derived=menace"]
                        claims.append(threat)
                names_plan = trig.cls == "noun" or any(
                    t.lemma_.lower() in _PLAN_NOUNS for _, u in issues for t in u.tokens
                )
                if kind == "propose" and not from_plan and names_plan:
                    # Later "the plan would …" sentences belong to these proponents.
                    state.last_proponent = list(actors)
                    state.proposed_at = trig.token.i
                elif kind == "accept" and names_plan and signs_document(trig.token):
                    # "… signed the accord. The accord provides for …": the signatories'
                    state.signatories = list(actors)
                    state.signed_at = trig.token.i
                first_derived = len(claims)
                self._exchanges(
                    trig, kind, actor, claims, main_ids, state, quote_span, when, att, from_plan
                )
                if main_ids:
                    self._condition_demands(
                        trig, kind, clause, actor, claims, state, quote_span, when, att
                    )
                for c in claims[first_derived:]:
                    # A denial or a hedge covers everything it governs, conditions and trades
                    # included: "denied a report that X would accept … if Y withdrew" is no
                    # firm demand for the withdrawal.
                    c.denied = c.denied or denied
                    c.hedged = c.hedged or hedged
                    c.signals = [*base, f"kind={c.kind}", *c.signals]
        self._bare_answers(doc, state, claims)
        self._asked_answers(doc, state, claims)
        self._document_lists(doc, triggers, claims, state, published)
        return back_references(claims, state.pointers)

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
        if not state.exchange_roots:
            return  # nothing is traded anywhere in the report
        gains = kind == "propose" and any(  # "all remaining prisoners" (an adjective) keeps nothing
            t.lemma_.lower() in self.lex.retentions or t.lemma_.lower() in _GAINS
            for t in trig.token.subtree
            if t.i in trig.content_ids and t.dep_ != "amod"
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
        if not state.condition_roots and kind != "reject":
            return  # no condition anywhere in the report
        scope = self._condition_scope(clause)
        heads: list[Token] = []
        for root in state.condition_roots:
            if (
                self._condition_of(root, clause, scope)
                and root.i not in state.before_roots
                and not signed_content(root)  # a term of a text signed, not a demand
            ):
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
        for c in claims[added[0] :] if added else ():
            c.conditional = False  # the condition itself is demanded outright

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
                claim.signals = [
                    conf.cue_signal(self._cue_weight(issue, _Unit(head, toks), state)),
                    f"derived={'condition' if kind == 'demand' else 'exchange'}",
                ]
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
            # the doc's text cut at the span's offsets: Span.text, without joining its tokens
            quote=doc_text(quote_span.doc)[quote_span.start_char : quote_span.end_char],
            start=quote_span.start_char,
            end=quote_span.end_char,
            actor_name=actor.name,
            speaker=actor.speaker,
            places=list(self._places(span, issue)),
            quantities=list(self._quantities(span)),
            **fields,
        )


#: Matcher labels of condition markers (subordinators and prepositions), not triggers.
_MARKS = frozenset({"MARK", "PREPMARK"})


@Language.factory(FACTORY, default_config={"keep_uncued": False, "learned": DEFAULT_LEARNED})
def make_stance_component(
    nlp: Language, name: str, keep_uncued: bool, learned: str
) -> StanceComponent:
    """spaCy factory: ``nlp.add_pipe("detente_stances_v1")`` after ``ner``;
    ``config={"keep_uncued": True}`` keeps stances no issue cue classifies (see
    :meth:`StanceComponent._fallback_issue`); ``learned`` lists the uses of the learned sentence
    model (:mod:`detente.extract.stance.learned`), ``""`` for the rules alone."""
    return StanceComponent(nlp, name, keep_uncued=keep_uncued, learned=learned)


def claims_of(doc: Doc) -> list[Claim]:
    """The claims the stance component found in *doc* (empty when it did not run)."""
    return list(doc._.detente_claims or [])
