"""Print the aggregate calibration table of a gold directory (no report names, no texts).

    python scripts/calibration_bands.py gold/dev                      # the shipped confidence
    python scripts/calibration_bands.py gold/dev --learned ""   # the signal score, no check

For each confidence band: the number of claims and the share of them that ``detente eval``
matches to gold; then the pooled totals.
"""

from __future__ import annotations

import argparse

from detente.evaluate import evaluate
from detente.extract import Extractor
from detente.extract.stances import FACTORY


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="gold directory")
    ap.add_argument("--learned", help="learned uses to run with (default: the shipped ones)")
    args = ap.parse_args()
    extractor = Extractor()
    if args.learned is not None:
        extractor.nlp.get_pipe(FACTORY).use_learned(args.learned)
    totals = evaluate(args.gold, extractor=extractor).totals
    for band in totals.calibration:
        n = band["claims"]
        share = f"{band['precision']:.2f}" if n else "-"
        print(f"{band['low']:.1f}-{band['high']:.1f}  {n:5d}  {share}")
    print(f"P {totals.precision:.3f} R {totals.recall:.3f} F1 {totals.f1:.3f}")


if __name__ == "__main__":
    main()
