"""Restraint asked where nobody is fighting: military limits, not a ceasefire.

"Exercise restraint", "stop the intimidation", "avoid steps that raise tensions" ask for a halt
to hostilities in a war, but in a report about drills, missile launches, coast-guard
confrontations or troop build-ups they ask a side to limit its military activity (the
convention in ``gold/README.md``). The taxonomy files such cues under the ceasefire; this
module moves them to military limits when the report shows no hostilities under way; water,
relief in a war, is economy there. Word lists are data in ``knowledge/stances.yaml``
(``lists:`` restraint_words, hostilities_words, peace_resources).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.extract.lexicon import word_list

_RESTRAINT = word_list("restraint_words")
_HOSTILITIES = word_list("hostilities_words")
#: How many words of hostilities under way make a report one about a war.
_AT_WAR = 2


def at_war(doc: Doc) -> bool:
    """Whether *doc* reports hostilities under way (fighting, shelling, a truce)."""
    key = "detente_at_war"
    if key not in doc.user_data:
        count = sum(1 for t in doc if t.lemma_.lower() in _HOSTILITIES or t.lower_ in _HOSTILITIES)
        doc.user_data[key] = count >= _AT_WAR
    return bool(doc.user_data[key])


#: Water as a shared resource: relief in a war ("water for Gaza"), economy between states at
#: peace ("would not pay for water that runs downhill").
_WATER = word_list("peace_resources")


def restrained_issue(issue: str | None, toks: list[Token]) -> str | None:
    """*issue*, or ``military_limits`` for a ceasefire read from restraint words alone in a
    report with no hostilities under way (and ``economy`` for water there)."""
    if issue == "humanitarian" and toks:
        words = {t.lower_ for t in toks}
        return "economy" if words & _WATER and not at_war(toks[0].doc) else issue
    if issue != "ceasefire" or not toks:
        return issue
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    if not words & _RESTRAINT or words & _HOSTILITIES or at_war(toks[0].doc):
        return issue
    return "military_limits"
