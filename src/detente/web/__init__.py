"""``detente serve``: a local web app to read, search and review the evidence."""

from __future__ import annotations

from detente.web.app import create_app

__all__ = ["create_app"]
