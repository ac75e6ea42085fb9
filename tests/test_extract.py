"""Stance extraction: triggers, holders, issues, modifiers, attribution and the Extractor API."""

from __future__ import annotations

from datetime import date

from detente.extract import EXTRACTOR_NAME, Extractor, get_extractor
from detente.extract.lexicon import stance_lexicon, taxonomy
from detente.records import ISSUES, KINDS, Claim, Extraction, Report, normalize_text


def claims(ex: Extractor, text: str, published: date | None = None) -> list[Claim]:
    report = Report(text=normalize_text(text), published=published)
    out = ex.extract(report).claims
    for c in out:
        assert report.text[c.start : c.end] == c.quote
    return out


def triples(found: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.actor, c.kind, c.issue) for c in found}


# -- interface ---------------------------------------------------------------------------


def test_extractor_interface(ex: Extractor) -> None:
    assert get_extractor() is ex
    assert ex.name == EXTRACTOR_NAME == "detente.extract.v42"
    assert ex.components["stances"] == "detente_stances_v1"
    assert ex.components["gazetteer"] == "detente_gazetteer_v1"
    assert ex.model.startswith("en_core_web_sm")
    pipes = ex.nlp.pipe_names
    assert pipes.index("detente_gazetteer_v1") < pipes.index("ner")
    assert pipes[-1] == "detente_stances_v1"


def test_pipe_keeps_order_and_numbers_claims(ex: Extractor) -> None:
    reports = [
        Report(text="Hamas rejected the Israeli proposal for a phased truce."),
        Report(text="The weather in Geneva was mild."),
        Report(text="Serbia demanded guarantees for ethnic Serbs in northern Kosovo."),
    ]
    out = list(ex.pipe(reports, batch_size=2))
    assert [type(e) for e in out] == [Extraction] * 3
    assert all(e.extractor == EXTRACTOR_NAME for e in out)
    assert ("hamas", "reject", "process") in triples(out[0].claims)
    assert out[1].claims == []
    assert ("SRB", "demand", "minority_rights") in triples(out[2].claims)
    for e in out:
        assert [c.ordinal for c in e.claims] == list(range(len(e.claims)))
        assert set(e.actor_names) >= {c.actor for c in e.claims}


def test_a_stance_two_triggers_read_is_listed_once(ex: Extractor) -> None:
    # "non-negotiable" is read as a verdict and as a demand adjective: one claim, not two
    text = (
        "Nicosia reaffirmed its position. For Seoul, the pull-out of foreign artillery from the "
        "border zone is non-negotiable. Gitega said the deployment of its troops in South Kivu "
        'was "non-negotiable" as long as the rebels threatened its border.'
    )
    found = ex.extract(Report(text=text)).claims
    keys = [(c.actor, c.kind, c.issue, c.start, c.end) for c in found]
    assert {("KOR", "demand"), ("BDI", "demand")} <= {k[:2] for k in keys}, keys
    assert len(keys) == len(set(keys))
    assert [c.ordinal for c in found] == list(range(len(found)))
    assert all(0 <= o < len(found) for c in found for o in c.exchange_for)


def test_lexicon_and_taxonomy_use_only_known_kinds_and_issues() -> None:
    lex = stance_lexicon()
    assert set(lex.verbs.values()) <= set(KINDS)
    assert set(lex.nouns.values()) <= set(KINDS)
    tax = taxonomy()
    assert set(tax.definitions) == set(ISSUES)
    assert {issue for issue, _ in tax.words.values()} <= set(ISSUES)
    assert {issue for issue, _ in tax.phrases.values()} <= set(ISSUES)


# -- kinds and issues ---------------------------------------------------------------------


def test_coordinated_demands_give_one_claim_per_issue(ex: Extractor) -> None:
    found = claims(
        ex, "Moscow demands that Ukraine stay out of NATO, cap its army and give up Crimea."
    )
    assert triples(found) == {
        ("RUS", "demand", "alliances"),
        ("RUS", "demand", "military_limits"),
        ("RUS", "demand", "territory"),
    }
    crimea = next(c for c in found if c.issue == "territory")
    assert crimea.places == ["UA-43"]
    assert all(c.quote.endswith("give up Crimea") for c in found)


def test_never_accept_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex,
        "Ukrainian President Volodymyr Zelensky said Kyiv would never accept territorial concessions.",
    )
    assert triples(found) == {("UKR", "reject", "territory")}
    assert found[0].negated is False  # the negation is carried by the kind


def test_not_ruling_out_is_a_hedged_acceptance(ex: Extractor) -> None:
    found = claims(
        ex, "Colombia's government and the ELN did not rule out a new round of talks in Havana."
    )
    assert triples(found) == {("COL", "accept", "process"), ("eln", "accept", "process")}
    assert all(c.hedged for c in found)


def test_passive_agent_holds_the_stance(ex: Extractor) -> None:
    found = claims(ex, "The proposal was rejected by Serbia on Tuesday.")
    assert triples(found) == {("SRB", "reject", "process")}


def test_narrated_action_is_not_a_stance(ex: Extractor) -> None:
    assert claims(ex, "Russian forces withdrew from the village on Tuesday.") == []


def test_refusal_noun_with_possessor(ex: Extractor) -> None:
    found = claims(ex, "Kigali's refusal to withdraw its troops from North Kivu angered Kinshasa.")
    assert ("RWA", "reject", "territory") in triples(found)


# -- modifiers ----------------------------------------------------------------------------


def test_exchange_links_both_sides(ex: Extractor) -> None:
    found = claims(
        ex, "Hamas offered to free the remaining hostages in exchange for a lasting truce."
    )
    by = {(c.kind, c.issue): c for c in found}
    offer = by[("offer", "humanitarian")]
    demand = by[("demand", "ceasefire")]
    assert offer.actor == demand.actor == "hamas"
    assert offer.exchange_for == [demand.ordinal]
    assert demand.exchange_for == [offer.ordinal]


def test_condition_is_kept_and_becomes_a_demand(ex: Extractor) -> None:
    text = (
        "Azerbaijan is, in principle, willing to sign the peace treaty as long as Armenia "
        "amends its constitution."
    )
    found = claims(ex, text)
    accept = next(c for c in found if c.kind == "accept")
    assert (accept.actor, accept.issue) == ("AZE", "process")
    assert accept.conditional and accept.hedged
    assert accept.conditions == ["as long as Armenia amends its constitution"]
    assert ("AZE", "demand", "governance") in triples(found)


def test_unless_clause_of_a_refusal(ex: Extractor) -> None:
    found = claims(
        ex, "Petro said his government would not resume talks unless the ELN freed all hostages."
    )
    assert triples(found) == {("COL", "reject", "process"), ("COL", "demand", "humanitarian")}


def test_denied_report_keeps_the_reported_stance(ex: Extractor) -> None:
    found = claims(
        ex, "The Kremlin denied a report that Putin would accept a freeze of the front line."
    )
    assert triples(found) == {("RUS", "accept", "ceasefire")}
    assert found[0].denied is True
    assert found[0].speaker == "Vladimir Putin"
    assert found[0].quote.startswith("The Kremlin denied")


def test_must_in_reported_speech_is_the_speakers_demand(ex: Extractor) -> None:
    found = claims(ex, "Putin said Kyiv must pull its troops out of the Donbas.")
    assert triples(found) == {("RUS", "demand", "territory")}
    assert found[0].places == ["UA-14", "UA-09"]


# -- holders ------------------------------------------------------------------------------


def test_joint_statement_gives_one_claim_per_actor(ex: Extractor) -> None:
    found = claims(ex, "France, Germany and Britain called for an immediate ceasefire in Sudan.")
    assert triples(found) == {
        ("FRA", "demand", "ceasefire"),
        ("DEU", "demand", "ceasefire"),
        ("GBR", "demand", "ceasefire"),
    }


def test_plan_as_subject_goes_to_its_proponent(ex: Extractor) -> None:
    text = (
        "Washington presented a peace plan on Monday. "
        "The plan would require Ukraine to cap its army at 600,000 troops."
    )
    found = claims(ex, text)
    assert ("USA", "propose", "process") in triples(found)
    cap = next(c for c in found if c.issue == "military_limits")
    assert (cap.actor, cap.kind) == ("USA", "propose")
    assert any(q.value == 600000 for q in cap.quantities)


def test_pronoun_in_reported_speech_takes_the_speaker(ex: Extractor) -> None:
    found = claims(ex, "Hamas said it was ready to release all hostages.")
    assert triples(found) == {("hamas", "offer", "humanitarian")}


# -- sources and dates --------------------------------------------------------------------


def test_according_to_names_the_source(ex: Extractor) -> None:
    found = claims(ex, "According to the Financial Times, Russia demands recognition of Crimea.")
    assert triples(found) == {("RUS", "demand", "recognition")}
    assert found[0].sources == ["Financial Times"]
    assert found[0].anonymous is False
    assert found[0].quote == "Russia demands recognition of Crimea"


def test_unnamed_sources_are_anonymous(ex: Extractor) -> None:
    found = claims(
        ex, "Sources close to the talks said Rwanda demanded a buffer zone along the border."
    )
    assert triples(found) == {("RWA", "demand", "territory")}
    assert found[0].anonymous is True
    assert found[0].sources == ["Sources close to the talks"]


def test_reporting_outlet_is_a_source_not_an_actor(ex: Extractor) -> None:
    found = claims(ex, "Bloomberg reported that Turkey had offered to host a new round of talks.")
    assert triples(found) == {("TUR", "offer", "process")}
    assert found[0].sources == ["Bloomberg"]


def test_date_defaults_to_publication_and_reads_weekdays(ex: Extractor) -> None:
    friday = date(2025, 8, 15)
    found = claims(ex, "Hamas rejected the Israeli proposal for a phased truce.", friday)
    assert found[0].date == friday
    found = claims(
        ex, "On Wednesday, Hamas rejected the Israeli proposal for a phased truce.", friday
    )
    assert found[0].date == date(2025, 8, 13)


# -- further constructions ----------------------------------------------------------------


def test_copula_requirements_are_the_speakers_demands(ex: Extractor) -> None:
    found = claims(
        ex,
        "Government spokesman Patrick Muyaya said the departure of the rebels from Goma was "
        "non-negotiable.",
    )
    assert triples(found) == {("COD", "demand", "territory")}
    found = claims(
        ex,
        "Ukrainian Foreign Minister Andrii Sybiha said a full ceasefire should be the first step.",
    )
    assert triples(found) == {("UKR", "demand", "ceasefire")}


def test_no_truce_unless_is_a_refusal_with_a_demand(ex: Extractor) -> None:
    text = "Burhan said there can be no truce unless the RSF withdraws from the cities it holds."
    found = claims(ex, text)
    assert ("SDN", "reject", "ceasefire") in triples(found) or (
        "saf",
        "reject",
        "ceasefire",
    ) in triples(found)
    assert {c.kind for c in found} == {"reject", "demand"}


def test_offer_in_exchange_for_a_withdrawal(ex: Extractor) -> None:
    text = (
        "The ELN put forward a ceasefire across the north in exchange for the withdrawal "
        "of army troops from the town."
    )
    found = claims(ex, text)
    kinds = {(c.kind, c.issue) for c in found}
    assert ("propose", "ceasefire") in kinds
    assert ("demand", "territory") in kinds


def test_coordinated_sides_each_hold_the_stance(ex: Extractor) -> None:
    found = claims(
        ex,
        "Armenian and Azerbaijani negotiators agreed to reopen transport links across the region.",
    )
    assert triples(found) == {("ARM", "accept", "economy"), ("AZE", "accept", "economy")}


def test_relative_clause_describing_a_role_is_not_a_stance(ex: Extractor) -> None:
    found = claims(ex, "Qatar, which mediates between the two sides, hosted the meeting.")
    assert found == []


def test_not_up_for_negotiation_is_a_rejection(ex: Extractor) -> None:
    found = claims(
        ex,
        "The occupied Golan Heights are not up for negotiation, President Ahmed al-Sharaa said.",
    )
    assert triples(found) == {("SYR", "reject", "territory")}


def test_considering_to_lift_sanctions_is_an_offer(ex: Extractor) -> None:
    found = claims(ex, "Washington would consider lifting the remaining sanctions on Damascus.")
    assert triples(found) == {("USA", "offer", "sanctions")}
    assert found[0].hedged is True


# -- generalisation: people, bodies and reported speech -----------------------------------


def test_titled_person_later_named_bare_keeps_the_state(ex: Extractor) -> None:
    found = claims(
        ex,
        "Thai acting Prime Minister Somchai Rattanakul met Cambodian officials on Monday. "
        "Somchai rejected any international mediation of the border dispute. "
        "Rattanakul also demanded the removal of landmines from the frontier.",
    )
    actors = {c.actor for c in found}
    assert actors == {"THA"}
    assert ("THA", "reject", "process") in triples(found)


def test_unknown_bare_name_is_never_an_actor_of_its_own(ex: Extractor) -> None:
    found = claims(ex, "Gebremichael Tesfay insisted on a referendum in the disputed area.")
    assert all(not c.actor.startswith("gebremichael") for c in found)
    assert found == []


def test_body_of_an_organisation_speaks_for_it(ex: Extractor) -> None:
    found = claims(
        ex,
        "The African Union's Peace and Security Council demanded an immediate truce in "
        "South Sudan. Their Joint Border Committee agreed to meet in Juba.",
    )
    assert triples(found) == {("au", "demand", "ceasefire")}


def test_parenthetical_reporting_clause_gives_the_holder(ex: Extractor) -> None:
    found = claims(
        ex,
        "Ethiopian Prime Minister Abiy Ahmed addressed parliament. "
        "Eritrea, he said, had to accept talks on port access.",
    )
    assert ("ETH", "demand", "process") in triples(found)


def test_his_country_is_the_speakers_country(ex: Extractor) -> None:
    found = claims(
        ex,
        "Cambodian Foreign Minister Prak Sokhonn met Thai officials in Kuala Lumpur. Speaking "
        "after talks with Thailand, Sokhonn said his country would never cede the temple area.",
    )
    assert triples(found) == {("KHM", "reject", "territory")}


def test_relative_clause_about_past_behaviour_is_background(ex: Extractor) -> None:
    found = claims(
        ex,
        "Slovakia, which previously opposed the aid package, said it would back the loan. "
        "Hungary, which has blocked earlier decisions on sanctions, said nothing.",
    )
    assert triples(found) == {("SVK", "accept", "economy")}
    found = claims(
        ex,
        "The M23, which is negotiating separately with Kinshasa in Doha, said it would not "
        "withdraw from Goma.",
    )
    assert triples(found) == {("m23", "reject", "territory")}


# -- generalisation: refusals, conditions and threats --------------------------------------


def test_refusal_with_unless_is_a_rejection_and_a_demand(ex: Extractor) -> None:
    found = claims(
        ex,
        "Sudan's army chief Abdel Fattah al-Burhan said the army would not join any talks "
        "until the RSF withdrew from El Fasher.",
    )
    kinds = {(c.kind, c.issue) for c in found if c.actor == "saf"}
    assert ("reject", "process") in kinds
    assert ("demand", "territory") in kinds


def test_no_plans_to_ease_is_a_rejection(ex: Extractor) -> None:
    found = claims(ex, "Britain said it had no plans to lift its sanctions on Belarus.")
    assert triples(found) == {("GBR", "reject", "sanctions")}
    found = claims(ex, "Russia has no intention of withdrawing from Zaporizhzhia.")
    assert triples(found) == {("RUS", "reject", "territory")}


def test_declining_to_comment_is_no_stance(ex: Extractor) -> None:
    assert (
        claims(ex, "Kremlin spokesman Dmitry Peskov declined to discuss details of the plan.") == []
    )
    assert claims(ex, "The Houthis refused to comment on the report.") == []


def test_threats_of_force(ex: Extractor) -> None:
    found = claims(
        ex,
        "Thai Prime Minister Anutin Charnvirakul warned that Thailand would respond decisively "
        "to any further incursion.",
    )
    assert triples(found) == {("THA", "threaten", "ceasefire")}
    found = claims(ex, "Netanyahu said Hamas would be disarmed the easy way or the hard way.")
    assert triples(found) == {
        ("ISR", "demand", "military_limits"),
        ("ISR", "threaten", "military_limits"),
    }


def test_narrated_attack_is_no_threat(ex: Extractor) -> None:
    assert claims(ex, "Kyiv said Russian forces attacked Kharkiv overnight.") == []
    found = claims(
        ex, "Israel would pull back from some of the positions it seized in the buffer zone."
    )
    assert {c.kind for c in found} == {"offer"}


def test_passive_concession_of_another_party_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Kinshasa said the FDLR militia must be dismantled before any deal.")
    assert ("COD", "demand", "military_limits") in triples(found)
    found = claims(ex, "Rwanda says its measures will be lifted once the FDLR is neutralised.")
    # its own measures lifted: an offer (Rwanda's "measures" are sanctions or its defensive
    # military posture; the kind is what this checks)
    assert {("RWA", "offer", "sanctions"), ("RWA", "offer", "military_limits")} & triples(found)
    assert not any(a == "RWA" and k == "demand" and i == "sanctions" for a, k, i in triples(found))


# -- generalisation: anaphora, announcers, plans --------------------------------------------


def test_rejected_the_demand_takes_the_issue_of_the_demand(ex: Extractor) -> None:
    found = claims(
        ex,
        "Belgrade demanded the creation of an association of Serb-majority municipalities. "
        "Kosovo Prime Minister Albin Kurti rejected the demand on Tuesday.",
    )
    assert ("SRB", "demand", "minority_rights") in triples(found)
    assert ("XKX", "reject", "minority_rights") in triples(found)


def test_welcomed_the_move_takes_the_issue_of_the_move(ex: Extractor) -> None:
    found = claims(ex, "The Houthis offered to free 300 detainees. Saudi Arabia welcomed the move.")
    assert triples(found) == {
        ("houthis", "offer", "humanitarian"),
        ("SAU", "accept", "humanitarian"),
    }


def test_possessor_of_the_referred_stance_is_followed(ex: Extractor) -> None:
    found = claims(
        ex,
        "Turkish Cypriot leader Ersin Tatar demanded recognition of two sovereign states. "
        "Greek Cypriot leader Nikos Christodoulides called for a bizonal federation. "
        "Ankara backed Tatar's position.",
    )
    assert ("TUR", "accept", "recognition") in triples(found)


def test_own_content_beats_the_anaphor(ex: Extractor) -> None:
    found = claims(
        ex,
        "Hamas demanded a full Israeli withdrawal from Gaza. "
        "Israel rejected the demand for a Palestinian state.",
    )
    assert ("ISR", "reject", "recognition") in triples(found)
    assert ("ISR", "reject", "territory") not in triples(found)


def test_announcer_of_an_agreement_is_a_source_not_a_party(ex: Extractor) -> None:
    found = claims(
        ex,
        "Thailand and Cambodia held talks in Kuala Lumpur. Malaysian Prime Minister Anwar "
        "Ibrahim announced that both countries had agreed to an immediate ceasefire.",
    )
    assert triples(found) == {("THA", "accept", "ceasefire"), ("KHM", "accept", "ceasefire")}
    assert all(c.sources for c in found)


def test_both_sides_are_the_parties_named_together(ex: Extractor) -> None:
    found = claims(
        ex,
        "Armenia and Azerbaijan held talks in Abu Dhabi. "
        "The two sides agreed in principle to reopen rail links.",
    )
    assert {c.actor for c in found} == {"ARM", "AZE"}
    assert all(c.hedged for c in found)


def test_plan_verbs_state_the_proponents_terms(ex: Extractor) -> None:
    found = claims(
        ex,
        "Qatar and Egypt drafted a proposal. The proposal provides for the release of all "
        "hostages in two phases. It also foresees the return of displaced families to the north.",
    )
    assert ("QAT", "propose", "humanitarian") in triples(found)
    assert ("EGY", "propose", "humanitarian") in triples(found)
    assert {c.actor for c in found} == {"QAT", "EGY"}


def test_plan_verb_without_a_plan_is_no_stance(ex: Extractor) -> None:
    assert claims(ex, "It is hard to foresee a deal this year, Peskov said.") == []


# -- generalisation: issues by object, hedged willingness, wrapped text ---------------------


def test_object_noun_decides_the_issue_over_its_modifiers(ex: Extractor) -> None:
    found = claims(ex, "Israel agreed to a brief pause in strikes ahead of the election.")
    assert triples(found) == {("ISR", "accept", "ceasefire")}


def test_leaving_a_mission_is_about_the_force(ex: Extractor) -> None:
    found = claims(ex, "Kenya said it would withdraw its police from the multinational force.")
    assert triples(found) == {("KEN", "offer", "security_guarantees")}
    found = claims(ex, "Russia demanded that Ukraine withdraw its forces from Donetsk.")
    assert triples(found) == {("RUS", "demand", "territory")}


def test_could_agree_is_hedged_acceptance(ex: Extractor) -> None:
    found = claims(
        ex, "Kyiv could agree to a pause in strikes on energy facilities, Zelensky said."
    )
    assert triples(found) == {("UKR", "accept", "ceasefire")}
    assert found[0].hedged is True


def test_hard_wrapped_lines_stay_one_sentence(ex: Extractor) -> None:
    text = (
        "Kosovo rejects Serbian terms\n\n"
        "PRISTINA, May 6 (Reuters) - Serbia demanded on Tuesday that Kosovo dissolve its\n"
        "special police units in the north before any further talks, a government\n"
        "spokeswoman said. Kosovo Prime Minister Albin Kurti rejected\n"
        "the demand, saying the units were lawful.\n"
    )
    found = claims(ex, text, date(2025, 5, 6))
    assert {c.actor for c in found} == {"SRB", "XKX"}
    assert {c.kind for c in found if c.actor == "XKX"} == {"reject"}
    assert any("\n" in c.quote for c in found)  # the stance spans the wrapped line


def test_group_of_states_holds_the_stance_once_per_member(ex: Extractor) -> None:
    found = claims(ex, "The E3 offered to delay the return of UN sanctions on Iran.")
    assert {c.actor for c in found} == {"GBR", "FRA", "DEU"}
    assert {(c.kind, c.issue) for c in found} == {("offer", "sanctions")}


def test_conditions_listed_after_the_first_stay_conditions(ex: Extractor) -> None:
    found = claims(
        ex,
        "Washington offered to ease sanctions on Caracas if the government freed political "
        "prisoners, accepted international monitors and returned to negotiations with the "
        "opposition.",
    )
    got = triples(found)
    assert ("USA", "offer", "sanctions") in got
    assert ("USA", "demand", "humanitarian") in got
    assert ("USA", "demand", "process") in got


def test_headline_stance_gives_way_to_the_body(ex: Extractor) -> None:
    text = (
        "Seoul offers talks; Pyongyang rejects nuclear limits\n\n"
        "SEOUL, Sept 3 (Reuters) - South Korea proposed military talks with the North on "
        "Wednesday to prevent clashes along the border."
    )
    found = claims(ex, text, date(2025, 9, 3))
    body_start = text.index("SEOUL")
    assert {c.actor for c in found} == {"KOR", "PRK"}
    # South Korea's stance comes from the body only; the North's only from the headline.
    assert all(c.start >= body_start for c in found if c.actor == "KOR")
    assert [c.ordinal for c in found] == list(range(len(found)))


def test_person_in_apposition_speaks_for_the_side_described(ex: Extractor) -> None:
    found = claims(
        ex,
        "Yemen's government and the Houthis met in Muscat. The government's chief negotiator, "
        "Yahya Kazman, briefed journalists. The cabinet's view, he added, had not shifted: no "
        "accord could be initialled before the Houthis ended their raids on tankers.",
    )
    assert {c.actor for c in found} == {"YEM"}


def test_bare_government_is_the_state_the_report_is_about(ex: Extractor) -> None:
    found = claims(
        ex,
        "Sudan's Sovereign Council said Sudan would not sign a truce. Sudan demanded the "
        "withdrawal of the RSF from El Fasher. Mediators from Egypt and Saudi Arabia held "
        "meetings with Qatar and Turkey in Jeddah and Cairo over the following weeks, and "
        "envoys of the United States and the African Union travelled between the capitals. "
        "The government said it would reject any deal that kept the paramilitaries in cities.",
    )
    assert {c.actor for c in found} == {"SDN"}


def test_refusal_idioms(ex: Extractor) -> None:
    found = claims(ex, "The Taliban said they would take no part in the Doha meeting.")
    assert triples(found) == {("taliban", "reject", "process")}
    found = claims(ex, "Kosovo will take part in the Brussels talks.")
    assert triples(found) == {("XKX", "accept", "process")}
    found = claims(ex, "Russia no longer considers itself bound by the Black Sea grain deal.")
    assert {(c.actor, c.kind) for c in found} == {("RUS", "reject")}
    found = claims(ex, "Israel dismissed calls to withdraw from the Philadelphi corridor.")
    assert triples(found) == {("ISR", "reject", "territory")}


def test_talks_on_hold_until_a_condition(ex: Extractor) -> None:
    found = claims(
        ex, "Belgrade put the dialogue on hold until Pristina released the detained Serb police."
    )
    got = triples(found)
    assert ("SRB", "reject", "process") in got
    assert ("SRB", "demand", "humanitarian") in got
    assert all(c.conditional for c in found if c.kind == "reject")


def test_condition_about_ongoing_attacks_demands_they_stop(ex: Extractor) -> None:
    found = claims(
        ex,
        "The Arakan Army said it would not take part in any talks as long as the military "
        "kept bombing villages in Rakhine.",
    )
    assert triples(found) == {("aa", "reject", "process"), ("aa", "demand", "ceasefire")}


def test_place_names_cover_every_place_used(ex: Extractor) -> None:
    out = ex.extract(
        Report(text="Moscow demanded that Kyiv withdraw from Donetsk and Luhansk regions.")
    )
    used = {p for c in out.claims for p in c.places} | {f.place for f in out.facts}
    assert used and set(out.place_names) == used
    assert all(name and name != code for code, name in out.place_names.items())


def test_deal_nouns_take_the_issue_of_what_they_cover(ex: Extractor) -> None:
    found = claims(ex, "Egypt called for a binding treaty on the Nile waters.")
    assert triples(found) == {("EGY", "demand", "economy")}


def test_negated_intention_is_a_rejection(ex: Extractor) -> None:
    found = claims(ex, "The EU does not plan to lift its sanctions on Russia.")
    assert triples(found) == {("eu", "reject", "sanctions")}
    assert found[0].negated is False


def test_sending_troops_is_about_security(ex: Extractor) -> None:
    found = claims(ex, "Britain and France said they would send troops to Ukraine after a truce.")
    assert triples(found) == {
        ("GBR", "offer", "security_guarantees"),
        ("FRA", "offer", "security_guarantees"),
    }


def test_second_to_infinitive_is_a_second_demand(ex: Extractor) -> None:
    found = claims(
        ex, "Moscow wants Kyiv to abandon its bid to join NATO and to cap its armed forces."
    )
    assert triples(found) == {("RUS", "demand", "alliances"), ("RUS", "demand", "military_limits")}


def test_leader_named_before_his_description(ex: Extractor) -> None:
    found = claims(
        ex,
        "The Polisario Front rejected the plan. Brahim Ghali, the movement's leader, said the "
        "Sahrawi people would never accept Moroccan sovereignty over the territory.",
    )
    assert {c.actor for c in found} == {"polisario"}


def test_breaking_off_talks_is_a_rejection_even_as_news(ex: Extractor) -> None:
    found = claims(
        ex, "Colombian President Gustavo Petro suspended peace talks with the ELN on Monday."
    )
    assert triples(found) == {("COL", "reject", "process")}
    assert claims(ex, "Talks that were suspended in January resumed in Caracas.") == []


def test_conditions_imposed_point_back_to_the_demand(ex: Extractor) -> None:
    found = claims(
        ex,
        "Bogota demanded that the ELN free all hostages before talks resume. The ELN said it "
        "would not accept conditions imposed unilaterally.",
    )
    assert ("eln", "reject", "humanitarian") in triples(found)


def test_return_of_a_place_is_territory_of_people_humanitarian(ex: Extractor) -> None:
    found = claims(ex, "Tigray leaders demanded the return of Western Tigray.")
    assert {(c.kind, c.issue) for c in found} == {("demand", "territory")}
    found = claims(ex, "Armenia called for the return of Armenian prisoners held in Baku.")
    assert triples(found) == {("ARM", "demand", "humanitarian")}


def test_stance_idioms(ex: Extractor) -> None:
    found = claims(ex, "Washington gave the green light to a UN force in Gaza.")
    assert triples(found) == {("USA", "accept", "security_guarantees")}
    found = claims(ex, "Hungary stood in the way of new sanctions on Russia.")
    assert triples(found) == {("HUN", "reject", "sanctions")}
    found = claims(ex, "Kyiv said no to any ceasefire that would freeze the front line.")
    assert triples(found) == {("UKR", "reject", "ceasefire")}
    found = claims(ex, "Moscow would never say yes to NATO troops in Ukraine.")
    assert {(c.actor, c.kind) for c in found} == {("RUS", "reject")}
    found = claims(ex, "Germany threw its weight behind the reparations loan.")
    assert triples(found) == {("DEU", "accept", "economy")}


def test_verdicts_on_a_plan(ex: Extractor) -> None:
    found = claims(ex, "The plan, Lavrov said, was a good basis for talks.")
    assert triples(found) == {("RUS", "accept", "process")}
    found = claims(ex, "Peskov said the plan was not acceptable to Moscow.")
    assert triples(found) == {("RUS", "reject", "process")}
    found = claims(ex, "Moscow said the British proposals were entirely unconstructive.")
    assert ("RUS", "reject", "process") in triples(found)
    assert ("GBR", "reject", "process") not in triples(found)
    assert claims(ex, "The strikes were unacceptable, Macron said.") == []


def test_handing_over_a_person_is_justice(ex: Extractor) -> None:
    found = claims(
        ex,
        "Kosovo demanded that Serbia hand over Milan Radoicic. Serbian President Aleksandar "
        "Vucic dismissed the demand.",
    )
    assert triples(found) == {("XKX", "demand", "justice"), ("SRB", "reject", "justice")}
    found = claims(ex, "Russia would never hand over Crimea.")
    assert triples(found) == {("RUS", "reject", "territory")}


def test_accusation_is_not_the_accusers_stance(ex: Extractor) -> None:
    found = claims(
        ex,
        "The RSF accused the army of blocking aid and demanded unhindered access to Darfur.",
    )
    assert triples(found) == {("rsf", "demand", "humanitarian")}


def test_requirement_in_a_position_clause(ex: Extractor) -> None:
    found = claims(
        ex, "The Kremlin reiterated its position that Ukraine must leave the four regions."
    )
    assert triples(found) == {("RUS", "demand", "territory")}


def test_he_is_the_last_person_named_as_a_subject(ex: Extractor) -> None:
    found = claims(
        ex,
        "Congolese President Felix Tshisekedi met Rwandan President Paul Kagame in Doha. "
        "He demanded that Rwanda withdraw its troops from eastern Congo.",
    )
    assert triples(found) == {("COD", "demand", "territory")}


def test_considering_an_approach_of_ones_own_is_an_offer(ex: Extractor) -> None:
    found = claims(
        ex,
        "President Lee Jae-myung said his government might consider a phased approach that "
        "starts with a freeze of the North's nuclear programme.",
    )
    assert ("KOR", "offer", "military_limits") in triples(found)
    assert {(c.actor, c.kind) for c in found} == {("KOR", "offer")}
    assert all(c.hedged for c in found)


# -- generalisation round: invented sentences across conflicts ------------------------------


def test_must_in_reported_speech_is_the_speakers_demand_only(ex: Extractor) -> None:
    # The addressee of "must" ("the government") is no issue cue of its own.
    found = triples(
        claims(ex, "An M23 spokesman said the government must now honour the ceasefire accord.")
    )
    assert ("m23", "demand", "governance") not in found
    assert {a for a, _, _ in found} == {"m23"}
    assert ("hamas", "demand", "ceasefire") in triples(
        claims(ex, "Hamas said Israeli strikes on Khan Younis must stop.")
    )


def test_means_of_retaliation_name_the_issue(ex: Extractor) -> None:
    found = triples(
        claims(ex, "The Kremlin said it would retaliate by seizing Western property and assets.")
    )
    assert ("RUS", "threaten", "economy") in found
    assert ("RUS", "threaten", "ceasefire") not in found


def test_offered_soldiers_for_a_force_are_security_not_land(ex: Extractor) -> None:
    found = triples(
        claims(ex, "Kenya offered 1,000 police officers and soldiers for the multinational force.")
    )
    assert ("KEN", "offer", "security_guarantees") in found
    assert ("KEN", "offer", "territory") not in found


def test_power_only_to_an_elected_body_is_a_demand(ex: Extractor) -> None:
    text = (
        "Sudan's army chief said the military would hand over power only to an elected government."
    )
    assert ("saf", "demand", "governance") in triples(claims(ex, text))
    assert ("TUR", "demand", "territory") in triples(
        claims(ex, "Turkey intends to keep its outpost on the buffer zone in Cyprus.")
    )


def test_treaty_in_abeyance_is_held_back(ex: Extractor) -> None:
    found = claims(ex, "India said the Indus Waters Treaty would remain in abeyance for now.")
    assert ("IND", "reject", "economy") in triples(found)


def test_considering_ones_own_step_or_measures_against_others(ex: Extractor) -> None:
    own = claims(ex, "The Houthis could consider freezing their missile launches at ships.")
    assert [(c.actor, c.kind, c.hedged) for c in own] == [("houthis", "offer", True)]
    against = triples(
        claims(ex, "The EU would consider new measures against anyone who obstructs the vote.")
    )
    assert ("eu", "threaten", "sanctions") in against
    assert ("eu", "offer", "sanctions") not in against


def test_negated_pledges_and_menacing_vows(ex: Extractor) -> None:
    assert ("RUS", "offer", "ceasefire") in triples(
        claims(ex, "Russia pledged not to attack energy facilities for 30 days.")
    )
    assert ("SRB", "reject", "process") in triples(
        claims(ex, "Serbia vowed not to sign the treaty until its demands are met.")
    )
    assert ("hamas", "offer", "military_limits") in triples(
        claims(ex, "Hamas promised not to rearm.")
    )
    vow = triples(
        claims(
            ex,
            "Israel's defence minister vowed that southern Syria will be demilitarised "
            "the easy way or the hard way.",
        )
    )
    assert vow == {("ISR", "threaten", "military_limits")}


def test_passive_verdict_of_war_is_a_warning(ex: Extractor) -> None:
    found = triples(
        claims(ex, "Any strike on the dam would be considered a declaration of war, Egypt said.")
    )
    assert found == {("EGY", "threaten", "ceasefire")}


def test_condition_subject_decides_over_a_weak_verb(ex: Extractor) -> None:
    text = "The EU said sanctions must stay until every prisoner is freed and the repression stops."
    found = triples(claims(ex, text))
    assert ("eu", "demand", "justice") in found
    assert ("eu", "demand", "ceasefire") not in found
    # the complementizer "that" is no cue for the process
    assert ("eu", "demand", "sanctions") in triples(
        claims(ex, "The EU insisted that sanctions stay in place until Russia withdraws.")
    )


def test_reaching_a_deal_is_acceptance_by_each_party(ex: Extractor) -> None:
    found = triples(
        claims(ex, "Armenia and Azerbaijan reached an agreement on border delimitation.")
    )
    assert found == {("ARM", "accept", "territory"), ("AZE", "accept", "territory")}
    assert ("USA", "accept", "process") in triples(
        claims(ex, "Trump said he would strike a deal with Putin.")
    )
    assert claims(ex, "No agreement was reached in Istanbul.") == []
    assert claims(ex, "The two delegations failed to reach a deal on prisoners.") == []
    assert claims(ex, "Russian troops reached the border of Dnipropetrovsk region.") == []
    assert ("AZE", "accept", "economy") in triples(
        claims(ex, "Azerbaijan agreed on a regional economic integration framework with Armenia.")
    )


def test_leaving_talks_and_declaring_truces(ex: Extractor) -> None:
    assert ("USA", "reject", "process") in triples(
        claims(ex, "Washington withdrew from the talks on Tuesday.")
    )
    assert ("NOR", "reject", "process") in triples(
        claims(ex, "Norway suspended its mediation role.")
    )
    assert claims(ex, "Russian troops withdrew from Kherson.") == []
    truce = triples(
        claims(
            ex, "Sudan's paramilitary Rapid Support Forces announced a three-month truce on Monday."
        )
    )
    assert truce == {("rsf", "offer", "ceasefire")}
    assert claims(ex, "Israel announced a halt to aid deliveries into Gaza.") == []


def test_the_movement_named_before_keeps_its_id(ex: Extractor) -> None:
    text = (
        "The ELN, Colombia's largest remaining rebel group, attacked a base near Cucuta. "
        "The group said it would never disarm."
    )
    assert ("eln", "reject", "military_limits") in triples(claims(ex, text))


def test_refusing_ones_own_act_on_terms(ex: Extractor) -> None:
    text = (
        "Kosovo's prime minister Albin Kurti said he would not form the association "
        "before Serbia recognised Kosovo."
    )
    found = triples(claims(ex, text))
    assert ("XKX", "reject", "minority_rights") in found
    assert ("XKX", "demand", "recognition") in found
    congo = triples(
        claims(
            ex,
            "Tshisekedi said Congo would not negotiate with the M23 while Rwandan troops "
            "remained on its soil.",
        )
    )
    assert ("COD", "reject", "process") in congo
    assert any(k == "demand" and a == "COD" for a, k, _ in congo)


def test_foreign_troops_leaving_is_a_military_limit(ex: Extractor) -> None:
    assert ("MLI", "demand", "military_limits") in triples(
        claims(ex, "Mali's junta demanded the withdrawal of all foreign forces from the country.")
    )
    assert ("RUS", "demand", "territory") in triples(
        claims(ex, "Russia demanded the withdrawal of Ukrainian troops from Donetsk.")
    )


def test_threat_to_leave_the_talks_is_about_the_process(ex: Extractor) -> None:
    assert triples(claims(ex, "Burundi threatened to pull out of the peace process.")) == {
        ("BDI", "threaten", "process")
    }


def test_own_attacks_halting_is_the_speakers_offer(ex: Extractor) -> None:
    found = claims(ex, "The RSF said the fighting around El Fasher would end if the army withdrew.")
    assert ("rsf", "offer", "ceasefire") in triples(found)
    assert any(c.conditional for c in found if c.kind == "offer")


def test_a_proposal_for_something_names_its_issue(ex: Extractor) -> None:
    found = triples(
        claims(ex, "Sudan's government rejected a US-backed proposal for a humanitarian truce.")
    )
    assert any(k == "reject" and i == "ceasefire" for _, k, i in found)


def test_expecting_another_party_to_act_is_a_demand(ex: Extractor) -> None:
    found = claims(ex, "Moscow expects Kyiv to abandon its NATO ambitions.")
    assert [(c.actor, c.kind, c.issue, c.hedged) for c in found] == [
        ("RUS", "demand", "alliances", False)
    ]
    assert claims(ex, "Israel expects the ceasefire to hold.") == []
    assert claims(ex, "Talks between Serbia and Kosovo are expected to resume next week.") == []


def test_laying_down_arms_and_surrender_are_military_limits(ex: Extractor) -> None:
    assert triples(claims(ex, "The ELN said it would not lay down its weapons.")) == {
        ("eln", "reject", "military_limits")
    }
    found = triples(
        claims(ex, "The Sudanese army said it would keep fighting until the RSF surrendered.")
    )
    assert ("saf", "demand", "military_limits") in found
    assert ("saf", "demand", "territory") not in found


def test_a_swift_response_is_a_threat_not_sanctions(ex: Extractor) -> None:
    text = "Pakistan's army said any Indian misadventure would be met with a swift response."
    found = triples(claims(ex, text))
    # no issue cue names what the response is (the learned arbiter picks one); never sanctions
    assert {(a, k) for a, k, _i in found} == {("PAK", "threaten")}
    assert not any(i == "sanctions" for _a, _k, i in found)
    assert claims(ex, "Israel said its demands had been met.") == []


def test_responding_is_a_threat_only_without_something_answered(ex: Extractor) -> None:
    assert triples(claims(ex, "Iran warned it would respond.")) == {
        ("IRN", "threaten", "ceasefire")
    }
    assert claims(ex, "Hamas said it would respond to the proposal on Friday.") == []


def test_the_plan_takes_the_issue_of_the_proposal_before(ex: Extractor) -> None:
    text = "Egypt proposed a two-stage truce in Gaza. Hamas accepted the plan on Sunday."
    found = triples(claims(ex, text))
    assert {("hamas", "accept", "process"), ("hamas", "accept", "ceasefire")} <= found


def test_releasing_captured_soldiers_is_humanitarian(ex: Extractor) -> None:
    text = (
        "The ELN said it would release the soldiers it kidnapped last week as a goodwill gesture."
    )
    assert triples(claims(ex, text)) == {("eln", "offer", "humanitarian")}
