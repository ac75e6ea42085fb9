"""Places a stance is about and the sources it is attributed to, on short reports written for
these tests across several conflicts (Myanmar, Sudan, the South Caucasus, Gaza, Moldova, the
Philippines, Korea, Ukraine, Syria)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from detente.evaluate import source_found
from detente.extract import Extractor, placeref
from detente.extract.attribution import attribute, is_media
from detente.extract.lexicon import stance_lexicon
from detente.extract.places import places_in
from detente.records import Claim, Report, normalize_text


@pytest.fixture(scope="module")
def nlp(ex: Extractor) -> Language:
    return ex.nlp


def span_of(doc: Doc, text: str) -> Span:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None
    return span


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def sources_of(nlp: Language, text: str, at: str) -> list[str]:
    doc = nlp(text)
    return attribute(word(doc, at), stance_lexicon().sources).sources


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(Report(text=normalize_text(text))).claims


# -- places ------------------------------------------------------------------------------------


def test_place_in_the_clause_beyond_the_content(nlp: Language) -> None:
    doc = nlp("Israel insists that any arrangement shield the Druze villages around Sweida.")
    assert places_in(span_of(doc, "the Druze villages")) == ["SY-SU"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The junta will not lift its blockade of Bhamo until the rebels pull back.", "MM-11"),
        ("Former fighters began handing in rifles in Lanao del Sur on Monday.", "PH-LAS"),
        ("Aid trucks were stopped on the road outside Port Sudan for a week.", "SD-RS"),
    ],
)
def test_towns_and_regions_the_gazetteer_does_not_match(
    nlp: Language, text: str, code: str
) -> None:
    doc = nlp(text)
    assert code in places_in(doc[:])


def test_looked_up_names_need_place_syntax(nlp: Language) -> None:
    # a person's name that is also a town elsewhere is no place when it is no location
    doc = nlp("Envoys met Abbas and talked about prisoners.")
    assert places_in(doc[:]) == []


def test_route_refers_back_to_the_corridor_and_its_region(nlp: Language) -> None:
    doc = nlp(
        "Baku wants a rail corridor through Armenia's Syunik province. "
        "Yerevan has said it will open the route only under its own customs control."
    )
    assert placeref.described_places(list(span_of(doc, "open the route"))) == ["AM-SU"]
    assert "AM-SU" in places_in(span_of(doc, "the route"))


def test_besieged_city_is_the_last_town_named(nlp: Language) -> None:
    doc = nlp(
        "The RSF tightened its siege of El Fasher on Sunday. "
        "Aid agencies urged both sides to let food convoys into the besieged city."
    )
    assert places_in(span_of(doc, "let food convoys into the besieged city")) == ["SD-DN"]


def test_city_after_a_capital_is_no_region(nlp: Language) -> None:
    doc = nlp(
        "Negotiators gathered in Kyiv on Monday. Officials want the city spared from strikes."
    )
    assert places_in(span_of(doc, "the city spared from strikes")) == []


def test_there_refers_to_the_last_region(nlp: Language) -> None:
    doc = nlp(
        "Russian soldiers have guarded an ammunition depot in Transnistria for decades. "
        "Chisinau offered electricity if the troops based there go home."
    )
    assert places_in(span_of(doc, "the troops based there go home")) == ["MD-SN"]


def test_withdrawal_without_a_place_takes_the_reports_region(nlp: Language) -> None:
    doc = nlp(
        "Israeli troops still hold a third of Gaza. Aid groups say famine in Gaza is spreading. "
        "The movement demands a complete withdrawal before any talk of weapons."
    )
    assert places_in(span_of(doc, "a complete withdrawal")) == ["PS-GZA"]
    # content about something else names no place of the report
    assert places_in(span_of(doc, "any talk of weapons")) == []


def test_region_named_once_is_not_the_reports_region(nlp: Language) -> None:
    doc = nlp("Troops entered Kherson last year. Kyiv wants a full withdrawal of Russian forces.")
    assert places_in(span_of(doc, "a full withdrawal of Russian forces")) == []


def test_extracted_stances_carry_places(ex: Extractor) -> None:
    found = claims(
        ex,
        "Kachin rebels hold talks with junta\n\n"
        "KUNMING, March 2 - Myanmar's military government demanded that the Kachin "
        "Independence Army end its siege of Bhamo, two people briefed on the talks said.",
    )
    mmr = [c for c in found if c.actor == "MMR"]
    assert mmr and any("MM-11" in c.places for c in mmr)


# -- sources -----------------------------------------------------------------------------------


def test_definite_sources_take_the_name_of_their_first_mention(nlp: Language) -> None:
    text = (
        "The junta refused to end the blockade, two people briefed on the talks said. "
        "The army also wants the rebels to hand over the jade mines, the people said."
    )
    got = sources_of(nlp, text, "wants")
    assert source_found("two people briefed on the talks", got)


def test_a_differently_worded_definite_source_refers_back(nlp: Language) -> None:
    text = (
        "Three officials with knowledge of the meeting told Reuters that Russia asked for a "
        "buffer zone. Moscow also demanded a cap on Ukraine's army, the sources said."
    )
    got = sources_of(nlp, text, "demanded")
    assert source_found("three officials with knowledge of the meeting", got)
    assert source_found("Reuters", got)


def test_continued_reported_speech_keeps_the_sources(nlp: Language) -> None:
    text = (
        "Damascus has offered to keep heavy weapons out of the south, according to four "
        "diplomats familiar with the drafts. Israel would in return halt its air strikes."
    )
    got = sources_of(nlp, text, "halt")
    assert source_found("four diplomats familiar with the drafts", got)


def test_a_new_paragraph_starts_a_new_attribution(nlp: Language) -> None:
    text = (
        "Damascus has offered to keep heavy weapons out of the south, according to four "
        "diplomats.\n\nIsrael would halt its air strikes once a deal is signed."
    )
    assert sources_of(nlp, text, "halt") == []


def test_source_inside_a_government_keeps_its_affiliation(nlp: Language) -> None:
    text = (
        "Azerbaijan wants a rail link to Nakhchivan through Syunik, a source in the "
        "Azerbaijani presidential administration said."
    )
    got = sources_of(nlp, text, "wants")
    assert source_found("a source in the Azerbaijani presidential administration", got)


@pytest.mark.parametrize(
    ("text", "at", "source", "cut"),
    [
        (
            "Two officials at the federal finance ministry said Baghdad had offered to pay "
            "the salaries of the region's public employees.",
            "offered",
            "two officials at the federal finance ministry",
            None,
        ),
        (
            "Officials at the State Department said Washington would propose a new round of "
            "talks on the Black Sea.",
            "propose",
            "officials at the State Department",
            None,
        ),
        (
            "A diplomat at the summit said Caracas rejected any arbitration over the Essequibo.",
            "rejected",
            "diplomat",
            "at the summit",
        ),
    ],
)
def test_source_at_a_body_keeps_its_seat_but_not_an_occasion(
    ex: Extractor, text: str, at: str, source: str, cut: str | None
) -> None:
    found = [c for c in claims(ex, text) if at in c.quote]
    assert found
    got = [name for c in found for name in c.sources]
    assert source_found(source, got)
    if cut is not None:
        assert not any(cut in name for name in got)


def test_unnamed_officials_holding_a_stance_are_its_source(nlp: Language) -> None:
    text = "Turkish officials have insisted on a timetable for the disarmament of the militia."
    got = sources_of(nlp, text, "insisted")
    assert source_found("Turkish officials", got)


def test_named_speaker_is_no_source(nlp: Language) -> None:
    text = "Foreign Minister Hakan Fidan insisted on a timetable for the disarmament."
    assert sources_of(nlp, text, "insisted") == []


@pytest.mark.parametrize(
    ("text", "at", "source"),
    [
        (
            "Israel will keep its soldiers inside the strip until the last hostage is home, "
            "Israeli media reported.",
            "keep",
            "Israeli media",
        ),
        (
            "The government insists that the handover continue on schedule, the state-run "
            "Philippine News Agency reported.",
            "insists",
            "Philippine News Agency",
        ),
        (
            "Pyongyang has turned down Seoul's offer of border talks, the North's state news "
            "agency, KCNA, said on Friday.",
            "turned",
            "KCNA",
        ),
        (
            "Hamas will not discuss its weapons before a full pullout, a senior official of the "
            "group told a Qatari television channel.",
            "discuss",
            "Qatari television channel",
        ),
    ],
)
def test_outlets_are_sources(nlp: Language, text: str, at: str, source: str) -> None:
    assert source_found(source, sources_of(nlp, text, at))


def test_outlet_words_do_not_make_every_body_an_outlet(nlp: Language) -> None:
    doc = nlp("The agency for refugees and the Security Council said aid must flow.")
    lex = stance_lexicon().sources
    assert not is_media(word(doc, "agency"), lex)
    assert not is_media(word(doc, "Council"), lex)


def test_extracted_stances_carry_resolved_sources(ex: Extractor) -> None:
    found = claims(
        ex,
        "Sudan army rejects truce\n\n"
        "PORT SUDAN, May 5 - Sudan's army rejected any truce that leaves the RSF in Darfur, "
        "two diplomats with knowledge of the Jeddah talks said. The army also demanded that "
        "the paramilitaries leave the cities they hold, the diplomats said.",
    )
    army = [c for c in found if c.actor in ("saf", "SDN")]
    assert army
    assert all(
        source_found("two diplomats with knowledge of the Jeddah talks", c.sources) for c in army
    )


def test_status_nouns_make_a_country_a_place(nlp: Language) -> None:
    doc = nlp("Rabat offered broad autonomy for Western Sahara under its own flag.")
    assert places_in(doc[:]) == ["ESH"]
    doc = nlp("Belgrade wants guarantees before any talks with Pristina.")
    assert places_in(doc[:]) == []


def test_region_adjectives_on_land_nouns(nlp: Language) -> None:
    doc = nlp("The movement demands that all Tigrayan territory be handed back.")
    assert places_in(doc[:]) == ["ET-TI"]
    doc = nlp("Kyiv will never accept Russian rule over Crimean soil.")
    assert "UA-43" in places_in(doc[:])
    assert places_in(nlp("Tigrayan fighters must hand in their rifles.")[:]) == []


def test_region_introduced_before_its_name(nlp: Language) -> None:
    doc = nlp(
        "Chisinau wants the breakaway region back under its laws. "
        "Officials in Transnistria have refused."
    )
    assert places_in(span_of(doc, "the breakaway region back under its laws")) == ["MD-SN"]


def test_two_regions_sharing_a_name(nlp: Language) -> None:
    doc = nlp("Kinshasa demanded a pullout from North and South Kivu.")
    assert places_in(doc[:]) == ["CD-NK", "CD-SK"]


def test_the_sea_is_no_region(nlp: Language) -> None:
    doc = nlp(
        "Addis Ababa wants an outlet to the Red Sea through the port of Assab, "
        "by negotiation if possible."
    )
    assert places_in(span_of(doc, "an outlet to the Red Sea")) == ["ER-DK"]


def test_a_second_speaker_after_a_reporting_verb_is_no_source(nlp: Language) -> None:
    text = (
        "The rebels said they would leave the town, but Kinshasa accused them of stalling "
        "and demanded a full pullout."
    )
    assert sources_of(nlp, text, "demanded") == []
    assert attribute(word(nlp(text), "demanded"), stance_lexicon().sources).reporters == []


def test_the_newspaper_is_the_outlet_named_before(nlp: Language) -> None:
    text = (
        "Moscow could accept a freeze along the front, Kommersant reported on Monday. "
        "The Kremlin also wants sanctions on its banks eased, the newspaper said."
    )
    assert source_found("Kommersant", sources_of(nlp, text, "wants"))


def test_venue_towns_are_not_the_places_of_a_stance(nlp: Language) -> None:
    doc = nlp("Both delegations agreed to hold another round of talks in Istanbul next month.")
    assert places_in(span_of(doc, "another round of talks")) == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Israel must pull its soldiers out of southern Lebanon.", ["LB-JA", "LB-NA"]),
        ("The rebels still hold towns across eastern Congo.", ["CD-NK", "CD-SK", "CD-IT"]),
    ],
)
def test_parts_of_a_country_named_by_compass(nlp: Language, text: str, codes: list[str]) -> None:
    assert places_in(nlp(text)[:]) == codes


def test_unnamed_people_named_by_their_clause(nlp: Language) -> None:
    text = (
        "Belgrade would accept a compromise on the municipalities, according to people who "
        "took part in the last round."
    )
    got = sources_of(nlp, text, "accept")
    assert source_found("people who took part in the last round", got)


def test_the_area_refers_to_the_region_named_before(nlp: Language) -> None:
    doc = nlp(
        "Thai soldiers still guard the temple ruins in Surin province. "
        "Phnom Penh wants them to leave the area."
    )
    assert places_in(span_of(doc, "them to leave the area")) == ["TH-32"]


# -- places of a stance whose words name none ---------------------------------------------------


def _places_of(ex: Extractor, text: str, actor: str, issue: str) -> list[str]:
    found = [c for c in claims(ex, text) if c.actor == actor and c.issue == issue]
    assert found, f"no {actor} {issue} claim"
    return sorted({p for c in found for p in c.places})


def test_land_stance_takes_the_region_of_its_own_sentence(ex: Extractor) -> None:
    text = "On the future of Tigray, Ethiopia rejected any return of the old administration."
    assert _places_of(ex, text, "ETH", "territory") == ["ET-TI"]


def test_land_stance_takes_the_region_named_just_before(ex: Extractor) -> None:
    text = (
        "Shelling resumed across South Kivu overnight, local officials said. "
        "Rwanda said on Friday it would accept a ceasefire."
    )
    assert _places_of(ex, text, "RWA", "ceasefire") == ["CD-SK"]


def test_region_named_in_another_paragraph_does_not_carry(ex: Extractor) -> None:
    text = (
        "Shelling resumed across South Kivu overnight, local officials said.\n\n"
        "In Brussels, European ministers discussed the budget for two days.\n\n"
        "Separately, Rwanda said on Friday it would accept a ceasefire."
    )
    assert _places_of(ex, text, "RWA", "ceasefire") == []


def test_venue_is_not_the_place_of_a_stance(ex: Extractor) -> None:
    text = "At the talks in Geneva, Azerbaijan rejected any ceasefire along the line of contact."
    assert "CHE" not in _places_of(ex, text, "AZE", "ceasefire")


def test_issue_without_land_does_not_borrow_a_region(ex: Extractor) -> None:
    text = (
        "Fighting went on around Kherson on Tuesday. "
        "Moscow demanded that the West lift sanctions on its banks."
    )
    assert _places_of(ex, text, "RUS", "sanctions") == []


# -- sources carried across sentences ---------------------------------------------------------


def _sources_of(ex: Extractor, text: str, actor: str) -> list[str]:
    found = [c for c in claims(ex, text) if c.actor == actor]
    assert found, f"no {actor} claim"
    return sorted({s for c in found for s in c.sources})


def test_backshifted_sentences_keep_the_draft_as_source(ex: Extractor) -> None:
    text = (
        "According to a draft seen by the Financial Times, Kyiv would agree to cap its army. "
        "Russia would also demand recognition of Crimea. "
        "Moscow would in turn offer to hand back the Kharkiv region."
    )
    for actor in ("RUS", "UKR"):
        assert _sources_of(ex, text, actor) == ["draft seen by the Financial Times"]


def test_named_speaker_ends_a_borrowed_attribution(ex: Extractor) -> None:
    text = (
        "According to two diplomats, Armenia would accept the corridor. "
        "Pashinyan said on Monday that Armenia could never accept a corridor through Syunik. "
        "Baku would demand the road within a year."
    )
    assert _sources_of(ex, text, "AZE") == []


def test_they_added_refers_back_to_unnamed_officials(ex: Extractor) -> None:
    text = (
        "Israel is willing to withdraw from southern Lebanon in stages, Lebanese officials "
        "said on Monday. Hezbollah, they added, would reject any disarmament south of the river."
    )
    assert _sources_of(ex, text, "hezbollah") == ["Lebanese officials"]


def test_an_outlet_quoting_unnamed_people_gives_both(ex: Extractor) -> None:
    text = (
        "Hamas is ready to accept a phased truce, the Qatari broadcaster Al Jazeera quoted "
        "two Palestinian officials as saying."
    )
    names = _sources_of(ex, text, "hamas")
    assert any("Al Jazeera" in n for n in names)
    assert "two Palestinian officials" in names


def test_holders_own_city_in_an_outlet_name_does_not_hide_it(ex: Extractor) -> None:
    text = "Russia will not return the occupied land, the Moscow newspaper Kommersant said."
    assert _sources_of(ex, text, "RUS") == ["Moscow newspaper Kommersant"]


def test_a_document_the_reporter_obtained_is_the_source(ex: Extractor) -> None:
    text = "An internal memo obtained by Politico shows Washington proposed lifting sanctions."
    assert _sources_of(ex, text, "USA") == ["Politico", "internal memo obtained by Politico"]


def test_a_letter_seen_by_an_agency_gives_letter_and_agency(ex: Extractor) -> None:
    text = "A letter seen by AFP says Niger demanded the withdrawal of French troops."
    assert _sources_of(ex, text, "NER") == ["AFP", "letter seen by AFP"]


def test_a_document_nobody_says_was_seen_is_no_source(ex: Extractor) -> None:
    text = "The ministry's paper shows Niger demanded the withdrawal of French troops."
    assert _sources_of(ex, text, "NER") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Sudan's Rapid Support Forces rejected the Jeddah truce proposal.", "rsf"),
        ("The Ethiopian government demanded a return to the Pretoria agreement.", "ETH"),
        ("Bosnian Serb leaders rejected any revision of the Dayton accords.", None),
    ],
)
def test_a_text_named_after_a_town_is_not_about_that_town(
    ex: Extractor, text: str, actor: str | None
) -> None:
    found = [c for c in claims(ex, text) if actor is None or c.actor == actor]
    assert all(not c.places for c in found)


def test_a_region_naming_a_truce_is_still_its_place(ex: Extractor) -> None:
    text = "Israel rejected the Gaza truce proposal on Sunday."
    assert _places_of(ex, text, "ISR", "ceasefire") == ["PS-GZA"]


def test_the_holders_own_named_speaker_is_no_source(ex: Extractor) -> None:
    own = "Bangkok wants bilateral talks, according to foreign ministry spokesman Somchai Rattana."
    other = "Bangkok wants bilateral talks, according to Cambodian Prime Minister Hun Manet."
    assert _sources_of(ex, own, "THA") == []
    assert _sources_of(ex, other, "THA") == ["Cambodian Prime Minister Hun Manet"]


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        (
            "Reuters has learned that Washington proposed freezing the front line.",
            "USA",
            ["Reuters"],
        ),
        ("Russia wants a neutral Ukraine, reports say.", "RUS", ["reports"]),
        (
            "Israel is prepared to pull back from the corridor, Israeli media reported, without "
            "citing sources.",
            "ISR",
            ["Israeli media"],
        ),
        (
            "Kyiv will not cede Donbas, the Kyiv Independent newspaper reported.",
            "UKR",
            ["Kyiv Independent newspaper"],
        ),
    ],
)
def test_how_outlets_and_unnamed_reports_are_named(
    ex: Extractor, text: str, actor: str, expected: list[str]
) -> None:
    assert _sources_of(ex, text, actor) == expected


def test_a_looked_up_town_counts_only_in_a_country_the_report_names(ex: Extractor) -> None:
    # "Gulf" is also a province of Papua New Guinea in the town tables; a Yemen story
    # never names that country
    text = normalize_text(
        "DUBAI, Feb 3, 2025 -- Riyadh's position, as one Gulf diplomat put it, is that no money "
        "will flow until the Houthis stop attacking ships."
    )
    found = ex.extract(Report(text=text)).claims
    assert found and all(not any(p.startswith("PG") for p in c.places) for c in found)
    # a town as the object of a place preposition counts whoever the report names
    text = normalize_text(
        "MANDALAY, Feb 3, 2025 -- The Kachin Independence Army demanded that the junta lift its "
        "months-long siege of Bhamo."
    )
    found = ex.extract(Report(text=text)).claims
    assert any("MM-11" in c.places for c in found)
    # an armed group names the country of its negotiation
    doc = ex.nlp(text)
    assert "MMR" in (placeref.doc_places(doc).named or ())


# -- places reports name in other ways ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the object of a verb of leaving or entering is a location, country or town
        ("Mogadishu wants all Ethiopian soldiers to quit Somalia next year.", "SOM"),
        ("The army demanded that the rebels vacate Bentiu by Friday.", "SS-UY"),
        # a country in a list is no organisation's name ("Somalia and Islamic ...")
        (
            "The militia vowed to fight on until all foreign troops had left Somalia and Islamic "
            "courts were restored.",
            "SOM",
        ),
        # a name the recogniser mislabels, before a noun naming a kind of place
        ("Georgian police stopped patrols near the Akhalgori district on Tuesday.", "GE-MM"),
        ("Fighters dug in along the Qandil mountains over the winter.", "IQ-AR"),
        # the second town of a list, which the parser leaves without an entity
        ("Soldiers were pulled back from Bor and Malakal in the spring.", "SS-NU"),
        # diacritics dropped by the report
        ("Fishing boats were turned back off Hokkaido last week.", "JP-01"),
        # spellings the gazetteer lists as one word or another transliteration
        ("Separatist units moved into Hadramawt and Mahra.", "YE-MR"),
    ],
)
def test_place_names_in_the_ways_reports_spell_them(nlp: Language, text: str, code: str) -> None:
    assert code in places_in(nlp(text)[:])


def test_a_held_captive_is_no_meeting_venue(nlp: Language) -> None:
    doc = nlp("Envoys held talks in Muscat. The crew held in Hodeidah is to be freed.")
    assert placeref.is_venue(word(doc, "Muscat")) is True
    assert placeref.is_venue(word(doc, "Hodeidah")) is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "London and Madrid signed a text on Gibraltar. Spain wants checks at the territory's port.",
            "GIB",
        ),
        (
            "Warships circled Taiwan at dawn. Beijing wants the island's leaders to accept talks.",
            "TWN",
        ),
    ],
)
def test_territory_and_island_refer_back_to_a_coded_territory(
    nlp: Language, text: str, code: str
) -> None:
    doc = nlp(text)
    second = list(doc.sents)[-1]
    assert code in places_in(second)


def test_a_live_blog_entry_takes_the_region_of_its_headline(ex: Extractor) -> None:
    text = (
        "LIVE: Shelling around Kupiansk\n\n"
        "08:10 Moscow demanded a halt to Ukrainian drone raids, the defence ministry said.\n\n"
        "08:40 Kyiv said it would keep its units in place."
    )
    assert _places_of(ex, text, "RUS", "ceasefire") == ["UA-63"]


# -- sources reports give in other ways --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        # an outlet quoting a named speaker "as saying", actively or passively
        (
            "Tehran will not stop enrichment, the IRNA news agency quoted Foreign Minister "
            "Abbas Araghchi as saying.",
            "IRN",
            "IRNA news agency",
        ),
        (
            "Moscow wants Kyiv out of Kherson, Deputy Foreign Minister Sergei Ryabkov was quoted "
            "as saying by the TASS news agency.",
            "RUS",
            "TASS",
        ),
        # the outlet's name after a media noun, however the parser hangs it
        (
            "In a statement carried by the state news agency SANA, Damascus demanded that Israel "
            "leave Quneitra.",
            "SYR",
            "SANA",
        ),
        (
            "Yaounde will only discuss decentralisation, a minister was quoted as saying by "
            "state broadcaster CRTV.",
            "CMR",
            "CRTV",
        ),
        (
            "Baghdad demanded that Ankara release more water from its dams, Iraqi state news "
            "agency INA reported.",
            "IRQ",
            "INA",
        ),
        (
            "Madrid demands joint control of the terminal, Spanish diplomatic sources told the "
            "EFE agency.",
            "ESP",
            "EFE agency",
        ),
        # an outlet "quoting" unnamed people, like one "citing" them
        (
            "Bolivia wants sovereign access to the Pacific, a Bolivian daily reported, quoting "
            "diplomatic sources.",
            "BOL",
            "diplomatic sources",
        ),
        # one of a group of unnamed people
        (
            "The SDF demanded that Turkish-backed fighters leave Manbij, one of its officials told "
            "the agency.",
            "sdf",
            "one of its officials",
        ),
        # "in the region" keeps its place in the name
        (
            "Kigali wants Bujumbura to end its troop deployment, according to diplomats in the "
            "region.",
            "RWA",
            "diplomats in the region",
        ),
        # another party's named speaker closing the sentence
        (
            "Russia has demanded that Ukraine recognise Crimea as Russian, Ukrainian Foreign "
            "Minister Andrii Sybiha said.",
            "RUS",
            "Andrii Sybiha",
        ),
    ],
)
def test_attributions_found_where_reports_put_them(
    ex: Extractor, text: str, actor: str, expected: str
) -> None:
    assert source_found(expected, _sources_of(ex, text, actor))


def test_one_of_the_officials_takes_the_first_mention(ex: Extractor) -> None:
    text = (
        "Baku asked for written guarantees against cross-border shelling, two Azerbaijani "
        "security officials said. Yerevan refused to give any such guarantees, one of the "
        "officials said."
    )
    found = [c for c in claims(ex, text) if c.actor == "ARM" and c.kind == "reject"]
    assert found
    assert source_found("two Azerbaijani security officials", found[0].sources)


def test_an_unnamed_newspaper_report_takes_the_outlet_named_next(ex: Extractor) -> None:
    text = (
        "Ankara denied a newspaper report that it would accept a buffer zone along the border.\n\n"
        "The Wall Street Journal had reported that Turkish officials discussed the idea."
    )
    assert source_found("Wall Street Journal", _sources_of(ex, text, "TUR"))


def test_a_statement_is_a_source_only_when_another_actor_issued_it(ex: Extractor) -> None:
    own = (
        "ASTANA, March 3, 2025 -- Uzbekistan and Kyrgyzstan agreed to open two more border "
        "crossings, according to a joint statement issued after the talks."
    )
    assert _sources_of(ex, own, "UZB") == []
    other = (
        "JUBA, March 3, 2025 -- The SPLM-IO agreed to a one-week truce in Nasir, according to "
        "a statement from the Kenyan foreign ministry."
    )
    assert source_found("Kenyan foreign ministry", _sources_of(ex, other, "splm_io"))


# -- disputed territories with a country-level code ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "issue", "code"),
    [
        (
            "Polisario rejects new Western Sahara round\n\n"
            "ALGIERS, May 4 - Western Sahara's independence movement said on Monday that it "
            "would not attend talks built on Morocco's autonomy offer. The Polisario Front "
            "rejected any negotiation that leaves out a referendum on Western Sahara.",
            "polisario",
            "process",
            "ESH",
        ),
        (
            "Argentina presses London over the Falklands\n\n"
            "BUENOS AIRES, Jan 3 - Argentina again claimed sovereignty over the Falkland "
            "Islands. The foreign ministry demanded that Britain resume negotiations under the "
            "resolutions of the United Nations, a call the Falklands government dismissed.",
            "ARG",
            "process",
            "FLK",
        ),
    ],
)
def test_talks_on_a_disputed_territory_are_about_it(
    ex: Extractor, text: str, actor: str, issue: str, code: str
) -> None:
    assert code in _places_of(ex, text, actor, issue)


def test_a_territory_named_in_the_sentence_is_a_place_of_any_issue(ex: Extractor) -> None:
    text = (
        "Mauritius sets out terms on Chagos\n\n"
        "PORT LOUIS, Feb 9 - Mauritius demanded that Britain hand over the Chagos Islands "
        "by December."
    )
    assert "IOT" in _places_of(ex, text, "MUS", "territory")


def test_a_state_is_no_territory_of_its_talks(ex: Extractor) -> None:
    # Ukraine is a party, not a territory in dispute: its talks name no place
    text = (
        "Kyiv ready for another round\n\n"
        "KYIV, April 2 - Ukraine said it was ready to send a delegation to a new round of "
        "talks in Istanbul. Ukraine demanded that the talks resume at the level of leaders."
    )
    found = [c for c in claims(ex, text) if c.actor == "UKR" and c.issue == "process"]
    assert found and all(not c.places for c in found)


def test_territory_codes_count_as_regions() -> None:
    assert placeref.is_region("ESH") and placeref.is_territory("GIB")
    assert placeref.is_region("UA-14") and not placeref.is_territory("UA-14")
    assert not placeref.is_region("UKR") and not placeref.is_region("MAR")


@pytest.mark.parametrize(
    ("text", "actor", "source"),
    [
        (
            "Officials in Baku are understood to favour a treaty signed before the summer.",
            "AZE",
            "Officials in Baku",
        ),
        (
            "Russian diplomats are believed to favour a freeze along the current front line.",
            "RUS",
            "Russian diplomats",
        ),
    ],
)
def test_unnamed_people_raised_by_a_passive_are_the_source(
    ex: Extractor, text: str, actor: str, source: str
) -> None:
    found = [c for c in claims(ex, text) if c.actor == actor]
    assert found and any(source in c.sources for c in found)


def test_hearsay_takes_the_sources_of_the_sentence_before(ex: Extractor) -> None:
    text = (
        "09:15 -- Quiet contacts again. Two diplomats briefed on the meetings tell us an "
        "Egyptian team met Hamas officials in Cairo on Sunday. Egypt is believed to have "
        "proposed training Palestinian police for the strip if the group hands over its heavy "
        "weapons."
    )
    found = [c for c in claims(ex, text) if c.actor == "EGY"]
    assert found
    assert all(source_found("Two diplomats briefed on the meetings", c.sources) for c in found)


def test_a_raised_subject_is_no_reporter_of_its_own_stance(ex: Extractor) -> None:
    # "is believed to" names no one who believes it: no source, and the subject still holds it
    found = claims(ex, "Qatar is believed to have proposed a fresh round of talks in Doha.")
    assert [c.actor for c in found] == ["QAT"]
    assert found[0].sources == []


def test_officials_on_both_sides_keep_their_camp(ex: Extractor) -> None:
    text = "Officials on both sides said Athens and Skopje had agreed to resume the name talks."
    got = ex.extract(Report(text=text)).claims
    assert got and all(source_found("officials on both sides", c.sources) for c in got)


def test_the_diplomat_who_asked_not_to_be_named_is_the_one_introduced(ex: Extractor) -> None:
    text = (
        "Iran wants the security accord with Riyadh revived this year, a senior Iranian "
        "diplomat in Muscat told reporters. The diplomat, who asked not to be named, said "
        "Tehran was also pressing for Saudi investment in Iranian ports."
    )
    later = [c for c in ex.extract(Report(text=text)).claims if "ports" in c.quote]
    assert later and all(
        source_found("senior Iranian diplomat in Muscat", c.sources) for c in later
    )


def test_the_text_of_a_statement_is_sourced_to_its_unnamed_issuer(ex: Extractor) -> None:
    text = (
        "DPRK Foreign Ministry Spokesman Issues Press Statement\n\n"
        "PYONGYANG, May 2 (KCNA) -- A spokesman for the Ministry of Foreign Affairs of the DPRK "
        "issued the following press statement on Friday:\n\n"
        "The U.S. is bringing ever more strategic assets near the DPRK. This is a grave "
        "provocation, and the DPRK will never tolerate it.\n\n"
        "The U.S. must immediately withdraw its aircraft carrier from the waters of the "
        "peninsula.\n\nOur nuclear deterrent is not a bargaining chip."
    )
    got = ex.extract(Report(text=text)).claims
    assert got and all(c.actor == "PRK" for c in got)
    assert all(source_found("a spokesman", c.sources) for c in got)
