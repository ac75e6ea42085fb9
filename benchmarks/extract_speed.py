"""Extraction speed: bare spaCy ``en_core_web_sm`` versus detente's full pipeline.

Both run in this process over the same reports (the example reports and the dev gold set, repeated
``--repeat`` times), each after a warm-up, with ``nlp.pipe`` batching, alternating for ``--rounds``
rounds and keeping each one's best.  Prints words per second for each and the ratio (target: the
full pipeline at ≥ 0.8 of bare spaCy).  ``--clock cpu`` times process CPU time instead of wall
time, which other work on a shared machine disturbs far less.

    python benchmarks/extract_speed.py [--repeat N] [--rounds N] [--batch-size N] [--clock cpu]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from detente.extract.pipeline import Extractor, load_model
from detente.records import Report, normalize_text

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    """Texts of the bundled example reports and the dev gold reports."""
    paths = sorted((ROOT / "examples" / "reports").glob("*.txt")) + sorted(
        (ROOT / "gold" / "dev").glob("*.txt")
    )
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in paths]
    if not texts:
        raise SystemExit("benchmark: no reports found under examples/reports or gold/dev")
    return texts


def words(texts: list[str]) -> int:
    """Whitespace-separated words, the unit of the words/s figures."""
    return sum(len(t.split()) for t in texts)


def main() -> None:
    """Run both pipelines and print words/s and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3, help="alternating timed rounds")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="what to time")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.process_time

    texts = corpus() * args.repeat
    n_words = words(texts)

    bare = load_model()
    ex = Extractor(load_model())
    reports = [Report(text=t) for t in texts]
    list(bare.pipe(texts[:8], batch_size=args.batch_size))  # warm-up
    list(ex.pipe(reports[:8], batch_size=args.batch_size))

    # Alternate the two and keep each one's best round: the machine is shared, so a single
    # round can be slowed by other work.
    bare_s = full_s = float("inf")
    n_claims = 0
    for _ in range(args.rounds):
        t0 = clock()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_s = min(bare_s, clock() - t0)
        t0 = clock()
        n_claims = sum(len(e.claims) for e in ex.pipe(reports, batch_size=args.batch_size))
        full_s = min(full_s, clock() - t0)

    bare_wps = n_words / bare_s
    full_wps = n_words / full_s
    print(f"reports: {len(texts)}  words: {n_words}  claims: {n_claims}  ({args.clock} clock)")
    print(f"bare {ex.model}: {bare_wps:,.0f} words/s")
    print(f"detente full pipeline: {full_wps:,.0f} words/s")
    print(f"ratio: {full_wps / bare_wps:.2f}")


if __name__ == "__main__":
    main()
