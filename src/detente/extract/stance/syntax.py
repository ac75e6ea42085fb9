"""Dependency-tree helpers of the stance stages (no state, no lexicon lookups of their own beyond the shared word lists)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from detente.extract import attribution as attr
from detente.extract.lexicon import (
    word_list,
)
from detente.extract.stance.lexis import (
    _ADDRESSEES,
    _BENEFICIARIES,
    _CONTENT_PREPS,
    _COOP_PROCESS,
    _DEAL_OBJECTS,
    _EXIT_VERBS,
    _GROUP_NOUNS,
    _GROUP_SUBJECTS,
    _INSTITUTIONS,
    _MODALS,
    _NUMBERS,
    _PLAN_NOUNS,
    _PRONOUNS,
    _SIDE_NOUNS,
    _STATE_NOUNS,
    _TALKS,
    _TERM_NOUNS,
    _TROOPS,
    _VERB_COMPLEMENTS,
)
from detente.extract.stance.model import (
    _Actor,
)
from detente.extract.stance.stakes import calendar_year


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


def _denying_verbs(tok: Token, denial_verbs: frozenset[str] | set[str]) -> list[Token]:
    """Denial verbs among the near heads of *tok* ("The Kremlin denied a report that … wanted"),
    nearest first."""
    out = []
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in denial_verbs:
            out.append(cur)
    return out


_STATE_OFFICES = word_list("state_offices")
#: Modifiers that set one level of government against another.
_SUBSTATE_WORDS = frozenset({"federal", "regional", "provincial", "local", "central", "state"})


def unowned_office(head: Token, kb: Any) -> bool:
    """A state office named with no state of its own: "the Ministry of National Defence",
    "the Minister of Foreign Affairs" (not "Mali's ministry", "the Malian minister" or "the
    minister of Mali"); in agency copy it is the state the report is about."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    ent = attr.entity_of(head)
    if ent is not None:
        lo, hi = min(lo, ent.start), max(hi, ent.end)
    span = head.doc[lo:hi]
    if not any(t.lemma_.lower() in _STATE_OFFICES or t.lower_ == "minister" for t in span):
        return False
    if any(t.tag_ == "PRP$" or t.lower_ in _SUBSTATE_WORDS for t in span):
        return False  # "its spokeswoman", "the federal Prime Minister": someone's in particular
    # the office's own name ("Ministry of Foreign Affairs", an ORG) does not name its state
    return not any(t.ent_type_ in ("GPE", "NORP") or t.lower_ in kb.actor_forms for t in span)


def _is_state(actor_id: str) -> bool:
    """States have ISO alpha-3 ids (upper case); bodies and groups have lowercase slugs."""
    return len(actor_id) == 3 and actor_id.isupper()


def _verb_content(c: Token, cls: str) -> bool:
    """Is child *c* of a stance verb part of what the stance is about?"""
    if c.dep_ in _VERB_COMPLEMENTS or c.dep_ == "nsubjpass":
        return True
    if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if (
            c.lower_ == "for"
            and objs
            and all(g.lemma_.lower() in _BENEFICIARIES for g in objs)
            and any(s.dep_ == "dobj" for s in c.head.children)
        ):
            return False  # "offered an amnesty for former fighters": who it is for
        # "agreed on Friday" is a date, "agreed on a swap" a content.
        return not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
    if c.dep_ == "prep" and c.lower_ == "in" and c.head.lemma_.lower() in _IN_VERBS:
        return True  # "would participate in the talks": what is joined, not where
    return c.dep_ == "prt" and c.lower_ == "for"


#: Verbs whose "in" object is what they commit to ("participate in", "engage in", "invest in").
_IN_VERBS = frozenset({"participate", "engage", "invest", "join", "enlist", "partake"})


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
    if cur.tag_ in ("VBD", "VBN") and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(calendar_year(p) for p in c.children)
        for c in cur.children
    ):
        return True  # "a claim the court turned down in 2018": a past episode, told as history
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
_RAISING = word_list("raising_verbs")


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
        _is_talks(p) or p.lemma_.lower() in _EXITED_TEXTS
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out", "of")
        for p in [*c.children, *(g for d in c.children for g in d.children)]
        if p.dep_ == "pobj"
    )


#: Texts one can withdraw from as from talks ("pulled out of the grain deal").
_EXITED_TEXTS = frozenset(
    {"deal", "agreement", "accord", "accords", "treaty", "pact", "initiative", "framework", "truce"}
)


def _is_talks(tok: Token) -> bool:
    """ "the talks", "its mediation role", "the peace process": the negotiation itself."""
    return tok.lemma_.lower() in _TALKS or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TALKS for c in tok.children
    )


def _open_quote(doc: Doc, lo: int, hi: int) -> bool:
    count = sum(1 for t in doc[lo : hi + 1] if t.text in ('"', "“", "”"))
    return count % 2 == 1


def _count_of(tok: Token) -> int:
    """The number in "the three governments" (0 when there is none)."""
    for c in tok.children:
        if c.dep_ == "nummod":
            if c.lower_ in _NUMBERS:
                return _NUMBERS[c.lower_]
            if c.text.isdigit():
                return int(c.text)
    return 0


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
    # "the states known as the Quad - the US, Saudi Arabia and Egypt -": the named list
    named = [a for c in tok.children if c.lemma_ in ("know", "call") for a in c.subtree]
    stack += [a for a in named if a.dep_ in ("appos", "conj") and a.ent_type_ == "GPE"][:1]
    while stack:
        t = stack.pop(0)
        if t.dep_ == "appos" and not (t.ent_type_ and (tok.ent_type_ or t.conjuncts)):
            continue  # "the president, Putin" is one person; "the powers, A, B and C" a list
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


#: *tok* and the items coordinated with it, in breadth-first order.
_conjuncts = attr.conjuncts


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


def _plan_of_terms(tok: Token) -> Token | None:
    """The plan whose terms *tok* lists: "the main points of the proposal", "the plan's key
    elements"; None for any other noun."""
    if tok.lemma_.lower() not in _TERM_NOUNS:
        return None
    for c in tok.children:
        owners = [c] if c.dep_ == "poss" else []
        if c.dep_ == "prep" and c.lower_ == "of":
            owners = [p for p in c.children if p.dep_ == "pobj"]
        for o in owners:
            if o.pos_ == "NOUN" and o.lemma_.lower() in _PLAN_NOUNS:
                return o
    return None


def _stray_subject(verb: Token) -> Token | None:
    """The subject of a second clause that the parser joined to the first one's object:
    in "Armenia would open its railways and Azerbaijan would drop its claim" "Azerbaijan" hangs
    as a conjunct of "railways", right before "would drop"; in "In Istanbul, Ukraine and Russia
    agreed …" the subject hangs as a conjunct of the fronted place."""
    fronted = _fronted_subject(verb)
    if fronted is not None:
        return fronted
    first = min([verb, *(c for c in verb.children if c.i < verb.i)], key=lambda t: t.i)
    if first.i == 0:
        return None
    prev = verb.doc[first.i - 1]
    if (
        verb.dep_ == "conj"
        and prev.dep_ == "conj"
        and prev.pos_ == "PROPN"
        and prev.head.i < prev.i
        and prev.head.head.i != verb.i
        and any(c.dep_ == "aux" for c in verb.children)
    ):
        return prev
    return None


def _fronted_subject(verb: Token) -> Token | None:
    """A subject the parser read as one more item of a fronted phrase ending in a name: the
    first name after the comma that closes "During talks in Istanbul," when the verb has no
    subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for t in prep.subtree:
            lo = t.left_edge.i
            if (
                t.dep_ == "conj"
                and lo > 0
                and t.doc[lo - 1].text == ","
                and any(
                    g.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for g in t.doc[lo : t.i + 1]
                )
                and t.head.ent_type_ in ("GPE", "LOC", "FAC")
                and t.i < verb.i
            ):
                return t
    return None


def _raised(verb: Token) -> Token | None:
    """ "Moscow is understood to favour …" parsed with the infinitive as an adverbial clause
    (or as the object of "to"): the passive reporting verb whose subject is the infinitive's."""
    head = verb.head
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        pass
    elif verb.dep_ == "pobj" and verb.pos_ == "VERB" and head.lower_ == "to":
        head = head.head
    else:
        return None
    if head.lemma_.lower() in _RAISING and any(c.dep_ == "nsubjpass" for c in head.children):
        return head
    return None


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
            active = cur.i != tok.i and not any(c.dep_ == "auxpass" for c in tok.children)
            for c in cur.children if not active else ():
                # (an active verb coordinated with a passive one shares its subject, not its
                # agent: "kidnapping was not covered by the text and urged …" is no text urging)
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p
            if cur.i != tok.i:
                # "it had not been consulted … and warned against …": the shared subject.
                return next(c for c in cur.children if c.dep_ == "nsubjpass")
            if tok.lemma_.lower() in _URGING and tok.dep_ == "ccomp":
                # "Tokyo was called upon to renounce its claims, the ministry said": the
                # speaker makes the appeal
                return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            return None
        if subj is not None and subj.dep_ != "expl":
            if subj.tag_ in ("WP", "WDT") and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ == "relcl":
            return cur.head
        if _after_aside(cur):
            # "The Kuomintang, whose chair favours closer ties, called on …", "Britain and
            # France, whose advisers joined the round, have pushed back on …": the parser
            # hangs the main verb on the relative clause or its noun
            return cur.head if cur.dep_ == "acl" else cur.head.head
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
        if _speaker_goes_on(cur):
            # "the EAC says the closure breaches the protocol and wants the crossings
            # reopened": the parser joined the second verb to the reported clause, whose
            # subject is a thing; the speaker goes on in the same tense
            cur = cur.head.head
            continue
        if cur.dep_ == "pcomp" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "had met its obligations by agreeing to …"
            continue
        if (
            cur.dep_ == "acl"
            and cur.tag_ == "VBG"
            and cur.head.lemma_.lower() in _ISSUED
            and cur.head.dep_ == "dobj"
        ):
            cur = cur.head.head  # "issued a statement urging …": whoever issued it
            continue
        stray = _stray_subject(cur)
        if stray is not None:
            return stray
        raised = _raised(cur)
        if raised is not None:
            cur = raised
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


def _after_aside(verb: Token) -> bool:
    """A finite verb after a comma that closes a relative clause set off on its subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    if verb.dep_ == "acl":
        return any(c.dep_ == "relcl" and c.i < verb.i for c in verb.head.children)
    return verb.dep_ == "conj" and verb.head.dep_ == "relcl" and verb.head.head.i < verb.head.i


def _speaker_goes_on(verb: Token) -> bool:
    """A verb coordinated with a reported clause that continues the reporting verb: same
    tense as the reporting verb, and the reported clause's subject a thing, not a party."""
    first = verb.head
    if verb.dep_ != "conj" or first.dep_ != "ccomp" or verb.tag_ != first.head.tag_:
        return False
    if verb.tag_ not in ("VBZ", "VBD", "VBP"):
        return False
    subj = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.pos_ == "NOUN"
        and not subj.ent_type_
        and not _party_word(subj)
        and any(c.dep_ == "nsubj" for c in first.head.children)
    )


#: Appeals whose passive, reported without an agent, is the reporter's ("X was urged to …").
_URGING = frozenset({"urge", "call", "ask", "press", "exhort", "request"})
#: Texts a side issues whose participle speaks for it ("adopted a resolution calling for …").
_ISSUED = frozenset(
    {"statement", "communique", "communiqué", "declaration", "letter", "note", "resolution"}
)
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


#: Modals that make a clause after "insisted/stressed that" a demand ("… that talks must resume").
_DEONTIC = frozenset({"must", "should", "shall", "ought", "need"})
#: Main verbs of obligation in the that-clause ("… that Cyprus needs two states").
_OBLIGING = frozenset({"need", "require", "have", "deserve"})
#: Modals that make a clause after "warned that" a threat or a demand ("… would be met with force").
_CONSEQUENCE = frozenset({"would", "will", "could", "might", "'ll", "wo"})


def states_a_fact(verb: Token) -> bool:
    """Does a dual-use verb ("insisted", "stressed", "warned") only report a statement of fact
    ("insisted the ceasefire was holding", "stressed that the talks had been constructive")?
    Its that-clause then holds no stance.  A subjunctive ("insisted that Russia withdraw"), an
    obligation ("stressed that Armenia must change …", "has to"), an infinitive or, after
    "warn", a consequence ("would be met with force") keeps it a stance."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps or any(c.dep_ in ("prep", "xcomp", "dobj") for c in verb.children):
        return False
    modals = _DEONTIC | (_CONSEQUENCE if verb.lemma_.lower() == "warn" else frozenset())
    for comp in comps:
        auxes = [c for c in comp.children if c.dep_ in ("aux", "auxpass")]
        if not auxes and comp.tag_ in ("VB", "VBP"):
            # subjunctive: "insisted that Kyiv withdraw", "… that sanctions stay in place"
            return False
        if any(a.lower_ == "be" for a in auxes) or comp.lemma_.lower() in _OBLIGING:
            # "… that the municipalities be given autonomy", "… that Cyprus needs two states"
            return False
        if any(a.lower_ in modals for a in auxes) or any(
            c.dep_ == "xcomp" and c.lower_ != comp.lower_ for c in comp.children
        ):
            return False  # "must change", "has to leave", "needs to go"
        if comp.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG") and comp.pos_ != "AUX":
            return False
    return True


def _said_advcl(verb: Token, lex: Any) -> bool:
    """A clause the parser hung as an adverbial under a reporting verb although it is what was
    said ("said on Monday it was pulling out of the talks"): it has its own subject and no
    subordinating word."""
    return (
        verb.dep_ == "advcl"
        and verb.head.lemma_.lower() in lex.reporting
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)
    )


def particles(verb: Token) -> set[str]:
    """The particles and prepositions on *verb* ("call for", "insist on"), including a "for"
    that opens the clause after it, as the parser reads "called for Dbeibah to step down"."""
    kids = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.dep_ == "mark" and nxt.head.head.i == verb.i:
        kids.add(nxt.lower_)
    return kids
