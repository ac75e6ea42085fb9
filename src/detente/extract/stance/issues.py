"""Stage 4, issue: which negotiation issue each content unit is about."""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import (
    StanceLexicon,
)
from detente.extract.stance.conduct import answered_conduct
from detente.extract.stance.cueweights import CueWeights
from detente.extract.stance.dealref import DealReferences
from detente.extract.stance.deals import DealIssues, modifier_issues
from detente.extract.stance.heads import (
    addressee,
    antecedent_modifiers,
    aspectual,
    border_posture,
    defensive_purpose,
    figurative_hostage,
    guarantee_wrapper,
    halted_hostility,
    handed_suspects,
    head_phrase,
    left_body,
    named_as,
    owner_ids,
    ruled_matter,
    target_place,
    unlisted_place,
    where_forces_are,
    withdrawn_object,
)
from detente.extract.stance.kinds import menacing_verdict, penalty_issue, withheld_thing
from detente.extract.stance.lexis import (
    _ANAPHOR_REACH,
    _ANAPHORIC_DETS,
    _CONTENT_OF,
    _COOP_PROCESS,
    _EXIT_VERBS,
    _FORCE_WORDS,
    _FREE_TO,
    _GENERIC_DEALS,
    _HANDOVER_NOUNS,
    _NO_PLAN_NOUNS,
    _NOUN_ONLY_CUES,
    _PLAN_NOUNS,
    _PRONOUNS,
    _REFERRING,
    _TROOPS,
    _VERB_ONLY_CUES,
    _WAR_WORDS,
)
from detente.extract.stance.menace import WARNING_VERBS
from detente.extract.stance.model import (
    Trigger,
    _Unit,
)
from detente.extract.stance.offenders import warned, warned_issue
from detente.extract.stance.phrasing import planned_act, wrapped_plan
from detente.extract.stance.restraint import restrained_issue
from detente.extract.stance.stakes import (
    abstract_motion,
    contained_document,
    disowned_issue,
    joint_patrol,
    manner_terms,
    plural_antecedents,
    stakes,
)
from detente.extract.stance.state import (
    _DocState,
)
from detente.extract.stance.syntax import (
    _bare_response,
    _depth,
    _foreign_troops_leave,
    _handed_person,
    _head_span,
    _in_long_org,
    _leaves_mission,
    _leaves_talks,
    _own_subtree,
    _sends_force,
    _subject,
)
from detente.extract.stance.unnamed import UnnamedIssues

#: Prepositions of place after a verb of staying ("stay in", "remain within").
_WHERE_PREPS = ("in", "inside", "within")


class IssueStage(CueWeights, UnnamedIssues, DealIssues, DealReferences):
    """Classify content units into issues."""

    lex: StanceLexicon
    cue_words: dict[str, tuple[str, int]]

    def _issues(self, trig: Trigger, state: _DocState) -> list[tuple[str, _Unit]]:
        out: list[tuple[str, _Unit]] = []
        seen: set[str] = set()
        units = self._units(trig, state)
        own = [u for u in units if u.head.i == trig.token.i]
        rest = [u for u in units if u.head.i != trig.token.i]
        if trig.cls == "soil":  # "will not allow its territory to be used against …"
            return [("security_guarantees", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.cls == "penalty":  # "will keep the group on its terrorism list"
            return [("sanctions", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.cls == "presence":
            where = [
                t
                for c in trig.token.children
                if c.dep_ == "prep" and c.lower_ in (*_WHERE_PREPS, "around")
                for t in c.subtree
            ]
            if where and self._classify(trig.token, where, state, min_weight=3) == "territory":
                # "forces would remain in a security perimeter around Gaza": land held
                return [("territory", _Unit(trig.token, list(trig.token.subtree), weight=2))]
            return [("military_limits", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.skip and trig.content:
            # "…, an idea Moscow has dismissed": the idea is the stance just stated around it
            at = trig.content[0].idx
            covering = [c for c in state.claims if c.start <= at < c.end]
            if covering:
                last = covering[-1]
                unit = _Unit(trig.content[0], [trig.content[0]], weight=0)
                same = [c.issue for c in covering if c.start == last.start]
                return [(i, unit) for i in dict.fromkeys(same)]
        for ante in plural_antecedents(trig.token):
            # "kept restrictions on investment …; unlikely to ease them": what "them" stands for
            issue = self._classify(ante, list(ante.subtree), state, min_weight=2)
            if issue is not None and issue != "process":
                return [(issue, _Unit(ante, list(ante.subtree), weight=2))]
        leaving = [
            v for v in [trig.token, *trig.token.children] if v.pos_ == "VERB" and _leaves_talks(v)
        ]
        if leaving:
            # "threatened to pull out of the peace process": a stance on the talks themselves
            return [("process", _Unit(leaving[0], list(leaving[0].subtree), weight=2))]
        if trig.content and trig.cls in ("frame", "copula"):
            # "Morocco's claim to Western Sahara": a claim to a named place is territorial;
            # so is a place said to be a nation's ("Crimea is Ukrainian")
            head = trig.content[0]
            belongs = trig.cls == "copula" and (
                trig.token.ent_type_ == "NORP" or trig.token.lemma_ == "part"
            )
            claim = trig.cls == "frame" and trig.token.lemma_.lower() == "claim"
            if belongs or (
                claim and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree)
            ):
                return [("territory", _Unit(head, list(head.subtree), weight=3))]
        if trig.cls == "consequence" and trig.content:
            subj = trig.content[0]
            toks = list(subj.subtree)
            inside = {t.i for t in toks}
            own = [t for t in trig.token.subtree if t.i not in inside]
            if self._classify(trig.token, own, state, min_weight=3) == "justice":
                # "those responsible will be held to account": a penalty by law
                return [("justice", _Unit(trig.token, own))]
            warn = warned(trig.token)  # "such units will be … targets", "whoever …"
            issue = warned_issue(toks) if warn else None
            if issue is None and subj.lemma_.lower() not in _WAR_WORDS | self.lex.hostile:
                # "such a deployment would be treated as an act of war": the act warned
                # against, however faintly cued, else the fighting (not penalties)
                verdict = warn or menacing_verdict(trig.token)
                verdict = verdict or trig.token.lemma_ in WARNING_VERBS
                weight, penalty = (1, "ceasefire") if verdict else (2, "sanctions")
                issue = self._classify(subj, toks, state, min_weight=weight) or penalty
            return [(issue or "ceasefire", _Unit(subj, toks))]
        if trig.kind == "offer" and trig.fixed and trig.token.lemma_.lower() in _NO_PLAN_NOUNS:
            # "has no intention of invading anyone", "no claims on its neighbours' land"
            issue = disowned_issue(trig.token)
            return [(issue, _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.kind == "threaten" and trig.cls == "must" and trig.fixed:
            # "… would be considered a declaration of war", "… would be met with force": a
            # warning against attack
            return [("ceasefire", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if (
            trig.kind == "offer"
            and trig.fixed
            and trig.token.lemma_.lower() in ("vow", "pledge", "promise")
            and any(c.dep_ in ("xcomp", "ccomp") and self._hostile(c) for c in trig.token.children)
        ):
            # "pledged not to attack energy sites": holding fire is a ceasefire, whatever the target
            return [("ceasefire", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.kind == "threaten" and any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in ("measure", "step", "action")
            and any(p.dep_ == "prep" and p.lower_ == "against" for p in c.children)
            for c in trig.token.children
        ):
            # "measures against anyone who obstructs …": penalties, whatever they punish
            return [("sanctions", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.token.lemma_.lower() in ("release", "free", "exchange", "swap") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _TROOPS
            for c in trig.token.children
        ):
            # "would release the soldiers it captured": captives, not a force on the map
            return [("humanitarian", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        person = _handed_person(trig.token) or handed_suspects(trig.token)
        if person is not None:
            # "hand over Milan Radoicic", "extradite the commander": a matter of justice
            return [("justice", _Unit(trig.token, list(trig.token.subtree), weight=2))]
        if trig.cls == "concession" and _sends_force(trig.token):
            # "would send troops to Ukraine": a force for security, wherever it goes
            return [("security_guarantees", _Unit(trig.token, list(trig.token.subtree), weight=2))]
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
                if issue == "territory" and withdrawn_object(trig.token) is not None:
                    # "withdrew its complaint from the WTO": what is withdrawn decides
                    rest_toks = [t for t in toks if t.i != trig.token.i]
                    issue = self._classify(trig.token, rest_toks, state, min_weight=2)
                    if issue is None:
                        return []
                body = left_body(trig.token) if issue == "territory" else None
                if body is not None:
                    issue = self._body_issue(body, state)  # "will leave the CSTO"
                if issue == "territory" and _leaves_mission(trig.token):
                    # "pull its troops out of the AU mission": a stance on the force, not on land
                    issue = "security_guarantees"
                return [(issue, _Unit(trig.token, toks))]
            where = [
                t
                for c in trig.token.children
                if trig.cls == "retention" and c.dep_ == "prep" and c.lower_ in _WHERE_PREPS
                for t in c.subtree
            ]
            issue = self._classify(trig.token, where, state, min_weight=2) if where else None
            if issue is not None:
                # "would stay in the Eurasian Economic Union", "remain inside the bloc": where
                # the holder stays names what it keeps
                return [(issue, _Unit(trig.token, sorted([trig.token, *where], key=lambda t: t.i)))]
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
        pointing: set[int] = set()  # units whose issues come from a stance pointed back to
        for unit in rest:
            if addressee(unit.head, trig.token) and len(rest) > 1:
                continue  # "urged the region to hand over …": whom it asks, not what
            if (
                unit.head.pos_ == "VERB"
                and (_handed_person(unit.head) or handed_suspects(unit.head)) is not None
            ):
                unit.weight = 2 if unit.weight is None else unit.weight
                out.append(("justice", unit))
                seen.add("justice")
                continue
            body = left_body(unit.head)
            if body is not None and not _leaves_talks(unit.head):
                # "said it would withdraw from the International Criminal Court"
                issue = self._body_issue(body, state)
                if issue not in seen:
                    seen.add(issue)
                    out.append((issue, unit))
                continue
            leaving = unit.head.lemma_.lower() in _EXIT_VERBS and _leaves_mission(unit.head)
            if unit.head.pos_ == "VERB" and (leaving or _sends_force(unit.head)):
                out.append(("security_guarantees", unit))
                seen.add("security_guarantees")
                continue
            referred = self._referred_issues(unit, trig, state)
            if referred == ["process"]:
                # "rejected the draft" after a proposal on nothing: the draft named before
                referred += self._antecedent_deal_issues(unit, trig.kind, state)
            if referred:
                unit.weight = 2 if unit.weight is None else unit.weight  # read from the referent
                pointing.add(id(unit))
                for issue in referred:
                    if issue not in seen:
                        seen.add(issue)
                        out.append((issue, unit))
                continue
            issue = self._restrained_issue(unit, state) or self._unit_issue(unit, state)
            if issue in (None, "process") and (
                named := self._antecedent_deal_issues(unit, trig.kind, state)
            ):
                # "welcomed the agreement": what the agreement named before is about
                unit.weight = 2 if unit.weight is None else unit.weight
                out.extend((i, unit) for i in named if i not in seen)
                seen.update(named)
                continue
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
                for extra, _ in self._deal_items(unit.head, state):
                    # "a deal to free prisoners and unfreeze funds": each item its own issue
                    if extra not in seen:
                        seen.add(extra)
                        out.append((extra, unit))
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
        if trig.kind != "propose" and any(i != "process" for i, _ in out):
            # "a counter-proposal that would let Ukraine keep an army of 800,000": a deal whose
            # content is named takes the issues of that content, not the process as well
            # ("accepted the plan" pointing back to a proposal keeps the plan as a whole)
            out = [
                (i, u)
                for i, u in out
                if i != "process" or id(u) in pointing or not _names_deal(u.head)
            ]
        if "security_guarantees" in seen and "territory" in seen:
            # "offered 1,000 soldiers for the multinational force": the troops are the force's,
            # not a claim on land (unless a place or border is named)
            out = [
                (i, u)
                for i, u in out
                if i != "territory" or self._classify(u.head, u.tokens, state, min_weight=2)
            ]
        out += modifier_issues(trig.token, out, self.cue_words)  # "its autonomy plan"
        return out or self._unnamed_issues(trig, state)

    def _threat_issues(
        self, trig: Trigger, issues: list[tuple[str, _Unit]], state: _DocState
    ) -> list[tuple[str, _Unit]]:
        """A threat of force is about the fighting (ceasefire) unless it names another issue
        outright: "warned it would respond decisively" is not a stance on the process."""
        for obj in stakes(trig.token, trig.content_ids):
            # "leaving the bloc would have consequences for the gas price": the stake decides
            staked = self._classify(obj, list(obj.subtree), state, min_weight=2)
            if staked is not None and staked != "process":
                return [(staked, _Unit(obj, list(obj.subtree)))]
        conduct = answered_conduct(trig.token)  # "any intrusion into our waters would meet …"
        named = None if conduct is None else self._classify(conduct, [*conduct.subtree], state, 2)
        if named is not None and named not in ("process", "ceasefire"):
            return [(named, _Unit(conduct, list(conduct.subtree)))]
        if (held := withheld_thing(trig.token)) is not None:
            # "reconstruction funds will not flow until …": what is held back, not the terms
            issue = self._classify(held, list(held.subtree), state, min_weight=2)
            issue = issue if issue not in (None, "process") else "economy"  # "trade agreements"
            return [(issue, _Unit(held, list(held.subtree)))]
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
        if (penalty := penalty_issue(trig.token)) is not None:
            return [(penalty, _Unit(trig.token, toks))]  # "would shut the border if …"
        if force:
            return [("ceasefire", _Unit(trig.token, toks, weight=2))]  # decided, not cued
        return issues or self._unnamed_threat(trig, state)

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
            # a stance that itself points back has no issue until the report is read
            if c.start == last.start and c.actor == last.actor and c.kind == last.kind and c.issue
        ]
        if plan_ref:
            issues = ["process", *issues]
        return list(dict.fromkeys(issues))

    def _unit_issue(self, unit: _Unit, state: _DocState) -> str | None:
        """Classify a unit; in a clause ("that any settlement address X") the subject counts last."""
        head = unit.head
        ids = {t.i for t in unit.tokens}
        named = named_as(unit.tokens)
        if named:
            # "end what he described as the isolation of the north": the thing named decides,
            # unless the words around it name the matter ("recognition of what he called …")
            around = [t for t in unit.tokens if t.i not in {n.i for n in named}]
            issue = self._classify(named[0].head, named, state)
            if issue is not None and self._classify(head, around, state, min_weight=2) is None:
                return issue
        for means in [head, *(c for c in head.children if c.dep_ == "dobj")]:
            # "would not lift the measures it took to defend its border": what the means defend
            guarded = [t for t in defensive_purpose(means) if t.i in ids]
            issue = self._classify(means, guarded, state, min_weight=2) if guarded else None
            if issue is not None:
                return issue
        if withdrawn_object(head) is not None:
            # "agreed to withdraw its complaint from the WTO": what is withdrawn decides
            return self._classify(head, [t for t in unit.tokens if t.i != head.i], state, 2)
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
        if (
            head.pos_ == "VERB"
            and head.lemma_.lower() in _COOP_PROCESS
            # "work out how to implement a ban on strikes": settling details of the content
            and not any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
        ):
            # "agreed to work towards …", "ready to engage"; but "ready to cooperate on
            # migration" is about migration
            about = [
                t for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for t in c.subtree
            ]
            issue = self._classify(head, about, state, min_weight=2) if about else None
            return issue if issue is not None and issue != "process" else "process"
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
                # "a joint statement committing to a truce", "a deal allowing grain exports"
                or (c.dep_ == "acl" and c.tag_ in ("VBG", "VB"))
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
            if self._classify(head, unit.tokens, state, min_weight=2) is None:
                # "a provisional arrangement on the missions": a weak word beside a deal does
                # not name its content; the deal as a whole is at stake
                return "process"
        verbal = head.pos_ in ("VERB", "AUX")
        subj_ids = {t.i for c in head.children if c.dep_ == "nsubj" and verbal for t in c.subtree}
        if subj_ids and (phrased := head_phrase(head, ids, state.cue_phrases)):
            return phrased  # "the guns fell silent in Goma"
        rel_ids = {
            t.i
            for r in unit.tokens
            if r.dep_ in ("relcl", "acl")
            and r.i != head.i
            and r.head.i in ids
            # "its plan to disarm the militias": the infinitive is what the plan contains
            and not (r.tag_ == "VB" and planned_act(r.head) == r)
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
        """The issue of a conjunct: the strongest cue, then the one nearest its head. Words of an
        owner ("the federal cabinet's offer of …", "the government's position") name who holds
        the thing, not what it is: they do not vote."""
        owners = owner_ids(head, toks)
        if owners:
            toks = [t for t in toks if t.i not in owners]
        found = self._classify_words(head, toks, state, min_weight) if toks else None
        return restrained_issue(found, toks)  # restraint where nobody fights

    def _classify_words(
        self, head: Token, toks: list[Token], state: _DocState, min_weight: int = 1
    ) -> str | None:
        ids = {t.i for t in toks}
        best: tuple[int, int, int, int, str] | None = None
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
        # "the offer of a ceasefire", "the plan for a referendum": what the plan offers decides,
        # and the plan noun's own "process" cue only when nothing else does
        # ("any text that refers to maritime access": what the text settles decides)
        wrapper = nominal.i if wrapped_plan(nominal) or contained_document(nominal) else -1
        # "the second phase of its plan to disarm the militias": a plan deeper in the content
        # yields its "process" cue to what it names as well
        wrappers = {t.i for t in toks if t.i == wrapper or (t.i != nominal.i and planned_act(t))}
        # "constitutional guarantees for the Kurdish language": what is guaranteed decides, the
        # guarantee and its form only when nothing else does
        guard = guarantee_wrapper(nominal)
        fallback: tuple[str, int] | None = None
        inside: set[int] = set()  # words of a phrase cue already found: they do not vote alone
        for t in toks:
            hits: list[tuple[str, int, int]] = []  # issue, weight, words
            found = [w for w in (words.get(t.lemma_.lower()), words.get(t.lower_)) if w is not None]
            if t.i in wrappers:
                found = [w for w in found if w[0] != "process"]
            if t.i in guard:
                if found and (fallback is None or max(w[1] for w in found) > fallback[1]):
                    fallback = max(found, key=lambda w: w[1])
                found = []
            if t.ent_type_ in ("DATE", "TIME") and all(w[1] < 3 for w in found):
                found = []  # "by the end of the year", "year-end": when, not what
            elif border_posture(t):  # "fighters away from the border": not the land
                found = [("military_limits", 3)]
            elif abstract_motion(t) or where_forces_are(t):
                found = []  # "wanted the situation to return to …", "rebuilt trust"
            elif joint_patrol(t):
                found = [("security_guarantees", 3)]  # "joint coastguard patrols"
            elif manner_terms(t):
                found = []  # "even in general terms": how something is put, not the talks
            elif aspectual(t) or figurative_hostage(t):
                found = []  # "keep talking", "salaries held hostage": no matter named there
            elif halted_hostility(t):
                found = [("ceasefire", 3)]  # "stop shelling the city": the fighting, not the city
            elif ruled := ruled_matter(t, _HANDOVER_NOUNS):
                found = [(ruled, 3)]  # "sovereignty over the islands", "the status of Kosovo"
            elif not found:
                # "an end to those sales" after "arms sales": the earlier mention's modifiers
                found = [
                    w
                    for m in antecedent_modifiers(t)
                    for w in (words.get(m.lemma_.lower()), words.get(m.lower_))
                    if w is not None
                ][:1]
                if not found and t.ent_type_ == "MONEY" and t.like_num:
                    found = [("economy", 2)]  # "16 dollars a barrel": a sum is an economic term
                elif not found and unlisted_place(t):
                    found = [("territory", 1)]  # "will not leave Yenga": the land, faintly
            if found and t.pos_ == "VERB":
                # "keep the transit fee", "leave the allocation to …": a verb of weak cue
                # yields to an object as strongly cued, which names what is kept or left
                # (talks verbs keep theirs: "discuss the sharing of water" is about the talks)
                obj_issue, obj_weight = self._object_cue(t, ids, state)
                found = [
                    w
                    for w in found
                    if w[1] >= 3 or w[0] in ("process", obj_issue) or w[1] > obj_weight
                ]
            if (
                found
                and t.pos_ != "DET"
                and t.dep_ != "mark"
                and not _in_long_org(t)
                # "the outcome of the Second World War", "the Six-Day War": a word of a name
                # is no cue ("the Gaza war" keeps its lower-case one)
                and not (t.ent_type_ in ("EVENT", "LAW", "WORK_OF_ART") and t.text[:1].isupper())
                and not (t.pos_ == "VERB" and t.lemma_.lower() in _NOUN_ONLY_CUES)
                and not (t.pos_ != "VERB" and t.lemma_.lower() in _VERB_ONLY_CUES)
                # "considers itself free to revise …": a freed hand, not a release
                and not (t.lower_ in _FREE_TO and any(c.dep_ == "xcomp" for c in t.children))
            ):
                issue, weight = max(found, key=lambda w: w[1])
                if issue == "territory" and target_place(t, head):
                    weight = 1  # "pressure against Taiwan": the target, not land at stake
                elif t.dep_ == "amod" and t.i != head.i and weight > 1:
                    # "constitutional guarantees for the Kurdish language": modifiers count less.
                    weight -= 1
                elif t.i == focus and weight == 2 and issue != "process":
                    weight = 3
                if t.i not in inside:  # "crossing points" is no plan's "points"
                    hits.append((issue, weight, 1))
            for end, issue, weight in state.cue_phrases.get(t.i, ()):
                if all(i in ids or t.doc[i].is_punct for i in range(t.i, end)):
                    hits.append((issue, weight, end - t.i))
                    inside.update(range(t.i + 1, end))
            for issue, weight, span in hits:
                if weight < min_weight:
                    continue
                depth = _depth(t, head)
                # Ties go to the nearer cue, then to a substantive issue over "process", then
                # to the longer phrase ("border-guard" over "border").
                cand = (weight, -depth, int(issue != "process"), span, issue)
                if best is None or cand[:4] > best[:4]:
                    best = cand
        if best is None and fallback is not None and fallback[1] >= min_weight:
            return fallback[0]
        if best is None and wrappers and min_weight <= 3:
            return "process"
        return best[4] if best is not None else None


def _names_deal(tok: Token) -> bool:
    """Is *tok* a plan or deal noun, or a preposition governing one ("under the agreement")?"""
    if tok.pos_ == "ADP":
        tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False  # "rejected the proposal for a truce": the plan itself is at stake too
    return tok.pos_ == "NOUN" and (lemma in _PLAN_NOUNS or lemma in _GENERIC_DEALS)
