"""Stage 1, triggers: stance verbs, nouns, adjectives and shapes found in a doc."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.extract.lexicon import StanceLexicon
from detente.extract.stance import kinds, phrasing
from detente.extract.stance.background import accept_signed_terms, is_background
from detente.extract.stance.conditions import step_on_terms
from detente.extract.stance.consequences import fighting_returns
from detente.extract.stance.content import listed_items, lists_items
from detente.extract.stance.expectation import expects_of_another
from detente.extract.stance.focus import table_threat
from detente.extract.stance.frames import (
    ADMISSIONS,
    cleft_content,
    frame_trigger,
    in_question,
    meta_copula,
)
from detente.extract.stance.framing import editorial_frame
from detente.extract.stance.holdings import HELD_VERBS, continued_act, retention_trigger
from detente.extract.stance.kinds import opens_passage, shape_triggers, verb_kind, willing_kind
from detente.extract.stance.lexis import (
    _ACCUSING,
    _ACTION_NOUNS,
    _ATTENDING,
    _BREAK_OFF,
    _CONCESSION_PHRASALS,
    _DEAL_OBJECTS,
    _DEAL_VERBS,
    _DECLARATIVE,
    _DECLARE_VERBS,
    _DETAIL_NOUNS,
    _DOCUMENT_VERBS,
    _EXIT_VERBS,
    _FORCE_WORDS,
    _INTENT_VERBS,
    _MENACE_VERDICTS,
    _MODALS,
    _NO_COMMENT,
    _OUTCOME_VERBS,
    _OWN_STEPS,
    _PENALTY_NOUNS,
    _PLAN_NOUNS,
    _REFERRING,
    _RESTRAINTS,
    _TRUCE_NOUNS,
    _WAR_WORDS,
)
from detente.extract.stance.menace import raised_pressure
from detente.extract.stance.model import Trigger, _Actor
from detente.extract.stance.offenders import offender
from detente.extract.stance.phrasing import phrasing_trigger, retracted, verdict_trigger
from detente.extract.stance.predicates import (
    evaluation_trigger,
    judgement_trigger,
    predicate_noun_trigger,
    title_trigger,
    voiced_by,
)
from detente.extract.stance.resolve import hostile_act
from detente.extract.stance.speechnouns import speech_noun
from detente.extract.stance.stakes import granted_clause, no_plan_kind
from detente.extract.stance.state import _DocState
from detente.extract.stance.syntax import (
    _head_span,
    _in_relcl,
    _is_talks,
    _leaves_talks,
    _plan_of_terms,
    _said_advcl,
    _subject,
    particles,
    states_a_fact,
)
from detente.extract.stance.verdicts import ruling_trigger

#: Retention verbs that in the plain present describe a state, not an intent.
_STATE_VERBS = frozenset({"control", "occupy", "hold", "remain", "stay"})


class TriggerStage:
    """Find stance triggers and what each one governs."""

    lex: StanceLexicon
    head_verbs: dict[str, str]

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
                if trig is None and label == "DEAL":
                    if lemma in _EXIT_VERBS and tok.i not in found:
                        trig = self._act_trigger(tok, lemma)  # "quit the talks"
                        if trig is not None and trig.kind != "reject":
                            trig = None
                elif trig is None and label == "VERB":
                    trig = self._verb_trigger(tok, lemma)
                elif trig is None:
                    trig = self._act_trigger(tok, lemma)
            elif label == "HEADVERB":
                # headline-ese "Japan rejects link …" tagged as a plural noun: still the verb
                if any(
                    c.dep_ == "nsubj" or (c.dep_ == "compound" and c.pos_ == "PROPN")
                    for c in tok.children
                ):
                    trig = self._verb_trigger(tok, self.head_verbs[tok.lower_])
            elif label == "NOUN":
                trig = self._noun_trigger(tok, lemma)
            elif label == "PREDNOUN":
                trig = predicate_noun_trigger(tok)
            elif label == "TITLE":
                trig = title_trigger(tok)
                tok = trig.token if trig is not None else tok
            elif label == "JUDGE" or label.startswith("VERDICT|"):
                # "called unacceptable the …", "considered it necessary to …", "called the
                # offer a ploy": the verdict decides, over whatever the judging verb would
                trig = (
                    judgement_trigger(tok)
                    if label == "JUDGE"
                    else verdict_trigger(label, doc[start:_end])
                )
                if trig is not None:
                    found[trig.token.i] = trig
                continue
            elif label == "ADJ":
                trig = self._adj_trigger(tok)
            elif label == "MUSTBE":
                tok = doc[_end - 1]
                has_attr = any(c.dep_ == "attr" for c in tok.children)
                trig = Trigger(tok, "demand", "mustbe") if has_attr else None
            elif label in ("MUST", "HAVETO"):
                tok = doc[start].head if label == "MUST" else doc[start + 1].head
                if label == "HAVETO" and doc[start].tag_ == "VBD" and doc[start].dep_ == "ROOT":
                    continue  # "the round had to be postponed": narrated, not required
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
                # (but "nothing is off the table" keeps options open: a threat, focus.py)
                trig = Trigger(tok, "reject", "mustbe") if be and not table_threat(be) else None
            elif label.startswith(("IDIOM|", "ADJPREP|")):
                # "gave the green light to", "pushed back on", "remained cool to": the phrase
                # holds the stance, what it is about is its content (stance/phrasing.py)
                trig = phrasing_trigger(label, tok, doc[_end - 1])
                tok = trig.token if trig is not None else tok  # "vowed to make them pay"
            elif label.startswith("FRAME|"):
                # background stances of analysis pieces: "Beijing's position is that …"
                trig = frame_trigger(label, tok)
                tok = trig.token if trig is not None else tok
            elif label == "EVAL":
                trig = evaluation_trigger(tok)
            elif label == "PLANVERB":
                trig = self._plan_verb_trigger(tok, lemma, state)
            elif label == "PLANBE":
                tok = tok.head
                trig = self._plan_verb_trigger(tok, "be", state) if tok.lemma_ == "be" else None
            elif label == "NOPLAN":
                # "has no plans to ease its sanctions", "no intention of withdrawing"
                tok = doc[_end - 1]
                demands = frozenset(v for v, k in self.lex.verbs.items() if k == "demand")
                kind = no_plan_kind(tok, demands, self.lex.hostile)
                trig = Trigger(tok, kind, "noun", fixed=True)
                if not self._noun_complements(tok):
                    trig = None
            elif label == "EXIST":
                trig = self._exist_trigger(tok)
                tok = trig.token if trig is not None else tok
            elif label == "CONSEQ":
                trig = self._consequence_trigger(tok, state)
            if trig is not None and (tok.i not in found or label.startswith(("FRAME|", "IDIOM|"))):
                # a frame or an idiom reads the verb's whole shape ("sees X as a precondition",
                # "held out the prospect of")
                found[tok.i] = trig
        # "expressed readiness to …", "reaffirmed its commitment to …": the noun is the stance.
        nouns = {i for i, t in found.items() if t.cls == "noun"}
        for i in [i for i, t in found.items() if t.cls == "verb" and voiced_by(t.token, nouns)]:
            del found[i]
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
                    and found[t.i].cls
                    in ("verb", "noun", "adj", "exist", "must", "mustbe", "copula", "verdict")
                ]
                if (inner or states_a_fact(trig.token)) and not kinds.mandative(trig.token):
                    del found[trig.token.i]
        # "What does Baghdad want?", "Would Moscow accept a truce?": questions ask, not state.
        for i in [i for i, t in found.items() if in_question(t.token)]:
            del found[i]
        # "Hungary, which has blocked earlier decisions, …": past or habitual, background.
        verdicts = frozenset(v for v, k in self.lex.verbs.items() if k in ("accept", "reject"))
        for i in [i for i, t in found.items() if is_background(t.token, verdicts)]:
            del found[i]
        accept_signed_terms(found.values())
        # "would not form the association before Serbia recognised Kosovo": refused on terms;
        # "talks would not resume while …", "funds would flow only once …": a step on terms
        for root in state.condition_roots:
            trig = step_on_terms(root, found, self._negated(root.head), lex.before_objects)
            if trig is not None:
                found[trig.token.i] = trig
        # A stance word inside a condition ("if the authorities accept …") is the condition.
        for root in state.condition_roots:
            for t in root.subtree:
                if t.i in found and t.i != root.head.i:
                    del found[t.i]
        for trig in shape_triggers(
            doc, set(found), state
        ):  # threats and verdicts with no stance word
            found[trig.token.i] = trig
        for trig in found.values():
            if trig.cls not in ("idiom", "frame", "judge", "title", "soil") and not (
                trig.cls in ("noun", "verdict", "consequence") and trig.content
            ):
                trig.content = self._content_roots(trig)
            if trig.cls == "verb":
                # "What Taipei wants is dialogue …": the copula's complement is the content
                trig.content = cleft_content(trig.token) or trig.content
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
                (
                    trig.cls == "noun"
                    and (self._explicit_holder(trig.token) or lists_items(trig.token))
                )
                or (trig.cls == "verb" and self._descriptive_relcl(trig.token))
                or trig.cls in ("must", "consequence")
                or bool(trig.skip)  # "…, an idea the ministry dismissed": a stance of its own
            ):
                continue
            out.append(trig)
        return out

    def _judged_owners(self, trig: Trigger, state: _DocState) -> list[_Actor]:
        """Whose plan a verdict is about ("the European proposals" -> the EU); a party's own
        arsenal judged ("its weapons are not up for discussion") is no plan."""
        out: list[_Actor] = []
        for subj in (s for s in trig.content if phrasing.judged_thing(s)):
            for o in self._noun_holder_tokens(subj, False):
                found = self._resolve_span(_head_span(o), state)
                if found is not None:
                    out.append(found)
        return self._members_of(out)

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
        if lemma == "be":
            # "the main points of the proposal were a truce, …": a list of the plan's terms
            has_attr = any(c.dep_ == "attr" for c in tok.children)
            return (
                Trigger(tok, "propose", "planverb") if has_attr and _plan_of_terms(subj) else None
            )
        if (subj.lemma_.lower() in _PLAN_NOUNS and subj.pos_ == "NOUN") or _plan_of_terms(subj):
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
        kind = verb_kind(tok, lex.verbs.get(lemma))  # invitations, requests for comment
        if lemma in ADMISSIONS and any(c.dep_ == "ccomp" for c in tok.children):
            # "officials privately concede that …": the clause speaks for itself, unless the
            # admission grants that something is possible or needed (accepted in principle)
            return Trigger(tok, "accept", "verb") if granted_clause(tok) is not None else None
        if kind is None:
            return None
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
            return None  # "asked whether Belgrade backed the vote": a question, not a stance
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ in ("of", "for")
            and tok.head.head.lemma_.lower() in _ACCUSING
        ):
            return None  # "accused the army of blocking aid": the army's act, told by its foe
        kids = particles(tok)
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
        if lemma == "expect" and not expects_of_another(tok):
            return None  # "talks are expected to resume", "expects a deal soon": a forecast
        if lemma == "encourage" and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return None  # only "encouraged both sides to open the border" asks something
        if lemma == "like" and not any(c.lower_ in ("would", "'d") for c in tok.children):
            return None  # only "would like (to see) …" asks; "like" alone is a comparison
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
            and not any(c.dep_ in ("aux", "mark") for c in tok.children)
        ):
            # "the United States, which guarantees the truce": a role, not a stance ("says in
            # a post that Beijing supports the project" is a that-clause the parser hung on
            # the noun)
            return None
        if tok.dep_ == "amod" or (
            tok.tag_ == "VBN"
            and tok.dep_ in ("acl", "amod")
            and not any(c.dep_ == "aux" for c in tok.children)
        ):
            # "the proposed deal", "a plan submitted by X": attributive, not a stance clause
            # ("reports that Beirut had agreed to …" is a clause and stays).
            return None
        if lemma in lex.denial_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and speech_noun(c, lex.report_nouns)
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
            if any(t.lemma_.lower() in _WAR_WORDS | _MENACE_VERDICTS for t in said):
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
            elif lemma == "vow" and any(
                lex.verbs.get(t.lemma_.lower()) == "demand"
                for c in xcomps
                for t in (c, *(g for g in c.children if g.dep_ == "xcomp"))
            ):
                kind = "demand"  # "vows to keep pressing for the islands' return"
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
            and not meta_copula(tok.head)
        ):
            # "a ceasefire is a precondition for any talks": the subject is what is demanded.
            return Trigger(tok, "demand", "copula")
        if lemma in ("condition", "priority") and not (
            self._explicit_holder(tok) or (tok.dep_ == "dobj" and listed_items(tok))
        ):
            return None  # "the conditions set by Britain, France and Germany" keeps its holder
        if raised_pressure(tok):
            return Trigger(tok, "threaten", "penalty", [tok], fixed=True)  # "will step it up"
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
        if kind in ("accept", "offer", "propose") and retracted(tok):
            kind = "reject"  # "withdrew its support for the roadmap", "revoked its offer"
        return Trigger(tok, kind, "noun")

    def _adj_trigger(self, tok: Token) -> Trigger | None:
        lex = self.lex
        low = tok.lower_
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "prep", "ccomp")]
        if not comps:
            return None
        if any(c.dep_ == "xcomp" and self._verb_kind(c) is not None for c in comps):
            return None  # "ready to accept": the verb carries it ("ready to put troops": not)
        if low in lex.unwillingness:
            return Trigger(tok, "reject", "adj")
        if ruling_trigger(tok) is not None:
            return None  # "sovereignty is not open to discussion": a verdict on the subject
        kind = self._willing_kind(tok)
        if kind is None:
            return None
        return Trigger(tok, kind, "adj")

    def _hostile(self, verb: Token) -> bool:
        return hostile_act(verb, self.lex)

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

    def _consequence_trigger(self, verb: Token, state: _DocState) -> Trigger | None:
        """A consequence announced for another's act is a threat with no threat verb:
        "sanctions would follow unless the shelling stopped", "new tariffs will be imposed if
        …", "any strike on the port would be answered in kind"."""
        if not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "NOUN":
            return None
        lemma = subj.lemma_.lower()
        conditioned = any(root.head.i == verb.i for root in state.condition_roots)
        provocation = any(c.dep_ == "det" and c.lower_ == "any" for c in subj.children) and (
            lemma in _WAR_WORDS or lemma in self.lex.hostile
        )
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if (lemma in _PENALTY_NOUNS and conditioned) or (provocation and passive):
            return Trigger(verb, "threaten", "consequence", fixed=True)
        return None

    def _willing_kind(self, tok: Token) -> str | None:
        """Kind of "willing/ready to X" (see kinds.willing_kind)."""
        return willing_kind(tok, self.lex, self._hostile, self._verb_kind)

    def _verb_kind(self, verb: Token) -> str | None:
        """The kind *verb* is a trigger of where it stands, if it is one."""
        return getattr(self._verb_trigger(verb, verb.lemma_.lower()), "kind", None)

    def _act_trigger(self, tok: Token, lemma: str) -> Trigger | None:
        """Concession/retention verbs count only when voiced as intent, not as narration."""
        lex = self.lex
        if tok.dep_ in ("amod", "compound") or tok.tag_ in ("VBN",) and tok.dep_ == "acl":
            return None
        if kinds.mandate_clause(tok):
            return None  # "stressed that the M23 withdraw": asked of it, not its own offer
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
            and (tok.dep_ not in ("relcl", "acl", "advcl", "pcomp") or _said_advcl(tok, lex))
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
        # headline future: "Britain to keep control of base", "Russia to pull troops back"
        modal = modal or (
            tok.dep_ in ("ROOT", "ccomp")
            and "to" in aux
            and any(c.dep_ == "nsubj" for c in tok.children)
        )
        declared = reported and tok.tag_ == "VBD" and lemma in _DECLARATIVE
        under_deal = any(
            c.dep_ == "prep"
            and c.lower_ == "under"
            and any(p.lemma_.lower() in _PLAN_NOUNS for p in c.children)
            for c in tok.children
        )
        if not (modal or declared or under_deal or (reported and tok.tag_ in ("VBP", "VBZ", "VB"))):
            return None
        if not (modal or declared or under_deal) and lemma in _STATE_VERBS:
            return None  # "Russia controls 70 percent of Donetsk, the sources said": a fact
        hostile_only = lemma in lex.hostile and not (
            lemma in lex.concessions or lemma in lex.retentions or lemma in lex.threat_actions
        )
        if hostile_only and not (aux & _MODALS and not negated):
            return None  # "would respond with force" threatens; "attacked" narrates

        if (tok.dep_ in ("xcomp", "advcl", "pcomp", "relcl", "acl") and not terms) or (
            fighting_returns(tok)
        ):
            return None  # ("an agreement under which Israel would stop …" states terms)
        if offender(tok) is not None:
            return None  # "anyone who tries will pay a heavy price" warns (offenders.py)
        hostile = self._hostile(tok)
        if lemma == "continue" and not hostile:
            # "will continue to strike" threatens (below); "will continue to allow …" and
            # "will continue the talks" offer; "will continue its work" says nothing
            return None if negated else continued_act(tok, lex.concessions)
        if lemma in lex.threat_actions and not hostile and opens_passage(tok):  # "expand crossings"
            return None if negated else Trigger(tok, "offer", "concession")
        if hostile or (lemma in lex.threat_actions and lemma not in lex.concessions):
            if tok.dep_ == "relcl" and not aux & _MODALS:
                return None  # "the positions it seized in the buffer zone" narrates
            return None if negated else Trigger(tok, "threaten", "concession")
        if lemma in lex.retentions or lemma in HELD_VERBS:
            if negated:
                return None
            hostile_kept = any(c.dep_ == "xcomp" and self._hostile(c) for c in tok.children)
            return retention_trigger(tok, hostile_kept)
        # "will attend the meeting": taking up another's invitation (as "take part in")
        return Trigger(tok, "accept" if lemma in _ATTENDING else "offer", "concession")

    def _must(self, tok: Token) -> bool:
        """ "Kyiv must withdraw", "had to be agreed with Moscow", "should hold elections"."""
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        content_clause = tok.dep_ == "acl" and "that" in marks  # "its position that Kyiv must …"
        if tok.dep_ not in ("ccomp", "conj", "xcomp", "ROOT") and not content_clause:
            return False
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"must", "should"} and not editorial_frame(tok):
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
        """ "There can be no truce unless …": a refusal voiced as an impossibility; "there will
        be no new war": a reassurance, offered."""
        verb = there.head
        for c in verb.children if verb.lemma_.lower() == "be" else ():
            if c.dep_ in ("attr", "nsubj") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children
            ):
                kind = "offer" if c.lemma_.lower() in _WAR_WORDS else "reject"
                return Trigger(verb, kind, "exist")
        return None
