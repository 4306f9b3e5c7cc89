"""A holdover, an older system kept open read-only or on its way out, beside the system that
took over its job: the labelling rule's retirement candidate (ADR 0023, thirty-second look)."""

from __future__ import annotations

from produktlyft.inventory.model import System
from produktlyft.review.analysis.duplicates import find_duplicates, signals_model
from produktlyft.review.analysis.duplicates_signals import load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import corpus_splitter
from produktlyft.review.analysis.reasons import duplicate_reasons
from produktlyft.review.analysis.review import suggest_survivor
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode
from tests.support.duplicates import named_systems


def _holdover(name: str, description: str) -> bool:
    vocabulary = load_vocabulary()
    splitter = corpus_splitter([name, description], vocabulary.words())
    return place_system(name, description, [], vocabulary, splitter).holdover


def test_a_name_mark_or_a_description_phrase_makes_a_holdover() -> None:
    assert _holdover("KMD Care (historik)", "Ældreplejens tidligere omsorgssystem.")
    assert _holdover("Procapita IFO (läsläge)", "Gamla verksamhetssystemet för IFO.")
    assert _holdover("Socio (lesetilgang)", "Tidligere fagsystem for barnevernet.")
    assert _holdover("Agresso", "The former ERP, kept open read-only for the auditors.")
    assert _holdover("Prator", "Scheduling system being replaced by Medvind.")


def test_history_as_a_feature_or_an_archive_of_old_systems_is_not_a_holdover() -> None:
    # "historik" in a description is as often what a system shows; an archive receives the
    # phased-out systems' records but is no holdover itself
    assert not _holdover("Ärendehantering", "Visar ärendets historik och beslut.")
    assert not _holdover(
        "Digitalt arkiv (arkiveringsversioner)",
        "Modtager og bevarer arkiveringsversioner af udfasede fagsystemer.",
    )
    assert not _holdover("NPÖ", "Läsåtkomst till journaler i andra regioner.")


def test_the_holdover_is_named_after_the_succession_in_both_languages() -> None:
    reasons = duplicate_reasons(
        ["function"],
        [],
        [],
        0.1,
        "arende_dokument",
        ["diarium"],
        succession=("W3D3", "Platina"),
        holdover=["W3D3 (läsläge)"],
    )
    assert [r.code for r in reasons][:3] == [
        ReasonCode.DUP_SUCCESSOR,
        ReasonCode.DUP_HOLDOVER,
        ReasonCode.DUP_FUNCTION,
    ]
    english = duplicate_sentence("Platina", "W3D3 (läsläge)", reasons, "en")
    swedish = duplicate_sentence("Platina", "W3D3 (läsläge)", reasons, "sv")
    assert "include one kept only for reading or on its way out (W3D3 (läsläge))" in english
    assert "rymmer ett system som bara hålls kvar för läsning eller ska avvecklas" in swedish


def test_two_holdovers_name_neither() -> None:
    reasons = duplicate_reasons(["text"], [], [], 0.5, holdover=["A (läsläge)", "B (historik)"])
    assert ReasonCode.DUP_HOLDOVER not in [r.code for r in reasons]


def test_a_holdover_is_never_the_survivor_though_cheaper_and_in_better_condition() -> None:
    kept_open = System(
        id="old", name="W3D3 (läsläge)", technical_fit="adequate", annual_operating_cost=10
    )
    current = System(
        id="new", name="Platina", technical_fit="unreasonable", annual_operating_cost=900
    )
    assert suggest_survivor([kept_open, current]) == "old"  # by condition and cost alone
    assert suggest_survivor([kept_open, current], {"old"}) == "new"
    assert suggest_survivor([kept_open], {"old"}) == "old"  # a cluster of holdovers keeps one


def test_a_found_pair_says_which_is_the_holdover_and_keeps_the_other() -> None:
    features = named_systems(
        ["Treserva", "Procapita IFO (läsläge)"],
        [
            "Socialtjänstens verksamhetssystem för individ- och familjeomsorg.",
            "Tidigare verksamhetssystem för individ- och familjeomsorg, kept open read-only.",
        ],
    )
    result = find_duplicates(features, signals_model(), confirmed=[("s0", "s1")])
    (pair,) = result.pairs
    assert pair.holdover == ("s1",)
    assert result.holdovers == frozenset({"s1"})
