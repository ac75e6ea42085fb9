"""Stances spelled out as a list after a colon or a dash inside a sentence.

"We have made clear what we need: inspectors back, an account of the stockpile and talks",
"Moscow's conditions are unchanged: a withdrawal, neutrality and the end of sanctions", "the
plan has three elements -- a truce, a prisoner exchange and elections": the stance word before
the separator names only a placeholder ("what we need", "three things", "its conditions are
unchanged") and the items after it are what is demanded, offered or proposed. Each item is
returned as a point of the stance, so it gets one stance per item and issue from its own words
(stance/points.py), like the numbered points of a communique.

The separator must open the rest of its sentence as a list of phrases: a quotation, a clause
("the door is not closed, but …") or a capitalised new sentence is no list, and a stance whose
own content is already stated before the separator ("wants a truce: the guns must …") keeps
its ordinary reading. Words are data in ``knowledge/stances.yaml`` (``lists:``
list_placeholders, purpose_nouns, list_breaks).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from detente.extract.doctext import doc_text
from detente.extract.lexicon import word_list
from detente.extract.stance.model import Trigger

#: Content words that only stand for the list to come ("what we need", "three things").
_PLACEHOLDERS = word_list("list_placeholders")
#: Stance nouns whose "for" phrase is what they are for, not what they ask ("its conditions
#: for a truce are: …").
_PURPOSE_NOUNS = word_list("purpose_nouns")
#: Words after a comma that end the list: what follows is a clause of its own.
_BREAKS = word_list("list_breaks")
_DASHES = frozenset({"--", "–", "—", "-"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
#: How far (tokens) the stance word may stand before its separator, and how long a list runs.
_REACH = 25
_LIST_REACH = 80


def inline_intros(triggers: list[Trigger], doc: Doc) -> dict[int, list[Span]]:
    """For a stance whose items follow a colon or dash in its own sentence: the items
    (trigger token index -> spans, one per item)."""
    if not triggers:
        return {}
    text = doc_text(doc)
    out: dict[int, list[Span]] = {}
    for sep in _separators(doc, text):
        before = [
            t
            for t in triggers
            if t.token.i < sep.i
            and sep.i - t.token.i <= _REACH
            and not any(doc[k].text in (".", "!", "?", ";") for k in range(t.token.i, sep.i))
        ]
        if not before:
            continue
        trig = max(before, key=lambda t: t.token.i)
        if not _open_content(trig, sep):
            continue
        items = list_items(doc, sep)
        if items:
            out.setdefault(trig.token.i, items)
    return out


def _separators(doc: Doc, text: str) -> list[Token]:
    """Colons and spaced dashes inside a line, found in the text rather than token by token."""
    out: list[Token] = []
    for mark in (":", " -- ", " – ", " — ", " - "):
        pos = text.find(mark)
        while pos != -1:
            at = pos + (1 if mark[0] == " " else 0)
            end = at + len(mark.strip())
            span = doc.char_span(at, end)
            # a dash that opens a sentence of its own ("… to withdraw -- government
            # spokesman", a flash's attribution) separates nothing inside a sentence
            if span is not None and len(span) == 1 and not span[0].is_sent_start:
                rest = text[end : end + 3]
                if "\n" not in rest:  # "agreed:" then a paragraph is a list of points
                    out.append(span[0])
            pos = text.find(mark, pos + 1)
    return sorted(out, key=lambda t: t.i)


def _open_content(trig: Trigger, sep: Token) -> bool:
    """The stance names nothing before the separator but a placeholder: "what it needs",
    "three things", "its conditions are unchanged", "the plan has three elements"."""
    tok = trig.token
    for root in trig.content:
        if root.i > sep.i or root.i == tok.i:
            continue
        if root.lemma_.lower() in _PLACEHOLDERS or root.lower_ in _PLACEHOLDERS:
            continue
        if root.pos_ == "ADJ" or root.dep_ == "acomp":
            continue  # "its conditions were clear:", "the position is unchanged --"
        if root.dep_ == "prep" and (
            root.lower_ == "from" or root.lower_ == "for" and tok.lemma_.lower() in _PURPOSE_NOUNS
        ):
            continue  # "wants three things from Beijing:", "its precondition for talks is:"
        if root.i > tok.i and any(t.i > sep.i for t in root.subtree):
            continue  # the parser hung the items on the content root itself
        return False
    return True


def list_items(doc: Doc, sep: Token) -> list[Span]:
    """The phrases listed after *sep*, split at commas and semicolons; none when what follows
    is a quotation, a clause or a new sentence."""
    first = sep.i + 1
    if first >= len(doc):
        return []
    head = doc[first]
    if head.text in _QUOTES or head.is_quote:
        return []
    if head.is_title and head.pos_ != "PROPN" and not head.ent_type_:
        return []  # "said: Ukraine will …" quotes a new sentence
    end = first
    limit = min(len(doc), first + _LIST_REACH)
    while end < limit:
        t = doc[end]
        if t.text in (".", "!", "?", ")") or t.text in _DASHES or "\n" in t.text_with_ws[:-1]:
            break
        if t.text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in _BREAKS:
            break
        end += 1
    pieces: list[tuple[int, int]] = []
    start = first
    for k in range(first, end + 1):
        trade = _trade(doc, k) if k < end else 0
        if k == end or doc[k].text in (",", ";") or _joins(doc, k) or trade:
            lo = start
            while lo < k and doc[lo].lower_ in ("and", "or", "as", "well"):
                lo += 1
            if lo < k:
                pieces.append((lo, k))
            start = k + max(trade, 1)
    items = [doc[lo:hi] for lo, hi in pieces]
    if len(items) > 1 and _clause(items[-1]):
        items.pop()  # "…, a prisoner exchange and elections, the minister said"
    if not items or any(_clause(item) for item in items):
        return []
    if not all(any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in item) for item in items):
        return []
    return items


def _trade(doc: Doc, k: int) -> int:
    """Length of "in exchange for" / "in return for" at *k* (0 if none): what is asked in
    return is an item of its own ("the release of all prisoners in exchange for lifting
    sanctions")."""
    words = [t.lower_ for t in doc[k : k + 3]]
    return 3 if words in (["in", "exchange", "for"], ["in", "return", "for"]) else 0


def _joins(doc: Doc, k: int) -> bool:
    """ "… from Goma and the disarmament of its fighters": a coordinator before a new noun
    phrase starts an item of its own (the parser often hangs it inside the previous one)."""
    return (
        doc[k].lower_ in ("and", "or")
        and k + 1 < len(doc)
        and doc[k + 1].pos_ in ("DET", "PRON")
        and doc[k + 1].lower_ not in ("which", "who", "that")
    )


def _clause(item: Span) -> bool:
    """An item whose top verb has a subject of its own is a sentence, not a listed phrase ("an
    account of where the uranium is" is a phrase)."""
    return any(
        t.pos_ in ("VERB", "AUX")
        and not item.start <= t.head.i < item.end
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i >= item.start for c in t.children)
        for t in item
    )
