"""Word lists and idiom patterns the stance stages share (data in knowledge/)."""

from __future__ import annotations

from typing import Any

from detente.extract.lexicon import (
    kinds_map,
    phrase_list,
    word_list,
    word_map,
)
from detente.extract.quantities import NUMBER_WORDS

_MODALS = word_list("modals")
_PRONOUNS = word_list("pronouns")
#: "asked not to be named / identified / quoted"
_ANONYMITY = word_list("anonymity")
_ATTENDING = word_list("attending_verbs")
_PARTY_NOUNS = word_list("party_nouns")
_PLACEHOLDERS = word_list("placeholders")
_LIGHT_VERBS = word_list("light_verbs")
_BENEFICIARIES = word_list("beneficiaries")
_CONSEQUENCE_VERBS = word_list("consequence_verbs")
_PENALTY_NOUNS = word_list("penalty_nouns")
_PLAN_NOUNS = word_list("plan_nouns")
_GROUP_NOUNS = word_list("group_nouns")
_TROOPS = word_list("troops")
_DECLARATIVE = word_list("declarative")
_AGENT_NOUNS = word_list("agent_nouns")
_ADDRESSEES = word_list("addressees")
_NEUTRAL_EVENTS = word_list("neutral_events")
_NECESSARY = word_list("necessary")
_SIDE_NOUNS = word_list("side_nouns")
_ACTION_NOUNS = word_list("action_nouns")
_GENERIC_DEALS = word_list("generic_deals")
_COOP_PROCESS = word_list("coop_process")
_STATE_NOUNS = word_list("state_nouns")
_GROUP_SUBJECTS = word_list("group_subjects")
_WAR_WORDS = word_list("war_words")
_INSTITUTIONS = word_list("institutions")
#: Complement dependencies of a verb trigger.
_VERB_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp"})
_CONTENT_PREPS = word_list("content_preps")
_NOUN_CONTENT_DEPS = frozenset({"prep", "acl", "ccomp", "relcl", "amod", "compound"})
_KIND_FLIP = {"accept": "reject", "reject": "accept", "offer": "reject"}
#: Words of wanting whose negation rejects what is wanted ("does not need outside mediation").
_NEED_WORDS = frozenset({"need", "want", "require", "necessity"})

_REFERRING = kinds_map("referring")
_ANAPHOR_REACH = 600
_OWN_STEPS = word_list("own_steps")
_ACCUSING = word_list("accusing")
_EVALUATIONS = word_map("evaluations")
_JUDGED = word_list("judged")
_DETS: dict[str, Any] = {
    "LOWER": {"IN": ["the", "its", "their", "his", "her", "a", "an"]},
    "OP": "?",
}
_SELF: dict[str, Any] = {"LOWER": {"IN": ["itself", "themselves", "himself", "herself"]}}
#: Multi-word stance idioms: the first token is the verb, the last the preposition whose
#: object is the content.
_IDIOMS: dict[str, list[list[dict[str, Any]]]] = {
    "accept": [
        [{"LEMMA": "give"}, _DETS, {"LOWER": "green"}, {"LOWER": "light"}, {"LOWER": "to"}],
        [
            {"LEMMA": "give"},
            _DETS,
            {"LOWER": {"IN": ["blessing", "nod", "go-ahead", "approval", "backing", "assent"]}},
            {"LOWER": "to"},
        ],
        [{"LEMMA": "say"}, {"LOWER": "yes"}, {"LOWER": "to"}],
        [{"LEMMA": "throw"}, _DETS, {"LOWER": "weight"}, {"LOWER": "behind"}],
        [{"LEMMA": "sign"}, {"LOWER": "up"}, {"LOWER": "to"}],
    ],
    "reject": [
        [{"LEMMA": "say"}, {"LOWER": "no"}, {"LOWER": "to"}],
        [{"LEMMA": "distance"}, _SELF, {"LOWER": "from"}],
        [{"LEMMA": "stand"}, {"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "way"}, {"LOWER": "of"}],
        [{"LEMMA": "pour"}, {"LOWER": "cold"}, {"LOWER": "water"}, {"LOWER": "on"}],
        [{"LEMMA": "slam"}, {"LOWER": "the"}, {"LOWER": "door"}, {"LOWER": "on"}],
        [{"LEMMA": "pull"}, {"LOWER": "the"}, {"LOWER": "plug"}, {"LOWER": "on"}],
        [{"LEMMA": "turn"}, _DETS, {"LOWER": "back"}, {"LOWER": "on"}],
        # "spoke out against the deployment", "came out firmly against any partition"
        [
            {"LEMMA": {"IN": ["speak", "come"]}},
            {"LOWER": {"IN": ["out", "strongly", "firmly", "categorically"]}, "OP": "*"},
            {"LOWER": "against"},
        ],
    ],
    # "spoke in favour of X": acceptance of a plan, a call for anything else (decided on use)
    "support": [
        [
            {"LEMMA": {"IN": ["speak", "come", "argue", "vote", "declare"]}},
            {"LOWER": {"IN": ["out", "strongly", "firmly", "unequivocally"]}, "OP": "?"},
            {"LOWER": "in"},
            {"LOWER": {"IN": ["favour", "favor"]}},
            {"LOWER": "of"},
        ],
    ],
    # "reserved the right to a firm response", "reserves the right to respond"
    "threaten": [[{"LEMMA": "reserve"}, _DETS, {"LOWER": "right"}, {"LOWER": "to"}]],
}
_HANDOVER_NOUNS = word_list("handover_nouns")
_BREAK_OFF = word_list("break_off")
_TALKS = word_list("talks")
_EXIT_VERBS = word_list("exit_verbs")
_INTENT_VERBS = word_list("intent_verbs")
_PEOPLE = word_list("people")
_CONTENT_OF = word_list("content_of")
_PLAN_VERBS = word_list("plan_verbs")
_DOCUMENT_VERBS = word_list("document_verbs")
_FORCE_WORDS = word_list("force_words")
_THREAT_PHRASES = phrase_list("threat_phrases")
_NO_PLAN_NOUNS = word_list("no_plan_nouns")
_NO_COMMENT = word_list("no_comment")
_DETAIL_NOUNS = word_list("detail_nouns")
_TERM_NOUNS = word_list("term_nouns")
_OUTCOME_VERBS = word_list("outcome_verbs")
_ANAPHORIC_DETS = word_list("anaphoric_dets")
_AS_VERBS = word_list("as_verbs")
_AS_ROLE_VERBS = word_list("as_role_verbs")
_AS_ROLE_STEPS = word_list("as_role_steps")
_PARTICLES = word_list("particles")
_EASING = word_list("easing")
_GAINS = word_list("gains")
_RESTRAINTS = word_list("restraints")
_DEAL_VERBS = word_list("deal_verbs")
_DEAL_OBJECTS = word_list("deal_objects")
_DECLARE_VERBS = word_list("declare_verbs")
_TRUCE_NOUNS = word_list("truce_nouns")
_CONCESSION_PHRASALS = phrase_list("concession_phrasals")
_PAIR_NOUNS = word_list("pair_nouns")
_PAIR_ADJECTIVES = word_list("pair_adjectives")
_MENACE_VERDICTS = word_list("menace_verdicts")
_DISPOSITION_NOUNS = word_list("disposition_nouns")
_NOUN_ONLY_CUES = word_list("noun_only_cues")
_VERB_ONLY_CUES = word_list("verb_only_cues")
_FREE_TO = word_list("free_to_words")
#: "the three governments": small counts of parties, spelled out.
_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 8}
