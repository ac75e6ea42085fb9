"""Stage 3, content units: the complement of a trigger split into conjuncts."""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import (
    StanceLexicon,
    taxonomy,
    word_list,
)
from detente.extract.stance.inline import list_items
from detente.extract.stance.lexis import (
    _ADDRESSEES,
    _AS_ROLE_STEPS,
    _AS_ROLE_VERBS,
    _AS_VERBS,
    _CONTENT_PREPS,
    _DISPOSITION_NOUNS,
    _GENERIC_DEALS,
    _INSTITUTIONS,
    _PARTICLES,
    _PARTY_NOUNS,
    _PLACEHOLDERS,
    _PLAN_NOUNS,
)
from detente.extract.stance.model import (
    Trigger,
    _Unit,
)
from detente.extract.stance.state import (
    _DocState,
)
from detente.extract.stance.syntax import (
    _conjuncts,
    _own_subtree,
    _party_word,
    _verb_content,
)

#: Prepositions of a stance noun's complement that the parser may hang on the verb.
_MISHUNG_PREPS = frozenset({"to", "toward", "towards", "against"})


#: Prepositions that put a demand's object somewhere ("wants Sweden inside NATO").
_WHEREABOUTS = frozenset({"inside", "in", "into", "out", "outside", "within"})


class ContentStage:
    """Cut a trigger's complement into content units."""

    lex: StanceLexicon

    # -- complements ----------------------------------------------------------------------

    def _noun_complements(self, tok: Token) -> list[Token]:
        out = []
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                # "a plan presented by X": the presenter, not the content
                continue
            if c.dep_ == "prep" and c.lower_ == "of" and _holder_of(tok, c):
                continue  # "the readiness of the regional government to …": who, not what
            if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS or c.dep_ in ("acl", "ccomp"):
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "in" and tok.lemma_.lower() == "interest":
                out.append(c)  # "has shown interest in the hotline": what it is interested in
            elif c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children
            ):
                out.append(c)  # "its call for Russia to leave Abkhazia"
        if not out and tok.dep_ == "dobj":
            # "gave assurances that …": the parser may hang the noun's that-clause on the verb
            out = [
                c
                for c in tok.head.children
                if c.dep_ == "ccomp"
                and c.left_edge.i == tok.right_edge.i + 1
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ]
        return out + listed_items(tok)

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
            # "should be a full ceasefire" (attr); "should not be subject to limits" (acomp +
            # subject); "is not a subject for bargaining": the subject alone, not the trading
            return [
                c
                for c in tok.children
                if c.dep_ in ("attr", "acomp", "nsubj", "csubj")
                and not (c.dep_ == "attr" and c.lemma_.lower() in _TRADED)
            ]
        if trig.cls in ("presence", "penalty"):
            return [tok]
        if trig.cls == "planverb" and tok.lemma_ == "be":
            # "the main points were a truce, the release of hostages and more aid": items the
            # parser hung elsewhere after a comma still belong to the list
            items = [c for c in tok.children if c.dep_ == "attr"]
            items += [
                t
                for t in tok.sent
                if t.i > tok.i
                and t.dep_ == "appos"
                and t.pos_ == "NOUN"
                and t.doc[t.left_edge.i - 1].text in (",", "and")
            ]
            return items
        if trig.cls == "consequence":
            # "sanctions would follow": the penalty; "any strike … would be answered": the act
            return [
                c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")
            ]
        if trig.cls == "verb" and (
            tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBZ", "VBP"))
        ):
            antecedent = _relative_object(tok)
            if antecedent is not None:
                trig.skip = {t.i for t in tok.subtree}
                return [antecedent]
        if trig.cls in ("verb", "concession", "retention", "must", "planverb"):
            has_xcomp = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
            for c in tok.children:
                if (
                    c.dep_ == "dobj"
                    and has_xcomp
                    and (c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in _ADDRESSEES)
                ):
                    continue  # "pressed Kosovo and Serbia to implement the deal": the addressee
                if (
                    _verb_content(c, trig.cls)
                    or (c.dep_ == "prep" and c.lower_ == "as" and tok.lemma_.lower() in _AS_VERBS)
                    or _role_offered(tok, c)
                ):
                    out.append(c)  # "would not accept North Korea as a nuclear-armed state"
            out.extend(  # "objects to Ukraine joining NATO": the gerund is what is objected to
                c
                for c in tok.children
                if c.dep_ == "advcl"
                and c.tag_ == "VBG"
                and not any(a.dep_ in ("mark", "nsubj") for a in c.children)
                and any(
                    p.dep_ == "prep" and p.i < c.i and p.right_edge.i + 1 == c.i
                    for p in tok.children
                )
            )
            if tok.lemma_.lower() == "take":
                # "take (no) part in the talks": what is joined is the content
                out.extend(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in")
            if trig.kind == "demand" and any(c.dep_ == "dobj" for c in tok.children):
                # "wants Sweden inside NATO", "wants foreign forces out of Libya": where the
                # object is to be is what is asked
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ in _WHEREABOUTS and c.i > tok.i
                )
            if trig.cls == "verb" and (trig.kind == "demand" or not out):
                # "called on the two neighbours to refrain from …", "had proposed in 2021 to
                # exchange …", "agreed on Monday to withdraw …": the to-infinitive after a
                # modifier is parsed as a purpose clause but is what is asked or offered
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ == "advcl"
                    and c.i > tok.i
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    and (
                        trig.kind == "demand"
                        or not any(a.dep_ in ("mark", "nsubj") for a in c.children)
                    )
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
            if trig.cls == "verb" and all(
                c.tag_ in ("WP", "WDT") or (c.dep_ == "prep" and not list(c.children)) for c in out
            ):
                # "What Beirut has wanted all along: an end to the strikes, …"
                out = _after_colon(tok) or out
        elif trig.cls == "noun":
            out.extend(self._noun_complements(tok))
            if not out and tok.dep_ == "dobj":
                # "signalled openness to a phased release": the parser hung the noun's
                # complement on the verb that voices it
                out.extend(
                    c
                    for c in tok.head.children
                    if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _MISHUNG_PREPS
                )
            if not out:
                # "would make no territorial concessions": a modifier that names the issue
                # outright is what the bare noun is about
                out.extend(
                    c
                    for c in tok.children
                    if c.dep_ == "amod" and taxonomy().words.get(c.lemma_.lower(), ("", 0))[1] >= 3
                )
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
        excluded = state.excluded | state.according_tokens(trig.token.sent) | trig.skip
        if trig.lacking:
            excluded = excluded - {t.i for root in trig.content for t in root.subtree}
        # "wants the sanctions lifted before any summit": a sequencing phrase on the content
        # is a condition (read as one), not what the stance is about
        excluded = excluded | {
            t.i
            for root in trig.content
            for c in root.children
            if (c.dep_ == "prep" and (c.lower_ in SEQUENCING or _by_date(c))) or _deal_part(c)
            for t in c.subtree
        }
        # "halt fighting around the mining town": what a place is known for names no issue
        excluded = excluded | {
            m.i
            for root in trig.content
            for t in root.subtree
            if t.lemma_.lower() in _SETTLEMENTS
            for c in t.children
            if c.dep_ in ("amod", "compound")
            and c.i < t.i
            and not any(m.lemma_.lower() in _TERRITORIAL for m in c.subtree)
            for m in c.subtree
        }
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
                or _list_item(t)
            )
        ]
        if not riders:
            return [unit]
        # Items of a list the parser nested ("recognition, the withdrawal of the police and
        # compensation for war damage": the last item hangs under "police") go first, so that
        # the item above them does not swallow them.
        riders.sort(key=lambda t: (t.dep_ != "conj", t.i))
        out: list[_Unit] = []
        taken: set[int] = set()
        for r in riders:
            if r.i in taken:
                continue
            sub = [t for t in r.subtree if t.i in ids and t.i not in taken]
            # A relative clause inside the rider ("with the ELN, which broke off talks …")
            # describes a name; it does not make the rider a stance of its own.
            rel = {x.i for t in sub if t.dep_ in ("relcl", "acl") for x in t.subtree}
            issue = self._classify(r, [t for t in sub if t.i not in rel], state, min_weight=3)
            if issue is None:
                continue
            if r.dep_ == "conj":
                # a nested conjunct is an item of its own only when it is about something else
                # than what it hangs from ("withdrawal from Donetsk and Luhansk" stays one)
                above = [t for t in r.head.subtree if t.i in ids and t.i not in {x.i for x in sub}]
                if self._classify(r.head, above, state) == issue:
                    continue
            taken.update(t.i for t in sub)
            out.append(_Unit(r, sub))
        rest = [t for t in unit.tokens if t.i not in taken]
        return [_Unit(unit.head, rest), *out]


#: Prepositions that set a content in time against another step ("lifted before any summit").
SEQUENCING = frozenset({"before", "after", "until", "till", "pending", "prior"})
#: Nouns of time after "by" ("by the deadline").
_TIME_NOUNS = frozenset({"deadline", "date", "end", "time", "weekend", "midnight"})
#: Deals that frame what is wanted in them ("to be part of the deal").
_DEAL_WORDS = _PLAN_NOUNS | _GENERIC_DEALS | {"package", "settlement"}
#: What a term is "not a … for bargaining" ("not a subject for bargaining", "not a chip"):
#: how it is refused, no issue of its own.
_TRADED = word_list("traded_things") | word_list("bargaining_chips")
#: Places whose modifiers only describe them ("the jade-mining town", "the port city").
_SETTLEMENTS = frozenset({"town", "village", "district", "hub", "township", "settlement"})
#: Modifiers that do say what a place is to the talks ("the border town of Badme").
_TERRITORIAL = frozenset({"border", "frontier", "boundary", "disputed", "contested", "occupied"})


def _role_offered(verb: Token, prep: Token) -> bool:
    """ "offered Istanbul as a venue", "proposed Oman as mediator": the role a thing is put
    forward in says what is offered (not "as a first step", not in the passive)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "as"
        and verb.lemma_.lower() in _AS_ROLE_VERBS
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(p.dep_ == "pobj" and p.lemma_.lower() in _AS_ROLE_STEPS for p in prep.children)
    )


def _by_date(prep: Token) -> bool:
    """ "dissolved by the deadline", "by the end of the year": when, not what."""
    return prep.lower_ == "by" and any(
        p.dep_ == "pobj" and (p.ent_type_ == "DATE" or p.lemma_.lower() in _TIME_NOUNS)
        for p in prep.children
    )


def _deal_part(attr: Token) -> bool:
    """ "the release of its fighters to be part of the deal": the deal only frames what is
    wanted in it (the copula's subject decides the issue)."""
    return (
        attr.dep_ == "attr"
        and attr.lemma_.lower() in ("part", "element", "component", "condition")
        and attr.head.lemma_ == "be"
        and any(c.dep_ == "nsubj" for c in attr.head.children)
        and any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(p.lemma_.lower() in _DEAL_WORDS for p in c.children)
            for c in attr.children
        )
    )


def _list_item(tok: Token) -> bool:
    """A noun the parser hung inside another item of a comma list: an apposition after a comma
    ("recognition, the withdrawal of …") or a conjunct below it ("… police and compensation")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "appos":
        return tok.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
    if tok.dep_ != "conj" or tok.head.dep_ != "pobj":
        return False
    # "talks between the Houthis and the government": parties, not items
    party = any(t.ent_type_ or t.lemma_.lower() in _PARTY_NOUNS for t in (tok, tok.head))
    return not party and tok.head.head.lower_ not in ("between", "among", "with")


def _relative_object(verb: Token) -> Token | None:
    """The antecedent a relative-clause stance verb takes as its object: "the ceasefire proposal
    that Hamas rejected", "a buffer zone, an idea the ministry dismissed"; None when the clause
    has an object of its own ("a group that rejected the truce")."""
    if any(_verb_content(c, "verb") and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None  # "a group that rejected …": the antecedent is the subject
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ == "VBD" and any(
        t.ent_type_ == "DATE" and (t.like_num and len(t.text) == 4 or t.lower_ in ("ago", "last"))
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod")
        for t in c.subtree
    ):
        return None  # "the agreement they accepted in 2023": an earlier episode
    if head.lemma_.lower() in _PLACEHOLDERS and head.dep_ == "appos":
        return head.head
    return head


def _holder_of(noun: Token, prep: Token) -> bool:
    """ "of X" after a disposition noun names its holder when X is a party: a named state or
    body, or an institution ("the government", "the authorities")."""
    if noun.lemma_.lower() not in _DISPOSITION_NOUNS:
        return False
    return any(
        p.dep_ == "pobj"
        and (
            p.ent_type_ in ("GPE", "ORG", "NORP")
            or p.lemma_.lower() in _INSTITUTIONS
            or p.lemma_.lower() in _PARTY_NOUNS
        )
        for p in prep.children
    )


#: Verbs whose object lists what a stance noun as their subject holds ("Hamas's demands
#: include a withdrawal and …").
_LISTING_VERBS = frozenset({"include", "comprise", "contain", "involve", "cover", "feature"})
#: Prepositions that open a list of the noun's items ("its demands, including …").
_LISTING_PREPS = frozenset({"including", "like"})


def listed_items(noun: Token) -> list[Token]:
    """The items a stance noun is said to contain: "demands, including X and Y", "demands such
    as X", "conditions, among them X", "the demands include X and Y".  The parser often hangs
    a trailing "including …" on the clause instead of the noun, so a list opening right after
    the noun phrase counts too."""
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ == "prep" and (
            c.lower_ in _LISTING_PREPS
            or (c.lower_ == "as" and any(a.lower_ == "such" for a in c.children))
            or (c.lower_ == "among" and any(p.lower_ == "them" for p in c.children))
        ):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    doc = noun.doc
    # "three conditions: a ceasefire, guarantees and …": the items after a colon
    colon = next(
        (t.i for t in doc[noun.i + 1 : noun.sent.end] if t.text == ":" or t.pos_ == "VERB"), -1
    )
    if colon > 0 and doc[colon].text == ":":
        out.extend(c for c in noun.children if c.dep_ == "appos" and c.i > colon)
        if noun.dep_ in ("dobj", "attr"):
            # the parser may hang the items on the verb instead ("presented its conditions: an
            # end to the war …" with "end" as the verb's adverbial)
            out.extend(
                c
                for c in noun.head.children
                if c.i > colon
                and c.dep_ in ("dobj", "npadvmod", "appos", "dep", "attr")
                and c.pos_ in ("NOUN", "PROPN")
            )
    verb = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.lemma_.lower() in _LISTING_VERBS
        and noun.lemma_.lower() not in _PLAN_NOUNS  # a plan speaking is its proponent's stance
    ):
        out.extend(c for c in verb.children if c.dep_ == "dobj")
    if not out:
        nxt = noun.right_edge.i + 1
        if nxt + 1 < len(doc) and doc[nxt].text == ",":
            nxt += 1
        if (
            nxt < len(doc)
            and doc[nxt].lower_ == "including"
            and doc[nxt].dep_ == "prep"
            and doc[nxt].sent.start == noun.sent.start
        ):
            out.extend(p for p in doc[nxt].children if p.dep_ == "pobj")
    if not out and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ":":
        # "set out their conditions: the heavy weapons handed over, …" parsed with the items
        # as a clause of their own: the phrases after the colon
        out.extend(item.root for item in list_items(doc, doc[noun.i + 1]))
    return out


def lists_items(noun: Token) -> bool:
    """A demand or offer noun (not a plan or deal) whose items are listed ("outlined three
    conditions: a truce, …"): a stance of its own even inside another trigger's complement."""
    return noun.lemma_.lower() not in _PLAN_NOUNS and bool(listed_items(noun))


def _after_colon(verb: Token) -> list[Token]:
    """The nouns a stance verb with no object of its own announces after a colon ("What Beirut
    has wanted all along: an end to the strikes, the withdrawal …")."""
    colon = next((c for c in verb.children if c.text == ":" and c.i > verb.i), None)
    if colon is None:
        return []
    return [
        c
        for c in verb.children
        if c.i > colon.i
        and c.pos_ in ("NOUN", "PROPN")
        and c.dep_ in ("npadvmod", "appos", "dep", "attr", "dobj", "oprd")
    ][:1]
