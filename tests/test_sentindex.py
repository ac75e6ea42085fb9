"""Sentences by table: after the stance stage, ``tok.sent`` and ``span.sent`` give the spans
spaCy's own walk over the sentence starts gives, on reports written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from detente.extract import stances as stances_mod
from detente.extract.sentindex import drop_sentence_index, index_sentences
from detente.records import Report

TEXTS = [
    "TBILISI, March 4 (Reuters) - Georgia said on Tuesday it would not sign the draft.\n\n"
    "Moscow demanded guarantees; Tbilisi refused. Talks resume in Geneva next week.",
    "Live updates\n10:42 Hanoi rejects the latest offer\n10:55 Manila: we remain open to talks",
    'Asmara wants access to the port. "We will not give up Assab," an aide said.',
    "One sentence only",
]


def _bounds(doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    n = len(doc)
    tokens = [(doc[i].sent.start, doc[i].sent.end) for i in range(n)]
    spans = [(a, b) for a in range(n) for b in (a + 1, min(a + 4, n), n)] + [(n, n)]
    return tokens, [(doc[a:b].sent.start, doc[a:b].sent.end) for a, b in spans]


def test_table_gives_spacys_sentences(ex: Extractor) -> None:
    checked = 0
    for text in TEXTS:
        with ex.nlp.select_pipes(disable=[stances_mod.FACTORY]):
            doc = ex.nlp(ex._doc(Report(text=text)))
        expected = _bounds(doc)
        index_sentences(doc)
        assert "sent" in doc.user_token_hooks
        assert _bounds(doc) == expected, text
        checked += len(doc)
    assert checked > 40


def test_same_sentence_is_one_span(ex: Extractor) -> None:
    doc = ex.nlp("Kyiv rejected the plan. Moscow insisted on it.")
    index_sentences(doc)
    first, second = doc[1].sent, doc[6].sent
    assert doc[0].sent is first and doc[2:4].sent is first
    assert (first.start, first.end, second.start) == (0, 5, 5)
    assert second.text == "Moscow insisted on it."


def test_unparsed_doc_left_alone(ex: Extractor) -> None:
    doc = ex.nlp.make_doc("Seoul proposed talks")
    index_sentences(doc)
    assert "sent" not in doc.user_token_hooks


def test_docs_leave_the_pipeline_without_the_table(ex: Extractor) -> None:
    doc = ex.nlp("Kyiv rejected the plan. Moscow insisted on it.")
    assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks
    index_sentences(doc)
    drop_sentence_index(doc)
    assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks
