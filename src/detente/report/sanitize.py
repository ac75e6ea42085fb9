"""Text from reports made safe to print on a terminal.

Report text is data: it must not move the cursor, clear the screen, retitle
the window or reverse the reading direction when printed.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters that drive a terminal rather than show text: C0 controls except tab and
#: line feed, DEL, C1 controls (8-bit CSI among them) and the bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """*text* with terminal control characters replaced by U+FFFD (length kept, so offsets hold)."""
    return _CONTROL.sub("\ufffd", text)


def printable_all(value: Any) -> Any:
    """:func:`printable` applied to every string in nested dicts, lists and tuples."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: printable_all(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [printable_all(v) for v in value]
    return value
