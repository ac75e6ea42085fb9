"""detente: negotiation intelligence from peace-talk reports."""

from __future__ import annotations

__version__ = "0.1.0"
