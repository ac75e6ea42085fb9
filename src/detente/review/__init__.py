"""Human review over machine output: the overlay, its actions, search and gold export.

Machine claims are never edited; reviews are stored apart (``review_items``
holds the current judgement per piece of evidence, ``reviews`` the audit
trail) and laid over the machine's claims by :func:`effective_claims`, the
read path behind ``Store.claims``.
"""

from __future__ import annotations

from detente.review.actions import (
    ACTIONS,
    ConflictError,
    NotFoundError,
    ReviewError,
    add_claim,
    history,
    move_report,
    redate_report,
    review_claim,
)
from detente.review.overlay import EDITABLE, REVIEW_STATES, effective_claims, orphans
from detente.review.search import SearchHits, search

__all__ = [
    "ACTIONS",
    "EDITABLE",
    "REVIEW_STATES",
    "ConflictError",
    "NotFoundError",
    "ReviewError",
    "SearchHits",
    "add_claim",
    "effective_claims",
    "history",
    "move_report",
    "orphans",
    "redate_report",
    "review_claim",
    "search",
]
