"""Sentence lookup by table: ``Token.sent`` and ``Span.sent`` in constant time.

spaCy finds a token's sentence by walking the sentence-start flags back to the sentence's
start and on to the next one, and builds a new span each time; the stance stage asks for
sentences tens of thousands of times per report batch.  :func:`index_sentences` reads the
flags of a parsed doc once and installs spaCy's ``sent`` hooks, which return the same
``(start, end)`` spans from a table (one span object per sentence, built on first use).
The stance stage installs them for its own run and removes them when done
(:func:`drop_sentence_index`), so no doc leaves it with hooks that a copy would carry over.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token


class _Sentences:
    """Per-doc table: the sentence index of every token and the sentences' bounds."""

    __slots__ = ("doc", "of", "bounds", "spans")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        flags = doc.to_array(SENT_START).tolist() if n else []
        starts = [0] + [i for i in range(1, n) if flags[i] == 1]
        self.bounds: list[tuple[int, int]] = [
            (s, starts[k + 1] if k + 1 < len(starts) else n) for k, s in enumerate(starts)
        ]
        self.of: list[int] = []
        for k, (s, e) in enumerate(self.bounds):
            self.of.extend([k] * (e - s))
        self.spans: list[Span | None] = [None] * len(self.bounds)

    def at(self, i: int) -> Span:
        """The sentence holding token *i* (the last one past the end, as spaCy's walk gives)."""
        n = len(self.of)
        if not n:
            return self.doc[0:0]
        k = self.of[i] if 0 <= i < n else self.of[-1]
        span = self.spans[k]
        if span is None:
            s, e = self.bounds[k]
            span = self.spans[k] = Span(self.doc, s, e)
        return span


def index_sentences(doc: Doc) -> None:
    """Answer ``tok.sent`` and ``span.sent`` of the parsed *doc* from a table (see module)."""
    if not doc.has_annotation("SENT_START"):
        return  # spaCy's own property raises its error for an unsegmented doc
    if "sent" in doc.user_token_hooks or "sents" in doc.user_hooks:
        return  # another segmentation is in charge
    table = _Sentences(doc)

    def token_sent(tok: Token) -> Span:
        return table.at(tok.i)

    def span_sent(span: Span) -> Span:
        return table.at(span.start)

    token_sent.detente_index = True  # type: ignore[attr-defined]
    doc.user_token_hooks["sent"] = token_sent
    doc.user_span_hooks["sent"] = span_sent


def drop_sentence_index(doc: Doc) -> None:
    """Remove the hooks :func:`index_sentences` installed on *doc* (others are left alone)."""
    if getattr(doc.user_token_hooks.get("sent"), "detente_index", False):
        del doc.user_token_hooks["sent"]
        doc.user_span_hooks.pop("sent", None)
