"""Attribution of stances to their sources.

A stance in a wire report usually reaches the reader through a chain: "according to the Financial
Times, citing sources close to the talks, Moscow demands …", "a Ukrainian official said Russia
wants …", "Bloomberg reported that …".  This module finds that chain in the dependency parse of the
sentence holding the stance and names each link the way the report names it.  It never decides
who holds the stance; :mod:`detente.extract.stances` does, and drops the holder from the chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

#: Prepositions that end a source's name ("sources close to the summit | in Alaska").
_CUT_PREPS = frozenset({"in", "at", "on", "during", "after", "before", "since", "as"})
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    """Words that mark reporting, anonymity and news organisations."""

    reporting: frozenset[str]
    anonymous_heads: frozenset[str]
    media: frozenset[str]


@dataclass(slots=True)
class Attribution:
    """The attribution chain of one stance."""

    sources: list[str] = field(default_factory=list)
    anonymous: bool = False
    #: Head tokens of reporting-verb subjects above the stance ("X said …"), nearest first.
    reporters: list[Token] = field(default_factory=list)

    def add(self, name: str, anonymous: bool) -> None:
        """Append *name* unless already present; remember whether it was unnamed."""
        if name and name.lower() not in {s.lower() for s in self.sources}:
            self.sources.append(name)
        self.anonymous = self.anonymous or anonymous


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens naming *head*'s noun phrase, without coordinated items or trailing clauses.

    "Reuters, the BBC and Le Monde" gives "Reuters"; "officials close to the
    Geneva round between the two envoys" gives "officials close to the Geneva round".
    """
    toks: list[Token] = list(head.doc[head.left_edge.i : head.i + 1])
    right_stop = head.i
    for child in head.rights:
        if child.dep_ in ("conj", "cc", "punct", "relcl", "appos"):
            break
        if child.dep_ == "acl" and child.tag_ != "VBN":
            break  # "a diplomat briefed on the talks" keeps its participle, not other clauses
        if child.dep_ == "prep" and child.lower_ in _CUT_PREPS:
            break
        end = child.right_edge.i
        # "close to X with Y in Z": keep the first prepositional link, cut at the next one.
        for tok in child.subtree:
            if tok.i > child.i and tok.dep_ == "prep" and tok.lower_ in _CUT_PREPS:
                end = min(end, tok.i - 1)
            if tok.dep_ in ("conj", "cc", "relcl", "appos"):
                end = min(end, tok.left_edge.i - 1)
        right_stop = max(right_stop, end)
    toks.extend(head.doc[head.i + 1 : right_stop + 1])
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    return toks


def source_name(head: Token) -> str:
    """Display form of the source headed by *head*, without a leading article."""
    toks = phrase_tokens(head)
    while toks and toks[0].lower_ in _DETERMINERS:
        toks = toks[1:]
    if not toks:
        return head.text
    return head.doc[toks[0].i : toks[-1].i + 1].text


def conjuncts(head: Token) -> list[Token]:
    """*head* and the items coordinated with it ("FT, NBC and Bloomberg")."""
    out = [head]
    stack = [c for c in head.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def is_anonymous(head: Token, lex: SourceLexicon) -> bool:
    """True for unnamed sources: "sources close to …", "a senior official", "two diplomats"."""
    if head.lower_ not in lex.anonymous_heads and head.lemma_.lower() not in lex.anonymous_heads:
        return False
    # A named person in the phrase or beside it ("the minister, Hakan Fidan") names the source.
    near = list(phrase_tokens(head)) + [c for c in head.children if c.dep_ == "appos"]
    return not any(t.ent_type_ == "PERSON" for t in near)


def is_media(head: Token, lex: SourceLexicon) -> bool:
    """True when *head* names a news organisation from the lexicon."""
    name = source_name(head)
    if name in lex.media or head.text in lex.media:
        return True
    ent = entity_of(head)
    return ent is not None and ent.text.removeprefix("the ").removeprefix("The ") in lex.media


def entity_of(tok: Token) -> Span | None:
    """The entity *tok* sits in, found from the IOB tags (no scan over the sentence)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def according_to(sent: Span) -> list[Token]:
    """Heads of the sources in "according to X" phrases of *sent*, conjuncts expanded."""
    heads: list[Token] = []
    for tok in sent:
        if tok.lower_ != "according":
            continue
        for prep in tok.children:
            if prep.lower_ != "to":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    heads.extend(conjuncts(pobj))
    return heads


def according_to_tokens(sent: Span) -> set[int]:
    """Indices of every token inside an "according to X" phrase of *sent*."""
    out: set[int] = set()
    for tok in sent:
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            out.update(t.i for t in tok.subtree)
    return out


def passive_reporters(sent: Span, lex: SourceLexicon) -> list[Token]:
    """Sources of "as reported by X", "quoted by X", "citing X" in *sent*."""
    heads: list[Token] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in ("report", "quote", "cite", "tell") and tok.tag_ == "VBN":
            for agent in tok.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            heads.extend(conjuncts(pobj))
        if lemma == "cite" and tok.tag_ == "VBG":
            for obj in tok.children:
                if obj.dep_ == "dobj":
                    heads.extend(conjuncts(obj))
    return heads


def reporter_chain(token: Token, lex: SourceLexicon, stop: Token | None = None) -> list[Token]:
    """Subjects of reporting verbs governing *token* ("X said [that Y …]"), nearest first."""
    out: list[Token] = []
    cur = token
    seen = 0
    # "Eritrea, he said, had to accept talks": the reporting clause inserted as a parenthesis.
    for t in (token, *list(token.ancestors)[:3]):
        # also one clause down before the stance: "The government's position, he added, had
        # not changed: no roadmap could be signed …"
        inner = [g for c in t.children if c.dep_ == "ccomp" and c.i < token.i for g in c.children]
        for c in [*t.children, *inner]:
            if c.dep_ == "parataxis" and c.lemma_.lower() in lex.reporting and c.i != token.i:
                subj = verb_subject(c)
                if subj is not None:
                    out.append(subj)
        if out or t.dep_ not in ("xcomp", "aux", "conj", "ccomp", "parataxis", "attr", "acomp"):
            break
    while cur.head.i != cur.i and seen < 12:
        seen += 1
        dep = cur.dep_
        cur = cur.head
        if stop is not None and cur.i == stop.i:
            continue
        if cur.lemma_.lower() in lex.reporting and dep in (
            "ccomp",
            "parataxis",
            "xcomp",
            "advcl",
            "conj",
            "dobj",
            "acl",
            "relcl",
        ):
            subj = verb_subject(cur)
            if subj is not None:
                out.append(subj)
    return out


def verb_subject(verb: Token) -> Token | None:
    """The subject of *verb*, following participles and coordinated verbs up to a subject."""
    cur = verb
    for _ in range(6):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # A mis-split subject ("Sudan's paramilitary | Rapid Support Forces said"): the name.
            named = [c for c in subjects if c.ent_type_]
            return named[-1] if named else subjects[-1]
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in ("xcomp", "conj", "acomp") or (cur.dep_ == "advcl" and cur.tag_ == "VBG"):
            cur = cur.head
            continue
        return None
    return None


def attribute(
    token: Token,
    lex: SourceLexicon,
    clause_head: Token | None = None,
) -> Attribution:
    """Collect the attribution chain of the stance expressed at *token*.

    Sources come from "according to X" anywhere in the sentence, "as reported by X"/"citing X",
    and the subjects of reporting verbs above the stance ("a Ukrainian official said …").  The
    reporting subjects are also returned (``reporters``) so the caller can tell a speaker quoting
    their own side from an outside source.
    """
    att = Attribution()
    sent = token.sent
    for head in according_to(sent) + passive_reporters(sent, lex):
        att.add(source_name(head), is_anonymous(head, lex))
    start = clause_head if clause_head is not None else token
    att.reporters = reporter_chain(start, lex)
    for head in media_addressees(start, lex):
        att.add(source_name(head), False)
    return att


def media_addressees(token: Token, lex: SourceLexicon) -> list[Token]:
    """News outlets a reporting verb above *token* was addressed to ("told the BBC that …",
    "said in an interview with Al-Monitor")."""
    out: list[Token] = []
    cur = token
    for _ in range(12):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() not in lex.reporting:
            continue
        for child in cur.children:
            cands = [child] if child.dep_ in ("dobj", "dative") else []
            if child.dep_ == "prep":
                cands = [g for g in child.subtree if g.dep_ == "pobj"]
            out.extend(c for c in cands if is_media(c, lex))
    return out
