"""The claim check: a correctness model over every finished claim sets its confidence through a
map fitted out of fold, and drops the least likely claims only when its veto is switched on.
Reports written for these tests, across several conflicts."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest

from detente.extract import Extractor
from detente.extract.stance.correctness import (
    CHECK_USES,
    CheckModel,
    platt,
    report_features,
    shipped_check,
)
from detente.extract.stance.learned import DEFAULT_LEARNED
from detente.extract.stances import FACTORY
from detente.records import Claim, Report, normalize_text
from extracting import claims as extract

# a firm demand, then a hedged, conditional offer whose condition becomes a derived demand
CYPRUS = (
    "NICOSIA, June 4 - Greek Cypriot and Turkish Cypriot leaders met in the buffer zone on "
    "Tuesday. The Greek Cypriot leader demanded the withdrawal of Turkish troops from the north. "
    "Turkish Cypriot officials might consider opening two more crossing points if Nicosia lifted "
    "its trade restrictions, one diplomat suggested."
)
KOSOVO = (
    "BELGRADE, Oct 8 - Serbia's president said on Thursday that Belgrade would never recognise "
    "Kosovo's independence. Pristina rejected the proposal for an association of Serb-majority "
    "municipalities."
)
LIVE = (
    "Sudan talks in Jeddah: latest updates\n"
    "14:05 GMT - The army delegation arrived at the venue.\n"
    "14:40 GMT - The RSF said it demanded a nationwide ceasefire before any talks on "
    "humanitarian corridors.\n"
    "15:10 GMT - Saudi mediators said they would table a new draft on Friday.\n"
)


@contextlib.contextmanager
def checked(ex: Extractor, learned: str, model: CheckModel | None = None) -> Iterator[None]:
    """Run the shared extractor with other learned uses (and another check model), restored
    after."""
    comp = ex.nlp.get_pipe(FACTORY)
    saved = (comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model)
    comp.use_learned(learned)
    if model is not None:
        comp.check_model = model
    try:
        yield
    finally:
        comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model = saved


def steered(model: CheckModel, feature: str, weight: float, **changes: float) -> CheckModel:
    """The shipped model with *feature* weighed *weight* (added when it is not known), so that
    the tests exercise the check rather than what the training data taught."""
    index = dict(model.index)
    weights = model.weights.copy()
    if feature not in index:
        index[feature] = len(weights)
        weights = np.append(weights, np.float32(0.0))
    weights[index[feature]] = weight
    return dataclasses.replace(model, index=index, weights=weights, **changes)


def derived(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if "derived=condition" in c.signals]


@pytest.fixture
def model() -> CheckModel:
    found = shipped_check()
    assert found is not None
    return found


def test_shipped_check_loads_and_sets_the_confidence_by_default(model: CheckModel) -> None:
    assert "check" in DEFAULT_LEARNED.split(",")
    # the veto raises the cross-validated F1 on gold/dev by a few thousandths, but which right
    # readings near its threshold it drops moves with each retraining: off by default; its
    # threshold (the lowest best out-of-fold one) only applies when it is asked for
    assert "check_veto" not in DEFAULT_LEARNED.split(",") and 0.0 <= model.veto_below < 1.0
    assert {"check", "check_veto"} == CHECK_USES
    assert model.platt_a > 0  # the map keeps the model's order
    assert model.weights.shape == (len(model.index),)
    assert "origin=none" in model.index and "style=transcript" in model.index


def test_confidence_is_monotone_in_the_model_score(model: CheckModel) -> None:
    raws = [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]
    confs = [model.calibrated(r) for r in raws]
    assert confs == sorted(confs) and confs[0] >= 0.0 and confs[-1] <= 1.0
    assert platt(0.8, 1.0, 0.0) == 0.8  # the identity map changes nothing


def test_every_claim_gets_the_checks_confidence(ex: Extractor, model: CheckModel) -> None:
    # a model sure of everything, then unsure of everything: all claims follow, derived or not
    high = dataclasses.replace(model, bias=20.0)
    low = dataclasses.replace(model, bias=-20.0)
    with checked(ex, "boost,arbiter,check", high):
        sure = extract(ex, CYPRUS) + extract(ex, KOSOVO)
    with checked(ex, "boost,arbiter,check", low):
        unsure = extract(ex, CYPRUS) + extract(ex, KOSOVO)
    assert len(sure) == len(unsure) >= 4 and derived(sure)
    assert all((c.confidence or 0.0) > 0.99 for c in sure)
    assert all(c.confidence is not None and c.confidence < 0.01 for c in unsure)


def test_a_higher_model_score_never_lowers_a_claims_confidence(
    ex: Extractor, model: CheckModel
) -> None:
    with checked(ex, "boost,arbiter,check", steered(model, "sig=hedged", -1.0)):
        lower = {(c.actor, c.kind, c.issue): c.confidence for c in extract(ex, CYPRUS)}
    with checked(ex, "boost,arbiter,check", steered(model, "sig=hedged", 1.0)):
        higher = {(c.actor, c.kind, c.issue): c.confidence for c in extract(ex, CYPRUS)}
    assert lower.keys() == higher.keys()
    for triple, conf in higher.items():
        assert conf is not None and (lower[triple] or 0.0) <= conf
    assert any((lower[t] or 0.0) < (c or 0.0) for t, c in higher.items())


def test_a_confidently_spurious_claim_is_vetoed_only_with_the_veto(
    ex: Extractor, model: CheckModel
) -> None:
    # the model taught that a stance derived from a condition is never right
    doubting = steered(model, "sig=derived=condition", -30.0, veto_below=0.3)
    with checked(ex, "boost,arbiter,check", doubting):
        kept = extract(ex, CYPRUS)
    with checked(ex, "boost,arbiter,check,check_veto", doubting):
        vetoed = extract(ex, CYPRUS)
    with checked(ex, "boost,arbiter"):
        rules = extract(ex, CYPRUS)
    assert derived(kept) and all(
        c.confidence is not None and c.confidence < 0.3 for c in derived(kept)
    )
    assert derived(rules) and not derived(vetoed)
    assert [c.ordinal for c in vetoed] == list(range(len(vetoed)))
    assert {(c.actor, c.kind, c.issue) for c in vetoed} == {
        (c.actor, c.kind, c.issue) for c in kept if "derived=condition" not in c.signals
    }
    assert ("CYP", "demand", "territory") in {(c.actor, c.kind, c.issue) for c in vetoed}


def test_without_the_check_the_signals_set_the_confidence(ex: Extractor) -> None:
    from detente.extract.stance import confidence

    with checked(ex, "boost,arbiter"):
        found = extract(ex, KOSOVO)
    assert found
    for c in found:
        if "learned=boost" not in c.signals:
            assert c.confidence == confidence.score(c.signals)


def test_report_style_features(ex: Extractor) -> None:
    live = ex.nlp(ex._doc(Report(text=normalize_text(LIVE))))
    wire = ex.nlp(ex._doc(Report(text=normalize_text(KOSOVO))))
    assert "style=live" in report_features(live, None)
    assert "style=live" not in report_features(wire, None)
    # a wire story says who said what; the length bucket grows with the sentences
    assert "said=0" not in report_features(wire, None)
    assert any(f.startswith("len=") for f in report_features(wire, None))


def _positions(ex: Extractor, text: str) -> dict[str, set[str]]:
    """The position features (``pos=``/``rel=``) the check gives each claim of *text*, by the
    claim's quote."""
    comp = ex.nlp.get_pipe(FACTORY)
    comp.record_units = True
    try:
        doc = ex.nlp(normalize_text(text))
    finally:
        comp.record_units = False
    out: dict[str, set[str]] = {}
    for c, feats in zip(doc._.detente_claims, doc._.detente_claim_checks, strict=True):
        out.setdefault(c.quote, set()).update(f for f in feats if f.startswith(("pos=", "rel=")))
    return out


NIGER_LEDE = "Niger demanded the withdrawal of the remaining foreign troops by the end of March."


def test_a_sentence_alone_sits_where_a_report_s_lede_sits(ex: Extractor) -> None:
    # position is counted from the lede: a headline is scored apart and a dateline or a kicker
    # split off as its own fragment does not count, so a sentence given alone is placed where
    # the same sentence opening a report's body is, not where a headline is
    alone = _positions(ex, NIGER_LEDE)
    report = _positions(
        ex,
        "FLASH -- Niamey sets a deadline for foreign forces\n\n"
        f"NIAMEY, Feb 3, 2026 -- {NIGER_LEDE}\n\n"
        "Officials of both governments met in the capital last week.",
    )
    lede = next(v for q, v in report.items() if "remaining foreign troops" in q)
    assert alone and next(iter(alone.values())) == lede == {"pos=0", "rel=0"}


def test_a_headline_claim_is_scored_apart_from_the_body(ex: Extractor) -> None:
    found = _positions(
        ex,
        "Armenia rejects Baku's demand to change its constitution\n\n"
        "YEREVAN, May 5, 2025 -- Officials met on Monday. Armenia's prime minister said on "
        "Monday that Yerevan would accept a peace treaty without preconditions.",
    )
    head = next(v for q, v in found.items() if "constitution" in q)
    body = next(v for q, v in found.items() if "without preconditions" in q)
    assert head == {"pos=head", "rel=head"}
    assert "pos=head" not in body and "pos=1" in body
