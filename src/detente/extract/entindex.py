"""Cached entity lookups for a finished document.

``Doc.ents`` and ``Span.ents`` rebuild their span lists on every access, which dominates
the cost of rule components that ask for entities many times per sentence.  These helpers
build the list once per document (in a small per-process cache of recent documents, so
nothing unserialisable is attached to the doc) and answer "entities in this span" and
"entity at this token" from it.  Use them only after the pipeline has set the entities; a
document whose ``ents`` are reassigned afterwards must call :func:`forget`.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

#: Recent documents and their indexes (the doc is kept to make ``id()`` reuse harmless).
_CACHE: OrderedDict[int, tuple[Doc, EntIndex]] = OrderedDict()
_CACHE_SIZE = 8


class EntIndex:
    """Entities of one document, sorted, with a token -> entity map."""

    __slots__ = ("ents", "starts", "ends", "by_token")

    def __init__(self, doc: Doc) -> None:
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.starts: list[int] = [e.start for e in self.ents]
        self.ends: list[int] = [e.end for e in self.ents]
        self.by_token: dict[int, Span] = {i: e for e in self.ents for i in range(e.start, e.end)}

    def within(self, start: int, end: int) -> list[Span]:
        """Entities lying wholly inside tokens ``start:end``."""
        starts, ends = self.starts, self.ends
        out = []
        for k in range(bisect.bisect_left(starts, start), len(starts)):
            if starts[k] >= end:
                break
            if ends[k] <= end:
                out.append(self.ents[k])
        return out


def index(doc: Doc) -> EntIndex:
    """The (cached) entity index of *doc*."""
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        _CACHE.move_to_end(id(doc))
        return hit[1]
    idx = EntIndex(doc)
    _CACHE[id(doc)] = (doc, idx)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return idx


def ents_in(span: Span | Doc) -> list[Span]:
    """Entities inside *span* (all of them for a doc), like ``span.ents`` but cached."""
    if isinstance(span, Doc):
        return list(index(span).ents)
    return index(span.doc).within(span.start, span.end)


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token *i*, if any."""
    return index(doc).by_token.get(i)


def forget(doc: Doc) -> None:
    """Drop the cached index (after changing ``doc.ents``)."""
    _CACHE.pop(id(doc), None)


def token_hits(
    doc: Doc, lemmas: frozenset[str] = frozenset(), lowers: frozenset[str] = frozenset()
) -> list[int]:
    """Indices of tokens whose lemma is in *lemmas* or lower-cased form is in *lowers*.

    One vectorised pass over the token array: far cheaper than a ``Matcher`` for single-word
    triggers, which is all the fact and event finders need.
    """
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([LEMMA, LOWER])
    hit = np.zeros(len(doc), dtype=bool)
    if lemmas:
        hit |= np.isin(arr[:, 0], _hashes(strings, lemmas))
    if lowers:
        hit |= np.isin(arr[:, 1], _hashes(strings, lowers))
    return [int(i) for i in np.flatnonzero(hit)]


#: (string store, word set) -> the words' hashes, kept with the store they were added to.
_HASHES: dict[tuple[int, frozenset[str]], tuple[StringStore, np.ndarray]] = {}


def _hashes(strings: StringStore, words: frozenset[str]) -> np.ndarray:
    """Hashes of *words*, added to *strings* the first time (the word sets are fixed lexicons,
    so they are hashed once per store rather than on every document)."""
    hit = _HASHES.get((id(strings), words))
    if hit is not None and hit[0] is strings:
        return hit[1]
    arr = np.fromiter((strings.add(w) for w in words), dtype=np.uint64, count=len(words))
    if len(_HASHES) >= 64:
        _HASHES.clear()
    _HASHES[(id(strings), words)] = (strings, arr)
    return arr
