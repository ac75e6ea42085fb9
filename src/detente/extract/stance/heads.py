"""Issue cues read through the phrase structure: which words of a complement may vote, and what
a word says given its own dependents (sovereignty over a place, a verb used only as an aspect,
a demonstrative that points back to an earlier mention, a place that is only a target)."""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.lexicon import word_list
from detente.extract.stance.backref import possessor_antecedent

#: Verbs that only mark aspect when a gerund follows ("keep talking", "continue shelling"): the
#: gerund names the matter, the verb's own cue ("keep" as holding land) does not apply.
_ASPECTUAL = frozenset({"keep", "continue", "go", "carry", "remain", "start", "begin", "stop"})
#: Nouns of rule over something: over a place (or of a place) they are about the land itself.
_RULE_NOUNS = frozenset({"sovereignty", "jurisdiction", "ownership", "possession", "claim"})
#: Words that make the thing ruled over a piece of land or sea whatever its name.
_LANDISH = frozenset(
    {
        "island",
        "islands",
        "iles",
        "islas",
        "ilhas",
        "isle",
        "islet",
        "islets",
        "reef",
        "shoal",
        "atoll",
        "waters",
        "territory",
        "territories",
        "land",
        "rock",
        "region",
        "area",
        "areas",
        "peninsula",
        "enclave",
        "temple",
        "temples",
        "village",
        "villages",
        "district",
        "province",
        "strait",
        "sea",
        "river",
        "lake",
        "bay",
        "field",
        "fields",
        "zone",
        "seabed",
        "shelf",
    }
)
_LANDISH_MODS = frozenset({"disputed", "occupied", "contested", "annexed"})
#: Prepositions whose object is the target or partner of an action, not what is claimed
#: ("pressure against Taiwan", "talks with Kosovo").
_TARGET_PREPS = frozenset({"against", "with", "toward", "towards"})
#: Demonstratives that point back to something already named ("those sales", "these curbs").
_DEMONSTRATIVES = frozenset({"those", "these", "such", "this", "that"})
#: How far back (characters) a demonstrative may reach for the mention it repeats.
_DEMONSTRATIVE_REACH = 1500
#: Nouns of means whose purpose clause says what they are for ("measures to defend its border").
_MEANS_NOUNS = frozenset({"measure", "step", "action", "precaution", "countermeasure"})
#: Purposes that make a means defensive: the thing defended names the issue.
_DEFENDING = frozenset({"defend", "protect", "safeguard", "secure", "guard", "preserve"})


def aspectual(tok: Token) -> bool:
    """Is *tok* a verb of aspect before a gerund ("keep talking", "continue fighting")?"""
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.lemma_.lower() in _ASPECTUAL
        and any(c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" for c in tok.children)
    )


def _is_land(tok: Token) -> bool:
    return (
        tok.ent_type_ in ("GPE", "LOC", "FAC")
        or tok.lemma_.lower() in _LANDISH
        or tok.lower_ in _LANDISH
        or any(c.dep_ == "amod" and c.lower_ in _LANDISH_MODS for c in tok.children)
        # "the Iles Eparses", "the Islas Malvinas": a name headed by its land word
        or any(c.dep_ == "compound" and c.lower_ in _LANDISH for c in tok.children)
    )


#: Verbs that move or hold land: their place object is the land at stake.
_LAND_VERBS = word_list("land_verbs")


def unlisted_place(tok: Token) -> bool:
    """A place below the state that the cue lists do not name, moved or held ("will not leave
    Yenga", "withdraw from Juan de Nova"): a location entity the gazetteer leaves unresolved or
    places inside a state, as the object of a verb of land."""
    if tok.ent_type_ not in ("GPE", "LOC", "FAC") or tok.pos_ != "PROPN":
        return False
    if tok.ent_id_ and "-" not in tok.ent_id_:
        return False  # a state: its own issues are decided elsewhere
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "of") else tok.head
    return tok.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _LAND_VERBS


def ruled_matter(tok: Token, handover: frozenset[str]) -> str | None:
    """The issue a word of rule decides whatever the cues: "territory" for rule over land or
    land handed over ("sovereignty over the islands", "the islands returned"), "recognition"
    for the status of a named polity ("the status of Kosovo", "Kosovo is a province of Serbia,
    and its status …"); None otherwise."""
    if rule_over_land(tok, handover) or land_handed(tok):
        return "territory"
    if tok.lemma_.lower() != "status" or any(c.lower_ == "as" for c in tok.children):
        return None  # "its status as a nuclear state": what it is recognised as decides
    owners = _status_owners(tok)
    # "Belgrade says Kosovo is …, and its status …": the reported clause's subject too
    owners += [
        s
        for c in tok.children
        if (ante := possessor_antecedent(c)) is not None
        for v in ante.head.children
        if v.dep_ == "ccomp"
        for s in v.children
        if s.dep_ == "nsubj"
    ]
    # a polity the gazetteer lists as a country ("Kosovo", "Taiwan"), not a town or a region
    # ("the status of Uvira" is the land's)
    polity = any(
        o.ent_type_ in ("GPE", "ORG") and len(o.ent_id_) == 3 and o.ent_id_.isupper()
        for o in owners
    )
    return "recognition" if polity else None


def _status_owners(status: Token) -> list[Token]:
    """Whose *status* it is: its possessor or "of" object, and what a possessive of a
    coordinated clause points back to ("the islands are …, and their status …")."""
    owners = [
        p
        for c in status.children
        for p in ([c] if c.dep_ == "poss" else c.children if c.lower_ == "of" else [])
        if p.dep_ in ("poss", "pobj")
    ]
    return owners + [a for c in status.children if (a := possessor_antecedent(c)) is not None]


def rule_over_land(tok: Token, handover: frozenset[str] = frozenset()) -> bool:
    """Is *tok* sovereignty (jurisdiction, ownership) over a place ("sovereignty of the Russian
    Federation over the Kuril Islands", "ownership of the disputed temples", "the islands'
    sovereignty"), or one of the *handover* nouns of a place ("the return of the islands")?
    Such rule or transfer is a territorial matter, not one of recognition or of captives."""
    lemma = tok.lemma_.lower()
    if lemma == "status":
        # "the status of the Rock", "the islands' status", "… are Japanese land, and their
        # status must be resolved" (a named state's status is recognition: "the status of
        # Kosovo")
        return any(_is_land(o) and not o.ent_type_ for o in _status_owners(tok))
    rule = lemma in _RULE_NOUNS
    if not rule and (lemma not in handover or tok.pos_ != "NOUN"):
        return False
    for c in tok.children:
        if rule and c.dep_ == "poss" and _is_land(c):
            return True
        if rule and c.dep_ == "amod" and c.ent_type_ == "NORP":
            return True  # "the Iranian claims", "Moroccan sovereignty": a people's title
        if c.dep_ == "prep" and c.lower_ in ("over", "of", "to"):
            # "sovereignty over the islands", "the return of the islands", "its claim to the
            # Essequibo" (a claim "to" land only: "a claim to the presidency" is none)
            for p in c.children:
                if p.dep_ == "pobj" and (
                    (rule and c.lower_ == "over") or (_is_land(p) and (c.lower_ != "to" or rule))
                ):
                    return True
    return False


#: Verbs of handing land over or back ("wants the islands returned", "to cede the district").
_HANDING_VERBS = frozenset({"return", "hand", "cede", "transfer", "give"})


def land_handed(tok: Token) -> bool:
    """Is *tok* a verb of handing over whose land is what changes hands ("wants the four
    islands returned", "demanded that the islets be returned", "to hand back the district")?
    A return of land is territorial, not the return of people."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _HANDING_VERBS:
        return False
    moved = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "oprd", "xcomp"):
        moved += [c for c in tok.children if c.dep_ == "nsubj"]  # "wants X returned"
    return any(_is_land(m) for m in moved)


#: Nouns of forces or their presence, whose "on the territory of X" only says where.
_PRESENCE_NOUNS = frozenset(
    {
        "appearance",
        "presence",
        "deployment",
        "stationing",
        "contingent",
        "contingents",
        "troops",
        "forces",
        "bases",
        "base",
        "units",
        "soldiers",
        "peacekeepers",
    }
)


def where_forces_are(tok: Token) -> bool:
    """Is *tok* "territory" in "the presence on the territory of Ukraine of NATO contingents",
    where the place only locates the forces the stance is about?"""
    if tok.lemma_.lower() not in ("territory", "soil") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in ("on", "in", "onto") and prep.head.lemma_.lower() in _PRESENCE_NOUNS


_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary"})
_LOCATING_PREPS = frozenset({"along", "near", "at", "on", "by", "across", "from", "to"})
_POSTURES = word_list("border_postures")


def where_forces_stand(tok: Token) -> bool:
    """Is *tok* the "border" of "relocate fighters away from the border", "drills near the
    border", "its measures along the border": a place that only locates forces or their
    posture, which the stance is about?"""
    if tok.lemma_.lower() not in _BORDER_NOUNS or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ not in _LOCATING_PREPS:
        return False
    owner = prep.head
    if owner.lower_ in ("away", "back", "close") and owner.head.i != owner.i:
        owner = owner.head  # "away from the border", "back from the frontier"
    while owner.dep_ == "conj" and owner.head.i != owner.i:
        owner = owner.head  # "fighters and their families away from the border"
    if owner.lemma_.lower() in _POSTURES or owner.lower_ in _POSTURES:
        return True
    # "scale back its defensive measures along the border": the verb's object is the posture;
    # "a suspension of exercises near the border": the noun's
    return any(
        (c.dep_ == "dobj" and owner.pos_ == "VERB" and c.lemma_.lower() in _POSTURES)
        or (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(p.dep_ == "pobj" and p.lemma_.lower() in _POSTURES for p in c.children)
        )
        for c in owner.children
    )


def moves_forces_from_border(tok: Token) -> bool:
    """Is *tok* a verb that moves forces from or along a border ("withdraw its troops from
    the border", "pull back from the frontier")? Then it is their posture, not land, that moves."""
    return tok.pos_ == "VERB" and any(
        where_forces_stand(p)
        for c in tok.children
        if c.dep_ in ("prep", "advmod", "prt")
        for q in (c, *c.children)
        for p in q.children
        if p.dep_ == "pobj"
    )


def border_posture(tok: Token) -> bool:
    """A border that only locates forces, or a verb moving forces from one: their posture,
    not the land, is at stake."""
    return where_forces_stand(tok) or moves_forces_from_border(tok)


def target_place(tok: Token, head: Token) -> bool:
    """Is *tok* (a place name) only the target or partner of the phrase headed by *head*: the
    object of "against"/"with" below it ("military pressure against Taiwan", "a deal with
    Kosovo")? A place named so is where the action points, not the land at stake."""
    if tok.ent_type_ not in ("GPE", "LOC", "NORP"):
        return False
    cur = tok
    for _ in range(4):
        if cur.i == head.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in _TARGET_PREPS:
            return cur.head.head.i != head.i or head.pos_ == "NOUN"
        cur = cur.head
    return False


def antecedent_modifiers(tok: Token) -> list[Token]:
    """For a noun with a demonstrative ("those sales", "these curbs") and no modifier of its
    own, the compound and adjective modifiers of the latest earlier mention of the same noun
    ("arms sales", "export curbs"): the words that said what it is."""
    if tok.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in tok.children
    ):
        return []
    if any(c.dep_ in ("compound", "amod") for c in tok.children):
        return []
    lemma = tok.lemma_.lower()
    doc = tok.doc
    floor = tok.idx - _DEMONSTRATIVE_REACH
    for j in range(tok.i - 1, -1, -1):
        prev = doc[j]
        if prev.idx < floor:
            break
        if prev.pos_ == "NOUN" and prev.lemma_.lower() == lemma:
            mods = [
                t
                for c in prev.children
                if c.dep_ in ("compound", "amod")
                for t in c.subtree
                if not t.is_punct
            ]
            if mods:
                return mods
    return []


def defensive_purpose(noun: Token) -> list[Token]:
    """Words of what a means noun is taken to defend ("the measures it had taken to defend its
    border", "all necessary steps to safeguard its sovereignty"): the object of the purpose
    clause; empty when the noun has no such clause."""
    if noun.lemma_.lower() not in _MEANS_NOUNS:
        return []
    stack = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    while stack:
        v = stack.pop()
        if v.pos_ == "VERB" and v.lemma_.lower() in _DEFENDING:
            return [t for c in v.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
        stack.extend(c for c in v.children if c.dep_ in ("xcomp", "advcl", "acl", "ccomp"))
    return []


#: Head nouns of a possessor that is a holder ("the cabinet's offer", "the rebels' plan").
_HOLDER_NOUNS = frozenset(
    {
        "government",
        "cabinet",
        "ministry",
        "minister",
        "president",
        "administration",
        "side",
        "authorities",
        "leadership",
        "council",
        "parliament",
        "delegation",
        "rebels",
        "group",
        "movement",
        "army",
        "military",
        "office",
        "leader",
        "regime",
    }
)


def owner_ids(head: Token, toks: list[Token]) -> set[int]:
    """Indices of the words of possessors among *toks* that name a holder rather than a thing
    ("the federal cabinet's offer", "the KMT's support", "Kigali's position"): a person,
    organisation or people, a pronoun, or a noun for a government or a party to talks. A
    possessor that is a place ("Crimea's status") is kept: it may be what is at stake."""
    ids = {t.i for t in toks}
    out: set[int] = set()
    for t in toks:
        if t.dep_ != "poss" or (t.head.i not in ids and t.head.i != head.i):
            continue
        holder = (
            t.pos_ == "PRON"
            or t.ent_type_ in ("PERSON", "ORG", "NORP")
            or t.lemma_.lower() in _HOLDER_NOUNS
        )
        if holder:
            out.update(x.i for x in t.subtree if x.i in ids)
    return out


#: Verbs of naming in a free relative ("what he described as the isolation of the north").
_NAMING = frozenset({"describe", "call", "term", "brand", "dub", "label", "characterise"})


def named_as(toks: list[Token]) -> list[Token]:
    """The words a free relative of naming gives to its "what" ("end what he described as the
    isolation of the north", "stop what Kyiv called a campaign of terror"): the thing named,
    which is the content, taken from the sentence even when the attribution was cut away."""
    for t in toks:
        if t.lemma_.lower() not in _NAMING or t.pos_ != "VERB":
            continue
        if not any(c.lower_ == "what" for c in t.children):
            continue
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return [x for x in c.subtree if x.i != c.i]
            if c.dep_ in ("oprd", "xcomp", "dobj") and c.lower_ != "what":
                return list(c.subtree)  # "what Kyiv called a campaign of terror"
    return []


#: Verbs of leaving a body one belongs to.
_LEAVING = frozenset({"leave", "quit", "exit", "withdraw", "pull", "secede"})
#: Nouns of bodies one can be a member or party of ("withdraw from the court", "quit the bloc").
_BODIES = frozenset(
    {
        "alliance",
        "bloc",
        "union",
        "organisation",
        "organization",
        "court",
        "community",
        "commonwealth",
        "council",
        "league",
        "treaty",
        "convention",
        "statute",
        "pact",
        "group",
        "forum",
        "federation",
        "confederation",
        "partnership",
    }
)


#: Verbs of pulling something back: territorial when forces or land are pulled back.
_PULLING = frozenset({"withdraw", "pull", "remove"})
#: What a withdrawal is territorial for: forces, and the men and arms of a force.
_PULLED_FORCES = frozenset(
    {
        "army",
        "base",
        "bases",
        "contingent",
        "force",
        "forces",
        "soldier",
        "soldiers",
        "troop",
        "troops",
        "unit",
        "units",
        "fighter",
        "fighters",
        "police",
        "militia",
        "militias",
        "personnel",
        "weapon",
        "weapons",
        "artillery",
        "tank",
        "tanks",
        "settler",
        "settlers",
        "presence",
        "battalion",
        "battalions",
        "brigade",
        "brigades",
        "division",
        "divisions",
        "warship",
        "warships",
        "vessel",
        "vessels",
        "ship",
        "ships",
        "checkpoint",
        "checkpoints",
        "outpost",
        "outposts",
        "equipment",
    }
)


def withdrawn_object(verb: Token) -> Token | None:
    """The object of a withdrawal that is neither forces nor land ("withdrew its complaint",
    "withdraw the ambassador", "pulled its candidacy"): then the object, not the verb, names
    the issue. None for "withdraw its troops", "pull back from the villages", no object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PULLING:
        return None
    for c in verb.children:
        if c.dep_ != "dobj" or c.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = c.lemma_.lower()
        if lemma in _PULLED_FORCES or c.lower_ in _PULLED_FORCES or _is_land(c):
            return None
        return c
    return None


def left_body(verb: Token) -> Token | None:
    """The body a verb of leaving leaves ("will leave the CSTO", "would withdraw from the
    International Criminal Court", "quit the regional bloc"): a membership given up, not land
    or troops; None when the verb leaves something else ("withdraw from Kherson")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LEAVING:
        return None
    cands = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.lemma_.lower() not in _BODIES and c.ent_type_ != "ORG" for c in cands):
        return None  # "withdraw its complaint from the WTO": the complaint is what goes
    cands += [
        p
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "of", "out")
        for p in [*c.children, *(g for d in c.children for g in d.children)]
        if p.dep_ == "pobj"
    ]
    for c in cands:
        if c.ent_type_ == "ORG" or c.lemma_.lower() in _BODIES:
            return c
    return None


#: Nouns of guaranteeing whose complement says what is guaranteed.
_GUARANTEES = frozenset({"guarantee", "assurance", "safeguard"})


def guarantee_wrapper(noun: Token) -> set[int]:
    """The guarantee noun and its adjectives when a complement says what it guarantees
    ("constitutional guarantees for the Kurdish language", "written assurances of
    non-enlargement", "guarantees that the army will not be cut"); empty otherwise. A compound
    ("security guarantees") is no form but the substance, and stays out of the set."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _GUARANTEES:
        return set()
    says = any(
        (c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "over"))
        or c.dep_ in ("acl", "ccomp", "relcl")
        for c in noun.children
    )
    if not says:
        return set()
    return {noun.i, *(c.i for c in noun.children if c.dep_ == "amod")}


#: Nouns for people sought for a crime ("hand over the suspects").
_SUSPECTS = frozenset(
    {"suspect", "fugitive", "perpetrator", "culprit", "plotter", "accused", "putschist"}
)
#: Nouns for people who are sought when a modifier says so ("the persons wanted by …").
_PEOPLE = frozenset(
    {"person", "people", "individual", "commander", "officer", "official", "leader", "member"}
)
#: Words that make people sought for a crime ("wanted", "responsible for the killings").
_SOUGHT = frozenset({"wanted", "accused", "responsible", "suspected", "indicted", "convicted"})


def handed_suspects(verb: Token) -> Token | None:
    """The people a verb of handing over delivers to justice when they are described rather
    than named ("hand over the persons wanted by Burundian justice", "extradite the coup
    suspects", "hand over the commanders of the regiment"); None otherwise (captives and
    bodies handed over are humanitarian, and named elsewhere)."""
    lemma = verb.lemma_.lower()
    if lemma not in ("hand", "turn", "extradite", "deliver", "surrender"):
        return None
    if lemma in ("hand", "turn") and not any(
        c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "over" for c in verb.children
    ):
        return None
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        noun = c.lemma_.lower()
        if noun in _SUSPECTS or any(m.lemma_.lower() in _SUSPECTS for m in c.children):
            return c
        if noun in _PEOPLE and (
            noun in ("commander", "officer", "leader", "official")
            or any(
                m.lower_ in _SOUGHT or m.lemma_.lower() in ("want", "accuse", "indict")
                for m in c.children
                if m.dep_ in ("amod", "acl", "relcl")
            )
        ):
            return c  # people delivered up are a matter of justice, not of land
    return None


#: Verbs whose object is part of what is wanted, not an addressee ("wants the army to leave").
_WANTING = ("want", "expect", "wish", "like", "need", "prefer", "hope")
#: Verbs whose "on" names the addressee ("called on Kyiv to …"), not the matter.
_CALLING_ON = ("call", "prevail", "lean", "press")


def addressee(head: Token, verb: Token) -> bool:
    """Is *head* the person or body a stance verb addresses ("urged the region to …", "called on
    Kyiv to …"): its object when a controlled clause says what is asked?"""
    whom = (head.dep_ == "dobj" and head.pos_ in ("NOUN", "PROPN")) or (
        # "called on the United States, which guarantees the truce, to …" ("agreed on an annex
        # to implement …" names what is agreed)
        head.dep_ == "prep" and head.lower_ == "on" and verb.lemma_.lower() in _CALLING_ON
    )
    return (
        whom
        and head.head.i == verb.i
        # "wanted access to the sea to be settled", "expects the mission to …": what is wanted
        and verb.lemma_.lower() not in _WANTING
        and any(
            c.pos_ in ("VERB", "AUX")
            and not any(a.dep_ == "auxpass" for a in c.children)
            and (
                c.dep_ in ("xcomp", "ccomp")
                # the parser often hangs "…, to make Israel open …" as an adverbial clause
                or (
                    c.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                )
            )
            for c in verb.children
        )
    )


#: Who can be held hostage in earnest ("held two aid workers hostage").
_CAPTIVES = word_list("captive_nouns")


def figurative_hostage(tok: Token) -> bool:
    """ "Salaries should never be held hostage to an accounting argument", "holding the budget
    hostage": a thing held hostage is leverage, not a captive (no humanitarian cue)."""
    if tok.lower_ != "hostage" or tok.head.lemma_.lower() != "hold":
        return False
    held = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "dobj") and c.i != tok.i]
    held += [c for c in tok.children if c.dep_ == "compound"]
    return bool(held) and not any(
        h.lemma_.lower() in _CAPTIVES or h.ent_type_ in ("PERSON", "NORP") for h in held
    )


_HALTING = frozenset({"stop", "halt", "cease", "end", "suspend", "quit"})
#: Acts of war (not arrests, expulsions or annexations, which have issues of their own).
_WAR_ACTS = word_list("war_acts")


def halted_hostility(tok: Token) -> bool:
    """ "stop shelling the city of Kherson", "to stop hitting the Odesa ports": an act of war
    that is to stop decides the issue (the fighting), not the place or asset it targets."""
    return (
        tok.tag_ == "VBG"
        and tok.lemma_.lower() in _WAR_ACTS
        and tok.dep_ in ("xcomp", "dobj", "ccomp", "pcomp")
        and tok.head.lemma_.lower() in _HALTING
    )


def head_phrase(head: Token, ids: set[int], phrases: dict[int, list]) -> str | None:
    """The issue of a strong cue phrase that runs through the clause's head into its subject
    ("the guns fell silent", "the fighting must stop"): the clause's own words, though the
    subject alone would not vote. *phrases* maps a start token to (end, issue, weight)."""
    for start in range(max(0, head.i - 4), head.i):
        for end, issue, weight in phrases.get(start, ()):
            if weight >= 3 and start < head.i < end and all(i in ids for i in range(start, end)):
                return str(issue)
    return None
