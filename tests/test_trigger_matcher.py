"""The trigger matcher gives exactly what spaCy's Matcher gives for the stance patterns: the same
matches in the same order, on sentences written for these tests across several conflicts."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from detente.extract import Extractor
from detente.extract import stances as stances_mod
from detente.extract.stance.matching import TriggerMatcher
from detente.records import normalize_text

TEXTS = [
    # one-token triggers of every part of speech, several on one token
    "Baku demanded that Yerevan hand over the enclaves, and Yerevan rejected the demand outright.",
    "Khartoum is ready to accept a truce in El Fasher but unwilling to withdraw from the capital.",
    "The Kremlin offered to release 40 prisoners; Kyiv's refusal to cede Kherson was unchanged.",
    "Seoul threatens sanctions. Pyongyang rejects talks.",
    "There is no immediate plan to reopen the crossing at Rafah, an Egyptian official said.",
    "The main points of the plan were a ceasefire and the return of displaced families to Goma.",
    "Kigali considered it necessary to keep troops near the border, calling the demand unacceptable.",
    # multi-token idioms and frames, some ending on a token where one-token patterns also match
    "Washington gave the green light to the deal and threw its weight behind the Qatari mediators.",
    "Belgrade poured cold water on the proposal and said no to any recognition of Pristina.",
    "For Ankara, the corridor is not on the table; the status of Nagorno-Karabakh is non-negotiable.",
    "Tehran reserved the right to respond, while Riyadh came out firmly against a partition.",
    "Juba spoke strongly in favour of a referendum, and the talks were held in abeyance.",
    "Manila is firmly against the deployment. Kinshasa remains in favour of a regional force.",
    "The rebels said the army must be withdrawn first and that they were not bound by the accord.",
    "Delhi is adamant that the line of control must stay; Islamabad's position is that it cannot.",
    "ISRAEL REJECTS HAMAS PLAN FOR GAZA - MINISTER",
    "",
]


@pytest.fixture(scope="module")
def both(ex: Extractor) -> tuple[TriggerMatcher, Matcher]:
    """The stance component's matcher and spaCy's built from the same patterns."""
    ours = stances_mod.StanceComponent(ex.nlp).matcher
    original = stances_mod.TriggerMatcher
    stances_mod.TriggerMatcher = Matcher  # type: ignore[misc,assignment]
    try:
        theirs = stances_mod.StanceComponent(ex.nlp).matcher
    finally:
        stances_mod.TriggerMatcher = original  # type: ignore[misc]
    assert isinstance(ours, TriggerMatcher) and isinstance(theirs, Matcher)
    return ours, theirs


def test_same_matches_in_the_same_order(ex: Extractor, both) -> None:
    ours, theirs = both
    with ex.nlp.select_pipes(disable=[stances_mod.FACTORY]):
        docs = [ex.nlp(normalize_text(t)) for t in TEXTS]
    labels = set()
    for doc in docs:
        expected = theirs(doc)
        assert ours(doc) == expected, doc.text
        # sentence by sentence too: matches at the very start and end of a doc
        for sent in doc.sents:
            part = sent.as_doc()
            assert ours(part) == theirs(part), sent.text
        labels |= {ex.nlp.vocab.strings[k] for k, _, _ in expected}
    # the sentences exercise one-token and multi-token patterns alike
    assert {"VERB", "NOUN", "ADJ", "HEADVERB", "NOPLAN", "OFFTABLE", "NEEDED"} <= labels
    assert any(label.startswith("IDIOM|") for label in labels)
    assert any(label.startswith("FRAME|") for label in labels)


def test_unparsed_doc_fails_like_spacy(both) -> None:
    ours, theirs = both
    doc = spacy.blank("en")("Minsk proposed new talks.")
    with pytest.raises(ValueError) as mine:
        ours(doc)
    with pytest.raises(ValueError) as spacys:
        theirs(doc)
    assert str(mine.value) == str(spacys.value)


def test_one_token_patterns_by_lookup(ex: Extractor) -> None:
    m = TriggerMatcher(ex.nlp.vocab)
    m.add("ASK", [[{"LEMMA": {"IN": ["demand", "call"]}, "POS": "VERB"}]])
    m.add("ASK", [[{"LOWER": "demanded"}]])  # same key, same token: kept once
    m.add("PAIR", [[{"LOWER": "called"}, {"LOWER": "for"}]])
    doc = ex.nlp("Hanoi demanded a truce and called for talks.")
    got = [(ex.nlp.vocab.strings[k], doc[s:e].text) for k, s, e in m(doc)]
    assert got == [("ASK", "demanded"), ("ASK", "called"), ("PAIR", "called for")]


def test_unsupported_patterns_are_refused(ex: Extractor) -> None:
    m = TriggerMatcher(ex.nlp.vocab)
    with pytest.raises(ValueError, match="attribute"):
        m.add("SHAPE", [[{"SHAPE": "Xxxx"}]])
    with pytest.raises(ValueError, match="shape"):
        m.add("TAIL", [[{"LOWER": "talks"}, {"LOWER": "resumed", "OP": "?"}]])


def test_windows_hold_every_match(ex: Extractor) -> None:
    """Matching only near each pattern's rarest required token finds what a whole-doc pass finds:
    long repeated runs, optional tokens, matches close together and at both ends of the doc."""
    patterns = {
        "TIE": [
            [
                {"LEMMA": "tie"},
                {"IS_PUNCT": False, "POS": {"NOT_IN": ["VERB", "AUX"]}, "OP": "+"},
                {"LOWER": "to"},
            ]
        ],
        "TERMS": [
            [
                {"LEMMA": "make"},
                {"IS_PUNCT": False, "POS": {"NOT_IN": ["VERB", "AUX"]}, "OP": "+"},
                {"LOWER": "conditional"},
                {"LOWER": "on"},
            ]
        ],
        "SIDE": [[{"LEMMA": "be"}, {"POS": "ADV", "OP": "*"}, {"LOWER": "against"}]],
        "DOOR": [
            [
                {"LEMMA": {"IN": ["close", "shut"]}},
                {"LOWER": "the", "OP": "?"},
                {"LOWER": "door"},
                {"LOWER": "on"},
            ]
        ],
        "FOR": [[{"ORTH": ","}, {"LOWER": "for"}, {"POS": "PROPN", "OP": "+"}, {"ORTH": ","}]],
    }
    ours = TriggerMatcher(ex.nlp.vocab)
    theirs = Matcher(ex.nlp.vocab)
    for key, pats in patterns.items():
        ours.add(key, pats)
        theirs.add(key, pats)
    texts = [
        "Kabul made clear that it made the return of all twenty foreign aid workers and their "
        "families conditional on a pledge, and made no other demand.",
        "Hanoi tied the release of every one of the remaining detained fishermen to a truce.",
        "Quito was against it. Lima is still very firmly against the plan, and closed the door "
        "on talks; Bogota shut door on them too.",
        "In the end, for South Sudan People's Defence Forces, the vote was final, an aide said.",
        "closed the door on",
        "Nobody mentioned any of it.",
    ]
    with ex.nlp.select_pipes(disable=[stances_mod.FACTORY]):
        docs = [ex.nlp(t) for t in texts]
    found = 0
    for doc in docs:
        expected = theirs(doc)
        assert ours(doc) == expected, doc.text
        found += len(expected)
    assert found >= 6


def test_overlapping_patterns_in_one_window_keep_spacys_order(ex: Extractor) -> None:
    """A window matched with only the patterns placed in it: patterns of several keys that
    overlap, share a last token or repeat a run keep the order the whole matcher gives."""
    patterns = {
        "DROP": [[{"LEMMA": "drop"}, {"LOWER": "its", "OP": "?"}, {"LOWER": "demand"}]],
        "DEMAND_FOR": [[{"LOWER": "demand"}, {"LOWER": "for"}]],
        "ITS_DEMAND": [[{"LOWER": "its"}, {"LOWER": "demand"}]],
        "RUN": [[{"LEMMA": "drop"}, {"IS_PUNCT": False, "OP": "+"}, {"LOWER": "for"}]],
        "FAR": [[{"LOWER": "island"}, {"LOWER": "chain"}]],
    }
    ours = TriggerMatcher(ex.nlp.vocab)
    theirs = Matcher(ex.nlp.vocab)
    for key, pats in patterns.items():
        ours.add(key, pats)
        theirs.add(key, pats)
    texts = [
        "Tbilisi dropped its demand for a new monitoring mission after the vote.",
        "Dili will drop demand for the island chain, but not its demand for a survey.",
        "Nobody dropped anything; the island chain stayed disputed.",
    ]
    with ex.nlp.select_pipes(disable=[stances_mod.FACTORY]):
        docs = [ex.nlp(t) for t in texts]
    found = 0
    for doc in docs:
        expected = theirs(doc)
        assert ours(doc) == expected, doc.text
        found += len(expected)
    assert found >= 8
