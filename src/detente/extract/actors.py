"""Who speaks: resolve a subject phrase to a canonical actor and, where known, a speaker.

:func:`resolve_actor` looks only at the span itself: known leaders ("Zelensky"), titles
with a nationality adjective or possessive ("Russian President Vladimir Putin",
"Ukraine's defence minister Rustem Umerov", "the Congolese foreign minister"), metonyms
("the Kremlin", "Kyiv"), countries, organisations and demonyms ("the Russians").

:class:`ActorTracker` adds what the rest of the document says: pronouns ("he", "they"),
definite descriptions ("the Russian president", "the minister"), bare surnames of people
introduced earlier with a title, and "the rebels"/"the group" for the last armed group.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from detente.extract import orgnames
from detente.extract.bodyref import reporting_body
from detente.extract.doctext import span_text
from detente.extract.entindex import ents_in
from detente.extract.gazetteer import other_office
from detente.extract.homeside import Filing, home_role
from detente.extract.kb import Knowledge, Leader, demonym_state, knowledge
from detente.extract.layout import GENRE_LABELS
from detente.extract.lexicon import word_list
from detente.extract.orgnames import acronym_after, named_organisation, owning_state, slugify
from detente.extract.seats import seat_actor
from detente.extract.stance.stateforms import form_ids

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
_IT_PRONOUNS = {"it", "its", "itself"}
#: "the rebels", "the group", "the party": the armed group or movement named before.
_GROUP_NOUNS = word_list("armed_group_nouns")
#: Roles that name an institution rather than a person.
_COLLECTIVE_HEADS = word_list("collective_heads")
#: Nouns that a possessive pronoun ties to its owner's side ("his country").
_OWNED_NOUNS = {"country", "nation", "state", "people", "side", "party"}
#: People who speak for whoever a possessive names ("its representative at the UN said").
_AGENT_ROLES = word_list("agent_roles")
#: Roles too general to contradict a known leader's office.
_LOOSE_ROLES = {"official", "leader", "minister", "adviser", "negotiator", "envoy", "commander"}
#: Institutions that, named without a country ("the foreign ministry said"), stand for the
#: state last seen acting in the report.
_INSTITUTION_HEADS = word_list("institution_heads")
#: How far back (tokens) a state named as a subject still counts as "just mentioned".
_RECENT_TOKENS = 40
#: How far ahead a description with no antecedent may find the name it stands for.
_AHEAD_TOKENS = 80
_MILITARY_HEADS = {"army", "military", "forces", "troops"}
_MILITARY_WORDS = ("armed forces", "army", "military", "defence forces", "defense forces")


def _is_military(ref: ActorRef) -> bool:
    """An armed-forces actor of a state ("Sudanese Armed Forces"), not an armed group."""
    name = ref.name.lower()
    return (
        not ref.speaker
        and any(w in name for w in _MILITARY_WORDS)
        and ref.id.islower()
        and ref.id not in knowledge().armed_groups
    )


#: Nouns naming a set of actors mentioned together before ("the four countries").
_GROUP_SET_NOUNS = word_list("group_set_nouns")
_GROUP_GLUE = {",", "and", "the", "or", "&", "as", "well"}
_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor: canonical id, display name, the person speaking (if any), role."""

    id: str
    name: str
    speaker: str | None = None
    role: str | None = None


def actor_name(actor_id: str) -> str:
    """Display name of an actor id (``"RUS"`` -> ``"Russia"``); unknown ids come back as is."""
    return knowledge().actor_names.get(actor_id, actor_id)


def _ent_actor(ent: Span, kb: Knowledge) -> str | None:
    """Actor id an entity stands for, if any (persons excluded)."""
    ent_id = ent.ent_id_
    if not ent_id:
        return kb.actor_forms.get(span_text(ent).lower()) if ent.label_ in {"ORG", "NORP"} else None
    if ent_id.startswith("city:"):
        return ent_id[5:]
    if ent_id.startswith("person:"):
        return None
    if ent_id in kb.actor_names:
        return ent_id
    return None


def _leader(ent: Span, kb: Knowledge) -> Leader | None:
    if ent.label_ != "PERSON" or other_office(ent, kb):
        return None  # (a listed leader's namesake in another office is not the leader)
    text = span_text(ent)
    leader = kb.leaders.get(text.lower())
    if leader is None and ent.ent_id_.startswith("person:"):
        return Leader(text, ent.ent_id_[7:], "official")
    return leader


def _titles(tokens: Span, kb: Knowledge) -> list[tuple[int, int, str]]:
    """(start, end, role) of the title phrases in *tokens* (doc token indices), longest first."""
    found: list[tuple[int, int, str]] = []
    words = [t.lower_ for t in tokens]
    i = 0
    while i < len(words):
        for n in range(min(kb.max_title_len, len(words) - i), 0, -1):
            role = kb.titles.get(" ".join(words[i : i + n]))
            if role is not None:
                found.append((tokens[i].i, tokens[i].i + n, role))
                i += n
                break
        else:
            i += 1
    return found


_SPONSOR_WORDS = {
    "backed",
    "led",
    "sponsored",
    "allied",
    "aligned",
    "supported",
    "funded",
    "armed",
    "brokered",
    "mediated",
    "drafted",
    "controlled",
    "occupied",
    "installed",
    "appointed",
    "friendly",
}


def _is_sponsor(ent: Span) -> bool:
    """Is the entity only the first half of a modifier like "Rwanda-backed"?"""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text == "-"
        and doc[ent.end + 1].lower_ in _SPONSOR_WORDS
    )


def _is_possessor(ent: Span) -> bool:
    return ent.root.dep_ == "poss" or (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS")


def _person_name_after_title(span: Span, title_end: int) -> str | None:
    """An unknown name right after a title ("Foreign Minister Jane Doe") when NER missed it."""
    doc = span.doc
    j = title_end
    names = []
    while j < span.end and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in {"", "PERSON"}:
        names.append(doc[j].text)
        j += 1
    return " ".join(names) if names else None


def resolve_actor(span: Span) -> ActorRef | None:
    """Resolve a subject phrase on its own (no document memory); ``None`` if it names no actor."""
    kb = knowledge()
    app = next((c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end), None)
    if app is not None and not span.root.ent_type_ and app.ent_type_ in {"ORG", "GPE", "NORP"}:
        span = span.doc[span.start : app.right_edge.i + 1]  # the named apposition after a head
    ents = ents_in(span)
    leaders = [(e, ld) for e in ents if (ld := _leader(e, kb)) is not None]
    if leaders:
        primary = [p for p in leaders if not _is_possessor(p[0])] or leaders
        ent, leader = primary[0]
        titles = _titles(span, kb)
        affiliation = next(
            (
                a
                for e in ents
                if e.end <= ent.start
                and e.label_ != "PERSON"
                and e.root.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}
                and (a := _ent_actor(e, kb)) is not None
            ),
            None,
        )
        if affiliation is not None and affiliation != leader.actor and titles:
            # "Hamas spokesman X" speaks for Hamas whatever a namesake in the lists does
            return ActorRef(affiliation, actor_name(affiliation), ent.text, titles[0][2])
        if (
            titles
            and titles[0][2] not in _LOOSE_ROLES
            and leader.role not in _LOOSE_ROLES
            and titles[0][2] != leader.role
            and not any(_ent_actor(e, kb) for e in ents)
            and ent.start <= span.root.i < ent.end
        ):
            # "Defence Minister Pedro Sanchez" is not the Spanish prime minister of that name
            return None
        role: str | None = titles[0][2] if titles else leader.role
        modifier = (ent.root.dep_ in {"poss", "compound"} or _is_possessor(ent)) and not (
            ent.start <= span.root.i < ent.end
        )
        if modifier:
            # "the Trump administration", "Putin's spokesman": the leader's side, not the leader
            if span.root.lower_ in _COLLECTIVE_HEADS or span.root.tag_ in {"NNS", "NNPS"}:
                role = None
            elif not titles:
                return ActorRef(leader.actor, actor_name(leader.actor), leader.name, role)
            named = None if role is None else _person_name_after_title(span, titles[0][1])
            return ActorRef(leader.actor, actor_name(leader.actor), named, role)
        return ActorRef(leader.actor, actor_name(leader.actor), leader.name, role)
    actors = [(e, a) for e in ents if (a := _ent_actor(e, kb)) is not None]
    seat = seat_actor(span)  # "the government in Port Sudan": the body that sits there
    if seat is not None and all(
        e.root.dep_ in ("pobj", "poss") or _is_sponsor(e) for e, _ in actors
    ):
        return ActorRef(seat, actor_name(seat))
    if not actors:
        return _generic(span, ents, kb)
    # "Rwanda-backed M23 rebels", "the Iran-aligned Houthis": the sponsor is not the subject
    heads = [p for p in actors if not _is_sponsor(p[0])] or actors
    # "South Sudan's main opposition party, the SPLM-IO": the apposition names the holder
    named = [p for p in heads if p[0].root.dep_ == "appos" and p[0].root.head.i == span.root.i]
    actor = (named or heads)[0][1]
    titles = _titles(span, kb)
    role = titles[0][2] if titles else None
    speaker: str | None = None
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons:
        speaker = persons[0].text
    elif titles and span.root.lower_ not in _COLLECTIVE_HEADS:
        speaker = _person_name_after_title(span, titles[0][1])
    if span.root.lower_ in _COLLECTIVE_HEADS or span.root.tag_ in {"NNS", "NNPS"}:
        role = None  # "Russian officials", "the Ukrainian delegation": a body, not a person
    return ActorRef(actor, actor_name(actor), speaker, role)


_JOINT_WORDS = {"joint", "bilateral", "mixed", "trilateral", "tripartite"}
#: Last words of a named text ("the Indus Waters Treaty"), which is no party.
_DOCUMENTS = word_list("generic_deals") | word_list("named_text_words")


def _generic(span: Span, ents: list[Span], kb: Knowledge) -> ActorRef | None:
    """An organisation, group or sub-state body not in the lists: an actor all the same,
    with an id made from its name (or the acronym given after it).  Only an entity that is
    the phrase's head ("the Moro Islamic Liberation Front", "Puntland's government") counts;
    news outlets never do."""
    root = span.root
    for ent in ents:
        if ent.label_ not in {"ORG", "NORP", "GPE"}:
            continue
        heads = ent.start <= root.i < ent.end or (
            # "SPLM-IO fighters", "Puntland's government"; but "Western diplomats" or
            # "Arab mediators" name no party
            ent.label_ != "NORP" and root.lower_ in _COLLECTIVE_HEADS and ent.root.head.i == root.i
        )
        if not heads:
            continue
        name = re.sub(r"^(?:the)\s+", "", ent.text, flags=re.I)
        before = span.doc[ent.start - 1].lower_ if ent.start and ent.label_ != "GPE" else ""
        if orgnames.after_honorific(ent):
            return None  # "MS. ODHIAMBO:" heading a transcript turn: a person, tagged ORG
        if {name.lower(), slugify(name)} & kb.media or {name.lower(), before} & kb.titles.keys():
            # an outlet; a title taken for a name ("The Spokesman") or a titled person taken
            # for an organisation ("commissioner Dmytro Lubinets")
            return None
        if name.lower() in GENRE_LABELS:
            return None  # "ANALYSIS: …" heading a piece: its genre, not an organisation
        inner = orgnames.in_brackets_after(ent)
        if inner is not None and (known := _ent_actor(inner, kb)) is not None:
            return ActorRef(known, actor_name(known))  # "the Islamic Resistance Movement (Hamas)"
        if _JOINT_WORDS & {w.lower() for w in name.split()}:
            return None  # "their Joint Border Committee": a body of both sides, not a party
        if name.split()[-1].lower() in _DOCUMENTS:
            return None  # "the Indus Waters Treaty", "the Dayton Agreement": a text, no party
        codes = [c for c in ent.ent_id_.split("+") if "-" in c] if ent.ent_id_ else []
        if codes and (state := demonym_state(ent)) is not None:
            return ActorRef(state, actor_name(state))  # "the Somali government"
        if codes and ent.start <= root.i < ent.end:
            return None  # a bare region or town as subject is usually a venue ("Antalya hosted")
        if codes:
            # a region speaking for itself ("Tigray's interim administration")
            place = kb.places.get(codes[0])
            name = place.name if place else name
            return ActorRef(slugify(name), name)
        if ent.ent_id_:
            return None
        if ent.label_ == "GPE" and ent.start <= root.i < ent.end:
            return None  # a bare unlisted town ("Istanbul hosted …") is a venue, not a party
        acronym = acronym_after(ent)
        if (
            acronym is None
            and len(ent) == 1
            and ent.start <= root.i < ent.end
            and ent.label_ == "ORG"
            and not ent[0].is_upper
        ):
            # a lone capitalised word the model took for an organisation is usually a
            # person's surname ("Tatar insisted"): never an actor of its own
            return None
        if (state := owning_state(ent)) is not None:
            return ActorRef(state, actor_name(state))  # "the Bureau … of the Republic of Moldova"
        if name.isupper() and name in kb.actor_names:
            return ActorRef(name, actor_name(name))  # "PNG", a state's own code, tagged ORG
        slug = slugify(acronym) if acronym else "" if orgnames.generic_name(name) else slugify(name)
        return ActorRef(slug, name) if slug and not slug.isdigit() else None
    named = named_organisation(span)
    return ActorRef(*named) if named is not None else None


def _conjunct_spans(span: Span) -> list[Span]:
    """Split a coordinated subject ("Putin and Trump", "Russia, China and Iran")."""
    root = span.root
    heads = [root, *[c for c in root.conjuncts if span.start <= c.i < span.end]]
    if len(heads) == 1:
        return [span]
    doc = span.doc
    out = []
    for h in heads:
        other = {t.i for c in h.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
        idx = [t.i for t in h.subtree if t.i not in other and span.start <= t.i < span.end]
        idx = [i for i in idx if doc[i].dep_ not in {"cc", "punct"}]
        if idx:
            out.append(doc[min(idx) : max(idx) + 1])
    return out


def _member_spans(span: Span) -> list[Span]:
    """Members named after a group noun: "the co-chairs from the EU, the UN and the OSCE",
    "mediators from Qatar and Egypt"."""
    heads = [t for t in span if t.tag_ in {"NNS", "NNPS"} and t.ent_iob_ == "O"]
    for head in heads[:2]:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of", "including"}:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.conjuncts:
                    return _conjunct_spans(span.doc[pobj.left_edge.i : pobj.right_edge.i + 1])
        # "the guarantor powers, Greece, Turkey and Britain", "the Quad - the US, ... and Egypt"
        app = [t for t in head.subtree if t.dep_ == "appos" and t.conjuncts and t.ent_type_]
        if app and 0 < app[0].i - head.i <= 8:
            return _conjunct_spans(span.doc[app[0].left_edge.i : app[0].right_edge.i + 1])
    return []


def resolve_actors(span: Span) -> list[ActorRef]:
    """All actors of a coordinated subject, one per conjunct ("Putin and Trump"), or the
    members named after a group noun ("the co-chairs from the EU, the UN and the OSCE"),
    de-duplicated by id."""
    refs: dict[str, ActorRef] = {}
    for part in _member_spans(span) or _conjunct_spans(span):
        ref = resolve_actor(part)
        if ref is not None:
            for member in expand_group(ref):
                refs.setdefault(member.id, member)
    return list(refs.values())


def expand_group(ref: ActorRef) -> list[ActorRef]:
    """The members of a group of states ("the E3" -> Britain, France, Germany), else *ref*."""
    members = knowledge().member_groups.get(ref.id)
    if not members:
        return [ref]
    return [ActorRef(m, actor_name(m)) for m in members]


class ActorTracker:
    """Per-document actor memory for pronouns, descriptions and surnames.

    On creation it indexes every known leader and every titled person in the document
    ("Congolese Foreign Minister Jane Doe"), so a later "the foreign minister", "Doe" or
    "she" resolves even if :meth:`resolve` was not called on the first mention.  Resolution
    only looks back: a mention is used only if it starts before the span being resolved.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.kb = knowledge()
        #: (token index, ref, is subject) in document order: people and actors mentioned.
        self.mentions: list[tuple[int, ActorRef, bool]] = []
        #: lower-cased surname or full name -> person ref
        self.names: dict[str, ActorRef] = {}
        self._guessed: set[str] = set()
        #: (token index, refs) of coordinated actor mentions ("Russia, China and Iran").
        self.groups: list[tuple[int, list[ActorRef]]] = []
        #: generic slug of an organisation's full name -> slug of the acronym given for it
        self.org_ids: dict[str, str] = {}
        #: lower-cased words of every person's name in the document
        self.person_words: set[str] = set()
        #: where the report and each item of a flash file were filed (their datelines), for
        #: officials named by title
        self.filing = Filing()
        self._prescan()

    def _prescan(self) -> None:
        for ent in ents_in(self.doc):
            if self.filing.add(ent):
                continue
            if ent.label_ == "ORG" and not ent.ent_id_:
                acronym = acronym_after(ent)
                if acronym:
                    self.org_ids[slugify(ent.text)] = slugify(acronym)
            # "Russia", "Russian forces", "Russia's government" as the subject of a clause
            subject = ent.root.dep_ in {"nsubj", "nsubjpass"} or (
                ent.root.head.dep_ in {"nsubj", "nsubjpass"}
            )
            if ent.label_ == "PERSON":
                self.person_words.update(t.lower_ for t in ent if t.is_alpha)
            if ent.label_ != "PERSON":
                actor = _ent_actor(ent, self.kb)
                if actor is not None:
                    self._remember(ent.start, ActorRef(actor, actor_name(actor)), subject)
                continue
            window = self._title_window(ent)
            ref = resolve_actor(window) if window is not None else resolve_actor(ent)
            guessed = False
            if ref is None and window is not None:
                ref = self._titled_unknown(ent)
                guessed = ref is None and (ref := self._home_official(window, ent)) is not None
            if ref is None and (
                ent.root.dep_ == "appos" or any(c.dep_ == "appos" for c in ent.root.children)
            ):
                ref = self._appositive(ent)
            if ref is not None and ref.speaker:
                self._remember(ent.start, ref, subject, guessed)
        self._scan_groups()

    def _scan_groups(self) -> None:
        """Remember runs of actors named together ("the United States, Saudi Arabia and
        Egypt") for later "the three countries", "both sides"."""
        run: list[ActorRef] = []
        run_start = 0
        last_end = -1
        for ent in ents_in(self.doc):
            ref = self._ent_ref(ent)
            if ref is None:
                continue
            gap = self.doc[last_end : ent.start] if last_end >= 0 else None
            joined = gap is not None and all(t.lower_ in _GROUP_GLUE for t in gap)
            if not joined:
                if len(run) >= 2:
                    self.groups.append((run_start, run))
                run, run_start = [], ent.start
            if all(r.id != ref.id for r in run):
                run.append(ref)
            last_end = ent.end
        if len(run) >= 2:
            self.groups.append((run_start, run))

    def _ent_ref(self, ent: Span) -> ActorRef | None:
        actor = _ent_actor(ent, self.kb)
        if actor is None and ent.label_ == "PERSON":
            leader = _leader(ent, self.kb)
            actor = leader.actor if leader else None
        return ActorRef(actor, actor_name(actor)) if actor is not None else None

    def _title_window(self, ent: Span) -> Span | None:
        """The person with the title and nationality words before it, if a title is there."""
        doc = self.doc
        start = ent.start
        while start > 0 and ent.start - start < 8:
            prev = doc[start - 1]
            if (
                prev.is_punct
                or prev.lower_ in {"said", "says", "told"}
                or (prev.pos_ == "VERB" and prev.dep_ not in {"amod", "compound"})
            ) and prev.lower_ not in {"acting", "interim"}:
                break
            start -= 1
        if start == ent.start:
            return None
        window = doc[start : ent.end]
        return window if _titles(window, self.kb) else None

    def _titled_unknown(self, ent: Span) -> ActorRef | None:
        """A PERSON not in the leader list, introduced with title + nationality before it."""
        window = self._title_window(ent)
        if window is None:
            return None
        ref = resolve_actor(window)
        if ref is None:
            return None
        return replace(ref, speaker=ent.text)

    def _home_official(self, window: Span, ent: Span) -> ActorRef | None:
        """ "Communication Minister X" in a report filed from the minister's capital."""
        filed = self.filing.at(ent.start_char)
        if filed is None or (role := home_role(_titles(window, self.kb))) is None:
            return None
        return ActorRef(filed, actor_name(filed), ent.text, role)

    def _appositive(self, ent: Span) -> ActorRef | None:
        """A person named after a description ("the government's delegation head, Yahya
        Kazman"): the side the description stands for, with the person as speaker."""
        head = ent.root.head
        if ent.root.dep_ != "appos" or head.i >= ent.start:
            # "Brahim Ghali, the movement's leader, said": the description follows the name
            head = next(
                (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end), head
            )
        if head.i in range(ent.start, ent.end) or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        desc = orgnames.description_before(head, ent)
        if not _titles(desc, self.kb) and head.lower_ not in _LOOSE_ROLES | {"head", "chief"}:
            return None
        side = self._resolve(desc)
        if side is None or side.speaker:
            # "the government's delegation head": the owner's side
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None:
                side = self._resolve(self.doc[poss.left_edge.i : poss.i + 1])
        if side is None or side.speaker:
            return None
        return ActorRef(side.id, side.name, ent.text, side.role)

    def _remember(
        self, pos: int, ref: ActorRef, subject: bool = True, guessed: bool = False
    ) -> None:
        """Note a mention. A person keeps the side first found, unless only *guessed* from
        the dateline ("Minister X" filed from Noumea) and a later mention names it."""
        bisect.insort(self.mentions, (pos, ref, subject), key=lambda m: m[0])
        if ref.speaker:
            parts = ref.speaker.split()
            keys = [ref.speaker.lower(), parts[-1].lower()]
            if len(parts) > 1 and parts[0][:1].isupper() and len(parts[0]) > 2:
                # Thai, Burmese, Ethiopian and many other names are shortened to the first
                # name ("Somchai said", "Abiy said"), not the last.
                keys.append(parts[0].lower())
            for key in keys:
                if key not in self.names or (key in self._guessed and not guessed):
                    self.names[key] = ref
                    (self._guessed.add if guessed else self._guessed.discard)(key)

    def _last(
        self, pos: int, pred: Callable[[ActorRef], bool], subjects_only: bool = False
    ) -> ActorRef | None:
        for p, ref, subject in reversed(self.mentions):
            if p < pos and pred(ref) and (subject or not subjects_only):
                return ref
        return None

    def _next(self, pos: int, pred: Callable[[ActorRef], bool]) -> ActorRef | None:
        """The first mention after *pos* within :data:`_AHEAD_TOKENS` matching *pred*."""
        for p, ref, _subject in self.mentions:
            if pos < p <= pos + _AHEAD_TOKENS and pred(ref):
                return ref
        return None

    def resolve(self, span: Span) -> ActorRef | None:
        """Resolve a subject phrase using the document so far, and remember the result."""
        ref = self._resolve(span)
        if ref is not None:
            self._remember(span.start, ref)
        return ref

    def resolve_quietly(self, span: Span) -> ActorRef | None:
        """Resolve *span* using the document so far, without remembering it."""
        return self._resolve(span)

    def observe(self, span: Span) -> ActorRef | None:
        """Remember the actor of *span* (e.g. the subject of "X said") without a stance."""
        return self.resolve(span)

    def resolve_all(self, span: Span) -> list[ActorRef]:
        """All actors a subject stands for: each conjunct of "Putin and Trump", or the members
        of a group named before ("the four countries", "both sides"); else :meth:`resolve`."""
        refs = resolve_actors(span)
        if len(refs) > 1:
            for member in refs:
                self._remember(span.start, member)
            return refs
        group = self._group(span)
        if group:
            return group
        single = self.resolve(span)
        return [single] if single is not None else []

    def _reporting_subject(self, tok: Token) -> ActorRef | None:
        """The person heading the clause that embeds *tok* ("X said that he would ...")."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ not in {"VERB", "AUX"}:
                continue
            subj = next(
                (c for c in cur.children if c.dep_ == "nsubj" and c.i < tok.i and c.i != tok.i),
                None,
            )
            if subj is None or subj.lower_ in _PERSON_PRONOUNS:
                continue
            span = self.doc[subj.left_edge.i : subj.i + 1]
            for p, ref, _subject in reversed(self.mentions):
                if span.start <= p <= subj.i and ref.speaker:
                    return ref
        return None

    def _main_state(self, pos: int) -> ActorRef | None:
        """The state seen most often as a subject before *pos* (ties: the earliest)."""
        counts: dict[str, int] = {}
        refs: dict[str, ActorRef] = {}
        for p, ref, subject in self.mentions:
            if p < pos and subject and len(ref.id) == 3 and ref.id.isupper():
                counts[ref.id] = counts.get(ref.id, 0) + 1
                refs.setdefault(ref.id, ref)
        if not counts:
            return None
        best = max(counts, key=lambda k: counts[k])
        return ActorRef(best, refs[best].name)

    def _group(self, span: Span) -> list[ActorRef]:
        root = span.root
        if root.lower_ not in _GROUP_SET_NOUNS:
            return []
        size = None
        for child in root.children:
            word = child.lower_
            size = _NUMBER_WORDS.get(word, int(word) if word.isdigit() else size)
        # "the three European powers" after "Britain, France and Germany": with a count, a
        # nationality does not make the phrase a name of its own
        if any(e.label_ != "CARDINAL" and (e.label_ != "NORP" or not size) for e in ents_in(span)):
            return []
        if not any(c.lower_ in {"the", "both", "these", "those"} for c in root.children):
            return []
        for pos, refs in reversed(self.groups):
            if pos < span.start and (size is None or len(refs) == size):
                return refs
        return []

    def _resolve(self, span: Span) -> ActorRef | None:
        ref = self._resolve_plain(span)
        forms = form_ids(span.root.lower_) if span[0].lower_ == "the" else None
        if forms and (ref is None or ref.id not in forms):
            # "the kingdom" can only be a monarchy: the one named last, if any
            formed = self._last(span.start, lambda r: r.id in forms)
            return ActorRef(formed.id, formed.name) if formed is not None else ref
        return ref

    def _resolve_plain(self, span: Span) -> ActorRef | None:
        ref = resolve_actor(span)
        pos = span.start
        root: Token = span.root
        if ref is None:
            # an acronym introduced earlier ("SPLM-IO fighters")
            acronyms = set(self.org_ids.values())
            for tok in span:
                if tok.is_upper and slugify(tok.text) in acronyms:
                    ref = ActorRef(slugify(tok.text), tok.text)
                    break
            else:
                for text in (
                    "".join(t.text for t in span if t.i < root.i and t.lower_ != "the"),
                    "".join(t.text for t in span if t.i <= root.i and t.lower_ != "the"),
                ):
                    if text and slugify(text) in acronyms:
                        ref = ActorRef(slugify(text), text)
                        break
        if ref is not None and ref.id not in self.kb.actor_names:
            # a name the lists do not know may be a person introduced earlier ("Siddiq")
            for ent in ents_in(span):
                known = self.names.get(ent.text.lower()) or self.names.get(ent[-1].lower_)
                if known is not None:
                    return known
            names = [t for t in span if t.is_alpha and t.is_title]
            if names and all(t.lower_ in self.person_words for t in names):
                # a person's name the model tagged as an organisation ("Somchai warned")
                # never becomes an actor of its own
                return None
        if ref is not None and ref.id in self.org_ids:
            ref = replace(ref, id=self.org_ids[ref.id])  # one id for name and acronym
        if ref is not None:
            if ref.speaker is None and ref.role is not None:
                # "the Russian president": the last Russian president mentioned
                found = ref
                same = self._last(
                    pos,
                    lambda r: r.id == found.id and r.role == found.role and r.speaker is not None,
                )
                if same is not None:
                    return same
            if ref.speaker is not None and not self.kb.leaders.get(ref.speaker.lower()):
                known = self.names.get(ref.speaker.lower())
                if known is not None:
                    return known
            return ref
        words = span.text.lower().split()
        low = root.lower_
        # a surname or full name introduced earlier with a title
        for ent in ents_in(span):
            # the model sometimes tags a bare surname ORG ("Tatar's position")
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and not ent.ent_id_):
                known = self.names.get(ent.text.lower()) or self.names.get(ent[-1].lower_)
                if known is not None:
                    return known
        if len(words) == 1 and span[0].pos_ == "PROPN":
            known = self.names.get(low)
            if known is not None:
                return known
        if low in _PERSON_PRONOUNS:
            # "Putin told Trump that he ...": the subject of the reporting clause above,
            # before the last person named
            reporter = self._reporting_subject(root)
            if reporter is not None:
                return reporter
            # the last person named as a subject ("Tshisekedi met Kagame. He demanded …")
            return self._last(
                pos, lambda r: r.speaker is not None, subjects_only=True
            ) or self._last(pos, lambda r: r.speaker is not None)
        if low in _PLURAL_PRONOUNS:
            return self._last(pos, lambda r: r.speaker is None, subjects_only=True) or self._last(
                pos, lambda r: True, subjects_only=True
            )
        if low in _IT_PRONOUNS:
            body = reporting_body(self, root)  # "the party said it would …": the party
            if body is not None:
                return body
            # a movement or armed group is "it" as much as a state ("the front said it would …",
            # "its representative")
            return self._last(pos, lambda r: r.speaker is None, subjects_only=True)
        if low in _GROUP_NOUNS:
            # "the rebels" for the armed group named before; in a lead that describes the group
            # before naming it ("The Rwanda-backed rebels said … M23 spokesman …"), the one
            # named just after
            return self._last(pos, lambda r: r.id in self.kb.armed_groups) or self._next(
                pos, lambda r: r.id in self.kb.armed_groups
            )
        # "the Kurdish authorities": a people named that no listed actor stands for; not the
        # state the report is about
        unlisted_people = any(
            c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in root.children
        )
        if (low in _COLLECTIVE_HEADS or low in _OWNED_NOUNS or low in _AGENT_ROLES) and not (
            unlisted_people
        ):
            # "his government", "its army", "his country": the side the pronoun points to
            poss = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if poss is not None:
                owner = self._resolve(self.doc[poss.i : poss.i + 1])
                if owner is not None:
                    return ActorRef(owner.id, owner.name)
            if low in _MILITARY_HEADS and span[0].lower_ == "the":
                # "the army", "the armed forces": an armed-forces actor named before ("Sudan's
                # army"), else the state the report mentions most as a subject -- not
                # merely the last state named (often a mediator)
                mil = self._last(pos, lambda r: _is_military(r))
                if mil is not None:
                    return ActorRef(mil.id, mil.name)
                main = self._main_state(pos)
                if main is not None:
                    return main
            if low in _INSTITUTION_HEADS and span[0].lower_ == "the":
                # "the foreign ministry said", "the government's position": the state it was
                # named with earlier, else the state the report is mostly about (a mediator
                # named last is a poor guess)
                names = ents_in(span)
                owner = orgnames.earlier_owner(names[0]) if names else None
                if owner is not None:
                    return ActorRef(owner, actor_name(owner))
                recent = self._last(
                    pos, lambda r: len(r.id) == 3 and r.id.isupper(), subjects_only=True
                )
                near = recent is not None and any(
                    pos - _RECENT_TOKENS <= p < pos and r.id == recent.id
                    for p, r, _ in self.mentions
                )
                state = recent if near else (self._main_state(pos) or recent)
                if state is not None:
                    return ActorRef(state.id, state.name)
        titles = _titles(span, self.kb)
        if titles and span[0].lower_ in {"the", "this", "that"}:
            role = titles[0][2]
            found = self._last(pos, lambda r: r.role == role and r.speaker is not None)
            if found is not None and not found.id.isupper() and {"federal", "central"} & set(words):
                # "the federal prime minister" after the region's: the state's, not the region's
                main = self._main_state(pos)
                return main and ActorRef(main.id, main.name, span.text, role)
            return found
        if titles and any(e.label_ == "PERSON" for e in ents_in(span)):
            # "Defence Minister Jane Doe" with no country: a member of the government the
            # report is about, i.e. the state last seen acting
            state = self._last(pos, lambda r: len(r.id) == 3 and r.id.isupper(), subjects_only=True)
            if state is not None:
                person = next(e for e in ents_in(span) if e.label_ == "PERSON")
                ref = ActorRef(state.id, state.name, person.text, titles[0][2])
                return ref
        return None
