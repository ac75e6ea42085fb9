"""The learned arbiter: a claim-level model overrules a weakly cued rule issue when it is
confident, a strongly cued one only past stricter thresholds (and never with a model written
without them), and it works from the parse the rules already made.
Reports written for these tests, across several conflicts."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

from detente.extract import Extractor
from detente.extract.stance.arbiter import (
    ARBITER_VERSION,
    SIGNAL,
    WEAK_ISSUE,
    ArbiterModel,
    shipped_arbiter,
)
from detente.extract.stance.learned import DEFAULT_LEARNED
from detente.extract.stances import FACTORY
from detente.records import Claim
from extracting import claims as extract

# "stop its provocations": weak evidence for a ceasefire, which the rules' cue gives
SHOAL = (
    "MANILA, May 2 - Philippine and Chinese vessels clashed near the shoal and the fighting "
    "went on for hours. Manila urged Beijing to stop its provocations at the shoal, a "
    "spokesman said."
)
# strong cues only: a sanctions demand and a withdrawal
STRONG = (
    "TBILISI, Sept 3 - Georgia's foreign minister said on Wednesday that Tbilisi demanded the "
    "lifting of the trade embargo and the withdrawal of Russian troops from South Ossetia."
)
BORDER = (
    "ERBIL, March 2 - Kurdish and federal officials met on Monday. The regional government "
    "said Baghdad had to respect the agreement on the disputed districts, a spokesman said. "
    "Baghdad insisted on prior approval of every convoy to Kirkuk."
)


def steered(model: ArbiterModel, favour: str, against: str) -> ArbiterModel:
    """The shipped model made sure of *favour* and against *against* for every claim, so that
    the tests exercise the arbitration rather than what the training data taught."""
    bias = model.bias.copy()
    bias[model.outputs.index("issue:" + favour)] = 20.0
    bias[model.outputs.index("issue:" + against)] = -20.0
    return dataclasses.replace(model, bias=bias)


@contextlib.contextmanager
def uses(
    ex: Extractor, learned: str, steer: tuple[str, str] | None = None, **thresholds: float
) -> Iterator[None]:
    """Run the shared extractor with other learned uses (and arbiter thresholds, or a model
    steered towards one issue), restored after."""
    comp = ex.nlp.get_pipe(FACTORY)
    saved = (comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model)
    comp.use_learned(learned)
    if comp.arbiter_model is not None and steer is not None:
        comp.arbiter_model = steered(comp.arbiter_model, *steer)
    if comp.arbiter_model is not None and thresholds:
        comp.arbiter_model = dataclasses.replace(comp.arbiter_model, **thresholds)
    try:
        yield
    finally:
        comp.learned, comp.learned_model, comp.arbiter_model, comp.check_model = saved


def triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims}


def test_shipped_arbiter_loads_and_its_issue_use_is_on_by_default(ex: Extractor) -> None:
    model = shipped_arbiter()
    assert model is not None
    assert {o.split(":")[0] for o in model.outputs} == {"kind", "issue"}
    assert model.weights.shape == (len(model.index), len(model.outputs))
    assert 0.0 < model.issue_keep_below < model.issue_above <= 1.0
    # grouped cross-validation on the 439 dev reports puts the F1 change of the issue arbiter
    # (with the boost and half the sentence model's weight) above 0: on by default, the kind
    # arbiter and the second-stance variant still off
    assert "arbiter" in DEFAULT_LEARNED.split(",")
    assert not {"arbiter_kind", "arbiter_add"} & set(DEFAULT_LEARNED.split(","))
    assert 0.0 < model.sentence_weight < 1.0
    assert ex.nlp.get_pipe(FACTORY).arbiter_model is model
    with uses(ex, "check"):
        assert ex.nlp.get_pipe(FACTORY).arbiter_model is None
    with uses(ex, "arbiter"):
        assert ex.nlp.get_pipe(FACTORY).arbiter_model is model


def test_confident_model_replaces_a_weakly_cued_issue(ex: Extractor) -> None:
    with uses(ex, "boost"):
        rules = [c for c in extract(ex, SHOAL) if c.actor == "PHL"]
    assert ("PHL", "demand", "ceasefire") in triples(rules)
    (weak,) = [c for c in rules if c.issue == "ceasefire"]
    assert set(weak.signals) & WEAK_ISSUE
    with uses(ex, "boost,arbiter", steer=("military_limits", "ceasefire")):
        judged = [c for c in extract(ex, SHOAL) if c.actor == "PHL"]
    assert ("PHL", "demand", "military_limits") in triples(judged)
    assert ("PHL", "demand", "ceasefire") not in triples(judged)
    (changed,) = [c for c in judged if SIGNAL in c.signals]
    assert changed.quote == weak.quote and changed.start == weak.start
    assert 0.0 < (changed.confidence or 0.0) <= 1.0


def test_arbiter_add_keeps_the_rule_issue_beside_the_models(ex: Extractor) -> None:
    with uses(ex, "boost,arbiter_add", steer=("military_limits", "ceasefire")):
        judged = [c for c in extract(ex, SHOAL) if c.actor == "PHL"]
    assert {("PHL", "demand", "ceasefire"), ("PHL", "demand", "military_limits")} <= triples(judged)
    assert len({c.ordinal for c in judged}) == len(judged)


def test_strongly_cued_issues_are_left_alone_without_strong_thresholds(ex: Extractor) -> None:
    with uses(ex, "boost"):
        rules = extract(ex, STRONG)
    assert rules and not any(set(c.signals) & WEAK_ISSUE for c in rules)
    with uses(ex, "boost,arbiter", issue_above=0.0, issue_keep_below=1.01, strong_above=1.01):
        judged = extract(ex, STRONG)
    assert triples(judged) == triples(rules)
    assert not any(SIGNAL in c.signals for c in judged)


def test_a_model_without_strong_thresholds_leaves_strong_cues_alone() -> None:
    model = shipped_arbiter()
    assert model is not None
    arrays = {
        "version": ARBITER_VERSION,
        "features": list(model.index),
        "outputs": list(model.outputs),
        "weights": model.weights,
        "bias": model.bias,
        "issue_above": 0.5,
        "issue_keep_below": 0.3,
        "kind_above": 0.8,
        "kind_keep_below": 0.1,
        "sentence_weight": 0.5,
    }
    old = ArbiterModel.from_arrays(arrays)
    assert old.strong_above > 1.0
    # the shipped model overrules strong cues, more strictly than weak ones (by CV on dev)
    assert model.issue_above <= model.strong_above <= 1.0
    assert model.strong_keep_below >= model.issue_keep_below


def test_a_sure_model_overrules_a_strong_cue_past_the_strong_thresholds(ex: Extractor) -> None:
    with uses(ex, "boost"):
        rules = [c for c in extract(ex, STRONG) if c.actor == "GEO"]
    assert ("GEO", "demand", "sanctions") in triples(rules)
    with uses(
        ex,
        "boost,arbiter",
        steer=("economy", "sanctions"),
        strong_above=0.6,
        strong_keep_below=0.4,
        sentence_weight=0.0,  # the claim model alone, steered
    ):
        judged = [c for c in extract(ex, STRONG) if c.actor == "GEO"]
    assert ("GEO", "demand", "economy") in triples(judged)
    assert ("GEO", "demand", "sanctions") not in triples(judged)
    changed = [c for c in judged if SIGNAL in c.signals]
    assert changed and all(not set(c.signals) & WEAK_ISSUE for c in changed)


def test_unconfident_model_leaves_the_rules_alone(ex: Extractor) -> None:
    for text in (SHOAL, BORDER):
        with uses(ex, "boost"):
            rules = extract(ex, text)
        with uses(ex, "boost,arbiter", issue_above=1.01):
            judged = extract(ex, text)
        assert triples(judged) == triples(rules)
