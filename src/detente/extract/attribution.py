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

from detente.extract.doctext import sentences_before
from detente.extract.sourcewords import (
    SourceLexicon,
    SourceWords,
    as_saying,
    conjuncts,
    cur_text,
    entity_of,
    hearsay,
    made_clear,
    own_subject,
    partitive_group,
    phrase_tokens,
    seen_document,
    source_words,
    spoke_before_colon,
    verb_subject,
    without_clause,
)

__all__ = [
    "Attribution",
    "SourceLexicon",
    "SourceWords",
    "according_to",
    "according_to_tokens",
    "antecedent_sources",
    "attribute",
    "conjuncts",
    "continued_sources",
    "cur_text",
    "entity_of",
    "is_anonymous",
    "is_media",
    "issuer_of",
    "media_addressees",
    "outlet_named_after",
    "passive_reporters",
    "phrase_tokens",
    "pronoun_sources",
    "reporter_chain",
    "reporting_outlets",
    "seen_document",
    "source_name",
    "source_words",
    "verb_subject",
]

_DETERMINERS = frozenset({"the", "a", "an"})
_DEFINITE = frozenset({"the", "these", "those", "both", "that", "this"})


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


def source_name(head: Token) -> str:
    """Display form of the source headed by *head*, without a leading article."""
    toks = phrase_tokens(head)
    while toks and toks[0].lower_ in _DETERMINERS:
        toks = toks[1:]
    if not toks:
        return head.text
    name = head.doc[toks[0].i : toks[-1].i + 1].text
    if head.lemma_.lower() in source_words().unnamed_holders and toks[-1].i == head.i:
        # "people who took part in the last round": the clause is all that names them
        for child in head.rights:
            if child.dep_ == "relcl" and child.i == head.i + 2 and head.nbor(1).tag_ == "WP":
                end = child.right_edge.i
                cut = [t.i for t in child.subtree if t.is_punct and t.i > child.i]
                end = min([end, *[c - 1 for c in cut]])
                return head.doc[toks[0].i : end + 1].text
    # "the state news agency Belta", "the Belarusian agency, Belta,": the appositive names it
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > toks[-1].i:
            ent = entity_of(child)
            return f"{name} {ent.text if ent is not None else child.text}"
    # "carried by the state news agency SANA", "state news agency INA reported": the parser
    # may hang the outlet's name elsewhere, but a name right after a media noun is its name
    nxt = head.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(head.doc) else None
    if (
        nxt is not None
        and toks[-1].i == head.i
        and nxt.pos_ == "PROPN"
        and (nxt.is_upper or nxt.is_title)
        and not nxt.ent_id_
        and nxt.ent_type_ in ("ORG", "")
        and nxt.head.i != head.i
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in source_words().media_heads
    ):
        ent = entity_of(nxt)
        return f"{name} {ent.text if ent is not None else nxt.text}"
    return name


#: Offices held by one person at a time: with "the" or an owner they name that person.
_SINGLE_OFFICES = frozenset({"minister", "ambassador", "envoy"})


def is_anonymous(head: Token, lex: SourceLexicon) -> bool:
    """True for unnamed sources: "sources close to …", "a senior official", "two diplomats",
    "one of the officials"."""
    group = partitive_group(head)
    if group is not None:
        head = group
    if head.lower_ not in lex.anonymous_heads and head.lemma_.lower() not in lex.anonymous_heads:
        return False
    if head.lower_ in _SINGLE_OFFICES and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in head.children
    ):
        # "the Minister of Foreign Affairs", "Iran's foreign minister": one office holder the
        # reader can name, not an unnamed source
        return False
    # A named person in the phrase or beside it ("the minister, Hakan Fidan") names the source.
    near = list(phrase_tokens(head)) + [c for c in head.children if c.dep_ == "appos"]
    return not any(t.ent_type_ == "PERSON" for t in near)


def is_media(head: Token, lex: SourceLexicon) -> bool:
    """True when *head* names a news organisation from the lexicon (memoised per doc: the
    same reporter is asked about for every stance it attributes)."""
    memo = head.doc.user_data.setdefault("detente_media", {})
    key = (head.i, id(lex))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _is_media(head, lex)
    return found


def _is_media(head: Token, lex: SourceLexicon) -> bool:
    name = source_name(head)
    if name in lex.media or head.text in lex.media:
        return True
    ent = entity_of(head)
    if ent is not None and ent.text.removeprefix("the ").removeprefix("The ") in lex.media:
        return True
    words = source_words()
    if head.pos_ == "NOUN" and (
        head.lemma_.lower() in words.media_heads or head.lower_ in words.media_heads
    ):
        # "state media", "Al Masirah television", "a pro-government daily"; not "the agency
        # for refugees" nor "a news conference" (head "conference"); "the EFE agency" is one
        if head.lower_ != "agency" or any(c.lower_ == "news" for c in head.children):
            return True
        compounds = [c for c in head.children if c.dep_ == "compound"]
        return any(c.pos_ == "PROPN" and not c.ent_id_ for c in compounds) and not any(
            c.pos_ == "NOUN" for c in compounds
        )
    if ent is not None and head.ent_type_ == "ORG" and len(ent) > 1:
        return any(t.lower_ in words.media_name_words for t in ent)
    if head.tag_ == "NNS" and head.lemma_.lower() == "report":
        return True  # "reports say", "according to reports": unnamed reporting
    if head.pos_ == "PROPN" and any(
        c.dep_ in ("compound", "amod", "nmod")
        and c.lower_ in words.media_heads
        and (c.lower_ != "agency" or any(g.lower_ == "news" for g in c.children))
        for c in head.lefts
    ):
        return True  # "state broadcaster CRTV", "the news agency SRNA", "the daily Oslobodjenje"
    if head.pos_ == "PROPN":
        # "the state-run Philippine News Agency", "the Kyiv Post": a name ending in outlet words
        name_words = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if name_words and head.lower_ in words.media_name_words | words.media_heads:
            return head.lower_ != "agency" or any(c.lower_ == "news" for c in name_words)
    return False


def according_to(sent: Span) -> list[Token]:
    """Heads of the sources in "according to X" phrases of *sent*, conjuncts expanded
    (memoised per document and sentence: every stance of the sentence asks)."""
    doc = sent.doc
    memo = doc.user_data.setdefault("detente_according_to", {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:  # token indices, so that the memo holds no reference back to the doc
        found = memo[key] = tuple(t.i for t in _according_to(sent))
    return [doc[i] for i in found]


def _according_to(sent: Span) -> list[Token]:
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
        if lemma in source_words().carriers and tok.tag_ == "VBN":
            for agent in tok.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            heads.extend(conjuncts(pobj))
        if (
            lemma in source_words().carriers
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        ):
            # "the minister, as the Bakhtar agency conveyed, assured …": an outlet's aside
            heads.extend(c for c in tok.children if c.dep_ == "nsubj" and is_media(c, lex))
        if lemma in _QUOTING and tok.tag_ == "VBG" and not without_clause(tok):
            for obj in tok.children:
                if obj.dep_ == "dobj":
                    heads.extend(conjuncts(obj))
        if lemma in _QUOTING:
            heads.extend(_quoting_outlets(tok, lex))
    return heads


def _quoting_outlets(verb: Token, lex: SourceLexicon) -> list[Token]:
    """Outlets that quote a speaker: "IRNA quoted the minister as saying", "the minister was
    quoted as saying by TASS" (the parser often hangs the "by" phrase on "saying"), "was cited
    by the daily as saying".  Only news organisations: the speaker is judged elsewhere."""
    saying = as_saying(verb)
    if saying is None:
        return []
    cands: list[Token] = []
    subj = verb_subject(verb) if verb.tag_ != "VBN" else None
    if subj is not None and subj.dep_ == "nsubj":
        cands.append(subj)
    for owner in (verb, saying):
        for child in owner.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                cands.extend(g for g in child.children if g.dep_ == "pobj")
    return [c for c in cands if is_media(c, lex)]


def _document_shows(verb: Token) -> bool:
    """ "an internal memo obtained by X shows that …": a seen document speaking."""
    if verb.lemma_.lower() not in source_words().document_verbs:
        return False
    subj = verb_subject(verb)
    return subj is not None and seen_document(subj) is not None


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
            if (
                c.dep_ == "parataxis" and c.lemma_.lower() in lex.reporting and c.i != token.i
            ) or _announced_before_colon(c, token, lex):
                subj = verb_subject(c)
                if subj is not None:
                    out.append(subj)
        if out or t.dep_ not in ("xcomp", "aux", "conj", "ccomp", "parataxis", "attr", "acomp"):
            break
    while cur.head.i != cur.i and seen < 12:
        seen += 1
        dep = cur.dep_
        if (
            dep == "conj"
            and cur.i > cur.head.i
            and cur.head.lemma_.lower() in lex.reporting
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in cur.children)
        ):
            break  # "X said A, but Y accused it and demanded B": Y's own statement
        cur = cur.head
        if stop is not None and cur.i == stop.i:
            continue
        if dep == "acl" and _announced_before_colon(cur.head, token, lex, cur):
            # "The Kremlin put out a statement: any deployment … is unacceptable" (the text
            # parsed as a clause on the statement noun)
            subj = verb_subject(cur.head)
            if subj is not None:
                out.append(subj)
        if spoke_before_colon(cur, token) and (subj := verb_subject(cur)) is not None:
            out.append(subj)  # "A Russian lawmaker was blunter: … 'our army will …'"
        if (
            cur.lemma_.lower() in lex.reporting or made_clear(cur) or _document_shows(cur)
        ) and dep in (
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


#: Texts an actor issues in its own name.
_STATEMENTS = frozenset({"statement", "communique", "communiqué", "declaration", "readout"})
#: ... and the shorter messages that announce a position before a colon.
_MESSAGES = _STATEMENTS | {"message", "note", "letter", "post", "reply", "answer", "response"}


def _announced_before_colon(
    clause: Token, token: Token, lex: SourceLexicon, text: Token | None = None
) -> bool:
    """ "X's office put out a statement: the crossing will not open …", "Y said this: …": a
    clause before a colon that reports or issues a text (*text*, when the parser hung the
    stance on that noun), the parser having hung it under the clause that gives the text."""
    if text is None and clause.dep_ not in ("ccomp", "parataxis"):
        return False
    if clause.i >= token.i or not any(t.text == ":" for t in token.doc[clause.i : token.i]):
        return False
    if text is not None:
        return text.dep_ == "dobj" and text.lemma_.lower() in _MESSAGES
    return (
        clause.lemma_.lower() in lex.reporting
        or any(c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGES for c in clause.children)
        or spoke_before_colon(clause, token)  # the parser made "X was blunter" the clause
    )


#: Participles that name who put out a statement ("a statement issued by the ministry").
_PUT_OUT = frozenset({"issue", "release", "sign", "publish", "adopt", "send"})


def issuer_of(statement: Token) -> Token | None:
    """Who issued a statement: "the ministry's statement", "a statement from / by / of X",
    "a statement issued by X"."""
    for c in statement.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "acl" and c.lemma_.lower() in _PUT_OUT:
            for agent in (a for a in c.children if a.dep_ == "agent"):
                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
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
    named: list[Token] = []
    for head in according_to(sent) + passive_reporters(sent, lex):
        if _named_person(head):
            named.append(head)  # judged like a reporter: the holder's own speaker is no source
        elif head.lemma_.lower() in _STATEMENTS:
            # "according to a (joint) statement": the holders' own words, no source; "a
            # statement from the host government": its issuer, judged like a reporter
            issuer = issuer_of(head)
            if issuer is not None and not any(c.lower_ == "joint" for c in head.children):
                named.append(issuer)
        else:
            att.add(source_name(head), is_anonymous(head, lex))
    start = clause_head if clause_head is not None else token
    att.reporters = reporter_chain(start, lex) + named
    for head in media_addressees(start, lex):
        att.add(source_name(head), False)
    for head in reporting_outlets(start, lex, [*att.reporters, *according_to(sent)]):
        att.add(source_name(head), False)
        later = outlet_named_after(head, lex)
        if later is not None:
            att.add(later, False)
    for rep in att.reporters:
        if is_media(rep, lex):
            # the outlet reports it even when it is the holder's own state media
            att.add(source_name(rep), False)
    for rep in _orphan_reporters(start, lex) or _trailing_reporters(start, lex):
        att.add(source_name(rep), is_anonymous(rep, lex))
    if not att.reporters:
        # "Russia has demanded …, Ukraine's foreign minister said": the parser may hang the
        # closing reporting clause below the stance; its speaker is judged like a reporter
        att.reporters = [
            r
            for r in _trailing_reporters(start, lex, named=True)
            if not (is_media(r, lex) or is_anonymous(r, lex))
        ]
    holder = verb_subject(start, raising=True)
    if holder is not None and _unnamed_holder(holder, lex):
        # "Israeli officials have insisted on …": unnamed officials are the attribution
        att.add(source_name(holder), True)
    # "…, the people said": the sources a definite description refers back to
    for head in [*att.reporters, *according_to(sent), *([holder] if holder is not None else [])]:
        for name in antecedent_sources(head, lex):
            att.add(name, True)
    for rep in att.reporters:
        for name in pronoun_sources(rep, lex):
            att.add(name, True)
        for quoted in _quoted_people(rep, lex):
            att.add(source_name(quoted), True)
        agent = seen_document(rep)
        if agent is not None:
            att.add(source_name(rep), False)  # the document is the attribution
            if agent.i != rep.i and is_media(agent, lex):
                att.add(source_name(agent), False)
    if not att.sources and not att.reporters:
        for name, anonymous in continued_sources(start, lex):
            att.add(name, anonymous)
    if not att.reporters:
        from detente.extract.stance.statements import statement_issuer

        issuer = statement_issuer(token)  # "X issued the following statement: …": X speaks
        att.reporters.extend([issuer] if issuer is not None else [])
    return att


def _quoted_people(rep: Token, lex: SourceLexicon) -> list[Token]:
    """Unnamed people an outlet quotes or cites: "the daily quoted an unnamed official as
    saying", "the agency cited diplomats"."""
    verb = rep.head
    if rep.dep_ != "nsubj" or verb.lemma_.lower() not in _QUOTING:
        return []
    return [
        c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and is_anonymous(c, lex)
    ]


_QUOTING = frozenset({"quote", "cite"})


def _named_person(head: Token) -> bool:
    """A person named by name ("according to spokesperson Nikorndej Balankura"), whether or not
    the model tagged the name."""
    if head.ent_type_:
        return head.ent_type_ == "PERSON"
    return head.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children
    )


def pronoun_sources(rep: Token, lex: SourceLexicon) -> list[str]:
    """The unnamed sources a reporting pronoun refers back to: "…, Lebanese officials said.
    Hezbollah, they added, would …" — the last unnamed sources of the paragraph, at most two
    sentences back.  "He said" is left alone: it stands for a named speaker more often."""
    if rep.pos_ != "PRON" or rep.lower_ not in ("they", "them"):
        return []
    for prev in sentences_before(rep.sent, 2):
        named = [n for n, anonymous in _sentence_sources(prev, lex) if anonymous]
        if named:
            return named
    return []


def reporting_outlets(
    token: Token, lex: SourceLexicon, reporters: list[Token] | None = None
) -> list[Token]:
    """Outlets of a report noun above *token* or among its *reporters*: "denied a Financial
    Times report that …", "an article in Kommersant said …", "according to a story by Axios"."""
    nouns = source_words().report_nouns
    above = next(
        (a for a in list(token.ancestors)[:8] if a.lemma_.lower() in nouns or a.lower_ in nouns),
        None,
    )
    out: list[Token] = []
    for noun in [*([above] if above is not None else []), *(reporters or [])]:
        if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
            continue
        for child in noun.children:
            cands = [child] if child.dep_ in ("compound", "poss", "nmod") else []
            if child.dep_ == "prep" and child.lower_ in ("by", "in", "from", "on", "with"):
                cands = [g for g in child.children if g.dep_ == "pobj"]
            out.extend(c for c in cands if is_media(c, lex))
    return out


def outlet_named_after(head: Token, lex: SourceLexicon) -> str | None:
    """The outlet an unnamed "a newspaper report", "a television report" turns out to be: "The
    Kremlin denied a newspaper report that … The Financial Times had reported that …" — a
    named outlet reporting in the next two sentences (wire copy often gives each sentence a
    paragraph of its own)."""
    if head.pos_ != "NOUN" or any(
        c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children
    ):
        return None
    sent = head.sent
    doc = head.doc
    end = sent.end
    for _ in range(2):
        while end < len(doc) and doc[end].is_space:
            end += 1
        if end >= len(doc):
            return None
        nxt = doc[end].sent
        for tok in nxt:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.reporting:
                subj = verb_subject(tok)
                if subj is not None and subj.pos_ == "PROPN" and is_media(subj, lex):
                    ent = entity_of(subj)
                    return ent.text.removeprefix("The ") if ent is not None else source_name(subj)
        end = nxt.end
    return None


def _phrase_before(verb: Token) -> Token | None:
    """Head of the noun phrase that ends right before *verb* ("…, a source in the government
    | said"), climbing no further than an apposition."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].is_punct:
        i -= 1
    head = doc[i]
    for _ in range(6):
        if head.dep_ == "appos" or head.head.i >= verb.i or head.head.i == head.i:
            break
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def _orphan_reporters(token: Token, lex: SourceLexicon) -> list[Token]:
    """Unnamed or media sources the parser left without their verb: in "X wants Y, a source
    in the government said." the source may hang off Y as an apposition, leaving "said"
    with no subject.  The noun phrase that ends right before such a reporting verb above
    *token* is its subject."""
    cur = token
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() not in lex.reporting or cur.i == 0:
            continue
        if own_subject(cur):
            break
        head = _phrase_before(cur)
        if head is not None and (is_anonymous(head, lex) or is_media(head, lex)):
            return [head]
        break
    return []


def _trailing_reporters(token: Token, lex: SourceLexicon, *, named: bool = False) -> list[Token]:
    """The unnamed or media subject of a closing "…, Israeli media reported." that the parser
    hung somewhere other than above *token*: it covers everything before its comma.  With
    *named*, a named speaker or body there too ("…, Ukraine's foreign minister said.")."""
    sent = token.sent
    doc = sent.doc
    # the sentence's last four words, last first (read from the end, not the whole sentence)
    toks: list[Token] = []
    for i in range(sent.end - 1, sent.start - 1, -1):
        t = doc[i]
        if not (t.is_punct or t.is_space):
            toks.append(t)
            if len(toks) == 4:
                break
    if not toks:
        return []
    verb = None
    for t in toks:
        if t.lemma_.lower() in lex.reporting and t.pos_ == "VERB":
            verb = t
            break
    if verb is None or verb.i <= token.i:
        return []
    subj = verb_subject(verb) if own_subject(verb) else _phrase_before(verb)
    if subj is None or subj.i > verb.i:
        return []
    lo = subj.left_edge.i
    while lo > sent.start and sent.doc[lo - 1].dep_ in ("det", "poss", "amod", "compound"):
        lo -= 1
    if lo - 1 <= token.i or cur_text(sent.doc, lo - 1) not in (",", "\u2014", "--"):
        return []
    if is_media(subj, lex) or is_anonymous(subj, lex):
        return [subj]
    if named and subj.pos_ in ("PROPN", "NOUN"):
        return [subj]
    return []


def _unnamed_holder(head: Token, lex: SourceLexicon) -> bool:
    """Is the subject *head* an unnamed group of people ("Israeli officials", "a senior
    source") rather than a named speaker, an institution or a pronoun?"""
    if head.lemma_.lower() not in source_words().unnamed_holders and (
        head.lower_ not in source_words().unnamed_holders
    ):
        return False
    return head.pos_ == "NOUN" and is_anonymous(head, lex)


def _is_definite(head: Token) -> bool:
    """A bare definite description ("the people", "the two sources", "the officials")."""
    dets = [c for c in head.children if c.dep_ in ("det", "predet")]
    if not dets or dets[0].lower_ not in _DEFINITE:
        return False
    # "the officials who briefed reporters" or "the sources close to X" name themselves;
    # "the diplomat, who asked not to be named," does not
    return not any(
        c.dep_ in ("prep", "relcl", "acl") and not _asks_anonymity(c) for c in head.children
    )


#: What an unnamed source asks not to be ("named", "identified") or speaks on ("anonymity").
_ANONYMOUS_WORDS = frozenset({"name", "identify", "anonymity", "anonymously"})


def _asks_anonymity(clause: Token) -> bool:
    """ "who asked not to be named", "who spoke on condition of anonymity"."""
    return clause.dep_ == "relcl" and any(
        t.lemma_.lower() in _ANONYMOUS_WORDS for t in clause.subtree
    )


def _number(head: Token) -> str | None:
    nums = [c.lower_ for c in head.children if c.dep_ == "nummod"]
    return nums[0] if nums else None


def antecedent_sources(head: Token, lex: SourceLexicon) -> list[str]:
    """Full names behind a definite unnamed source: "the people said" after "two people with
    knowledge of the meeting said" gives that phrase and the outlet they spoke to."""
    group = partitive_group(head)
    if group is not None:
        head = group  # "one of the officials said": the officials named before
    if not _is_definite(head):
        return []
    if head.pos_ == "NOUN" and head.lemma_.lower() in source_words().media_heads:
        return _antecedent_outlet(head, lex)
    if not is_anonymous(head, lex):
        return []
    lemma, number = head.lemma_.lower(), _number(head)
    doc = head.doc
    best: Token | None = None
    for tok in reversed(doc[max(0, head.i - 400) : head.i]):
        if tok.pos_ != "NOUN" or tok.i == head.i or _is_definite(tok):
            continue
        if not is_anonymous(tok, lex):
            continue
        same = tok.lemma_.lower() == lemma
        num = _number(tok)
        if number is not None and num is not None and num != number:
            continue
        if same or lemma == "source" or (number is not None and num == number):
            best = tok
            break
    if best is None:
        return []
    names = [source_name(best)]
    verb = best.head if best.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and is_media(child, lex):
                names.append(source_name(child))
    return names


def _antecedent_outlet(head: Token, lex: SourceLexicon) -> list[str]:
    """The outlet "the newspaper", "the agency" or "the broadcaster" refers back to: the last
    outlet named before it."""
    for tok in reversed(head.doc[max(0, head.i - 400) : head.i]):
        if tok.pos_ == "PROPN" and (tok.dep_ != "compound") and is_media(tok, lex):
            ent = entity_of(tok)
            return [ent.text if ent is not None else source_name(tok)]
    return []


def _sentence_sources(sent: Span, lex: SourceLexicon) -> list[tuple[str, bool]]:
    """Unnamed and media sources a sentence states outright ("according to X", "X said",
    "X told Y")."""
    # whatever "according to" names is the attribution (a draft seen by the paper, a named body)
    out: list[tuple[str, bool]] = [
        (source_name(h), is_anonymous(h, lex)) for h in according_to(sent)
    ]
    heads = passive_reporters(sent, lex)
    for tok in sent:
        if tok.lemma_.lower() in lex.reporting and tok.pos_ in ("VERB", "AUX"):
            subj = verb_subject(tok)
            if subj is not None:
                heads.append(subj)
            heads.extend(c for c in tok.children if c.dep_ in ("dobj", "dative"))
    for head in heads:
        if is_media(head, lex):
            out.append((source_name(head), False))
        elif is_anonymous(head, lex) and head.pos_ == "NOUN":
            out.append((source_name(head), True))
            out.extend((n, True) for n in antecedent_sources(head, lex))
    return out


def _has_reporting(sent: Span, lex: SourceLexicon) -> bool:
    return any(
        t.lemma_.lower() in lex.reporting and t.pos_ in ("VERB", "AUX") or t.lower_ == "according"
        for t in sent
    )


def continued_sources(token: Token, lex: SourceLexicon) -> list[tuple[str, bool]]:
    """Sources of the sentence before, when *token*'s sentence continues its reported speech:
    same paragraph, no attribution of its own, and a backshifted modal ("… according to four
    sources.  Israel would in turn pull back …")."""
    sent = token.sent
    modals = source_words().continuation_modals
    clause = [token, *token.children]
    # "Riyadh is said to have offered …": reported, by the sources of the sentence before
    heard = hearsay(token) or (token.dep_ == "xcomp" and hearsay(token.head))
    if not heard and (not any(t.lower_ in modals for t in clause) or _has_reporting(sent, lex)):
        return []
    # walk back through the paragraph's sentences that continue the same reported speech (a
    # new paragraph starts a new attribution)
    for prev in sentences_before(sent, _CONTINUATION_REACH):
        found = _sentence_sources(prev, lex)
        if found or _has_reporting(prev, lex):
            return found  # a named speaker's own words end the chain
        if not heard and not any(t.lower_ in modals for t in prev):
            return []
    return []


#: How many sentences back a backshifted sentence may take its attribution from.
_CONTINUATION_REACH = 3


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
