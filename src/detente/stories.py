"""Stories: reports of the same agency story, republished or rewritten by several outlets.

Ten outlets running one wire story are one piece of evidence, not ten.  Each report gets a
MinHash signature of its word 3-shingles (datasketch); a MinHash LSH index finds reports whose
estimated Jaccard similarity reaches :data:`THRESHOLD`, and a new report joins the story of its
most similar stored neighbour, else starts a story of its own.  Shingles survive reordered
paragraphs, a new headline and a trimmed ending, which change only the shingles at the edges.

Signatures are stored (``report_signatures``) so that later ingests compare against earlier
reports without re-reading them, and only reports published within :data:`WINDOW_DAYS` of the
new ones are compared: copies of a story appear within days of each other.  A
:class:`StoryIndex` keeps the signatures already read between pages and batches of one
ingest, so each page reads and indexes only the stored reports it has not seen yet.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH

from detente.store.schema import report_signatures, reports, stories

if TYPE_CHECKING:
    from detente.store import Store

#: MinHash permutations: 128 keeps the Jaccard estimate within about ±0.05.
NUM_PERM = 128
#: Estimated Jaccard similarity of word 3-shingles from which two reports are one story.
THRESHOLD = 0.3
#: datasketch's hashing scheme, fixed so stored signatures stay comparable across versions.
SCHEME = "affine32"
#: Words per shingle.
SHINGLE = 3
#: Reports further apart than this in publication date are not compared.
WINDOW_DAYS = 10

_WORD = re.compile(r"\w+")
# Wire credit lines ("Reporting by …; editing by …") differ between outlets, not stories.
_CREDIT = re.compile(r"^\(?(?:reporting|writing|editing|additional reporting)\b.*$", re.I | re.M)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word *size*-grams of *text* (credit lines left out)."""
    words = _WORD.findall(_CREDIT.sub(" ", text).lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@functools.cache
def _permutations() -> np.ndarray:
    """The (seeded, so always the same) permutation parameters, drawn once per process."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


@functools.cache
def _lsh_params(threshold: float) -> tuple[int, int]:
    """LSH bands and rows for *threshold*; datasketch finds them by numeric integration,
    which costs more than indexing a page of reports, so once per process."""
    probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return probe.b, probe.r


def _index(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_lsh_params(threshold))


def signature(text: str) -> MinHash:
    """The MinHash of *text*'s shingles."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles(text)))
    return m


def _to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def _from_bytes(data: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        hashvalues=np.frombuffer(data, dtype=np.uint64),
        permutations=_permutations(),
        scheme=SCHEME,
    )


def group(texts: Iterable[str], threshold: float = THRESHOLD) -> list[int]:
    """Story numbers for *texts* in order (texts of one story share a number).

    The in-memory form of :func:`assign_stories`, for evaluation and tests.
    """
    sigs = [signature(t) for t in texts]
    lsh = _index(threshold)
    labels: list[int] = []
    for i, m in enumerate(sigs):
        best = _best(lsh, m, sigs, threshold)
        labels.append(labels[best] if best is not None else i)
        lsh.insert(i, m)
    return labels


def _best(
    lsh: MinHashLSH,
    m: MinHash,
    sigs: object,
    threshold: float,
    near: Callable[[Any], bool] | None = None,
) -> object | None:
    scored = [
        (m.jaccard(sigs[k]), k)  # type: ignore[index]
        for k in lsh.query(m)
        if near is None or near(k)
    ]
    scored = [(s, k) for s, k in scored if s >= threshold]
    return max(scored, key=lambda sk: (sk[0], -_order(sk[1])))[1] if scored else None


def _order(key: object) -> int:
    return key if isinstance(key, int) else 0


@dataclass(frozen=True, slots=True)
class StoryStats:
    """What :func:`assign_stories` did."""

    assigned: int
    new_stories: int


class StoryIndex:
    """Signatures of stored reports, kept in an LSH index between pages of one ingest.

    Each page still asks the database which reports are its neighbours (ids and stories
    only); signatures are read and indexed only for those not held yet, and those that
    are no longer neighbours are dropped, so memory follows the date window.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = _index(threshold)
        self.sigs: dict[int, MinHash] = {}
        self.published: dict[int, date | None] = {}

    def add(self, report_id: int, m: MinHash, published: date | None = None) -> None:
        """Index *m* as the signature of *report_id*, published on *published*."""
        if report_id not in self.sigs:
            self.lsh.insert(report_id, m)
        self.sigs[report_id] = m
        self.published[report_id] = published

    def keep_only(self, report_ids: set[int]) -> None:
        """Drop every signature but those of *report_ids*."""
        for rid in [r for r in self.sigs if r not in report_ids]:
            self.lsh.remove(rid)
            del self.sigs[rid]
            del self.published[rid]

    def best(self, m: MinHash, published: date | None = None) -> int | None:
        """The indexed report most like *m* at or above the threshold, if any, among those
        published within :data:`WINDOW_DAYS` of *published* (undated ones always qualify).

        The window is the report's own, not that of the page it is stored with, so the
        stories do not depend on how an ingest batches its reports."""

        def near(rid: int) -> bool:
            other = self.published.get(rid)
            if published is None or other is None:
                return True
            return abs((other - published).days) <= WINDOW_DAYS

        return _best(self.lsh, m, self.sigs, self.threshold, near)  # type: ignore[return-value]


def assign_stories(
    store: Store,
    *,
    threshold: float = THRESHOLD,
    page: int = 500,
    index: StoryIndex | None = None,
) -> StoryStats:
    """Give every report without a story one: an existing story it copies, or a new one.

    Works through the reports in pages of *page* (a transaction each), oldest
    first, so a back-fill of millions never holds them all in memory.  Safe to
    run again: reports that have a story are left alone.  Pass the same *index*
    to calls made one after another (an ingest, batch by batch) to spare
    reading and indexing the same signatures again.
    """
    if index is None or index.threshold != threshold:
        index = StoryIndex(threshold)
    assigned = created = 0
    after = 0
    clashes = 0
    while True:
        try:
            with store.engine.begin() as conn:
                todo = conn.execute(
                    sa.select(reports.c.id, reports.c.text, reports.c.title, reports.c.published)
                    .where(reports.c.story_id.is_(None), reports.c.id > after)
                    .order_by(reports.c.id)
                    .limit(page)
                ).all()
                if not todo:
                    return StoryStats(assigned, created)
                made = _assign_page(conn, todo, index)
        except (sa.exc.IntegrityError, sa.exc.OperationalError):
            # Another ingest grouped the same reports meanwhile (a signature already
            # stored, or a stale snapshot): read the page again, which now skips them.
            clashes += 1
            if clashes > 20:
                raise
            time.sleep(0.05 * clashes)
            continue
        created += made
        assigned += len(todo)
        after = todo[-1].id


_SET_STORY = reports.update().where(reports.c.id == sa.bindparam("rid"))


def _assign_page(conn: sa.Connection, todo: list[Any], index: StoryIndex) -> int:
    story_of = _load_neighbours(conn, [r.published for r in todo], index)
    new_sigs = []
    placed: list[dict[str, int]] = []
    created = 0
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    for r in todo:
        m = index.sigs.get(r.id)
        if m is None:
            m = signature(r.text)
            new_sigs.append({"report_id": r.id, "minhash": _to_bytes(m)})
        best = index.best(m, r.published)
        if best is not None and best in story_of:
            story = story_of[best]
        else:
            name = (r.title or r.text[:80]).strip() or f"report {r.id}"
            story = conn.execute(
                stories.insert(), {"name": name, "first_published": r.published, "created_at": now}
            ).inserted_primary_key[0]
            created += 1
        story_of[r.id] = story
        placed.append({"rid": r.id, "story_id": story})
        index.add(r.id, m, r.published)
    # The page's reports get their stories in one statement (nothing above reads them back).
    conn.execute(_SET_STORY, placed)
    if new_sigs:
        conn.execute(report_signatures.insert(), new_sigs)
    return created


def _load_neighbours(conn: sa.Connection, dates: list[date | None], index: StoryIndex) -> dict:
    """Bring *index* to the stored reports published near *dates* (undated ones too), reading
    only the signatures it lacks; returns their stories by report id."""
    q = sa.select(reports.c.id, reports.c.story_id, reports.c.published).join(
        report_signatures, report_signatures.c.report_id == reports.c.id
    )
    known = [d for d in dates if d is not None]
    if known and len(known) == len(dates):
        lo = min(known) - timedelta(days=WINDOW_DAYS)
        hi = max(known) + timedelta(days=WINDOW_DAYS)
        q = q.where(reports.c.published.is_(None) | reports.c.published.between(lo, hi))
    story_of: dict[int, int] = {}
    near: dict[int, date | None] = {}
    for rid, story, published in conn.execute(q):
        near[rid] = published
        if story is not None:
            story_of[rid] = story
    index.keep_only(set(near))
    missing = sorted(near - index.sigs.keys())
    for i in range(0, len(missing), 500):
        blobs = sa.select(report_signatures.c.report_id, report_signatures.c.minhash).where(
            report_signatures.c.report_id.in_(missing[i : i + 500])
        )
        for rid, blob in conn.execute(blobs):
            index.add(rid, _from_bytes(blob), near[rid])
    return story_of


def pair_scores(predicted: list[int], gold: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping against a gold grouping.

    A pair of reports counts as found when both are in one predicted group, and as
    right when they are in one gold group.
    """
    n = len(predicted)
    tp = fp = fn = 0
    for i in range(n):
        for j in range(i + 1, n):
            same_p = predicted[i] == predicted[j]
            same_g = gold[i] == gold[j]
            tp += same_p and same_g
            fp += same_p and not same_g
            fn += same_g and not same_p
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


#: Field names of a story as listed by ``detente stories`` (stable API).
STORY_FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "first_published",
    "reports",
    "outlets",
    "report_ids",
)


def story_rows(store: Store, *, min_reports: int = 1) -> list[dict[str, Any]]:
    """Stored stories with their reports and outlets, most reported first."""
    q = (
        sa.select(
            stories.c.id,
            stories.c.name,
            stories.c.first_published,
            reports.c.id.label("report_id"),
            reports.c.agency,
            reports.c.source,
        )
        .join(reports, reports.c.story_id == stories.c.id)
        .order_by(stories.c.id, reports.c.id)
    )
    out: dict[int, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            row = out.setdefault(
                r.id,
                {
                    "id": r.id,
                    "name": r.name,
                    "first_published": r.first_published.isoformat()
                    if isinstance(r.first_published, date)
                    else r.first_published,
                    "report_ids": [],
                    "outlets": [],
                },
            )
            row["report_ids"].append(r.report_id)
            outlet = r.agency or r.source
            if outlet and outlet not in row["outlets"]:
                row["outlets"].append(outlet)
    rows = [{**r, "reports": len(r["report_ids"])} for r in out.values()]
    rows = [r for r in rows if r["reports"] >= min_reports]
    return sorted(rows, key=lambda r: (-r["reports"], r["id"]))
