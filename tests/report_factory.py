"""Generated wire-style reports for volume tests and the ingest benchmark.

Each report is assembled from sentence templates written for detente, with actors, places,
issues and dates drawn from a seeded random generator, so a corpus of any size is varied
enough to exercise the whole extractor and every text is distinct (distinct content hash).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

#: (conflict, parties with their leaders/ministries, places, host cities)
CONFLICTS: tuple[dict[str, object], ...] = (
    {
        "parties": [
            ("Russia", "Kremlin spokesman Dmitry Peskov"),
            ("Ukraine", "Volodymyr Zelensky"),
        ],
        "places": ["Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Crimea"],
        "hosts": ["ISTANBUL", "GENEVA", "RIYADH"],
    },
    {
        "parties": [("Israel", "Benjamin Netanyahu"), ("Hamas", "a Hamas spokesman")],
        "places": ["Gaza", "Rafah", "Khan Younis"],
        "hosts": ["DOHA", "CAIRO"],
    },
    {
        "parties": [("Armenia", "Nikol Pashinyan"), ("Azerbaijan", "Ilham Aliyev")],
        "places": ["Syunik", "Nakhchivan", "Karabakh"],
        "hosts": ["WASHINGTON", "ABU DHABI", "BRUSSELS"],
    },
    {
        "parties": [("Congo", "Felix Tshisekedi"), ("Rwanda", "Paul Kagame")],
        "places": ["North Kivu", "South Kivu", "Goma"],
        "hosts": ["DOHA", "LUANDA", "NAIROBI"],
    },
    {
        "parties": [
            ("Sudan", "General Abdel Fattah al-Burhan"),
            ("the Rapid Support Forces", "Mohamed Hamdan Dagalo"),
        ],
        "places": ["Darfur", "Khartoum", "El Fasher"],
        "hosts": ["JEDDAH", "ADDIS ABABA"],
    },
    {
        "parties": [("Serbia", "Aleksandar Vucic"), ("Kosovo", "Albin Kurti")],
        "places": ["North Mitrovica", "Zvecan"],
        "hosts": ["BRUSSELS", "OHRID"],
    },
)

AGENCIES = ("Reuters", "AFP", "AP", "dpa", "Anadolu", "EFE", "ANSA", "Kyodo")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

HEADLINES = (
    "{a} sets terms for talks with {b}",
    "{a} and {b} trade proposals in {host}",
    "Mediators press {a} and {b} on {place}",
    "{a} rejects {b} plan on {place}",
    "New round of talks opens in {host}",
)

SENTENCES = (
    "{a_lead} said on {weekday} that {a} would not withdraw from {place} before a ceasefire.",
    "{a} demanded that {b} pull its forces out of {place}, according to {a_lead}.",
    "{b} rejected the demand, calling it a non-starter, {b_lead} told reporters.",
    "{b_lead} said {b} was ready to accept a ceasefire if prisoners were exchanged first.",
    "{a} proposed a {n}-day truce around {place} to allow aid convoys through.",
    "Officials from both sides are expected to meet in {host_title} on {month} {day}.",
    "{b} offered to release {n} detainees in exchange for guarantees on {place2}.",
    "A senior diplomat, speaking on condition of anonymity, said the gap on {place} remained wide.",
    "{a} threatened to suspend the talks if {b} kept shelling {place2}.",
    "The mediators proposed international monitors along the line near {place}.",
    "{b} demanded security guarantees from Western partners before any deal.",
    "{a_lead} said {a} would never recognise {b} control over {place2}.",
    "Aid agencies warned that {n} thousand people around {place} lacked food and water.",
    "{b} said it would not accept any freeze that left {place} in the hands of {a}.",
    "Negotiators discussed a prisoner swap and the reopening of roads to {place2}.",
    "{a} offered to lift some restrictions on trade if {b} dropped its claims to {place}.",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated report: file name, text and its publication date."""

    name: str
    text: str
    published: date


def generate(n: int, *, seed: int = 13, sentences: tuple[int, int] = (7, 12)) -> list[Generated]:
    """*n* distinct reports with a headline, a wire dateline and several paragraphs."""
    rng = random.Random(seed)
    out: list[Generated] = []
    start = date(2025, 1, 6)
    for i in range(n):
        c = CONFLICTS[i % len(CONFLICTS)]
        (a, a_lead), (b, b_lead) = rng.sample(c["parties"], 2)  # type: ignore[arg-type]
        places: list[str] = list(c["places"])  # type: ignore[arg-type]
        place, place2 = rng.sample(places, 2) if len(places) > 1 else (places[0], places[0])
        host = rng.choice(c["hosts"])  # type: ignore[arg-type]
        when = start + timedelta(days=rng.randrange(0, 600))
        meet = when + timedelta(days=rng.randrange(2, 20))
        slots = {
            "a": a,
            "b": b,
            "a_lead": a_lead[0].upper() + a_lead[1:],
            "b_lead": b_lead[0].upper() + b_lead[1:],
            "place": place,
            "place2": place2,
            "host": host.title(),
            "host_title": host.title(),
            "weekday": WEEKDAYS[when.weekday()],
            "month": MONTHS[meet.month - 1],
            "day": meet.day,
            "n": rng.randrange(3, 90),
        }
        headline = rng.choice(HEADLINES).format(**slots)
        k = rng.randrange(*sentences)
        picked = rng.sample(SENTENCES, k)
        body = [s.format(**slots) for s in picked]
        paras = [" ".join(body[j : j + 2]) for j in range(0, len(body), 2)]
        agency = rng.choice(AGENCIES)
        dateline = f"{host}, {MONTHS[when.month - 1][:3]} {when.day}, {when.year} ({agency}) - "
        # A serial in the closing line keeps every text distinct.
        closing = (
            f"(Reporting by desk {i + 1}; editing by the {agency} {c['hosts'][0].title()} bureau)"  # type: ignore[index]
        )
        text = (
            f"{headline}\n\n{dateline}{paras[0]}\n\n" + "\n\n".join(paras[1:]) + f"\n\n{closing}\n"
        )
        out.append(Generated(f"report_{i:05d}.txt", text, when))
    return out


def write_corpus(
    directory: Path, n: int, *, seed: int = 13, sentences: tuple[int, int] = (7, 12)
) -> list[Path]:
    """Write *n* generated reports as text files into *directory*; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for g in generate(n, seed=seed, sentences=sentences):
        p = directory / g.name
        p.write_text(g.text, encoding="utf-8")
        paths.append(p)
    return paths
