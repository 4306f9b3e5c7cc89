"""The shipped function vocabulary: each term names one function, and a home-grown tool that
says only what it records (no category word) is placed where that work belongs."""

from __future__ import annotations

from produktlyft.review.analysis.duplicates_signals import load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import STOP_WORDS, corpus_splitter, stem, words


def _placed(name: str, description: str) -> set[str]:
    vocabulary = load_vocabulary()
    splitter = corpus_splitter([name, description], vocabulary.words())
    return set(place_system(name, description, [], vocabulary, splitter).functions)


def test_a_term_belongs_to_one_function_only() -> None:
    # a term in two functions puts every system it matches in both, and pairs them falsely
    owners: dict[tuple[str, ...], set[str]] = {}
    for function in load_vocabulary().functions.values():
        for term in function.terms:
            owners.setdefault(term, set()).add(function.id)
    assert {term: ids for term, ids in owners.items() if len(ids) > 1} == {}


def test_no_new_term_has_a_word_that_stems_like_a_stop_word() -> None:
    # such a word is kept in the term but also stems like boilerplate ("nedlagd tid": "tid" as
    # "tidigare"); the terms of this kind written before the check are listed, none may join
    stop_stems = {stem(w) for w in STOP_WORDS}
    offending = {
        label
        for function in load_vocabulary().functions.values()
        for label in function.labels
        if any(w not in STOP_WORDS and stem(w) in stop_stems for w in words(label))
    }
    assert offending <= EARLIER_STOP_STEM_TERMS


EARLIER_STOP_STEM_TERMS = frozenset(
    [
        "våld i nära relation",
        "tid- och insatsregistrering",
        "utförd tid hemtjänst",
        "manager self-service",
        "allmänna handlingar",
        "utlämnande allmänna handlingar",
        "handlingar förtroendevalda",
        "förtroendevaldas handlingar",
        "bevarande elektroniska handlingar",
        "debiterbar tid",
        "digital form",
        "online form",
        "form builder",
        "digitization workflow",
        "mass digitization",
        "incident it",
        "felanmälan it",
        "it service management",
        "it ticketing",
        "bokningsbara tider",
        "password manager",
        "managed file transfer",
        "storage area network",
        "case report form",
    ]
)


def test_a_home_grown_list_is_placed_by_the_work_it_records() -> None:
    assert "fardtjanst" in _placed("Excel", "Förteckning över beviljade färdtjänsttillstånd")
    assert "evenemang" in _placed("Bokningar", "Bokningar av skolklasser till guidade visningar")
    assert "kontaktcenter" in _placed("Frågelogg", "Log of questions from citizens")
    assert "besoksraknare" in _placed("Besök", "Sammanställning av besöksstatistik per månad")
    assert "avtal" in _placed("Avtal", "Register of agreements with contract expiry dates")
    assert "arvoden" in _placed("Arvoden", "Underlag för sammanträdesarvoden till ledamöter")
    assert "personalplanering" in _placed("Jour", "Jourlista och semesterlistor för enheten")
    assert "dam_bildbank" in _placed(
        "Foton", "Access-databas över fotosamlingen och bildrättigheter"
    )
    assert "statistikdatabas" in _placed("Underlag", "Statistikrapportering till SCB varje år")


def test_a_work_word_does_not_place_an_unrelated_system() -> None:
    # words of two general terms in one text are not the work ("visitor log" was a log of
    # building control visits; "class lists" a list of textbooks per class)
    assert "besokshantering" not in _placed("Tillsyn", "Log of building control visits")
    assert "skoladmin" not in _placed("Böcker", "List of textbooks ordered per class")
    assert "laboratorium" not in _placed("Vattenprover", "Provtagning av dricksvatten")
    assert "nyhetsbrev" not in _placed("Brevlådor", "List of shared mailboxes")


def test_a_key_register_and_an_access_control_system_are_different_jobs() -> None:
    # a list of the mechanical keys handed out does not replace card readers on the doors:
    # keys and physical access control are functions of their own (ADR 0023, twenty-third look)
    keys = _placed("Nyckelregister (Excel)", "Förteckning över utlämnade nycklar med kvittens")
    receipts = _placed("Nyckelkvittenser", "Database of keys handed out to staff, with receipts")
    doors = _placed("Passersystem", "Access control system with access cards for the offices")
    assert "nycklar" in keys and "nycklar" in receipts
    assert "nyckel_passage" in doors
    assert not (keys | receipts) & doors


def test_a_municipal_groups_complementary_systems_are_placed_apart() -> None:
    # a housing company's rent system is not its maintenance system, a grid company's billing
    # and control room are not its network documentation, and a city network's service portal
    # is not its fibre map: the company words ("elnät", "stadsnät") do not place them together
    rent = _placed("Hyressystem", "Hyresavisering och hyresreskontra för bostäder")
    assert "hyresadministration" in rent and "fastighetsforvaltning" not in rent
    billing = _placed(
        "Kundsystem", "Kundinformationssystem och fakturering för elnät och fjärrvärme"
    )
    assert "energi_kund" in billing and "natdokumentation" not in billing
    control = _placed("Driftsystem", "SCADA för elnätets stationer och fjärrvärmeverket")
    assert "scada" in control and "natdokumentation" not in control
    portal = _placed("Tjänsteportal", "Beställning av bredbandstjänster i det öppna stadsnätet")
    assert "stadsnat_tjanster" in portal and "natdokumentation" not in portal
    assert "natdokumentation" in _placed("NIS", "Dokumentation av elnätet och nätstationer")
