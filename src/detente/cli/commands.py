"""Import every command module so that each registers its commands on ``cli``."""

from __future__ import annotations

import importlib

# Each module adds its commands to ``detente.cli.cli`` on import.  A module that
# is not written yet is simply absent.
_MODULES = (
    "ingest",
    "listing",
    "evaluate",
    "forecast",
    "positions",
    "report",
    "negotiations",
    "web",
)

for _name in _MODULES:
    try:
        importlib.import_module(f"detente.cli.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a stage is missing
        if exc.name != f"detente.cli.{_name}":
            raise
