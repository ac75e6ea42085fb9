"""The offline HTML brief: one self-contained file, readable on screen and on paper.

Sections: headline, position matrix (actors × issues, click a cell for its
quotes), timeline (inline SVG), map of the places in play (inline SVG from
``knowledge/geo/admin1.json``), contradictions and changes, forecast (from a
given scenario, else drafted from the evidence) and sources with method
notes.  The report texts are embedded, collapsed, with an anchor on every
evidence span.  Article text is untrusted: the Jinja2 template autoescapes
everything and the SVG builders below escape every string they insert.  A
Content-Security-Policy forbids loading anything from elsewhere.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from detente import __version__
from detente.positions import Picture, Position, TimelineEntry, build, place_names
from detente.positions.stories import coverage
from detente.report.standing import Standing, evaluation, standing

if TYPE_CHECKING:
    from detente.bargain import Scenario
    from detente.store import Store

#: Fill colours per stance (colour-blind-safe Okabe–Ito palette), also used in print.
STANCE_COLOURS: dict[str, str] = {
    "demand": "#E69F00",
    "offer": "#56B4E9",
    "propose": "#0072B2",
    "accept": "#009E73",
    "reject": "#D55E00",
    "threaten": "#CC79A7",
    "mixed": "#999999",
}
STANCE_SHORT = {
    "demand": "D",
    "offer": "O",
    "propose": "P",
    "accept": "A",
    "reject": "R",
    "threaten": "T",
    "mixed": "±",
}


_MAP_PRIORITY = ("demand", "reject", "accept", "propose", "offer", "threaten")


class BriefError(ValueError):
    """The brief cannot be written (message says why)."""


# --------------------------------------------------------------------------- utilities


def _e(value: Any) -> str:
    """Escape for HTML/SVG text and attributes."""
    return str(escape("" if value is None else str(value)))


def _cell_id(actor: str, issue: str) -> str:
    return "cell-" + "".join(ch if ch.isalnum() else "_" for ch in f"{actor}-{issue}")


def _span_id(kind: str, record: int) -> str:
    return f"{kind}{record}"


def dominant_stance(positions: Sequence[Position]) -> str:
    """The stance a matrix cell shows: ``mixed`` when accept-like and reject meet."""
    weight: Counter[str] = Counter()
    for p in positions:
        weight[p.stance] += len([e for e in p.evidence if not e.denied]) or 0
    weight = Counter({k: v for k, v in weight.items() if v})
    if not weight:
        return "mixed"
    if weight["reject"] and (weight["accept"] or weight["offer"]):
        return "mixed"
    return max(weight, key=lambda s: (weight[s], s))


@dataclass(slots=True)
class Cell:
    """One matrix cell: an actor's positions on an issue."""

    actor: str
    issue: str
    stance: str
    positions: list[Position]
    id: str = ""

    @property
    def claims(self) -> int:
        """How many claims back the cell (a stance reported, then denied, is not counted)."""
        return sum(len(p.evidence) for p in self.positions if p.counts)

    @property
    def title(self) -> str:
        """Hover text: the stances, then up to three quotes with their sources."""
        lines = [f"{self.actor} on {self.issue}:"]
        lines += [f"• {p.label} ×{len(p.evidence)}" for p in self.positions]
        quotes = [e for p in self.positions for e in p.distinct_evidence][:3]
        for e in quotes:
            who = " via ".join(e.sources) or e.speaker or e.agency or "unattributed"
            lines.append(f"“{e.quote[:140]}” — {who}, {e.date or 'undated'}")
        return "\n".join(lines)


@dataclass(slots=True)
class Brief:
    """Everything the template shows (already computed)."""

    picture: Picture
    generated: str
    reports: list[dict[str, Any]]
    matrix_actors: list[str]
    matrix_issues: list[str]
    cells: dict[tuple[str, str], Cell]
    timeline_svg: Markup
    maps: list[dict[str, Any]]
    report_html: dict[int, Markup]
    forecast: dict[str, Any] | None
    forecast_note: str
    places: dict[str, str] = field(default_factory=dict)
    #: The negotiation the brief covers (``Store.negotiation()`` row), if one.
    negotiation: dict[str, Any] | None = None
    #: Where each side stands now.
    standing: list[Standing] = field(default_factory=list)
    #: Measured accuracy of the extractor (``knowledge/evaluation.yaml``).
    evaluation: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- report texts


def mark_spans(text: str, spans: Iterable[tuple[int, int, str, str]]) -> Markup:
    """*text* escaped, with ``<mark id=…>`` around each (start, end, id, title) span.

    Overlapping spans cannot nest in a clean way, so an overlapped span gets an
    empty anchor at the start of the mark that covers it (links still land).
    """
    out: list[str] = []
    cursor = 0
    open_end = -1
    for start, end, sid, title in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end <= start:
            continue
        if start < open_end:
            # Inside the previous mark: anchor right where that mark began.
            out.insert(len(out) - 1, f'<a class="anchor" id="{_e(sid)}"></a>')
            continue
        out.append(_e(text[cursor:start]))
        out.append(f'<mark id="{_e(sid)}" title="{_e(title)}">{_e(text[start:end])}</mark>')
        cursor = open_end = end
    out.append(_e(text[cursor:]))
    return Markup("".join(out))


# --------------------------------------------------------------------------- timeline SVG


def _parse(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d[:10]) if d else None
    except ValueError:
        return None


def timeline_svg(picture: Picture, width: int = 1000) -> Markup:
    """Stances per actor lane and events on their own lane, on a date axis."""
    entries: list[tuple[TimelineEntry, date]] = []
    for t in picture.timeline:
        d = _parse(t.date)
        if d is not None:
            entries.append((t, d))
    if not entries:
        return Markup('<p class="empty">No dated stances or events.</p>')
    lanes = [
        a for a in picture.actors if any(a in t.actors for t, _ in entries if t.type != "event")
    ]
    lanes = lanes[:14]
    has_events = any(t.type == "event" for t, _ in entries)
    rows = (["events"] if has_events else []) + lanes
    d0 = min(d for _, d in entries)
    d1 = max(d for _, d in entries)
    span = max((d1 - d0).days, 1)
    left, right, top, lane_h = 150, 60, 30, 24
    height = top + lane_h * len(rows) + 30
    plot_w = width - left - right

    def x(d: date) -> float:
        return left + plot_w * (d - d0).days / span

    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Timeline of stances and events" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, row in enumerate(rows):
        y = top + lane_h * i + lane_h / 2
        label = "events" if row == "events" else picture.actor_names.get(row, row)
        if len(label) > 22:
            label = row
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" class="lane">{_e(label)}</text>'
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="lane-line"/>'
        )
    # Axis ticks: about six dates, as ISO days.
    n_ticks = 6 if span > 6 else span
    axis_y = top + lane_h * len(rows) + 4
    for k in range(n_ticks + 1):
        d = date.fromordinal(d0.toordinal() + round(span * k / max(n_ticks, 1)))
        xx = x(d)
        parts.append(
            f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{top - 6}" y2="{axis_y}" class="tick"/>'
            f'<text x="{xx:.1f}" y="{axis_y + 14}" text-anchor="middle" class="tick-label">'
            f"{d.isoformat()}</text>"
        )
    # Several entries on one day and lane are fanned out so that each stays visible.
    seen: Counter[tuple[str, date]] = Counter()
    for t, d in entries:
        if t.type == "event":
            if not has_events:
                continue
            row_i = 0
            lane = "events"
        else:
            lane = next((a for a in t.actors if a in lanes), "")
            if not lane:
                continue
            row_i = rows.index(lane)
        k = seen[(lane, d)]
        seen[(lane, d)] += 1
        # Fan out: up to six side by side, further ones on a second row.
        cx = min(x(d) + (k % 6) * 7, width - 8)
        cy = top + lane_h * row_i + lane_h / 2 + (0 if k < 6 else 7)
        anchor = f"#{_span_id('c' if t.type == 'stance' else t.type[0], t.record)}"
        tip = f"{t.date} · {t.label}: “{t.quote[:160]}”"
        if t.type == "event":
            shape = (
                f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" '
                f'transform="rotate(45 {cx:.1f} {cy:.1f})" class="ev"/>'
            )
        elif t.type == "fact":
            shape = f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" class="fact"/>'
        else:
            colour = STANCE_COLOURS.get(t.kind or "", "#999")
            shape = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}" class="st"/>'
        parts.append(
            f'<a href="{_e(anchor)}" class="span-link"><title>{_e(tip)}</title>{shape}</a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --------------------------------------------------------------------------- map


@lru_cache(maxsize=1)
def geometry() -> dict[str, Any]:
    """The bundled simplified admin-1 geometry."""
    text = resources.files("detente.knowledge").joinpath("geo/admin1.json").read_text("utf-8")
    return json.loads(text)


def _country_of(code: str, geo: Mapping[str, Any]) -> str | None:
    if "-" not in code:
        return code if code in geo["countries"] else None
    for a3, country in geo["countries"].items():
        for region in country["regions"]:
            if region["code"] == code:
                return a3
    return None


def maps(picture: Picture, names: Mapping[str, str]) -> list[dict[str, Any]]:
    """One inline SVG per country with places in play, regions shaded by stance."""
    geo = geometry()
    stances: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for p in picture.positions:
        for code in p.places:
            for e in p.evidence:
                if not e.denied:
                    stances[code].append((p.actor, p.stance, e.claim))
    control: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in picture.facts:
        control[f["place"]].append(f)
    codes = set(stances) | set(control)
    by_country: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        a3 = _country_of(code, geo)
        if a3:
            by_country[a3].add(code)
    out = []
    for a3 in sorted(by_country, key=lambda c: (-len(by_country[c]), c)):
        regions = geo["countries"][a3]["regions"]
        pts = [pt for r in regions for ring in r["rings"] for pt in ring]
        lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
        lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
        k = math.cos(math.radians((lat0 + lat1) / 2))
        w_geo, h_geo = (lon1 - lon0) * k, lat1 - lat0
        width = 460.0
        scale = width / max(w_geo, 1e-6)
        height = h_geo * scale
        if height > 340:
            scale *= 340 / height
            height = 340.0
            width = w_geo * scale
        whole_country = a3 in codes
        parts = [
            f'<svg class="map" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" role="img" '
            f'aria-label="Map of {_e(names.get(a3, a3))}" xmlns="http://www.w3.org/2000/svg">'
        ]
        listed = []
        for r in regions:
            d = " ".join(
                "M"
                + "L".join(
                    f"{(lon - lon0) * k * scale:.1f},{(lat1 - lat) * scale:.1f}"
                    for lon, lat in ring
                )
                + "Z"
                for ring in r["rings"]
            )
            code = r["code"]
            st = stances.get(code, []) if code else []
            facts = control.get(code, []) if code else []
            fill = "#eeeeee"
            cls = "region"
            if st:
                kinds = Counter(s for _, s, _ in st)
                # Ties go to the stance that matters most for the map: a demand on a place.
                top = (
                    "mixed"
                    if kinds["reject"] and kinds["demand"]
                    else max(kinds, key=lambda k: (kinds[k], -_MAP_PRIORITY.index(k)))
                )
                fill = STANCE_COLOURS.get(top, "#999")
                cls += " in-play"
            elif whole_country:
                fill = "#f6f0e0"
            if facts:
                cls += " controlled"
            name = names.get(code, r["name"]) if code else r["name"]
            tip = [f"{name} ({code or 'no ISO code'})"]
            tip += [f"{a} {s} (claim {c})" for a, s, c in st[:8]]
            for f in facts:
                share = "" if f.get("share") is None else f" {f['share']:.0%}"
                tip.append(f"{f['actor']} controls{share} (fact {f['id']})")
            parts.append(
                f'<path d="{d}" fill="{fill}" class="{cls}" data-code="{_e(code or "")}">'
                f"<title>{_e(' · '.join(tip))}</title></path>"
            )
            if st or facts:
                listed.append(
                    {
                        "code": code,
                        "name": name,
                        "stances": sorted({(a, s) for a, s, _ in st}),
                        "claims": sorted({c for _, _, c in st}),
                        "facts": facts,
                    }
                )
        parts.append("</svg>")
        out.append(
            {
                "country": a3,
                "name": names.get(a3, a3),
                "svg": Markup("".join(parts)),
                "regions": listed,
                "missing": sorted(
                    c for c in by_country[a3] if c not in {r["code"] for r in regions}
                ),
            }
        )
    return out


# --------------------------------------------------------------------------- forecast


def _status_text(status: dict[str, float] | None) -> str:
    """``"92 % converged, 8 % cycled"`` for BdM runs; empty for other models."""
    if not status:
        return ""
    return ", ".join(f"{100 * v:.0f} % {k}" for k, v in status.items() if v > 0)


def forecast_section(
    picture: Picture,
    scenario: Scenario | None,
    runs: int,
    seed: int = 0,
    capabilities: str | Path | None = None,
) -> tuple[dict[str, Any] | None, str]:
    """Run every model on *scenario* (drafted from the evidence when ``None``)."""
    from detente.bargain import MODELS, forecast
    from detente.bargain.draft import DraftError, default_issues, draft
    from detente.bargain.scenario import ScenarioError, scenario_to_dict

    drafted = scenario is None
    if scenario is None:
        covered = {r.get("negotiation") for r in picture.reports if r.get("negotiation")}
        if picture.negotiation is None and len(covered) > 1:
            return None, (
                f"No drafted forecast: these reports cover {len(covered)} negotiations, and a "
                "scenario never mixes them. Write one brief per negotiation "
                "('detente report --negotiation SLUG')."
            )
        claims = picture.claims
        issues = default_issues(claims, limit=3)
        if not issues:
            return None, "No forecast: no issue has stances from two actors yet."
        try:
            scenario = draft(claims, issues, capabilities=capabilities)
        except DraftError as exc:
            return None, f"No forecast: {exc}."
    results: list[Any] = []
    for model in MODELS:
        try:
            results.append(forecast(scenario, model, runs=runs, seed=seed))
        except (ScenarioError, ValueError, FloatingPointError) as exc:
            results.append({"model": model, "error": str(exc)})
    dims = []
    for k, dim in enumerate(scenario.dimensions):
        rows = []
        for r in results:
            if isinstance(r, dict):
                rows.append({"model": r["model"], "error": r["error"]})
                continue
            fd = r.dimensions[k]
            rows.append(
                {
                    "model": r.model,
                    "outcome": fd.outcome,
                    "p10": fd.p10,
                    "p50": fd.p50,
                    "p90": fd.p90,
                    # A band over several separate outcomes misleads: say so in words.
                    "modes": fd.modes_text(),
                    "status": _status_text(fd.status),
                }
            )
        actors = [
            {
                "name": a.name,
                "description": a.description,
                "position": float(scenario.positions[i, k]),
                "salience": float(scenario.saliences[i, k]),
                "capability": a.capability,
                **scenario.entry_extra.get((a.name, dim.name), {}),
            }
            for i, a in enumerate(scenario.actors)
        ]
        outcomes = [r["outcome"] for r in rows if "error" not in r]
        reading = ""
        if outcomes:
            mid = sorted(outcomes)[len(outcomes) // 2]
            reading = f"The models land between {min(outcomes):.0f} and {max(outcomes):.0f}"
            anchors = dim.extra.get("anchors") or {}
            if isinstance(anchors, dict) and anchors:
                near = min(anchors, key=lambda a: abs(float(a) - mid))
                reading += (
                    f"; the middle forecast ({mid:.0f}) is nearest to “{near}: {anchors[near]}”"
                )
            reading += "."
        dims.append(
            {
                "name": dim.name,
                "reading": reading,
                "low": dim.low_label,
                "high": dim.high_label,
                "extra": dim.extra,
                "models": rows,
                "actors": actors,
                "svg": band_svg(rows, actors),
            }
        )
    scope = f"negotiation {picture.negotiation}" if picture.negotiation else "these reports"
    note = (
        f"Scenario drafted from the evidence of {scope}, on "
        f"{' and '.join(d.name.replace('_', ' ') for d in scenario.dimensions)}; stances "
        "reported, then denied, place nobody. Write it with 'detente scenario draft "
        "--out FILE', edit it, and pass it back with --scenario."
        if drafted
        else f"Scenario: {scenario.name}."
    )
    return {
        "name": scenario.name,
        "drafted": drafted,
        "runs": runs,
        "seed": seed,
        "dimensions": dims,
        "yaml": scenario_to_dict(scenario),
    }, note


def band_svg(rows: Sequence[Mapping[str, Any]], actors: Sequence[Mapping[str, Any]]) -> Markup:
    """Per model the p10–p90 band and the point forecast on the 0–100 scale."""
    left, width, top, row_h = 100, 900, 58, 24
    height = top + row_h * len(rows) + 26

    def x(v: float) -> float:
        return left + (width - left - 30) * max(0.0, min(100.0, v)) / 100

    parts = [
        f'<svg class="band" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="Forecast bands" xmlns="http://www.w3.org/2000/svg">'
    ]
    # Parties at nearly the same position share one label; labels alternate in height.
    placed = sorted((a for a in actors if a.get("salience", 0) > 0), key=lambda a: a["position"])
    clusters: list[list[Mapping[str, Any]]] = []
    for a in placed:
        if clusters and a["position"] - clusters[-1][-1]["position"] <= 4:
            clusters[-1].append(a)
        else:
            clusters.append([a])
    for j, group in enumerate(clusters):
        xx = x(sum(a["position"] for a in group) / len(group))
        label = ", ".join(a["name"] for a in group)
        tip = "; ".join(
            f"{a['name']}: position {a['position']:g}, salience {a['salience']:g}" for a in group
        )
        ly = top - 12 - 14 * (j % 3)
        parts.append(
            f'<g class="actor-tick"><title>{_e(tip)}</title>'
            f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{ly + 3}" y2="{height - 26}"/>'
            f'<text x="{xx:.1f}" y="{ly}" text-anchor="middle">{_e(label)}</text></g>'
        )
    for i, r in enumerate(rows):
        y = top + row_h * i + row_h / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{_e(r["model"])}</text>'
        )
        if "error" in r:
            parts.append(f'<text x="{left}" y="{y + 4:.1f}" class="err">failed</text>')
            continue
        parts.append(
            f'<rect x="{x(r["p10"]):.1f}" y="{y - 6:.1f}" '
            f'width="{max(x(r["p90"]) - x(r["p10"]), 1.5):.1f}" height="12" class="p-band">'
            f"<title>{_e(r['model'])}: p10 {r['p10']:.1f}, p90 {r['p90']:.1f}</title></rect>"
            f'<circle cx="{x(r["outcome"]):.1f}" cy="{y:.1f}" r="4.5" class="p-point">'
            f"<title>{_e(r['model'])}: {r['outcome']:.1f}</title></circle>"
        )
    axis_y = height - 22
    parts.append(f'<line x1="{x(0)}" x2="{x(100)}" y1="{axis_y}" y2="{axis_y}" class="axis"/>')
    for v in range(0, 101, 25):
        parts.append(
            f'<line x1="{x(v):.1f}" x2="{x(v):.1f}" y1="{axis_y}" y2="{axis_y + 4}" class="axis"/>'
            f'<text x="{x(v):.1f}" y="{axis_y + 16}" text-anchor="middle">{v}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --------------------------------------------------------------------------- assembly


def prepare(
    store: Store,
    *,
    scenario: Scenario | None = None,
    runs: int = 500,
    seed: int = 0,
    capabilities: str | Path | None = None,
    negotiation: str | None = None,
) -> Brief:
    """Compute everything the brief shows (of one negotiation, a slug, when given)."""
    picture = build(store, negotiation=negotiation)
    names = dict(place_names())
    names.update({a: n for a, n in picture.actor_names.items()})
    for f in picture.facts:
        if f.get("place_name"):
            names.setdefault(f["place"], f["place_name"])
    reports = []
    report_html: dict[int, Markup] = {}
    spans: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for c in picture.claims:
        spans[int(c["report"])].append(
            (
                c["start"],
                c["end"],
                _span_id("c", c["id"]),
                f"claim {c['id']}: {c['actor']} {c['kind']} {c['issue']}",
            )
        )
    for f in picture.facts:
        spans[int(f["report"])].append(
            (f["start"], f["end"], _span_id("f", f["id"]), f"fact {f['id']}: {f['actor']} controls")
        )
    for ev in picture.events:
        spans[int(ev["report"])].append(
            (ev["start"], ev["end"], _span_id("e", ev["id"]), f"event {ev['id']}: {ev['kind']}")
        )
    for r in picture.reports:
        full = store.report(int(r["id"])) or {}
        reports.append({**r, "text": full.get("text") or ""})
        report_html[int(r["id"])] = mark_spans(full.get("text") or "", spans[int(r["id"])])
    cells: dict[tuple[str, str], Cell] = {}
    grouped: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in picture.positions:
        grouped[(p.actor, p.issue)].append(p)
    for (actor, issue), ps in grouped.items():
        cells[(actor, issue)] = Cell(actor, issue, dominant_stance(ps), ps, _cell_id(actor, issue))
    if picture.claims:
        fc, note = forecast_section(picture, scenario, runs, seed, capabilities)
    else:
        fc, note = None, "No forecast: no stances on record."
    return Brief(
        picture=picture,
        generated=date.today().isoformat(),
        reports=reports,
        matrix_actors=picture.actors,
        matrix_issues=picture.issues,
        cells=cells,
        timeline_svg=timeline_svg(picture),
        maps=maps(picture, names),
        report_html=report_html,
        forecast=fc,
        forecast_note=note,
        places=names,
        negotiation=store.negotiation(negotiation) if negotiation else None,
        standing=standing(picture),
        evaluation=evaluation(),
    )


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("detente.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(brief: Brief) -> str:
    """The brief as one HTML document."""
    return (
        _env()
        .get_template("brief.html.j2")
        .render(
            b=brief,
            colours=STANCE_COLOURS,
            short=STANCE_SHORT,
            version=__version__,
            span_id=_span_id,
            coverage=partial(coverage, reports={int(r["id"]): r for r in brief.picture.reports}),
        )
    )


def write_brief(
    store: Store,
    out: str | Path,
    *,
    scenario: Scenario | None = None,
    runs: int = 500,
    seed: int = 0,
    capabilities: str | Path | None = None,
    negotiation: str | None = None,
) -> Brief:
    """Compute the brief from *store* and write it to *out*; returns what was shown."""
    brief = prepare(
        store,
        scenario=scenario,
        runs=runs,
        seed=seed,
        capabilities=capabilities,
        negotiation=negotiation,
    )
    html = render(brief)
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise BriefError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return brief


def write_briefs(
    store: Store,
    out: str | Path,
    *,
    runs: int = 500,
    seed: int = 0,
    capabilities: str | Path | None = None,
) -> list[tuple[Path, Brief]]:
    """One brief per negotiation beside *out* (``NAME.SLUG.html``) and an index at *out*.

    Returns the briefs written, index excluded.  Reports in no negotiation
    appear in the index only.
    """
    out = Path(out)
    written: list[tuple[Path, Brief]] = []
    rows = [n for n in store.negotiations() if n["reports"]]
    for n in rows:
        path = out.with_name(f"{out.stem}.{n['slug']}{out.suffix or '.html'}")
        brief = write_brief(
            store,
            path,
            runs=runs,
            seed=seed,
            capabilities=capabilities,
            negotiation=n["slug"],
        )
        written.append((path, brief))
    linked = store.report_negotiations()
    loose = [r for r in store.reports() if not linked.get(int(r["id"]))]
    html = (
        _env()
        .get_template("index.html.j2")
        .render(
            entries=[(n, p.name, b) for n, (p, b) in zip(rows, written, strict=True)],
            loose=loose,
            evaluation=evaluation(),
            version=__version__,
            generated=date.today().isoformat(),
        )
    )
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise BriefError(f"{out}: cannot write: {exc.strerror or exc}") from None
    return written
