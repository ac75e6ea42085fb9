"""End-to-end ingest speed against bare spaCy, and two workers against one.

Writes ``--reports`` generated reports (varied wire-style text from templates) to a temporary
directory, then times, in this process and alternating for ``--rounds`` rounds (best kept):

* bare ``en_core_web_sm``: load the model and ``nlp.pipe`` the texts;
* ``detente ingest`` with one worker: open a fresh SQLite database, load the model, read the
  files, extract and store everything (the library call behind the command);
* the same with ``--workers 2``.

Prints reports/s and words/s for each, then both ratios (targets: one worker ≥ 0.8× bare
spaCy; two workers ≥ 1.7× one worker).  The ratios are wall-clock throughput; on a shared
machine they move with the load of other processes, so the load average is printed too, with
the CPU seconds each configuration used (this process plus its workers).

    python benchmarks/ingest_speed.py [--reports N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from detente.extract.pipeline import Extractor, load_model
from detente.ingest import ingest_paths
from detente.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from report_factory import write_corpus  # noqa: E402


def cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bare(texts: list[str], batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds to load the model and parse *texts*."""
    t0, c0 = time.perf_counter(), cpu()
    nlp = load_model()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, cpu() - c0


def end_to_end(corpus: Path, db: Path, workers: int, batch_size: int) -> tuple[float, float, int]:
    """Wall and CPU seconds for a whole ingest into a fresh database, and the reports stored."""
    t0, c0 = time.perf_counter(), cpu()
    with Store.open(db) as store:
        extractor = Extractor(load_model())
        summary = ingest_paths(
            store, [str(corpus)], extractor=extractor, workers=workers, batch_size=batch_size
        )
    wall, used = time.perf_counter() - t0, cpu() - c0
    if summary.failed:
        raise SystemExit(f"benchmark: {len(summary.failed)} reports failed: {summary.failed[0]}")
    return wall, used, summary.count("ingested")


def main() -> None:
    """Run the three configurations and print speeds and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        corpus = Path(tmp) / "reports"
        paths = write_corpus(corpus, args.reports)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        n_words = sum(len(t.split()) for t in texts)
        inf = (float("inf"), 0.0)
        best = {"bare": inf, "one": inf, "two": inf}
        load_before = os.getloadavg()[0]
        for r in range(args.rounds):
            best["bare"] = min(best["bare"], bare(texts, args.batch_size))
            for key, workers in (("one", 1), ("two", 2)):
                db = Path(tmp) / f"{key}-{r}.db"
                wall, used, stored = end_to_end(corpus, db, workers, args.batch_size)
                if stored != len(texts):
                    raise SystemExit(f"benchmark: stored {stored} of {len(texts)} reports")
                best[key] = min(best[key], (wall, used))
        load_after = os.getloadavg()[0]

    def line(label: str, key: str) -> None:
        wall, used = best[key]
        print(
            f"{label:<34} {len(texts) / wall:7.1f} reports/s  {n_words / wall:8,.0f} words/s"
            f"  ({wall:.1f} s, {used:.1f} CPU s)"
        )

    print(f"reports: {len(texts)}  words: {n_words}  rounds: {args.rounds} (best kept)")
    print(
        f"load average {load_before:.1f} before, {load_after:.1f} after, on {os.cpu_count()} cores"
    )
    line("bare en_core_web_sm (load + parse)", "bare")
    line("detente ingest, 1 worker", "one")
    line("detente ingest, 2 workers", "two")
    one = best["bare"][0] / best["one"][0]
    two = best["one"][0] / best["two"][0]
    print(f"ratio 1 worker / bare spaCy: {one:.2f}  (target >= 0.8)")
    print(f"ratio 2 workers / 1 worker:  {two:.2f}  (target >= 1.7)")
    # CPU seconds move less with other processes' load than wall-clock time does.
    print(
        f"CPU seconds against bare spaCy: 1 worker {best['one'][1] / best['bare'][1]:.2f}x, "
        f"2 workers {best['two'][1] / best['bare'][1]:.2f}x"
    )


if __name__ == "__main__":
    main()
