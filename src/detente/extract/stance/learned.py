"""A learned sentence model over the parsed Doc: does a sentence state a stance, of what kind,
on what issue.

The rules of the other stages fit the phrasings they were written from; this stage weighs the
same evidence statistically so that unseen phrasings still count.  Each sentence becomes a bag
of features taken from the parse the pipeline already made (lemmas and lemma bigrams with names
generalised to their entity type, (head, dep, child) triples around verbs, negation, modals,
quotation marks, question marks, and the lexicon classes of ``knowledge/stances.yaml`` and
``knowledge/taxonomy.yaml``); one-vs-rest logistic regressions score "holds a stance", each
kind and each issue.  The weights ship as ``knowledge/stance_model.npz``, written by
``scripts/train_stance_model.py`` from gold/dev only.

Uses (each switchable in the component's ``learned`` setting):

* ``veto`` -- a rule stance whose sentences the model is confident hold no stance is dropped;
* ``boost`` -- a sentence the rules left empty but where they found a trigger and its holder
  without an issue cue, and which the model is confident states a stance the rules missed,
  gets that holder's stance (the trigger's kind) on the model's issue, the sentence as quote, a
  low confidence and the ``learned=boost`` signal;
* ``boost_verb`` -- the same for a sentence with no trigger at all: the holder the holder stage
  gives the sentence's main verb, kind and issue from the model.

* ``arbiter``, ``arbiter_add``, ``arbiter_kind`` -- a claim-level model may overrule the rules'
  weakly cued issue (or their kind) of a rule stance (:mod:`detente.extract.stance.arbiter`);

* ``confidence`` -- every rule stance gets the signal ``learned=s0`` … ``learned=s4`` (the
  band of its sentence's "holds a stance" probability) for the claim confidence to weigh; no
  weights ship for it, because refitted with it the confidence was worse on cross-validation;

* ``check``, ``check_veto`` -- a claim-level correctness model sets every finished claim's
  confidence, calibrated out of fold, and may drop the least likely ones
  (:mod:`detente.extract.stance.correctness`).

The thresholds ship with the weights; they and the uses on by default were chosen by grouped
cross-validation over gold/dev (see the training script).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from detente.extract.doctext import doc_text
from detente.extract.stance import confidence as conf
from detente.extract.stance.arbiter import (
    ARBITER_USES,
    ArbiterModel,
    arbitrate,
    claim_features,
    shipped_arbiter,
)
from detente.extract.stance.correctness import (
    CHECK_USES,
    CheckModel,
    check_features,
    shipped_check,
)
from detente.extract.stance.linear import (
    NAME_TYPES,
    OneVsRest,
    feature_word,
    linear_fields,
    load_shipped,
)
from detente.extract.stance.model import Trigger
from detente.extract.stance.report import renumbered
from detente.extract.stance.syntax import _clause_head
from detente.records import Claim

if TYPE_CHECKING:
    from detente.extract.stance.state import _DocState

#: Bump when the features change: a model trained on other features must not be used.
FEATURES_VERSION = 1
MODEL_FILE = "stance_model.npz"
KINDS: tuple[str, ...] = ("demand", "offer", "propose", "accept", "reject", "threaten")
USES: frozenset[str] = (
    frozenset({"confidence", "veto", "boost", "boost_verb"}) | ARBITER_USES | CHECK_USES
)
#: Uses on by default. A use that changes what is extracted goes on when grouped
#: cross-validation on gold/dev puts the paired-bootstrap 95 % interval of its F1 change above
#: 0. The boost with the issue arbiter (the sentence model at half weight) gains about +0.004,
#: right at the edge of what the dev set resolves (above 0 on 397 reports, not on 425, above 0
#: again on 439). The verb boost (a sentence with no trigger) first cleared it on 481 reports
#: but stayed off while its stances came without places or sources; since they carry them, at
#: 0.9 it gains +0.0033 (+0.0017 to +0.0049) on 914 reports. The claim check's veto (claims
#: below its out-of-fold threshold dropped) gains +0.0030 (+0.0014 to +0.0046) on 998 reports
#: but stays off. Since the check counts position from the lede, a sentence given alone scores
#: as a report's first body sentence does; yet many right readings sit near the threshold, and
#: which of them the veto drops moves with each retraining (one to nine of the construction
#: tests' claims on 942 and 998 reports). A low confidence shows the doubt; `claims
#: --min-confidence` drops such claims for whoever wants that. The sentence veto and the kind
#: arbiter never clear the bar.
DEFAULT_LEARNED = "boost,boost_verb,arbiter,check"

_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_ARGS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "xcomp",
        "ccomp",
        "prep",
        "neg",
        "aux",
        "advmod",
        "acomp",
        "attr",
        "agent",
        "advcl",
        "mark",
        "prt",
    }
)


@dataclass(frozen=True, slots=True)
class StanceModel(OneVsRest):
    """Weights of the sentence model: one column per output (``stance``, ``kind:X``,
    ``issue:Y``), one row per known feature, and the thresholds of its uses."""

    veto_below: float
    #: Boost a sentence holding a trigger the rules could not classify above this …
    boost_above: float
    #: … and any other sentence (through its main verb's holder) above this.
    boost_verb_above: float

    @classmethod
    def from_arrays(cls, arrays: Any) -> StanceModel:
        """Build from the arrays of the ``.npz`` file (or a dict of the same arrays)."""
        return cls(
            **linear_fields(arrays, FEATURES_VERSION, "stance model"),
            veto_below=float(arrays["veto_below"]),
            boost_above=float(arrays["boost_above"]),
            boost_verb_above=float(arrays["boost_verb_above"]),
        )


@cache
def shipped_model() -> StanceModel | None:
    """The model in ``knowledge/stance_model.npz`` (None when none ships)."""
    return load_shipped(MODEL_FILE, StanceModel.from_arrays)


def unit_features(sent: Span, comp: Any, phrase_cues: dict[int, list] | None = None) -> list[str]:
    """The features of one sentence (see the module docstring); *comp* is the stance component
    whose lexicons name the classes, *phrase_cues* its multi-word issue cues by start token."""
    lex, cues = comp.lex, comp.tax.words
    feats: list[str] = []
    words: list[str] = []
    for tok in sent:
        if tok.is_space:
            continue
        if tok.is_punct:
            if tok.text in _QUOTES:
                feats.append("quote")
            continue
        w = feature_word(tok)
        words.append(w)
        feats.append("w=" + w)
        low = tok.lemma_.lower()
        if tok.ent_type_ in NAME_TYPES:
            feats.append("ent=" + tok.ent_type_)
        pos = tok.pos_
        kind = None
        if pos in ("VERB", "AUX"):
            kind = lex.verbs.get(low)
        elif pos == "NOUN":
            kind = lex.nouns.get(low)
        if kind:
            feats.append(f"lex{pos}={kind}")
        for name, words_of in (
            ("willing", lex.willingness),
            ("unwilling", lex.unwillingness),
            ("concession", lex.concessions),
            ("retention", lex.retentions),
            ("hostile", lex.hostile),
            ("threat", lex.threat_actions),
            ("reporting", lex.reporting),
            ("hedge", lex.hedge_lemmas),
        ):
            if low in words_of or tok.lower_ in words_of:
                feats.append("lex=" + name)
        cue = cues.get(low) or cues.get(tok.lower_)
        if cue is not None:
            feats.append("cue=" + cue[0])
            if cue[1] >= 2:
                feats.append("cue+=" + cue[0])
        if phrase_cues and tok.i in phrase_cues:
            for _end, issue, weight in phrase_cues[tok.i]:
                feats.append("cue=" + issue)
                if weight >= 2:
                    feats.append("cue+=" + issue)
        if tok.tag_ == "MD":
            feats.append("md=" + low)
        if tok.dep_ == "neg" or tok.lower_ in ("no", "never"):
            feats.append("neg")
        if tok.dep_ == "mark" and low in lex.condition_marks:
            feats.append("cond")
        if pos in ("VERB", "AUX") or tok.dep_ == "ROOT":
            for c in tok.children:
                if c.dep_ in _ARGS:
                    feats.append(f"d={w}|{c.dep_}")
                    feats.append(f"t={w}|{c.dep_}|{feature_word(c)}")
    feats.extend(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    root = sent.root
    feats.append("root=" + feature_word(root))
    feats.append("rootpos=" + root.pos_)
    if sent.text.rstrip().endswith("?"):
        feats.append("question")
    if sent.start == 0:
        feats.append("first")
    return feats


def sentence_units(doc: Doc) -> list[Span]:
    """The units the model scores: the sentences with a word in them."""
    return [s for s in doc.sents if any(t.is_alpha for t in s)]


class LearnedStage:
    """Stage mixin: the learned veto and booster, run after the rule stages."""

    learned: frozenset[str]
    learned_model: StanceModel | None
    arbiter_model: ArbiterModel | None
    check_model: CheckModel | None
    #: Keep every unit's features on ``doc._.detente_units`` (for training and evaluation).
    record_units: bool
    lex: Any
    _holders: Any
    _members_of: Any
    _conditions: Any
    _hedged: Any
    _denied: Any
    _date: Any
    _quote_span: Any
    _sources: Any
    _places: Any
    _quantities: Any

    def use_learned(self, learned: str) -> None:
        """Switch on the comma-separated *learned* uses (``""`` for none) with the shipped model."""
        uses = frozenset(u.strip() for u in learned.split(",") if u.strip())
        if uses - USES:
            raise ValueError(f"unknown learned uses: {', '.join(sorted(uses - USES))}")
        self.learned = uses
        self.learned_model = shipped_model() if uses else None
        self.arbiter_model = shipped_arbiter() if uses & ARBITER_USES else None
        self.check_model = shipped_check() if uses & CHECK_USES else None
        self.record_units = False

    def _record_uncued(
        self,
        trig: Trigger,
        kind: str,
        actors: list[Any],
        negated: bool,
        state: _DocState,
        published: Any,
    ) -> None:
        """Keep a stance the rules found but no issue cue classified: its holders and kind on
        ``doc._.detente_uncued``, and its modifiers as the rule stages read them on *state*."""
        sent = trig.token.sent
        state.doc._.detente_uncued.extend(
            (a.id, kind, sent.start_char, sent.end_char, trig.token.text) for a in actors
        )
        if not (self.learned & {"boost", "boost_verb"}):
            return
        self._keep_modifiers(trig, kind, actors, negated, state, published)

    def _keep_modifiers(
        self,
        trig: Trigger,
        kind: str,
        actors: list[Any],
        negated: bool,
        state: _DocState,
        published: Any,
    ) -> None:
        """Keep on *state* the modifiers the rule stages read for a stance of *actors* at *trig*
        (hedge, condition, negation, denial, date, sources), keyed by (actor, kind, sentence
        start), with the trigger's clause (``span``: token offsets) to take places from."""
        sent = trig.token.sent
        clause = _clause_head(trig.token)
        conds = self._conditions(clause, state)
        mods: dict[str, Any] = {
            "hedged": self._hedged(trig.token, clause, state),
            "conditional": bool(conds),
            "conditions": conds,
            "negated": negated,
            "denied": self._denied(trig.token),
            "date": self._date(self._quote_span(trig, clause, state), clause, published),
        }
        subtree = list(clause.subtree)
        span = (subtree[0].i, subtree[-1].i + 1)
        att = self._attribute(trig.token, clause, state)
        for a in actors:
            sources, anonymous = self._sources(att, a, state)
            state.uncued_modifiers.setdefault(
                (a.id, kind, sent.start_char),
                {**mods, "sources": sources, "anonymous": anonymous, "span": span},
            )

    def _learned(self, doc: Doc, claims: list[Claim], state: _DocState | None) -> list[Claim]:
        """Apply the switched-on uses to the rule *claims* of *doc*; only the sentences a use
        needs are scored (the veto: those with a rule stance; the boosts: those without)."""
        if state is not None and self.record_units:
            doc._.detente_claim_units = [
                (c.actor, c.start, c.end, claim_features(c, o[1], o[2], self, state))
                for c in claims
                if (o := state.origins.get(id(c))) is not None and o[0] is c
            ]
        arbiter = self.arbiter_model
        if arbiter is not None and state is not None and self.learned & ARBITER_USES:
            claims = arbitrate(
                claims,
                state,
                self,
                arbiter,
                self.learned,
                lambda sent: self._sentence_issues(sent, state.cue_phrases),
            )
        model = self.learned_model
        uses = self.learned - ARBITER_USES if model is not None else frozenset()
        if not (self.record_units or uses):
            return claims
        units = sentence_units(doc)
        starts = [s.start_char for s in units]
        ends = [s.end_char for s in units]
        uncued: dict[int, list[str]] = {}
        for _actor, kind, at, _end, _word in doc._.detente_uncued or ():
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < ends[i]:
                uncued.setdefault(i, []).append(kind)

        def overlapping(c: Claim) -> range:
            return range(max(bisect_right(starts, c.start) - 1, 0), bisect_left(starts, c.end))

        covered = {i for c in claims for i in overlapping(c)}
        if self.record_units:
            wanted = set(range(len(units)))
        else:
            wanted = set(covered) if uses & {"veto", "confidence"} else set()
            if "boost_verb" in uses:
                wanted |= set(range(len(units))) - covered
            elif "boost" in uses:
                wanted |= set(uncued) - covered
        if not wanted:
            return claims
        cues = state.cue_phrases if state is not None else None
        order = sorted(wanted)
        feats = [unit_features(units[i], self, cues) for i in order]
        for i, f in zip(order, feats, strict=True):
            for kind in uncued.get(i, ()):
                # a trigger with a holder that no issue cue classified: half a stance already
                f.extend(("uncued", "uncued=" + kind))
        if self.record_units:
            doc._.detente_units = [
                (starts[i], ends[i], f) for i, f in zip(order, feats, strict=True)
            ]
        if not uses:
            return claims
        probs = dict(zip(order, model.predict(feats), strict=True))
        stance, missed = model.outputs.index("stance"), model.outputs.index("missed")
        if "confidence" in uses:
            for c in claims:
                near = [probs[i][stance] for i in overlapping(c) if i in probs]
                if near:
                    c.signals.append(confidence_signal(max(near)))
                    c.confidence = conf.score(c.signals)
        if "veto" in uses:
            keep = [
                c
                for c in claims
                if not any(i in probs for i in overlapping(c))
                or max(probs[i][stance] for i in overlapping(c) if i in probs) >= model.veto_below
            ]
            claims = renumbered(keep)
            covered = {i for c in claims for i in overlapping(c)}
        if uses & {"boost", "boost_verb"}:
            for i in order:
                if i in covered:
                    continue
                if i in uncued:
                    if probs[i][missed] < model.boost_above:
                        continue
                elif "boost_verb" not in uses or probs[i][missed] < model.boost_verb_above:
                    continue
                claims.extend(self._boosted(doc, units[i], probs[i], state, len(claims)))
        return claims

    def _checked(self, doc: Doc, claims: list[Claim], state: _DocState | None) -> list[Claim]:
        """The finished *claims* with the check model's calibrated confidence (``check``), and
        without those below its veto threshold (``check_veto``)."""
        claims = _merged(claims)
        model = self.check_model
        uses = self.learned & CHECK_USES if model is not None else frozenset()
        if not (uses or self.record_units):
            return claims
        feats = check_features(claims, doc, state, self)
        if self.record_units:
            doc._.detente_claim_checks = feats
        if not uses or not claims:
            return claims
        assert model is not None
        for c, p in zip(claims, model.raw(feats), strict=True):
            c.confidence = model.calibrated(float(p))
        if "check_veto" in uses:
            keep = [c for c in claims if (c.confidence or 0.0) >= model.veto_below]
            claims = renumbered(keep)
        return claims

    def _sentence_issues(self, sent: Span, cues: dict[int, list] | None) -> dict[str, float]:
        """The sentence model's probability of every issue for *sent* (none without a model)."""
        model = self.learned_model
        if model is None:
            return {}
        probs = model.predict([unit_features(sent, self, cues)])[0]
        return {
            o.split(":", 1)[1]: float(probs[j])
            for j, o in enumerate(model.outputs)
            if o.startswith("issue:")
        }

    def _boosted(
        self, doc: Doc, sent: Span, probs: np.ndarray, state: _DocState | None, ordinal: int
    ) -> list[Claim]:
        """Stances for a sentence the model holds a stance and the rules left empty."""
        from detente.extract.actors import actor_name  # the knowledge modules load late

        model = self.learned_model
        assert model is not None
        issue, _ = model.best(probs, "issue:")
        kind, _ = model.best(probs, "kind:")
        pairs: list[tuple[str, str, str | None]] = []
        for actor, ukind, start, _end, _word in doc._.detente_uncued or ():
            # a trigger the rules found but no issue cue classified: its holder and kind stand
            if sent.start_char <= start < sent.end_char and (actor, ukind) not in [
                p[:2] for p in pairs
            ]:
                pairs.append((actor, ukind, None))
        if not pairs and state is not None:
            verb = _main_verb(sent, self.lex.reporting)
            if verb is not None:
                trig = Trigger(verb, kind, "verb")
                actors, from_plan = self._holders(trig, state)
                members = self._members_of(actors)
                k = "propose" if from_plan else kind
                # the model's kind already reads the sentence's polarity: no negation
                self._keep_modifiers(trig, k, members, False, state, doc._.detente_published)
                for a in members:
                    pairs.append((a.id, k, a.name))
        text = doc_text(doc)
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        out = []
        names = doc._.detente_actor_names
        for actor, k, name in pairs:
            if name is None:
                name = (names or {}).get(actor) or actor_name(actor)
            mods = dict(
                state.uncued_modifiers.get((actor, k, sent.start_char), {}) if state else {}
            )
            a, b = mods.pop("span", (sent.start, sent.end))
            claim = Claim(
                actor=actor,
                kind=k,
                issue=issue,
                quote=text[start:end],
                start=start,
                end=end,
                actor_name=name,
                ordinal=ordinal + len(out),
                signals=["learned=boost"],
                places=list(self._places(doc[a:b], issue)),
                quantities=list(self._quantities(doc[a:b])),
                **mods,
            )
            claim.confidence = round(0.5 * float(probs[model.outputs.index("missed")]), 3)
            if names is not None and name:
                names.setdefault(actor, name)
            out.append(claim)
        return out


def confidence_signal(p: float) -> str:
    """The claim signal of the model's "holds a stance" probability *p* of its sentence, in
    five bands (``learned=s0`` … ``learned=s4``), weighed by ``knowledge/confidence.yaml``."""
    return f"learned=s{min(int(p * 5), 4)}"


def _main_verb(sent: Span, reporting: frozenset[str]) -> Token | None:
    """The sentence's main verb; past a reporting verb ("X said Y would …") to what is said."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    if root.lemma_.lower() in reporting:
        said = [
            c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
        ]
        if said:
            return said[0]
    return root


def _merged(claims: list[Claim]) -> list[Claim]:
    """*claims* with each (holder, kind, issue, passage) stated once: two triggers of one
    sentence can read the same stance ("non-negotiable" as verdict and as adjective), and an
    analyst should not see it twice.  The first is kept; links to the others point to it."""
    first: dict[tuple[Any, ...], Claim] = {}
    alias: dict[int, int] = {}
    for c in claims:
        kept = first.setdefault((c.actor, c.kind, c.issue, c.start, c.end), c)
        if kept is not c:
            alias[c.ordinal] = kept.ordinal
    if not alias:
        return claims
    keep = [
        replace(c, exchange_for=sorted({alias.get(o, o) for o in c.exchange_for} - {c.ordinal}))
        for c in claims
        if c.ordinal not in alias
    ]
    return renumbered(keep)
