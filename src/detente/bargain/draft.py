"""Drafting a bargaining scenario from the stances on record.

``draft(claims, issues)`` turns stored claims (``Store.claims()`` rows) into a
:class:`~detente.bargain.scenario.Scenario` that ``detente forecast`` runs
unchanged.  Every drafted number carries the ids of the claims behind it and a
one-line reason, in the YAML metadata (``evidence`` / ``reason`` keys), so the
analyst can check and edit it.

Rules (the scale anchors and placement values live in ``knowledge/scales.yaml``):

* **one negotiation** — a scenario never mixes negotiations: the claims come
  from ``Store.claims(negotiation=slug)`` (:func:`draft_negotiation`).
* **actors** — every actor with a stance on at least one chosen issue;
  named by actor id, described by display name.  Denied stances (reported,
  then denied) never count: not as a stance, not for salience.
* **dimensions** — one per chosen issue, 0 = nothing of what the demanding
  party asks, 100 = its fullest demand on record.  The *proponent* is the
  actor with the most ``demand`` claims on the issue (ties: most claims, then
  id).
* **position** — from the actor's current stance on the issue: its latest
  stance, together with the stances of the same kind voiced within
  ``CURRENT_DAYS`` before it (one statement often spreads over several
  sentences).  A base value per stance kind and role (proponent or other);
  scaled by scope where the issue has one: for places, the share of the
  disputed places (the proponent's fullest demand on record) that the
  proponent now demands or another party now concedes; for quantities, the
  ratio to the fullest quantity demanded.  Moved toward 50 when hedged or
  conditional.  An actor with no stance on an issue sits at 50 with
  salience 0.
* **salience** — repeated and emphasised stances, not a single mention:
  each distinct stance weighs 1, 2 when emphasised ("insisted", "a red
  line"; ``knowledge/positions.yaml``); salience = 100 × weight on the issue
  / (weight on every issue + a prior of ``salience_prior``), so one passing
  mention never makes an issue all-important and an actor's saliences never
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
from detente.positions.aspects import emphasised, settings

#: Stances voiced this many days before an actor's latest one still make up its current stance.
CURRENT_DAYS = 7

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
        except UnicodeDecodeError as exc:
            raise DraftError(f"{path}: not UTF-8 text (byte {exc.start})") from None
        where = Path(path).name
    out: dict[str, tuple[float, str]] = {}
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        if not reader.fieldnames or "id" not in reader.fieldnames:
            raise DraftError(f"{where}: a capability table needs an 'id' column")
        rows = list(reader)
    except csv.Error as exc:
        raise DraftError(f"{where}: not a CSV table: {exc}") from None
    for line, row in enumerate(rows, start=2):
        if None in row or not (row.get("id") or "").strip():
            raise DraftError(f"{where}:{line}: needs an id and no more cells than the header")
        try:
            value = _index(row)
        except (ValueError, TypeError):
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


def current(mine: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The actor's current stance: its latest claim and those of the same stance voiced
    within :data:`CURRENT_DAYS` before it (*mine* sorted oldest first)."""
    latest = mine[-1]
    stance = _stance(latest)
    last = _day(latest)
    out = []
    for c in mine:
        if _stance(c) != stance:
            continue
        d = _day(c)
        if c is latest or (last and d and 0 <= (last - d).days <= CURRENT_DAYS):
            out.append(c)
    return out


def _day(c: Mapping[str, Any]) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(str(c.get("date"))[:10]) if c.get("date") else None
    except ValueError:
        return None


def _place(
    now: Sequence[Mapping[str, Any]],
    is_proponent: bool,
    scale: Mapping[str, Any],
    contested: set[str],
    fullest: Mapping[str, float],
) -> tuple[float, str]:
    """Position of one actor from its current stance *now* (latest last), with the reason."""
    rules = scales()["placement"]
    role = "proponent" if is_proponent else "others"
    c = now[-1]
    stance = _stance(c)
    value = float(rules[role].get(stance, rules["unknown"]))
    reason = f"current stance: {stance} ({role} base {value:g})"
    scope = scale.get("scope")
    scoped_kinds = (
        ("demand", "propose", "threaten") if is_proponent else ("accept", "propose", "offer")
    )
    if stance in scoped_kinds and scope == "places" and contested:
        named = {p for x in now for p in x.get("places") or []} & contested
        if named:
            share = len(named) / len(contested)
            value = (100.0 if not is_proponent or stance != "propose" else value) * share
            verb = "demands" if is_proponent else "concedes"
            reason += (
                f"; {verb} {len(named)} of the {len(contested)} disputed places "
                f"({', '.join(sorted(named))})"
            )
    elif stance in scoped_kinds and scope == "quantities" and fullest:
        q = _quantity(c)
        units = sorted(set(q) & set(fullest))
        if units and fullest[units[0]] > 0:
            ratio = min(q[units[0]] / fullest[units[0]], 1.0)
            value *= ratio
            reason += f"; {q[units[0]]:g} of {fullest[units[0]]:g} {units[0]} demanded at most"
    if all(x.get("hedged") for x in now):
        value += np.sign(50 - value) * min(rules["hedge_shift"], abs(50 - value))
        reason += "; hedged"
    if all(x.get("conditional") for x in now):
        value += np.sign(50 - value) * min(rules["condition_shift"], abs(50 - value))
        reason += "; conditional"
    return round(float(value), 1), reason


def _weights(
    claims: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, Counter[str]], dict[tuple[str, str], list[tuple[int, bool]]]]:
    """Per actor the weight of its distinct stances per issue, and which claims weigh.

    A stance repeated in one report (headline and lead) counts once; an
    emphasised one counts twice.
    """
    weight: dict[str, Counter[str]] = defaultdict(Counter)
    weighed: dict[tuple[str, str], list[tuple[int, bool]]] = defaultdict(list)
    seen: set[tuple[str, str, int, str]] = set()
    for c in claims:
        key = (c["actor"], c["issue"], int(c["report"]), " ".join(str(c.get("quote")).split()))
        if key in seen:
            continue
        seen.add(key)
        strong = emphasised(c.get("quote"))
        weight[c["actor"]][c["issue"]] += 2 if strong else 1
        weighed[(c["actor"], c["issue"])].append((int(c["id"]), strong))
    return weight, weighed


def _salience(
    actor: str,
    issue: str,
    weight: Mapping[str, Counter[str]],
    weighed: Mapping[tuple[str, str], list[tuple[int, bool]]],
) -> tuple[float, str, list[int]]:
    prior = float(settings().get("salience_prior", 2))
    mine = weight[actor]
    on = mine[issue]
    value = round(100.0 * on / (sum(mine.values()) + prior), 1)
    items = weighed[(actor, issue)]
    strong = sum(1 for _, s in items if s)
    reason = (
        f"{len(items)} distinct stance{'s' if len(items) != 1 else ''} on {issue}"
        + (f" ({strong} emphasised, counted twice)" if strong else "")
        + f": weight {on:g} of {sum(mine.values()):g} on every issue, plus a prior of {prior:g}"
    )
    return value, reason, [cid for cid, _ in items]


def draft_negotiation(
    store: Any,
    negotiation: str,
    issues: Sequence[str] | None = None,
    *,
    capabilities: str | Path | None = None,
    name: str | None = None,
) -> Scenario:
    """Draft the scenario of one negotiation (a slug) from ``store.claims(negotiation=…)``."""
    found = store.negotiation(negotiation)
    if found is None:
        raise DraftError(f"unknown negotiation {negotiation!r}")
    from detente.positions import govern

    claims = govern(store.claims(negotiation=negotiation))
    chosen = list(issues or ()) or default_issues(claims)
    if not chosen:
        raise DraftError(f"no issue in {negotiation} has stances from two actors yet")
    sc = draft(claims, chosen, capabilities=capabilities, name=name or f"{found['name']}: drafted")
    sc.extra["negotiation"] = negotiation
    return sc


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
    weight, weighed = _weights(usable)
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
            now = current(mine)
            pos[i, k], reason = _place(now, a == prop, scale, contested, fullest)
            sal[i, k], sal_reason, sal_ids = _salience(a, issue, weight, weighed)
            entry_extra[(a, issue)] = {
                "evidence": [int(c["id"]) for c in now],
                "reason": reason,
                "salience_evidence": sal_ids,
                "salience_reason": sal_reason,
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
