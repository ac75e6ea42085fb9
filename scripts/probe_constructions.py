"""Score the extractor on construction probes (conditions, back-references, copular stances).

Each probe is a short text with the stances it must yield; a probe passes when every expected
(actor, kind, issue) is among the extracted claims (lists give acceptable alternatives).

    python scripts/probe_constructions.py scripts/probes/constructions.yaml [--show]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from detente.extract import get_extractor
from detente.records import Report, normalize_text


def _as_set(value: str | list[str]) -> set[str]:
    return set(value) if isinstance(value, list) else {value}


def main() -> None:
    """Print the passing probes and found stances of each probe file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list the failing probes")
    args = parser.parse_args()
    ex = get_extractor()
    for path in args.files:
        probes = yaml.safe_load(path.read_text(encoding="utf-8"))["probes"]
        passed = found = wanted = 0
        for probe in probes:
            report = Report(text=normalize_text(probe["text"]))
            claims = ex.extract(report).claims
            got = {(c.actor, c.kind, c.issue) for c in claims}
            hits = [
                any(
                    a in _as_set(actor) and k in _as_set(kind) and i in _as_set(issue)
                    for a, k, i in got
                )
                for actor, kind, issue in probe["expect"]
            ]
            wanted += len(hits)
            found += sum(hits)
            passed += all(hits)
            if args.show and not all(hits):
                print(
                    f"  MISS {probe['text']}\n       want {probe['expect']}\n       got  {sorted(got)}"
                )
        print(f"{path}: {passed}/{len(probes)} probes pass, {found}/{wanted} stances found")


if __name__ == "__main__":
    main()
