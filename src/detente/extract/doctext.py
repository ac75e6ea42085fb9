"""The text of a spaCy ``Doc``, computed once.

``Doc.text`` joins every token's text on each access; several components read it per
document, so it is kept in the doc's ``user_data`` (tokens never change their text after
tokenisation, so the cached value stays right).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "detente_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
