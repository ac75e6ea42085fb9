"""Knowledge data and the gazetteer component: place and actor names become coded entities."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from detente.extract.kb import knowledge, split_codes
from detente.extract.places import place_country, place_name, places_in

ROOT = Path(__file__).resolve().parents[1]


def ents(nlp: Language, text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.label_, e.ent_id_) for e in nlp(text).ents}


def test_data_files_ship_with_the_package() -> None:
    files = resources.files("detente.knowledge")
    for name in (
        "places_generated.csv",
        "places.yaml",
        "actors.yaml",
        "leaders.yaml",
        "titles.yaml",
    ):
        assert files.joinpath(name).is_file(), name
    notice = files.joinpath("NOTICE.md").read_text(encoding="utf-8")
    assert "GeoNames" in notice and "ODbL" in notice


class _DuplicateKeys(yaml.SafeLoader):
    """A YAML loader that records keys given twice in one mapping (PyYAML keeps the last)."""

    found: list[str] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        self.found.extend(k for k in set(keys) if isinstance(k, str) and keys.count(k) > 1)
        return super().construct_mapping(node, deep=deep)


def test_knowledge_files_define_each_key_once() -> None:
    # a second list under the same name silently replaces the first
    for path in sorted((ROOT / "src" / "detente" / "knowledge").rglob("*.yaml")):
        _DuplicateKeys.found = []
        yaml.load(path.read_text(encoding="utf-8"), Loader=_DuplicateKeys)  # noqa: S506
        assert not _DuplicateKeys.found, f"{path.name}: {sorted(set(_DuplicateKeys.found))}"


def test_generated_table_has_countries_and_regions() -> None:
    text = resources.files("detente.knowledge").joinpath("places_generated.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    kinds = {r["kind"] for r in rows}
    assert kinds == {"country", "region", "capital"}
    codes = {r["code"] for r in rows}
    assert {"UKR", "RUS", "COD", "PSE", "XKX"} <= codes
    assert {"UA-23", "UA-43", "UA-40", "CD-NK", "SD-DN", "ET-TI", "AM-SU"} <= codes
    assert sum(r["kind"] == "country" for r in rows) > 240


def test_build_script_reproduces_the_committed_table(tmp_path: Path) -> None:
    out = tmp_path / "places.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_gazetteer.py"), str(out)],
        check=True,
        capture_output=True,
    )
    committed = resources.files("detente.knowledge").joinpath("places_generated.csv").read_text()
    assert out.read_text(encoding="utf-8") == committed


def test_knowledge_tables_are_consistent() -> None:
    kb = knowledge()
    assert kb.places["UA-23"].name == "Zaporizhzhia"
    assert kb.places["UA-43"].country == "UKR"
    assert kb.places["PS-WBK"].unofficial
    for leader in kb.leaders.values():
        assert leader.actor in kb.actor_names, leader
        assert leader.role in set(kb.titles.values()), leader
    for slug in kb.armed_groups:
        assert slug in kb.actor_names
    assert knowledge() is kb  # loaded once per process


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Russia holds much of Zaporizhzhia.", "Zaporizhzhia", "UA-23"),
        ("Troops left Zaporozhye last year.", "Zaporozhye", "UA-23"),
        ("Shelling hit Zaporizhia overnight.", "Zaporizhia", "UA-23"),
        ("Moscow annexed Crimea in 2014.", "Crimea", "UA-43"),
        ("The fleet is based in Sevastopol.", "Sevastopol", "UA-40"),
        ("Fighting continued in Lugansk.", "Lugansk", "UA-09"),
        ("It controls 70 percent of Donetsk region.", "Donetsk region", "UA-14"),
        ("Kyiv refuses to give up the Donbas.", "Donbas", "UA-14+UA-09"),
        ("Aid reached Gaza on Sunday.", "Gaza", "PS-GZA"),
        ("Settlers expanded in the West Bank.", "West Bank", "PS-WBK"),
        ("The rebels advanced in North Kivu.", "North Kivu", "CD-NK"),
        ("M23 fighters entered Goma in January.", "Goma", "CD-NK"),
        ("Baku retook Nagorno-Karabakh in 2023.", "Nagorno-Karabakh", "AZ-NKR"),
        ("The RSF besieged El Fasher for months.", "El Fasher", "SD-DN"),
        ("Eritrean troops remained in Tigray.", "Tigray", "ET-TI"),
        ("The DRC and Rwanda signed a deal.", "DRC", "COD"),
        ("Talks with Turkiye resumed.", "Turkiye", "TUR"),
    ],
)
def test_gazetteer_codes_places(nlp: Language, text: str, name: str, code: str) -> None:
    found = ents(nlp, text)
    assert name in found, found
    assert found[name][1] == code
    assert found[name][0] in {"GPE", "LOC"}


@pytest.mark.parametrize(
    ("text", "name", "label", "ent_id"),
    [
        ("The Kremlin said no.", "Kremlin", "ORG", "RUS"),
        ("Russian negotiators arrived.", "Russian", "NORP", "RUS"),
        ("Hamas accepted the plan.", "Hamas", "ORG", "hamas"),
        ("The Houthis fired missiles.", "Houthis", "ORG", "houthis"),
        ("Zelensky spoke to reporters.", "Zelensky", "PERSON", "person:UKR"),
        ("The White House declined to comment.", "White House", "ORG", "USA"),
        ("Brussels approved new sanctions.", "Brussels", "ORG", "eu"),
        ("Kyiv rejected the plan.", "Kyiv", "GPE", "city:UKR"),
        ("NATO allies met in Brussels.", "NATO", "ORG", "nato"),
    ],
)
def test_gazetteer_codes_actors(
    nlp: Language, text: str, name: str, label: str, ent_id: str
) -> None:
    found = ents(nlp, text)
    assert found.get(name) == (label, ent_id), found


def test_gazetteer_is_case_aware_for_acronyms_and_common_words(nlp: Language) -> None:
    found = ents(nlp, "He said it is up to us to chad the ballots, and the US agreed.")
    assert "us" not in found and "chad" not in found
    assert found["US"] == ("GPE", "USA")
    found = ents(nlp, "They polish a tusk while the band plays a waltz in male voices.")
    assert not any(v[1] for v in found.values()), found
    found = ents(nlp, "Polish Prime Minister Donald Tusk spoke. MOSCOW, Aug 3 - Waltz said no.")
    assert found["Polish"] == ("NORP", "POL")
    assert found["MOSCOW"] == ("GPE", "city:RUS")
    assert found["Waltz"] == ("PERSON", "person:USA")


def test_gazetteer_keeps_model_entities_elsewhere(nlp: Language) -> None:
    doc = nlp("Vladimir Putin met Jane Smithers of Acme Corporation in Zaporizhzhia on Friday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Zaporizhzhia"] == "GPE"
    assert labels.get("Friday") == "DATE"


def test_places_in_keeps_regions_and_located_countries(nlp: Language) -> None:
    doc = nlp(
        "Russia demands that Ukraine withdraw from Donetsk and Luhansk, "
        "and wants Western troops out of Ukraine."
    )
    assert places_in(doc) == ["UA-14", "UA-09", "UKR"]
    assert places_in(doc, countries_as_places=True) == ["RUS", "UKR", "UA-14", "UA-09"]


def test_places_in_land_adjectives(nlp: Language) -> None:
    doc = nlp(
        "Kinshasa wants Rwandan soldiers out of Congolese territory and no troops on Ukrainian soil."
    )
    assert places_in(doc) == ["COD", "UKR"]
    doc = nlp("Ukraine's army holds Ukraine's east, and Russia's envoy left.")
    assert places_in(doc) == ["UKR"]


def test_places_in_skips_capitals_and_dedups(nlp: Language) -> None:
    doc = nlp(
        "Kyiv said Crimea is Ukrainian and Crimea will stay so; Moscow disagreed about the Donbas."
    )
    assert places_in(doc) == ["UA-43", "UA-14", "UA-09"]


def test_place_names_and_countries() -> None:
    assert place_name("UA-23") == "Zaporizhzhia"
    assert place_name("UA-14+UA-09") == "Donetsk and Luhansk"
    assert place_name("UKR") == "Ukraine"
    assert place_name("XX-NOPE") == "XX-NOPE"
    assert place_country("CD-NK") == "COD"
    assert place_country("RUS") == "RUS"
    assert split_codes("city:RUS") == []
    assert split_codes("UA-14+UA-09") == ["UA-14", "UA-09"]


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        (
            "Clashes hit Abkhazia and South Ossetia. Tbilisi wants Russian troops out of both regions.",
            "Russian troops out of both regions",
            ["GE-AB", "GE-SOS"],
        ),
        (
            "A truce began in Gaza. Hamas insisted on a full Israeli pullout from the strip.",
            "a full Israeli pullout from the strip",
            ["PS-GZA"],
        ),
        (
            "Leaders in Tigray want the government to restore the region's old borders.",
            "restore the region's old borders",
            ["ET-TI"],
        ),
        (
            "The TPLF wants the region's old borders back and people home in Western Tigray.",
            "the region's old borders",
            ["ET-TI"],
        ),
    ],
)
def test_places_in_resolves_anaphora(
    nlp: Language, text: str, part: str, expected: list[str]
) -> None:
    doc = nlp(text)
    start = text.index(part)
    span = doc.char_span(start, start + len(part), alignment_mode="expand")
    assert span is not None
    assert places_in(span) == expected
    assert places_in(span, anaphora=False) == []


def test_places_in_without_antecedent(nlp: Language) -> None:
    doc = nlp("Officials said the region needs aid.")
    assert places_in(doc[1:]) == []


def test_entity_index_matches_spacy(nlp: Language) -> None:
    from detente.extract.entindex import ent_at, ents_in, forget

    doc = nlp(
        "Russia and Ukraine met in Istanbul on Friday; Zelensky spoke of Crimea and the Donbas."
    )
    assert [e.text for e in ents_in(doc)] == [e.text for e in doc.ents]
    for start, end in [(0, 3), (2, 9), (5, len(doc)), (0, 0)]:
        assert [(e.start, e.end) for e in ents_in(doc[start:end])] == [
            (e.start, e.end) for e in doc[start:end].ents
        ]
    crimea = next(e for e in doc.ents if e.text == "Crimea")
    assert ent_at(doc, crimea.start) == crimea
    assert ent_at(doc, 1) is None  # "and"
    doc.ents = []
    forget(doc)
    assert ents_in(doc) == []


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses repeated keys (which would silently drop data)."""


def _no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    repeated = {k for k in keys if keys.count(k) > 1}
    assert not repeated, f"repeated keys at line {node.start_mark.line + 1}: {repeated}"
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


@pytest.mark.parametrize("name", ["places.yaml", "actors.yaml", "leaders.yaml", "titles.yaml"])
def test_curated_files_have_no_repeated_keys(name: str) -> None:
    text = resources.files("detente.knowledge").joinpath(name).read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_StrictLoader)


def test_leader_names_are_unique() -> None:
    text = resources.files("detente.knowledge").joinpath("leaders.yaml").read_text(encoding="utf-8")
    names = [entry["name"] for entry in yaml.safe_load(text)]
    assert len(names) == len(set(names)), {n for n in names if names.count(n) > 1}


def test_single_word_leader_names_inside_other_names(nlp: Language) -> None:
    found = ents(
        nlp, "Anwar Gargash spoke after Karim Qassem. Putin Tuesday said no; Lavrov agreed."
    )
    assert found["Putin"] == ("PERSON", "person:RUS")
    assert found["Lavrov"] == ("PERSON", "person:RUS")
    assert not any(v[1] for k, v in found.items() if "Anwar" in k or "Qassem" in k), found


def test_stance_word_lists_are_data_and_shared() -> None:
    from detente.extract import gazetteer, timex
    from detente.extract.lexicon import kinds_map, phrase_list, word_list, word_map

    months = word_list("months")
    assert len(months) == 12 and "september" in months
    # one source for the calendar: the gazetteer and the time expressions use the same list
    assert months <= gazetteer._CALENDAR
    assert timex._HAS_MONTH.search("talks on Sept. 4") is not None
    assert timex._HAS_MONTH.search("a mayoral race") is None
    assert "the hard way" in phrase_list("threat_phrases")
    assert word_map("evaluations")["unacceptable"] == "reject"
    assert kinds_map("referring")["ultimatum"] == ("demand",)
    # YAML must not turn particles such as "on"/"off" into booleans
    assert {"on", "off"} <= word_list("particles")
    with pytest.raises(KeyError):
        word_list("no_such_list")
