"""Answers in transcripts: stances whose object is the question they answer.

"Q: Will you accept federal control of the fields?  A: No." is a rejection of federal control by
the interviewee; "We're not going to do that" and "Yes, we welcome it" likewise take their issue
from the question when their own words name none.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from detente.extract.lexicon import word_list
from detente.extract.stance import confidence as conf
from detente.extract.stance.model import Trigger, _Unit
from detente.extract.stance.state import _DocState
from detente.extract.stance.turns import Turn, bare_answer
from detente.records import Claim

#: Words of a question asking whether an offer stands ("Is that offer still valid?").
_OFFER_WORDS = frozenset(
    {"offer", "offers", "proposal", "ready", "prepared", "willing", "open", "valid", "available"}
)
_TALK_VERBS = word_list("talk_verbs")
#: An answer points back only near its start (its first sentences).
_ANSWER_SENTENCES = 2


class AnswerStage:
    """Read answers in transcripts against the question they answer."""

    lex: Any
    _classify: Any
    _claim: Any
    _cue_weight: Any

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
        if turn is None or turn.asks or state.turns is None:
            return []
        question = state.turns.question_before(turn)
        if question is None or not self._opening(trig.token.sent, turn):
            return []
        toks = [t for r in trig.content for t in r.subtree]
        if any(
            not (t.is_stop or t.is_punct or t.pos_ in ("PRON", "DET", "AUX", "PART")) for t in toks
        ):
            return []  # the answer names its own object
        return [
            (issue, _Unit(trig.token, [trig.token], weight=weight))
            for issue, weight in self._question_issues(question, state)
        ]

    @staticmethod
    def _opening(sent: Span, turn: Turn) -> bool:
        """Is *sent* among the first sentences of *turn*?"""
        doc = sent.doc
        body = doc.char_span(turn.body, turn.end, alignment_mode="expand")
        if body is None:
            return False
        starts = [s.start for s in body.sents][:_ANSWER_SENTENCES]
        return any(sent.start <= i < sent.end for i in starts) or sent.start in starts

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
            issues = self._question_issues(question, state)
            if not issues:
                continue
            said = {
                (c.kind, c.issue)
                for c in claims
                if c.actor == turn.actor.id and turn.body <= c.start < turn.end
            }
            qtext = doc.text[question.body : question.end].lower()
            if answer == "no":
                kind = "reject"
            elif any(w in _OFFER_WORDS for w in qtext.replace("?", " ").split()):
                kind = "offer"
            else:
                kind = "accept"
            quote = sent
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
