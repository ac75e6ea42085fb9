"""Evaluation: scoring rules on hand-built stance sets, gold validation, ``detente eval``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_runner import run
from detente.evaluate import (
    EvalError,
    GoldClaim,
    GoldReport,
    ReportScore,
    Totals,
    bootstrap_intervals,
    calibration,
    classify_miss,
    load_gold,
    load_gold_dir,
    match_event_dates,
    match_stances,
    places_correct,
    predicted_stances,
    prf,
    score_report,
    source_found,
)
from detente.evaluation_stats import paired_f1_difference


def gc(actor: str | tuple[str, ...], kind: str, issue: str, **kw: Any) -> GoldClaim:
    """A gold claim from ``|``-separated alternatives."""
    actors = (actor,) if isinstance(actor, str) else actor
    return GoldClaim(actors, tuple(kind.split("|")), tuple(issue.split("|")), **kw)


# -- matching ----------------------------------------------------------------------------


def test_exact_matches_misses_and_spurious() -> None:
    gold = [gc("RUS", "demand", "territory"), gc("UKR", "reject", "territory")]
    m = match_stances(gold, [("RUS", "demand", "territory"), ("USA", "propose", "process")])
    assert (m.tp, m.fp, m.fn) == (1, 1, 1)
    assert m.false_positives == (("USA", "propose", "process"),)
    assert m.false_negatives == (gold[1],)


def test_kind_issue_and_actor_alternatives() -> None:
    gold = [gc(("saf", "SDN"), "demand|propose", "military_limits|territory")]
    assert match_stances(gold, [("SDN", "propose", "territory")]).tp == 1
    assert match_stances(gold, [("saf", "accept", "territory")]).tp == 0
    assert match_stances(gold, [("saf", "demand", "ceasefire")]).tp == 0
    assert match_stances(gold, [("rsf", "demand", "territory")]).tp == 0


def test_duplicate_predictions_count_once() -> None:
    gold = [gc("ISR", "threaten", "military_limits")]
    m = match_stances(gold, [("ISR", "threaten", "military_limits")] * 3)
    assert (m.tp, m.fp, m.fn) == (1, 0, 0)


def test_each_gold_and_each_prediction_matched_at_most_once() -> None:
    # Two gold claims that only one triple can satisfy: one stays a miss.
    gold = [gc("eu", "demand", "ceasefire|process"), gc("eu", "demand", "process|ceasefire")]
    m = match_stances(gold, [("eu", "demand", "process")])
    assert (m.tp, m.fp, m.fn) == (1, 0, 1)
    # One gold claim and two triples it accepts: the second is a false positive.
    m = match_stances(gold[:1], [("eu", "demand", "process"), ("eu", "demand", "ceasefire")])
    assert (m.tp, m.fp, m.fn) == (1, 1, 0)


def test_matching_is_maximum_not_greedy() -> None:
    # A greedy pass would give the first claim the only triple the second accepts.
    gold = [gc("ARM", "accept|offer", "recognition|territory"), gc("ARM", "accept", "recognition")]
    preds = [("ARM", "accept", "recognition"), ("ARM", "offer", "territory")]
    m = match_stances(gold, preds)
    assert (m.tp, m.fp, m.fn) == (2, 0, 0)


def test_optional_gold_is_neither_miss_nor_false_positive() -> None:
    gold = [gc("RUS", "accept", "process", required=False), gc("UKR", "demand", "ceasefire")]
    m = match_stances(gold, [("RUS", "accept", "process")])
    assert (m.tp, m.fp, m.fn) == (0, 0, 1)
    m = match_stances(gold, [("UKR", "demand", "ceasefire")])
    assert (m.tp, m.fp, m.fn) == (1, 0, 0)


def test_required_claims_win_contested_predictions() -> None:
    # The optional claim comes first but must not take the triple the required one needs.
    gold = [gc("TUR", "accept", "process", required=False), gc("TUR", "accept|propose", "process")]
    m = match_stances(gold, [("TUR", "accept", "process")])
    assert (m.tp, m.fp, m.fn) == (1, 0, 0)


def test_miss_causes_point_at_the_nearest_wrong_prediction() -> None:
    gold = gc("UKR", "reject", "territory|recognition")
    assert classify_miss(gold, [("UKR", "accept", "territory")]) == (
        "kind",
        ("UKR", "accept", "territory"),
    )
    assert classify_miss(gold, [("UKR", "reject", "process")]) == (
        "issue",
        ("UKR", "reject", "process"),
    )
    assert classify_miss(gold, [("RUS", "reject", "recognition")]) == (
        "actor",
        ("RUS", "reject", "recognition"),
    )
    assert classify_miss(gold, [("RUS", "demand", "process")]) == ("absent", None)
    # Kind is checked before issue.
    both = [("UKR", "reject", "process"), ("UKR", "offer", "territory")]
    assert classify_miss(gold, both)[0] == "kind"


# -- rates and attributes --------------------------------------------------------------------


def test_prf_values_and_empty_cases() -> None:
    p, r, f = prf(3, 1, 2)
    assert (p, r) == (0.75, 0.6)
    assert f == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 4) == (0.0, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, 0.0, 0.0)


def test_places_cover_and_exact() -> None:
    assert places_correct(["UA-14"], ["UA-14", "UA-09"]) == (True, False)
    assert places_correct(["UA-14", "UA-09"], ["UA-09", "UA-14"]) == (True, True)
    assert places_correct(["UA-23", "UA-65"], ["UA-23"]) == (False, False)


def test_source_containment() -> None:
    assert source_found("a Ukrainian source", ["A Ukrainian source familiar with the talks"])
    assert source_found("Financial Times", ["the financial times"])
    assert source_found("two Ukrainian officials", ["Ukrainian officials"])
    assert not source_found("BBC", ["Reuters", "a Hamas official"])
    # A one-word prediction does not count as the longer gold attribution.
    assert not source_found("sources close to the mediators", ["sources"])


def test_event_dates_use_each_prediction_once() -> None:
    gold = [date(2025, 5, 16), date(2025, 5, 16), date(2025, 8, 15)]
    assert match_event_dates(gold, ["2025-05-16", None, "2025-08-15"]) == 2
    assert match_event_dates(gold, ["2025-05-16", "2025-05-16", "2025-08-15"]) == 3
    assert match_event_dates([], ["2025-05-16"]) == 0


def test_predicted_stances_pool_places_and_sources() -> None:
    claims = [
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "places": ["UA-14"],
            "sources": ["FT"],
            "quote": "a",
        },
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "places": ["UA-09"],
            "sources": ["FT", "NBC"],
            "quote": "b",
        },
        {
            "actor": "UKR",
            "kind": "reject",
            "issue": "territory",
            "places": [],
            "sources": [],
            "quote": "c",
        },
    ]
    stances = predicted_stances(claims)
    assert [s.triple for s in stances] == [
        ("RUS", "demand", "territory"),
        ("UKR", "reject", "territory"),
    ]
    assert stances[0].places == {"UA-14", "UA-09"}
    assert stances[0].sources == ("FT", "NBC")


def test_score_report_on_stored_claim_dicts(tmp_path: Path) -> None:
    gold = GoldReport(
        name="r",
        text_path=tmp_path / "r.txt",
        yaml_path=tmp_path / "r.yaml",
        published=date(2025, 8, 21),
        claims=(
            gc(
                "RUS",
                "demand",
                "territory",
                places=("UA-14", "UA-09"),
                sources=("Financial Times",),
            ),
            gc("UKR", "reject", "territory", sources=("a Ukrainian official",)),
            gc("UKR", "demand", "ceasefire"),
            gc("TUR", "propose", "process", required=False),
        ),
        event_dates=(date(2025, 8, 15), date(2025, 8, 22)),
    )
    claims = [
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "places": ["UA-14"],
            "sources": ["the Financial Times"],
            "quote": "q1",
        },
        {
            "actor": "UKR",
            "kind": "reject",
            "issue": "territory",
            "places": [],
            "sources": ["a senior Ukrainian official"],
            "quote": "q2",
        },
        {
            "actor": "TUR",
            "kind": "propose",
            "issue": "process",
            "places": [],
            "sources": [],
            "quote": "q3",
        },
        {
            "actor": "USA",
            "kind": "offer",
            "issue": "sanctions",
            "places": [],
            "sources": [],
            "quote": "q4",
        },
    ]
    row = score_report(gold, claims, [{"date": "2025-08-15"}, {"date": None}])
    assert (row.gold, row.predicted, row.claims) == (3, 4, 4)
    assert (row.tp, row.fp, row.fn) == (2, 1, 1)
    assert (row.precision, row.recall) == (2 / 3, 2 / 3)
    assert (row.places_checked, row.places_covered, row.places_exact) == (1, 0, 0)
    assert row.place_errors[0]["gold"] == ["UA-14", "UA-09"]
    assert (row.sources_checked, row.sources_found) == (2, 2)
    assert (row.events_gold, row.events_found) == (2, 1)
    assert row.event_dates_missed == ["2025-08-22"]
    assert row.false_positives == [{"stance": "USA offer sanctions", "quote": "q4"}]
    assert row.false_negatives[0]["stance"] == "UKR demand ceasefire"
    assert row.false_negatives[0]["cause"] == "absent"
    assert row.miss_causes == {"kind": 0, "issue": 0, "actor": 0, "absent": 1}
    totals = Totals.of([row, row])
    assert (totals.tp, totals.fp, totals.fn) == (4, 2, 2)
    assert totals.place_accuracy == 0.0 and totals.source_accuracy == 1.0
    assert totals.event_date_accuracy == 0.5
    assert totals.miss_causes["absent"] == 2
    # The wrong USA prediction is no near miss of the missed UKR ceasefire: spurious outright.
    assert row.stage_errors == {
        "actor": 0,
        "kind": 0,
        "issue": 0,
        "missed trigger": 1,
        "spurious": 1,
    }
    assert totals.stage_errors["spurious"] == 2


def test_stage_errors_tell_near_misses_from_spurious_predictions() -> None:
    gold = GoldReport(
        "g",
        Path("g.txt"),
        Path("g.yaml"),
        None,
        (gc("SRB", "reject", "recognition"), gc("XKX", "demand", "minority_rights")),
    )
    claims = [
        {"actor": "SRB", "kind": "accept", "issue": "recognition", "confidence": 0.3},
        {"actor": "XKX", "kind": "demand", "issue": "minority_rights", "confidence": 0.9},
        {"actor": "eu", "kind": "propose", "issue": "economy", "confidence": 0.5},
    ]
    row = score_report(gold, claims)
    assert row.stage_errors == {
        "actor": 0,
        "kind": 1,
        "issue": 0,
        "missed trigger": 0,
        "spurious": 1,
    }
    assert sorted(row.confidences) == [(0.3, False), (0.5, False), (0.9, True)]


def test_calibration_bins_confidence_against_precision() -> None:
    pairs = [(0.1, False), (0.15, True), (0.55, True), (0.95, True), (0.99, False), (None, True)]
    bins = calibration(pairs, bins=5)
    assert [b["claims"] for b in bins] == [2, 0, 1, 0, 2]
    assert bins[0]["precision"] == 0.5 and bins[0]["mean_confidence"] == pytest.approx(0.125)
    assert bins[1]["precision"] is None
    assert bins[4]["correct"] == 1 and bins[4]["high"] == 1.0


# -- gold files ------------------------------------------------------------------------------


def write_pair(d: Path, name: str, text: str, gold: str) -> Path:
    (d / f"{name}.txt").write_text(text, encoding="utf-8")
    path = d / f"{name}.yaml"
    path.write_text(gold, encoding="utf-8")
    return path


def test_load_gold_reads_lists_scalars_and_defaults(tmp_path: Path) -> None:
    path = write_pair(
        tmp_path,
        "a",
        "T\n\nText.",
        "published: 2025-05-16\nclaims:\n"
        "  - {actor: RUS, kind: demand, issue: [territory], places: [UA-14], denied: true}\n"
        "  - {actor: [saf, SDN], kind: [reject], issue: [process], required: false}\n"
        "events:\n  - {date: '2025-05-17'}\n",
    )
    g = load_gold(path)
    assert g.published == date(2025, 5, 16)
    assert g.claims[0] == GoldClaim(("RUS",), ("demand",), ("territory",), places=("UA-14",))
    assert g.claims[1].actors == ("saf", "SDN") and not g.claims[1].required
    assert g.event_dates == (date(2025, 5, 17),)


def test_evidence_is_kept_when_quoted_exactly(tmp_path: Path) -> None:
    path = write_pair(
        tmp_path,
        "ev",
        "T\n\nOslo wants a truce now. Lima refused it.",
        "claims:\n  - {actor: NOR, kind: demand, issue: ceasefire,"
        " evidence: 'Oslo wants a truce now.'}\n",
    )
    assert load_gold(path).claims[0].evidence == ("Oslo wants a truce now.",)


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        (
            "claims: [{actor: RUS, kind: [demnd], issue: [territory]}]",
            "claims[0].kind: unknown value 'demnd'",
        ),
        (
            "claims: [{actor: RUS, kind: [demand], issue: [land]}]",
            "claims[0].issue: unknown value 'land'",
        ),
        ("claims: [{kind: [demand], issue: [territory]}]", "claims[0]: missing key 'actor'"),
        (
            "claims: [{actor: RUS, kind: [], issue: [territory]}]",
            "claims[0].kind: expected a string or a non-empty list",
        ),
        (
            "claims: [{actor: RUS, kind: demand, issue: process, required: maybe}]",
            "claims[0].required",
        ),
        (
            "claims: [{actor: RUS, kind: demand, issue: process, colour: red}]",
            "claims[0]: unknown key 'colour'",
        ),
        ("published: 16 May 2025\nclaims: []", "published: expected an ISO date"),
        ("events: [{date: tomorrow}]", "events[0].date: expected an ISO date"),
        ("claims: [{actor: RUS", "invalid YAML"),
        ("- just\n- a list", "expected a mapping"),
        ("claimz: []", "unknown key 'claimz'"),
        (
            "claims: [{actor: RUS, kind: demand, issue: process, evidence: 'Not there.'}]",
            "claims[0].evidence: 'Not there.' is not in the report text",
        ),
    ],
)
def test_malformed_gold_names_file_and_key(tmp_path: Path, gold: str, expected: str) -> None:
    path = write_pair(tmp_path, "bad", "T\n\nText.", gold)
    with pytest.raises(EvalError) as info:
        load_gold(path)
    message = str(info.value)
    assert str(path) in message and expected in message
    assert "\n" not in message


def test_gold_dir_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not a directory"):
        load_gold_dir(tmp_path / "missing")
    with pytest.raises(EvalError, match="no gold files"):
        load_gold_dir(tmp_path)
    (tmp_path / "lonely.yaml").write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(EvalError, match="no report text lonely.txt"):
        load_gold_dir(tmp_path)


# -- detente eval end to end -----------------------------------------------------------------

ADEN = """Yemen government rejects Houthi demand over port revenue

ADEN, Yemen, March 4 (Reuters) - Yemen's internationally recognised government on Tuesday
rejected a Houthi demand to share customs revenue from the port of Hodeidah, and called on the
group to release the aid workers it detains. The Houthis said they were ready to extend the
truce if salaries were paid. UN envoy Hans Grundberg will meet both sides in Muscat on Thursday.
"""

GOMA = """Congo and Rwanda agree to new round of talks in Doha

KINSHASA, June 6 (AFP) - Congo demanded on Friday that Rwanda withdraw its troops from North
Kivu before any economic deal, while Rwandan Foreign Minister Olivier Nduhungirehe said Kigali
would accept a joint security mechanism. M23 rejected any disarmament, a spokesman said.
"""


@pytest.fixture
def tiny_gold(tmp_path: Path) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    write_pair(
        d,
        "aden",
        ADEN,
        "published: 2025-03-04\nclaims:\n"
        "  - {actor: YEM, kind: [reject], issue: [economy]}\n"
        "  - {actor: houthis, kind: [demand], issue: [economy], places: [YE-HU]}\n"
        "  - {actor: YEM, kind: [demand], issue: [humanitarian]}\n"
        "  - {actor: houthis, kind: [offer, accept], issue: [ceasefire]}\n"
        "events:\n  - {date: 2025-03-06}\n",
    )
    write_pair(
        d,
        "goma",
        GOMA,
        "published: 2025-06-06\nclaims:\n"
        "  - {actor: COD, kind: [demand], issue: [territory, military_limits], places: [CD-NK]}\n"
        "  - {actor: RWA, kind: [accept, offer], issue: [security_guarantees]}\n"
        "  - {actor: m23, kind: [reject], issue: [military_limits], sources: [a spokesman]}\n"
        "events: []\n",
    )
    return d


def assert_consistent(row: dict) -> None:
    p, r, f = prf(row["tp"], row["fp"], row["fn"])
    assert row["precision"] == pytest.approx(p)
    assert row["recall"] == pytest.approx(r)
    assert row["f1"] == pytest.approx(f)


def test_eval_command_end_to_end(tiny_gold: Path) -> None:
    code, out, err = run("eval", str(tiny_gold), "--format", "json", "--show-errors")
    assert code == 0, err
    data = json.loads(out)
    assert [r["name"] for r in data["reports"]] == ["aden", "goma"]
    assert data["extractor"] and data["model"]
    for row in data["reports"]:
        assert_consistent(row)
        assert row["tp"] + row["fn"] == row["gold"]
        assert row["fp"] == len(row["false_positives"])
        assert row["fn"] == len(row["false_negatives"])
        assert row["tp"] + row["fp"] <= row["predicted"] <= row["claims"]
    totals = data["totals"]
    assert_consistent(totals)
    for key in ("tp", "fp", "fn", "gold", "predicted"):
        assert totals[key] == sum(r[key] for r in data["reports"])
    assert totals["gold"] == 7 and totals["events_gold"] == 1

    assert set(totals["stage_errors"]) == {"actor", "kind", "issue", "missed trigger", "spurious"}
    assert sum(b["claims"] for b in totals["calibration"]) == sum(
        r["claims"] for r in data["reports"]
    )

    code, out, _ = run("eval", str(tiny_gold))
    assert code == 0

    assert "TOTAL (micro)" in out and "aden" in out and "event-date accuracy" in out
    assert "errors by stage: actor" in out and "confidence calibration" in out

    code, out, _ = run("eval", str(tiny_gold), "--format", "csv")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].startswith("name,gold,predicted,tp,fp,fn")
    assert len(lines) == 4 and lines[-1].startswith("TOTAL (micro)")

    code, out, _ = run("eval", str(tiny_gold), "--format", "jsonl")
    assert code == 0 and [json.loads(x)["name"] for x in out.splitlines()][-1] == "TOTAL (micro)"


def test_gold_built_from_extractor_output_scores_perfectly(tmp_path: Path) -> None:
    from detente.extract import get_extractor
    from detente.reading import read_text
    from detente.store import Store

    gold_dir = tmp_path / "own"
    gold_dir.mkdir()
    store = Store.open(tmp_path / "own.db")
    try:
        for name, text, published in (
            ("aden", ADEN, date(2025, 3, 4)),
            ("goma", GOMA, date(2025, 6, 6)),
        ):
            res = store.ingest(read_text(text, published=published), get_extractor())
            claims, pooled = store.claims(report_id=res.report_id), {}
            for s in predicted_stances(claims):
                pooled[s.triple] = s
            gold = {
                "published": published,
                "claims": [
                    {
                        "actor": s.actor,
                        "kind": [s.kind],
                        "issue": [s.issue],
                        **({"places": sorted(s.places)} if s.places else {}),
                        **({"sources": list(s.sources)} if s.sources else {}),
                    }
                    for s in pooled.values()
                ],
                "events": [
                    {"date": e["date"]} for e in store.events(report_id=res.report_id) if e["date"]
                ],
            }
            write_pair(gold_dir, name, text, yaml.safe_dump(gold, sort_keys=False))
    finally:
        store.close()
    code, out, err = run("eval", str(gold_dir), "--format", "json")
    assert code == 0, err
    totals = json.loads(out)["totals"]
    assert totals["fp"] == 0 and totals["fn"] == 0
    assert totals["f1"] == 1.0
    for key in ("place_accuracy", "place_exact", "source_accuracy", "event_date_accuracy"):
        assert totals[key] in (1.0, None)


@pytest.mark.parametrize("make", ["missing", "empty", "malformed"])
def test_eval_command_bad_input_is_one_line_exit_2(tmp_path: Path, make: str) -> None:
    target = tmp_path / "gold"
    if make != "missing":
        target.mkdir()
    if make == "malformed":
        write_pair(
            target, "x", "T\n\nText.", "claims: [{actor: RUS, kind: [wish], issue: [process]}]"
        )
    code, out, err = run("eval", str(target))
    assert code == 2 and out == ""
    assert err.startswith("detente: ") and err.count("\n") == 1


# -- uncertainty -------------------------------------------------------------------------


def _row(name: str, tp: int, fp: int, fn: int, places: tuple[int, int] = (0, 0)) -> ReportScore:
    p, r, f = prf(tp, fp, fn)
    return ReportScore(
        name, tp + fn, tp + fp, tp + fp, tp, fp, fn, p, r, f,
        places_covered=places[0], places_checked=places[1],
    )  # fmt: skip


def test_bootstrap_interval_brackets_the_micro_f1_and_is_reproducible() -> None:
    rows = [_row(f"r{i}", tp=3 + i % 4, fp=i % 3, fn=2 + i % 5) for i in range(30)]
    totals = Totals.of(rows)
    low, high = totals.intervals["f1"] or (None, None)
    assert low is not None and high is not None
    assert low < totals.f1 < high
    assert bootstrap_intervals(rows) == totals.intervals  # fixed seed: same every run


def test_interval_narrows_with_more_reports() -> None:
    few = [_row(f"r{i}", tp=2 + i % 5, fp=i % 4, fn=1 + i % 3) for i in range(8)]
    many = few * 8
    f_few, f_many = bootstrap_intervals(few)["f1"], bootstrap_intervals(many)["f1"]
    assert f_few is not None and f_many is not None
    assert f_many[1] - f_many[0] < f_few[1] - f_few[0]


def test_no_interval_for_an_attribute_never_checked() -> None:
    rows = [_row("a", 2, 1, 1), _row("b", 1, 0, 2)]
    iv = bootstrap_intervals(rows)
    assert iv["place_accuracy"] is None and iv["source_accuracy"] is None
    assert bootstrap_intervals([]) == {"f1": None, "place_accuracy": None, "source_accuracy": None}


def test_one_report_with_every_place_right_has_a_point_interval() -> None:
    iv = bootstrap_intervals([_row("a", 2, 0, 0, places=(3, 3))])
    assert iv["place_accuracy"] == [1.0, 1.0] and iv["f1"] == [1.0, 1.0]


def test_paired_difference_of_identical_systems_is_exactly_zero() -> None:
    counts = [(3 + i % 4, i % 3, 2 + i % 5) for i in range(20)]
    assert paired_f1_difference(counts, counts) == (0.0, 0.0, 0.0)


def test_paired_difference_sees_a_small_consistent_gain_that_separate_intervals_hide() -> None:
    base = [(4 + i % 6, 1 + i % 3, 3 + i % 4) for i in range(60)]
    # one more stance found in every fifth report, at the cost of nothing else
    better = [
        (tp + 1, fp, fn - 1) if i % 5 == 0 else (tp, fp, fn) for i, (tp, fp, fn) in enumerate(base)
    ]
    d, low, high = paired_f1_difference(base, better)
    assert 0 < low <= d <= high
    # the systems' own intervals overlap, so only the paired view shows the gain is real
    rows_a = [_row(f"r{i}", *c) for i, c in enumerate(base)]
    rows_b = [_row(f"r{i}", *c) for i, c in enumerate(better)]
    a, b = bootstrap_intervals(rows_a)["f1"], bootstrap_intervals(rows_b)["f1"]
    assert a is not None and b is not None and b[0] < a[1]


def test_paired_difference_straddles_zero_when_gains_and_losses_balance() -> None:
    base = [(5, 2, 3)] * 40
    mixed = [(6, 2, 2) if i % 2 else (4, 2, 4) for i in range(40)]
    d, low, high = paired_f1_difference(base, mixed)
    assert d == 0.0 and low < 0 < high


def test_paired_difference_needs_the_same_reports() -> None:
    with pytest.raises(ValueError):
        paired_f1_difference([(1, 0, 0)], [])


def test_eval_against_a_previous_run_prints_the_paired_change(
    tiny_gold: Path, tmp_path: Path
) -> None:
    code, out, err = run("eval", str(tiny_gold), "--format", "json")
    assert code == 0, err
    now = json.loads(out)
    # an older run that found one stance fewer in the first report
    older = json.loads(out)
    older["extractor"] = "detente.extract.v0"
    first = older["reports"][0]
    assert first["tp"] > 0
    first["tp"] -= 1
    first["fn"] += 1
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(older), encoding="utf-8")

    code, out, err = run("eval", str(tiny_gold), "--format", "json", "--against", str(previous))
    assert code == 0, err
    change = json.loads(out)["against"]
    assert change["previous_extractor"] == "detente.extract.v0"
    assert (change["tp_change"], change["fp_change"], change["fn_change"]) == (1, 0, -1)
    assert change["f1_change"] > 0 and change["reports_better"] == 1
    assert change["reports_worse"] == 0 and change["reports"] == len(now["reports"])
    low, high = change["interval"]
    assert low <= change["f1_change"] <= high

    code, out, _ = run("eval", str(tiny_gold), "--against", str(previous))
    assert code == 0 and "against detente.extract.v0: F1 +" in out and "tp +1" in out

    # the same run compared with itself changes nothing
    same = tmp_path / "same.json"
    same.write_text(json.dumps(now), encoding="utf-8")
    code, out, _ = run("eval", str(tiny_gold), "--format", "json", "--against", str(same))
    assert json.loads(out)["against"]["f1_change"] == 0.0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not a readable detente eval JSON"),
        ('{"totals": {}}', "no 'reports' list"),
        ('{"reports": [{"name": "aden", "tp": 1}]}', "without name, tp, fp and fn"),
        ('{"reports": [{"name": "elsewhere", "tp": 1, "fp": 0, "fn": 0}]}', "different reports"),
    ],
)
def test_eval_against_a_bad_file_is_one_line_exit_2(
    tiny_gold: Path, tmp_path: Path, content: str, expected: str
) -> None:
    previous = tmp_path / "previous.json"
    previous.write_text(content, encoding="utf-8")
    code, out, err = run("eval", str(tiny_gold), "--against", str(previous))
    assert code == 2 and out == ""
    assert err.startswith("detente: ") and err.count("\n") == 1 and expected in err


def test_show_errors_quotes_the_gold_passage_of_a_miss(tmp_path: Path) -> None:
    d = tmp_path / "gold"
    d.mkdir()
    write_pair(
        d,
        "oslo",
        "OSLO, May 2 - The weather was mild. Norway hopes for calm in the region.\n",
        "published: 2025-05-02\nclaims:\n"
        "  - {actor: NOR, kind: [offer], issue: [territory],"
        " evidence: 'Norway hopes for calm in the region.'}\n",
    )
    code, out, err = run("eval", str(d), "--show-errors")
    assert code == 0, err
    missed = [line for line in out.splitlines() if line.strip().startswith("missed")]
    assert missed and "«Norway hopes for calm in the region.»" in missed[0]
    code, out, _ = run("eval", str(d), "--format", "json", "--show-errors")
    (row,) = json.loads(out)["reports"]
    assert row["false_negatives"][0]["evidence"] == ["Norway hopes for calm in the region."]
