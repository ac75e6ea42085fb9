"""Transcripts: speaker turns, first person inside a turn, questions and the answers that point
back to them -- through the real extractor, on exchanges written for these tests."""

from __future__ import annotations

from detente.extract import Extractor
from detente.extract.stance.state import _DocState
from detente.extract.stances import StanceComponent
from detente.records import Claim, Report, normalize_text


def claims(ex: Extractor, text: str) -> tuple[str, list[Claim]]:
    text = normalize_text(text)
    out = ex.extract(Report(text=text)).claims
    for c in out:
        assert text[c.start : c.end] == c.quote
    return text, out


def turns_of(ex: Extractor, comp: StanceComponent, text: str):
    doc = ex.nlp(normalize_text(text))
    return _DocState(doc, comp).turns


def find(out: list[Claim], actor: str, kind: str, issue: str | None = None) -> Claim:
    kinds = kind.split("|")
    hits = [c for c in out if c.actor == actor and c.kind in kinds and issue in (None, c.issue)]
    assert hits, f"no {actor} {kind} {issue} in {[(c.actor, c.kind, c.issue) for c in out]}"
    return hits[0]


INDIA_BRIEFING = """Weekly media briefing by the Official Spokesperson, 12 March 2026

Randhir Jaiswal, the official spokesperson of India's Ministry of External Affairs, briefed \
reporters in New Delhi on Thursday. Excerpts on the boundary follow.

Reuters: Beijing has asked New Delhi to pull its troops back from two patrolling points in \
eastern Ladakh. Will India accept that?

Official Spokesperson: We reject any withdrawal of our troops from Indian territory. Chinese forces must return to the positions they held before April 2020.

Press Trust of India: Are you prepared to hold another round of corps commander talks this month?

Official Spokesperson: Yes. The dates are being worked out through diplomatic channels.
"""


def test_label_sets_the_speaker_and_we_is_the_speakers_side(ex: Extractor) -> None:
    text, out = claims(ex, INDIA_BRIEFING)
    rejection = find(out, "IND", "reject", "territory")
    assert rejection.quote.startswith("We reject")
    # "must" in the spokesperson's turn: India's demand, not the last actor named
    assert find(out, "IND", "demand").quote.startswith("Chinese forces must return")
    # the reported request in the question keeps its own holder
    assert find(out, "CHN", "demand").quote.startswith("Beijing has asked")


def test_questions_hold_no_stance_and_yes_takes_the_questions_object(ex: Extractor) -> None:
    text, out = claims(ex, INDIA_BRIEFING)
    asked = text.index("Are you prepared")
    assert not any(asked <= c.start < text.index("Official Spokesperson: Yes") for c in out)
    yes = find(out, "IND", "offer", "process")
    assert yes.quote == "Yes."


def test_turns_are_classified(ex: Extractor, comp: StanceComponent) -> None:
    turns = turns_of(ex, comp, INDIA_BRIEFING)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["question", "speaker", "question", "speaker"]
    assert {t.actor.id for t in turns.turns if t.actor is not None} == {"IND"}


def test_interview_no_rejects_what_the_question_asked(ex: Extractor) -> None:
    text, out = claims(
        ex,
        """Interview: Belize's foreign minister on the border case

Francis Fonseca is the foreign minister of Belize. He spoke to us in Belmopan on 2 February.

Q: Guatemala wants the two countries to share control of the Sarstoon river while the court \
deliberates. Would Belize accept a shared border on the river?

A: No. The river boundary is settled by the 1859 treaty and we will wait for the judges.

Q: Is your government open to talks with Guatemala City in the meantime?

A: We are always ready to talk to our neighbours about trade and migration.
""",
    )
    no = find(out, "BLZ", "reject", "territory")
    assert no.quote == "No."
    assert find(out, "BLZ", "offer|accept", "process").quote.startswith("We are always ready")
    # the journalist's "Is your government open to talks …?" is no stance of Belize
    assert not any(c.quote.startswith("Is your government") for c in out)


def test_minister_label_resolved_through_the_knowledge_base(ex: Extractor) -> None:
    text, out = claims(
        ex,
        """Joint press conference, Nairobi, 20 January 2026

The Kenyan and Somali delegations met for a second day of talks on the maritime boundary.

QUESTION: Mogadishu says it wants the ICJ ruling on the sea border applied \
in full. Will Kenya accept it?

PRESIDENT RUTO: We will not accept a ruling that cuts off our fishermen from waters they \
have worked for generations.

QUESTION: Will there be a joint commission on fisheries?

PRESIDENT RUTO: We have proposed one, and our Somali brothers are studying the idea.
""",
    )
    rejection = find(out, "KEN", "reject")
    assert not rejection.quote.startswith("PRESIDENT")  # the label is not quoted
    assert find(out, "KEN", "propose").quote.startswith("We have proposed")
    assert "ruling" in find(out, "SOM", "demand").quote


def test_not_at_this_stage_and_echo_answers(ex: Extractor) -> None:
    text, out = claims(
        ex,
        """Briefing by the Georgian foreign ministry, Tbilisi

Giorgi Maisuradze, a spokesman of Georgia's foreign ministry, took questions on Thursday.

Imedi TV: Sukhumi wants the crossing points on the Enguri reopened for its residents. Will \
Tbilisi reopen them?

MR. MAISURADZE: Not at this stage. Security along the line has to improve first.

Imedi TV: Is the minister prepared to meet the co-chairs of the Geneva discussions next month?

MR. MAISURADZE: He is.
""",
    )
    assert find(out, "GEO", "reject").quote == "Not at this stage."
    echo = find(out, "GEO", "offer|accept", "process")
    assert echo.quote == "He is."


def test_parliamentary_member_asking_holds_no_stance(ex: Extractor, comp: StanceComponent) -> None:
    text = """Gibraltar: Border Arrangements
Congress of Deputies, Madrid, 14 January 2026

The question was answered by José Manuel Albares, the foreign minister of Spain.

Gerardo Lucena (Cádiz) (PP): Will the minister guarantee that Spanish workers keep crossing \
into Gibraltar freely?

José Manuel Albares: We will not accept any checks on the fence, and we have offered the \
British side a common travel area for the Rock.
"""
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert turns.turns[0].asks and turns.turns[1].actor is not None
    assert turns.turns[1].actor.id == "ESP"
    _, out = claims(ex, text)
    assert not any(c.quote.startswith("Will the Secretary") for c in out)
    assert any(c.actor == "ESP" for c in out)


def test_ordinary_reports_are_not_transcripts(ex: Extractor, comp: StanceComponent) -> None:
    text = """Bolivia presses Chile on sea access

LA PAZ (AP) — Bolivia's foreign minister said on Monday that his government wanted talks on \
sovereign access to the Pacific. "We will not give up our claim," he said.

Note: an earlier version misspelled the minister's name.
"""
    assert turns_of(ex, comp, text) is None
    _, out = claims(ex, text)
    assert find(out, "BOL", "demand").actor == "BOL"


def test_asked_whether_in_reported_speech(ex: Extractor) -> None:
    text, out = claims(
        ex,
        """Morocco rules out referendum

RABAT (AFP) — Asked whether Rabat would allow an independence referendum in Western Sahara, \
Foreign Minister Nasser Bourita replied: "Never." He said autonomy was the only basis for talks.
""",
    )
    never = find(out, "MAR", "reject")
    assert never.quote == "Never"
    assert never.issue in ("governance", "recognition", "territory")
    # the reporter's question is no stance of Morocco's
    assert not any(c.quote.startswith("whether") for c in out)


def test_asked_answer_that_points_back_takes_the_asked_object(ex: Extractor) -> None:
    _, out = claims(
        ex,
        """When asked about a pullback of Eritrean troops from the border town, the information \
minister of Eritrea said: "That is not on the table."
""",
    )
    off = find(out, "ERI", "reject")
    assert off.issue == "territory"
    assert off.quote.startswith("That is not on the table")


def test_colon_datelines_are_not_speakers(ex: Extractor, comp: StanceComponent) -> None:
    text = """Pakistan signals openness to talks

ISLAMABAD: The foreign office said on Friday that Pakistan was ready for talks with India.

KARACHI: Traders said the closure of the Wagah crossing had hurt business.
"""
    assert turns_of(ex, comp, text) is None


def test_surname_labels_resolved_through_the_leaders_list(
    ex: Extractor, comp: StanceComponent
) -> None:
    text = """Round-up: what the two capitals said about the Donbas

Zelensky: We will never hand the rest of Donetsk to Moscow.

Peskov: We expect Kyiv to pull its forces out of the region.
"""
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert [t.actor.id for t in turns.turns if t.actor] == ["UKR", "RUS"]
    _, out = claims(ex, text)
    assert find(out, "UKR", "reject|offer").quote.startswith("We will never")
    assert find(out, "RUS", "demand").quote.startswith("We expect Kyiv")


def test_role_only_labels_take_the_state_the_introduction_gives_that_role(ex: Extractor) -> None:
    text = (
        "Press briefing by the Foreign Minister of Estonia, Tallinn, 12 May 2025\n\n"
        "MINISTER: Good morning. Estonia will not accept any change to the border treaty "
        "that parliament ratified.\n\n"
        "QUESTION (ERR): Are you ready to meet your Russian counterpart?\n\n"
        "MINISTER: We are ready to meet, but only after the prisoners are released.\n\n"
        "DEPUTY MINISTER KASK: We have asked Moscow to return the two border guards it seized."
    )
    _text, found = claims(ex, text)
    by_actor = {c.actor for c in found}
    assert by_actor == {"EST"}, sorted((c.actor, c.kind, c.issue) for c in found)
    assert {"reject", "demand"} <= {c.kind for c in found}


def test_answers_under_a_ministrys_own_heading_are_its_states(
    ex: Extractor, comp: StanceComponent
) -> None:
    # the heading names the issuing ministry; the answers name neither speaker nor side
    text = (
        "Ministry of Foreign Affairs of the Republic of Azerbaijan -- Regular briefing by the "
        "spokesperson, 12 February 2026\n\n"
        "Q: Will Baku accept European monitors on the border?\n\n"
        "A: No. We will never accept foreign troops on our soil.\n\n"
        "Q: And the peace treaty?\n\n"
        "A: We are ready to sign it as soon as Yerevan amends its constitution.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    answers = [t for t in turns.turns if t.role == "answer"]
    assert answers and {t.actor.id for t in answers if t.actor is not None} == {"AZE"}
    _, out = claims(ex, text)
    find(out, "AZE", "reject")
    find(out, "AZE", "demand", "governance")


def test_a_heading_naming_two_states_places_no_answer(ex: Extractor, comp: StanceComponent) -> None:
    text = (
        "Armenia and Azerbaijan: transcript of a joint press encounter, 12 February 2026\n\n"
        "Q: Is the treaty ready?\n\n"
        "A: We are close.\n\n"
        "Q: When will it be signed?\n\n"
        "A: Soon, we hope.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert all(t.actor is None for t in turns.turns if t.role == "answer")


def test_a_titled_speaker_placed_by_the_heading(ex: Extractor, comp: StanceComponent) -> None:
    # no nationality in the title; the heading's venue places the minister
    text = (
        "TRANSCRIPT -- Briefing by Defence Minister Karim Haddad after the cabinet meeting\n"
        "Government Palace, Beirut, 9 January 2026\n\n"
        "MINISTER HADDAD: The army will complete its deployment south of the river.\n\n"
        "QUESTION (Reuters): And the group's weapons?\n\n"
        "MINISTER HADDAD: We will not accept any weapons outside the authority of the state.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    speakers = {t.actor.id for t in turns.turns if t.role == "speaker" and t.actor is not None}
    assert speakers == {"LBN"}
    _, out = claims(ex, text)
    find(out, "LBN", "reject")


def test_an_interviewee_presented_by_nationality(ex: Extractor, comp: StanceComponent) -> None:
    text = (
        "INTERVIEW\n"
        "Mauritian Prime Minister Navin Ramgoolam on the archipelago and the base\n\n"
        "INTERVIEWER: Will London ratify the treaty?\n\n"
        "RAMGOOLAM: We expect the United Kingdom to ratify it without further delay.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert {t.actor.id for t in turns.turns if t.actor is not None} == {"MUS"}


def test_languages_in_a_heading_do_not_hide_its_state(ex: Extractor, comp: StanceComponent) -> None:
    text = (
        "Press conference of Deputy Prime Minister for Reintegration Ion Rusu, Chisinau, "
        "3 March 2026 (questions asked in Romanian and Russian have been translated)\n\n"
        "RUSU: Good afternoon.\n\n"
        "Q (TASS): Will the Russian troops leave the region?\n\n"
        "RUSU: They have to leave. We have said so for thirty years.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert {t.actor.id for t in turns.turns if t.role == "speaker" and t.actor} == {"MDA"}


def test_a_town_in_the_heading_places_speakers_over_the_language(
    ex: Extractor, comp: StanceComponent
) -> None:
    # the heading's town is in Colombia; the language of the original is no side
    text = (
        "TRANSCRIPT: Press conference of the peace commissioner, Otty Patino, and Defence "
        "Minister Luis Ortega\n"
        "Cucuta, March 4, 2026 (excerpts; translated from Spanish)\n\n"
        "ORTEGA: The army stays in the region until the corridors are secure.\n\n"
        "Q: Will you talk to the ELN?\n\n"
        "ORTEGA: Not while its fronts keep attacking civilians.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert {t.actor.id for t in turns.turns if t.role == "speaker" and t.actor} == {"COL"}


def test_a_capital_in_the_heading_outweighs_the_topic_region(
    ex: Extractor, comp: StanceComponent
) -> None:
    # "(excerpt: Gaza)" is the topic, Washington the venue; the heading's occasion is no party
    text = (
        "DEPARTMENT PRESS BRIEFING -- Monday, March 2, 2026\n"
        "Deputy Spokesperson Dana Hollis\n"
        "Washington, D.C. (excerpt: Gaza)\n\n"
        "MS HOLLIS: Our position is simple. Hamas has to hand over its heavy weapons.\n\n"
        "QUESTION: Would you accept a freeze instead?\n\n"
        "MS HOLLIS: No.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    assert {t.actor.id for t in turns.turns if t.role == "speaker" and t.actor} == {"USA"}
    _, out = claims(ex, text)
    assert "department_press_briefing" not in {c.actor for c in out}
    find(out, "USA", "demand")


VISITING_ENVOY = """TRANSCRIPT -- Joint press conference of Foreign Minister Ararat Mirzoyan and \
German special envoy Katrin Albers
Foreign Ministry, Yerevan, Tuesday 3 March 2026

MINISTER MIRZOYAN: Thank you for coming. We discussed the border commissions and the route \
through Syunik.

MS ALBERS: Germany is ready to send experts to help the commissions with the delimitation \
maps. We are open to any format that brings the two sides closer.

QUESTION: Minister, will Armenia change its constitution before the treaty is signed?

MINISTER MIRZOYAN: The constitution is a matter for the Armenian people alone.
"""


def test_a_visiting_envoy_speaks_for_the_state_of_the_title(ex: Extractor) -> None:
    # the heading is in Yerevan, but the envoy's title names her own state
    _text, out = claims(ex, VISITING_ENVOY)
    find(out, "DEU", "offer")
    assert not [c for c in out if c.actor == "ARM" and "format" in c.quote]


ONE_STATE_BRIEFING = """TRANSCRIPT: Weekly briefing of the Foreign Ministry of Armenia, Yerevan, 4 March 2026

SPOKESPERSON LIANA HOVAKIMYAN: Good afternoon. I have nothing to announce.

Q (Armenpress): Baku says our constitution must change before the treaty is signed. Your comment?

HOVAKIMYAN: We reject any precondition on our constitution. We are ready to sign the treaty \
as initialled.
"""


def test_a_short_label_speaks_for_the_side_of_its_full_label(ex: Extractor) -> None:
    """ "HOVAKIMYAN:" after "SPOKESPERSON LIANA HOVAKIMYAN:" in a briefing whose heading names
    one state: the spokesperson of that state, in every turn."""
    text, out = claims(ex, ONE_STATE_BRIEFING)
    assert find(out, "ARM", "reject").quote in text
    find(out, "ARM", "offer|accept", "process")
    assert not any(c.actor == "AZE" and c.kind == "reject" for c in out)


def test_a_role_label_is_not_given_a_state_the_heading_does_not_single_out(
    ex: Extractor,
) -> None:
    """A heading naming two states places no bare spokesperson label."""
    two = ONE_STATE_BRIEFING.replace(
        "Foreign Ministry of Armenia, Yerevan", "foreign ministers of Armenia and Azerbaijan"
    )
    _text, out = claims(ex, two)
    assert not any(c.actor == "ARM" and c.kind == "reject" for c in out)


def test_an_answer_pointing_back_takes_what_is_asked_not_when(ex: Extractor) -> None:
    # "after a deal" only dates the question; its object is the foreign troops
    text, out = claims(
        ex,
        "Press briefing by the Moldovan foreign ministry spokeswoman, Chisinau\n\n"
        "Q: And the idea of Romanian border troops in Transnistria after a deal?\n\n"
        "SPOKESWOMAN: We welcome it.\n",
    )
    welcome = find(out, "MDA", "accept")
    assert welcome.quote == "We welcome it"
    assert welcome.issue != "process", [(c.actor, c.kind, c.issue) for c in out]


# -- speakers placed by a body's heading, a role line, or a given name -----------------------

COMMISSION_BRIEFING = """European Commission midday briefing, Brussels, 9 October 2026 -- excerpt on \
Armenia and Azerbaijan

Spokesperson for foreign affairs and security policy: Maria Lindqvist

QUESTION: Baku says the peace treaty cannot be signed before Yerevan changes its constitution. \
Is the Commission on Baku's side?

LINDQVIST: We call on both sides to sign the treaty without further delay. We reject any \
preconditions that would hold the signature hostage.
"""


def test_a_bodys_briefing_speaks_for_the_body_not_for_the_topic(ex: Extractor) -> None:
    _text, out = claims(ex, COMMISSION_BRIEFING)
    assert find(out, "eu", "demand", "process").quote.startswith("We call on both sides")
    assert find(out, "eu", "reject").quote.startswith("We reject")
    # neither state the excerpt is about speaks in the spokesperson's turn
    assert not any(c.actor in ("ARM", "AZE") and c.quote.startswith("We ") for c in out)


KENYA_BRIEFING = """KENYA -- Ministry of Foreign and Diaspora Affairs, weekly briefing, Nairobi

Spokesperson Wanjiru Kamau Otieno. Excerpts.

Q: Khartoum says it will not attend talks in Nairobi. Will Kenya keep offering to host them?

WANJIRU: We remain ready to host talks between the Sudanese parties at any time. We call on \
both armies to agree an immediate humanitarian truce.
"""


def test_a_label_with_the_speakers_given_name_finds_the_spokesperson(ex: Extractor) -> None:
    _text, out = claims(ex, KENYA_BRIEFING)
    assert find(out, "KEN", "offer|propose", "process").quote.startswith("We remain ready")
    assert find(out, "KEN", "demand").quote.startswith("We call on")


ENVOY_INTERVIEW = """INTERVIEW: Pretoria's envoy on the Great Lakes talks

Thandi Mokoena, who represents South Africa on the regional mediation panel, spoke to our \
Nairobi correspondent on Monday.

Q: Kigali says it will not withdraw its troops before the FDLR is disarmed. Is that acceptable?

MOKOENA: No. We want every foreign force out of eastern Congo under the timetable both \
capitals signed.
"""


def test_a_relative_clause_of_representing_places_the_interviewee(ex: Extractor) -> None:
    _text, out = claims(ex, ENVOY_INTERVIEW)
    assert find(out, "ZAF", "demand").quote.startswith("We want every foreign force")


FALKLANDS_INTERVIEW = """INTERVIEW: "The islands are not up for discussion" -- Argentina's envoy on the Falklands

Maria Lopez, who represents Argentina in London, spoke to our correspondent on Monday.

Q: Britain says the islanders voted to stay British. Will you accept that?

LOPEZ: No. We call on London to resume negotiations on sovereignty.
"""


def test_a_genre_label_heading_an_interview_is_no_speaker(ex: Extractor) -> None:
    _text, out = claims(ex, FALKLANDS_INTERVIEW)
    assert not any(c.actor == "interview" for c in out)
    assert find(out, "ARG", "demand", "process").quote.startswith("We call on London")


def test_a_role_label_is_the_unnamed_guest_the_introduction_presents(ex: Extractor) -> None:
    # no name in the introduction: the guest's description places "OFFICIAL:" with Lithuania
    text = (
        "Morning programme, Vilnius, radio transcript\n"
        "Guest: a senior official of Lithuania's foreign ministry, who spoke on condition of "
        "anonymity.\n\n"
        "PRESENTER: Minsk says the balloons are a smuggling matter, not a political one. "
        "What does Vilnius want?\n\n"
        "OFFICIAL: We demand that Minsk stop the balloons at once. We are ready to reopen the "
        "crossings once the flights end.\n"
    )
    _, out = claims(ex, text)
    found = find(out, "LTU", "demand")
    assert any("official of Lithuania's foreign ministry" in s for s in found.sources)
    assert not [c for c in out if c.actor == "BLR"]


def test_an_answer_label_takes_the_side_of_an_unnamed_diplomat(comp: StanceComponent, ex) -> None:
    text = (
        "ADDIS ABABA, March 9 -- We spoke with a diplomat from the African Union, who asked "
        "not to be named.\n\n"
        "Q: Will the mediators meet the two armies?\n\n"
        "A: We are ready to host both delegations in Addis Ababa next week.\n"
    )
    turns = turns_of(ex, comp, text)
    assert turns is not None
    answer = next(t for t in turns.turns if t.role == "answer")
    assert answer.actor is not None and answer.actor.id == "au"


def test_a_named_guest_is_not_replaced_by_an_unnamed_one(ex: Extractor) -> None:
    # the introduction names the speaker: the label is that person, whatever else it mentions
    text = (
        "Interview transcript\n"
        "Marcelo Rebelo de Sousa, the president of Portugal, spoke to us; an official of "
        "Spain's foreign ministry joined later.\n\n"
        "Q: What do you ask of Madrid?\n\n"
        "A: We demand that Spain share the river flow data every week.\n"
    )
    _, out = claims(ex, text)
    assert find(out, "PRT", "demand")


def test_a_body_that_gives_the_briefing_owns_it_over_the_city(ex: Extractor) -> None:
    # the heading names the city (a state) and the body whose briefing it is: the body speaks
    text = (
        "TRANSCRIPT -- MONUSCO press briefing on the Rubaya mines\n\n"
        "Kinshasa, Wednesday 5 March 2025. Edited for length.\n\n"
        "SPOKESPERSON: Good morning. We call on the M23 to withdraw from Rubaya at once.\n\n"
        "Q: Will the mission protect the miners?\n\n"
        "SPOKESPERSON: We are ready to escort humanitarian convoys to the mining area.\n"
    )
    _, out = claims(ex, text)
    assert find(out, "monusco", "demand")
    assert not [c for c in out if c.actor == "COD"]


def test_a_briefing_by_a_bodys_spokesperson_is_the_bodys(ex: Extractor) -> None:
    text = (
        "Briefing by the spokesperson of UNSMIL, Tripoli, 4 September 2024\n\n"
        "SPOKESPERSON: We call for the immediate lifting of force majeure on the oil fields.\n\n"
        "Q: Has the east agreed?\n\n"
        "SPOKESPERSON: We welcome the commitment of both chambers to name a governor.\n"
    )
    _, out = claims(ex, text)
    assert {c.actor for c in out} == {"un"}
