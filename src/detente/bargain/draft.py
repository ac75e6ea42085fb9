"""Drafting a bargaining scenario from the stances on record.

``draft(claims, issues)`` turns stored claims (``Store.claims()`` rows) into a
:class:`~detente.bargain.scenario.Scenario` that ``detente forecast`` runs
unchanged.  Every drafted number carries the ids of the claims behind it and a
one-line reason, in the YAML metadata (``evidence`` / ``reason`` keys), so the
analyst can check and edit it.

Rules (the scale anchors and placement values live in ``knowledge/scales.yaml``):

* **focus** — a store often follows several negotiations; :func:`focus`
  keeps the reports in which one actor (by default the most quoted) voices
  stances before drafting.
* **actors** — every actor with a stance (not denied) on at least one chosen
  issue; named by actor id, described by display name.
* **dimensions** — one per chosen issue, 0 = nothing of what the demanding
  party asks, 100 = its fullest demand on record.  The *proponent* is the
  actor with the most ``demand`` claims on the issue (ties: most claims, then
  id).
* **position** — from the actor's most recent stance on the issue: a base
  value per stance kind and role (proponent or other); scaled by scope where
  the issue has one (share of the contested places, or ratio to the fullest
  quantity demanded); moved toward 50 when hedged or conditional.  An actor
  with no stance on an issue sits at 50 with salience 0.
* **salience** — the actor's share of attention: 100 × its claims on the
  issue / all its claims on every issue, so the saliences of one actor never
  sum past 100.
* **capability** — from ``knowledge/capabilities.csv`` (CINC-like index, see
  ``capabilities.md``) or a user table; an actor missing from the table gets
  the smallest index there, and the reason says so.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from detente.bargain.scenario import Actor, Dimension, Scenario, ScenarioError

#: World totals for 2023 used to turn indicators into shares (see capabilities.md).
WORLD_2023 = {"population_m": 8045.0, "gdp_usd_bn": 105000.0, "milex_usd_bn": 2443.0}


class DraftError(ValueError):
    """The evidence is not enough to draft a scenario (message says why)."""


@lru_cache(maxsize=1)
def scales() -> dict[str, Any]:
    """The scale anchors and placement rules from ``knowledge/scales.yaml``."""
    text = resources.files("detente.knowledge").joinpath("scales.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _index(row: Mapping[str, str]) -> float | None:
    if (row.get("index") or "").strip():
        return float(row["index"])
    try:
        shares = [float(row[k]) / total for k, total in WORLD_2023.items()]
    except (KeyError, TypeError, ValueError):
        return None
    return sum(shares) / len(shares)


def load_capabilities(path: str | Path | None = None) -> dict[str, tuple[float, str]]:
    """Actor id → (capability index, one-line source) from the bundled or a user table.

    A user table needs an ``id`` column and either ``index`` or the three
    indicator columns; ``year`` and ``sources`` are quoted when present.
    """
    if path is None:
        text = resources.files("detente.knowledge").joinpath("capabilities.csv").read_text("utf-8")
        where = "capabilities.csv"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise DraftError(f"{path}: cannot read: {exc.strerror or exc}") from None
        where = Path(path).name
    out: dict[str, tuple[float, str]] = {}
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "id" not in reader.fieldnames:
        raise DraftError(f"{where}: a capability table needs an 'id' column")
    for line, row in enumerate(reader, start=2):
        try:
            value = _index(row)
        except ValueError:
            raise DraftError(f"{where}:{line}: index must be a number") from None
        if value is None or value < 0:
            raise DraftError(f"{where}:{line}: needs 'index' or population/GDP/milex figures")
        basis = row.get("basis") or ("indicators" if not row.get("index") else "index")
        src = f"{where}: {basis}"
        if row.get("year"):
            src += f", {row['year']}"
        if row.get("sources"):
            src += f" ({row['sources']})"
        out[row["id"].strip()] = (value, src)
    return out


def _when(c: Mapping[str, Any]) -> tuple[str, int]:
    return (c.get("date") or "", int(c["id"]))


def _stance(c: Mapping[str, Any]) -> str:
    kind = c["kind"]
    if c.get("negated") and kind in ("accept", "reject"):
        return "reject" if kind == "accept" else "accept"
    return kind


def proponent(claims: Sequence[Mapping[str, Any]]) -> str:
    """The actor with the most demands on an issue (ties: most claims, then id)."""
    demands = Counter(c["actor"] for c in claims if _stance(c) == "demand")
    total = Counter(c["actor"] for c in claims)
    return min(total, key=lambda a: (-demands[a], -total[a], a))


def default_issues(claims: Iterable[Mapping[str, Any]], limit: int = 3) -> list[str]:
    """Issues worth a dimension: the most discussed ones voiced by two actors or more."""
    actors: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for c in claims:
        if c.get("denied"):
            continue
        actors[c["issue"]].add(c["actor"])
        counts[c["issue"]] += 1
    ranked = sorted((i for i in counts if len(actors[i]) >= 2), key=lambda i: (-counts[i], i))
    return ranked[:limit]


def focus(
    claims: Iterable[Mapping[str, Any]], actor: str | None = None
) -> tuple[str | None, list[Mapping[str, Any]]]:
    """One negotiation out of a store that follows several.

    Keeps the claims of the reports in which *actor* voices a stance (default:
    the actor with the most claims), so that mediators and counterparts in the
    same reports stay in while unrelated conflicts drop out.
    """
    rows = list(claims)
    counts = Counter(c["actor"] for c in rows if not c.get("denied"))
    if actor is None:
        if not counts:
            return None, []
        actor = min(counts, key=lambda a: (-counts[a], a))
    reports = {c["report"] for c in rows if c["actor"] == actor}
    if not reports:
        raise DraftError(f"no stance by {actor!r} on record")
    return actor, [c for c in rows if c["report"] in reports]


def _quantity(c: Mapping[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for q in c.get("quantities") or []:
        if isinstance(q, Mapping) and q.get("value") is not None:
            out[str(q.get("unit") or "")] = float(q["value"])
    return out


def _place(
    c: Mapping[str, Any],
    is_proponent: bool,
    scale: Mapping[str, Any],
    contested: set[str],
    fullest: Mapping[str, float],
) -> tuple[float, str]:
    """Position of one actor from its latest stance *c*, with the reason."""
    rules = scales()["placement"]
    role = "proponent" if is_proponent else "others"
    stance = _stance(c)
    value = float(rules[role].get(stance, rules["unknown"]))
    reason = f"latest stance: {stance} ({role} base {value:g})"
    scope = scale.get("scope")
    scoped_kinds = ("demand", "propose", "threaten") if is_proponent else ("accept", "propose")
    if stance in scoped_kinds and scope == "places" and contested:
        named = set(c.get("places") or []) & contested
        if named:
            share = len(named) / len(contested)
            value = (100.0 if not is_proponent or stance != "propose" else value) * share
            reason += f"; covers {len(named)} of {len(contested)} contested places"
    elif stance in scoped_kinds and scope == "quantities" and fullest:
        q = _quantity(c)
        units = sorted(set(q) & set(fullest))
        if units and fullest[units[0]] > 0:
            ratio = min(q[units[0]] / fullest[units[0]], 1.0)
            value *= ratio
            reason += f"; {q[units[0]]:g} of {fullest[units[0]]:g} {units[0]} demanded at most"
    if c.get("hedged"):
        value += np.sign(50 - value) * min(rules["hedge_shift"], abs(50 - value))
        reason += "; hedged"
    if c.get("conditional"):
        value += np.sign(50 - value) * min(rules["condition_shift"], abs(50 - value))
        reason += "; conditional"
    return round(float(value), 1), reason


def draft(
    claims: Iterable[Mapping[str, Any]],
    issues: Sequence[str],
    *,
    capabilities: str | Path | None = None,
    name: str | None = None,
) -> Scenario:
    """Draft a scenario on *issues* from stored *claims* (see module docs)."""
    issues = list(dict.fromkeys(issues))
    if not issues:
        raise DraftError("choose at least one issue (--issue)")
    table = scales()["issues"]
    unknown = [i for i in issues if i not in table]
    if unknown:
        raise DraftError(f"no scale for issue {unknown[0]!r}; known: {', '.join(table)}")
    usable = [c for c in claims if not c.get("denied")]
    total = Counter(c["actor"] for c in usable)
    names = {c["actor"]: c.get("actor_name") or c["actor"] for c in usable}
    on_issue: dict[str, list[Mapping[str, Any]]] = {
        i: sorted((c for c in usable if c["issue"] == i), key=_when) for i in issues
    }
    empty = [i for i in issues if not on_issue[i]]
    if empty:
        raise DraftError(f"no stance on record on {', '.join(empty)}")
    actor_ids = sorted(
        {c["actor"] for i in issues for c in on_issue[i]}, key=lambda a: (-total[a], a)
    )
    if len(actor_ids) < 2:
        raise DraftError(
            f"a scenario needs two actors with stances on {', '.join(issues)}; found "
            f"{len(actor_ids)}"
        )
    caps = load_capabilities(capabilities)
    floor = min(v for v, _ in caps.values()) if caps else 1.0

    dims: list[Dimension] = []
    pos = np.zeros((len(actor_ids), len(issues)))
    sal = np.zeros((len(actor_ids), len(issues)))
    entry_extra: dict[tuple[str, str], dict[str, Any]] = {}
    for k, issue in enumerate(issues):
        scale = table[issue]
        rows = on_issue[issue]
        prop = proponent(rows)
        prop_rows = [c for c in rows if c["actor"] == prop and _stance(c) in ("demand", "propose")]
        contested = {p for c in prop_rows for p in c.get("places") or []}
        fullest: dict[str, float] = {}
        for c in prop_rows:
            for unit, v in _quantity(c).items():
                fullest[unit] = max(fullest.get(unit, 0.0), v)
        dim_extra: dict[str, Any] = {
            "proponent": prop,
            "anchors": scale.get("anchors", {}),
            "evidence": [int(c["id"]) for c in prop_rows] or [int(rows[0]["id"])],
            "reason": f"100 = {names.get(prop, prop)}'s fullest demand on record",
        }
        if contested:
            dim_extra["contested_places"] = sorted(contested)
        dims.append(Dimension(issue, str(scale["low"]), str(scale["high"]), dim_extra))
        by_actor: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for c in rows:
            by_actor[c["actor"]].append(c)
        for i, a in enumerate(actor_ids):
            mine = by_actor.get(a, [])
            if not mine:
                pos[i, k] = float(scales()["placement"]["unknown"])
                entry_extra[(a, issue)] = {
                    "evidence": [],
                    "reason": "no stance on record: middle of the scale, salience 0",
                }
                continue
            latest = mine[-1]
            pos[i, k], reason = _place(latest, a == prop, scale, contested, fullest)
            sal[i, k] = round(100.0 * len(mine) / total[a], 1)
            entry_extra[(a, issue)] = {
                "evidence": [int(latest["id"])],
                "reason": reason,
                "salience_evidence": [int(c["id"]) for c in mine],
                "salience_reason": f"{len(mine)} of {a}'s {total[a]} claims are on {issue}",
            }
    # Rounding can push a sum a hair past 100.
    for i in range(len(actor_ids)):
        s = sal[i].sum()
        if s > 100:
            sal[i] *= 100 / s
    actors: list[Actor] = []
    for a in actor_ids:
        if a in caps:
            value, src = caps[a]
            reason = f"capability from {src}"
        else:
            value, reason = floor, "not in the capability table: smallest index in the table"
        actors.append(
            Actor(
                a,
                round(value, 6),
                names.get(a, a),
                {"capability_reason": reason, "claims": total[a]},
            )
        )
    sc_name = name or f"drafted: {', '.join(issues)}"
    description = (
        "Drafted from the stances on record; every number carries the claims behind it "
        "(evidence) and a reason. Check and edit before relying on a forecast."
    )
    try:
        return Scenario(
            sc_name,
            actors,
            dims,
            pos,
            sal,
            None,
            description,
            {"drafted_from": sorted({int(c["report"]) for i in issues for c in on_issue[i]})},
            entry_extra,
        )
    except ScenarioError as exc:
        raise DraftError(f"drafted scenario is not usable: {exc}") from None
