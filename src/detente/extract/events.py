"""Events: meetings, summits, rounds of talks and calls, with resolved dates.

Triggers are the verb "meet" and the nouns of :data:`EVENT_NOUNS` ("summit", "talks",
"phone call" …), plus "spoke by phone".  For each trigger the sentence gives:

* ``participants`` — actors among the trigger's subject(s), its "with"/"between" objects,
  its modifiers ("the Putin-Trump summit", "Russian-Ukrainian talks") and the subject of the
  verb that governs a noun trigger ("Russia and Ukraine held talks");
* ``place`` — the place after "in"/"at" attached to the trigger or its verb (the name as
  written: "Istanbul", "Alaska");
* ``date`` — the time expression attached to the trigger or else the first one in the
  sentence, resolved against the publication date with the sentence's tense.

Negated or merely possible events ("no meeting is planned", "refused to meet") are skipped,
and generic mentions of talks with neither date nor place are not events.  Repeated
mentions of one event (same kind, date and place) are merged.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from detente.extract.actors import ActorTracker, resolve_actor
from detente.extract.entindex import ent_at, token_hits
from detente.extract.kb import knowledge
from detente.extract.timex import (
    expression_is_future,
    find_time_expressions,
    governing_verb,
    resolve_date,
    verb_is_future,
)
from detente.records import Event

#: Trigger nouns and the event kind they name.
EVENT_NOUNS: dict[str, str] = {
    "summit": "summit",
    "meeting": "meeting",
    "talks": "talks",
    "negotiations": "talks",
    "discussions": "talks",
    "consultations": "talks",
    "round": "talks",
    "call": "call",
    "phone": "call",
    "conversation": "call",
    # "the committee will hold its first session on Sunday", "a conference in Geneva on …"
    "session": "meeting",
    "conference": "meeting",
}
_NEG_DETS = {"no", "any"}
_BLOCKING_HEADS = {"refuse", "reject", "deny", "rule", "cancel", "postpone", "call"}
_PARTICIPANT_PREPS = {"with", "between", "among", "by", "of"}
_PLACE_PREPS = {"in", "at", "to"}
#: Whom one receives or hosts at a meeting.
_GUESTS = {
    "delegation",
    "delegations",
    "envoy",
    "envoys",
    "counterpart",
    "minister",
    "president",
    "leader",
    "leaders",
    "negotiators",
    "talks",
    "summit",
    "meeting",
    "mediators",
    "round",
    "conference",
}
#: What a council adopts at a meeting.
_ADOPTED = {"resolution", "statement", "declaration", "communique", "communiqué"}
#: Documents whose signing is an event.
_SIGNED = {
    "agreement",
    "deal",
    "declaration",
    "accord",
    "treaty",
    "memorandum",
    "ceasefire",
    "truce",
    "framework",
    "roadmap",
    "pact",
    "protocol",
}


#: Trigger verbs (by lemma) and the label of the rule that reads them.
_VERB_LABELS: dict[str, str] = {
    "meet": "meet",
    "convene": "meet",
    "invite": "invite",
    "receive": "receive",
    "host": "receive",
    "welcome": "receive",
    "visit": "visit",
    "adopt": "adopt",
    "pass": "adopt",
    "sign": "sign",
    "initial": "sign",
    "initiale": "sign",
    # "the truce agreed in Doha on Oct. 19", "a deal reached in Riyadh on Sunday"
    "agree": "sign",
    "reach": "sign",
    "broker": "sign",
    "conclude": "sign",
    "strike": "sign",
    "speak": "spoke",
    "talk": "spoke",
    "brief": "brief",
    "address": "brief",
    "present": "brief",
}
#: Bodies that sit to be briefed or addressed ("briefed the Security Council on Thursday").
#: ("will brief ambassadors on Monday": the diplomatic corps sits to be briefed too)
_SITTING_BODIES = {"council", "assembly", "parliament", "congress", "senate", "committee"} | {
    "ambassadors",
    "diplomats",
    "envoys",
}
_TRIGGER_LEMMAS = frozenset(_VERB_LABELS)
_TRIGGER_NOUNS = frozenset(EVENT_NOUNS)
#: A noun trigger in these roles belongs to its verb's clause ("agreed to hold talks");
#: elsewhere ("agreed to free detainees after talks") the talks are a fact of their own.
_CORE_DEPS = {"dobj", "nsubj", "nsubjpass", "attr"}
#: Prepositions that tie a meeting to the reported act it came with ("said after a meeting").
_AROUND = {"after", "following", "during"}
_CALL_WORDS = {"phone", "telephone", "video", "videoconference", "videolink", "hotline"}


def _label(tok: Token) -> str | None:
    """Which rule a trigger token belongs to, if any (POS-checked)."""
    label = _VERB_LABELS.get(tok.lemma_)
    if label is not None and (tok.pos_ == "VERB" or (label == "visit" and tok.pos_ == "NOUN")):
        if label == "spoke":
            # "spoke by phone", "talked over a video link"
            # ("spoke over their hotline", "talked via a secure video link")
            doc = tok.doc
            nxt = [t for t in doc[tok.i + 1 : tok.i + 5] if t.pos_ not in {"DET", "PRON", "ADJ"}]
            ok = (
                len(nxt) >= 2
                and nxt[0].lower_ in {"by", "on", "over", "via"}
                and nxt[1].lower_ in _CALL_WORDS
            )
            return "spoke" if ok else None
        return label
    if tok.lower_ in EVENT_NOUNS and tok.pos_ in {"NOUN", "PROPN"}:
        return "noun"
    return None


def _signs_document(verb: Token) -> bool:
    """Is *verb* the signing or striking of a deal: "signed the accord", "a truce was agreed",
    "the declaration signed in Washington", "agreed on a ceasefire"?"""
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _SIGNED for c in verb.children):
        return True
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.lemma_.lower() in _SIGNED:
        return True
    before = verb.doc[verb.i - 1] if verb.i else verb
    if (
        verb.tag_ in ("VBD", "VBN")
        and before.lemma_.lower() in _SIGNED
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return True  # the same, parsed as a clause without a subject
    return verb.lemma_ == "agree" and any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "to", "upon")
        and any(p.dep_ == "pobj" and p.lemma_.lower() in _SIGNED for p in c.children)
        for c in verb.children
    )


def _negated(tok: Token) -> bool:
    """Is the event denied or only refused/cancelled?"""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEG_DETS) for c in tok.children):
        return True
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in _BLOCKING_HEADS


#: Heads under which an event is only wanted, offered or refused.
_INTENT_HEADS = {
    "ready",
    "willing",
    "prepared",
    "eager",
    "open",
    "want",
    "hope",
    "offer",
    "propose",
    "agree",
    "seek",
    "try",
    "refuse",
    "ask",
    "urge",
    "call",
    "demand",
    "insist",
    "plan",
    "intend",
    "push",
    "press",
    "aim",
}


def _intention_head(verb: Token) -> Token | None:
    """The word making the event's clause an intention ("ready to sign", "agreed to meet
    again"), if any."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in {"xcomp", "ccomp", "advcl", "acomp", "prep", "pcomp"}:
            return None
        cur = cur.head
        if cur.lemma_ in _INTENT_HEADS:
            return cur
    return None


class _Finder:
    def __init__(self, doc: Doc, published: date | None, tracker: ActorTracker | None) -> None:
        self.doc = doc
        self.published = published
        self.tracker = tracker if tracker is not None else ActorTracker(doc)
        self.kb = knowledge()
        self.events: list[Event] = []

    def _actors_in(self, toks: list[Token]) -> list[str]:
        """Actor ids among the tokens: entities first, then pronouns via the tracker."""
        found: list[str] = []
        covered: set[int] = set()
        for tok in toks:
            if tok.i in covered:
                continue
            if tok.ent_iob_ != "O":
                ent = ent_at(self.doc, tok.i)
                if ent is not None:
                    covered.update(range(ent.start, ent.end))
                    ref = resolve_actor(ent)
                    if ref is not None and ref.id not in found:
                        found.append(ref.id)
                    continue
            if tok.pos_ == "PRON" or tok.lower_ in {"rebels", "group"}:
                ref = self.tracker.resolve(self.doc[tok.i : tok.i + 1])
                if ref is not None and ref.id not in found:
                    found.append(ref.id)
        return found

    def _subtree(self, tok: Token) -> list[Token]:
        return list(tok.subtree)

    def _participants(self, trig: Token, verb: Token) -> list[str]:
        toks: list[Token] = []
        heads = [trig] if verb.i == trig.i else [trig, verb]
        for head in heads:
            for c in head.children:
                if (
                    c.dep_ in {"nsubj", "nsubjpass", "dobj"}
                    and c.i != trig.i
                    or c.dep_ == "prep"
                    and c.lower_ in _PARTICIPANT_PREPS
                    or head.i == trig.i
                    and c.dep_ in {"compound", "amod", "poss", "nmod"}
                ):
                    toks += self._subtree(c)
        if verb.dep_ in {"xcomp", "conj"} and not any(t.dep_ == "nsubj" for t in verb.children):
            # "are due to meet", "were expected to hold talks": the subject sits higher up
            up = verb.head
            for _ in range(3):
                subj = next((c for c in up.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None:
                    toks += self._subtree(subj)
                    break
                if up.dep_ not in {"xcomp", "acomp", "conj"} or up.head.i == up.i:
                    break
                up = up.head
        return self._actors_in(sorted(set(toks), key=lambda t: t.i))

    def _place_ent(self, prep: Token) -> str | None:
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            ent = ent_at(self.doc, pobj.i)
            if ent is None:
                continue
            # "at the White House", "in Brussels": buildings and capitals standing for actors
            if ent.label_ in {"GPE", "LOC", "FAC"} or (
                ent.label_ == "ORG" and ent.ent_id_ in self.kb.places
            ):
                return ent.text
            if ent.label_ == "ORG" and ent.text.lower() in self.kb.capital_names:
                return ent.text
        return None

    def _place(self, trig: Token, verb: Token) -> str | None:
        if trig.lemma_ == "visit":  # "visited Washington"
            for c in trig.children:
                ent = ent_at(self.doc, c.i) if c.dep_ == "dobj" else None
                if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"}:
                    return ent.text
        heads = [trig, verb, *[c for c in verb.children if c.dep_ in {"dobj", "attr"}]]
        for head in heads:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                    place = self._place_ent(c)
                    if place is not None:
                        return place
        return None

    def _dated_at(self, head: Token, sent: Span) -> bool:
        """Does a past time expression of the sentence modify *head*?"""
        return any(
            (gov := governing_verb(expr)) is not None
            and gov.i == head.i
            and not expression_is_future(expr)
            for expr in find_time_expressions(sent)
        )

    def _date(
        self, trig: Token, verb: Token, sent: Span
    ) -> tuple[date | None, str | None, bool, list[tuple[date, str]]]:
        """The event's own date, else (for a past event) the first date of the sentence,
        else the publication date; a future event without its own date stays undated.
        The flag tells whether the date was the event's own; the list holds its further own
        days ("met on Tuesday and Wednesday")."""
        future = verb_is_future(verb)
        anchors = {trig.i, verb.i}
        attached: list[Span] = []
        others: list[Span] = []
        for expr in find_time_expressions(sent):
            gov = governing_verb(expr)
            tok, steps = expr.root, 0
            while tok.head.i != tok.i and tok.i not in anchors and steps < 5:
                tok, steps = tok.head, steps + 1
            own = tok.i in anchors and (gov is None or gov.i in anchors or gov.i == trig.head.i)
            (attached if own else others).append(expr)
        for n, expr in enumerate(attached):
            resolved = resolve_date(
                expr.text, self.published, expression_is_future(expr), weeks=True
            )
            if resolved is not None:
                # "met on Tuesday and Wednesday": one event a day
                more: list[tuple[date, str]] = []
                for other in attached[n + 1 :]:
                    day = resolve_date(
                        other.text, self.published, expression_is_future(other), weeks=True
                    )
                    if day is not None and day != resolved:
                        more.append((day, other.text))
                return resolved, expr.text, True, more
        if future:
            return None, attached[0].text if attached else None, bool(attached), []
        for expr in others:
            resolved = resolve_date(
                expr.text, self.published, expression_is_future(expr), weeks=True
            )
            if resolved is not None:
                return resolved, expr.text, False, []
        return self.published, None, False, []

    def add(self, trig: Token, kind: str) -> None:
        if _negated(trig):
            return
        verb = trig if trig.pos_ in {"VERB", "AUX"} else trig.head
        climb = (
            {"prep", "pobj", "compound"} if verb is trig else {"prep", "pobj", "compound", "conj"}
        )
        while verb.dep_ in climb and verb.head.i != verb.i:
            verb = verb.head  # "a round of talks": climb to the clause (a verb keeps its own)
        sent = trig.sent
        participants = self._participants(trig, verb)
        place = self._place(trig, verb)
        when, when_text, own_date, more_dates = self._date(trig, verb, sent)
        head = _intention_head(verb) if trig.pos_ == "VERB" or trig.dep_ in _CORE_DEPS else None
        if not own_date and head is not None and not self._dated_at(head, sent):
            # "ready to sign", "agreed to meet again": no event yet; but "agreed on Saturday
            # to extend the negotiations" reports a round that took place that day
            return
        dated = when_text is not None
        # "told reporters after a meeting with the delegation": a meeting that took place
        around = trig.dep_ == "pobj" and trig.head.lower_ in _AROUND and verb.tag_ == "VBD"
        held = around and kind == "meeting"
        if kind in {"talks", "meeting"} and trig.pos_ != "VERB" and not (dated or place or held):
            return  # "talks have stalled": a process, not an event
        if kind == "signing" and not dated and place is None:
            return
        if not participants and not dated and place is None:
            return
        for ev in self.events:
            # one event reported twice ("the summit ... the talks there on Friday")
            if (
                when is not None
                and ev.date == when
                and (ev.place == place or not place or not ev.place)
                and (
                    ev.kind == kind
                    or not set(ev.participants).isdisjoint(participants)
                    or not participants
                    or not ev.participants
                )
            ):
                ev.participants += [p for p in participants if p not in ev.participants]
                ev.place = ev.place or place
                return
        for day, day_text in [(when, when_text), *more_dates]:
            self.events.append(
                Event(
                    kind=kind,
                    quote=sent.text.strip(),
                    start=sent.start_char,
                    end=sent.start_char + len(sent.text.rstrip()),
                    date=day,
                    date_text=day_text,
                    participants=list(participants),
                    place=place,
                )
            )


def events_in(doc: Doc, published: date | None, tracker: ActorTracker | None = None) -> list[Event]:
    """Meetings, summits, talks and calls in *doc*, in text order.

    *published* anchors relative dates; *tracker* shares speaker memory with stance
    extraction so pronoun participants ("he met Trump") resolve.
    """
    finder = _Finder(doc, published, tracker)
    done_sents: set[tuple[int, str, int]] = set()
    for i in token_hits(doc, lemmas=_TRIGGER_LEMMAS, lowers=_TRIGGER_NOUNS):
        trig = doc[i]
        label = _label(trig)
        if label is None:
            continue
        if label == "meet":
            kind = "meeting"
        elif label == "invite":
            # "invite the negotiators back to Brussels": an invitation to a meeting
            if not any(
                c.dep_ in {"prep", "advmod"} and c.lower_ in {"to", "back"} for c in trig.children
            ):
                continue
            kind = "meeting"
        elif label == "receive":
            # "received a Hamas delegation", "hosted Zelensky in Ankara"
            objs = [c for c in trig.children if c.dep_ == "dobj"]
            if not objs or not any(
                o.lemma_ in _GUESTS or o.ent_type_ in {"PERSON", "NORP", "GPE", "ORG"} for o in objs
            ):
                continue
            kind = "meeting"
        elif label == "visit":
            kind = "visit"
        elif label == "adopt":
            # a council adopting a resolution meets to vote
            if not any(
                c.dep_ in {"dobj", "nsubjpass"} and c.lemma_ in _ADOPTED for c in trig.children
            ) and not (trig.dep_ in {"acl", "relcl"} and trig.head.lemma_ in _ADOPTED):
                continue  # (also "the resolution, adopted late on Monday, …")
            kind = "meeting"
        elif label == "sign":
            if not _signs_document(trig):
                continue
            kind = "signing"
        elif label == "spoke":
            kind = "call"
        elif label == "brief":
            # "presented the Security Council with a roadmap", "addressed the General Assembly"
            if not any(
                c.dep_ in {"dobj", "dative"} and c.lemma_.lower() in _SITTING_BODIES
                for c in trig.children
            ):
                continue
            kind = "meeting"
        else:
            kind = EVENT_NOUNS[trig.lower_]
            if trig.lower_ == "round" and not any(
                c.lower_ == "of" and any(g.lower_ in {"talks", "negotiations"} for g in c.children)
                for c in trig.children
            ):
                continue
            if trig.lower_ == "phone" and trig.head.lower_ in EVENT_NOUNS:
                continue  # "phone call": the head noun triggers
        # one event per sentence and kind, but each verb its own ("commanders would meet on
        # Tuesday and the committee would convene on August 4"); same-day ones merge in add()
        sent_key = (trig.sent.start, kind, trig.i if trig.pos_ == "VERB" else -1)
        if sent_key in done_sents:
            continue
        done_sents.add(sent_key)
        finder.add(trig, kind)
    finder.events.sort(key=lambda e: e.start)
    return finder.events
