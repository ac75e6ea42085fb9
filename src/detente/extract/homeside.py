"""The home side of a titled person the report does not place.

Wire copy filed from a capital often names the host government's officials by title alone:
"YAOUNDE, Dec 4 - … Communication Minister René Emmanuel Sadi told reporters". With no
nationality in the title and no entry in the leader lists, such a minister or spokesperson
speaks for the country the report was filed from. Roles that travel (ambassadors, envoys,
presidents at summits) are not placed this way.

A flash file strings together items filed from several capitals ("BISHKEK, March 3 - …",
"-- March 4, 08:30 -- DUSHANBE - …"); each item's officials are placed by its own dateline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from detente.extract.doctext import span_text
from detente.extract.places import place_country

#: Roles held at home: a minister or a spokesperson named in a capital is that country's.
HOME_ROLES = frozenset(
    {
        "prime_minister",
        "foreign_minister",
        "deputy_foreign_minister",
        "defence_minister",
        "minister",
        "spokesperson",
    }
)


def dateline_country(ent: Span) -> str | None:
    """The state a dateline place (a capital, a city or a state) lies in."""
    ent_id = ent.ent_id_ or ""
    if ent_id.startswith("city:"):
        return ent_id.split(":", 1)[1] or None
    if len(ent_id) == 3 and ent_id.isupper():
        return ent_id
    if "-" in ent_id:
        return place_country(ent_id.split("+")[0])
    return None


def home_role(titles: list[tuple[int, int, str]]) -> str | None:
    """The home role among a person's *titles* ((start, end, role) as actors._titles gives),
    or None when one of them travels or none is held at home."""
    roles = [role for _, _, role in titles]
    if not roles or any(r not in HOME_ROLES for r in roles):
        return None
    return roles[0]


def is_dateline(ent: Span) -> bool:
    """A wire dateline place ("KYIV, Nov 21 (AFP) -", or a later item's "-- Aug 9 -- BAKU - ")
    is where the report was filed, not an actor mentioned in it."""
    doc = ent.doc
    if Doc.has_extension("detente_datelines"):
        # the items' datelines as the layout marks found them
        marks = doc._.detente_datelines or ()
        if any(s <= ent.start_char and ent.end_char <= e for s, e in marks):
            return True
    if ent.end >= len(doc) or doc[ent.end].text not in {",", "(", "-", "—", "–"}:
        return False
    text = span_text(ent)
    return (
        text.isupper()
        and len(text) > 3
        and (
            ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws or doc[ent.start - 1].is_space
        )
    )


@dataclass(slots=True)
class Filing:
    """Where a report was filed, and each item of a flash file after it."""

    #: (character offset, state) of every dateline, in text order
    datelines: list[tuple[int, str]] = field(default_factory=list)

    def add(self, ent: Span) -> bool:
        """Record *ent* when it is a dateline place; whether it is one."""
        if not is_dateline(ent):
            return False
        country = dateline_country(ent)
        if country is not None:
            self.datelines.append((ent.start_char, country))
        return True

    def at(self, pos: int) -> str | None:
        """The state the item holding character *pos* was filed from (the report's own
        dateline before any item's)."""
        filed = self.datelines[0][1] if self.datelines else None
        for at, country in self.datelines:
            if at > pos:
                break
            filed = country
        return filed
