"""Trigger matching: spaCy's :class:`~spacy.matcher.Matcher` results, most of them by table lookup.

Nearly all trigger patterns are one token with a word list ("any of these lemmas, as a verb").
spaCy's matcher tests every pattern against every token through Python predicates, which made it
the costliest part of the stance stage.  :class:`TriggerMatcher` takes the same ``add`` calls and
returns the same ``(key, start, end)`` list in the same order, but checks the one-token patterns
on the doc's attribute array with set lookups and leaves only the multi-token patterns (idioms,
frames, "off the table") to a spaCy matcher.

The order is spaCy's: a match is emitted at its last token; at one token the multi-token matches
ending there come first (their partial states were opened earlier), then the one-token matches in
the order their patterns were added; a repeated ``(key, start, end)`` is kept once.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.errors import Errors
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.extract.attrs import value_ids

#: Token attributes a one-token pattern may test, in the column order of the attribute array.
_ATTRS: dict[str, int] = {"ORTH": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "POS": POS, "DEP": DEP}
_COLUMN = {name: i for i, name in enumerate(_ATTRS)}
#: Annotations spaCy's matcher requires before it tests them, in its order, with the component
#: its error names.
_NEEDS = {
    "POS": (POS, "morphologizer or tagger+attribute_ruler"),
    "LEMMA": (LEMMA, "lemmatizer"),
    "DEP": (DEP, "parser"),
}
_OPTIONAL = ("?", "*")


def _one_token(pattern: list[dict[str, Any]]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0]


def _test(spec: Any) -> frozenset[int]:
    """The attribute values (string ids, as spaCy stores them) that *spec* accepts."""
    ids = value_ids(spec)
    if ids is None:
        raise ValueError(f"unsupported one-token pattern value: {spec!r}")
    return ids


def _split_first(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """*pattern* with a first-token word list made one pattern per word.

    spaCy tests a list ("IN") by a Python call at every token where a pattern may start,
    and a plain value in C; at most one of the words fits a token, so the matches, and
    the order spaCy emits them in, stay the same.
    """
    first = pattern[0]
    if len(first) != 1:
        return [pattern]
    ((name, spec),) = first.items()
    if not (isinstance(spec, dict) and set(spec) == {"IN"}):
        return [pattern]
    return [[{name: word}, *pattern[1:]] for word in dict.fromkeys(spec["IN"])]


class TriggerMatcher:
    """A drop-in for ``spacy.matcher.Matcher`` over the trigger patterns (see the module)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        #: (key, [(column, accepted values)]) per one-token pattern, in the order added
        self._single: list[tuple[int, list[tuple[int, frozenset[int]]]]] = []
        self._multi = Matcher(vocab)
        self._has_multi = False
        self._tested: set[str] = set()

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        """Add *patterns* under *key*, as ``Matcher.add`` does."""
        key_id = self.vocab.strings.add(key)
        multi = []
        for pattern in patterns:
            if not _one_token(pattern):
                # Only patterns of two or more tokens ending in a plain one: their matches
                # are emitted at their last token, before that token's one-token matches.
                required = [t for t in pattern if t.get("OP") not in _OPTIONAL]
                if len(required) < 2 or "OP" in pattern[-1]:
                    raise ValueError(f"{key}: pattern of unsupported shape {pattern!r}")
                multi.extend(_split_first(pattern))
                self._tested.update(name for token in pattern for name in token)
                continue
            tests = []
            for name, spec in pattern[0].items():
                if name not in _ATTRS:
                    raise ValueError(f"{key}: unsupported token attribute {name!r}")
                tests.append((_COLUMN[name], _test(spec)))
                self._tested.add(name)
            self._single.append((key_id, tests))
        if multi:
            self._multi.add(key, multi)
            self._has_multi = True

    def __len__(self) -> int:
        return len(self._single) + len(self._multi)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every match in *doc*, as ``Matcher.__call__`` returns them."""
        for name, (attr, pipe) in _NEEDS.items():
            if name in self._tested and not doc.has_annotation(attr):
                raise ValueError(Errors.E155.format(pipe=pipe, attr=name))
        multi = self._multi(doc) if self._has_multi else []
        single = self._single_matches(doc)
        if not multi:
            return single
        if not single:
            return multi
        out: list[tuple[int, int, int]] = []
        k = 0
        for m in single:
            # the multi-token matches ending at or before this token come first
            while k < len(multi) and multi[k][2] <= m[2]:
                out.append(multi[k])
                k += 1
            out.append(m)
        out.extend(multi[k:])
        return out

    def _single_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        values = doc.to_array(list(_ATTRS.values()))
        columns = [values[:, i].tolist() for i in range(len(_ATTRS))]
        # value -> positions, per column, built on first use
        where: list[dict[int, list[int]] | None] = [None] * len(columns)
        hits: list[tuple[int, int, int]] = []  # (token, pattern order, key)
        for order, (key, tests) in enumerate(self._single):
            col, accepted = tests[0]
            at = where[col]
            if at is None:
                at = where[col] = {}
                for i, v in enumerate(columns[col]):
                    at.setdefault(v, []).append(i)
            found = [i for v in at.keys() & accepted for i in at[v]]
            for col, accepted in tests[1:]:
                if not found:
                    break
                column = columns[col]
                found = [i for i in found if column[i] in accepted]
            hits.extend((i, order, key) for i in found)
        hits.sort()
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int]] = set()
        for i, _order, key in hits:
            if (key, i) not in seen:
                seen.add((key, i))
                out.append((key, i, i + 1))
        return out
