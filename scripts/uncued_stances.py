"""Count the stances the extractor drops because no issue cue classifies them.

For every gold report in GOLD_DIR the stance component lists the (holder, kind) pairs it found a
trigger and a holder for but no issue (``doc._.detente_uncued``).  A drop is *recoverable* when a
gold stance of that holder has its evidence in the same sentence and no predicted stance matches
it: those are the misses a better issue stage could turn into hits.

    python scripts/uncued_stances.py gold/dev [--list] [--keep-uncued]
"""

from __future__ import annotations

import argparse
from collections import Counter

from detente.evaluate import load_gold_dir, match_stances
from detente.extract.pipeline import get_extractor
from detente.extract.stances import FACTORY
from detente.reading import read_text


def main() -> None:
    """Print dropped and recoverable stances per report and in total."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir")
    parser.add_argument("--list", action="store_true", help="print every recoverable drop")
    parser.add_argument(
        "--keep-uncued", action="store_true", help="run with the issue fallback switched on"
    )
    args = parser.parse_args()
    ex = get_extractor()
    ex.nlp.get_pipe(FACTORY).keep_uncued = args.keep_uncued
    totals: Counter[str] = Counter()
    for gold in load_gold_dir(args.gold_dir):
        text = gold.text_path.read_text(encoding="utf-8")
        report = read_text(text, origin=str(gold.text_path), published=gold.published)
        doc = ex.nlp(ex._doc(report))
        claims = ex._extraction(report, doc).claims
        triples = [(c.actor, c.kind, c.issue) for c in claims]
        match = match_stances(gold.claims, triples)
        missed = list(match.false_negatives)
        dropped = list(doc._.detente_uncued or [])
        recoverable = []
        for actor, kind, start, end, word in dropped:
            for g in missed:
                if actor not in g.actors:
                    continue
                at = [(report.text.find(e), len(e)) for e in g.evidence]
                if any(0 <= s < end and s + n > start for s, n in at):
                    recoverable.append((actor, kind, word, g.label()))
                    break
        totals["dropped"] += len(dropped)
        totals["recoverable"] += len(recoverable)
        totals["missed"] += len(missed)
        if dropped:
            print(f"{gold.name}: dropped {len(dropped)}, recoverable {len(recoverable)}")
        if args.list:
            for actor, kind, word, label in recoverable:
                print(f"    {actor} {kind} «{word}» -> gold {label}")
    print(
        f"TOTAL dropped {totals['dropped']}  recoverable {totals['recoverable']}"
        f"  (of {totals['missed']} missed gold stances)"
    )


if __name__ == "__main__":
    main()
