"""Live blogs and wire flashes: layout marks, headline speakers and all-capitals lines.

The sentences are written for these tests, across several conflicts.
"""

from __future__ import annotations

from detente.extract import Extractor
from detente.extract.layout import caseless_copy, headline_speakers, structure_marks
from detente.reading.dateline import parse_dateline
from detente.records import Claim, Report


def _claims(ex: Extractor, text: str) -> list[Claim]:
    claims = ex.extract(Report(text=text)).claims
    for c in claims:
        assert text[c.start : c.end] == c.quote  # spans index the original text
    return claims


def _triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in claims}


def test_marks_cover_timestamps_bullets_slugs_and_labels() -> None:
    text = (
        "KEY POINTS\n"
        "• Talks on the islands resume in Tokyo\n"
        "Updated 9.12am BST\n"
        "14:05 GMT – Envoys arrive\n"
        "3h ago – Convoy stopped\n"
        "0840 GMT\n"
        "URGENT: SOMETHING HAPPENED IN TRIPOLI\n"
        "UPDATE 2-Rebels hold the line\n"
        "NILE-TALKS/ (FLASH)\n"
        "- a dash bullet\n"
    )
    found = {(text[s:e].strip(), kind) for s, e, kind in structure_marks(text)}
    assert {
        ("KEY POINTS", "label"),
        ("•", "bullet"),
        ("Updated 9.12am BST", "timestamp"),
        ("14:05 GMT –", "timestamp"),
        ("3h ago –", "timestamp"),
        ("0840 GMT", "timestamp"),
        ("URGENT:", "slug"),
        ("UPDATE 2-", "slug"),
        ("NILE-TALKS/ (FLASH)", "slug"),
        ("-", "bullet"),
    } <= found
    # prose is never a mark: a year, a hyphenated word, a sentence with a clock time
    prose = "In 2020 the well-known deal fell apart at 10:30 when talks broke down.\n"
    assert structure_marks(prose) == []


def test_an_entry_timestamp_is_not_part_of_the_stance(ex: Extractor) -> None:
    text = (
        "Western Sahara talks – live\n\n"
        "09:12 GMT – Morocco rejects any referendum on independence for Western Sahara\n"
        "The foreign ministry repeated its position in Rabat.\n"
    )
    claims = [c for c in _claims(ex, text) if c.actor == "MAR"]
    assert claims and claims[0].kind == "reject"
    assert claims[0].quote.startswith("Morocco rejects")


def test_each_bullet_is_its_own_sentence(ex: Extractor) -> None:
    text = (
        "Border commission meets – as it happened\n\n"
        "KEY POINTS\n"
        "• Armenia calls for international observers on the border\n"
        "• Azerbaijan rejects any foreign mission on its territory\n"
    )
    claims = _claims(ex, text)
    by_actor = {c.actor: c for c in claims}
    assert by_actor["ARM"].kind == "demand"
    assert by_actor["AZE"].kind == "reject"
    assert "•" not in by_actor["AZE"].quote and "Armenia" not in by_actor["AZE"].quote


def test_colon_headline_attributes_the_claim_to_its_speaker(ex: Extractor) -> None:
    text = (
        "Balkans wire\n\n"
        "1120 GMT\n"
        "Kosovo PM: Belgrade must recognise our independence first\n\n"
        "1135 GMT\n"
        "Brussels: talks must resume within a month\n"
    )
    triples = _triples(_claims(ex, text))
    assert ("XKX", "demand", "recognition") in triples
    assert ("eu", "demand", "process") in triples
    assert not any(actor == "SRB" for actor, _k, _i in triples)


def test_first_person_in_a_colon_headline_is_the_speaker(ex: Extractor) -> None:
    text = (
        "Kurdish peace process – live\n\n"
        "2h ago\n"
        "Erdogan: we will never accept a federal system\n"
        "The president spoke to party members in Ankara.\n"
    )
    claims = [c for c in _claims(ex, text) if c.quote.startswith("we will never")]
    assert [(c.actor, c.kind) for c in claims] == [("TUR", "reject")]


def test_headline_speakers_need_a_name_or_a_role() -> None:
    text = (
        "Lavrov: no treaty while sanctions stay\n"
        "Sakhalin governor: the islands' future is settled\n"
        "Oil exports: what happens next\n"
        "He said: this is a full sentence.\n"
    )
    who = [text[s:e] for s, e, _end in headline_speakers(text)]
    assert who == ["Lavrov", "Sakhalin governor"]


def test_all_capitals_flash_is_read_and_quoted_exactly(ex: Extractor) -> None:
    text = (
        "Balkans wire\n\n"
        "1105 GMT\n"
        "URGENT: SERBIA REJECTS EU DEMAND TO RECOGNISE KOSOVO\n\n"
        "1130 GMT\n"
        "Envoys are due in Brussels next week.\n"
    )
    claims = [c for c in _claims(ex, text) if c.actor == "SRB"]
    assert claims and claims[0].kind == "reject" and claims[0].issue == "recognition"
    assert claims[0].quote == "SERBIA REJECTS EU DEMAND TO RECOGNISE KOSOVO"


def test_caseless_copy_keeps_length_and_names() -> None:
    text = (
        "FLASH: GEORGIA SAYS ABKHAZIA TALKS IN GENEVA TO RESUME ON MONDAY\n"
        "Diplomats met in Geneva with officials from Tbilisi.\n"
    )
    copy = caseless_copy(text)
    assert len(copy) == len(text)
    first, second = copy.split("\n")[:2]
    assert second == text.split("\n")[1]  # prose lines are untouched
    assert first.startswith("Flash: Georgia says Abkhazia talks in Geneva")
    assert "Monday" in first
    assert caseless_copy("NILE-TALKS/ (FLASH)\nText.") == "NILE-TALKS/ (FLASH)\nText."


def test_a_headline_before_a_one_line_paragraph_is_not_a_wrapped_line(ex: Extractor) -> None:
    text = (
        "Headlines\n\n"
        "Chad's junta pressed to name an election date after the latest round of talks\n"
        "The government in N'Djamena said it would announce the date of the vote only once "
        "the national dialogue had finished its work and the rebels had laid down their arms.\n"
    )
    doc = ex.nlp(ex._doc(Report(text=text)))
    starts = [s.text.strip()[:12] for s in doc.sents]
    assert "The governme" in starts


def test_desk_slugs_and_digest_titles_are_not_datelines() -> None:
    assert parse_dateline("KURILS-TALKS/ (FLASH)\nTokyo, Moscow trade barbs\n") is None
    assert parse_dateline("ASIA HEADLINES – Tuesday, March 4\nTokyo protests\n") is None
    found = parse_dateline("LIVE\nKYIV, Nov 21 (AFP) - Talks resumed.")
    assert found is not None and found.place == "KYIV" and found.agency == "AFP"


def test_headline_present_tense_verbs_read_as_verbs(ex: Extractor) -> None:
    text = (
        "Asia wire\n\n"
        "0915 GMT\n"
        "Japan rejects link between grave visits and sanctions\n\n"
        "0930 GMT\n"
        "Tokyo protests Russian missile drill on disputed islands\n"
    )
    claims = _claims(ex, text)
    kinds = {(c.actor, c.kind) for c in claims}
    assert ("JPN", "reject") in kinds
    quotes = [c.quote for c in claims if c.actor == "JPN"]
    assert any(q.startswith("Japan rejects link") for q in quotes)
    assert any(q.startswith("Tokyo protests") for q in quotes)


def test_a_vow_to_keep_pressing_for_something_is_a_demand(ex: Extractor) -> None:
    text = "Headlines\n\nGuatemala vows to keep pressing for its claim to Belize territory\n"
    claims = [c for c in _claims(ex, text) if c.actor == "GTM"]
    assert claims and {c.kind for c in claims} == {"demand"}


def test_headline_infinitive_is_the_actors_announced_step(ex: Extractor) -> None:
    text = (
        "Flashes\n\n"
        "1010 GMT\n"
        "Azerbaijan to keep control of the disputed border villages\n\n"
        "1020 GMT\n"
        "Kurdistan government to hand its oil to the federal marketer\n"
    )
    triples = _triples(_claims(ex, text))
    assert ("AZE", "demand", "territory") in triples
    assert ("krg", "offer", "economy") in triples


def test_unnamed_officials_in_a_capital_speak_for_its_state(ex: Extractor) -> None:
    text = "Officials in Nairobi want the maritime talks with Mogadishu to resume in June.\n"
    claims = _claims(ex, text)
    assert [(c.actor, c.kind) for c in claims][:1] == [("KEN", "demand")]


def test_a_bullet_without_a_subject_continues_the_holder_before_it(ex: Extractor) -> None:
    text = (
        "Transnistria talks – what we know\n\n"
        "Moldova will not accept Russian troops on its soil, President Maia Sandu said.\n"
        "• Says ready to resume talks with Tiraspol next month\n"
    )
    claims = _claims(ex, text)
    bullet = [c for c in claims if c.quote.startswith("Says ready")]
    assert [(c.actor, c.issue) for c in bullet] == [("MDA", "process")]
    # a bullet with a subject of its own keeps it
    other = text + "• Tiraspol rejects any change to the peacekeeping format\n"
    claims = _claims(ex, other)
    assert any(c.actor == "transnistria" and c.kind == "reject" for c in claims)


def test_a_headline_infinitive_dates_a_meeting_ahead(ex: Extractor) -> None:
    from datetime import date

    published = date(2025, 3, 3)  # a Monday
    for text in (
        "Wire\n\n1230 GMT\nErdogan, Aliyev to meet in Ankara on Thursday\n",
        "Wire\n\n1230 GMT\nERDOGAN, ALIYEV TO MEET IN ANKARA ON THURSDAY - TURKISH OFFICIAL\n",
    ):
        events = ex.extract(Report(text=text, published=published)).events
        assert [e.date for e in events] == [date(2025, 3, 6)]
        assert all(text[e.start : e.end] == e.quote for e in events)


def test_a_trailing_dash_attribution_is_the_headlines_speaker(ex: Extractor) -> None:
    text = (
        "Wire\n\n"
        "1100 GMT\n"
        "Talks must resume before the end of the month - Georgian official\n\n"
        "1130 GMT\n"
        "Envoys are expected in Geneva.\n"
    )
    claims = _claims(ex, text)
    assert [(c.actor, c.kind, c.issue) for c in claims] == [("GEO", "demand", "process")]
    assert claims[0].quote == "Talks must resume before the end of the month"


def _sentences(ex: Extractor, text: str) -> list[str]:
    return [s.text.strip() for s in ex.nlp(text).sents]


def test_two_clauses_joined_by_a_semicolon_are_two_stances(ex: Extractor) -> None:
    text = "Serbia's chief negotiator rejected any recognition of Kosovo; Pristina demanded it."
    assert _sentences(ex, text) == [
        "Serbia's chief negotiator rejected any recognition of Kosovo;",
        "Pristina demanded it.",
    ]
    stances = {
        (c.actor, c.kind) for c in _claims(ex, text.replace("demanded it", "demanded recognition"))
    }
    assert {("SRB", "reject"), ("XKX", "demand")} <= stances


def test_a_semicolon_list_is_one_sentence(ex: Extractor) -> None:
    text = "The draft lists three steps: a truce in Tigray; a prisoner exchange; and new elections."
    assert len(_sentences(ex, text)) == 1


def test_a_semicolon_after_a_phrase_without_a_verb_does_not_split(ex: Extractor) -> None:
    text = "Talks in Doha, Qatar; the mediators said both delegations would return next week."
    assert len(_sentences(ex, text)) == 1


def test_a_live_entry_speaker_holds_even_when_the_entry_ends_a_sentence(ex: Extractor) -> None:
    text = (
        "Live: Serbia-Kosovo talks in Brussels\n\n"
        "16:20 CET - Kurti: the association of Serb municipalities must respect the constitution.\n\n"
        "15:55 CET - Vucic told reporters Belgrade would never recognise Kosovo.\n"
    )
    found = _triples(_claims(ex, text))
    assert any(a == "XKX" and k == "demand" for a, k, _i in found), found
    assert ("SRB", "reject", "recognition") in found
    # a body sentence with a colon, at the start of its own line, still names no speaker
    body = "He added the following point: talks must resume.\n"
    assert headline_speakers(body) == []


def test_a_live_blog_speaker_with_a_topic_holds_the_first_sentence(ex: Extractor) -> None:
    text = (
        "Sudan live\n\n"
        "13:05 GMT -- RSF spokesman Ibrahim Musa, on the aid routes: whoever shells the convoys "
        "from Tawila will bear full responsibility for what follows. He adds that the roads "
        "stay open.\n\n"
        "13:40 GMT -- Aid agencies say forty trucks are waiting.\n"
    )
    who = [text[s:e] for s, e, _end in headline_speakers(text)]
    assert who == ["RSF spokesman Ibrahim Musa"]
    claims = [c for c in _claims(ex, text) if c.kind == "threaten"]
    assert [(c.actor, c.issue) for c in claims] == [("rsf", "ceasefire")]


def test_item_datelines_of_a_flash_file_are_marks() -> None:
    text = (
        "Border talks: reactions\n\n"
        "ASTANA, March 3 - Kazakhstan hosted the talks.\n"
        "-- March 4, 08:30 -- DUSHANBE - The minister spoke.\n"
        "FLASH -- ADDIS ABABA, Dec 11, 2025 -- Ethiopia said the dam was finished.\n"
        "TAIPEI, January 14 (CNA) -- The council replied.\n"
        "MOSCOW/KYIV - Both capitals said so.\n"
        "TALKS ARE OVER - SOURCES\n"
        "UN - a body of states.\n"
    )
    found = {(text[s:e].strip(), kind) for s, e, kind in structure_marks(text)}
    assert {
        ("ASTANA, March 3 -", "dateline"),
        ("-- March 4, 08:30 -- DUSHANBE -", "dateline"),
        ("FLASH --", "slug"),
        ("ADDIS ABABA, Dec 11, 2025 --", "dateline"),
        ("TAIPEI, January 14 (CNA) --", "dateline"),
        ("MOSCOW/KYIV -", "dateline"),
    } <= found
    # an all-capitals headline with its source, and a two-letter acronym, are no datelines
    assert not any(k == "dateline" and "TALKS" in t for t, k in found)
    assert not any(k == "dateline" and t.startswith("UN") for t, k in found)


def test_each_flash_item_is_filed_from_its_own_capital(ex: Extractor) -> None:
    text = (
        "Enclave talks: reactions\n\n"
        "ASTANA, March 3 - Kazakhstan hosted the first round of talks on the border crossings.\n\n"
        "BISHKEK, March 3 - Foreign Minister Aibek Toktosunov rejected any transfer of the "
        "disputed villages.\n\n"
        "-- March 4, 08:30 -- DUSHANBE - Foreign Minister Rustam Nazarzoda demanded the "
        "withdrawal of border guards from the enclave.\n"
    )
    claims = _claims(ex, text)
    by_kind = {c.kind: c for c in claims}
    # a minister named by title alone speaks for where his item was filed, not the first
    # dateline's country
    assert by_kind["reject"].actor == "KGZ"
    assert by_kind["demand"].actor == "TJK"
    assert all(c.quote.startswith("Foreign Minister") for c in claims)


def test_a_flash_attribution_after_a_double_dash_is_not_a_listed_item(ex: Extractor) -> None:
    text = (
        "Heglig field\n\n"
        "FLASH -- JUBA, Dec 11 -- South Sudan says its army will take charge of security at "
        "Sudan's Heglig oil field; both Sudanese forces to withdraw -- government spokesman.\n"
    )
    claims = _claims(ex, text)
    assert not any("spokesman" in c.quote for c in claims)
    assert not any(c.quote.startswith(("FLASH", "JUBA")) for c in claims)


def test_a_headline_infinitive_after_a_semicolon_is_a_clause_of_its_own(ex: Extractor) -> None:
    text = (
        "Energy\n\n"
        "The EU offered emergency funding for Moldova's energy needs; Russian troops to "
        "withdraw.\n"
    )
    claims = _claims(ex, text)
    eu = [c for c in claims if c.actor == "eu"]
    assert eu and eu[0].kind == "offer" and eu[0].issue == "economy"
    assert "Russian" not in eu[0].quote
