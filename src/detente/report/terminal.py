"""A report in the terminal with its extracted spans highlighted (rich)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from detente.report.sanitize import printable_all

#: One colour per stance kind, shared with the HTML brief's legend.
KIND_STYLES: dict[str, str] = {
    "demand": "bold red",
    "offer": "bold green",
    "propose": "bold cyan",
    "accept": "bold bright_green",
    "reject": "bold magenta",
    "threaten": "bold bright_red",
}
FACT_STYLE = "bold yellow"
EVENT_STYLE = "bold blue"


def highlight(
    text: str,
    claims: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]] = (),
    facts: Sequence[dict[str, Any]] = (),
) -> Text:
    """*text* as a rich :class:`Text` with every record's span styled and numbered."""
    out = Text(text)
    for e in events:
        out.stylize(EVENT_STYLE + " underline", e["start"], e["end"])
    for f in facts:
        out.stylize(FACT_STYLE + " underline", f["start"], f["end"])
    for c in claims:
        out.stylize(KIND_STYLES.get(c["kind"], "bold"), c["start"], c["end"])
    return out


def render_report(
    report: dict[str, Any],
    claims: Sequence[dict[str, Any]],
    events: Sequence[dict[str, Any]] = (),
    facts: Sequence[dict[str, Any]] = (),
    console: Console | None = None,
) -> None:
    """Print a stored report, its highlighted text and a key to the spans.

    Every string is printed as text, never as markup, with control characters
    replaced (offsets are kept, so the highlighting still lines up).
    """
    console = console or Console()
    report, claims, events, facts = (printable_all(x) for x in (report, claims, events, facts))
    head = Text(f"#{report['id']} ", style="bold")
    head.append(report.get("title") or "(untitled)", style="bold underline")
    console.print(head)
    meta = [
        f"published {report.get('published') or 'unknown'}",
        report.get("agency") or report.get("source") or "",
        report.get("dateline_place") or "",
        report.get("extractor") or "",
    ]
    console.print(Text(" · ".join(m for m in meta if m), style="dim"))
    if report.get("date_note"):
        console.print(Text(f"date: {report['date_note']}", style="dim italic"))
    console.print()
    console.print(highlight(report["text"], claims, events, facts))
    console.print()
    table = Table(title="extracted", header_style="bold", show_lines=False)
    for col in ("id", "what", "span"):
        table.add_column(col, overflow="fold")
    for c in claims:
        what = Text(f"{c['actor']} ", style="bold")
        what.append(
            ("not " if c["negated"] else "") + c["kind"], style=KIND_STYLES.get(c["kind"], "")
        )
        what.append(f" {c['issue']}")
        for flag in ("denied", "hedged", "conditional"):
            if c.get(flag):
                what.append(f" [{flag}]", style="dim")
        if c.get("places"):
            what.append(f" @ {', '.join(c['places'])}", style="dim")
        if c.get("exchange_for"):
            traded = ", ".join(f"c{i}" for i in c["exchange_for"])
            what.append(f" ⇄ {traded}", style="bold")
        if c.get("sources"):
            what.append(f" — {'; '.join(c['sources'])}", style="italic")
        table.add_row(f"c{c['id']}", what, f"{c['start']}–{c['end']}")
    for f in facts:
        share = "" if f["share"] is None else f" {f['share']:.0%}{'~' if f['approximate'] else ''}"
        table.add_row(
            f"f{f['id']}",
            Text(f"{f['actor']} controls{share} of {f['place']}", style=FACT_STYLE),
            f"{f['start']}–{f['end']}",
        )
    for e in events:
        table.add_row(
            f"e{e['id']}",
            Text(
                f"{e['kind']} {e['date'] or 'undated'} {', '.join(e['participants'])}",
                style=EVENT_STYLE,
            ),
            f"{e['start']}–{e['end']}",
        )
    console.print(table)
