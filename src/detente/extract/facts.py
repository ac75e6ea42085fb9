"""Facts on the ground: who controls how much of which place.

Control claims are read from the dependency parse around a small set of trigger words:

* active verbs — "Russian forces **control** about 70 percent of Donetsk region",
  "M23 **holds** Goma", "the RSF **seized** El Fasher";
* passives — "most of Luhansk is **occupied** by Russia", "Goma, **held** by M23";
* control nouns — "70 percent of Donetsk is **under** Russian **control**",
  "Russia is **in control of** Crimea".

Share (0–1) of the place held:

* a percentage or fraction ("70 percent", "two-thirds", "half") gives that share;
  "about", "nearly", "more than" … make it ``approximate``;
* "all of", "the entire", "the whole" give 1.0; qualified by "virtually", "almost",
  "nearly" or "practically" they give 0.95, approximate;
* "most of", "much of", "parts of", "large swathes of" give ``None``, approximate;
* a bare place ("M23 holds Goma", "Russia controls Crimea") gives ``None``, not
  approximate: control of the named place, share of its region unknown.

Statements of intent ("wants to control", "would hold", "does not control") are not facts.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from detente.extract.actors import ActorRef, ActorTracker, resolve_actor
from detente.extract.entindex import ent_at, ents_in, token_hits
from detente.extract.places import place_codes, place_name
from detente.extract.timex import date_of
from detente.records import Fact

if TYPE_CHECKING:
    from collections.abc import Iterable

_CONTROL_VERBS = {"control", "hold", "occupy", "seize", "capture", "retain", "take"}
_CONTROL_NOUNS = {"control", "occupation"}
_VERB_SET = frozenset(_CONTROL_VERBS)
_NOUN_SET = frozenset(_CONTROL_NOUNS)
_INTENT_HEADS = {
    "want",
    "demand",
    "seek",
    "insist",
    "aim",
    "plan",
    "hope",
    "try",
    "refuse",
    "wish",
    "expect",
    "intend",
    "vow",
    "threaten",
    "propose",
    "offer",
    "allow",
    "let",
    "agree",
    "ask",
    "need",
    "require",
    "must",
}
_MODALS = {"would", "could", "should", "must", "might", "may", "can", "will", "shall", "'d"}
_APPROX = {
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "less",
    "fewer",
    "up",
    "approximately",
    "estimated",
    "close",
    "least",
    "~",
    "virtually",
    "practically",
    "most",
    "under",
    "above",
    "below",
    "just",
}
_WHOLE = {"all", "entire", "whole", "entirety", "full"}
_NEARLY_WHOLE = {"virtually", "almost", "nearly", "practically", "effectively", "essentially"}
_VAGUE = {"most", "much", "parts", "part", "swathes", "swaths", "areas", "chunks", "majority"}
_FRACTIONS = {
    "half": 0.5,
    "third": 1 / 3,
    "one-third": 1 / 3,
    "thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "quarter": 0.25,
    "one-quarter": 0.25,
    "three-quarters": 0.75,
    "quarters": 0.75,
    "fifth": 0.2,
}
_RELATIVES = {"who", "which", "that"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_AREA_NOUNS = {"region", "province", "oblast", "area", "territory", "city", "state", "governorate"}


def _is_intent(verb: Token) -> bool:
    """Is *verb* hypothetical, negated or wanted rather than reported as the case?"""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _MODALS):
            return True
    cur = verb
    for _ in range(3):
        if cur.dep_ == "conj":  # "captured X and holds Y": judge by the first verb
            cur = cur.head
            continue
        if cur.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp"}:
            return False
        if cur.head.lemma_ in _INTENT_HEADS:
            return True
        return any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in cur.children
        )
    return False


def _share(tokens: Iterable[Token]) -> tuple[float | None, bool]:
    """Share and approximateness from the words describing the object held."""
    toks = list(tokens)
    words = [t.lower_ for t in toks]
    approx = any(w in _APPROX for w in words)
    for i, tok in enumerate(toks):
        if not tok.like_num:
            continue
        if tok.ent_type_ == "PERCENT" or (
            i + 1 < len(toks) and words[i + 1] in {"percent", "%", "per", "pct"}
        ):
            try:
                value = float(tok.text.replace(",", "").rstrip("%"))
            except ValueError:
                continue
            return min(value / 100.0, 1.0), approx
    # "14 of Rakhine state's 17 townships"
    nums = [t for t in toks if t.like_num and t.text.replace(",", "").isdigit()]
    if len(nums) == 2 and nums[0].i < nums[1].i and any(w == "of" for w in words):
        part, whole = (float(n.text.replace(",", "")) for n in nums)
        if 0 < part <= whole:
            return part / whole, approx
    for w in words:
        if w in _FRACTIONS:
            return _FRACTIONS[w], approx
    if any(w in _WHOLE for w in words):
        if any(w in _NEARLY_WHOLE for w in words):
            return 0.95, True
        return 1.0, approx and not any(w in {"all", "entire", "whole"} for w in words)
    if any(w in _VAGUE for w in words):
        return None, True
    return None, False


def _places(span_tokens: list[Token], doc: Doc, before: int) -> list[str]:
    """Place codes named among the tokens; "the region" falls back to the last region before."""
    codes: dict[str, None] = {}
    seen_ents: set[int] = set()
    for tok in span_tokens:
        if tok.ent_iob_ == "O" or tok.i in seen_ents:
            continue
        ent = _ent_of(tok)
        if ent is None:
            continue
        seen_ents.update(range(ent.start, ent.end))
        for code in place_codes(ent):
            codes.setdefault(code, None)
    if not codes and any(t.lemma_ in _AREA_NOUNS for t in span_tokens):
        sent_start = doc[before].sent.start
        prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for ent in reversed(ents_in(doc[prev_start:before])):
            found = [c for c in place_codes(ent) if "-" in c]
            if found:
                return found
    return list(codes)


def _ent_of(tok: Token) -> Span | None:
    return ent_at(tok.doc, tok.i)


def _conjunct_groups(head: Token) -> list[list[Token]]:
    """Token groups of a coordinated object: "all of Luhansk and 70 percent of Donetsk"."""
    heads = [head, *head.conjuncts]
    groups = []
    for h in heads:
        skip = {t.i for c in h.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
        groups.append([t for t in h.subtree if t.i not in skip])
    return groups


class _Finder:
    def __init__(self, doc: Doc, published: date | None, tracker: ActorTracker | None) -> None:
        self.doc = doc
        self.published = published
        self.tracker = tracker if tracker is not None else ActorTracker(doc)
        self.facts: list[Fact] = []
        self._seen: set[tuple[str, str, int]] = set()

    def actor(self, tok: Token | None) -> ActorRef | None:
        if tok is None:
            return None
        span = self.doc[tok.left_edge.i : tok.right_edge.i + 1]
        # keep the subject phrase short: "Russian forces, which ..., control" -> "Russian forces"
        rel = [c for c in tok.children if c.dep_ in {"relcl", "acl", "appos"}]
        if rel:
            span = self.doc[tok.left_edge.i : min(r.left_edge.i for r in rel)]
        ref = resolve_actor(span) if len(span) else None
        if ref is None:
            ref = self.tracker.resolve(self.doc[tok.i : tok.i + 1])
        return ref

    def add(
        self, ref: ActorRef, groups: list[list[Token]], anchor: Token, extra: list[Token]
    ) -> None:
        sent = anchor.sent
        for group in groups:
            share, approx = _share([*group, *extra])
            codes = _places(group, self.doc, anchor.i if group[0].i > anchor.i else group[0].i)
            for code in codes:
                if code == ref.id:
                    continue
                key = (ref.id, code, sent.start)
                if key in self._seen:
                    continue
                self._seen.add(key)
                self.facts.append(
                    Fact(
                        actor=ref.id,
                        place=code,
                        quote=sent.text.strip(),
                        start=sent.start_char,
                        end=sent.start_char + len(sent.text.rstrip()),
                        place_name=place_name(code),
                        share=share,
                        approximate=approx,
                        sources=_sources(anchor),
                        date=date_of(sent, self.published, future=False) or self.published,
                    )
                )

    def verb(self, verb: Token) -> None:
        if _is_intent(verb):
            return
        children = list(verb.children)
        subj = next((c for c in children if c.dep_ == "nsubj"), None)
        subjpass = next((c for c in children if c.dep_ == "nsubjpass"), None)
        dobj = next((c for c in children if c.dep_ in {"dobj", "attr"}), None)
        if verb.lemma_ == "take":
            # "took control of X" is handled by the noun; "take" alone means capture
            if dobj is not None and dobj.lower_ in _CONTROL_NOUNS:
                return
            if not any(c.dep_ == "prt" and c.lower_ == "over" for c in children) and dobj is None:
                return
        if subjpass is not None:
            agent = next((c for c in children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            ref = self.actor(pobj)
            if ref is not None:
                self.add(ref, _conjunct_groups(subjpass), verb, [])
            return
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            # "Goma, held by M23 since January"
            agent = next((c for c in children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            ref = self.actor(pobj)
            if ref is not None:
                self.add(ref, [[verb.head, *verb.head.lefts]], verb, [])
            return
        first = verb
        if subj is None and verb.dep_ == "conj":
            first = verb.head
            subj = next((c for c in first.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in _RELATIVES and first.dep_ == "relcl":
            subj = first.head  # "the M23 rebels, who seized Goma": the antecedent holds it
        adverbs = [c for c in children if c.dep_ == "advmod"]
        if dobj is None:
            if verb.dep_ == "relcl":
                # "the part of Donetsk region it still holds": the antecedent is what is held
                ref = self.actor(subj)
                if ref is not None:
                    antecedent = verb.head
                    group = [t for t in antecedent.subtree if t.i < verb.left_edge.i]
                    self.add(ref, [group], verb, adverbs)
            return
        ref = self.actor(subj)
        if ref is not None:
            self.add(ref, _conjunct_groups(dobj), verb, adverbs)

    def noun(self, noun: Token) -> None:
        head = noun.head
        # "X is under Russian control": owner in the noun's modifiers, place is the subject
        if noun.dep_ == "pobj" and head.lower_ in {"under", "in"}:
            owners = [c for c in noun.children if c.dep_ in {"amod", "poss", "compound"}]
            of = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}), None
            )
            verb = head.head
            if owners:
                if verb.pos_ in {"VERB", "AUX"} and _is_intent(verb):
                    return
                ref = self.actor(owners[0])
                subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if ref is not None and subj is not None:
                    self.add(ref, _conjunct_groups(subj), noun, [])
                return
            # "Russia is in control of X"
            if of is not None and head.lower_ == "in":
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                ref = self.actor(subj)
                if ref is not None and pobj is not None and not _is_intent(verb):
                    self.add(ref, _conjunct_groups(pobj), noun, [])
            return
        # "Russia took/has/retains control of X"
        if noun.dep_ == "dobj" and head.lemma_ in {
            "take",
            "have",
            "retain",
            "gain",
            "seize",
            "keep",
            "assume",
            "establish",
        }:
            if _is_intent(head) or head.lemma_ == "keep" and head.tag_ != "VBZ":
                return
            of = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "over"}), None
            )
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            ref = self.actor(subj)
            if ref is not None and pobj is not None:
                self.add(ref, _conjunct_groups(pobj), noun, [])


def _sources(anchor: Token) -> list[str]:
    """Who the report cites for the sentence ("according to X", "X said")."""
    from detente.extract import attribution
    from detente.extract.lexicon import stance_lexicon

    lex = stance_lexicon().sources
    att = attribution.attribute(anchor, lex)
    names = [n for n in att.sources if n.lower() not in _PRONOUNS]
    for rep in att.reporters:
        name = attribution.source_name(rep)
        if name and name not in names and name.lower() not in _PRONOUNS:
            names.append(name)
    return names


def facts_in(doc: Doc, published: date | None, tracker: ActorTracker | None = None) -> list[Fact]:
    """Control claims in *doc*, in text order (see the module docstring for shares).

    *published* resolves a date in the sentence (else the fact is dated to publication);
    *tracker* shares speaker memory with stance extraction for pronouns ("it controls …").
    """
    finder = _Finder(doc, published, tracker)
    for i in token_hits(doc, lemmas=_VERB_SET, lowers=_NOUN_SET):
        tok = doc[i]
        if tok.lemma_ in _CONTROL_VERBS and tok.pos_ in {"VERB", "AUX"}:
            finder.verb(tok)
        elif tok.lower_ in _CONTROL_NOUNS and tok.pos_ == "NOUN":
            finder.noun(tok)
    finder.facts.sort(key=lambda f: f.start)
    return finder.facts
