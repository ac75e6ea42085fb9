"""Answers in transcripts: stances whose object is the question they answer.

"Q: Will you accept federal control of the fields?  A: No." is a rejection of federal control by
the interviewee; "We're not going to do that" and "Yes, we welcome it" likewise take their issue
from the question when their own words name none.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from detente.extract.doctext import doc_text
from detente.extract.lexicon import word_list
from detente.extract.stance import confidence as conf
from detente.extract.stance.content import SEQUENCING
from detente.extract.stance.model import Trigger, _Unit
from detente.extract.stance.state import _DocState
from detente.extract.stance.turns import Turn, bare_answer
from detente.records import Claim

#: Words of a question asking whether an offer stands ("Is that offer still valid?").
_OFFER_WORDS = frozenset(
    {"offer", "offers", "proposal", "ready", "prepared", "willing", "open", "valid", "available"}
)
_TALK_VERBS = word_list("talk_verbs")
#: Common nouns that name a side ("the army", "the rebels").
_PARTIES = word_list("agent_nouns") | word_list("party_nouns")
#: States of a finished effort asked about ("Is the plan dead?", "Is the deal off?").
_DEMISE = word_list("demise_words")
#: Words of the speaker's own text, which a "No" to its demise keeps on offer.
_PLAN_WORDS = ("plan", "proposal", "offer", "initiative", "framework", "your text")
#: An answer points back only near its start (its first sentences).
_ANSWER_SENTENCES = 2


class AnswerStage:
    """Read answers in transcripts against the question they answer."""

    lex: Any
    _classify: Any
    _claim: Any
    _cue_weight: Any
    _resolve_tok: Any

    def _question_issues(self, question: Turn, state: _DocState) -> list[tuple[str, int]]:
        """The issue a question is about: its asking sentence first, else the whole turn.  The
        one asked ("Will the administration …?"), people's names and the stance words of the
        question ("Would you accept that?") are not what it is about."""
        doc = state.doc
        span = doc.char_span(question.body, question.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        sents = [s for s in span.sents if any(not t.is_space for t in s)]
        asking = [s for s in sents if s.text.rstrip().endswith("?")]
        lex = self.lex
        stance_words = lex.verbs.keys() | lex.nouns.keys() | lex.willingness | lex.unwillingness

        def about(group: list[Span]) -> list[Token]:
            asked = {
                t.i
                for s in group
                for c in s.root.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for t in c.subtree
            }
            # "the idea of European troops after a deal?": when, not what is asked about
            asked |= {
                t.i
                for s in group
                for p in s
                if p.dep_ == "prep" and p.lower_ in SEQUENCING
                for t in p.subtree
            }
            return [
                t
                for s in group
                for t in s
                if span.start <= t.i < span.end
                and t.i not in asked
                and t.ent_type_ != "PERSON"
                and not (t.dep_ == "compound" and t.head.ent_type_ == "PERSON")
                and t.lemma_.lower() not in stance_words
            ]

        if asking and any(t.lemma_.lower() in _TALK_VERBS and t.pos_ == "VERB" for t in asking[-1]):
            return [("process", 2)]  # "Is the president prepared to speak to Xi about this?"
        for group, floor in (([asking[-1]] if asking else [], 2), (sents, 2), (sents, 1)):
            toks = about(group)
            if not toks:
                continue
            issue = self._classify(group[-1].root, toks, state, min_weight=floor)
            if issue is not None:
                weight = self._cue_weight(issue, _Unit(group[-1].root, toks), state)
                return [(issue, weight)]
        return []

    def _answer_issues(self, trig: Trigger, state: _DocState) -> list[tuple[str, _Unit]]:
        """The question's issue for a stance in an answer whose object only points back ("we
        welcome it", "we're not going to do that"); empty elsewhere."""
        turn = state.turn_of(trig.token)
        asked = None
        if turn is None:
            sent = trig.token.sent
            asked = asked_clause(sent)
            if asked is None and sent.start > 0:
                # 'Asked whether …, he replied: "Not now. That is not on the table."'
                asked = asked_clause(sent.doc[sent.start - 1].sent)
        question = None
        if turn is not None and not turn.asks and state.turns is not None:
            question = state.turns.question_before(turn)
            if question is not None and not self._opening(trig.token.sent, turn):
                question = None
        if question is None and (asked is None or trig.token.i in {t.i for t in asked.subtree}):
            return []
        toks = [t for r in trig.content for t in r.subtree]
        if any(
            not (t.is_stop or t.is_punct or t.pos_ in ("PRON", "DET", "AUX", "PART")) for t in toks
        ):
            return []  # the answer names its own object
        found = (
            self._question_issues(question, state)
            if question is not None
            else self._asked_issues(asked, state)
            if asked is not None
            else []
        )
        return [(issue, _Unit(trig.token, [trig.token], weight=weight)) for issue, weight in found]

    def _asked_issues(self, asked: Token, state: _DocState) -> list[tuple[str, int]]:
        """The issue of "Asked whether Moscow would accept X, …": what the clause asks about."""
        stance_words = self.lex.verbs.keys() | self.lex.nouns.keys() | self.lex.willingness
        toks = [
            t
            for t in asked.subtree
            if t.i != asked.i
            and t.ent_type_ != "PERSON"
            and t.lemma_.lower() not in stance_words
            and not (t.dep_ in ("nsubj", "nsubjpass") and t.head.i != asked.i)
        ]
        if not toks:
            return []
        issue = self._classify(asked, toks, state, min_weight=1)
        if issue is None:
            return []
        return [(issue, self._cue_weight(issue, _Unit(asked, toks), state))]

    def _asked_answers(self, doc: Doc, state: _DocState, claims: list[Claim]) -> None:
        """ "Asked whether Kyiv would cede the region, the minister replied: 'No.'": a bare reply
        in reported speech rejects (or accepts) what the reporter asked about."""
        if "sked" not in doc_text(doc):
            return
        for sent in doc.sents:
            asked = asked_clause(sent)
            if asked is None:
                continue
            verb = asked.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or verb.lemma_.lower() not in self.lex.sources.reporting:
                continue
            after = [t for t in sent if t.i > max(verb.i, subj.i) and not t.is_punct]
            reply = doc[after[0].i : sent.end] if after else None
            if reply is None and sent.end < len(doc):
                reply = next(iter(doc[sent.end :].sents), None)
            if reply is None:
                continue
            first = next((t for t in reply if not t.is_punct and not t.is_space), None)
            if first is None:
                continue
            answer = bare_answer(doc[first.i : first.sent.end])
            if answer is None:
                continue
            actors = self._resolve_tok(subj, verb, state, False)
            if not actors:
                continue
            issues = self._asked_issues(asked, state)
            if not issues:
                continue
            asked_text = " ".join(t.lower_ for t in asked.subtree)
            kind = "reject" if answer == "no" else _yes_kind(asked_text)
            quote = doc[first.i : first.sent.end]
            while len(quote) > 1 and (quote[-1].is_punct or quote[-1].is_space):
                quote = quote[:-1]
            # "Not now. That is not on the table.": the words after the reply say it already
            until = quote.sent.end_char
            if quote.sent.end < len(doc):
                until = doc[quote.sent.end].sent.end_char
            for actor in actors:
                if any(
                    c.actor == actor.id and c.kind == kind and sent.start_char <= c.start < until
                    for c in claims
                ):
                    continue
                for issue, weight in issues:
                    claim = self._claim(actor, kind, issue, quote, quote, ordinal=len(claims))
                    claim.signals = [
                        "trigger=answer",
                        "holder=named",
                        f"kind={kind}",
                        conf.cue_signal(weight),
                        "derived=main",
                    ]
                    claims.append(claim)

    @staticmethod
    def _opening(sent: Span, turn: Turn) -> bool:
        """Is *sent* among the first sentences of *turn*?"""
        doc = sent.doc
        body = doc.char_span(turn.body, turn.end, alignment_mode="expand")
        if body is None:
            return False
        starts = [s.start for s in body.sents][:_ANSWER_SENTENCES]
        return any(sent.start <= i < sent.end for i in starts) or sent.start in starts

    def _asks_of_another(self, question: Turn, turn: Turn, state: _DocState) -> bool:
        """Whether the asking sentence of *question* is about what another named side did or
        will do ("Has the army agreed to send a delegation?"), not the answerer's own view."""
        root = _asking_root(question, state)
        if root is None or turn.actor is None:
            return False
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("you", "we", "it", "that", "this", "there"):
            return False
        if subj.pos_ != "PROPN" and not subj.ent_type_ and subj.lemma_.lower() not in _PARTIES:
            return False  # "Is your initiative dead?": a thing, asked of the answerer
        found = self._resolve_tok(subj, root, state, False)
        return bool(found) and all(a.id != turn.actor.id for a in found)

    def _bare_answers(self, doc: Doc, state: _DocState, claims: list[Claim]) -> None:
        """ "No." / "Yes, …" / "Not at this stage." opening an answer: the speaker rejects or
        accepts what the question asked about."""
        if state.turns is None:
            return
        for turn in state.turns.turns:
            if turn.asks or turn.actor is None:
                continue
            question = state.turns.question_before(turn)
            if question is None:
                continue
            body = doc.char_span(turn.body, turn.end, alignment_mode="expand")
            if body is None or not len(body):
                continue
            first = body[0]
            sent = doc[first.i : min(first.sent.end, body.end)]
            answer = bare_answer(sent)
            if answer is None:
                continue
            if any(
                c.actor == turn.actor.id and sent.start_char <= c.start < sent.end_char
                for c in claims
            ):
                continue  # "Yes, we welcome it": the stance is already read from its verb
            if self._asks_of_another(question, turn, state):
                continue  # "Has the army agreed to come?" "Not yet.": news of another side
            issues = self._question_issues(question, state)
            if not issues:
                continue
            said = {
                (c.kind, c.issue)
                for c in claims
                if c.actor == turn.actor.id and turn.body <= c.start < turn.end
            }
            qtext = doc_text(doc)[question.body : question.end].lower()
            kind = "reject" if answer == "no" else _yes_kind(qtext)
            if answer == "no" and _demise(question, state):
                # "Is the plan dead?" "No.": the plan stands
                kind = "offer" if any(w in qtext for w in _PLAN_WORDS) else "accept"
            quote = sent
            while len(quote) > 1 and quote[-1].is_space:
                quote = quote[:-1]  # a one-sentence turn ends with the paragraph break
            for issue, weight in issues:
                if (kind, issue) in said:
                    continue  # "No. We will never accept …": the next sentence says it
                claim = self._claim(turn.actor, kind, issue, quote, quote, ordinal=len(claims))
                claim.signals = [
                    "trigger=answer",
                    "holder=turn",
                    f"kind={kind}",
                    conf.cue_signal(weight),
                    "derived=main",
                ]
                claims.append(claim)


def _demise(question: Turn, state: _DocState) -> bool:
    """Whether *question* asks if something is finished ("Is the plan dead?", "Are the talks
    over?"), so that a "No" keeps it standing: the asking sentence's copula says so."""
    root = _asking_root(question, state)
    return (
        root is not None
        and root.lemma_ == "be"
        and any(
            c.dep_ in ("acomp", "advmod", "attr", "prt") and c.lower_ in _DEMISE
            for c in root.children
        )
    )


def _asking_root(question: Turn, state: _DocState) -> Token | None:
    """The root of the last sentence of *question* that asks (ends with "?"), if any."""
    span = state.doc.char_span(question.body, question.end, alignment_mode="expand")
    asking = [s for s in span.sents if s.text.rstrip().endswith("?")] if span is not None else []
    return asking[-1].root if asking else None


def _yes_kind(question: str) -> str:
    """ "Yes" to "Is the offer still valid?" offers; to "Would you back it?" accepts."""
    words = question.replace("?", " ").replace(",", " ").split()
    return "offer" if any(w in _OFFER_WORDS for w in words) else "accept"


def asked_clause(sent: Span) -> Token | None:
    """The "Asked whether …" / "When asked about …" participle heading *sent*'s clause."""
    for t in sent[:3]:
        if (
            t.lower_ == "asked"
            and t.tag_ == "VBN"
            and t.dep_ == "advcl"
            and any(c.dep_ in ("ccomp", "prep", "xcomp", "advcl") for c in t.children)
        ):
            return t
    return None
