"""Score an extractor against hand-annotated gold reports.

A gold directory holds ``NAME.txt`` reports, each with a ``NAME.yaml`` annotation::

    published: 2025-05-16
    claims:
      - {actor: RUS, kind: [demand], issue: [territory], places: [UA-14], sources: [a Ukrainian official]}
      - {actor: TUR, kind: [accept, propose], issue: [process], required: false}
    events:
      - {date: 2025-05-16}

:func:`evaluate` reads every report as ``detente ingest`` would, stores it in a
temporary SQLite database through :class:`~detente.store.Store`, reads the
claims and events back and scores them.

Scoring rules
-------------
* **Stances** are the distinct ``(actor, kind, issue)`` triples of a report.  A
  predicted triple matches a gold claim when its actor is one of the gold
  actors, its kind one of the gold kinds and its issue one of the gold issues.
  Each gold claim and each predicted triple is matched at most once; the
  matching is maximum and matches as many required gold claims as possible.
  Unmatched required gold claims are false negatives, unmatched predictions are
  false positives; a prediction matched to a ``required: false`` claim is
  neither.  Precision, recall and F1 are micro-averaged over all reports.
* **Places**: for every matched stance whose gold claim lists places, the
  places of all predicted claims with that triple are pooled; the stance counts
  as correct when they include every gold place (extra places are allowed,
  since several claims may share a triple).  Exact set equality is reported too.
* **Sources**: for every matched stance whose gold claim lists sources, the
  stance counts as correct when each gold source is found among the pooled
  predicted sources: case-insensitively, ignoring a leading article or
  number word, the gold name must occur inside a predicted name (or a predicted
  name of two words or more inside the gold name).
* **Event dates**: each gold event date must be the date of a distinct
  predicted event of the report.

Each miss is also given a likely cause for error analysis: an unmatched
prediction of the report differs from it only in its ``kind``, its ``issue``
or its ``actor``, or nothing close was predicted (``absent``: a missed
trigger).  Unmatched predictions that are no such near miss are ``spurious``.
The per-stage counts and a calibration table (claim confidence in bins
against the share of claims whose triple matched the gold) are in the totals.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from detente.evaluation_stats import bootstrap_intervals, calibration
from detente.records import ISSUES, KINDS, Report

__all__ = [
    "EvalError",
    "MISS_CAUSES",
    "EvalResult",
    "GoldClaim",
    "GoldReport",
    "PredictedStance",
    "ReportScore",
    "STAGE_ERRORS",
    "StanceMatch",
    "Totals",
    "calibration",
    "classify_miss",
    "evaluate",
    "load_gold",
    "load_gold_dir",
    "match_event_dates",
    "match_stances",
    "places_correct",
    "predicted_stances",
    "prf",
    "score_report",
    "source_found",
]

Triple = tuple[str, str, str]

_TOP_KEYS = {"published", "claims", "events", "facts", "note", "notes"}
_CLAIM_KEYS = {
    "actor",
    "kind",
    "issue",
    "places",
    "sources",
    "required",
    "denied",
    "conditional",
    "hedged",
    "negated",
    "evidence",
    "note",
}
_EVENT_KEYS = {"date", "kind", "participants", "place", "note"}


class EvalError(Exception):
    """A gold directory or gold file that cannot be used (one-line message)."""


# -- gold ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated stance with its acceptable actors, kinds and issues."""

    actors: tuple[str, ...]
    kinds: tuple[str, ...]
    issues: tuple[str, ...]
    places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    required: bool = True
    #: Exact passages of the report text that state this stance.
    evidence: tuple[str, ...] = ()

    def accepts(self, triple: Triple) -> bool:
        """True when the predicted ``(actor, kind, issue)`` satisfies this claim."""
        actor, kind, issue = triple
        return actor in self.actors and kind in self.kinds and issue in self.issues

    def label(self) -> str:
        """Compact text form, e.g. ``RUS demand territory|military_limits``."""
        text = " ".join("|".join(part) for part in (self.actors, self.kinds, self.issues))
        return text if self.required else f"{text} (optional)"


@dataclass(frozen=True, slots=True)
class GoldReport:
    """A gold report: where its text is, its publication date and its annotation."""

    name: str
    text_path: Path
    yaml_path: Path
    published: date | None
    claims: tuple[GoldClaim, ...]
    event_dates: tuple[date, ...] = ()


def _strings(value: Any, where: str, *, allowed: Sequence[str] | None = None) -> tuple[str, ...]:
    # A scalar string stands for a one-element list.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise EvalError(f"{where}: expected a string or a non-empty list of strings")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise EvalError(f"{where}: expected strings, got {item!r}")
        if allowed is not None and item not in allowed:
            raise EvalError(
                f"{where}: unknown value {item!r} (expected one of {', '.join(allowed)})"
            )
        out.append(item.strip())
    return tuple(out)


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise EvalError(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}")


def _claim(raw: Any, where: str, text: str | None = None) -> GoldClaim:
    if not isinstance(raw, Mapping):
        raise EvalError(f"{where}: expected a mapping with actor, kind and issue")
    unknown = sorted(set(raw) - _CLAIM_KEYS)
    if unknown:
        raise EvalError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("actor", "kind", "issue"):
        if key not in raw:
            raise EvalError(f"{where}: missing key {key!r}")
    required = raw.get("required", True)
    if not isinstance(required, bool):
        raise EvalError(f"{where}.required: expected true or false, got {required!r}")
    return GoldClaim(
        actors=_strings(raw["actor"], f"{where}.actor"),
        kinds=_strings(raw["kind"], f"{where}.kind", allowed=KINDS),
        issues=_strings(raw["issue"], f"{where}.issue", allowed=ISSUES),
        places=_strings(raw["places"], f"{where}.places") if raw.get("places") else (),
        sources=_strings(raw["sources"], f"{where}.sources") if raw.get("sources") else (),
        required=required,
        evidence=_evidence(raw.get("evidence"), f"{where}.evidence", text),
    )


def _evidence(value: Any, where: str, text: str | None) -> tuple[str, ...]:
    # Evidence must be quoted exactly, so that it can be located (and trained on) later.
    if value is None:
        return ()
    quotes = _strings(value, where)
    if text is not None:
        for q in quotes:
            if q not in text:
                raise EvalError(f"{where}: {q[:60]!r} is not in the report text")
    return quotes


def load_gold(yaml_path: str | Path) -> GoldReport:
    """Read and validate one gold annotation; its text is the ``.txt`` beside it.

    Raises :class:`EvalError` naming the file and the offending key.
    """
    path = Path(yaml_path)
    text_path = path.with_suffix(".txt")
    if not text_path.is_file():
        raise EvalError(f"{path}: no report text {text_path.name} beside it")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise EvalError(f"{path}: invalid YAML: {problem}{line}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, Mapping):
        raise EvalError(f"{path}: expected a mapping with published, claims and events")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise EvalError(f"{path}: unknown key {unknown[0]!r}")
    published = data.get("published")
    when = _date(published, f"{path}: published") if published is not None else None
    raw_claims = data.get("claims") or []
    if not isinstance(raw_claims, list):
        raise EvalError(f"{path}: claims: expected a list")
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{text_path}: cannot read: {exc}") from None
    claims = tuple(_claim(c, f"{path}: claims[{i}]", text) for i, c in enumerate(raw_claims))
    raw_events = data.get("events") or []
    if not isinstance(raw_events, list):
        raise EvalError(f"{path}: events: expected a list")
    dates: list[date] = []
    for i, ev in enumerate(raw_events):
        where = f"{path}: events[{i}]"
        if not isinstance(ev, Mapping) or "date" not in ev:
            raise EvalError(f"{where}: expected a mapping with a date")
        bad = sorted(set(ev) - _EVENT_KEYS)
        if bad:
            raise EvalError(f"{where}: unknown key {bad[0]!r}")
        dates.append(_date(ev["date"], f"{where}.date"))
    return GoldReport(path.stem, text_path, path, when, claims, tuple(dates))


def load_gold_dir(gold_dir: str | Path) -> list[GoldReport]:
    """All gold reports (``*.yaml`` with a ``.txt`` beside) in *gold_dir*, by name."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise EvalError(f"{root}: not a directory")
    paths = sorted(p for p in root.glob("*.yaml") if not p.name.startswith("."))
    if not paths:
        raise EvalError(f"{root}: no gold files (NAME.yaml beside NAME.txt)")
    return [load_gold(p) for p in paths]


# -- scoring (pure) --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredictedStance:
    """A distinct predicted ``(actor, kind, issue)`` with what its claims carry."""

    actor: str
    kind: str
    issue: str
    places: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()

    @property
    def triple(self) -> Triple:
        """The scored key."""
        return (self.actor, self.kind, self.issue)

    def label(self) -> str:
        """``actor kind issue``."""
        return " ".join(self.triple)


def predicted_stances(claims: Iterable[Mapping[str, Any]]) -> list[PredictedStance]:
    """Pool stored claims (dicts with actor, kind, issue, places, sources, quote) by triple."""
    pooled: dict[Triple, dict[str, Any]] = {}
    for c in claims:
        key = (str(c["actor"]), str(c["kind"]), str(c["issue"]))
        slot = pooled.setdefault(key, {"places": set(), "sources": [], "quotes": []})
        slot["places"].update(c.get("places") or ())
        for s in c.get("sources") or ():
            if s not in slot["sources"]:
                slot["sources"].append(s)
        if c.get("quote"):
            slot["quotes"].append(c["quote"])
    return [
        PredictedStance(
            *key,
            places=frozenset(v["places"]),
            sources=tuple(v["sources"]),
            quotes=tuple(v["quotes"]),
        )
        for key, v in sorted(pooled.items())
    ]


@dataclass(frozen=True, slots=True)
class StanceMatch:
    """Outcome of matching one report's predicted triples against its gold claims."""

    matched: tuple[tuple[GoldClaim, Triple], ...]
    false_positives: tuple[Triple, ...]
    false_negatives: tuple[GoldClaim, ...]

    @property
    def tp(self) -> int:
        """Required gold claims matched."""
        return sum(1 for g, _ in self.matched if g.required)

    @property
    def fp(self) -> int:
        """Predicted triples matching no gold claim."""
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        """Required gold claims left unmatched."""
        return len(self.false_negatives)


def match_stances(gold: Sequence[GoldClaim], predicted: Iterable[Triple]) -> StanceMatch:
    """Match distinct predicted triples to gold claims, one to one.

    Bipartite matching by augmenting paths, visiting required claims first: a
    matched claim stays matched while later claims are added, so the result
    matches as many required claims as possible and is a maximum matching.
    """
    preds = sorted(set(predicted))
    options = [[j for j, p in enumerate(preds) if g.accepts(p)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    order = [i for i, g in enumerate(gold) if g.required]
    order += [i for i, g in enumerate(gold) if not g.required]
    for i in order:
        augment(i, set())
    by_gold = {i: j for j, i in owner.items()}
    matched = tuple((gold[i], preds[by_gold[i]]) for i in sorted(by_gold))
    false_pos = tuple(p for j, p in enumerate(preds) if j not in owner)
    false_neg = tuple(g for i, g in enumerate(gold) if g.required and i not in by_gold)
    return StanceMatch(matched, false_pos, false_neg)


#: Why a required gold claim was missed, judged from the unmatched predictions.
MISS_CAUSES: tuple[str, ...] = ("kind", "issue", "actor", "absent")


def classify_miss(gold: GoldClaim, unmatched: Iterable[Triple]) -> tuple[str, Triple | None]:
    """Why *gold* was missed: an unmatched prediction wrong in only its kind, its
    issue or its actor (checked in that order), else ``absent``."""
    preds = sorted(set(unmatched))
    tests = (
        ("kind", lambda a, k, i: a in gold.actors and i in gold.issues),
        ("issue", lambda a, k, i: a in gold.actors and k in gold.kinds),
        ("actor", lambda a, k, i: k in gold.kinds and i in gold.issues),
    )
    for cause, near in tests:
        for triple in preds:
            if near(*triple):
                return cause, triple
    return "absent", None


#: Where the remaining errors are, stage by stage (``detente eval`` prints these counts).
STAGE_ERRORS: tuple[str, ...] = ("actor", "kind", "issue", "missed trigger", "spurious")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1.

    An empty denominator scores 1.0 when there was nothing to get wrong either
    (no gold and no prediction) and 0.0 otherwise.
    """
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def places_correct(gold: Iterable[str], predicted: Iterable[str]) -> tuple[bool, bool]:
    """(covered, exact): predicted places include every gold place / equal them."""
    g, p = set(gold), set(predicted)
    return g <= p, g == p


_LEADING = re.compile(
    r"^(?:a|an|the|one|two|three|four|five|several|some|many|multiple)\s+", re.IGNORECASE
)


def _norm_source(name: str) -> str:
    text = re.sub(r"[^\w\s-]", " ", name.casefold())
    text = " ".join(text.split())
    return _LEADING.sub("", text)


def source_found(gold_source: str, predicted: Iterable[str]) -> bool:
    """True when *gold_source* is among *predicted* by case-insensitive containment."""
    g = _norm_source(gold_source)
    for name in predicted:
        p = _norm_source(name)
        if not p:
            continue
        if g in p or (len(p.split()) >= 2 and p in g):
            return True
    return False


def match_event_dates(gold: Iterable[date | str], predicted: Iterable[date | str | None]) -> int:
    """How many gold event dates are found, each using a distinct predicted event."""
    pool: dict[str, int] = {}
    for d in predicted:
        if d is not None:
            key = d.isoformat() if isinstance(d, date) else str(d)
            pool[key] = pool.get(key, 0) + 1
    found = 0
    for d in gold:
        key = d.isoformat() if isinstance(d, date) else str(d)
        if pool.get(key, 0):
            pool[key] -= 1
            found += 1
    return found


@dataclass(slots=True)
class ReportScore:
    """The score of one gold report."""

    name: str
    gold: int  # required gold claims
    predicted: int  # distinct predicted triples
    claims: int  # predicted claims before pooling
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    places_checked: int = 0
    places_covered: int = 0
    places_exact: int = 0
    sources_checked: int = 0
    sources_found: int = 0
    events_gold: int = 0
    events_found: int = 0
    miss_causes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MISS_CAUSES, 0))
    stage_errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGE_ERRORS, 0))
    #: (confidence, correct) of every predicted claim, for the calibration table.
    confidences: list[tuple[float | None, bool]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    false_negatives: list[dict[str, Any]] = field(default_factory=list)
    place_errors: list[dict[str, Any]] = field(default_factory=list)
    source_errors: list[dict[str, Any]] = field(default_factory=list)
    event_dates_missed: list[str] = field(default_factory=list)

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        """Plain-dict form; *errors* keeps the lists of mistakes."""
        out = asdict(self)
        if not errors:
            for key in (
                "confidences",
                "false_positives",
                "false_negatives",
                "place_errors",
                "source_errors",
                "event_dates_missed",
            ):
                out.pop(key)
        return out


def _gold_dict(g: GoldClaim) -> dict[str, Any]:
    return {
        "actor": list(g.actors),
        "kind": list(g.kinds),
        "issue": list(g.issues),
        "places": list(g.places),
        "sources": list(g.sources),
    }


def score_report(
    gold: GoldReport,
    claims: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]] = (),
) -> ReportScore:
    """Score one report's stored *claims* and *events* against its *gold*."""
    stances = predicted_stances(claims)
    by_triple = {s.triple: s for s in stances}
    m = match_stances(gold.claims, by_triple)
    p, r, f = prf(m.tp, m.fp, m.fn)
    row = ReportScore(
        name=gold.name,
        gold=sum(1 for g in gold.claims if g.required),
        predicted=len(stances),
        claims=len(claims),
        tp=m.tp,
        fp=m.fp,
        fn=m.fn,
        precision=p,
        recall=r,
        f1=f,
    )
    for g, triple in m.matched:
        s = by_triple[triple]
        if g.places:
            covered, exact = places_correct(g.places, s.places)
            row.places_checked += 1
            row.places_covered += covered
            row.places_exact += exact
            if not covered:
                row.place_errors.append(
                    {"stance": s.label(), "gold": list(g.places), "predicted": sorted(s.places)}
                )
        if g.sources:
            ok = all(source_found(src, s.sources) for src in g.sources)
            row.sources_checked += 1
            row.sources_found += ok
            if not ok:
                row.source_errors.append(
                    {"stance": s.label(), "gold": list(g.sources), "predicted": list(s.sources)}
                )
    row.false_positives = [
        {"stance": by_triple[t].label(), "quote": (by_triple[t].quotes or ("",))[0]}
        for t in m.false_positives
    ]
    near_misses: set[Triple] = set()
    for g in m.false_negatives:
        cause, near = classify_miss(g, m.false_positives)
        row.miss_causes[cause] += 1
        row.stage_errors["missed trigger" if cause == "absent" else cause] += 1
        if near is not None:
            near_misses.add(near)
        row.false_negatives.append(
            {
                "stance": g.label(),
                **_gold_dict(g),
                "cause": cause,
                "nearest": " ".join(near) if near else None,
                "evidence": list(g.evidence),
            }
        )
    # A wrong prediction that is not a near miss of some gold stance is spurious outright.
    row.stage_errors["spurious"] = sum(1 for t in m.false_positives if t not in near_misses)
    good = {t for _, t in m.matched}
    row.confidences = [
        (c.get("confidence"), (str(c["actor"]), str(c["kind"]), str(c["issue"])) in good)
        for c in claims
    ]
    predicted_dates = [e.get("date") for e in events]
    row.events_gold = len(gold.event_dates)
    row.events_found = match_event_dates(gold.event_dates, predicted_dates)
    if row.events_found < row.events_gold:
        got = {str(d) for d in predicted_dates if d}
        row.event_dates_missed = [
            d.isoformat() for d in gold.event_dates if d.isoformat() not in got
        ]
    return row


# -- totals and the full run ---------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(slots=True)
class Totals:
    """Micro-averaged stance scores and attribute accuracies over all reports."""

    reports: int
    gold: int
    predicted: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    places_checked: int
    places_covered: int
    place_accuracy: float | None
    place_exact: float | None
    sources_checked: int
    sources_found: int
    source_accuracy: float | None
    events_gold: int
    events_found: int
    event_date_accuracy: float | None
    miss_causes: dict[str, int]
    stage_errors: dict[str, int]
    calibration: list[dict[str, Any]]
    #: 95 % intervals ``[low, high]`` of F1 and the attribute accuracies, from resampling
    #: whole reports (stances of one report are not independent of each other).
    intervals: dict[str, list[float] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Sequence[ReportScore]) -> Totals:
        """Sum the counts of *rows* and derive the rates."""
        tp, fp, fn = (sum(getattr(r, k) for r in rows) for k in ("tp", "fp", "fn"))
        p, r, f = prf(tp, fp, fn)
        pc = sum(x.places_checked for x in rows)
        pcov = sum(x.places_covered for x in rows)
        sc = sum(x.sources_checked for x in rows)
        sf = sum(x.sources_found for x in rows)
        eg = sum(x.events_gold for x in rows)
        ef = sum(x.events_found for x in rows)
        return cls(
            reports=len(rows),
            gold=sum(x.gold for x in rows),
            predicted=sum(x.predicted for x in rows),
            tp=tp,
            fp=fp,
            fn=fn,
            precision=p,
            recall=r,
            f1=f,
            places_checked=pc,
            places_covered=pcov,
            place_accuracy=_ratio(pcov, pc),
            place_exact=_ratio(sum(x.places_exact for x in rows), pc),
            sources_checked=sc,
            sources_found=sf,
            source_accuracy=_ratio(sf, sc),
            events_gold=eg,
            events_found=ef,
            event_date_accuracy=_ratio(ef, eg),
            miss_causes={c: sum(x.miss_causes[c] for x in rows) for c in MISS_CAUSES},
            stage_errors={k: sum(x.stage_errors[k] for x in rows) for k in STAGE_ERRORS},
            calibration=calibration(pair for x in rows for pair in x.confidences),
            intervals=bootstrap_intervals(rows),
        )


@dataclass(slots=True)
class EvalResult:
    """Per-report scores and their micro totals."""

    gold_dir: str
    extractor: str
    model: str
    reports: list[ReportScore]
    totals: Totals

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        """JSON-ready form; *errors* keeps the per-report lists of mistakes."""
        return {
            "gold_dir": self.gold_dir,
            "extractor": self.extractor,
            "model": self.model,
            "reports": [r.to_dict(errors=errors) for r in self.reports],
            "totals": asdict(self.totals),
        }


def _read(gold: GoldReport) -> Report:
    from detente.reading import read_text

    try:
        text = gold.text_path.read_text(encoding="utf-8")
        return read_text(text, origin=str(gold.text_path), published=gold.published)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EvalError(f"{gold.text_path}: cannot read report: {exc}") from None


def evaluate(gold_dir: str | Path, *, extractor: Any = None, progress: Any = None) -> EvalResult:
    """Ingest every gold report into a temporary database and score what is stored.

    *extractor* defaults to :func:`detente.extract.get_extractor`; *progress*,
    if given, is called with the number of gold reports first, then with
    ``None`` after each report is scored.  Raises
    :class:`EvalError` for a missing directory, no gold files or a malformed
    gold file.
    """
    from detente.store import Store

    golds = load_gold_dir(gold_dir)
    reports = [_read(g) for g in golds]
    if extractor is None:
        from detente.extract import get_extractor

        extractor = get_extractor()
    rows: list[ReportScore] = []
    with tempfile.TemporaryDirectory(prefix="detente-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.db")
        try:
            if progress:
                progress(len(reports))
            results = store.ingest_many(reports, extractor)
            for gold, (_, res) in zip(golds, results, strict=True):
                claims = store.claims(report_id=res.report_id)
                events = store.events(report_id=res.report_id)
                rows.append(score_report(gold, claims, events))
                if progress:
                    progress(None)
        finally:
            store.close()
    return EvalResult(
        gold_dir=str(gold_dir),
        extractor=str(getattr(extractor, "name", type(extractor).__name__)),
        model=str(getattr(extractor, "model", "")),
        reports=rows,
        totals=Totals.of(rows),
    )
