#!/usr/bin/env python3
"""Fail when text of the held-out gold reports appears in code, knowledge, tests or docs.

A *leak* is a run of ``--words`` (default 6) consecutive word tokens of any
protected report -- ``gold/test/*.txt`` (the held-out set) or ``gold/fresh/*.txt`` (the
unseen measurement set) -- that also occurs in a file under ``src/``, ``tests/``,
``benchmarks/``, ``docs/`` or ``examples/``.  Tokens are lower-cased runs of
letters, digits and apostrophes, so punctuation, case and line breaks do not hide
a copied phrase.

Full names of organisations, places and people listed in the knowledge base
(``src/detente/knowledge``) are allowed: a run that lies inside one of those
names (optionally after "the") is never a leak, because the knowledge base must
be able to name what the reports talk about.  The allow-list is derived from the
knowledge files, never written by hand.

Usage::

    python scripts/leak_check.py [--root REPO] [--words 6]

Exit 0 when nothing leaks; exit 1 listing ``file: "phrase"`` for every leaking
file (the first phrases found); exit 2 when no protected gold directory exists.
``gold/dev`` is not protected: rules and tests are written from it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

#: Directories scanned for leaked phrases, relative to the repository root.
SCANNED: tuple[str, ...] = ("src", "tests", "benchmarks", "docs", "examples")
#: Protected report sets, relative to the repository root: the held-out set and the unseen
#: measurement set.  Both are only read to measure, so neither may be quoted elsewhere.
PROTECTED: tuple[Path, ...] = (Path("gold") / "test", Path("gold") / "fresh")
#: Knowledge files, relative to the repository root.
KNOWLEDGE = Path("src") / "detente" / "knowledge"
_SKIP_DIRS = {"__pycache__", ".git", "node_modules", ".pytest_cache", ".ruff_cache"}
_TOKEN = re.compile(r"[a-z0-9']+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, the unit in which phrases are compared."""
    return _TOKEN.findall(text.lower())


def ngrams(words: list[str], n: int) -> Iterator[str]:
    """Every run of *n* consecutive words, joined by single spaces."""
    for i in range(len(words) - n + 1):
        yield " ".join(words[i : i + n])


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _name_groups(value: object) -> Iterator[list[str]]:
    """The names of each entity in a knowledge YAML file, one list per entity.

    An entity is a mapping with ``name``/``names``/``aliases`` (bodies, leaders,
    regions, areas) or a plain list of strings (demonyms, city and country aliases).
    """
    if isinstance(value, dict):
        if value.keys() & {"name", "names", "aliases"}:
            keys = ("name", "names", "aliases", "adjectives")
            yield [name for key in keys for name in _strings(value.get(key))]
            return
        for item in value.values():
            yield from _name_groups(item)
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            yield list(value)
        else:
            for item in value:
                yield from _name_groups(item)


def knowledge_names(root: Path) -> list[list[str]]:
    """Names and aliases of every actor, leader and place, grouped by entity."""
    kdir = root / KNOWLEDGE
    groups: list[list[str]] = []
    for fname in ("actors.yaml", "leaders.yaml", "places.yaml"):
        path = kdir / fname
        if path.is_file():
            groups.extend(_name_groups(yaml.safe_load(path.read_text(encoding="utf-8"))))
    generated = kdir / "places_generated.csv"
    if generated.is_file():
        with generated.open(encoding="utf-8") as fh:
            groups.extend([row["name"]] for row in csv.DictReader(fh) if row.get("name"))
    return groups


def allowed_grams(groups: Iterable[list[str]], n: int) -> set[str]:
    """Runs of *n* words that lie inside a knowledge-base name, optionally after "the".

    A full name next to its own short form ("Barisan Example Front (BEF)", listed as two
    aliases of one entity) is a name too, in either order.
    """
    allowed: set[str] = set()
    for group in groups:
        names = [tokens(name) for name in group]
        short = [w for w in names if len(w) <= 2]
        seqs = [w for w in names if len(w) >= n - 2]
        seqs += [[*a, *b] for a in seqs for b in short] + [[*b, *a] for a in seqs for b in short]
        for words in seqs:
            allowed.update(ngrams(words, n))
            allowed.update(ngrams(["the", *words], n))
    return allowed


def protected_dirs(root: Path) -> list[Path]:
    """The protected report directories that exist under *root*."""
    return [root / rel for rel in PROTECTED if (root / rel).is_dir()]


def held_out_grams(root: Path, n: int) -> set[str]:
    """Every run of *n* words of the protected reports."""
    grams: set[str] = set()
    for folder in protected_dirs(root):
        for path in sorted(folder.glob("*.txt")):
            grams.update(ngrams(tokens(path.read_text(encoding="utf-8", errors="ignore")), n))
    return grams


def scanned_files(root: Path) -> Iterator[Path]:
    """Text files under the scanned directories (binary files are skipped by the reader)."""
    for top in SCANNED:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and not _SKIP_DIRS.intersection(path.relative_to(root).parts):
                yield path


def find_leaks(root: Path, n: int = 6, *, limit: int = 3) -> dict[str, list[str]]:
    """Map each leaking file (relative to *root*) to up to *limit* leaked phrases."""
    secret = held_out_grams(root, n) - allowed_grams(knowledge_names(root), n)
    leaks: dict[str, list[str]] = {}
    if not secret:
        return leaks
    for path in scanned_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found = sorted(set(ngrams(tokens(text), n)) & secret)
        if found:
            leaks[str(path.relative_to(root))] = found[:limit]
    return leaks


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--words", type=int, default=6, help="run length in words (default 6)")
    args = parser.parse_args(argv)
    if args.words < 2:
        print("leak_check: --words must be at least 2", file=sys.stderr)
        return 2
    folders = protected_dirs(args.root)
    if not folders:
        wanted = ", ".join(str(args.root / rel) for rel in PROTECTED)
        print(f"leak_check: no held-out directory ({wanted})", file=sys.stderr)
        return 2
    names = " and ".join(str(f.relative_to(args.root)) for f in folders)
    leaks = find_leaks(args.root, args.words)
    if not leaks:
        print(f"leak_check: no {args.words}-word run of {names} found elsewhere")
        return 0
    for fname, phrases in sorted(leaks.items()):
        for phrase in phrases:
            print(f'{fname}: "{phrase}"')
    print(f"leak_check: {len(leaks)} file(s) share phrases with {names}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
