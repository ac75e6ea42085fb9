"""Score a second annotation of gold reports against the first (inter-annotator agreement).

    python scripts/annotation_agreement.py gold/dev gold/agreement

For every report annotated in both directories, the second annotator's stances are scored
against the first with the matcher ``detente eval`` uses (:func:`detente.evaluate.match_stances`);
then the roles are swapped and the first is scored against the second.  Per-report and micro
P/R/F1 are printed with the disagreements by type, as ``detente eval`` names its error stages:
``actor`` / ``kind`` / ``issue`` (a missed reference stance whose nearest unmatched stance of
the other annotation differs only there), ``missing`` (nothing close) and ``extra`` (a stance of
the scored annotation that is no near miss of anything).

How an annotation with alternatives is turned into "predictions" (the fair choice):

* A scored claim stands for one triple, not for every combination of its alternatives:
  ``kind: [accept, offer]`` says "one stance, either kind", so expanding it would count an
  agreeing claim as one hit plus spurious extras.  Each scored claim gets one triple from
  its own alternatives: first the claims are matched one to one with the reference claims,
  a pair being compatible when a triple satisfies both (a maximum matching, required
  reference claims first, in which matched claims carry distinct triples, so two claims never
  collapse onto one); an unmatched claim takes its first-listed reading not carried by
  another claim.  Those triples go through ``match_stances`` unchanged, so the counting of
  distinct triples is the evaluator's own.
* ``required: false`` on the reference side behaves as in ``detente eval``: not a miss when
  absent, neither hit nor error when matched.  On the scored side an optional claim left
  unmatched is not counted as an error (its annotator marked it as a borderline reading, not
  an assertion); matched, it counts like any other.  Both directions use the same rules with
  the roles swapped, so P of one direction and R of the other differ only through pairs in
  which exactly one side marked the stance optional.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from detente.evaluate import (
    GoldClaim,
    GoldReport,
    classify_miss,
    load_gold_dir,
    match_stances,
    prf,
)

Triple = tuple[str, str, str]
#: Disagreement types, in the order they are printed.
TYPES: tuple[str, ...] = ("actor", "kind", "issue", "missing", "extra")


def _triples(claim: GoldClaim) -> list[Triple]:
    return list(product(claim.actors, claim.kinds, claim.issues))


def claim_triples(
    reference: Sequence[GoldClaim], scored: Sequence[GoldClaim]
) -> list[tuple[GoldClaim, Triple]]:
    """One triple per scored claim, chosen to agree with *reference* where its lists allow.

    Returns (claim, triple) for the required scored claims and for the optional ones that
    match a reference claim (an unmatched optional claim is dropped, see the module docstring).
    """
    # A unit flow source -> reference claim -> triple -> scored claim -> sink, one unit
    # through each triple, so that matched pairs get distinct triples (two claims collapsing
    # onto one triple would lose a pair).  Required reference claims are augmented first and
    # a flow never unsaturates a source edge, so as many of them as possible are matched.
    cap: dict[object, dict[object, int]] = {}

    def edge(a: object, b: object) -> None:
        cap.setdefault(a, {})[b] = 1
        cap.setdefault(b, {}).setdefault(a, 0)

    # Required scored claims come first in every adjacency so that they take the pairs.
    order = sorted(range(len(scored)), key=lambda j: not scored[j].required)
    for i, g in enumerate(reference):
        for j in order:
            for t in _triples(scored[j]):
                if g.accepts(t):
                    edge(("ref", i), ("in", t))
                    edge(("in", t), ("out", t))
                    edge(("out", t), ("claim", j))
                    edge(("claim", j), "sink")

    def augment(node: object, seen: set[object]) -> bool:
        if node == "sink":
            return True
        seen.add(node)
        for nxt, c in cap.get(node, {}).items():
            if c > 0 and nxt not in seen and augment(nxt, seen):
                cap[node][nxt] -= 1
                cap[nxt][node] += 1
                return True
        return False

    for i in sorted(range(len(reference)), key=lambda i: not reference[i].required):
        if ("ref", i) in cap:
            augment(("ref", i), set())
    chosen: dict[int, Triple] = {}  # scored index -> triple it carries
    for node, targets in cap.items():
        if isinstance(node, tuple) and node[0] == "out":
            for nxt, c in targets.items():
                if isinstance(nxt, tuple) and nxt[0] == "claim" and c == 0:
                    chosen[nxt[1]] = node[1]
    out = [(scored[j], t) for j, t in sorted(chosen.items())]
    taken = set(chosen.values())
    for j, claim in enumerate(scored):
        if j not in chosen and claim.required:
            # Unmatched: its first-listed reading not already carried by another claim.
            readings = _triples(claim)
            triple = next((t for t in readings if t not in taken), readings[0])
            taken.add(triple)
            out.append((claim, triple))
    return out


@dataclass(slots=True)
class Agreement:
    """Scores of one annotation against a reference annotation of the same report."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    types: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))
    #: (type, reference claim label or scored triple, nearest triple) per disagreement.
    details: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of the scored annotation."""
        return prf(self.tp, self.fp, self.fn)


def score_pair(name: str, reference: Sequence[GoldClaim], scored: Sequence[GoldClaim]) -> Agreement:
    """Score the *scored* claims of one report against the *reference* claims."""
    chosen = claim_triples(reference, scored)
    m = match_stances(reference, [t for _, t in chosen])
    row = Agreement(name, tp=m.tp, fp=m.fp, fn=m.fn)
    # Near misses are judged against every reading of the scored claims left unmatched,
    # and a near miss accounts for the unmatched triple its claim stands for.
    leftover = set(m.false_positives)
    # (A reading another claim already carries is a stance the reference has once, not twice.)
    carried = {t for _, t in m.matched}
    reading = {
        t: own for c, own in chosen if own in leftover for t in _triples(c) if t not in carried
    }
    near_used: set[Triple] = set()
    for g in m.false_negatives:
        cause, near = classify_miss(g, reading)
        kind = "missing" if cause == "absent" else cause
        row.types[kind] += 1
        row.details.append((kind, g.label(), " ".join(near) if near else "-"))
        if near is not None:
            near_used.add(reading[near])
    for t in sorted(leftover - near_used):
        row.types["extra"] += 1
        row.details.append(("extra", " ".join(t), "-"))
    return row


def agreement(first: Sequence[GoldReport], second: Sequence[GoldReport]) -> list[Agreement]:
    """Score *second* against *first* for every report name present in both."""
    ref = {r.name: r for r in first}
    return [score_pair(r.name, ref[r.name].claims, r.claims) for r in second if r.name in ref]


def style(name: str) -> str:
    """The report style a name encodes (wire, analysis, live, agency, transcript, flash)."""
    base = name.split("_", 1)[1] if name.startswith(("nd_", "nd2_", "nd3_")) else name
    tests = (
        ("analysis", name.startswith("an_") or base.endswith("_analysis")),
        ("live", name.startswith("live_") or base.endswith(("_live", "_liveblog"))),
        ("agency", name.startswith("agency_") or base.endswith("_agency")),
        ("flash", name.startswith("x_") or base.endswith("_flash")),
        (
            "transcript",
            name.startswith("qa_")
            or any(w in base for w in ("press_conference", "interview", "questions")),
        ),
    )
    return next((label for label, hit in tests if hit), "wire")


def _line(label: str, tp: int, fp: int, fn: int) -> str:
    p, r, f = prf(tp, fp, fn)
    return f"{label:<44} tp {tp:3d} fp {fp:3d} fn {fn:3d}  P {p:.3f} R {r:.3f} F1 {f:.3f}"


def report(rows: Sequence[Agreement], title: str, *, details: bool = True) -> str:
    """Text table: per report, per style and micro totals, then disagreements by type."""
    lines = [title]
    for row in rows:
        lines.append(_line(row.name, row.tp, row.fp, row.fn))
    styles: dict[str, list[Agreement]] = {}
    for row in rows:
        styles.setdefault(style(row.name), []).append(row)
    lines.append("by style:")
    for label, group in sorted(styles.items()):
        tp, fp, fn = (sum(getattr(r, k) for r in group) for k in ("tp", "fp", "fn"))
        lines.append(_line(f"  {label} ({len(group)})", tp, fp, fn))
    tp, fp, fn = (sum(getattr(r, k) for r in rows) for k in ("tp", "fp", "fn"))
    lines.append(_line("micro", tp, fp, fn))
    counts = {t: sum(r.types[t] for r in rows) for t in TYPES}
    lines.append("disagreements: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    if details:
        for row in rows:
            for kind, ref, near in row.details:
                lines.append(f"  {row.name}: {kind:<7} {ref}  (nearest: {near})")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path, help="reference annotation directory (e.g. gold/dev)")
    ap.add_argument("second", type=Path, help="second annotation directory")
    ap.add_argument("--brief", action="store_true", help="leave out the list of disagreements")
    args = ap.parse_args()
    first, second = load_gold_dir(args.first), load_gold_dir(args.second)
    names = {r.name for r in first} & {r.name for r in second}
    first = [r for r in first if r.name in names]
    second = [r for r in second if r.name in names]
    print(report(agreement(first, second), "second against first:", details=not args.brief))
    print()
    print(report(agreement(second, first), "first against second:", details=not args.brief))


if __name__ == "__main__":
    main()
