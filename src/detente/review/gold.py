"""Reviewed reports as gold files (the format of ``gold/README.md``).

Each reviewed report becomes ``NAME.txt`` (the stored text) and ``NAME.yaml``
with its effective stances: what a reviewer confirmed, edited or added is
required; a machine stance nobody looked at is written ``required: false``
(neither a miss nor an error when scored), and a rejected one is left out.
Every stance quotes its evidence exactly, so ``detente eval`` can load the
directory as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
import yaml

from detente.store.schema import review_items

if TYPE_CHECKING:
    from detente.store import Store


class GoldExportError(ValueError):
    """The export cannot be written (message says why)."""


@dataclass(frozen=True, slots=True)
class Exported:
    """One report written as gold."""

    report: int
    name: str
    claims: int
    reviewed: int


def reviewed_reports(store: Store, negotiation: str | None = None) -> list[int]:
    """Ids of reports with at least one reviewed stance, optionally in one negotiation."""
    q = sa.select(review_items.c.report_id).distinct().order_by(review_items.c.report_id)
    with store.engine.connect() as conn:
        ids = list(conn.execute(q).scalars())
    if negotiation:
        if store.negotiation(negotiation) is None:
            raise GoldExportError(f"no negotiation {negotiation!r}")
        keep = {int(r["id"]) for r in store.reports(negotiation=negotiation)}
        ids = [i for i in ids if i in keep]
    return ids


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:48] or "report"


def gold_claim(c: dict[str, Any]) -> dict[str, Any]:
    """One effective claim as a gold entry."""
    entry: dict[str, Any] = {"actor": c["actor"], "kind": [c["kind"]], "issue": [c["issue"]]}
    if c.get("places"):
        entry["places"] = list(c["places"])
    if c.get("sources"):
        entry["sources"] = list(c["sources"])
    for flag in ("denied", "conditional", "hedged", "negated"):
        if c.get(flag):
            entry[flag] = True
    if c.get("review") == "machine":
        entry["required"] = False
        entry["note"] = "extracted, not reviewed"
    else:
        entry["note"] = f"review: {c['review']}"
    entry["evidence"] = c["quote"]
    return entry


def export_gold(store: Store, out: str | Path, *, negotiation: str | None = None) -> list[Exported]:
    """Write every reviewed report (of *negotiation*, if given) into *out* as gold files."""
    ids = reviewed_reports(store, negotiation)
    root = Path(out)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GoldExportError(f"{out}: cannot create: {exc.strerror or exc}") from None
    written: list[Exported] = []
    for rid in ids:
        report = store.report(rid)
        if report is None:
            continue
        text = report["text"]
        # The whole report: a gold file is scored as one, whatever the negotiation.
        claims = [c for c in store.claims(report_id=rid) if c["quote"] and c["quote"] in text]
        events = [e for e in store.events(report_id=rid) if e.get("date")]
        name = f"r{rid:05d}_{_slug(report.get('title') or '')}"
        doc: dict[str, Any] = {}
        if report.get("published"):
            doc["published"] = date.fromisoformat(str(report["published"])[:10])
        doc["claims"] = [gold_claim(c) for c in claims]
        dates = sorted({str(e["date"])[:10] for e in events})
        doc["events"] = [{"date": date.fromisoformat(d)} for d in dates]
        body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
        try:
            (root / f"{name}.txt").write_text(text, encoding="utf-8")
            (root / f"{name}.yaml").write_text(body, encoding="utf-8")
        except OSError as exc:
            raise GoldExportError(f"{root}: cannot write: {exc.strerror or exc}") from None
        reviewed = sum(1 for c in claims if c["review"] != "machine")
        written.append(Exported(rid, name, len(claims), reviewed))
    return written
