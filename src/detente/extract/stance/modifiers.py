"""Stage 5, modifiers: negation, hedges, conditions, denials, sources, date, span."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from detente.extract import attribution as attr
from detente.extract.lexicon import (
    StanceLexicon,
    word_list,
)
from detente.extract.stance.lexis import (
    _PRONOUNS,
)
from detente.extract.stance.model import (
    Trigger,
    _Actor,
)
from detente.extract.stance.speechnouns import speech_noun
from detente.extract.stance.state import (
    _DocState,
)
from detente.extract.stance.syntax import (
    _chain,
    _denying_verbs,
    _head_span,
    _members,
    _open_quote,
    _sides,
    _subject,
    unowned_office,
)

_FALSITY = word_list("falsity_words")
#: Verbs that only voice a stance noun ("did not make an offer", "would not give any
#: commitment"): their negation is the noun's.
_VOICING = (
    word_list("light_verbs")
    | word_list("voicing_verbs")
    | frozenset({"give", "offer", "extend", "present", "table", "submit", "put"})
)


def _called_false(noun: Token) -> bool:
    """A report noun the sentence calls false after naming it ("reports that … were false",
    "a baseless report that …", "dismissed the report as fake")."""
    if any(c.dep_ == "amod" and c.lemma_.lower() in _FALSITY for c in noun.children):
        return True
    return any(t.lemma_.lower() in _FALSITY for t in noun.sent if t.i > noun.i)


def _verdict_use(verb: Token) -> bool:
    """ "considers unacceptable any deployment", "deems it necessary": a verdict, no hedge."""
    if verb.lemma_.lower() not in ("consider", "deem"):
        return False
    doc = verb.doc
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == "it":
        nxt += 1
    return nxt < len(doc) and doc[nxt].pos_ == "ADJ"


def _neither_confirmed(verb: Token) -> bool:
    """ "neither confirmed nor denied": no denial."""
    pair = [verb.head] if verb.dep_ == "conj" else [c for c in verb.children if c.dep_ == "conj"]
    return any(v.lemma_.lower() == "confirm" for v in pair)


#: Verbs whose negation belongs to what they introduce ("we do not believe Kyiv will accept",
#: "this does not mean Pyongyang will accept": the clause is denied, not asserted).
_NEG_RAISING = frozenset(
    {"think", "believe", "expect", "suppose", "imagine", "reckon", "mean", "imply", "signify"}
)


class ModifierStage:
    """Qualify a stance: negated, hedged, conditional, denied; its sources and span."""

    lex: StanceLexicon
    _resolve: Any
    _date_of: Any

    # -- modifiers ------------------------------------------------------------------------

    def _negated(self, tok: Token) -> bool:
        lex = self.lex
        chain = _chain(tok)
        if (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "aux", "neg") for c in tok.children)
            and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in tok.head.children)
            and (tok.tag_ == tok.head.tag_ or tok.tag_ == "VB")
        ):
            # "would never recognise Kosovo or accept its membership": the "never" is shared.
            chain = chain + _chain(tok.head)
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _VOICING:
            chain = chain + _chain(tok.head)  # "would not make territorial concessions"
        for t in chain:
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "not")):
                    return True
                if c.dep_ == "preconj" and c.lower_ == "neither":
                    return True  # "will neither tolerate nor condone …"
                if (
                    c.dep_ == "advmod"
                    and c.lower_ == "longer"
                    and any(d.lower_ == "no" for d in c.children)
                ):
                    return True  # "no longer considers itself bound by …"
                if c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "neither"):
                    return True
                if (c.dep_ == "nsubjpass" or (t.i == tok.i and self._refusable(c))) and any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children
                ):
                    return True  # "no roadmap could be signed", "would accept no Syrian forces"
            if t.i != tok.i and t.lower_ in lex.unwillingness:
                return True
        # "I don't think we need …", "we do not believe Kyiv will accept …": the negation of a
        # verb of opinion belongs to what it introduces
        top = chain[-1] if chain else tok
        opinion = top.head
        return (
            top.dep_ == "ccomp"
            and opinion.lemma_.lower() in _NEG_RAISING
            and any(c.dep_ == "neg" for c in opinion.children)
            and not any(c.dep_ == "neg" for c in top.children)
        )

    def _refusable(self, obj: Token) -> bool:
        """Whether a "no …" object refuses its verb: the object of a stance or concession verb
        ("would accept no foreign forces"), not of a voicing verb whose idiom already refuses
        ("has no interest in", "take no part in")."""
        lemma = obj.head.lemma_.lower()
        return (
            obj.dep_ == "dobj"
            and (lemma in self.lex.verbs or lemma in self.lex.concessions)
            and lemma not in _VOICING
        )

    def _hedged(self, tok: Token, clause: Token, state: _DocState) -> bool:
        lex = self.lex
        for t in _chain(tok):
            if t.i == tok.i and t.lemma_.lower() == "expect":
                continue  # "expected Kosovo to form …": a demand, not a forecast
            if (t.lemma_.lower() in lex.hedge_lemmas or t.lower_ in lex.hedge_lemmas) and not (
                _verdict_use(t)
            ):
                return True
            for c in t.children:
                if c.dep_ in ("aux", "advmod", "prep", "npadvmod", "acomp", "neg"):
                    if c.lower_ in lex.hedge_lemmas or c.lemma_.lower() in lex.hedge_lemmas:
                        return True
                    if any(s.i in state.hedge_tokens for s in c.subtree):
                        return True
        return False

    def _condition_scope(self, clause: Token) -> set[int]:
        """Heads a condition of this stance may hang from: the clause's verbs, and the reporting
        verb around it ("said X could agree …, but only if Y")."""
        heads = {t.i for t in _chain(clause)} | {clause.i}
        for c in clause.children:
            if c.dep_ in ("xcomp", "acomp", "advmod", "prep"):
                heads.add(c.i)
            elif (
                c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                heads.add(c.i)  # "would sign and ratify the treaty only after …": one act
        top = clause
        for _ in range(3):
            if top.dep_ in ("ccomp", "xcomp") and top.head.lemma_.lower() in self.lex.reporting:
                top = top.head
                heads.add(top.i)
            else:
                break
        return heads

    @staticmethod
    def _condition_of(root: Token, clause: Token, scope: set[int]) -> bool:
        """True when the condition at *root* qualifies the stance clause *clause*: it hangs
        from the clause (or its reporting verb), or sits inside the clause's complement without
        crossing into a coordinated clause of its own."""
        if root.i == clause.i:
            return False
        if root.head.i in scope:
            return True
        if (
            root.dep_ == "advcl"
            and root.left_edge.i == clause.right_edge.i + 1
            and root.left_edge.lower_ in ("only", "if", "unless", "until", "once", "provided")
            and not clause.is_ancestor(root)
        ):
            # "would sign the treaty only if Armenia removed …" with the condition hung on a
            # later verb by the parser: "only" opens it right where the stance clause ends
            return True
        cur = root
        for _ in range(10):
            if cur.head.i == cur.i:
                return False
            if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
                return False
            cur = cur.head
            if cur.i == clause.i:
                return True
        return False

    def _conditions(self, clause: Token, state: _DocState) -> list[str]:
        if not state.condition_roots:
            return []
        scope = self._condition_scope(clause)
        out: list[str] = []
        for root in state.condition_roots:
            if self._condition_of(root, clause, scope):
                toks = sorted(root.subtree, key=lambda t: t.i)
                span = root.doc[toks[0].i : toks[-1].i + 1]
                while span and (span[-1].is_punct or span[-1].dep_ == "cc"):
                    span = span[:-1]
                text = span.text.strip(" ,;")
                if text and text not in out:
                    out.append(text)
        return out

    def _denied(self, tok: Token) -> bool:
        lex = self.lex
        cur = tok
        via_report = False
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            dep = cur.dep_
            cur = cur.head
            if speech_noun(cur, lex.report_nouns):
                via_report = True
                if _called_false(cur):
                    return True  # "reports that Kyiv would cede land were false"
            if cur.lemma_.lower() in lex.denial_verbs and (via_report or dep == "ccomp"):
                return not _neither_confirmed(cur)
        return False

    def _denial_span(self, tok: Token, quote: Span) -> Span:
        """The denial and the stance it denies: "The Kremlin denied a report that …"."""
        for verb in _denying_verbs(tok, self.lex.denial_verbs)[:1]:
            subj = attr.verb_subject(verb)
            lo = min(quote.start, (subj.left_edge.i if subj is not None else verb.i))
            lo = max(lo, tok.sent.start)
            return tok.doc[lo : quote.end]
        return quote

    def _attribute(self, tok: Token, clause: Token, state: _DocState) -> attr.Attribution:
        """The attribution of the stance at *tok*, with the unnamed speaker of its transcript
        turn ("A:" answered by "a senior official") as a source."""
        att = attr.attribute(tok, self.lex.sources, clause)
        turn = state.turn_of(tok)
        if turn is not None and turn.source:
            att.add(turn.source, True)
        return att

    def _sources(
        self, att: attr.Attribution, actor: _Actor, state: _DocState
    ) -> tuple[list[str], bool]:
        sources = list(att.sources)
        anonymous = att.anonymous
        lex = self.lex.sources
        for rep in att.reporters:
            if rep.lower_ in _PRONOUNS:
                continue
            # an outlet is a source even when it is the holder's own ("the Belgrade daily")
            media = attr.is_media(rep, lex)
            refs = [self._resolve(_head_span(m)) for m in (_sides(rep) or _members(rep))]
            own_side = any(r is not None and r.id == actor.id for r in refs)
            if own_side and not media and not attr.is_anonymous(rep, lex):
                continue  # the holder's own named speaker, not a source
            if media or attr.is_anonymous(rep, lex):
                name = attr.source_name(rep)
                if name.lower() not in {s.lower() for s in sources}:
                    sources.append(name)
                anonymous = anonymous or attr.is_anonymous(rep, lex)
                continue
            ref = refs[0]
            if ref is not None and ref.id != actor.id and not unowned_office(rep, state.tracker.kb):
                name = attr.source_name(rep)
                if name.lower() not in {s.lower() for s in sources}:
                    sources.append(name)
        return sources, anonymous

    def _target(self, trig: Trigger, actor_id: str, state: _DocState) -> str | None:
        tok = trig.token
        cands: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN"):
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "upon") and trig.kind == "demand":
                cands.extend(p for p in c.children if p.dep_ == "pobj")
            elif c.dep_ == "ccomp":
                cands.extend(s for s in c.children if s.dep_ == "nsubj")
        for cand in cands:
            ref = self._resolve(_head_span(cand))
            if ref is not None and ref.id != actor_id:
                return ref.id
        return None

    def _date(self, span: Span, clause: Token, published: date | None) -> date | None:
        """When the stance was voiced: a time expression in its clause, else the report date."""
        when = self._date_of(span, published)
        return when if when is not None else published

    def _quote_span(self, trig: Trigger, clause: Token, state: _DocState) -> Span:
        """The stance clause: subject through complement, without trailing coordinated clauses."""
        doc = trig.token.doc
        sent = trig.token.sent
        lo = clause.left_edge.i
        hi = clause.i
        for c in clause.children:
            if (
                c.dep_ in ("conj", "cc", "parataxis")
                and c.i > trig.token.i
                and not (c.dep_ == "conj" and any(r.i == c.i for r in trig.content))
            ):
                continue
            if c.dep_ == "punct" and c.i > clause.i:
                continue
            hi = max(hi, c.right_edge.i)
        hi = max(hi, trig.token.i)
        if trig.cls == "noun":
            lo = min(lo, trig.token.left_edge.i)
            hi = max(hi, trig.token.right_edge.i)
        subj = _subject(trig.token) if trig.cls != "noun" else None
        if subj is None and trig.cls == "consequence" and trig.content:
            subj = trig.content[0]  # "any attack traced to its soil | will be answered"
        if subj is not None and subj.sent == sent and subj.i < lo:
            lo = subj.left_edge.i
        lo = max(lo, sent.start)
        hi = min(hi, sent.end - 1)
        turn = state.turn_of(trig.token)
        if turn is not None and doc[lo].idx < turn.body:
            # "MR. KIRBY: We call on …": the speaker label is not part of the quote
            while lo < hi and doc[lo].idx < turn.body:
                lo += 1
        acc = state.according_tokens(sent)

        def trim(t: Token) -> bool:
            return t.is_punct or t.is_space or t.i in acc or t.dep_ == "cc"

        while lo < hi and trim(doc[lo]):
            lo += 1
        while hi > lo and trim(doc[hi]):
            hi -= 1
        # Keep a closing quotation mark that belongs to the quoted words.
        if hi + 1 < sent.end and doc[hi + 1].text in ('"', "”", "’") and _open_quote(doc, lo, hi):
            hi += 1
        return doc[lo : hi + 1]
