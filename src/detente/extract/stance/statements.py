"""The voice of a statement reproduced after its introduction.

Agency copy often introduces a statement and then gives its text unquoted: "A spokesman for
the Ministry of National Defence issued the following press statement on Tuesday: …", "The
full text of the communique reads as follows: …".  From the colon on, "we", "our" and "us" are
the issuer's, as they are the speaker's inside a quotation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from detente.extract.doctext import doc_text
from detente.extract.stance.model import _Actor

#: "issued the following press statement …:" / "the statement reads as follows:" at a line end.
_KINDS = r"(?:statement|communiqu[eé]|declaration|remarks|press release|message)"
_INTRO = re.compile(
    r"\b(?:issued|released|published|made public|read out|delivered|gave)\s+the\s+following\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_KINDS}[^\n:]{{0,300}}:[ \t]*\n"
    # "published a statement on …, the text of which is given below."
    r"|\b(?:issued|released|published|made public)\s+(?:a|an|the)\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_KINDS}[^\n]{{0,300}}?"
    r"(?:the (?:full )?text of which|which reads|as follows|(?:given|reproduced) below)"
    r"[^\n]{0,80}[.:][ \t]*\n",
    re.I,
)
_KEY = "statement_voice"


def statement_voice(tok: Token) -> _Actor | None:
    """The issuer of the statement whose unquoted text *tok* stands in, if any."""
    found = _found(tok.doc)
    if found is None or tok.idx < found[0]:
        return None
    return found[1]


def statement_issuer(tok: Token) -> Token | None:
    """The head of the phrase that introduced the statement *tok* stands in ("A spokesman for
    the ministry issued the following statement: …"): its reporting subject."""
    found = _found(tok.doc)
    if found is None or tok.idx < found[0]:
        return None
    return tok.doc[found[2]]


def _found(doc: Doc) -> tuple[int, _Actor, int] | None:
    if _KEY not in doc.user_data:
        doc.user_data[_KEY] = _find(doc)
    return doc.user_data[_KEY]


def _find(doc: Doc) -> tuple[int, _Actor, int] | None:
    from detente.extract.actors import resolve_actor

    m = _INTRO.search(doc_text(doc))
    if m is None:
        return None
    verb = doc.char_span(m.start(), m.start() + len(m.group().split()[0]))
    if verb is None:
        return None
    subj = next((c for c in verb.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    ref = resolve_actor(doc[subj.left_edge.i : subj.right_edge.i + 1])
    if ref is None:
        return None
    return m.end(), _Actor(ref.id, ref.name or ref.id, ref.speaker), subj.i
