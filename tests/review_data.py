"""Reports written for the review tests, across several conflicts, with their records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from detente.records import Report, normalize_text
from detente.store import Store
from test_positions import Doc, RecordedExtractor

KYIV = Doc(
    "Moscow repeats its price for a truce\n\n"
    "GENEVA, June 3 (Reuters) - Russian envoys insisted that Kyiv hand over the rest of "
    "Donetsk before any ceasefire, two diplomats present at the meeting said. "
    "Ukraine turned down any handover of land it still holds. "
    "Washington floated a freeze along the current front line as a first step.",
    date(2025, 6, 3),
    "Reuters",
    claims=[
        {
            "actor": "RUS",
            "kind": "demand",
            "issue": "territory",
            "places": ["UA-14"],
            "sources": ["two diplomats"],
            "quote": "Russian envoys insisted that Kyiv hand over the rest of Donetsk",
        },
        {
            "actor": "UKR",
            "kind": "reject",
            "issue": "territory",
            "quote": "Ukraine turned down any handover of land it still holds",
        },
        {
            "actor": "USA",
            "kind": "propose",
            "issue": "territory",
            "quote": "Washington floated a freeze along the current front line",
        },
    ],
    events=[{"kind": "meeting", "date": date(2025, 6, 3), "quote": "the meeting"}],
)

SUDAN = Doc(
    "Sudan's army rebuffs truce plan\n\n"
    "PORT SUDAN, Sept 14 (AFP) - The Sudanese army dismissed a humanitarian truce drafted "
    "by Washington and Riyadh, calling it a reward for the paramilitaries. "
    "The Rapid Support Forces said they would observe a pause in El Fasher if aid convoys "
    "were let through.",
    date(2025, 9, 14),
    "AFP",
    claims=[
        {
            "actor": "saf",
            "kind": "reject",
            "issue": "ceasefire",
            "quote": "The Sudanese army dismissed a humanitarian truce",
        },
        {
            "actor": "rsf",
            "kind": "offer",
            "issue": "ceasefire",
            "conditional": True,
            "quote": "The Rapid Support Forces said they would observe a pause in El Fasher",
        },
    ],
)

CAUCASUS = Doc(
    "Baku and Yerevan agree to open a transit route\n\n"
    "WASHINGTON, Aug 8 (AP) - Azerbaijan and Armenia endorsed a road and rail corridor "
    "through southern Armenia under US management. "
    "Armenia's prime minister said the route would stay under Armenian law.",
    date(2025, 8, 8),
    "AP",
    claims=[
        {
            "actor": "AZE",
            "kind": "accept",
            "issue": "economy",
            "quote": "Azerbaijan and Armenia endorsed a road and rail corridor",
        },
    ],
)

DOCS = [KYIV, SUDAN, CAUCASUS]
#: Negotiation slug of each document above.
TALKS = {
    "russia-ukraine": ("Russia–Ukraine", [KYIV]),
    "sudan": ("Sudan (SAF–RSF)", [SUDAN]),
    "armenia-azerbaijan": ("Armenia–Azerbaijan", [CAUCASUS]),
}


def report_of(doc: Doc) -> Report:
    """The report a document is ingested as."""
    text = normalize_text(doc.text)
    return Report(
        text=text,
        title=text.splitlines()[0],
        published=doc.published,
        date_precision="day",
        source=doc.agency,
    )


def build_db(path: str | Path, docs: list[Doc] = DOCS, extractor: object = None) -> str:
    """A real database (SQLite path or URL) with *docs*, their records and negotiations."""
    ex = extractor or RecordedExtractor(docs)
    with Store.open(path) as store:
        for d in docs:
            rid = store.ingest(report_of(d), ex).report_id
            slug = next((s for s, (_, members) in TALKS.items() if d in members), "")
            if slug:
                store.assign_report(rid, slug, by="manual", name=TALKS[slug][0])
    return str(path)


def claim_id(store: Store, actor: str, kind: str) -> int:
    """Id of the (effective) claim of *actor* with *kind*."""
    found = [c for c in store.claims() if c["actor"] == actor and c["kind"] == kind]
    assert len(found) == 1, found
    return int(found[0]["id"])


def report_id(store: Store, title_start: str) -> int:
    """Id of the report whose title starts with *title_start*."""
    with store.engine.connect() as conn:
        from detente.store.schema import reports

        return conn.execute(
            sa.select(reports.c.id).where(reports.c.title.like(f"{title_start}%"))
        ).scalar_one()
