"""The model's attribute ruler, applied by table lookup instead of by the rule matcher.

``en_core_web_sm``'s ``attribute_ruler`` sets each token's coarse part of speech, morphology
and some lemmas from about 180 rules, nearly all of them about one token and only its tag,
lower-cased text, dependency label or whether it is whitespace.  spaCy runs them through its
general :class:`~spacy.matcher.Matcher`, which costs about a tenth of the whole model's time.
:class:`TableAttributeRuler` gives the same result from a table: it reads those four values for
all tokens at once, looks up (and caches) which one-token rules match that combination, and
sets their attributes in rule order, later rules overriding earlier ones as in spaCy.  The few
rules it cannot decide from the four values (several tokens, regular expressions) still run
through a Matcher of their own, merged in rule order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: spaCy forbids "." in factory names, so the version is joined with "_".
FACTORY = "detente_attributes_v1"

#: Token attributes a one-token rule may test to be decided from the table, in key order.
_KEYS: tuple[str, ...] = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
#: Distinct (tag, lower, dep, space) combinations remembered before the cache starts over.
_CACHE_LIMIT = 200_000


def value_ids(value: Any) -> frozenset[int] | None:
    """The attribute values a token-pattern *value* accepts, as they stand in a doc's attribute
    array (string hashes, 0/1 for flags): a plain value or an ``{"IN": [...]}`` list; None for
    any other test (regular expressions, comparisons), which a table cannot decide."""

    def one(v: Any) -> int:
        return int(v) if isinstance(v, bool) else get_string_id(v)

    if isinstance(value, bool | str):
        return frozenset({one(value)})
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(one(v) for v in value["IN"])
    return None


class TableAttributeRuler:
    """Applies the rules of a spaCy :class:`AttributeRuler` with the same outcome, faster."""

    def __init__(self, ruler: AttributeRuler, name: str = FACTORY) -> None:
        self.name = name
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        #: one-token rules as (rule id, [{key position: set of accepted values}, …])
        self.simple: list[tuple[int, list[dict[int, frozenset[int]]]]] = []
        self.other = Matcher(self.vocab, validate=False)
        self.has_other = False
        for rule_id, rule in enumerate(ruler.patterns):
            tests = [self._tests(p) for p in rule["patterns"]]
            if all(t is not None for t in tests):
                self.simple.append((rule_id, tests))  # type: ignore[arg-type]
            else:
                self.other.add(str(rule_id), rule["patterns"])
                self.has_other = True
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], dict[Any, Any] | None]] = {}
        # Most rules test the tag: a token can only match those listing its tag, plus the
        # rules with an alternative that does not test it (checked for every new key).
        self._by_tag: dict[int, list[int]] = {}
        untagged: list[int] = []
        for n, (_rule_id, alternatives) in enumerate(self.simple):
            if any(0 not in t for t in alternatives):
                untagged.append(n)
                continue
            for tag in set().union(*(t[0] for t in alternatives)):
                self._by_tag.setdefault(tag, []).append(n)
        self._untagged = untagged

    @staticmethod
    def _tests(pattern: list[dict[str, Any]]) -> dict[int, frozenset[int]] | None:
        """The table tests of a one-token pattern, or None when the table cannot decide it."""
        if len(pattern) != 1:
            return None
        tests: dict[int, frozenset[int]] = {}
        for key, value in pattern[0].items():
            if key not in _KEYS:
                return None
            ids = value_ids(value)
            if ids is None:
                return None
            tests[_KEYS.index(key)] = ids
        return tests

    def _rules_for(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], dict[Any, Any] | None]:
        """The one-token rules matching *key*, in order, and their attributes merged."""
        found = self._cache.get(key)
        if found is None:
            candidates = sorted({*self._by_tag.get(key[0], ()), *self._untagged})
            ids = tuple(
                rule_id
                for rule_id, alternatives in (self.simple[n] for n in candidates)
                if any(all(key[p] in ok for p, ok in t.items()) for t in alternatives)
            )
            merged: dict[Any, Any] | None = None
            if ids:
                merged = {}
                for rule_id in ids:
                    merged.update(self.attrs[rule_id])
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = (ids, merged)
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on *doc*'s tokens."""
        extra: dict[int, list[int]] = {}
        if self.has_other:
            strings = self.vocab.strings
            for match_id, start, end in self.other(doc, allow_missing=True):
                rule_id = int(strings[match_id])
                index = self.indices[rule_id]
                i = (start if index >= 0 else end) + index
                if not start <= i < end:
                    raise ValueError(f"attribute rule {rule_id}: index {index} outside its match")
                extra.setdefault(i, []).append(rule_id)
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        for i, row in enumerate(rows):
            ids, merged = self._rules_for(tuple(row))
            if i in extra:
                token = doc[i]
                for rule_id in sorted((*ids, *extra[i])):
                    set_token_attrs(token, self.attrs[rule_id])
            elif merged is not None:
                set_token_attrs(doc[i], merged)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY)
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    """The table form of *nlp*'s ``attribute_ruler`` (which must be in the pipeline)."""
    return TableAttributeRuler(nlp.get_pipe("attribute_ruler"), name)


def use_table_ruler(nlp: Language) -> Language:
    """Put the table form in place of *nlp*'s ``attribute_ruler``; unchanged without one."""
    if "attribute_ruler" in nlp.pipe_names and FACTORY not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp
