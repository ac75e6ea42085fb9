"""Stage 4, issue: how strongly a unit's words, or a verb's object, name an issue."""

from __future__ import annotations

from spacy.tokens import Token

from detente.extract.stance.heads import halted_hostility, ruled_matter
from detente.extract.stance.lexis import _HANDOVER_NOUNS
from detente.extract.stance.model import _Unit
from detente.extract.stance.stakes import joint_patrol
from detente.extract.stance.state import _DocState

_RULED = ("territory", "recognition")  # the issues a word of rule decides (heads.ruled_matter)


class CueWeights:
    """Cue strengths, mixed into the issue stage, whose ``cue_words`` they read."""

    cue_words: dict[str, tuple[str, int]]

    def _cue_weight(self, issue: str, unit: _Unit, state: _DocState) -> int:
        """The strongest cue of *issue* among the unit's words and phrases (0 when none)."""
        best = 0
        ids = {t.i for t in unit.tokens}
        for t in unit.tokens:
            for key in (t.lemma_.lower(), t.lower_):
                hit = self.cue_words.get(key)
                if hit is not None and hit[0] == issue:
                    best = max(best, hit[1])
            # the shapes that decide an issue whatever the words ("stop hitting the ports")
            if (
                (issue == "ceasefire" and halted_hostility(t))
                or (issue == "security_guarantees" and joint_patrol(t))
                or (issue in _RULED and ruled_matter(t, _HANDOVER_NOUNS) == issue)
            ):
                best = 3
            for end, cue_issue, weight in state.cue_phrases.get(t.i, ()):
                if cue_issue == issue and all(i in ids for i in range(t.i, end)):
                    best = max(best, weight)
        return best

    def _object_cue(self, verb: Token, ids: set[int], state: _DocState) -> tuple[str, int]:
        """The strongest issue cue in the direct object of *verb* (within *ids*): its issue and
        weight, ("", 0) for none."""
        best = ("", 0)
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.i not in ids:
                continue
            for t in obj.subtree:
                if t.i not in ids or t.pos_ in ("DET", "PRON"):
                    continue
                hits = [self.cue_words.get(t.lemma_.lower()), self.cue_words.get(t.lower_)]
                hits += [(i, w) for _, i, w in state.cue_phrases.get(t.i, ())]
                for hit in hits:
                    if hit is not None and hit[1] > best[1]:
                        best = hit
        return best
