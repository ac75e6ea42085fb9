"""Actor resolution: names, titles, metonyms, demonyms and coreference within a report."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.extract import Extractor
from detente.extract.actors import ActorRef, ActorTracker, actor_name, resolve_actor, resolve_actors
from detente.records import Report
from extracting import claims


def phrase(doc: Doc, text: str, nth: int = 0) -> Span:
    """The token span of the *nth* occurrence of *text* in *doc*."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return span


@pytest.mark.parametrize(
    ("sentence", "subject", "actor", "speaker"),
    [
        (
            "Russian President Vladimir Putin rejected the offer.",
            "Russian President Vladimir Putin",
            "RUS",
            "Vladimir Putin",
        ),
        (
            "Ukraine's defence minister Rustem Umerov flew to Miami.",
            "Ukraine's defence minister Rustem Umerov",
            "UKR",
            "Rustem Umerov",
        ),
        ("Zelensky said the front would hold.", "Zelensky", "UKR", "Volodymyr Zelensky"),
        ("Erdogan offered to host the talks.", "Erdogan", "TUR", "Recep Tayyip Erdogan"),
        ("The Kremlin denied the report.", "The Kremlin", "RUS", None),
        ("Moscow wants guarantees.", "Moscow", "RUS", None),
        ("Kyiv has ruled it out.", "Kyiv", "UKR", None),
        ("The White House welcomed the deal.", "The White House", "USA", None),
        ("Washington will not send troops.", "Washington", "USA", None),
        ("Downing Street said talks went well.", "Downing Street", "GBR", None),
        ("Itamaraty offered to host the meeting.", "Itamaraty", "BRA", None),
        ("Miraflores rejected the ruling.", "Miraflores", "VEN", None),
        ("Malacañang dismissed the protest.", "Malacañang", "PHL", None),
        ("The Blue House proposed new talks.", "The Blue House", "KOR", None),
        ("The Russians want the whole region.", "The Russians", "RUS", None),
        ("Israeli officials said the truce holds.", "Israeli officials", "ISR", None),
        ("Hamas wants a full withdrawal.", "Hamas", "hamas", None),
        ("The M23 rebels refused to leave.", "The M23 rebels", "m23", None),
        ("The Rapid Support Forces proposed a truce.", "The Rapid Support Forces", "rsf", None),
        (
            "Congolese Foreign Minister Therese Kayikwamba Wagner demanded sanctions.",
            "Congolese Foreign Minister Therese Kayikwamba Wagner",
            "COD",
            "Therese Kayikwamba Wagner",
        ),
        (
            "Chadian Foreign Minister Abdou Mahamat Zene said talks failed.",
            "Chadian Foreign Minister Abdou Mahamat Zene",
            "TCD",
            "Abdou Mahamat Zene",
        ),
        (
            "Azerbaijan's President Ilham Aliyev visited Washington.",
            "Azerbaijan's President Ilham Aliyev",
            "AZE",
            "Ilham Aliyev",
        ),
        (
            "Putin's envoy Kirill Dmitriev met Witkoff.",
            "Putin's envoy Kirill Dmitriev",
            "RUS",
            "Kirill Dmitriev",
        ),
        (
            "The EU's top diplomat Kaja Kallas warned Moscow.",
            "The EU's top diplomat Kaja Kallas",
            "eu",
            "Kaja Kallas",
        ),
    ],
)
def test_resolve_actor(
    nlp: Language, sentence: str, subject: str, actor: str, speaker: str | None
) -> None:
    doc = nlp(sentence)
    ref = resolve_actor(phrase(doc, subject))
    assert ref is not None
    assert (ref.id, ref.speaker) == (actor, speaker)
    assert ref.name == actor_name(actor)


def test_unknown_subject_gives_none(nlp: Language) -> None:
    doc = nlp("The weather was cold and the talks dragged on.")
    assert resolve_actor(phrase(doc, "The weather")) is None
    assert resolve_actor(phrase(doc, "the talks")) is None


def test_roles_come_from_titles(nlp: Language) -> None:
    doc = nlp("Russian Foreign Minister Sergei Lavrov and the Ukrainian delegation met.")
    lavrov = resolve_actor(phrase(doc, "Russian Foreign Minister Sergei Lavrov"))
    assert lavrov == ActorRef("RUS", "Russia", "Sergei Lavrov", "foreign_minister")
    delegation = resolve_actor(phrase(doc, "the Ukrainian delegation"))
    assert delegation is not None and delegation.role is None and delegation.speaker is None


def test_actor_names() -> None:
    assert actor_name("RUS") == "Russia"
    assert actor_name("nato") == "NATO"
    assert actor_name("m23") == "M23"
    assert actor_name("no-such-actor") == "no-such-actor"


def test_coordinated_subject_gives_one_actor_each(nlp: Language) -> None:
    doc = nlp("Putin and Trump agreed to meet again.")
    refs = resolve_actors(phrase(doc, "Putin and Trump"))
    assert [r.id for r in refs] == ["RUS", "USA"]
    doc = nlp("Armenia, Azerbaijan and the United States signed the declaration.")
    refs = resolve_actors(phrase(doc, "Armenia, Azerbaijan and the United States"))
    assert [r.id for r in refs] == ["ARM", "AZE", "USA"]


def test_pronoun_follows_last_speaker(nlp: Language) -> None:
    doc = nlp(
        "Ukrainian President Volodymyr Zelensky met European leaders in Berlin. "
        "He said Ukraine would never give up the Donbas."
    )
    tracker = ActorTracker(doc)
    tracker.resolve(phrase(doc, "Ukrainian President Volodymyr Zelensky"))
    he = tracker.resolve(phrase(doc, "He"))
    assert he is not None and (he.id, he.speaker) == ("UKR", "Volodymyr Zelensky")


def test_pronoun_resolves_from_prescan_without_prior_calls(nlp: Language) -> None:
    doc = nlp(
        "Rwandan Foreign Minister Olivier Nduhungirehe spoke in Doha. She later said talks would go on."
    )
    ref = ActorTracker(doc).resolve(phrase(doc, "She"))
    assert ref is not None and ref.id == "RWA" and ref.speaker == "Olivier Nduhungirehe"


def test_definite_description_follows_matching_speaker(nlp: Language) -> None:
    doc = nlp(
        "Russian President Vladimir Putin spoke with Trump by phone. "
        "Ukraine's foreign minister Andrii Sybiha criticised the call. "
        "The Russian president insisted on his terms, and the foreign minister replied."
    )
    tracker = ActorTracker(doc)
    pres = tracker.resolve(phrase(doc, "The Russian president"))
    assert pres is not None and (pres.id, pres.speaker) == ("RUS", "Vladimir Putin")
    fm = tracker.resolve(phrase(doc, "the foreign minister"))
    assert fm is not None and (fm.id, fm.speaker) == ("UKR", "Andrii Sybiha")


def test_description_without_antecedent_keeps_actor(nlp: Language) -> None:
    doc = nlp("The Congolese foreign minister demanded that Rwanda withdraw its troops.")
    ref = ActorTracker(doc).resolve(phrase(doc, "The Congolese foreign minister"))
    assert (
        ref is not None
        and ref.id == "COD"
        and ref.speaker is None
        and ref.role == "foreign_minister"
    )


def test_surname_of_titled_unknown_person(nlp: Language) -> None:
    doc = nlp(
        "Sudanese Foreign Minister Omar Siddiq arrived in Jeddah on Monday. "
        "Siddiq said the army would attend."
    )
    tracker = ActorTracker(doc)
    ref = tracker.resolve(phrase(doc, "Siddiq", nth=1))
    assert ref is not None and ref.id == "SDN" and ref.speaker == "Omar Siddiq"


def test_group_nouns_and_it(nlp: Language) -> None:
    doc = nlp(
        "Colombia's government met the ELN in Caracas. The rebels demanded a ceasefire. "
        "The Kremlin issued a statement. It said nothing new."
    )
    tracker = ActorTracker(doc)
    rebels = tracker.resolve(phrase(doc, "The rebels"))
    assert rebels is not None and rebels.id == "eln"
    tracker.resolve(phrase(doc, "The Kremlin"))
    it = tracker.resolve(phrase(doc, "It"))
    assert it is not None and it.id == "RUS"


def test_tracker_never_looks_ahead(nlp: Language) -> None:
    doc = nlp("He said nothing. Later, Israeli Prime Minister Benjamin Netanyahu spoke.")
    assert ActorTracker(doc).resolve(phrase(doc, "He")) is None


def test_observe_remembers(nlp: Language) -> None:
    doc = nlp("A spokesman for Hamas spoke first. They said the offer was unacceptable.")
    tracker = ActorTracker(doc)
    seen = tracker.observe(phrase(doc, "A spokesman for Hamas"))
    assert seen is not None and seen.id == "hamas"
    they = tracker.resolve(phrase(doc, "They"))
    assert they is not None and they.id == "hamas"


def test_leader_as_modifier_is_the_side_not_the_speaker(nlp: Language) -> None:
    doc = nlp("The Trump administration ruled it out, and Putin's spokesman agreed.")
    admin = resolve_actor(phrase(doc, "The Trump administration"))
    assert admin == ActorRef("USA", "United States", None, None)
    spokesman = resolve_actor(phrase(doc, "Putin's spokesman"))
    assert spokesman is not None
    assert (spokesman.id, spokesman.speaker, spokesman.role) == ("RUS", None, "spokesperson")


def test_group_nouns_resolve_to_the_members(nlp: Language) -> None:
    doc = nlp(
        "A roadmap was put forward by the United States, Saudi Arabia, the United Arab Emirates "
        "and Egypt. The plan, published by the four countries last week, calls for a truce. "
        "Israel and Hamas traded blame. Both sides were urged to talk."
    )
    tracker = ActorTracker(doc)
    four = tracker.resolve_all(phrase(doc, "the four countries"))
    assert [r.id for r in four] == ["USA", "SAU", "ARE", "EGY"]
    both = tracker.resolve_all(phrase(doc, "Both sides"))
    assert [r.id for r in both] == ["ISR", "hamas"]
    pair = tracker.resolve_all(phrase(doc, "Israel and Hamas"))
    assert [r.id for r in pair] == ["ISR", "hamas"]


def test_possessive_pronoun_and_bare_institution(nlp: Language) -> None:
    doc = nlp(
        "Colombian President Gustavo Petro said his government would not resume talks. "
        "Serbia rejected the proposal. The foreign ministry said it was unacceptable."
    )
    tracker = ActorTracker(doc)
    gov = tracker.resolve(phrase(doc, "his government"))
    assert gov == ActorRef("COL", "Colombia")
    ministry = tracker.resolve(phrase(doc, "The foreign ministry"))
    assert ministry is not None and ministry.id == "SRB"


def test_title_contradicting_a_known_leader_is_someone_else(nlp: Language) -> None:
    doc = nlp(
        "Colombian President Gustavo Petro suspended the talks. "
        "Defence Minister Pedro Sanchez said operations would continue."
    )
    tracker = ActorTracker(doc)
    ref = tracker.resolve(phrase(doc, "Defence Minister Pedro Sanchez"))
    assert ref is not None
    assert (ref.id, ref.speaker, ref.role) == ("COL", "Pedro Sanchez", "defence_minister")
    spain = resolve_actor(nlp("Prime Minister Pedro Sanchez spoke.")[0:4])
    assert spain is not None and spain.id == "ESP"


def test_members_after_a_group_noun(nlp: Language) -> None:
    doc = nlp("The co-chairs from the European Union, the United Nations and the OSCE urged calm.")
    span = phrase(doc, "The co-chairs from the European Union, the United Nations and the OSCE")
    assert [r.id for r in resolve_actors(span)] == ["eu", "un", "osce"]


@pytest.mark.parametrize(
    ("sentence", "subject", "actor"),
    [
        ("The Rwanda-backed M23 rebels seized Goma.", "The Rwanda-backed M23 rebels", "m23"),
        ("The Iran-aligned Houthis fired missiles.", "The Iran-aligned Houthis", "houthis"),
        ("The Saudi-led coalition struck Sanaa.", "The Saudi-led coalition", "SAU"),
    ],
)
def test_sponsor_modifiers_are_not_the_subject(
    nlp: Language, sentence: str, subject: str, actor: str
) -> None:
    ref = resolve_actor(phrase(nlp(sentence), subject))
    assert ref is not None and ref.id == actor


def test_dateline_place_is_not_an_actor(nlp: Language) -> None:
    doc = nlp("Talks stall\n\nMADRID, 16 (EUROPA PRESS) - The foreign ministry said it would wait.")
    tracker = ActorTracker(doc)
    assert tracker.mentions == []
    assert tracker.resolve(phrase(doc, "The foreign ministry")) is None


@pytest.mark.parametrize(
    ("sentence", "subject", "actor"),
    [
        (
            "The Kachin Independence Organisation said it would hand over weapons.",
            "The Kachin Independence Organisation",
            "kachin_independence_organisation",
        ),
        (
            "The Arakan Rohingya Salvation Army denied the claim.",
            "The Arakan Rohingya Salvation Army",
            "arakan_rohingya_salvation_army",
        ),
        ("Puntland's government rejected the vote.", "Puntland's government", "puntland"),
        ("Galmudug's administration rejected the vote.", "Galmudug's administration", "galmudug"),
        (
            "The Syrian National Army attacked a village.",
            "The Syrian National Army",
            "syrian_national_army",
        ),
    ],
)
def test_unlisted_organisations_get_their_own_id(
    nlp: Language, sentence: str, subject: str, actor: str
) -> None:
    ref = resolve_actor(phrase(nlp(sentence), subject))
    assert ref is not None and ref.id == actor


def test_country_inside_an_organisation_name_is_not_the_country(nlp: Language) -> None:
    doc = nlp("The Sudan People's Liberation Movement-in-Opposition (SPLM-IO) rejected the deal.")
    assert not any(e.ent_id_ == "SDN" for e in doc.ents)
    tracker = ActorTracker(doc)
    ref = tracker.resolve(
        phrase(doc, "The Sudan People's Liberation Movement-in-Opposition (SPLM-IO)")
    )
    assert ref is not None and ref.id == "splm_io"
    doc = nlp("The SPLM-IO (Sudan) said no. Ukraine's National Guard fought on.")
    assert any(e.ent_id_ == "UKR" for e in doc.ents)


def test_news_outlets_are_not_actors(nlp: Language) -> None:
    doc = nlp("Reuters reported the deal, and the Geneva talks failed.")
    assert resolve_actor(phrase(doc, "Reuters")) is None
    assert resolve_actor(phrase(doc, "the Geneva talks")) is None
    assert resolve_actor(phrase(nlp("Antalya hosted the talks."), "Antalya")) is None


def test_pronoun_follows_the_reporting_subject(nlp: Language) -> None:
    doc = nlp(
        "Putin told Trump that he would not accept a ceasefire. Erdogan said his country would help."
    )
    tracker = ActorTracker(doc)
    he = tracker.resolve(phrase(doc, "he"))
    assert he is not None and he.speaker == "Vladimir Putin"
    country = tracker.resolve(phrase(doc, "his country"))
    assert country == ActorRef("TUR", "Turkey")


def test_namesakes_of_listed_leaders(nlp: Language) -> None:
    doc = nlp("Hamas spokesman Hazem Qassem said the group would not disarm.")
    ref = ActorTracker(doc).resolve(phrase(doc, "Hamas spokesman Hazem Qassem"))
    assert ref is not None and (ref.id, ref.speaker) == ("hamas", "Hazem Qassem")
    doc = nlp("RSF commander Mohamed Hamdan Daglo said his men would halt.")
    ref = ActorTracker(doc).resolve(phrase(doc, "RSF commander Mohamed Hamdan Daglo"))
    assert ref is not None and ref.id == "rsf"


def test_groups_of_states_stand_for_their_members(nlp: Language) -> None:
    doc = nlp("The E3 offered to delay the sanctions.")
    assert [r.id for r in resolve_actors(phrase(doc, "The E3"))] == ["GBR", "FRA", "DEU"]
    assert [r.id for r in ActorTracker(doc).resolve_all(phrase(doc, "The E3"))] == [
        "GBR",
        "FRA",
        "DEU",
    ]


def test_the_taliban_under_their_state_name(ex: Extractor) -> None:
    for text in (
        "The Islamic Emirate rejected the demand to expel the militants.",
        "The Taliban administration demanded the release of frozen assets.",
    ):
        doc = ex.nlp(text)
        ref = resolve_actor(doc[0:3])  # "The Islamic Emirate", "The Taliban administration"
        assert ref is not None and ref.id == "taliban"


def test_a_group_described_before_it_is_named(ex: Extractor) -> None:
    for text, group in (
        (
            "The rebels said on Monday they would not attend the talks. The M23 has held Goma "
            "since January.",
            "m23",
        ),
        (
            "The militia rejected the ceasefire on Tuesday. Al-Shabaab has fought the Somali "
            "government for years.",
            "al_shabaab",
        ),
    ):
        assert {c.actor for c in ex.extract(Report(text=text)).claims} == {group}


def test_a_group_named_far_later_is_not_borrowed(ex: Extractor) -> None:
    filler = " ".join(["Aid agencies counted the displaced in camps across the province."] * 9)
    text = f"The rebels rejected the ceasefire on Tuesday. {filler} The M23 holds Goma."
    assert [c for c in ex.extract(Report(text=text)).claims if c.actor == "m23"] == []


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        (
            "TAIPEI, March 2, 2025 -- Taiwan's coast guard said on Monday it would expel any "
            "Chinese vessels that enter the restricted waters around Kinmen.",
            "TWN",
            "threaten",
        ),
        (
            "BAGHDAD, April 9, 2025 -- Iraq's Council of Representatives said on Wednesday it "
            "rejected the oil deal struck with Erbil.",
            "IRQ",
            "reject",
        ),
        (
            "TAIPEI, June 4, 2025 -- Taiwan's Mainland Affairs Council said Beijing must drop "
            "its political preconditions before any talks can resume.",
            "TWN",
            "demand",
        ),
        (
            "TEHRAN, Feb 3, 2025 -- In a televised address, Iran's supreme leader rejected "
            "direct talks with Washington.",
            "IRN",
            "reject",
        ),
        (
            "BEIJING, May 3, 2025 -- The Chinese Defence Ministry said it rejected the joint "
            "patrol plan put forward by Manila.",
            "CHN",
            "reject",
        ),
    ],
)
def test_unlisted_state_body_speaks_for_its_state(
    ex: Extractor, text: str, actor: str, kind: str
) -> None:
    found = {(c.actor, c.kind) for c in claims(ex, text)}
    assert (actor, kind) in found
    # the body's own words are the state's voice, never a slug of the body or a source
    assert not any(
        "_" in a and a.endswith(("guard", "council", "representatives", "ministry"))
        for a, _k in found
    )
    assert all(not c.sources for c in claims(ex, text) if c.actor == actor)


def test_listed_body_after_a_possessive_stays_itself(ex: Extractor) -> None:
    text = (
        "TRIPOLI, April 9, 2025 -- Libya's House of Representatives said on Wednesday it "
        "rejected the roadmap drawn up by the UN mission."
    )
    assert ("hor_libya", "reject") in {(c.actor, c.kind) for c in claims(ex, text)}


def test_named_armed_group_after_a_possessive_stays_itself(ex: Extractor) -> None:
    text = (
        "KHARTOUM, March 2, 2025 -- Sudan's paramilitary Rapid Support Forces said on Monday "
        "they rejected the army's truce plan."
    )
    assert ("rsf", "reject") in {(c.actor, c.kind) for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        (
            "LONDON, March 2, 2025 -- Naypyidaw on Tuesday rejected the ceasefire offer made "
            "by the northern alliance.",
            "MMR",
            "reject",
        ),
        (
            "LONDON, March 2, 2025 -- The government in Naypyitaw has ruled out any talks "
            "with the armed groups.",
            "MMR",
            "reject",
        ),
        (
            "SANTIAGO, March 2, 2025 -- La Paz again demanded sovereign access to the Pacific.",
            "BOL",
            "demand",
        ),
    ],
)
def test_capital_spellings_and_seats_of_government_stand_for_the_state(
    ex: Extractor, text: str, actor: str, kind: str
) -> None:
    assert (actor, kind) in {(c.actor, c.kind) for c in claims(ex, text)}


def test_they_after_a_collective_reporter_is_that_reporter_s_actor(ex: Extractor) -> None:
    text = (
        "NAIROBI, March 2, 2025 -- Authorities in Kinshasa said they rejected any talks with "
        "the M23 rebels."
    )
    assert ("COD", "reject", "process") in {(c.actor, c.kind, c.issue) for c in claims(ex, text)}
    # unnamed people name no actor, so "they" stays unresolved
    text = "LONDON, March 2, 2025 -- Two diplomats said they expected the talks to fail."
    assert claims(ex, text) == []


def test_agency_copy_ministry_without_a_state_is_the_report_s_state(ex: Extractor) -> None:
    text = (
        "TUNIS, April 7, 2025 (TAP) - Tunisia has recalled its ambassador for consultations. "
        "The Ministry of Foreign Affairs firmly rejected the statement issued by the Libyan "
        "presidential council on the maritime border."
    )
    found = claims(ex, text)
    assert ("TUN", "reject") in {(c.actor, c.kind) for c in found}
    assert not any(c.actor.startswith("ministry") for c in found)


def test_an_office_holder_named_by_office_is_no_anonymous_source(ex: Extractor) -> None:
    own = (
        "KYIV, March 2, 2025 -- Speaking in Kyiv, the country's foreign minister said Ukraine "
        "would not cede any land."
    )
    c = next(c for c in claims(ex, own) if c.actor == "UKR")
    assert c.sources == [] and not c.anonymous
    unnamed = "TEHRAN, March 2, 2025 -- A senior minister said Tehran would not negotiate."
    c = next(c for c in claims(ex, unnamed) if c.actor == "IRN")
    assert c.anonymous and c.sources


def test_the_federal_office_holder_is_the_state_not_the_region(ex: Extractor) -> None:
    text = (
        "BAGHDAD, May 4, 2025 -- Kurdistan Region Prime Minister Masrour Barzani demanded that "
        "Baghdad pay the salaries of public employees. Iraq said the budget law must be "
        "respected. The federal prime minister insisted that all oil revenues of the region "
        "be deposited in the state treasury."
    )
    found = {(c.actor, c.kind) for c in claims(ex, text) if "treasury" in c.quote}
    assert ("IRQ", "demand") in found and ("krg", "demand") not in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "ABUJA, Feb 3, 2025 -- ECOWAS leaders met in Abuja. The bloc urged the juntas to hold "
            "elections within a year.",
            "ecowas",
        ),
        (
            "BRUSSELS, Feb 3, 2025 -- NATO ministers met in Brussels. The alliance demanded that "
            "Russia withdraw its troops from Ukraine.",
            "nato",
        ),
        (
            "JAKARTA, Feb 3, 2025 -- ASEAN foreign ministers gathered in Jakarta. The grouping "
            "called on the junta to implement a ceasefire.",
            "asean",
        ),
    ],
)
def test_the_bloc_is_the_organisation_named_before(ex: Extractor, text: str, actor: str) -> None:
    found = claims(ex, text)
    assert actor in {c.actor for c in found if c.kind == "demand"}
    # the venue city of the meeting is no party
    assert "eu" not in {c.actor for c in found}


def test_a_quote_before_the_sentence_naming_its_speaker_is_that_speaker_s(ex: Extractor) -> None:
    text = (
        "CARACAS, March 3, 2025 -- Washington demanded a new presidential vote.\n\n"
        '"We are ready for talks on a transition." Maduro told state television on Tuesday that '
        "no foreign power would choose Venezuela's leaders."
    )
    found = [c for c in claims(ex, text) if "transition" in c.quote]
    assert found and {c.actor for c in found} == {"VEN"}


def test_their_joint_body_is_each_of_its_owners(ex: Extractor) -> None:
    text = (
        "KIGALI, July 28, 2025 -- Rwanda and Burundi said their joint permanent commission would "
        "meet next month to review security along the border."
    )
    found = {c.actor for c in claims(ex, text) if "commission" in c.quote}
    assert found == {"RWA", "BDI"}


def test_a_state_s_opposition_movement_is_the_group_not_the_state(ex: Extractor) -> None:
    text = (
        "BANGUI, March 3, 2025 -- Sudan's main rebel movement said on Monday it rejected the "
        "army's ceasefire plan.\n\n"
        "The Rapid Support Forces (RSF) called the plan a ploy."
    )
    found = {(c.actor, c.kind) for c in claims(ex, text) if "ceasefire plan" in c.quote}
    assert ("rsf", "reject") in found and ("SDN", "reject") not in found


@pytest.mark.parametrize(
    ("text", "ent_id"),
    [
        # Libya's Government of National Unity only where Libya is in the report
        ("The Government of National Unity in Tripoli rejected the plan.", "gnu_libya"),
        ("The Government of National Unity told Libyan lawmakers to vote.", "gnu_libya"),
        ("JUBA - The Transitional Government of National Unity endorsed the roadmap.", None),
        ("Myanmar's National Unity Government called the vote a sham.", "nug"),
        ("A National Unity Government was formed in Beirut after the vote.", None),
    ],
)
def test_shared_body_names_need_their_country(nlp: Language, text: str, ent_id: str | None) -> None:
    ids = {e.ent_id_ for e in nlp(text).ents}
    if ent_id is None:
        assert not ids & {"gnu_libya", "nug"}
    else:
        assert ent_id in ids


def test_a_leaders_name_under_another_office_is_a_namesake(nlp: Language) -> None:
    # Colombia's defence minister shares his name with Spain's prime minister
    doc = nlp("Defence Minister Pedro Sanchez said the army would stay in Catatumbo.")
    assert "person:ESP" not in {e.ent_id_ for e in doc.ents}
    doc = nlp("Prime Minister Pedro Sanchez said Spain would send observers.")
    assert "person:ESP" in {e.ent_id_ for e in doc.ents}
    doc = nlp("Foreign Minister Sergei Lavrov said Moscow was ready.")
    assert "person:RUS" in {e.ent_id_ for e in doc.ents}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "TAIPEI, Jan 14 -- The Mainland Affairs Council issued a statement on Wednesday. "
            "The council rejected any political preconditions for cross-strait talks.",
            "TWN",
        ),
        (
            "The African Union's Peace and Security Council met in Addis Ababa on Monday. The "
            "council demanded an immediate ceasefire in El Fasher.",
            "au",
        ),
    ],
)
def test_the_body_named_before_with_the_same_head_noun(
    ex: Extractor, text: str, actor: str
) -> None:
    found = claims(ex, text)
    assert found and {c.actor for c in found} == {actor}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Iraq's prime minister met Kurdish leaders in Erbil on Monday. The Kurdish "
            "authorities are holding out for a federal system.",
            "IRQ",
        ),
        (
            "Turkey's defence minister visited Damascus on Sunday. The Kurdish leadership "
            "rejected any disarmament of its fighters before a constitutional deal.",
            "TUR",
        ),
    ],
)
def test_an_unlisted_people_is_not_the_state_the_report_is_about(
    ex: Extractor, text: str, wrong: str
) -> None:
    found = claims(ex, text)
    assert not any(c.actor == wrong and c.kind in ("demand", "reject") for c in found), [
        (c.actor, c.kind, c.issue) for c in found
    ]


def test_a_listed_people_still_names_its_state(ex: Extractor) -> None:
    text = (
        "Iraq's prime minister met Kurdish leaders in Erbil on Monday. The Iraqi authorities "
        "rejected a federal system for the north."
    )
    assert any((c.actor, c.kind) == ("IRQ", "reject") for c in claims(ex, text))


def test_genre_label_heading_is_no_party(nlp: Language) -> None:
    # The parser tags the capitalised kicker as an organisation; it is the kind of piece.
    doc = nlp(
        "KHARTOUM, May 2, 2025 -- ANALYSIS: Ten years after the poll, Abyei's status still "
        "waits at the door of Sudan's parliament\n\nThe talks resumed."
    )
    assert any(e.text == "ANALYSIS" and e.label_ == "ORG" for e in doc.ents)
    assert ActorTracker(doc).resolve(phrase(doc, "ANALYSIS")) is None


def test_minister_of_a_ministry_of_the_french_republic_speaks_for_france(nlp: Language) -> None:
    doc = nlp(
        "NOUMEA, August 27. The Minister of the Overseas Territories of the French Republic, "
        "Mr. Manuel Valls, on Tuesday ended his visit. Mr. Valls has rejected the demand."
    )
    tracker = ActorTracker(doc)
    ref = tracker.resolve(phrase(doc, "Mr. Valls"))
    assert ref is not None and ref.id == "FRA"


def test_named_side_replaces_a_dateline_guess_for_the_same_person(ex: Extractor) -> None:
    # The headline's "Minister Valls", filed from Noumea, would be taken for the territory's
    # own official; the lead says whose minister he is, and that is who he speaks for.
    found = claims(
        ex,
        "NOUMEA, August 27, 2025. Minister Valls leaves without an agreement\n\n"
        "NOUMEA, August 27. The Minister of the Overseas Territories of the French Republic, "
        "Mr. Manuel Valls, on Tuesday ended his visit to the territory.\n\n"
        "Mr. Valls rejected any postponement of the provincial elections.",
    )
    rejects = [c for c in found if c.kind == "reject"]
    assert rejects and {c.actor for c in rejects} == {"FRA"}


def test_a_people_the_lists_lack_is_not_one_of_the_two_governments(ex: Extractor) -> None:
    # "Bougainvilleans" is named more than the island's government, but a people voting is
    # no party to "the two governments".
    found = claims(
        ex,
        "PORT MORESBY, March 3, 2025 -- Bougainville's vote still waits on Papua New "
        "Guinea's parliament\n\nWhen nearly all Bougainvilleans chose independence in 2019, "
        "leaders in Buka expected a new state within years. The Autonomous Bougainville "
        "Government now says the delay is unacceptable. In 2022 the two governments signed a "
        "covenant on the timetable.",
    )
    signed = [c for c in found if "signed a covenant" in c.quote]
    assert {c.actor for c in signed} == {"PNG", "abg"}


def test_a_name_in_brackets_that_the_lists_know_is_the_actor(ex: Extractor) -> None:
    found = claims(
        ex,
        "GAZA, Jan 3 - For its part, the Islamic Resistance Movement (Hamas) rejected the "
        "one-way opening of the crossing as a breach of the ceasefire deal.",
    )
    assert found and {c.actor for c in found} == {"hamas"}


def test_a_covenant_is_a_text_not_a_party(nlp: Language) -> None:
    doc = nlp("In 2022 the two governments signed the Arawa Covenant, which set a timetable.")
    covenant = phrase(doc, "the Arawa Covenant")
    assert any(e.text == "the Arawa Covenant" and e.label_ == "ORG" for e in doc.ents)
    assert ActorTracker(doc).resolve(covenant) is None


def test_a_transcript_speaker_label_names_a_person_not_an_organisation(nlp: Language) -> None:
    doc = nlp(
        "NAIROBI, May 4 -- Transcript of a briefing by a mediation spokesperson.\n\n"
        "MS. ODHIAMBO: Good afternoon. The talks resumed yesterday."
    )
    label = next(e for e in doc.ents if e.text == "ODHIAMBO")
    assert label.label_ == "ORG"
    assert ActorTracker(doc).resolve(label) is None


def test_a_verb_joined_to_a_reported_clause_is_the_speakers(ex: Extractor) -> None:
    # the parser hangs "wants" on "breaches", whose subject is the closure, not a party
    text = (
        "The African Union says the closure breaches the free-movement protocol and wants the "
        "border posts reopened."
    )
    got = claims(ex, text)
    assert any(c.actor == "au" and c.kind == "demand" for c in got)
    assert all(c.actor == "au" for c in got)


def test_a_transcript_speaker_described_by_an_office_the_titles_lack(ex: Extractor) -> None:
    text = (
        "TRANSCRIPT: briefing in Nicosia\n\n"
        "NICOSIA, May 4, 2026 -- Edited transcript of a briefing by Eleni Kyprianou, Cyprus's "
        "secretary for the missing and displaced, on the anniversary.\n\n"
        "KYPRIANOU: We call on Turkey to open its army archives on the missing.\n\n"
        "Q: Will you meet the Turkish Cypriot side?\n\n"
        "KYPRIANOU: We reject any talks that start from two states."
    )
    got = claims(ex, text)
    assert any(c.actor == "CYP" and c.kind == "demand" for c in got)
    assert any(c.actor == "CYP" and c.kind == "reject" for c in got)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A spokeswoman for Hamas rejected the Egyptian ceasefire proposal.", "hamas"),
        (
            "An official with the Philippine foreign ministry called on Beijing to stop its "
            "strikes.",
            "PHL",
        ),
        ("A spokesman for the Philippine government urged Beijing to halt its strikes.", "PHL"),
        ("An aide to the Ukrainian president rejected the ceasefire proposal.", "UKR"),
    ],
)
def test_a_spokesperson_for_a_body_speaks_for_it(ex: Extractor, text: str, actor: str) -> None:
    got = [c for c in claims(ex, text) if c.kind in ("reject", "demand")]
    assert got and {c.actor for c in got} == {actor}


def test_an_official_in_a_place_is_not_the_places(ex: Extractor) -> None:
    # "in Doha" is where the talks are, not whose official it is
    text = "An official at the talks in Doha said Hamas rejected the ceasefire proposal."
    assert "QAT" not in {c.actor for c in claims(ex, text)}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "A statement from Pakistan's foreign office demanded that Kabul act against the "
            "militant hideouts.",
            {"PAK"},
        ),
        (
            "A statement issued by the Armenian foreign ministry rejected any change to the "
            "border.",
            {"ARM"},
        ),
        (
            "A joint statement by Egypt and Qatar called for an immediate truce in Gaza.",
            {"EGY", "QAT"},
        ),
    ],
)
def test_a_statement_speaks_for_whoever_issued_it(
    ex: Extractor, text: str, actors: set[str]
) -> None:
    got = [c for c in claims(ex, text) if c.kind in ("reject", "demand")]
    assert got and {c.actor for c in got} == actors


def test_a_relative_clause_set_off_on_the_subject_keeps_the_subject(ex: Extractor) -> None:
    text = (
        "The opposition Kuomintang, whose new chair favours closer ties with Beijing, called on "
        "both sides to show restraint."
    )
    assert "kmt" in {c.actor for c in claims(ex, text) if c.kind == "demand"}


def test_a_whose_clause_on_listed_states_leaves_them_the_holders(ex: Extractor) -> None:
    text = (
        "Britain, France and Germany, whose national security advisers joined the Geneva round, "
        "have pushed back on the clause on frozen assets."
    )
    got = {c.actor for c in claims(ex, text) if c.kind == "reject"}
    assert got == {"GBR", "FRA", "DEU"}
