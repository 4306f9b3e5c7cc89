"""Where a system comes from (duplicates_origin) and the origin_apart signal (ADR 0023)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    build_features,
    score_pairs,
    signals_model,
)
from produktlyft.review.analysis.duplicates_features import SystemFeatures
from produktlyft.review.analysis.duplicates_origin import system_origins
from tests.review_fixtures import text_only

ORIGIN = SIGNALS.index("origin_apart")
DESCRIPTIONS = [
    "Ekonomisystem för Norrås förvaltningar.",
    "Ekonomisystem som Mellby använde före sammanslagningen.",
    "Lönesystem för Norrå.",
    "Lönesystem för Mellbys anställda.",
    "Bokning av lokaler i Norrå och Mellby.",
    "Procapita används av socialtjänsten.",  # a name that opens the sentence is no origin
    "Intranät för alla medarbetare.",
    "Diarium för Ekonomienheten.",  # named once: too rare to be an origin
]


def test_recurring_places_inside_sentences_are_origins_and_the_genitive_is_one() -> None:
    origins = system_origins(DESCRIPTIONS)
    assert origins[0] == {"Norrå"} and origins[3] == {"Mellby"}
    assert origins[4] == {"Norrå", "Mellby"}
    assert origins[5] == origins[6] == origins[7] == frozenset()


def test_norwegian_and_danish_places_are_origins_too() -> None:
    # "Sørlia", "Højmark" and "Ærøskøbing" were not read at all: the pattern of a capitalised
    # word knew the Swedish letters only, so a Norwegian or Danish merger's former
    # organisations were never seen as origins
    descriptions = [
        "Turnus for sjukeheimen i Sørlia.",
        "Lønn for Sørlias tilsette.",
        "Arkiv frå Sørlia.",
        "Journal på Højmark sygehus.",
        "Booking af lokaler på Højmark.",
        "Tavler på Højmarks afsnit.",
        "Færge til Ærøskøbing.",
        "Havnen i Ærøskøbing.",
        "Billetter til Ærøskøbing.",
        "Kassasystem för Kaupunki Åbo och Kaupunki Turku.",  # capitalised, and once each
        "Rapporter för IT och SAP.",  # abbreviations are no places
    ]
    origins = system_origins(descriptions)
    assert origins[0] == origins[1] == origins[2] == {"Sørlia"}
    assert origins[3] == origins[4] == origins[5] == {"Højmark"}
    assert origins[6] == origins[7] == origins[8] == {"Ærøskøbing"}
    assert origins[9] == origins[10] == frozenset()


def test_an_owning_unit_is_an_origin_of_its_own() -> None:
    origins = system_origins(["Ekonomisystem.", "Ekonomisystem."], ["u-1", ""])
    assert origins == [frozenset({"unit:u-1"}), frozenset()]


def test_systems_from_different_origins_are_apart_and_unknown_ones_are_not() -> None:
    names = [f"System {i}" for i in range(len(DESCRIPTIONS))]
    matrices = build_features(text_only(names, DESCRIPTIONS), signals_model())
    pairs = np.array([[0, 1], [0, 2], [0, 4], [0, 6]])
    apart = score_pairs(matrices, pairs)[:, ORIGIN].tolist()
    # Norrå / Mellby apart; Norrå / Norrå not; Norrå / both not; Norrå / unknown not
    assert apart == [1.0, 0.0, 0.0, 0.0]


def test_the_reason_names_where_the_two_come_from_in_both_languages() -> None:
    from produktlyft.review.analysis.duplicates import find_duplicates
    from produktlyft.review.analysis.reasons import duplicate_reasons
    from produktlyft.review.presenter.wording import duplicate_sentence
    from produktlyft.review.results import ReasonCode

    reasons = duplicate_reasons(["function"], [], [], 0.1, origins=["Norrå", "Mellby"])
    assert reasons[-1].code is ReasonCode.DUP_ORIGIN
    assert duplicate_sentence("A", "B", reasons[-1:], "sv") == (
        "A och B kommer från olika delar av organisationen (Norrå och Mellby)."
    )
    assert duplicate_sentence("A", "B", reasons[-1:], "en") == (
        "A and B come from different parts of the organisation (Norrå and Mellby)."
    )
    # and the detector hands the origins of a pair it found on to the reason
    texts = [
        "Lönesystem för Norrås anställda.",
        "Lönesystem för Mellbys anställda.",
        "Ekonomisystem för Norrå.",
        "Ekonomisystem för Mellby.",
        "Intranät för medarbetare i Norrå.",
        "Intranät för medarbetare i Mellby.",
    ]
    features = SystemFeatures(
        ids=["a", "b", "c", "d", "e", "f"],
        texts=texts,
        capabilities=[[]] * 6,
        data_objects=[[]] * 6,
        partners=[[]] * 6,
        names=["Heroma", "Visma Personec P", "Unit4 ERP", "Raindance", "Sitevision", "Episerver"],
        descriptions=texts,
    )
    # a model that weighs the signal (the logistic one here: whether the shipped trees split
    # on it depends on the sets they were fitted on)
    weighed = list(signals_model().weights)
    weighed[ORIGIN] = 0.58
    found = find_duplicates(features, replace(signals_model(), weights=tuple(weighed), trees=None))
    payroll = next(p for p in found.pairs if {p.a, p.b} == {"a", "b"})
    assert set(payroll.origins) == {"Norrå", "Mellby"}
    # weights re-fitted before the signal existed do not weigh it, so the reason does not say it
    unweighed = list(signals_model().weights)
    unweighed[ORIGIN] = 0.0
    # (a stored re-fit is a logistic model: no trees)
    older = find_duplicates(
        features, replace(signals_model(), weights=tuple(unweighed), trees=None)
    )
    assert older.pairs and all(p.origins == () for p in older.pairs)
