"""Domain records shared by every pipeline stage.

Plain dataclasses: the reading stage produces :class:`Report`, the extraction
stage produces an :class:`Extraction` (claims, facts, events) for a report, the
store persists both.  Character offsets follow spaCy's convention
(``start``/``end`` like ``Span.start_char``/``Span.end_char``) and always index
into :attr:`Report.text`, so ``report.text[c.start:c.end] == c.quote``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

#: Stance kinds (PLOVER/CAMEO-aligned); see ``knowledge/taxonomy.yaml``.
KINDS: tuple[str, ...] = ("demand", "offer", "propose", "accept", "reject", "threaten")

#: Negotiation issues; see ``knowledge/taxonomy.yaml`` for definitions and crosswalks.
ISSUES: tuple[str, ...] = (
    "territory",
    "ceasefire",
    "security_guarantees",
    "alliances",
    "military_limits",
    "minority_rights",
    "recognition",
    "sanctions",
    "humanitarian",
    "governance",
    "justice",
    "economy",
    "process",
)

#: How much of the publication date is known.
DatePrecision = Literal["day", "month", "year", "unknown"]


def normalize_text(text: str) -> str:
    """Return *text* in the canonical form detente stores and hashes.

    Unicode NFC, ``\\r\\n``/``\\r`` line endings folded to ``\\n``, a leading BOM
    dropped and trailing whitespace at the end of the document removed.  Offsets
    of every extracted record index into this form.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text).rstrip()


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of the normalised text: a report's identity."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire-style dateline such as ``KYIV, Nov 21 (AFP) -``.

    Any field may be missing; ``start``/``end`` locate the dateline in the text.
    """

    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    agency: str | None = None
    start: int = 0
    end: int = 0
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """One news report, normalised, with what is known of its origin and date."""

    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    date_precision: DatePrecision = "unknown"
    #: Why the date is what it is ("--published", "metadata", "dateline", or why it is unknown).
    date_note: str | None = None
    dateline: Dateline | None = None
    #: Where it was read from: a path, ``path:line`` for JSONL, or ``<stdin>``.
    origin: str | None = None

    @property
    def sha256(self) -> str:
        """Identity of the report: SHA-256 of its normalised text."""
        return text_sha256(self.text)

    @property
    def agency(self) -> str | None:
        """The agency named in the dateline, else the declared source."""
        if self.dateline and self.dateline.agency:
            return self.dateline.agency
        return self.source


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and what it measures ("600,000 troops", "70 percent")."""

    value: float
    unit: str
    measure: str | None = None
    text: str = ""


@dataclass(slots=True)
class Claim:
    """One attributed stance: *actor* *kind*s something on *issue*.

    ``ordinal`` numbers the claims of one report from 0; ``exchange_for`` lists
    ordinals of claims in the same report that this one is traded against (the
    store turns them into claim ids).
    """

    actor: str
    kind: str
    issue: str
    quote: str
    start: int
    end: int
    actor_name: str | None = None
    speaker: str | None = None
    target: str | None = None
    places: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    conditional: bool = False
    conditions: list[str] = field(default_factory=list)
    exchange_for: list[int] = field(default_factory=list)
    hedged: bool = False
    negated: bool = False
    denied: bool = False
    sources: list[str] = field(default_factory=list)
    anonymous: bool = False
    date: date | None = None
    ordinal: int = 0
    #: How far the extractor trusts this claim, 0–1, calibrated on gold/dev (None: unknown).
    confidence: float | None = None
    #: How the stages decided (``holder=pronoun``, ``issue=cue3``, …): what the confidence is from.
    signals: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    """A fact on the ground: *actor* controls *share* (0–1) of *place*."""

    actor: str
    place: str
    quote: str
    start: int
    end: int
    place_name: str | None = None
    share: float | None = None
    approximate: bool = False
    sources: list[str] = field(default_factory=list)
    date: date | None = None


@dataclass(slots=True)
class Event:
    """A meeting, summit, round of talks or call, with its resolved date."""

    kind: str
    quote: str
    start: int
    end: int
    date: date | None = None
    date_text: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything one extractor found in one report."""

    extractor: str
    claims: list[Claim] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Display names for the actor ids used above (``{"RUS": "Russia"}``).
    actor_names: dict[str, str] = field(default_factory=dict)
    #: Display names for the place codes used above (``{"UA-43": "Crimea"}``).
    place_names: dict[str, str] = field(default_factory=dict)


def to_jsonable(obj: Any) -> Any:
    """Convert records (and dates) into JSON-ready builtins."""
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
