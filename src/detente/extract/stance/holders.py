"""Stage 2, holder and attribution: who holds a stance."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from detente.extract import attribution as attr
from detente.extract.entindex import ents_in
from detente.extract.lexicon import StanceLexicon, word_list
from detente.extract.placeref import is_venue
from detente.extract.places import place_country
from detente.extract.seats import fronted_seat
from detente.extract.stance.answers import asked_clause
from detente.extract.stance.backref import coordinated_subject, earlier_speaker
from detente.extract.stance.frames import frame_holder_tokens, perspective_holder
from detente.extract.stance.holderwords import (
    _STATE_BODIES,
    body_spoken_for,
    group_person,
    thing_noun,
    unlisted_body,
)
from detente.extract.stance.issuers import apposed_speaker, issued_by, statement_issuers
from detente.extract.stance.lexis import (
    _AGENT_NOUNS,
    _DISPOSITION_NOUNS,
    _GROUP_NOUNS,
    _GROUP_SUBJECTS,
    _INSTITUTIONS,
    _PENALTY_NOUNS,
    _PEOPLE,
    _PLAN_NOUNS,
    _PRONOUNS,
    _STATE_NOUNS,
    _WAR_WORDS,
)
from detente.extract.stance.model import Trigger, _Actor
from detente.extract.stance.offenders import designated
from detente.extract.stance.pairs import joint_text, pair_subject
from detente.extract.stance.passives import answered_proposal
from detente.extract.stance.rolerefs import (
    bullet_holder,
    defined_members,
    owning_org,
    role_antecedents,
    role_group,
    same_noun_before,
)
from detente.extract.stance.state import _DocState
from detente.extract.stance.statements import statement_voice
from detente.extract.stance.syntax import (
    _clause_head,
    _count_of,
    _denying_verbs,
    _head_span,
    _is_state,
    _members,
    _plan_antecedent,
    _plan_of_terms,
    _sides,
    _subject,
    _unique,
    unowned_office,
)
from detente.extract.stance.turns import FIRST_PERSON, own_body
from detente.extract.stance.venues import venue_speaker

_BODY_NOUNS = word_list("body_nouns")
#: Heads that describe a non-state movement ("the main opposition movement").
_MOVEMENT_NOUNS = frozenset({"movement", "group", "rebels", "opposition", "insurgents", "militia"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})

#: Second-person words: in a question they address the answerer ("Will you accept …?").
_ADDRESSEE = frozenset({"you", "your", "yours"})

#: Entity types that name a party.
_NAMED = frozenset({"GPE", "ORG", "NORP"})


class HolderStage:
    """Resolve the actors holding a stance."""

    lex: StanceLexicon
    _resolve: Any

    # -- holders --------------------------------------------------------------------------

    def _holders(self, trig: Trigger, state: _DocState) -> tuple[list[_Actor], bool]:
        """Actors holding the stance; the flag tells a plan/draft subject was resolved."""
        tok = trig.token
        turn = state.turn_of(tok)
        if turn is not None and turn.asks:
            # A journalist's question ("Will you accept …?", "Can we expect …?") holds no
            # stance; what it reports ("Kigali says it is ready …") does.
            subj = _subject(tok)
            if tok.sent.text.rstrip().endswith("?") or (
                subj is not None and subj.lower_ in FIRST_PERSON | _ADDRESSEE
            ):
                return [], False
        asked = asked_clause(tok.sent)
        if asked is not None and tok.i != asked.i and asked.is_ancestor(tok):
            return [], False  # "Asked whether Moscow would accept X, …": the reporter's question
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
                return state.document_holders(), True
        if trig.cls == "copula" and self._explicit_holder(tok):
            heads = self._noun_holder_tokens(tok, False)
            actors = [a for o in heads for a in self._resolve_tok(o, tok, state)]
            return _unique(actors), False
        if trig.cls == "bound":
            subjects = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
            actors = [a for h in subjects for a in self._resolve_tok(h, tok, state)]
            return _unique(actors), False
        if trig.cls == "frame":
            heads = frame_holder_tokens(trig)
            actors = [
                a for h in heads for m in _members(h) for a in self._resolve_tok(m, tok, state)
            ]
            if not actors and heads and thing_noun(heads[0]):
                # "any resumption of talks is contingent on …, Tbilisi said", "the door
                # remains open, the minister said": a thing as subject, the speaker's stance
                for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                    actors = self._reporter_actors(rep, state)
            return _unique(actors), False
        designates = trig.cls == "consequence" and designated(tok) is not None
        judges = trig.cls == "verdict" and bool(trig.content)  # "Yerevan calls X an internal …"
        object_judged = (designates or judges) and trig.content[0].dep_ == "dobj"
        if object_judged and (subj := _subject(tok)) is not None:
            return _unique(self._resolve_tok(subj, tok, state)), False  # "Moscow regards X as …"
        soil_used = trig.cls == "soil" and tok.lemma_ == "use"  # "its waters will not be used"
        if soil_used or trig.cls in ("must", "exist", "copula", "mustbe", "verdict", "consequence"):
            # "For Tokyo, the alliance is non-negotiable": the perspective holds the verdict.
            seen_from = perspective_holder(_clause_head(tok))
            if seen_from is not None:
                found = self._resolve_tok(seen_from, tok, state, False)
                if found:
                    return found, False
            # The speaker sets the requirement: "Kyiv must leave Donbas, Putin said".
            reporters = attr.reporter_chain(tok, self.lex.sources)
            for rep in reporters:
                found = self._group_actors(rep, rep.head, state) or self._reporter_actors(
                    rep, state
                )
                if not found and any(c.dep_ == "prep" and c.lower_ == "in" for c in rep.children):
                    # "the foreign ministry in Islamabad said …": the body named by its seat
                    a = self._resolve_span(rep.doc[rep.left_edge.i : rep.right_edge.i + 1], state)
                    found = [a] if a is not None else []
                if found:
                    return found, False
            if not reporters and turn is not None:
                # "The Philippine side must …" in a spokesperson's turn: the speaker's demand
                return ([turn.actor] if turn.actor is not None and not turn.asks else []), False
            spoken = [] if reporters else self._headline_speaker(tok, state)
            if spoken:
                return spoken, False  # "Beijing: Manila must remove ship"
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
            top = tok
            while trig.cls == "idiom" and top.dep_ in ("acl", "dobj", "xcomp"):
                top = top.head  # "Tehran | reserves the right to take …": up to the root
            if subj is None and (
                (trig.cls == "verb" and tok.pos_ in ("NOUN", "PROPN"))
                or (trig.cls == "idiom" and top.dep_ == "ROOT")
            ):
                # headline-ese misparsed as a compound: "Japan | rejects link …"
                subj = next(
                    (
                        c
                        for c in top.children
                        if c.dep_ == "compound"
                        and (c.pos_ == "PROPN" or (trig.cls == "idiom" and c.ent_type_ == "GPE"))
                    ),
                    None,
                )
            heads = [subj] if subj is not None else []
            if subj is None and trig.cls == "adj":
                # "Islamabad was prepared to …" parsed as a passive: its subject is willing
                heads = [c for c in tok.children if c.dep_ == "nsubjpass"][:1]
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
        kept = trig.cls == "retention" and bool(heads) and thing_noun(heads[0])
        if not heads or kept:
            # "the canal will remain Panamanian, he said": a thing kept is the speaker's stance
            passive = kept or any(c.dep_ == "nsubjpass" for c in tok.children)
            answered = answered_proposal(tok, trig.kind, state, self._resolve_one)
            if answered is not None and trig.kind in ("accept", "reject"):
                return answered, False  # "the offer was turned down": by whom it was made to
            if passive and trig.cls in ("concession", "retention"):
                # "Rwanda says its measures will be lifted only once …": the speaker's offer.
                for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                    found = self._reporter_actors(rep, state)
                    if found:
                        return found, False
            if trig.kind == "accept" and passive:
                # "No roadmap could be signed before …, he said": the speaker's side; "a prisoner
                # exchange was agreed in principle": agreed between the parties.
                for rep in attr.reporter_chain(tok, self.lex.sources)[:1]:
                    found = self._reporter_actors(rep, state)
                    if found:
                        return found, False
                return state.principal_pair(), False
            return self._headline_speaker(tok, state) or bullet_holder(tok, state), False
        head = heads[0]
        terms_of = _plan_of_terms(head)
        if terms_of is not None:
            head = heads[0] = terms_of  # "the main points of Egypt's plan": the plan's owner
        if head.lower_ in ("nobody", "none", "noone", "neither") or any(
            c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in head.children
        ):
            return [], False  # "no country has committed troops", "neither side would …"
        if head.lemma_.lower() in _PLAN_NOUNS and head.pos_ == "NOUN" and not joint_text(head):
            owners = self._noun_holder_tokens(head, False)
            actors = [
                a for o in owners for m in _members(o) for a in self._resolve_tok(m, tok, state)
            ]
            if actors:
                return _unique(actors), True
            return state.document_holders() or self._document_proponent(head, state), True
        actors = []
        for h in heads:
            if pair_subject(h):
                # "both sides agreed …": the two parties named together before ("Thailand and
                # Cambodia met …"), else the two the report is about -- never the announcer.
                named = state.tracker.resolve_all(_head_span(h))
                pair = (
                    [_Actor(r.id, r.name or r.id, None) for r in named]
                    if len(named) == 2
                    # the announcer may be a party ("the group said the two sides agreed"), so
                    # only a pair named beside it in the sentence sets it apart
                    else self._pair_named_with(tok, state) or state.principal_pair()
                )
                if pair:
                    actors.extend(pair)
                    continue
                if len(named) != 1:
                    return [], False
            # "Greek Cypriot and Turkish Cypriot leaders": one stance per side; "the government
            # of Sudan and the RSF": the office's side, then the parties named with it
            group = self._group_actors(h, tok, state)
            actors.extend(group)
            for c in _members(h)[1:] if group else _members(h):
                found = self._resolve_tok(c, tok, state, fallback=False)
                lemma = c.lemma_.lower()
                own_side = any(p.dep_ == "poss" and p.lower_ in _PRONOUNS for p in c.children)
                if not found and (lemma in _INSTITUTIONS or lemma in _PEOPLE or own_side):
                    # "X's office said the government was ready …": the speaker's side.
                    for rep in attr.reporter_chain(tok, self.lex.sources):
                        found = self._reporter_actors(rep, state)
                        if found:
                            break
                if not found and own_side and (voice := statement_voice(c)) is not None:
                    found = [voice]  # "our armed forces" in the text of a statement
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
                        found = self._reporter_actors(rep, state)
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
                found = self._reporter_actors(rep, state)
                if found:
                    return found, False
        return _unique(actors), False

    def _headline_speaker(self, tok: Token, state: _DocState) -> list[_Actor]:
        """The speaker of a "Speaker: claim" or "claim - Speaker" headline holding *tok*
        ("Lavrov: no treaty while …", "Beijing: Manila must remove ship"), resolved like a
        subject; [] elsewhere."""
        speakers = getattr(tok.doc._, "detente_speakers", None)
        for start, end, scope_start, scope_end in speakers or ():
            if scope_start <= tok.idx < scope_end:
                span = tok.doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    return []
                found = self._resolve_one(span.root, state)
                return [found] if found is not None else []
        return []

    def _announcers(self, tok: Token, state: _DocState) -> set[str]:
        """Actors reporting the stance at *tok* ("…, the Turkish minister said"): never one of
        the two sides they report on."""
        out: set[str] = set()
        for rep in attr.reporter_chain(tok, self.lex.sources):
            a = self._resolve_one(rep, state)
            if a is not None:
                out.add(a.id)
        return out

    def _pair_named_with(self, tok: Token, state: _DocState) -> list[_Actor]:
        """Two actors coordinated in the stance's own sentence ("talks between Russia and
        Ukraine"), other than its announcer."""
        skip = self._announcers(tok, state)
        for t in tok.sent:
            if t.dep_ != "conj" or t.head.i >= t.i or t.i == tok.i:
                continue
            pair = [self._resolve_one(t.head, state), self._resolve_one(t, state)]
            ids = {a.id for a in pair if a is not None}
            if len(ids) == 2 and not ids & skip:
                return [a for a in pair if a is not None]
        return []

    def _document_proponent(self, doc_noun: Token, state: _DocState) -> list[_Actor]:
        """Whose plan, draft or resolution "the plan" is when no stance has put one forward:
        the owner named with a document of the same kind anywhere in the report ("the US
        plan", "Egypt's proposal", "a draft by France"), the nearest one first."""
        lemma = doc_noun.lemma_.lower()
        cands = [
            t
            for t in doc_noun.doc
            if t.i != doc_noun.i
            and t.pos_ == "NOUN"
            and t.lemma_.lower() in _PLAN_NOUNS
            and self._explicit_holder(t, compounds=True)
        ]
        cands.sort(key=lambda t: (t.lemma_.lower() != lemma, abs(t.i - doc_noun.i)))
        for cand in cands:
            owners = self._noun_holder_tokens(cand, False)
            found = [
                a
                for o in owners
                for m in _members(o)
                for a in self._resolve_tok(m, doc_noun, state, False)
            ]
            if found:
                return _unique(found)
        return []

    def _noun_holder_tokens(self, tok: Token, use_verb: bool) -> list[Token]:
        """Who holds a stance noun: "Moscow's demand", "the Russian offer", "a plan by X"."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "poss":
                # "its readiness", "his country's willingness": the subject that voices it
                owned = c.pos_ == "NOUN" and any(
                    g.dep_ == "poss" and g.lower_ in _PRONOUNS for g in c.children
                )
                if (c.lower_ in _PRONOUNS or owned) and use_verb:
                    subj = self._governing_subject(tok)
                    out.append(subj if subj is not None and subj.i != tok.i else c)
                else:
                    out.append(c)
            elif c.dep_ in ("amod", "compound", "nmod") and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
            ):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                out.extend(p for p in c.children if p.dep_ == "pobj")
            elif (
                c.dep_ == "prep"
                and c.lower_ == "of"
                and tok.lemma_.lower() in _DISPOSITION_NOUNS
                and use_verb
            ):
                # "the principled position of the Philippines": a named party holds it
                out.extend(p for p in c.children if p.dep_ == "pobj" and p.ent_type_ in _NAMED)
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
        """Resolve a holder token to actors, pronouns through the reporting frame first ("They
        said they were ready …" after a list of states gives every state of the list)."""
        lex = self.lex
        reporters: list[Token] = []
        issuer = issued_by(head)
        if issuer is not None:
            # "a joint statement by Egypt and Qatar called for …": each issuer
            found = [a for m in _members(issuer) for a in self._resolve_tok(m, trig, state)]
            if found:
                return _unique(found)
        if head.lower_ in FIRST_PERSON:
            turn = state.turn_of(head)
            if turn is not None:
                # "we", "our" in a speaker's turn: the speaker's side; in a question: nobody
                return [turn.actor] if turn.actor is not None and not turn.asks else []
            issuer = statement_voice(head)  # the unquoted text of a statement: its issuer's
            if issuer is not None:
                return [issuer]
        if (body := own_body(head, state.turn_of(head))) is not None:
            return [body]  # "the government" in its spokesperson's turn
        same = coordinated_subject(head)
        if same is not None:
            # "Chilean officials want X, and they see Y as …": the first clause's subject
            found = self._resolve_tok(same, trig, state, False)
            if found:
                return found
        issued = [
            a for i in statement_issuers(head) for a in self._resolve_tok(i, trig, state, False)
        ]
        if issued:  # "… ended with a joint statement. It calls on both sides to …"
            return _unique(issued)
        if head.lower_ in _PRONOUNS or head.tag_ in ("PRP", "PRP$"):
            plural = head.lower_ in ("they", "we", "them", "their", "our", "us")
            reporters = attr.reporter_chain(trig, lex.sources) + self._denial_subjects(trig)
            for rep in reporters:
                if rep.i == head.i:
                    continue
                if rep.lower_ in _PRONOUNS:
                    found = self._reporter_actors(rep, state)
                elif not plural:
                    a = self._resolve_one(rep, state)
                    found = [a] if a is not None else []
                    if not found and rep.lemma_.lower() in _GROUP_SUBJECTS:
                        # "The movement said it would …": the movement named before
                        found = self._resolve_tok(rep, rep.head, state)
                else:
                    # "Both leaders said they were willing …": "they" is the report's pair
                    pair = pair_subject(rep) and self._pair_named_with(trig, state)
                    found = (pair or state.principal_pair()) if pair_subject(rep) else []
                    found = found or self._group_actors(rep, rep.head, state)
                    if not found:
                        reps = _sides(rep) or _members(rep)
                        found = [a for a in (self._resolve_one(r, state) for r in reps) if a]
                    if not found and rep.tag_ in ("NNS", "NNPS"):
                        # "Authorities in Kinshasa said they …": one actor's people
                        whole = rep.doc[rep.left_edge.i : rep.right_edge.i + 1]
                        a = self._resolve_one(rep, state) or self._resolve_span(whole, state)
                        found = [a] if a is not None else []
                if found:
                    return found
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            head = head.head.head
        poss = next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if poss is not None and unlisted_body(head):
            # "their General Border Committee would convene": the body's owners
            owners = self._resolve_tok(poss, trig, state, fallback)
            joint = any(t.lower_ in ("joint", "bilateral", "mixed") for t in head.subtree)
            if len(owners) >= (2 if joint else 1):  # a joint body is a pair's
                return owners
        a = self._resolve_one(head, state)
        if a is None and attr.is_anonymous(head, lex.sources):
            # "…, the official added": the unnamed speaker introduced just before
            a = earlier_speaker(head, r := lambda t: self._resolve_one(t, state))
            a = a if a is not None else venue_speaker(head, r)
        if (
            a is None
            and fallback
            and not reporters
            and (head.lemma_.lower() in _STATE_NOUNS | _GROUP_SUBJECTS or group_person(head))
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
        if a is None:
            # "The Quad -- the US, Saudi Arabia, the UAE and Egypt -- …. The Quad said …"
            members = [r for m in defined_members(head) if (r := self._resolve_one(m, state))]
            if len(_unique(members)) > 1:
                return _unique(members)
        if a is None and fallback and not reporters:
            # "The Mainland Affairs Council said … The council said …": the body named before
            # with the same head noun, whatever it stands for
            a = self._named_before(head, state)
        if (
            a is None
            and fallback
            and head.lemma_.lower() in _BODY_NOUNS
            and any(c.lower_ == "the" for c in head.children)
            and not any(c.dep_ in ("compound", "amod") for c in head.children)
        ):
            # "the bloc", "the alliance": the organisation named last (not an armed group)
            named = self._last_group(head, state, bodies=True)
            if named is not None:
                return [named]
        if a is None and not reporters and head.lower_ in FIRST_PERSON:
            # "Marcos: we will not be driven out": the headline's speaker
            spoken = self._headline_speaker(trig, state)
            if spoken:
                return spoken
        if a is None and not reporters and head.lower_ in FIRST_PERSON:
            # '"I am ready for elections." Zelensky told reporters …': the speaker the next
            # sentence names
            after = self._next_speaker(trig, state)
            if after is not None:
                return [after]
        if a is None and not reporters and head.lower_ in _PRONOUNS:
            # Nothing else to go on: the side that held the last stance, if it was close by.
            last = state.last_actors
            if last and trig.sent.start - state.last_sent_start <= 400:
                plural = head.lower_ in ("they", "we", "them", "their", "our", "us")
                if plural or len(last) == 1:
                    return list(last)
        return [a] if a is not None else []

    def _next_speaker(self, tok: Token, state: _DocState) -> _Actor | None:
        """The named subject of a reporting verb opening the sentence after a quoted one."""
        sent = tok.sent
        if not any(t.text in _QUOTE_MARKS for t in sent) or sent.end >= len(tok.doc):
            return None
        nxt = tok.doc[sent.end].sent
        root = nxt.root
        if root.lemma_.lower() not in self.lex.sources.reporting:
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in _PRONOUNS:
            return None
        return self._resolve_one(subj, state)

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
            # "the co-chairs" alone: the bodies introduced earlier as co-chairs
            found = [
                a for m in role_antecedents(head) for a in self._resolve_tok(m, trig, state, False)
            ]
            if len(_unique(found)) > 1:
                return _unique(found)
            if len(refs := role_group(head, state.tracker.groups)) > 1:
                return [_Actor(r.id, r.name or r.id, None) for r in refs]  # "participation of"
        count = _count_of(head)
        if count and head.tag_ == "NNS":
            if len(state.last_actors) == count:
                return list(state.last_actors)
            # "Egypt, Qatar and Turkey met …; the three countries agreed": the run named last
            refs = state.tracker.resolve_all(_head_span(head))
            if len(refs) == count:
                return [_Actor(r.id, r.name or r.id, None) for r in refs]
        return []

    def _reporter_actors(self, rep: Token, state: _DocState) -> list[_Actor]:
        """The speakers a reporting clause names: "France, Britain and Germany said …" all."""
        guard: set[int] = self.__dict__.setdefault("_reporting", set())
        if rep.i in guard:
            return []  # pronoun speakers that report one another ("he said he …") loop
        guard.add(rep.i)
        try:
            return _unique(
                [a for m in _members(rep) for a in self._resolve_tok(m, rep.head, state, False)]
            )
        finally:
            guard.discard(rep.i)

    def _resolve_one(self, head: Token, state: _DocState) -> _Actor | None:
        lex = self.lex
        named = apposed_speaker(head, lex.sources)
        found = self._resolve_one(named, state) if named is not None else None
        if found is not None:
            return found  # "The spokeswoman, Maria Zakharova, said …": the person named
        if head.lemma_.lower() in _MOVEMENT_NOUNS and any(
            c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP")
            for c in head.children
        ):
            # "South Sudan's main opposition movement", "the Sudanese rebel group": the
            # group named before or just after, not the state that describes it
            tracker = state.tracker
            armed = tracker.kb.armed_groups
            ref = tracker._last(head.i, lambda r: r.id in armed) or tracker._next(
                head.i, lambda r: r.id in armed
            )
            if ref is not None:
                return _Actor(ref.id, ref.name or ref.id, None)
        body = body_spoken_for(head, lex.sources.anonymous_heads)
        got = self._resolve_one(body, state) if body is not None else None
        if got is not None and (_is_state(got.id) or got.id in state.tracker.kb.actor_names):
            return got  # "a spokeswoman for Hamas", "an official with the foreign ministry"
        seat = fronted_seat(head)
        if seat is not None and not any(t.ent_type_ for t in _head_span(head)):
            # "In Kyiv, officials said …": the unnamed body sits in the place the sentence
            # opens with, when that place stands for a state
            found = self._resolve_span(seat, state)
            if found is not None and _is_state(found.id):
                return found
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
            # "Sudan's paramilitary Rapid Support Forces": the named body, not the possessor;
            # but an unlisted body of the state ("Taiwan's coast guard", "the Chinese Foreign
            # Ministry") speaks for the state.
            found = self._resolve_span(ent, state)
            if found is not None and not (
                (ent.root.lemma_.lower() in _STATE_BODIES or all(t.is_lower for t in ent))
                and found.id not in state.tracker.kb.actor_names
            ):
                # (a lower-case "supreme leader" the model took for a name is no body at all)
                return found
        found = self._resolve_span(_head_span(head), state)
        listed = found is not None and found.id in state.tracker.kb.actor_names
        owner = owning_org(head) if not listed else None
        if owner is not None and (got := self._resolve_one(owner, state)) is not None:
            return got  # "the Commission of the ECOWAS": the organisation, not a new body
        if not listed and unowned_office(head, state.tracker.kb):
            # "The Ministry of Foreign Affairs condemned …", "the Minister of Foreign Affairs
            # said" in agency copy: the state the report is about
            main = state.tracker._main_state(head.i)
            if main is not None:
                return _Actor(main.id, main.name or main.id, None)
        return found

    def _denial_subjects(self, tok: Token) -> list[Token]:
        subjects = (attr.verb_subject(v) for v in _denying_verbs(tok, self.lex.denial_verbs))
        return [s for s in subjects if s is not None]

    def _named_before(self, head: Token, state: _DocState) -> _Actor | None:
        """The organisation named last before "the <noun>" whose name ends in that noun."""
        if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ in ("compound", "amod", "poss") for c in head.children):
            return None
        for ent in reversed(ents_in(head.doc[max(0, head.i - 400) : head.i])):
            if ent.label_ == "ORG" and len(ent) > 1 and ent.root.lower_ == head.lower_:
                return self._resolve_span(ent, state)
        return same_noun_before(head, lambda t: self._resolve_one(t, state))

    def _last_group(self, head: Token, state: _DocState, bodies: bool = False) -> _Actor | None:
        """The armed group or movement named last before *head* ("The ELN … The group said …"),
        even when it has held no stance yet; with *bodies*, the organisation that is no armed
        group ("ECOWAS … the bloc")."""
        armed = state.tracker.kb.armed_groups
        for ent in reversed(head.doc.ents):
            if ent.end > head.i:
                continue
            if head.i - ent.start > 300:
                break
            if ent.label_ != "ORG":
                continue
            if bodies and is_venue(ent.root):
                continue  # "NATO met in Brussels": the venue is no party
            a = self._resolve_span(ent, state)
            if bodies and (a is None or a.id in armed or a.id not in state.tracker.kb.actor_names):
                continue
            if a is not None and not _is_state(a.id):
                return a
        return None

    def _resolve_span(self, span: Span, state: _DocState) -> _Actor | None:
        ref = state.tracker.resolve(span)
        if ref is None:
            return None
        name = getattr(ref, "name", None) or ref.id
        return _Actor(ref.id, name, getattr(ref, "speaker", None))

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
        if subj.lemma_.lower() in _PENALTY_NOUNS:
            return False  # "the UN sanctions could be lifted": the penalty, not its namesake
        ref = self._resolve(_head_span(subj))
        if ref is None and (ent := attr.entity_of(subj)) is not None and ent.ent_id_:
            # "Gaza will be demilitarised, Katz said": a place of another side's
            owner = place_country(ent.ent_id_.split("+")[0])
            return owner is not None and owner not in {a.id for a in actors}
        return ref is not None and ref.id not in {a.id for a in actors}
