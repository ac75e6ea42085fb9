"""The text of a spaCy ``Doc``, computed once, and the sentences of a paragraph.

``Doc.text`` joins every token's text on each access; several components read it per
document, so it is kept in the doc's ``user_data`` (tokens never change their text after
tokenisation, so the cached value stays right).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

_KEY = "detente_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def headline_end(text: str) -> int:
    """End of a headline line opening the report (0 when the report starts with prose)."""
    nl = text.find("\n")
    if nl <= 0 or nl > 200 or not text[nl:].strip():
        return 0
    line = text[:nl].rstrip()
    return nl if line and line[-1] not in '.!?"”' else 0


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's cached text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentences_before(sent: Span, limit: int) -> Iterator[Span]:
    """Up to *limit* sentences before *sent*, nearest first, within its paragraph (a line
    break between two sentences ends it)."""
    doc = sent.doc
    text = doc_text(doc)
    for _ in range(limit):
        if sent.start == 0:
            return
        last = doc[sent.start - 1]
        prev = last.sent
        # the text of prev.start up to sent.start, cut from the doc's text
        if "\n" in text[prev.start_char : last.idx + len(last.text)]:
            return
        yield prev
        sent = prev
