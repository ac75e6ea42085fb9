"""Bargaining scenarios: actors, issue dimensions, positions and saliences.

A scenario is what every spatial model consumes: ``n`` actors with a capability
(clout), ``d`` issue dimensions scaled 0–100, and for each actor and dimension a
position and a salience (share of the actor's attention, 0–100, summing to at
most 100 per actor).  Two file forms are supported:

* **KTAB CSV** — row 1 ``scenarioName, description, nActors, nDims``; row 2 the
  header ``Actor, Description, Power, Pos1, Sal1, …``; one row per actor.
* **YAML** — the same content with dimension labels, an optional status quo and
  free-form metadata (``evidence``, ``reason``, …) on the scenario, on each
  dimension, on each actor and on each actor × dimension entry.  Unknown keys
  are kept and written back, so the file round-trips.

Every validation problem raises :class:`ScenarioError` whose message starts with
``file:line:column:`` when the scenario comes from a file.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml  # type: ignore[import-untyped]

SCALE_MIN = 0.0
SCALE_MAX = 100.0
#: Capabilities are 0 or within these bounds: only ratios matter, and products of
#: capabilities and saliences must stay well inside floating-point range.
CAPABILITY_MIN = 1e-9
CAPABILITY_MAX = 1e12
#: Largest scenario file read, and most actors and dimensions accepted.
MAX_FILE_BYTES = 20_000_000
MAX_ACTORS = 20_000
MAX_DIMS = 100


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message names where the problem is."""


@dataclass(slots=True)
class Actor:
    """A party to the negotiation.

    ``capability`` is its clout on these issues (any non-negative scale: only
    ratios between actors matter).  ``extra`` holds free-form metadata such as
    ``evidence`` claim ids; it is carried through YAML unchanged.
    """

    name: str
    capability: float
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Dimension:
    """An issue dimension on a 0–100 scale with the meaning of both ends."""

    name: str
    low_label: str = ""
    high_label: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# eq=False: element-wise array comparison has no single truth value.
@dataclass(slots=True, eq=False)
class Scenario:
    """A complete bargaining problem.

    ``positions`` and ``saliences`` are ``[n_actors, n_dims]`` arrays on the
    0–100 scale; ``status_quo`` is an optional ``[n_dims]`` array (NaN where a
    dimension has none).  ``entry_extra`` maps ``(actor, dimension)`` names to
    free-form metadata for that entry (for instance the claims behind it).
    Construction validates everything and raises :class:`ScenarioError`.
    """

    name: str
    actors: list[Actor]
    dimensions: list[Dimension]
    positions: np.ndarray
    saliences: np.ndarray
    status_quo: np.ndarray | None = None
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    entry_extra: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.positions = np.array(self.positions, dtype=float, ndmin=2, copy=True)
        self.saliences = np.array(self.saliences, dtype=float, ndmin=2, copy=True)
        if self.status_quo is not None:
            self.status_quo = np.array(self.status_quo, dtype=float, ndmin=1, copy=True)
            if np.all(np.isnan(self.status_quo)):
                self.status_quo = None
        _validate(self, None)

    @property
    def n_actors(self) -> int:
        """Number of actors."""
        return len(self.actors)

    @property
    def n_dims(self) -> int:
        """Number of issue dimensions."""
        return len(self.dimensions)

    @property
    def capabilities(self) -> np.ndarray:
        """Capabilities as a ``[n_actors]`` array."""
        return np.array([a.capability for a in self.actors], dtype=float)

    def actor_index(self, name: str) -> int:
        """Index of the actor called *name* (``KeyError`` if absent)."""
        for i, a in enumerate(self.actors):
            if a.name == name:
                return i
        raise KeyError(name)


# --------------------------------------------------------------------------- validation

Where = Mapping[tuple[Any, ...], tuple[int, int]]


def _loc(source: str | None, where: tuple[int, int] | None) -> str:
    if source is None:
        return ""
    if where is None:
        return f"{source}: "
    return f"{source}:{where[0]}:{where[1]}: "


def _validate(
    sc: Scenario, source: str | None, where: Where | None = None, default: tuple[int, int] = (1, 1)
) -> None:
    """Check *sc*; *where* maps ``("pos", i, d)``-style keys to (line, column)."""
    where = where or {}

    def err(msg: str, *key: Any) -> ScenarioError:
        loc = where.get(tuple(key)) if key else None
        return ScenarioError(_loc(source, loc or (default if source else None)) + msg)

    n, d = len(sc.actors), len(sc.dimensions)
    if n < 2:
        raise err(f"a scenario needs at least two actors, found {n}")
    if d < 1:
        raise err("a scenario needs at least one dimension")
    if n > MAX_ACTORS or d > MAX_DIMS:
        raise err(
            f"a scenario may have at most {MAX_ACTORS:,} actors and {MAX_DIMS} dimensions, "
            f"found {n:,} and {d:,}"
        )
    seen: dict[str, int] = {}
    for i, a in enumerate(sc.actors):
        if not a.name or not a.name.strip():
            raise err(f"actor {i + 1} has an empty name", "actor", i)
        if a.name in seen:
            raise err(
                f"duplicate actor {a.name!r} (first defined as actor {seen[a.name] + 1})",
                "actor",
                i,
            )
        seen[a.name] = i
        cap = a.capability
        if not math.isfinite(cap) or cap < 0:
            raise err(f"actor {a.name!r}: capability must be a number >= 0, got {cap:g}", "cap", i)
        if cap != 0 and not CAPABILITY_MIN <= cap <= CAPABILITY_MAX:
            raise err(
                f"actor {a.name!r}: capability {cap:g} is outside [{CAPABILITY_MIN:g}, "
                f"{CAPABILITY_MAX:g}] (only ratios matter: rescale all capabilities)",
                "cap",
                i,
            )
    dnames: set[str] = set()
    for k, dim in enumerate(sc.dimensions):
        if not dim.name or not dim.name.strip():
            raise err(f"dimension {k + 1} has an empty name", "dim", k)
        if dim.name in dnames:
            raise err(f"duplicate dimension {dim.name!r}", "dim", k)
        dnames.add(dim.name)
    for label, arr in (("positions", sc.positions), ("saliences", sc.saliences)):
        if arr.shape != (n, d):
            raise err(f"{label} must have shape ({n}, {d}), got {arr.shape}")
    for i, a in enumerate(sc.actors):
        for k, dim in enumerate(sc.dimensions):
            for key, label, v in (
                ("pos", "position", sc.positions[i, k]),
                ("sal", "salience", sc.saliences[i, k]),
            ):
                if not math.isfinite(v) or not SCALE_MIN <= v <= SCALE_MAX:
                    raise err(
                        f"actor {a.name!r}, dimension {dim.name!r}: {label} {v:g} is "
                        f"outside [0, 100]",
                        key,
                        i,
                        k,
                    )
        total = float(sc.saliences[i].sum())
        if total > SCALE_MAX + 1e-9:
            raise err(f"actor {a.name!r}: saliences sum to {total:g} > 100", "sal", i, d - 1)
    if sc.capabilities.sum() <= 0:
        raise err("at least one actor needs a positive capability")
    weight = sc.capabilities[:, None] * sc.saliences
    for k, dim in enumerate(sc.dimensions):
        if weight[:, k].sum() <= 0:
            raise err(
                f"dimension {dim.name!r}: no actor with both capability and salience > 0", "dim", k
            )
    if sc.status_quo is not None:
        if sc.status_quo.shape != (d,):
            raise err(f"status quo must have {d} values, got {sc.status_quo.shape[0]}")
        for k, v in enumerate(sc.status_quo):
            if not math.isnan(v) and not SCALE_MIN <= v <= SCALE_MAX:
                raise err(
                    f"dimension {sc.dimensions[k].name!r}: status quo {v:g} is outside [0, 100]",
                    "sq",
                    k,
                )


def _build(source: str, where: Where, default: tuple[int, int], **kwargs: Any) -> Scenario:
    """Construct a Scenario, re-raising validation errors with file positions."""
    sc = object.__new__(Scenario)
    # Fill fields without running __post_init__ so that the error can carry the location.
    for name, value in kwargs.items():
        object.__setattr__(sc, name, value)
    sc.positions = np.asarray(sc.positions, dtype=float)
    sc.saliences = np.asarray(sc.saliences, dtype=float)
    if sc.status_quo is not None:
        sc.status_quo = np.asarray(sc.status_quo, dtype=float)
        if np.all(np.isnan(sc.status_quo)):
            sc.status_quo = None
    _validate(sc, source, where, default)
    return sc


# --------------------------------------------------------------------------- KTAB CSV

_POS_NUM = re.compile(r"^\s*pos(?:ition)?\s*(\d+)\s*$", re.I)
_POS_NAMED = re.compile(r"^\s*(?:pos(?:ition)?[\s:_-]+(.+?)|(.+?)[\s:_-]+pos(?:ition)?)\s*$", re.I)


def _dim_name_from_header(header: str, k: int) -> str:
    m = _POS_NUM.match(header)
    if m or not header.strip():
        return f"dim{k + 1}"
    m = _POS_NAMED.match(header)
    if m:
        return (m.group(1) or m.group(2)).strip()
    return header.strip()


def _shown(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _number(text: str, source: str, line: int, col: int, what: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ScenarioError(
            f"{source}:{line}:{col}: {what} must be a number, got {_shown(text)}"
        ) from None
    if not math.isfinite(value):
        raise ScenarioError(f"{source}:{line}:{col}: {what} must be finite, got {_shown(text)}")
    return value


def _trim(row: list[str]) -> list[str]:
    # KTAB files from spreadsheets often carry empty trailing cells.
    while row and not row[-1].strip():
        row = row[:-1]
    return row


def parse_ktab_csv(text: str, source: str = "<csv>") -> Scenario:
    """Parse KTAB CSV *text*; *source* names the file in error messages."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise ScenarioError(f"{source}: not a KTAB CSV file: {exc}") from None
    lines = [(i + 1, _trim(r)) for i, r in enumerate(rows)]
    lines = [(ln, r) for ln, r in lines if r and not r[0].lstrip().startswith("#")]
    if not lines:
        raise ScenarioError(f"{source}:1:1: empty file")
    ln, head = lines[0]
    if len(head) != 4:
        raise ScenarioError(
            f"{source}:{ln}:1: first row must be 'scenarioName, description, "
            f"nActors, nDims' (4 columns), found {len(head)} columns"
        )
    name, description = head[0].strip(), head[1].strip()
    n_act = _number(head[2], source, ln, 3, "nActors")
    n_dim = _number(head[3], source, ln, 4, "nDims")
    if n_act != int(n_act) or n_dim != int(n_dim) or n_dim < 1:
        raise ScenarioError(f"{source}:{ln}:3: nActors and nDims must be positive integers")
    n_act, n_dim = int(n_act), int(n_dim)
    if n_act > MAX_ACTORS or n_dim > MAX_DIMS:
        raise ScenarioError(
            f"{source}:{ln}:3: a scenario may have at most {MAX_ACTORS:,} actors and "
            f"{MAX_DIMS} dimensions"
        )
    width = 3 + 2 * n_dim
    if len(lines) < 2:
        raise ScenarioError(
            f"{source}:{ln + 1}:1: missing header row 'Actor, Description, Power, Pos1, Sal1, …'"
        )
    hln, header = lines[1]
    if len(header) != width:
        raise ScenarioError(
            f"{source}:{hln}:1: header row must have {width} columns "
            f"(3 + 2 x {n_dim} dimensions), found {len(header)}"
        )
    dims = [Dimension(_dim_name_from_header(header[3 + 2 * k], k)) for k in range(n_dim)]
    body = lines[2:]
    if len(body) != n_act:
        where_ln = body[-1][0] if body else hln
        raise ScenarioError(
            f"{source}:{where_ln}:1: nActors says {n_act} but the file has {len(body)} actor rows"
        )
    actors: list[Actor] = []
    pos = np.zeros((n_act, n_dim))
    sal = np.zeros((n_act, n_dim))
    where: dict[tuple[Any, ...], tuple[int, int]] = {}
    for i, (rln, row) in enumerate(body):
        if len(row) != width:
            raise ScenarioError(f"{source}:{rln}:1: expected {width} columns, found {len(row)}")
        cap = _number(row[2], source, rln, 3, "Power")
        where[("actor", i)] = (rln, 1)
        where[("cap", i)] = (rln, 3)
        for k in range(n_dim):
            pc, sc_ = 4 + 2 * k, 5 + 2 * k
            pos[i, k] = _number(row[pc - 1], source, rln, pc, f"Pos{k + 1}")
            sal[i, k] = _number(row[sc_ - 1], source, rln, sc_, f"Sal{k + 1}")
            where[("pos", i, k)] = (rln, pc)
            where[("sal", i, k)] = (rln, sc_)
        actors.append(Actor(row[0].strip(), cap, row[1].strip()))
    for k in range(n_dim):
        where[("dim", k)] = (hln, 4 + 2 * k)
    return _build(
        source,
        where,
        (lines[0][0], 1),
        name=name,
        description=description,
        actors=actors,
        dimensions=dims,
        positions=pos,
        saliences=sal,
        status_quo=None,
        extra={},
        entry_extra={},
    )


def _fmt(v: float) -> str:
    return f"{v:.10g}"


def dump_ktab_csv(sc: Scenario) -> str:
    """Serialise *sc* as KTAB CSV (labels, status quo and metadata are dropped)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([sc.name, sc.description, sc.n_actors, sc.n_dims])
    header = ["Actor", "Description", "Power"]
    for k, dim in enumerate(sc.dimensions):
        pos_head = f"Pos{k + 1}" if dim.name == f"dim{k + 1}" else f"Pos {dim.name}"
        header += [pos_head, f"Sal{k + 1}"]
    w.writerow(header)
    for i, a in enumerate(sc.actors):
        row = [a.name, a.description, _fmt(a.capability)]
        for k in range(sc.n_dims):
            row += [_fmt(sc.positions[i, k]), _fmt(sc.saliences[i, k])]
        w.writerow(row)
    return buf.getvalue()


# --------------------------------------------------------------------------- YAML


class _MarkedDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers where each key's value starts in the file."""

    marks: dict[Any, tuple[int, int]]
    keymarks: dict[Any, tuple[int, int]]
    mark: tuple[int, int]


class _MarkedList(list):  # type: ignore[type-arg]
    marks: list[tuple[int, int]]
    mark: tuple[int, int]


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: a scenario never needs them, and expanding
    them is how a few hundred bytes of YAML become gigabytes ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(
                None, None, "aliases (*name) are not allowed in scenarios", event.start_mark
            )
        return super().compose_node(parent, index)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _MarkedDict:
    out = _MarkedDict()
    out.marks, out.keymarks = {}, {}
    out.mark = _pos(node)
    for knode, vnode in node.value:
        key = loader.construct_object(knode, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "a mapping key must be a plain value, not a list or mapping",
                knode.start_mark,
            ) from None
        out[key] = loader.construct_object(vnode, deep=True)
        out.marks[key] = _pos(vnode)
        out.keymarks[key] = _pos(knode)
    return out


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _MarkedList:
    out = _MarkedList(loader.construct_object(v, deep=True) for v in node.value)
    out.marks = [_pos(v) for v in node.value]
    out.mark = _pos(node)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _plain(value: Any) -> Any:
    """Strip the position bookkeeping so metadata round-trips as plain data."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _mark(obj: Any, key: Any = None) -> tuple[int, int] | None:
    if key is not None and hasattr(obj, "marks"):
        marks = obj.marks
        if isinstance(marks, dict) and key in marks:
            return marks[key]
        if isinstance(marks, list) and isinstance(key, int) and key < len(marks):
            return marks[key]
    return getattr(obj, "mark", None)


def _yaml_num(obj: Any, key: Any, source: str, what: str) -> float:
    value = obj[key]
    where = _mark(obj, key) or (1, 1)
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise ScenarioError(f"{source}:{where[0]}:{where[1]}: {what} must be a number, got {shown}")
    if isinstance(value, int) and abs(value) > 10**15:
        raise ScenarioError(f"{source}:{where[0]}:{where[1]}: {what} is too large")
    if not math.isfinite(float(value)):
        raise ScenarioError(f"{source}:{where[0]}:{where[1]}: {what} must be finite")
    return float(value)


_ACTOR_KEYS = {"name", "capability", "description", "positions"}
_DIM_KEYS = {"name", "low", "high", "status_quo"}
_ENTRY_KEYS = {"position", "salience"}
_TOP_KEYS = {"scenario", "description", "dimensions", "actors"}


def parse_yaml(text: str, source: str = "<yaml>") -> Scenario:
    """Parse the YAML scenario form; see ``examples/scenarios/*.yaml``."""
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem).split())
        raise ScenarioError(f"{source}:{line}:{col}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        first = " ".join(str(exc).split())[:200]
        raise ScenarioError(f"{source}:1:1: invalid YAML: {first}") from None
    except RecursionError:
        raise ScenarioError(f"{source}:1:1: invalid YAML: nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. integers beyond Python's digit limit
        raise ScenarioError(f"{source}:1:1: invalid YAML: {str(exc).splitlines()[0]}") from None

    def fail(obj: Any, key: Any, msg: str) -> ScenarioError:
        where = _mark(obj, key) or (1, 1)
        return ScenarioError(f"{source}:{where[0]}:{where[1]}: {msg}")

    if not isinstance(doc, dict):
        raise ScenarioError(
            f"{source}:1:1: a scenario must be a mapping with 'scenario', 'dimensions' and 'actors'"
        )
    for req in ("scenario", "dimensions", "actors"):
        if req not in doc:
            raise fail(doc, None, f"missing key {req!r}")
    dims_node = doc["dimensions"]
    if not isinstance(dims_node, list) or not dims_node:
        raise fail(doc, "dimensions", "'dimensions' must be a non-empty list")
    where: dict[tuple[Any, ...], tuple[int, int]] = {}
    dims: list[Dimension] = []
    sq = np.full(len(dims_node), np.nan)
    for k, dn in enumerate(dims_node):
        if isinstance(dn, str):
            dn_map: Any = _MarkedDict(name=dn)
            dn_map.marks = {"name": _mark(dims_node, k) or (1, 1)}
            dn_map.mark = _mark(dims_node, k) or (1, 1)
            dn_map.keymarks = {}
            dn = dn_map
        if not isinstance(dn, dict) or "name" not in dn:
            raise fail(dims_node, k, "each dimension needs a 'name'")
        where[("dim", k)] = _mark(dn, "name") or (1, 1)
        if dn.get("status_quo") is not None:
            sq[k] = _yaml_num(dn, "status_quo", source, "status_quo")
            where[("sq", k)] = _mark(dn, "status_quo") or (1, 1)
        dims.append(
            Dimension(
                str(dn["name"]),
                str(dn.get("low", "") or ""),
                str(dn.get("high", "") or ""),
                {k2: _plain(v) for k2, v in dn.items() if k2 not in _DIM_KEYS},
            )
        )
    dindex = {d.name: k for k, d in enumerate(dims)}
    actors_node = doc["actors"]
    if not isinstance(actors_node, list):
        raise fail(doc, "actors", "'actors' must be a list")
    actors: list[Actor] = []
    pos = np.full((len(actors_node), len(dims)), np.nan)
    sal = np.full((len(actors_node), len(dims)), np.nan)
    entry_extra: dict[tuple[str, str], dict[str, Any]] = {}
    for i, an in enumerate(actors_node):
        if not isinstance(an, dict) or "name" not in an:
            raise fail(actors_node, i, "each actor needs a 'name'")
        aname = str(an["name"])
        where[("actor", i)] = _mark(an, "name") or (1, 1)
        if "capability" not in an:
            raise fail(an, None, f"actor {aname!r}: missing 'capability'")
        cap = _yaml_num(an, "capability", source, f"actor {aname!r}: capability")
        where[("cap", i)] = _mark(an, "capability") or (1, 1)
        pn = an.get("positions")
        if not isinstance(pn, dict):
            raise fail(
                an,
                "positions" if "positions" in an else None,
                f"actor {aname!r}: 'positions' must map each dimension to {{position, salience}}",
            )
        for dname, entry in pn.items():
            if dname not in dindex:
                line, col = getattr(pn, "keymarks", {}).get(dname, (1, 1))
                raise ScenarioError(
                    f"{source}:{line}:{col}: actor {aname!r}: unknown dimension {dname!r}"
                )
            k = dindex[dname]
            if not isinstance(entry, dict) or "position" not in entry or "salience" not in entry:
                raise fail(
                    pn,
                    dname,
                    f"actor {aname!r}, dimension {dname!r}: needs 'position' and 'salience'",
                )
            pos[i, k] = _yaml_num(entry, "position", source, f"actor {aname!r}: position")
            sal[i, k] = _yaml_num(entry, "salience", source, f"actor {aname!r}: salience")
            where[("pos", i, k)] = _mark(entry, "position") or (1, 1)
            where[("sal", i, k)] = _mark(entry, "salience") or (1, 1)
            rest = {k2: _plain(v) for k2, v in entry.items() if k2 not in _ENTRY_KEYS}
            if rest:
                entry_extra[(aname, dname)] = rest
        for k, dim in enumerate(dims):
            if math.isnan(pos[i, k]):
                raise fail(an, "positions", f"actor {aname!r}: no entry for dimension {dim.name!r}")
        actors.append(
            Actor(
                aname,
                cap,
                str(an.get("description", "") or ""),
                {k2: _plain(v) for k2, v in an.items() if k2 not in _ACTOR_KEYS},
            )
        )
    return _build(
        source,
        where,
        _mark(doc) or (1, 1),
        name=str(doc["scenario"]),
        description=str(doc.get("description", "") or ""),
        actors=actors,
        dimensions=dims,
        positions=pos,
        saliences=sal,
        status_quo=sq,
        extra={k: _plain(v) for k, v in doc.items() if k not in _TOP_KEYS},
        entry_extra=entry_extra,
    )


def _num_out(v: float) -> int | float:
    return int(v) if float(v).is_integer() else float(v)


def scenario_to_dict(sc: Scenario) -> dict[str, Any]:
    """The YAML form of *sc* as plain Python data."""
    dims: list[dict[str, Any]] = []
    for k, dim in enumerate(sc.dimensions):
        d: dict[str, Any] = {"name": dim.name}
        if dim.low_label:
            d["low"] = dim.low_label
        if dim.high_label:
            d["high"] = dim.high_label
        if sc.status_quo is not None and not math.isnan(sc.status_quo[k]):
            d["status_quo"] = _num_out(sc.status_quo[k])
        d.update(dim.extra)
        dims.append(d)
    actors: list[dict[str, Any]] = []
    for i, a in enumerate(sc.actors):
        entry: dict[str, Any] = {"name": a.name, "capability": _num_out(a.capability)}
        if a.description:
            entry["description"] = a.description
        entry["positions"] = {}
        for k, dim in enumerate(sc.dimensions):
            e: dict[str, Any] = {
                "position": _num_out(sc.positions[i, k]),
                "salience": _num_out(sc.saliences[i, k]),
            }
            e.update(sc.entry_extra.get((a.name, dim.name), {}))
            entry["positions"][dim.name] = e
        entry.update(a.extra)
        actors.append(entry)
    out: dict[str, Any] = {"scenario": sc.name}
    if sc.description:
        out["description"] = sc.description
    out.update(sc.extra)
    out["dimensions"] = dims
    out["actors"] = actors
    return out


def dump_yaml(sc: Scenario) -> str:
    """Serialise *sc* in the YAML form (everything, metadata included)."""
    return yaml.safe_dump(scenario_to_dict(sc), sort_keys=False, allow_unicode=True, width=100)


# --------------------------------------------------------------------------- files


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise ScenarioError(
        f"{path}: unknown scenario format {suffix or '(none)'!r}; use .csv (KTAB) or .yaml"
    )


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario from a ``.csv`` (KTAB) or ``.yaml``/``.yml`` file."""
    path = Path(path)
    kind = _kind(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScenarioError(
                f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB; not a scenario file"
            )
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: not UTF-8 text") from None
    return parse_ktab_csv(text, str(path)) if kind == "csv" else parse_yaml(text, str(path))


def save_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write *scenario* to ``.csv`` (KTAB) or ``.yaml`` according to the suffix."""
    path = Path(path)
    text = dump_ktab_csv(scenario) if _kind(path) == "csv" else dump_yaml(scenario)
    path.write_text(text, encoding="utf-8")


def make_scenario(
    name: str,
    actors: Sequence[tuple[str, float]] | Sequence[Actor],
    dimensions: Sequence[str] | Sequence[Dimension],
    positions: Any,
    saliences: Any,
    status_quo: Any = None,
) -> Scenario:
    """Convenience constructor from plain names and nested lists."""
    acts = [a if isinstance(a, Actor) else Actor(str(a[0]), float(a[1])) for a in actors]
    dims = [d if isinstance(d, Dimension) else Dimension(str(d)) for d in dimensions]
    return Scenario(
        name,
        acts,
        dims,
        np.asarray(positions, float),
        np.asarray(saliences, float),
        None if status_quo is None else np.asarray(status_quo, float),
    )
