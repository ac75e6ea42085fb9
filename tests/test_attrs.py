"""The table form of the model's attribute ruler sets exactly what spaCy's own does."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.extract.attrs import FACTORY, TableAttributeRuler, use_table_ruler
from detente.extract.pipeline import load_model

TEXTS = [
    "Moscow insists Kyiv must pull its troops out of the Donbas before any truce is signed.",
    "The RSF said it won't attend the Jeddah talks; the army's envoy wasn't there either.",
    "Hamas is gonna study the Egyptian proposal, and Israel ain't ready to leave Rafah.",
    "Let's be clear, the M23 rebels gotta withdraw from Goma, Kinshasa's negotiator said.",
    "BAKU, Azerbaijan —  Aliyev and Pashinyan initialled the text.\n\n\tBoth sides agreed.",
    "'We want guarantees,' said Vucic. \"Kosovo's Serbs need them.\" Kurti disagreed!!",
    "Is the ceasefire holding? Nobody knows: 3 shells hit Kherson at 5:30 a.m. on Monday.",
]


def signature(doc: object) -> list[tuple[int, str, int, int]]:
    return [(t.pos, str(t.morph), t.lemma, t.tag) for t in doc]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def table() -> Language:
    return use_table_ruler(load_model())


def test_same_attributes_as_spacy(stock: Language, table: Language) -> None:
    assert FACTORY in table.pipe_names and "attribute_ruler" not in table.pipe_names
    for a, b in zip(stock.pipe(TEXTS), table.pipe(TEXTS), strict=True):
        assert signature(a) == signature(b), a.text


def test_rules_of_several_tokens_still_apply(table: Language) -> None:
    doc = table("They are gonna sign, ain't they?")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    ruler = table.get_pipe(FACTORY)
    assert isinstance(ruler, TableAttributeRuler)
    assert len(ruler.other) > 0 and len(ruler.simple) > 100


def test_later_rules_override_earlier_ones() -> None:
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "truce"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "truce", "TAG": "NN"}]], {"POS": "X"})
    ruler.add([[{"LOWER": "held"}]], {"POS": "X"})
    ruler.add([[{"LOWER": "held", "TAG": {"IN": ["VBD", "VBN"]}}]], {"LEMMA": "keep"})
    use_table_ruler(nlp)
    doc = nlp("The truce held.")
    assert [t.pos_ for t in doc[1:3]] == ["X", "X"]
    assert doc[2].lemma_ == "keep"


def test_unchanged_without_an_attribute_ruler() -> None:
    nlp = load_model()
    nlp.remove_pipe("attribute_ruler")
    names = list(nlp.pipe_names)
    assert use_table_ruler(nlp).pipe_names == names
