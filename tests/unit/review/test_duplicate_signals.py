"""Swedish-aware text, the function vocabulary, the product catalogue, evidence against, the
logistic refit and the survivor (ADR 0023)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from produktlyft.inventory.model import System
from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    SystemFeatures,
    build_features,
    find_duplicates,
    score_pairs,
    signals_model,
)
from produktlyft.review.analysis.duplicates_signals import (
    has_marker,
    load_vocabulary,
    match_product,
    place_system,
)
from produktlyft.review.analysis.duplicates_text import (
    TEXT_SKIP,
    corpus_splitter,
    split_name,
    stem,
    suspended,
    tokens,
)
from produktlyft.review.analysis.duplicates_user_products import user_product_problems
from produktlyft.review.analysis.review import suggest_survivor
from tests.support.duplicates import named_systems


def test_normalisation_keeps_diacritics_and_drops_versions_and_parentheticals() -> None:
    assert split_name("W3D3 (läsläge) 7.2") == ("W3D3", ["läsläge"])
    assert stem("åren") != stem("aren")
    assert tokens("Kommunens system för Ärenden") == [stem("ärenden")]


def test_stemming_swedish_and_english() -> None:
    assert stem("lokaler") == stem("lokal")
    assert stem("permits") == stem("permit")


def test_definite_forms_snowball_leaves_whole_meet_their_base() -> None:
    # Swedish Snowball strips "-a" but not the definite "-an", nor Latin "-ium"/"-iet"
    assert stem("kulturskolan") == stem("kulturskola") == stem("kulturskolor")
    assert stem("kartan") == stem("karta")
    assert stem("arbetsscheman") == stem("arbetsschema")
    assert stem("diariet") == stem("diarium") == stem("diarier")
    assert stem("plan") != stem("pla")  # short words are not definite forms


def test_compound_split_meets_the_phrase() -> None:
    splitter = corpus_splitter(["bokning av lokaler", "bygglov", "planering"], ["hantering"])
    assert set(tokens("Bokning av lokaler", splitter)) <= set(tokens("Lokalbokning", splitter))
    assert stem("bygglov") in tokens("Bygglovshantering", splitter)
    assert any(t.startswith("planer") for t in tokens("Planeringsverktyg", splitter)[1:])


def test_vocabulary_places_a_system_with_confidence_and_words() -> None:
    vocabulary = load_vocabulary()
    splitter = corpus_splitter(["lokalbokning idrottshallar"], vocabulary.words())
    place = place_system("Lokalbokning", "Uthyrning av idrottshallar", [], vocabulary, splitter)
    assert max(place.functions, key=place.functions.__getitem__) == "lokalbokning"
    assert 0.5 < place.functions["lokalbokning"] <= 1.0
    assert place.evidence["lokalbokning"]


def test_the_words_that_placed_a_system_come_in_the_vocabulary_order() -> None:
    # they were read from a set of stems, so their order (and the reason's wording) changed
    # with the interpreter's hash seed
    vocabulary = load_vocabulary()
    text = "Bygglov, rivningslov, marklov, startbesked, slutbesked och förhandsbesked enligt PBL"
    splitter = corpus_splitter([text], vocabulary.words())
    place = place_system("Bygglovsärenden", text, [], vocabulary, splitter)
    assert place.evidence["bygglov"] == ["bygglov", "pbl", "startbesked"]  # the first three


def test_home_grown_marks_words_parts_and_phrases_but_not_read_access() -> None:
    vocabulary = load_vocabulary()

    def marked(*texts: str) -> bool:
        return has_marker(texts, vocabulary.homegrown, vocabulary.homegrown_except)

    assert marked("Politikerarvoden (Access)", "Egenutvecklad", "")
    assert marked("Elevregister", "", "Access-databas där musikskolan håller elever.")
    assert marked("Nyckelkvittenser", "", "Filer i en delad mapp på fastighetskontoret.")
    assert marked("Ärendelogg", "", "A SharePoint-lista kept by the service desk.")
    # phrases were compared word by word, so "delad mapp" never matched; and an English
    # description that gives "read access to" records is not an Access database
    assert not marked("NPÖ", "Inera", "National patient summary: read access to records.")
    assert not marked("Nexus Identity Manager", "Nexus", "Identities and access rights.")


def test_catalogue_places_a_known_product_and_a_user_file_overrides(tmp_path: Path) -> None:
    assert match_product("Procapita IFO (läsläge)", load_vocabulary()).functions[0] == (
        "socialtjanst_ifo"
    )
    assert match_product("Okänt system", load_vocabulary()) is None
    user = tmp_path / "products.json"
    entry = {"vendor": "Lokal AB", "product": "Treserva", "functions": ["bibliotek"]}
    user.write_text(json.dumps({"products": [entry]}), encoding="utf-8")
    assert match_product("Treserva", load_vocabulary(user)).functions == ("bibliotek",)
    assert match_product("Treserva", load_vocabulary(catalogue=False)) is None


def test_a_product_of_several_functions_vouches_for_the_one_its_own_words_name() -> None:
    vocabulary = load_vocabulary()
    assert set(match_product("Sitevision", vocabulary).functions) >= {"intranat", "webbplats"}
    texts = ["Sitevision Intranät", "Kommunens intranät för medarbetare"]
    splitter = corpus_splitter(texts, vocabulary.words())
    intranet = place_system(*texts, [], vocabulary, splitter)
    assert intranet.functions["intranat"] > 0.9
    assert intranet.functions.get("webbplats", 0.0) < 0.5
    # without words of its own the product still places it on every function it serves
    bare = place_system("Sitevision", "", [], vocabulary, splitter)
    assert bare.functions["intranat"] == bare.functions["webbplats"] > 0.8


def test_a_module_the_catalogue_does_not_know_is_placed_by_its_own_words() -> None:
    # the catalogue knows Treserva for social services; its health-record module placed on
    # them as well paired it with every social-services system of the organisation
    vocabulary = load_vocabulary()
    assert "halso_journal" not in match_product("Treserva", vocabulary).functions
    texts = ["Treserva HSL", "Hälso- och sjukvårdsjournal för hemsjukvården"]
    splitter = corpus_splitter(texts, vocabulary.words())
    module = place_system(*texts, [], vocabulary, splitter)
    assert module.product == "Treserva" and module.functions["halso_journal"] > 0.8
    assert "socialtjanst_ifo" not in module.functions and "vard_omsorg" not in module.functions
    # a description that names nothing of its own keeps the product's functions
    plain = place_system("Treserva", "Verksamhetssystem", [], vocabulary, splitter)
    assert plain.functions["socialtjanst_ifo"] > 0.8


def test_a_term_does_not_match_a_common_word_of_the_same_stem() -> None:
    # one Snowball stemmer serves both languages: "parking" and "park" share the stem "park",
    # so a fault report for streets and parks was placed on parking enforcement
    vocabulary = load_vocabulary()
    texts = ["Felanmälan gata och park", "Invånarnas felanmälningar om gator och parker"]
    splitter = corpus_splitter(texts, vocabulary.words())
    place = place_system(*texts, [], vocabulary, splitter)
    assert "felanmalan_gata" in place.functions and "parkering" not in place.functions
    english = place_system("Parking enforcement", "", [], vocabulary, splitter)
    assert "parkering" in english.functions
    # nor a Swedish term a common word: "ledighet" (leave) stems to "led", as "ledare" does
    texts = ["Ledarforum", "Nätverk och kurser för kommunens ledare"]
    leaders = place_system(*texts, [], vocabulary, corpus_splitter(texts, vocabulary.words()))
    assert "hr_sjalvservice" not in leaders.functions


def _placed(name: str, description: str) -> set[str]:
    vocabulary = load_vocabulary()
    splitter = corpus_splitter([name, description], vocabulary.words())
    return set(place_system(name, description, [], vocabulary, splitter).functions)


def test_a_term_does_not_match_a_common_word_or_compound_part_of_its_stem() -> None:
    # "operation" (surgery) is also IT operations; "accounting" shares its stem with user
    # accounts; "recept" (a recipe) with "reception"
    assert "operation" not in _placed("Driftportal", "Översikt för IT operations och jourhavande")
    assert "ekonomi" not in _placed("Kontoportal", "Self-service for user accounts and passwords")
    assert "maltid" not in _placed("Besöksbokning", "Bokning av besök i receptionen")
    # the functions are still found where they are meant
    assert "kassa" in _placed("Kassasystem", "Kassaapparat och kortbetalning i simhallen")
    assert "operation" in _placed("Orbit", "Planering av operationer på operationsavdelningen")


def test_a_term_of_one_word_and_a_stop_word_is_matched_as_a_phrase() -> None:
    # "case management", "digital brevlåda": their one word alone matches far too much, and
    # before they were never matched at all (about fifty terms of the vocabulary)
    assert "intranat" in _placed("Medarbetarnytt", "Employee information and news")
    assert "avtal" in _placed("Avtalskatalogen", "Contract management for purchasing")
    assert "digital_post" in _placed("Utskick", "Skickar beslut och brev till digital post")
    # the words apart, or in another order, are not the phrase
    assert "intranat" not in _placed("Lönespec", "Information on pay for each employee")
    assert "avtal" not in _placed("Kontraktsbyggare", "Management of the contract works")
    assert "digital_post" not in _placed("Anslagstavla", "Post och nyheter, digital skärm")


def test_an_inflected_word_is_not_split_into_its_stem_and_an_ending() -> None:
    # "hemtjänstinsatser" split as the stem of "hemtjänstinsats" + the word "ser" (sees), so a
    # home-care planning tool never met the term "planering hemtjänst"
    texts = ["TES", "Planeringsverktyg för hemtjänstinsatser", "Hemtjänstinsats", "ser"]
    splitter = corpus_splitter(texts, load_vocabulary().words())
    assert splitter.split("hemtjänstinsatser") == ("hemtjänst", "insatser")
    assert "hemtjanstplanering" in _placed("TES", "Planeringsverktyg för hemtjänstinsatser")


def test_a_compound_splits_into_the_fewest_parts() -> None:
    # "kursplattform" split as "kurspl" (the stem of "kursplan") + "att" + "form", so a
    # course platform was no longer a platform
    splitter = corpus_splitter(["Kursplattform", "kursplaner"], load_vocabulary().words())
    assert splitter.split("kursplattform") == ("kurs", "plattform")
    # and an English dictation tool is not a transcript of records (a degree certificate)
    text = "Digital dictation: recordings sent to secretaries for transcription"
    assert "examensbevis" not in _placed("Diktera", text)


def test_an_english_compound_part_does_not_meet_a_short_term() -> None:
    # "workspace" split as "works" + "pace", whose stem is that of "PACS": an office suite was
    # placed on medical imaging
    assert "radiologi_bild" not in _placed("Google Workspace for Education", "Elevkonton")
    assert "radiologi_bild" in _placed("Röntgenarkiv", "Bildarkiv för röntgenbilder, DICOM")


def test_office_suites_are_placed_as_one_function() -> None:
    # Microsoft 365 and Google Workspace had no function, so two suites of one school
    # organisation were never compared
    vocabulary = load_vocabulary()
    for name in ("Microsoft 365", "Google Workspace for Education"):
        product = match_product(name, vocabulary)
        assert product is not None and product.functions == ("kontorsplattform",)


def test_staff_schedules_school_buses_and_councillors_papers_have_their_functions() -> None:
    assert "personalplanering" in _placed("Arbetsscheman (Excel)", "Personalens arbetsscheman")
    assert "skolskjuts" in _placed("Elevresor", "Vilka elever som åker skolbuss")
    # school transport does not replace the transport service for the disabled (färdtjänst)
    assert "fardtjanst" not in _placed("Skolskjutsregistret", "Beviljar skolskjuts")
    assert "skolskjuts" not in _placed(
        "Färdtjänsten", "Tillstånd för färdtjänst och riksfärdtjänst"
    )
    assert "motesapp" in _placed("Meetings", "Digitala möteshandlingar för politiker")


def test_a_compound_part_does_not_match_where_a_term_names_the_whole() -> None:
    # "omsorg" is a term of elderly and disability care, and the tail of "familjeomsorg" in
    # "individ- och familjeomsorg", a term of social services: a social-services case system
    # was placed in elderly care as well, and paired with every care system
    text = "Handläggning inom individ- och familjeomsorgen: barn och unga, vuxna"
    placed = _placed("IFO-systemet", text)
    assert "socialtjanst_ifo" in placed and "vard_omsorg" not in placed
    assert "vard_omsorg" in _placed("Omsorgssystemet", "Dokumentation inom omsorgen")
    # a time report is staff planning, not reporting (BI)
    placed = _placed("Kommunens tidrapport", "Webbformulär för timanställdas tidrapportering")
    assert "personalplanering" in placed and "bi_rapport" not in placed


def test_preschool_and_school_administration_are_functions_of_their_own() -> None:
    # a preschool placement and fees system does not replace a school's pupil register
    preschool = _placed("Förskoleplacering", "Kö, placering och barnomsorgsavgifter (maxtaxa)")
    school = _placed("Elevregistret", "Elevregister och betyg för grundskolan")
    assert "forskola_admin" in preschool and "skoladmin" not in preschool
    assert "skoladmin" in school and "forskola_admin" not in school


def test_a_suspended_compound_meets_the_term_written_whole() -> None:
    # "Serverings- och tobakstillstånd" is "serveringstillstånd och tobakstillstånd"; the term
    # "serveringstillstånd" never met the first of them
    vocabulary = load_vocabulary()
    texts = ["Serverings- och tobakstillstånd", "Tillstånd för restauranger och butiker"]
    splitter = corpus_splitter(texts, vocabulary.words())
    place = place_system(*texts, [], vocabulary, splitter)
    assert "serveringstillstånd" in place.evidence["alkohol_tillstand"]
    text = "Dokument-, diarie- och ärendehantering"
    splitter = corpus_splitter([text, "ärende hantering"], vocabulary.words())
    assert suspended(text, splitter) == ["dokumenthantering", "diariehantering"]
    assert suspended("E-tjänst och access-databas", splitter) == []


def test_a_products_own_name_does_not_make_it_a_module_of_another_function() -> None:
    # "Journalen" (the patients' record e-service) names a health record by its name alone;
    # read as the system's own words, they made it an unknown module, and the catalogue's
    # function was lost, so it paired with every health record
    placed = _placed("Journalen", "Patients read their own health record online.")
    assert "journal_pa_natet" in placed
    # a module's own words still count ("Treserva HSL", a health record)
    assert "socialtjanst_ifo" not in _placed("Treserva HSL", "Journal för sjuksköterskor")


def test_a_user_catalogue_is_checked_entry_by_entry() -> None:
    known = load_vocabulary().functions
    good = {"products": [{"vendor": "V", "product": "P", "functions": ["hr_lon"]}]}
    assert user_product_problems(good, known) == []
    assert user_product_problems([], known) == [
        'expected an object with a "products" list, as in review/data/products.json'
    ]
    bad = {"products": [7, {"product": "P", "vendor": 3, "functions": ["hr_lon", "nope"]}]}
    assert user_product_problems(bad, known) == [
        "products[1]: expected an object",
        'products[2] (P): "vendor" must be text',
        'products[2] (P): unknown function(s) nope in "functions" (the ids are those of '
        "review/data/functions.json)",
    ]


def test_an_unknown_function_comes_with_the_id_that_was_probably_meant() -> None:
    known = load_vocabulary().functions
    entry = {"vendor": "V", "product": "P", "functions": ["payroll", "lokalbokningg", "zzz"]}
    (problem,) = user_product_problems({"products": [entry]}, known)
    assert "lokalbokningg (did you mean lokalbokning?)" in problem
    assert "payroll (did you mean hr_lon?)" in problem
    assert "zzz in" in problem  # nothing near: no guess


def test_no_capabilities_still_finds_duplicates_by_text_function_and_product() -> None:
    features = named_systems(
        ["Procapita IFO", "Treserva", "Bygglov e-tjänst", "Lönesystem"],
        [
            "Verksamhetssystem för ekonomiskt bistånd och barn och familj",
            "Verksamhetssystem för socialtjänstens handläggning",
            "Ansök om bygglov",
            "Lön",
        ],
        [[], [], [], []],
    )
    found = find_duplicates(features, signals_model())
    pair = next(p for p in found.pairs if {p.a, p.b} == {"s0", "s1"})
    assert pair.function == "socialtjanst_ifo" and "function" in pair.layers


def test_an_integration_and_complementary_roles_are_evidence_against() -> None:
    features = named_systems(
        ["Ekonomiskt bistånd e-tjänst", "Ekonomiskt bistånd handläggning"],
        ["Invånare ansöker", "Verksamhetssystem"],
        [["s1"], ["s0"]],
    )
    result = find_duplicates(features, signals_model(), confirmed=[("s0", "s1")])
    (pair,) = result.pairs
    assert set(pair.against) >= {"linked", "role_complementary"}


def test_survivor_is_better_condition_then_cheaper_then_more_users() -> None:
    old = System(id="a", name="A", technical_fit="unreasonable", annual_operating_cost=10)
    good = System(id="b", name="B", technical_fit="adequate", annual_operating_cost=90)
    cheap = System(id="c", name="C", technical_fit="adequate", annual_operating_cost=50)
    assert suggest_survivor([old, good, cheap]) == "c"
    assert suggest_survivor([]) is None


def _signal(features: SystemFeatures, name: str, a: int = 0, b: int = 1) -> float:
    matrices = build_features(features, signals_model())
    return float(score_pairs(matrices, np.array([[a, b]]))[0, SIGNALS.index(name)])


def test_a_function_only_mentioned_does_not_match_a_main_one() -> None:
    finance = "Ekonomisystem: redovisning, leverantörsreskontra, kundreskontra och budget."
    planning = "Verksamhetsplanering och målstyrning, uppföljning av mål och budget."
    features = named_systems(
        ["Ekonomisystem", "Verksamhetsplanering"], [finance, planning], [[], []]
    )
    places = build_features(features, signals_model()).placements
    assert max(places[0].functions, key=places[0].functions.__getitem__) == "ekonomi"
    assert max(places[1].functions, key=places[1].functions.__getitem__) != "ekonomi"
    assert _signal(features, "function") < 0.3


def test_a_satellite_beside_a_core_system_without_a_named_role_counts_against() -> None:
    features = named_systems(
        ["Treserva", "Ekonomiskt bistånd e-tjänst"],
        ["Socialtjänstens verksamhetssystem", "Invånare ansöker om ekonomiskt bistånd"],
        [[], []],
    )
    assert _signal(features, "satellite_apart") == 1.0
    assert _signal(features, "role_complementary") == 0.0  # the core system's role is unread


def test_a_satellite_beside_a_system_of_unknown_job_does_not_count_against() -> None:
    # two map viewers: the role word of the second was not read, so it may be one as well
    features = named_systems(
        ["Kommunkartan", "Mellbykartan"],
        [
            "Webbkarta som visar detaljplaner för invånare",
            "Karttjänst med detaljplaner och kommunens kartor",
        ],
    )
    assert _signal(features, "function") > 0
    assert _signal(features, "satellite_apart") == 0.0


def test_a_broad_capability_does_not_make_two_registers_one_job() -> None:
    # every system is mapped to the one broad capability, so sharing it says nothing
    names = ["Bebyggelseregistret", "Runinskriftsdatabasen", "Arkivet", "Bildbanken", "Webb"]
    features = named_systems(names, ["Register", "Databas", "Arkiv", "Bilder", "Webbplats"])
    broad = replace(features, capabilities=[["kulturmiljo"] for _ in names])
    assert _signal(broad, "capabilities") == 1.0
    assert _signal(broad, "role_same") == 1.0
    assert _signal(broad, "role_and_function") == 0.0
    rare = replace(broad, capabilities=[["kulturmiljo"]] * 2 + [["arkiv"], ["bild"], ["webb"]])
    assert _signal(rare, "role_and_function") > 0.5


def test_the_name_settles_the_role_before_the_description() -> None:
    features = named_systems(
        ["Ärendehantering för serveringstillstånd", "Register över serveringstillstånd"],
        ["Registrerar och handlägger ärenden om tillstånd.", "Förteckning över tillstånd."],
        [[], []],
    )
    places = build_features(features, signals_model()).placements
    assert places[0].roles == {"case"} and places[1].roles == {"register"}
    assert _signal(features, "role_same") == 0.0


def test_norwegian_and_danish_descriptions_are_placed_like_swedish_ones() -> None:
    # a Nordic inventory names the jobs in its own language; before the Norwegian and Danish
    # terms none of these was placed, so no twin across them could be found by function
    child_welfare_no = _placed("Fagsystem", "Barnevernet: bekymringsmeldinger og tiltak.")
    child_welfare_dk = _placed("Sagssystem", "Underretninger og anbringelser af børn.")
    assert "socialtjanst_ifo" in child_welfare_no & child_welfare_dk
    permits_no = _placed("Byggesak (Excel)", "Oversikt over byggesaker og rammetillatelser.")
    permits_dk = _placed("Byggesager", "Byggesager og ændringer i kommunens ejendomme.")
    assert "bygglov" in permits_no & permits_dk
    assert "forskola_admin" in _placed("Pladsanvisning", "Pladsanvisning til vuggestue.")


def test_systems_described_only_as_a_line_of_business_system_are_not_alike_in_text() -> None:
    # "Verksamhetssystem." says what every system is: two products of unknown names described
    # only so had full text similarity, and trees fitted on more sets made them twins
    features = named_systems(
        ["Zentora", "Quillix", "Bygglov e-tjänst", "Ekonomi"],
        ["Verksamhetssystem.", "Verksamhetssystem.", "Ansök om bygglov.", "Redovisning."],
    )
    assert _signal(features, "text") == 0.0
    assert tokens("Fagsystem for barnevern", skip=TEXT_SKIP) == [stem("barnevern")]
    # the roles and the vocabulary still read the words
    assert tokens("Verksamhetssystem") != []
