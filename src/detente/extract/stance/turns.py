"""Transcripts: the speaker turns of press conferences, interviews and parliamentary exchanges.

A label opening a line ("Q:", "QUESTION:", "MR. KIRBY:", "Spokesperson Mao Ning:", "The Minister
of State (Jane Doe):", "A:") sets who speaks until the next label.  Inside a turn, "I", "we" and
"our" are the speaker's side; a journalist's question holds no stance of its own; and an answer
that only points back ("No.", "Yes, we welcome it", "We're not going to do that") takes its
object from the question it answers.  The speaker of a label is found through the knowledge base
(leaders), the people the report introduces ("Mao Ning, a spokesperson of China's foreign
ministry, …") and, for a bare role or an "A:", the person the introduction presents.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from detente.extract.attribution import is_anonymous, source_name, source_words
from detente.extract.doctext import doc_text
from detente.extract.lexicon import word_list
from detente.extract.sourcewords import SourceLexicon
from detente.extract.stance.model import _Actor

_QUESTIONERS = word_list("turn_questioners")
_ANSWERERS = word_list("turn_answerers")
_ROLES = word_list("turn_roles")
_HONORIFICS = word_list("turn_honorifics")
ANSWER_YES = word_list("answer_yes")
ANSWER_NO = word_list("answer_no")
FIRST_PERSON = word_list("first_person")

#: A label opening a line: up to ~12 words before a colon ("JOURNALIST (Radio X):").
_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[^\W\d_][^\n:]{0,119}?)[ \t]*:[ \t]+(?=\S)")
#: Interview style without a colon: "Q. …" / "A. …".
_QA_DOT = re.compile(r"(?m)^[ \t]*(?P<label>[QA])\.[ \t]+(?=\S)")
_PAREN = re.compile(r"\(([^)]*)\)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

#: Words before a place of a heading that make it the topic ("Press briefing on Sudan").
_TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning", "re"})
#: How far after a name its description is read ("X, a spokesperson of Y's ministry, said").
_DESCRIPTION_TOKENS = 16


@dataclass(slots=True)
class Turn:
    """One speaker's turn: characters [start, end), the words from *body* on."""

    start: int
    body: int
    end: int
    label: str
    role: str  # "question" | "answer" | "speaker"
    actor: _Actor | None
    #: The unnamed person who speaks ("a senior official of Sudan's foreign ministry", "SENIOR
    #: ADMINISTRATION OFFICIAL:"): a source of every stance in the turn.
    source: str | None = None

    @property
    def asks(self) -> bool:
        """A journalist's (or any questioner's) turn."""
        return self.role == "question"


class Turns:
    """The turns of one transcript, looked up by character offset."""

    def __init__(self, turns: list[Turn]) -> None:
        self.turns = turns
        self._starts = [t.start for t in turns]

    def at(self, char: int) -> Turn | None:
        """The turn covering character *char* (None before the first label)."""
        i = bisect.bisect_right(self._starts, char) - 1
        if i < 0:
            return None
        turn = self.turns[i]
        return turn if turn.body <= char < turn.end else None

    def question_before(self, turn: Turn) -> Turn | None:
        """The question *turn* answers: the turn right before it, when that one asks."""
        i = self.turns.index(turn)
        if i > 0 and self.turns[i - 1].asks:
            return self.turns[i - 1]
        return None


def _label_words(label: str) -> list[str]:
    core = _PAREN.sub(" ", label)
    words = [w.strip(".'’").lower() for w in _WORD.findall(core)]
    # "VICE-MINISTER OF ENERGY X:", "DEPUTY-SPOKESPERSON:": the role is the last part
    return words + [w.rsplit("-", 1)[1] for w in words if "-" in w and w.rsplit("-", 1)[1]]


def _plausible(label: str) -> bool:
    """A speaker label, not a sentence that happens to contain a colon."""
    words = label.split()
    if not words or len(words) > 14 or any(ch in label for ch in '"“”?!;'):
        return False
    # a full stop only after short abbreviations ("MR.", "Dr.", "Q.")
    if any("." in w.rstrip(".") or (w.endswith(".") and len(w) > 4) for w in words):
        return False
    first = next((w for w in _WORD.findall(label)), "")
    return first[:1].isupper()


def _classify_label(label: str, media: frozenset[str]) -> str | None:
    words = _label_words(label)
    if not words:
        return None
    if words[0] in _QUESTIONERS:
        return "question"
    if len(words) == 1 and words[0] in _ANSWERERS:
        return "answer"
    core = " ".join(_PAREN.sub(" ", label).split()).lower()
    if core in media:
        return "question"  # an outlet's name: its reporter asks
    outlet = source_words().media_name_words | source_words().media_heads
    if any(w in outlet for w in words) and not any(
        w in _ROLES and w not in outlet and w not in _HONORIFICS for w in words
    ):
        return "question"  # "Press Trust of India:", "Imedi TV:" -- not "Press Secretary X:"
    return "speaker"


def find_turns(doc: Doc, tracker: Any, sources: SourceLexicon) -> Turns | None:
    """The speaker turns of *doc*, or None when it is not a transcript (fewer than two labels,
    or no label that is a question or names a speaker the report can place)."""
    text = doc_text(doc)
    headline_end = text.find("\n") if text.find("\n") > 0 else 0
    found: list[tuple[int, int, str]] = []
    for rx in (_LABEL, _QA_DOT):
        for m in rx.finditer(text):
            if m.start() < headline_end:
                continue  # "Interview: …" heading the report is a headline, not a turn
            label = m.group("label").strip()
            if rx is _LABEL and (not _plausible(label) or _headline(text, m.end())):
                continue
            found.append((m.start("label"), m.end(), label))
    if len(found) < 2:
        return None
    found.sort()
    media_low = frozenset(m.lower() for m in sources.media)
    roles = [_classify_label(label, media_low) for _, _, label in found]
    if "question" not in roles and roles.count("speaker") < 2:
        return None
    # The introduction runs to the first question or answer ("Note: …" labels may precede it).
    intro_end = next(
        (f[0] for f, r in zip(found, roles, strict=True) if r in ("question", "answer")),
        found[0][0],
    )
    # the one state the heading before the first turn names, if any: a ministry's own
    # transcript, a minister placed by the venue
    heading = _heading_state(doc, found[0][0])
    people = _introduced(doc, tracker, intro_end, heading)
    guest = None if people else _unnamed_guest(doc, intro_end, sources)
    unnamed = source_name(guest) if guest is not None else None
    # the side the unnamed guest speaks for ("a senior official of Chile's foreign ministry")
    guest_side = _unnamed_side(guest) if guest is not None else None
    turns: list[Turn] = []
    for n, ((start, body, label), role) in enumerate(zip(found, roles, strict=True)):
        if role is None:
            continue
        end = found[n + 1][0] if n + 1 < len(found) else len(text)
        actor = source = None
        if role == "answer":
            # "A:": the person the introduction presents, else the side of the role it
            # presents without a name ("Moldova's deputy prime minister spoke to us")
            actor = people[0][1] if people else _role_owner(doc, _ROLE_HEADS, intro_end, False)
            actor = actor or guest_side or heading  # a ministry's transcript: its spokesperson
            source = unnamed
        elif role == "speaker":
            actor = _paren_state(doc, start, label) or _speaker(
                label, doc.char_span(start, start + len(label)), people, tracker
            )
            actor = actor or _named_before(label, turns) or _heading_role(label, heading)
            source = _unnamed_label(label, role)
            if source is not None and guest is not None:
                # "OFFICIAL:" is the unnamed official the introduction presents
                actor, source = actor or guest_side, unnamed
            if actor is None and text[body:end].rstrip().endswith("?"):
                role, source = "question", None  # an unplaced member asking the minister
        turns.append(Turn(start, body, end, label, role, actor, source))
    if not any(t.asks for t in turns) and sum(t.actor is not None for t in turns) < 2:
        return None
    return Turns(turns)


def _unnamed_guest(doc: Doc, end_char: int, lex: SourceLexicon) -> Token | None:
    """The unnamed person an introduction presents ("We spoke with a senior official of
    Sudan's foreign ministry, who asked not to be named"): the source of the answers."""
    found = None
    for tok in doc:
        if tok.idx >= end_char:
            break
        if (
            tok.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
            and is_anonymous(tok, lex)
        ):
            found = tok  # the last one: a headline's short form comes before the full one
    return found


def _unnamed_side(guest: Token) -> _Actor | None:
    """The state or body an unnamed guest's description places them with: its modifiers ("a
    senior UK official") or what it is "of" or "from" ("a senior official of Chile's foreign
    ministry", "a diplomat from the African Union"), not a clause about them ("involved in the
    talks with Brussels")."""
    from detente.extract.actors import resolve_actor

    doc = guest.doc
    start = min([guest.i, *(c.left_edge.i for c in guest.lefts if c.dep_ != "det")])
    end = guest.i + 1
    owner = next(
        (c for c in guest.rights if c.dep_ == "prep" and c.lower_ in ("of", "from", "at")), None
    )
    if owner is not None:
        end = owner.right_edge.i + 1
    ref = resolve_actor(doc[start:end])
    if ref is None or ref.speaker is not None:
        return None  # a named person is no unnamed guest's side
    return _Actor(ref.id, ref.name or ref.id, None)


#: Heads of a speaker label that names no one ("SENIOR ADMINISTRATION OFFICIAL:").
_UNNAMED_HEADS = frozenset({"official", "officials", "diplomat", "source", "officer", "aide"})


def _unnamed_label(label: str, role: str) -> str | None:
    """ "SENIOR ADMINISTRATION OFFICIAL:": a speaker label that names no one."""
    words = _label_words(label)
    if role != "speaker" or not words or words[-1] not in _UNNAMED_HEADS:
        return None
    return " ".join(words)


def _paren_state(doc: Doc, start: int, label: str) -> _Actor | None:
    """ "AMBASSADOR HARRIS (United Kingdom):": the state a label names in brackets."""
    from detente.extract.actors import resolve_actor

    for m in _PAREN.finditer(label):
        span = doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
        ref = resolve_actor(span) if span is not None and len(span) else None
        if ref is not None and _is_state_id(ref.id):
            return _Actor(ref.id, ref.name or ref.id, label.split("(")[0].strip())
    return None


def _named_before(label: str, turns: list[Turn]) -> _Actor | None:
    """ "ZHU:" after "SPOKESPERSON ZHU FENGLIAN:": a speaker first labelled in full and
    then by one name speaks for the side the full label was placed with."""
    words = [w for w in _label_words(label) if w not in _ROLES]
    if not words:
        return None
    for turn in reversed(turns):
        if turn.actor is not None and not turn.asks and set(words) <= set(_label_words(turn.label)):
            return turn.actor
    return None


def _heading_role(label: str, heading: _Actor | None) -> _Actor | None:
    """ "SPOKESPERSON ZHU FENGLIAN:" in the transcript of a briefing whose heading names one
    state only (its office, its capital): that state's spokesperson."""
    if heading is None:
        return None
    words = _label_words(label)
    return heading if any(w in _ROLE_HEADS for w in words) else None


#: How a spoken turn's line may end; a line ending otherwise is a heading.
_TURN_ENDS = frozenset(".?!…–—-:;)")


def _headline(text: str, body: int) -> bool:
    """A live blog's entry heading ("Netanyahu: no reconstruction while Hamas is armed",
    "Qatar: ceasefire 'at a critical moment'"): one line with no closing punctuation, which
    a speaker's turn ("MS. HOLGUIN: Good afternoon.", "Q: Is that your aim?") has."""
    end = text.find("\n", body)
    line = text[body : end if end != -1 else len(text)].rstrip().rstrip("\"'”’ ")
    return bool(line) and line[-1] not in _TURN_ENDS and len(line.split()) <= 14


def _names(label: str) -> list[str]:
    """Names a label may carry: "(Stephen Doughty)" first, then the label without roles."""
    out = []
    for inner in _PAREN.findall(label):
        words = inner.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            out.append(inner.strip())
    core = [w for w in _PAREN.sub(" ", label).split() if w.strip(".,'’").lower() not in _ROLES]
    if core:
        out.append(" ".join(w.strip(".,") for w in core))
    return out


def _speaker(
    label: str, span: Span | None, people: list[tuple[str, _Actor]], tracker: Any
) -> _Actor | None:
    """The actor a speaker label (*span* in the text) stands for."""
    from detente.extract.actors import resolve_actor

    kb = tracker.kb
    for name in _names(label):
        low = name.lower()
        last = low.split()[-1]
        leader = kb.leaders.get(low)
        if leader is not None:
            return _Actor(leader.actor, _actor_name(leader.actor), leader.name)
        for person, actor in people:
            p = person.lower()
            if p == low or p.split()[-1] == last or p.split()[0] == low.split()[0]:
                return actor
            if set(low.split()) <= set(p.split()):
                return actor  # "NEBIAT:" after "Spokesperson Nebiat Getachew" (a given name)
        ref = tracker.names.get(low) or tracker.names.get(last)
        if ref is not None:
            return _Actor(ref.id, ref.name or ref.id, ref.speaker)
        leader = kb.leaders.get(last)
        if leader is not None:
            return _Actor(leader.actor, _actor_name(leader.actor), leader.name)
    if span is not None:
        # a nationality or country in the label ("Kenyan Government Spokesman X:") names the side
        ref = resolve_actor(span)
        if ref is not None and (ref.role or ref.speaker):
            # a person or a role, not a place ("ISLAMABAD:" opening a story is a dateline)
            return _Actor(ref.id, ref.name or ref.id, ref.speaker)
    words = [w for w in _label_words(label) if w not in ("the", "of")]
    roles = [w for w in words if w in _ROLES and w not in _HONORIFICS]
    if roles and people and (all(w in _ROLES for w in words) or len(people) == 1):
        # "GOVERNMENT SPOKESPERSON:": the person the introduction presents in that role; a
        # titled label the lists do not know ("Spokesperson Lin:") when it presents just one
        for _person, actor in people:
            if any(w in (actor.speaker or "").lower() for w in roles):
                return actor
        return people[0][1]
    if roles and span is not None:
        return _role_owner(span.doc, set(roles), span.start_char)
    return None


#: Role words too general to tie a label to an earlier mention ("foreign", "deputy").
_ROLE_HEADS = frozenset(
    {
        "minister",
        "president",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "secretary",
        "ambassador",
        "envoy",
        "premier",
        "chancellor",
        "governor",
        "commissioner",
        "leader",
        "commander",
        "negotiator",
    }
)


def _role_owner(
    doc: Doc, roles: set[str] | frozenset[str], end_char: int, states_only: bool = True
) -> _Actor | None:
    """The side of a role-only label ("PRIME MINISTER:", "FOREIGN MINISTER SMITH:") from the
    same role named with its state before it ("press conference of the Prime Minister of
    Iceland", "Iceland's foreign minister"); with *states_only* false, a body's role as well
    ("the SDF's commander")."""
    from detente.extract.actors import resolve_actor

    heads = roles & _ROLE_HEADS
    for tok in doc:
        if tok.idx >= end_char:
            break
        if tok.lower_ not in heads:
            continue
        if tok.i == tok.sent.start and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",":
            continue  # "Minister, what has the government asked of Baku?" addresses, no owner
        ref = resolve_actor(doc[tok.left_edge.i : tok.right_edge.i + 1])
        if ref is not None and (_is_state_id(ref.id) or not states_only):
            return _Actor(ref.id, ref.name or ref.id, None)
    return None


def _titled(name: Span) -> bool:
    """Whether a role title runs up to *name* ("Information Minister Paul Morcos", "Deputy
    Prime Minister for Reintegration Oleg Serebrian")."""
    doc = name.doc
    if name.start > 0 and doc[name.start - 1].text == ":":
        # "Spokesperson for foreign affairs and security policy: Anitta Hipper"
        line_start = doc.text.rfind("\n", 0, name.start_char) + 1
        line = doc.text[line_start : doc[name.start - 1].idx].lower().split()
        return any(w in _ROLE_HEADS for w in line)
    for tok in reversed(doc[max(0, name.start - 6) : name.start + 1]):
        if tok.is_punct or "\n" in tok.text:
            return False
        if tok.lower_ in _ROLE_HEADS:
            return True
    return False


def _apposed_title(name: Span) -> Any:
    """The side of a title set before *name* as an apposition on the same line ("Press
    conference by Timor-Leste's Deputy Minister for Petroleum, Jane Doe"): the party the
    title names, when it holds a role word; None otherwise."""
    from detente.extract.actors import resolve_actor

    doc = name.doc
    if name.start < 2 or doc[name.start - 1].text != ",":
        return None
    start = end = name.start - 1
    while start > max(0, end - 8):
        prev = doc[start - 1]
        if (prev.is_punct and prev.text != "-") or "\n" in prev.text:
            break  # (a hyphen joins a name: "Timor-Leste's")
        if prev.pos_ in ("VERB", "AUX", "ADP") and prev.lower_ not in ("for", "of"):
            break
        start -= 1
    title = doc[start:end]
    if not any(t.lower_ in _ROLE_HEADS for t in title):
        return None
    ref = resolve_actor(title)
    return ref if ref is not None and ref.role is not None else None


def _with_title(name: Span) -> Span:
    """*name* with the words of its title before it on the same line ("French presidential
    envoy Jean-Yves Le Drian")."""
    doc = name.doc
    start = name.start
    while start > max(0, name.start - 6):
        prev = doc[start - 1]
        if prev.is_punct or "\n" in prev.text or prev.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        start -= 1
    return doc[start : name.end]


def _heading_state(doc: Doc, end_char: int) -> _Actor | None:
    """The one state a transcript's heading names ("Ministry of Foreign Affairs of the Republic
    of Azerbaijan -- Regular briefing by the spokesperson"), or None when it names none or
    several. Places and bodies count before adjectives, which also name languages ("questions
    asked in Romanian and Russian"), unless the adjective names the briefing's body ("the
    Argentine Ministry of Foreign Affairs")."""
    from detente.extract.actors import resolve_actor
    from detente.extract.kb import knowledge
    from detente.extract.places import place_country

    found: dict[str, dict[str, _Actor]] = {
        "owner": {},
        "place": {},
        "region": {},
        "body": {},
        "adjective": {},
    }
    for ent in doc.ents:
        if ent.start_char >= end_char:
            break
        if ent.label_ not in ("GPE", "NORP", "ORG"):
            continue
        if _topic(ent):
            continue  # "Excerpt on Sudan and Chad": what the briefing is about, not who gives it
        ref = resolve_actor(ent)
        kind = "owner" if _briefing_owner(ent) else "adjective" if ent.label_ == "NORP" else "place"
        if ref is None and ent.label_ == "GPE" and "-" in ent.ent_id_:
            # a town or region of the heading ("Cucuta, February 12") is in its country,
            # unless a capital or state says otherwise ("Washington (excerpt: Gaza)")
            country = place_country(ent.ent_id_.split("+")[0])
            ref = _Actor(country, _actor_name(country), None) if country else None
            kind = "region"
        if ref is not None and _is_state_id(ref.id):
            found[kind].setdefault(ref.id, _Actor(ref.id, ref.name or ref.id, None))
        elif ref is not None and ent.label_ == "ORG" and ref.speaker is None and ref.role is None:
            # "European Commission midday briefing": a body's own briefing, which outweighs the
            # place it is given in when the heading says the body gives it ("UNSMIL press
            # briefing", "by the spokesperson of UNSMIL")
            known = ref.id in knowledge().actor_names  # not a name the report coins
            kind = "owner" if known and (kind == "owner" or _briefing_words(ent)) else "body"
            found[kind].setdefault(ref.id, _Actor(ref.id, ref.name or ref.id, None))
    for kind in ("owner", "place", "region", "body", "adjective"):
        if found[kind]:
            return next(iter(found[kind].values())) if len(found[kind]) == 1 else None
    return None


#: Bodies that give a briefing in a state's name ("the press briefing of the Government of
#: Benin", "Kenya's foreign ministry").
_GIVING_BODIES = word_list("giving_bodies")


def _briefing_owner(ent: Span) -> bool:
    """ "of the Government of Benin", "Benin's ministry", "the Argentine foreign ministry":
    the state a heading's body speaks for, which outweighs the states the briefing is about."""
    doc = ent.doc
    before = [t.lemma_.lower() for t in doc[max(ent.start - 3, 0) : ent.start]]
    if len(before) >= 2 and before[-1] == "of" and any(w in _GIVING_BODIES for w in before[:-1]):
        return True
    after = [t.lemma_.lower() for t in doc[ent.end : ent.end + 3]]
    if ent.label_ == "NORP" and any(w in _GIVING_BODIES for w in after[:2]):
        return True
    return bool(after) and after[0] == "'s" and any(w in _GIVING_BODIES for w in after[1:])


def _briefing_words(ent: Span) -> bool:
    """ "UNSMIL press briefing", "the Commission's briefing": the body names its briefing."""
    after = [t.lower_ for t in ent.doc[ent.end : ent.end + 3] if t.lower_ != "'s"]
    return bool(after) and (after[0] == "briefing" or after[:2] == ["press", "briefing"])


def _topic(ent: Span) -> bool:
    """ "on Serbia and Kosovo": an entity after a topic preposition, or coordinated with one."""
    doc = ent.doc
    i = ent.start
    while i > 0:
        prev = doc[i - 1]
        if prev.lower_ in _TOPIC_PREPS:
            return True
        if prev.lower_ not in ("and", ",", "&") and not (prev.ent_type_ and prev.ent_iob_ != "O"):
            return False
        i -= 1
    return False


def _introduced(
    doc: Doc, tracker: Any, end_char: int, heading: _Actor | None = None
) -> list[tuple[str, _Actor]]:
    """People the introduction (before the first question) names, with the side each speaks
    for, read from the knowledge base or from their description ("X, a spokesperson of Y, …",
    "X is the foreign minister of Y").  Names are runs of capitalised proper nouns as well as
    the model's PERSON entities: the small model misses many foreign names."""
    from detente.extract.actors import resolve_actor

    known_ids = tracker.kb.actor_names
    out: list[tuple[str, _Actor]] = []
    seen: set[str] = set()
    for name in _name_runs(doc, end_char):
        key = name.text.lower()
        if key in seen:
            continue
        ref = resolve_actor(name)
        if ref is not None and (ref.speaker is None or ref.id not in known_ids):
            ref = None  # only a leader the lists know speaks for a side by name alone
        if ref is None:
            ref = tracker.names.get(key) or tracker.names.get(name[-1].lower_)
            if (
                ref is not None
                and heading is not None
                and ref.id != heading.id
                and (_titled(name) or any(t.lower_ in _ROLES for t in name))
                and resolve_actor(_with_title(name)) is None
            ):
                # "Deputy Spokesperson X" under a heading that places the briefing: the
                # tracker's guess (the nearest state, often the topic) yields to the heading
                ref = None
        desc = _description(name)
        if ref is None and desc is not None:
            # "Randhir Jaiswal, the official spokesperson of India's foreign ministry"
            ref = resolve_actor(desc)
            if ref is not None and ref.role is None and desc.root.lemma_.lower() not in _ROLE_HEADS:
                # "Tbilisi, Georgia": a place, not a person's role; "Argentina's secretary
                # for Malvinas affairs" is a role the title lists lack
                ref = None
            if ref is None:
                ref = _represented(desc)
        speaker = name.text + (" " + desc.text if desc is not None else "")
        if ref is None and _titled(name):
            # "French presidential envoy Jean-Yves Le Drian": the nationality of the title
            ref = resolve_actor(_with_title(name))
            if ref is not None and ref.role is None:
                ref = None
        if ref is None:
            ref = _apposed_title(name)  # "Timor-Leste's Deputy Minister for Petroleum, X"
        if ref is None:
            # "Information Minister Paul Morcos" in a heading that places him ("Baabda Palace,
            # Beirut"): a titled name speaks for the one state the introduction names
            side = heading if _titled(name) else None
            if side is None:
                continue
            seen.add(key)
            out.append((name.text, _Actor(side.id, side.name, speaker)))
            continue
        seen.add(key)
        out.append((name.text, _Actor(ref.id, ref.name or ref.id, speaker)))
    return out


def _name_runs(doc: Doc, end_char: int) -> list[Span]:
    """Person-like names before *end_char*: PERSON entities and runs of two to four
    capitalised proper nouns ("Giorgi Maisuradze")."""
    from detente.extract.entindex import ents_in

    runs: list[Span] = []
    for e in ents_in(doc):
        if e.label_ == "PERSON" and e.end_char <= end_char:
            end = e.end
            while end > e.start + 1 and doc[end - 1].is_space:
                end -= 1  # the small model lets a name run on over a blank line
            runs.append(doc[e.start : end])
    i = 0
    while i < len(doc) and doc[i].idx < end_char:
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and j - i < 4:
            j += 1
        if j - i >= 2 and doc[j - 1].idx < end_char:
            runs.append(doc[i:j])
        i = max(j, i + 1)
    runs.sort(key=lambda r: r.start)
    return runs


#: Entity labels that never name a person presented in an introduction.
_NOT_PEOPLE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _is_state_id(actor_id: str) -> bool:
    return len(actor_id) == 3 and actor_id.isupper()


def _description(ent: Span) -> Span | None:
    """What follows a name and describes it: ", a spokesperson of China's foreign ministry," or
    "has been prime minister of …" (up to the next comma or full stop)."""
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif i < len(doc) and doc[i].lemma_ in ("be", "have"):
        while i < len(doc) and doc[i].lemma_ in ("be", "have", "serve", "as"):
            i += 1
    else:
        return None
    j = i
    while j < len(doc) and j - i < _DESCRIPTION_TOKENS and doc[j].text not in (",", ".", "\n"):
        if doc[j].is_sent_start and j > i:
            break
        j += 1
    return doc[i:j] if j > i else None


#: Verbs of a relative clause that give the side a person speaks for ("who represents China").
_REPRESENTING = frozenset({"represent", "speak", "serve", "head", "lead"})


def _represented(desc: Span) -> Any:
    """ "Hou Yanqi, who represents China at ASEAN, …": the first party the clause names after a
    verb of representing."""
    from detente.extract.actors import resolve_actor

    if len(desc) < 3 or desc[0].lower_ != "who" or desc[1].lemma_.lower() not in _REPRESENTING:
        return None
    for ent in desc.ents:
        ref = resolve_actor(ent)
        if ref is not None:
            return ref
    return None


def _actor_name(actor_id: str) -> str:
    from detente.extract.actors import actor_name

    return actor_name(actor_id)


def bare_answer(sent: Span) -> str | None:
    """ "yes" or "no" when *sent* is a bare reply ("No.", "Yes, it is.", "Not at this stage.",
    "He is.", "We won't."), else None."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return None
    first = words[0].lower_
    alone = len(words) == 1 or words[0].nbor().is_punct  # "No." / "Yes, …"
    if first in ANSWER_NO and (alone or (first == "not" and len(words) <= 5)):
        return "no"
    if first in ANSWER_YES and alone:
        return "yes"
    if (
        len(words) <= 3
        and words[0].pos_ == "PRON"
        and all(t.pos_ == "AUX" or t.lower_ in ("not", "n't") for t in words[1:])
        and len(words) > 1
    ):
        return "no" if any(t.lower_ in ("not", "n't") for t in words) else "yes"
    return None


#: A state's own bodies, said bare in its spokesperson's turn ("the government welcomes …").
_OWN_BODIES = word_list("own_bodies")


def own_body(tok: Token, turn: Turn | None) -> _Actor | None:
    """ "The government welcomes every goodwill initiative" in the answer of a state's
    spokesperson: a bare "the government" or "the president" is the speaker's own state."""
    if turn is None or turn.actor is None or turn.asks or not _is_state_id(turn.actor.id):
        return None
    bare = all(c.dep_ == "det" and c.lower_ in ("the", "this", "our") for c in tok.children)
    return turn.actor if bare and tok.lemma_.lower() in _OWN_BODIES else None


def first_person(tok: Token) -> bool:
    """I, we, our …"""
    return tok.lower_ in FIRST_PERSON
