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

spaCy's matcher starts every multi-token pattern at every token, so its cost grows with the
doc's length however rare the idioms are.  Each pattern is instead anchored on one of its
required tokens, the one that occurs least often in the doc (looked up in the attribute array),
and the matcher runs only over windows around those occurrences, each wide enough for any match
through it (a ``+``/``*`` token widens it over the run of tokens that could repeat).  Every
match lies inside one window and the windows are disjoint, so the matches and their order are
the same as over the whole doc.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_PUNCT, LEMMA, LOWER, ORTH, POS, TAG
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

#: Attributes the multi-token patterns' windows are placed by, in the column order of the array.
_WINDOW_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, IS_PUNCT]
_WINDOW_COLUMN = {
    name: i for i, name in enumerate(("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "IS_PUNCT"))
}
#: Windows this close together are matched as one (fewer calls, same matches).
_WINDOW_GAP = 8
#: Pattern-subset matchers kept at most (each is a few patterns; the cache is cleared when full).
_SUBSETS_KEPT = 4096

#: (column, accepted or refused values, refused?) for one token of a pattern.
_Check = tuple[int, frozenset[int], bool]


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


def _checks(token: dict[str, Any]) -> tuple[list[_Check], bool]:
    """The array checks of a pattern token, and whether they decide it exactly.

    Keys or values without a check (regular expressions, other attributes) are left out,
    so a token that fails the checks cannot match while one that passes may.
    """
    checks: list[_Check] = []
    exact = True
    for name, spec in token.items():
        if name == "OP":
            continue
        col = _WINDOW_COLUMN.get(name)
        refused = isinstance(spec, dict) and set(spec) == {"NOT_IN"}
        ids = value_ids({"IN": spec["NOT_IN"]} if refused else spec) if col is not None else None
        if ids is None:
            exact = False
            continue
        checks.append((col, ids, refused))  # type: ignore[arg-type]
        exact = exact and not refused  # anchors are looked up by the values they accept
    return checks, exact


class _Anchored:
    """One multi-token pattern's shape: what each token may span, and where it can be anchored."""

    def __init__(self, pattern: list[dict[str, Any]], anchor_ids: dict[tuple[_Check, ...], int]):
        #: per token: None for exactly one token, else the run checks of a "+"/"*" token
        self.steps: list[list[_Check] | None] = []
        #: (token index, anchor id) of the required tokens the pattern can be anchored on;
        #: patterns share the ids of equal anchors, so each is looked up once per doc
        self.anchors: list[tuple[int, int]] = []
        self.whole = False  # an operator whose span cannot be bounded: match the whole doc
        for k, token in enumerate(pattern):
            op = token.get("OP")
            checks, exact = _checks(token)
            if op in ("+", "*"):
                self.steps.append(checks)
            elif op in (None, "?", "!"):
                self.steps.append(None)
                if op is None and exact and checks:
                    self.anchors.append((k, anchor_ids.setdefault(tuple(checks), len(anchor_ids))))
            else:
                self.whole = True
        if not self.anchors:
            self.whole = True


class _Columns:
    """A doc's attribute columns, read once for the windows."""

    def __init__(self, doc: Doc) -> None:
        values = doc.to_array(_WINDOW_ATTRS)
        self.n = len(doc)
        self.columns: list[list[int]] = values.T.tolist() if self.n else [[] for _ in _WINDOW_ATTRS]

    def passes(self, i: int, checks: list[_Check] | tuple[_Check, ...]) -> bool:
        """Could token *i* be one repetition of a token with *checks*?"""
        columns = self.columns
        for c, values, refused in checks:  # noqa: SIM110 - cheaper than all() over a generator here
            if (columns[c][i] in values) == refused:
                return False
        return True


def _anchor_table(
    anchors: list[tuple[_Check, ...]],
) -> dict[int, dict[int, list[int]]]:
    """column -> value -> the anchors whose most selective check accepts that value there."""
    table: dict[int, dict[int, list[int]]] = {}
    for aid, checks in enumerate(anchors):
        col, values, _ = min(checks, key=lambda check: len(check[1]))
        for v in values:
            table.setdefault(col, {}).setdefault(v, []).append(aid)
    return table


def _anchor_positions(
    cols: _Columns, anchors: list[tuple[_Check, ...]], table: dict[int, dict[int, list[int]]]
) -> list[list[int]]:
    """Each anchor's token positions in the doc of *cols*, in one pass per column."""
    found: list[list[int]] = [[] for _ in anchors]
    for col, by_value in table.items():
        for i, v in enumerate(cols.columns[col]):
            ids = by_value.get(v)
            if ids is not None:
                for aid in ids:
                    found[aid].append(i)
    for aid, checks in enumerate(anchors):
        if len(checks) > 1 and found[aid]:
            found[aid] = [i for i in found[aid] if cols.passes(i, checks)]
    return found


class TriggerMatcher:
    """A drop-in for ``spacy.matcher.Matcher`` over the trigger patterns (see the module)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        #: (key, [(column, accepted values)]) per one-token pattern, in the order added
        self._single: list[tuple[int, list[tuple[int, frozenset[int]]]]] = []
        self._multi = Matcher(vocab)
        self._has_multi = False
        self._tested: set[str] = set()
        #: the multi-token patterns' shapes, for the windows the matcher runs over
        self._shapes: list[_Anchored] = []
        self._anchor_ids: dict[tuple[_Check, ...], int] = {}
        self._anchor_table: dict[int, dict[int, list[int]]] | None = None
        #: (key, pattern) of every multi-token pattern, in the order of ``_shapes``
        self._patterns: list[tuple[str, list[dict[str, Any]]]] = []
        #: matchers over a subset of the multi-token patterns (their indices), built on demand
        self._subsets: dict[tuple[int, ...], Matcher] = {}
        #: column -> value -> the one-token patterns (their order) whose first test accepts it
        self._single_index: dict[int, dict[int, list[int]]] | None = None

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
                split = _split_first(pattern)
                multi.extend(split)
                self._shapes.extend(_Anchored(p, self._anchor_ids) for p in split)
                self._patterns.extend((key, p) for p in split)
                self._subsets.clear()
                self._anchor_table = None
                self._tested.update(name for token in pattern for name in token)
                continue
            tests = []
            for name, spec in pattern[0].items():
                if name not in _ATTRS:
                    raise ValueError(f"{key}: unsupported token attribute {name!r}")
                tests.append((_COLUMN[name], _test(spec)))
                self._tested.add(name)
            self._single.append((key_id, tests))
            self._single_index = None
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
        cols = _Columns(doc)  # one attribute array for both kinds of pattern
        multi = self._multi_matches(doc, cols) if self._has_multi else []
        single = self._single_matches(doc, cols)
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

    def _multi_matches(self, doc: Doc, cols: _Columns | None = None) -> list[tuple[int, int, int]]:
        """spaCy's matches of the multi-token patterns, found only in windows that can hold one."""
        self._multi(doc[:0])  # spaCy's own check of the annotation the patterns need
        windows = self._windows(doc, cols)
        if windows is None:
            return self._multi(doc, allow_missing=True)
        out: list[tuple[int, int, int]] = []
        for lo, hi, shapes in windows:
            matcher = self._subset(shapes)
            out += [(k, s + lo, e + lo) for k, s, e in matcher(doc[lo:hi], allow_missing=True)]
        return out

    def _subset(self, shapes: tuple[int, ...]) -> Matcher:
        """A matcher over the multi-token patterns numbered *shapes*, added in their order.

        The patterns placed in a window are the only ones that can match in it, and spaCy
        follows each pattern's partial matches on its own, so dropping the others leaves
        the window's matches and their order as they were.
        """
        matcher = self._subsets.get(shapes)
        if matcher is None:
            if len(self._subsets) >= _SUBSETS_KEPT:
                self._subsets.clear()
            matcher = self._subsets[shapes] = Matcher(self.vocab)
            for k in shapes:
                key, pattern = self._patterns[k]
                matcher.add(key, [pattern])
        return matcher

    def _windows(
        self, doc: Doc, cols: _Columns | None = None
    ) -> list[tuple[int, int, tuple[int, ...]]] | None:
        """Disjoint ``(start, end, patterns)`` token ranges, in order, holding every possible
        match of a multi-token pattern, with the numbers of the patterns placed in each; None
        when some pattern must be matched over the whole doc."""
        cols = cols if cols is not None else _Columns(doc)
        n = cols.n
        if any(shape.whole for shape in self._shapes):
            return None
        anchors = list(self._anchor_ids)
        if self._anchor_table is None:
            self._anchor_table = _anchor_table(anchors)
        found = _anchor_positions(cols, anchors, self._anchor_table)
        spans: list[tuple[int, int, int]] = []
        for number, shape in enumerate(self._shapes):
            # the anchor that occurs least often in this doc (none at all: no match)
            k, at = -1, None
            for j, anchor in shape.anchors:
                where = found[anchor]
                if at is None or len(where) < len(at):
                    k, at = j, where
                    if not at:
                        break
            for a in at or ():
                lo = hi = a
                for step in reversed(shape.steps[:k]):
                    if step is None:
                        lo -= 1
                    else:
                        while lo > 0 and cols.passes(lo - 1, step):
                            lo -= 1
                for step in shape.steps[k + 1 :]:
                    if step is None:
                        hi += 1
                    else:
                        while hi + 1 < n and cols.passes(hi + 1, step):
                            hi += 1
                spans.append((max(lo, 0), min(hi, n - 1) + 1, number))
        spans.sort()
        merged: list[tuple[int, int, set[int]]] = []
        for lo, hi, number in spans:
            if merged and lo <= merged[-1][1] + _WINDOW_GAP:
                last = merged[-1]
                last[2].add(number)
                if hi > last[1]:
                    merged[-1] = (last[0], hi, last[2])
            else:
                merged.append((lo, hi, {number}))
        return [(lo, hi, tuple(sorted(numbers))) for lo, hi, numbers in merged]

    def _single_matches(self, doc: Doc, cols: _Columns | None = None) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        window_columns = (cols if cols is not None else _Columns(doc)).columns
        columns = [window_columns[_WINDOW_COLUMN[name]] for name in _ATTRS]
        index = self._single_index
        if index is None:
            index = self._single_index = {}
            for order, (_key, tests) in enumerate(self._single):
                col, accepted = tests[0]
                by_value = index.setdefault(col, {})
                for v in accepted:
                    by_value.setdefault(v, []).append(order)
        single = self._single
        hits: list[tuple[int, int, int]] = []  # (token, pattern order, key)
        # one pass per column over the doc: each token's value looked up in the patterns'
        # first tests, the candidates then checked on the rest of their tests
        for col, by_value in index.items():
            for i, v in enumerate(columns[col]):
                orders = by_value.get(v)
                if orders is None:
                    continue
                for order in orders:
                    key, tests = single[order]
                    for c, accepted in tests[1:]:
                        if columns[c][i] not in accepted:
                            break
                    else:
                        hits.append((i, order, key))
        hits.sort()
        out: list[tuple[int, int, int]] = []
        seen: set[tuple[int, int]] = set()
        for i, _order, key in hits:
            if (key, i) not in seen:
                seen.add((key, i))
                out.append((key, i, i + 1))
        return out
