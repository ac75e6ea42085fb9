"""The home side of a titled person the report does not place.

Wire copy filed from a capital often names the host government's officials by title alone:
"YAOUNDE, Dec 4 - … Communication Minister René Emmanuel Sadi told reporters". With no
nationality in the title and no entry in the leader lists, such a minister or spokesperson
speaks for the country the report was filed from. Roles that travel (ambassadors, envoys,
presidents at summits) are not placed this way.
"""

from __future__ import annotations

from spacy.tokens import Span

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
