"""A party's own soil kept from use against others: "will not allow its territory to be used
against any country", "does not permit its soil to be used for attacks on its neighbours",
"our airspace will not be used against Iran", "does not allow any group to use the territory
of Afghanistan against any country".

Read word by word this is a refusal about territory; it is a reassurance given to the other
side, an offer of a security guarantee (how the gold codes it, and how an analyst reads it).
The soil must be the holder's own (a possessive or no owner) and what it is kept from is use
"against" or "for attacks on" someone.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from detente.extract.stance.model import Trigger

_SOIL = frozenset({"territory", "soil", "land", "airspace", "bases", "base", "waters", "water"})
#: Parts of a country that count as its soil only when made "a base / a launch pad against …"
#: ("will not allow the south to be used as a launch pad against any neighbour").
_REGIONS = frozenset({"south", "north", "east", "west", "region", "province", "area", "islands"})
_PERMITTING = frozenset({"allow", "permit", "let", "tolerate"})
_OWN = frozenset({"its", "our", "their", "my", "his", "her"})
#: What soil may not become ("a launching pad for attacks", "a base against its neighbours").
_PADS = frozenset({"pad", "launchpad", "springboard", "base", "platform", "haven", "sanctuary"})

#: Matcher patterns (label -> patterns) for the frame trigger of this module.
PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "FRAME|soil": [[{"LEMMA": {"IN": sorted(_SOIL | _REGIONS)}, "POS": "NOUN"}]],
}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)


_HOSTILE = frozenset(
    {"attack", "strike", "aggression", "operation", "launch", "raid", "incursion"}
    # "to be used to destabilise / threaten / harm a neighbour"
    | {"destabilise", "destabilize", "threaten", "harm", "undermine", "target", "subvert"}
    | {"endanger", "jeopardise", "jeopardize", "damage"}
)


def _against(use: Token, padded: bool = True) -> bool:
    """Is the use "against" someone, "for attacks" on them, "to attack" them, or "as a base
    against" them (*padded*: a pad phrase may carry the hostility)?"""
    for c in use.children:
        if c.dep_ == "prep" and c.lower_ == "against":
            return True
        # "for attacks on …", "a base for armed groups operating against a neighbour"
        if (
            c.dep_ == "prep"
            and c.lower_ in ("for", "to")
            and any(p.lemma_.lower() in _HOSTILE or p.lower_ == "against" for p in c.subtree)
        ):
            return True
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _HOSTILE:
            return True  # "be used to attack neighbours"
    # "used in any manner that harms the security of India"
    if any(
        t.dep_ in ("relcl", "acl") and t.lemma_.lower() in _HOSTILE
        for c in use.children
        if c.dep_ == "prep"
        for t in c.subtree
    ):
        return True
    # "used as a base for aggression against any neighbouring country"
    return padded and _padded(use)


def _padded(use: Token) -> bool:
    """Is the use "as a base / launch pad" against someone (the shape a region needs)?"""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(
            p.dep_ == "pobj" and p.lemma_.lower() in _PADS and _against(p, padded=False)
            for p in c.children
        )
        for c in use.children
    )


def soil_trigger(noun: Token) -> Trigger | None:
    """The reassurance whose soil is *noun*, if it is one of the shapes above."""
    if any(c.dep_ == "poss" and c.lower_ not in _OWN for c in noun.children):
        return None  # "Afghanistan's soil" said by Pakistan is another's soil
    # "… its territory to be used against …", "… any group to use the territory of …"
    use = noun.head if noun.dep_ in ("nsubjpass", "dobj") else None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PERMITTING:
        use = next((c for c in noun.head.children if c.dep_ in ("xcomp", "ccomp")), None)
    region = noun.lemma_.lower() not in _SOIL
    if noun.dep_ == "nsubj" and noun.head.lemma_ in ("be", "become"):
        # "will not allow its land to be (to become again) a launching pad for attacks on …"
        pads = [c for c in noun.head.children if c.dep_ == "attr" and c.lemma_.lower() in _PADS]
        use = noun.head if pads and _against(pads[0], padded=False) else None
    elif use is not None and (
        use.lemma_.lower() != "use" or not _against(use) or (region and not _padded(use))
    ):
        use = None
    if use is None:
        return None
    permit = use.head if use.dep_ in ("xcomp", "ccomp") else None
    if permit is not None and permit.lemma_.lower() not in _PERMITTING:
        permit = None  # "said its waters will not be used …": a reporting verb above
    if permit is not None and permit.lemma_.lower() in _PERMITTING and _negated(permit):
        return Trigger(permit, "offer", "soil", content=[use], fixed=True)
    if permit is None and _negated(use) and any(c.dep_ == "aux" for c in use.children):
        return Trigger(use, "offer", "soil", content=[use], fixed=True)  # "will not be used"
    return None


#: Frame readers of this module (suffix of the matcher label -> reader).
FRAME_TRIGGERS = {"soil": soil_trigger}
