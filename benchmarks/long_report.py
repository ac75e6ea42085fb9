"""Long reports: extraction in one piece versus in chunks (time and peak memory).

A report written as one long line (sentences dense with stances) is extracted
at several lengths, once by the extractor's pipeline on the whole text (the
baseline: what detente did before chunking) and once through the chunking
wrapper.  Each measurement runs in a fresh subprocess so that its peak RSS is
its own; the two modes alternate at each length.  Prints seconds, peak RSS and
the ratios chunked/whole.

    python benchmarks/long_report.py [--sizes 100000,300000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time

CHILD = """
import json, resource, sys, time
from detente.extract import get_extractor
from detente.extract.pipeline import Extractor
from detente.records import Report
text, mode = sys.stdin.read(), sys.argv[1]
ex = get_extractor()
ex.extract(Report(text="Talks resumed in Geneva on Monday, officials said."))  # warm-up
report = Report(text=text)
start = time.perf_counter()
if mode == "whole":
    ex.nlp.max_length = max(ex.nlp.max_length, len(text) + 1)
    extraction = next(Extractor.pipe.__wrapped__(ex, [report]))
else:
    extraction = ex.extract(report)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "rss": rss, "claims": len(extraction.claims)}))
"""


def one_line_report(size: int) -> str:
    """A one-line report of *size* characters: short sentences, each a stance."""
    rng = random.Random(size)
    subjects = ["Russia", "Ukraine", "Kosovo", "Serbia", "Armenia", "Azerbaijan", "Hamas"]
    verbs = ["demanded", "offered", "proposed", "rejected", "accepted"]
    objects = [
        "a ceasefire along the current line",
        "the withdrawal of troops from the border villages",
        "an exchange of prisoners before winter",
        "elections within six months",
    ]
    parts = ["GENEVA, March 3, 2025 (AFP) - "]
    n = len(parts[0])
    while n < size:
        s = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}, an envoy said. "
        parts.append(s)
        n += len(s)
    return "".join(parts)[:size].rstrip()


def measure(text: str, mode: str) -> dict:
    """Extract *text* in a fresh process; its seconds, peak RSS (bytes) and claims."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], input=text, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Measure both modes at each size and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000", help="comma-separated lengths")
    args = parser.parse_args()
    print(f"{'chars':>9} {'mode':>7} {'seconds':>8} {'peak RSS':>9} {'claims':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = one_line_report(size)
        got = {}
        for mode in ("whole", "chunked"):
            started = time.perf_counter()
            got[mode] = measure(text, mode)
            r = got[mode]
            print(
                f"{size:>9,} {mode:>7} {r['seconds']:>8.1f} {r['rss'] / 2**20:>7.0f}MB "
                f"{r['claims']:>7}  ({time.perf_counter() - started:.0f} s with start-up)",
                flush=True,
            )
        w, c = got["whole"], got["chunked"]
        print(
            f"{size:>9,}   ratio chunked/whole: time {c['seconds'] / w['seconds']:.2f}×, "
            f"peak RSS {c['rss'] / w['rss']:.2f}×",
            flush=True,
        )


if __name__ == "__main__":
    main()
