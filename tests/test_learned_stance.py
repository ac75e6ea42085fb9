"""The learned sentence model: its training is reproducible, it runs inside the real extractor,
and the stances it adds are well formed (holder from the holder stage, exact spans, low
confidence).  Reports written for these tests, across several conflicts."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from detente.extract import Extractor
from detente.extract.stance.learned import (
    DEFAULT_LEARNED,
    USES,
    shipped_model,
    unit_features,
)
from detente.extract.stances import FACTORY, StanceComponent
from detente.records import Claim, normalize_text
from extracting import claims as extract

ROOT = Path(__file__).resolve().parents[1]

MOLDOVA = (
    "CHISINAU, Jan 12 - Moldovan and Transnistrian negotiators met in Bender on Tuesday. "
    "Moldova's reintegration minister said Chisinau wanted the sentry posts along the Dniester "
    "dismantled. Tiraspol did not comment."
)
KENYA = (
    "NAIROBI, May 9 - Kenya and Somalia traded accusations over the sea boundary on Tuesday. "
    "Kenya's foreign ministry said Nairobi counted on the maritime border being redrawn along "
    "the line of latitude. Officials in Mogadishu did not respond."
)
GEORGIA = (
    "TBILISI, Sept 3 - Georgian and Abkhaz delegates met in Geneva on Wednesday. Georgia's "
    "foreign minister said Tbilisi would never accept the breakaway region's independence. No "
    "date was set for the next round."
)


def _component(ex: Extractor) -> StanceComponent:
    return ex.nlp.get_pipe(FACTORY)


@contextlib.contextmanager
def learned(ex: Extractor, uses: str, **thresholds: float) -> Iterator[None]:
    """Run the shared extractor with other learned uses (and thresholds), then restore it."""
    comp = _component(ex)
    saved = (comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model)
    comp.use_learned(uses)
    model = shipped_model()
    assert model is not None
    comp.learned_model = dataclasses.replace(model, **thresholds)
    try:
        yield
    finally:
        comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model = saved


def boosted(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if "learned=boost" in c.signals]


def test_shipped_model_loads_with_its_outputs_and_thresholds() -> None:
    model = shipped_model()
    assert model is not None
    assert model.outputs[:2] == ("stance", "missed")
    assert {o.split(":")[0] for o in model.outputs[2:]} == {"kind", "issue"}
    assert 0.0 <= model.veto_below < model.boost_above <= 1.0
    assert model.weights.shape == (len(model.index), len(model.outputs))
    assert set(DEFAULT_LEARNED.split(",")) <= USES


def test_default_extractor_runs_the_learned_stage(ex: Extractor) -> None:
    comp = _component(ex)
    assert comp.learned == frozenset(DEFAULT_LEARNED.split(","))
    assert comp.learned_model is shipped_model()


def test_unknown_use_is_refused(ex: Extractor) -> None:
    with pytest.raises(ValueError, match="unknown learned uses: guess"):
        _component(ex).use_learned("boost,guess")


def test_boost_gives_an_unclassified_trigger_the_models_issue(ex: Extractor) -> None:
    # "wanted the sentry posts … dismantled": the rules find Moldova's demand but no issue cue
    with learned(ex, ""):
        assert not [c for c in extract(ex, MOLDOVA) if c.actor == "MDA"]
    # a low probe threshold: the model's issue for this one sentence sits near 0.3 and moves
    # with each retraining on a larger gold/dev
    with learned(ex, "boost", boost_above=0.25):
        claims = boosted(extract(ex, MOLDOVA))
    assert [(c.actor, c.kind) for c in claims] == [("MDA", "demand")]
    (c,) = claims
    assert c.quote.startswith("Moldova's reintegration minister said") and c.quote.endswith(
        "dismantled."
    )
    assert c.issue in ("military_limits", "territory", "security_guarantees")
    assert c.confidence is not None and c.confidence < 0.5
    assert c.actor_name


MOLDOVA_HEARSAY = (
    "CHISINAU, Jan 12 - Moldovan and Transnistrian negotiators met in Bender on Tuesday. "
    "According to two Western diplomats, Chisinau may want the sentry posts along the Dniester "
    "dismantled. Tiraspol did not comment."
)


def test_boosted_stance_keeps_the_hedge_and_attribution_the_rules_read(ex: Extractor) -> None:
    # the stance the model classifies is hedged ("may") and second-hand ("according to"); the
    # hedge lowers the model's score, so the threshold is set well below it
    with learned(ex, "boost", boost_above=0.1):
        claims = boosted(extract(ex, MOLDOVA_HEARSAY))
    assert [(c.actor, c.kind) for c in claims] == [("MDA", "demand")]
    (c,) = claims
    assert c.hedged and c.anonymous
    assert any("diplomats" in s for s in c.sources)
    with learned(ex, "boost", boost_above=0.1):
        (plain,) = boosted(extract(ex, MOLDOVA))
    assert not plain.hedged and not any("diplomats" in s for s in plain.sources)


def test_boost_still_works_beside_the_veto(ex: Extractor) -> None:
    with learned(ex, "boost,veto", boost_above=0.25, veto_below=0.0):
        claims = boosted(extract(ex, MOLDOVA))
    assert [(c.actor, c.kind) for c in claims] == [("MDA", "demand")]


def test_boost_threshold_holds_back_unsure_sentences(ex: Extractor) -> None:
    with learned(ex, "boost", boost_above=0.99):
        assert not boosted(extract(ex, MOLDOVA))


def test_boost_verb_finds_a_stance_with_a_verb_the_lexicons_lack(ex: Extractor) -> None:
    # "counted on the border being redrawn": no stance verb of the lexicon, no rule stance
    with learned(ex, ""):
        assert not extract(ex, KENYA)
    with learned(ex, "boost_verb", boost_verb_above=0.15):
        claims = boosted(extract(ex, KENYA))
    assert [(c.actor, c.kind, c.issue) for c in claims] == [("KEN", "demand", "territory")]
    assert claims[0].quote.startswith("Kenya's foreign ministry said")


def test_boost_verb_stances_carry_the_places_and_sources_the_rules_would_read(
    ex: Extractor,
) -> None:
    # a stance the model finds without a trigger still says where and according to whom
    hearsay = KENYA.replace(
        "Kenya's foreign ministry said Nairobi counted on",
        "According to two diplomats, Kenya counted on",
    ).replace(
        "the maritime border being redrawn", "the maritime border off Lamu County being redrawn"
    )
    with learned(ex, "boost_verb", boost_verb_above=0.15):
        (c,) = boosted(extract(ex, hearsay))
    assert c.actor == "KEN"  # the kind is the model's reading of the sentence
    assert c.places == ["KE-21"]
    assert c.sources == ["two diplomats"] and c.anonymous
    with learned(ex, "boost_verb", boost_verb_above=0.15):
        (plain,) = boosted(extract(ex, KENYA))
    assert plain.places == [] and plain.sources == [] and not plain.anonymous


def test_veto_drops_rule_stances_only_below_its_threshold(ex: Extractor) -> None:
    with learned(ex, ""):
        rules = extract(ex, GEORGIA)
    assert ("GEO", "reject", "recognition") in [(c.actor, c.kind, c.issue) for c in rules]
    with learned(ex, "veto", veto_below=0.0):
        kept = extract(ex, GEORGIA)
    assert [(c.actor, c.kind, c.issue) for c in kept] == [(c.actor, c.kind, c.issue) for c in rules]
    with learned(ex, "veto", veto_below=1.01):
        assert extract(ex, GEORGIA) == []


def test_features_generalise_names_and_see_the_lexicons(ex: Extractor) -> None:
    doc = ex.nlp(normalize_text("Armenia would never accept the corridor, the minister said."))
    feats = unit_features(next(iter(doc.sents)), _component(ex))
    assert "w=armenia" not in feats and "w=#GPE" in feats
    assert "lexVERB=accept" in feats and "neg" in feats and "md=would" in feats


def _shipped_arrays(name: str) -> dict[str, np.ndarray]:
    with resources.files("detente.knowledge").joinpath(name).open("rb") as fh, np.load(fh) as a:
        return {k: a[k] for k in a.files}


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_stance_model", ROOT / "scripts" / "train_stance_model.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_training_is_deterministic_and_reproduces_the_shipped_models() -> None:
    trainer = _trainer()
    extractor = Extractor()
    items = trainer.parse(str(ROOT / "gold" / "dev"), extractor)
    assert sum(len(it.claims) for it in items) > 500  # rule claims labelled for the arbiter
    for name, fit in (
        ("stance_model.npz", trainer.train),
        ("arbiter_model.npz", trainer.train_arbiter),
    ):
        first, second = fit(items), fit(items)
        shipped = resources.files("detente.knowledge").joinpath(name)
        with shipped.open("rb") as fh, np.load(fh) as arrays:
            for key in ("features", "outputs", "weights", "bias"):
                assert np.array_equal(first[key], second[key])
                assert np.array_equal(first[key], arrays[key])
    # the claim check, trained on the claims the shipped sentence model and arbiter give
    stance, arbiter = (_shipped_arrays(n) for n in ("stance_model.npz", "arbiter_model.npz"))
    rows = trainer.check_rows(items, extractor, stance, arbiter)
    assert len(rows) > 1000 and 0.5 < sum(r.right for r in rows) / len(rows) < 1.0
    first, second = trainer.train_check(items, rows), trainer.train_check(items, rows)
    shipped = resources.files("detente.knowledge").joinpath("claimcheck_model.npz")
    with shipped.open("rb") as fh, np.load(fh) as arrays:
        for key in arrays.files:
            assert np.array_equal(first[key], second[key])
            assert np.array_equal(first[key], arrays[key]), key


def test_cross_validation_groups_never_split_a_conflict() -> None:
    trainer = _trainer()
    names = [p.stem for p in sorted((ROOT / "gold" / "dev").glob("*.yaml"))]
    groups = {n: trainer.conflict_of(n) for n in names}
    assert groups["an_russia_japan_kurils"] == groups["qa_lavrov_kurils_presser"]
    assert groups["live_taiwan_drills_liveblog"] == groups["iss_taiwan_kinmen_routes"]
    assert (
        groups["iss_belize_guatemala_sarstoon"] == groups["agency_guatemala_belize_sarstoon_call"]
    )
