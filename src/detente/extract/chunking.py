"""Long reports are extracted in chunks, so time and memory grow linearly with length.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its
memory grows steeply with a document's length, most of all for one huge line.
:func:`chunked` wraps an extractor's ``pipe``: a report longer than
:data:`MAX_CHUNK_CHARS` is cut into pieces (whole paragraphs where possible,
else at sentence ends, else at white space), each piece is extracted as a
report of its own and the pieces' extractions are merged back with offsets
shifted, so that ``report.text[start:end] == quote`` still holds.  Shorter
reports pass through untouched.  What spans two chunks (an actor named in one
and quoted in the next) is lost; chunks are large enough for that to be rare.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from detente.records import Extraction, Report

#: Longest text extracted in one piece (characters).
MAX_CHUNK_CHARS = 50_000
#: Most text handed to spaCy in one batch (characters); short reports still batch together.
MAX_BATCH_CHARS = 60_000

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")

P = TypeVar("P", bound=Callable[..., Iterator[Extraction]])


def chunk_spans(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` pieces covering *text* in order, none longer than *limit*.

    A piece ends after a blank line if there is one in its second half, else
    after a line break, a sentence end or white space, else at *limit*.
    """
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        hi = start + limit
        lo = start + limit // 2
        cut = text.rfind("\n\n", lo, hi)
        if cut != -1:
            cut += 2
        else:
            cut = text.rfind("\n", lo, hi)
            cut = cut + 1 if cut != -1 else _last_break(text, lo, hi)
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _last_break(text: str, lo: int, hi: int) -> int:
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(text, lo, hi):  # noqa: B007 - only the last one is used
            pass
        if last is not None and last.end() <= hi:
            return last.end()
    return hi


def merge(pieces: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction from the extractions of chunks starting at the given offsets.

    Records with ``start``/``end`` are shifted; claim ordinals (and the
    ordinals in ``exchange_for``) are renumbered to stay unique; name tables
    are united; one occasion reported in several chunks is one event.
    """
    first = pieces[0][1]
    merged: dict[str, Any] = {}
    for f in dataclasses.fields(Extraction):
        value = getattr(first, f.name)
        if isinstance(value, list):
            merged[f.name] = []
        elif isinstance(value, dict):
            merged[f.name] = {}
        else:
            merged[f.name] = value
    base = 0
    for offset, ex in pieces:
        for name, target in merged.items():
            value = getattr(ex, name)
            if isinstance(target, dict):
                for k, v in value.items():
                    target.setdefault(k, v)
            elif isinstance(target, list):
                target.extend(_shifted(item, offset, base) for item in value)
        ordinals = [c.ordinal for c in ex.claims]
        base += max(ordinals) + 1 if ordinals else 0
    merged["events"] = _one_per_occasion(merged["events"])
    return Extraction(**merged)


def _one_per_occasion(events: list[Any]) -> list[Any]:
    """Events of different chunks that are one occasion (same kind and date, no conflicting
    place) become one, as the extractor does within a document: the first mention is kept
    and the participants are united."""
    kept: list[Any] = []
    for ev in events:
        same = next(
            (
                k
                for k in kept
                if ev.date is not None
                and k.date == ev.date
                and k.kind == ev.kind
                and (k.place == ev.place or not k.place or not ev.place)
            ),
            None,
        )
        if same is None:
            kept.append(ev)
            continue
        same.participants = [*same.participants] + [
            p for p in ev.participants if p not in same.participants
        ]
        same.place = same.place or ev.place
    return kept


def _shifted(item: Any, offset: int, base: int) -> Any:
    if not dataclasses.is_dataclass(item) or isinstance(item, type):
        return item
    changes: dict[str, Any] = {}
    if hasattr(item, "start") and hasattr(item, "end"):
        changes["start"] = item.start + offset
        changes["end"] = item.end + offset
    if hasattr(item, "ordinal"):
        changes["ordinal"] = item.ordinal + base
    if hasattr(item, "exchange_for"):
        changes["exchange_for"] = [o + base for o in item.exchange_for]
    return dataclasses.replace(item, **changes) if changes else item


def _in_groups(
    pipe: Callable[..., Iterator[Extraction]],
    extractor: Any,
    pieces: list[Report],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> Iterator[Extraction]:
    """Run *pipe* over *pieces* a few at a time: spaCy holds a whole batch of documents in
    memory, so a batch is kept under :data:`MAX_BATCH_CHARS` characters in all."""
    group: list[Report] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece.text) > MAX_BATCH_CHARS:
            yield from pipe(extractor, group, *args, **kwargs)
            group, size = [], 0
        group.append(piece)
        size += len(piece.text)
    if group:
        yield from pipe(extractor, group, *args, **kwargs)


def chunked(pipe: P) -> P:
    """Decorate an extractor's ``pipe(reports, batch_size)`` to extract long reports in chunks."""

    @functools.wraps(pipe)
    def wrapper(self: Any, reports: Iterable[Report], *args: Any, **kwargs: Any) -> Any:
        plan: list[tuple[Report, list[tuple[int, int]]]] = []
        pieces: list[Report] = []
        for report in reports:
            spans = chunk_spans(report.text)
            plan.append((report, spans))
            if len(spans) == 1:
                pieces.append(report)
                continue
            for a, b in spans:
                piece = dataclasses.replace(
                    report, text=report.text[a:b], dateline=report.dateline if a == 0 else None
                )
                pieces.append(piece)
        results = _in_groups(pipe, self, pieces, args, kwargs)
        for _report, spans in plan:
            if len(spans) == 1:
                yield next(results)
            else:
                yield merge([(a, next(results)) for a, _b in spans])

    return wrapper  # type: ignore[return-value]
