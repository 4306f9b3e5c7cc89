"""The best-match signal, the held-out threshold on a fine scale, function terms with stop
words, and core roles that differ only softly for products (ADR 0023, second revision)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from produktlyft.review.analysis.duplicates import (
    EMBEDDING_WEIGHTS,
    GROUP,
    MATCH,
    SIGNALS,
    all_pairs,
    build_features,
    find_duplicates,
    score_pairs,
    signals_model,
    with_best_match,
)
from produktlyft.review.analysis.duplicates_fit import _best_threshold
from produktlyft.review.analysis.duplicates_match import (
    GROUP_MARGIN,
    best_match,
    group_match,
    margin_ranks,
    pair_ranks,
)
from produktlyft.review.analysis.duplicates_signals import load_vocabulary, place_system
from produktlyft.review.analysis.duplicates_text import corpus_splitter
from tests.support.duplicates import named_systems


def test_a_pair_ranks_by_the_worse_of_its_two_ends() -> None:
    # system 0 is close to 1 and 2; 1 is 0's best, 2 is 0's second but 2's best is 3
    pairs = np.array([[0, 1], [0, 2], [2, 3]])
    ranks = pair_ranks(pairs, np.array([0.9, 0.5, 0.8]), 4)
    assert ranks.tolist() == [0, 1, 0]
    assert best_match(pairs, np.array([0.9, 0.5, 0.8]), 4).tolist() == [1.0, 0.5, 1.0]


def test_a_tie_is_nobodys_best_match() -> None:
    # a report that looks the same to the model beside two systems is the twin of neither
    pairs = np.array([[0, 1], [0, 2]])
    assert pair_ranks(pairs, np.array([0.7, 0.7]), 3).tolist() == [1, 1]


def test_the_best_match_is_ranked_by_the_rest_of_the_model() -> None:
    signals = np.zeros((2, len(SIGNALS)))
    signals[:, SIGNALS.index("function")] = [0.9, 0.4]
    signals[:, MATCH] = [0.0, 1.0]  # an old value is not read back into the ranking
    weights = tuple(1.0 if name == "function" else 0.0 for name in SIGNALS)
    settings = replace(signals_model(), weights=weights)
    filled = with_best_match(np.array([[0, 1], [0, 2]]), signals, settings)
    assert filled[:, MATCH].tolist() == [1.0, 0.5]
    assert with_best_match(np.zeros((0, 2), dtype=int), signals[:0], settings).shape[0] == 0


def test_near_equal_twins_of_a_group_are_not_each_others_rivals_in_the_group_signal() -> None:
    # four learning platforms: each pair scores about the same, only one pair is the best
    # match, but none is weighed down by a rival that is not clearly better
    group = np.array([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
    scores = np.array([2.0, 2.1, 2.15, 2.12, 2.05, 2.18])
    assert best_match(group, scores, 4).min() < 1.0
    assert group_match(group, scores, 4).tolist() == [1.0] * 6
    # a report beside a payroll system: the twin scores clearly better, so the report's pair
    # is not in the group
    hub = np.array([[0, 1], [0, 2]])
    assert group_match(hub, np.array([3.0, 3.0 - 2 * GROUP_MARGIN]), 3).tolist() == [1.0, 0.5]


def test_margin_ranks_count_rivals_at_least_the_margin_better_at_either_end() -> None:
    rng = np.random.default_rng(7)
    for _ in range(100):
        n = int(rng.integers(2, 10))
        pairs = rng.integers(0, n, (int(rng.integers(1, 25)), 2))
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        scores = np.round(rng.normal(0, 2, len(pairs)), 1)
        expected = [
            max(
                sum(1 for k, other in enumerate(pairs) if end in other and scores[k] >= s + 0.5)
                for end in pair
            )
            for pair, s in zip(pairs, scores, strict=True)
        ]
        assert margin_ranks(pairs, scores, n, 0.5).tolist() == expected


def test_the_group_signal_is_filled_in_with_the_best_match() -> None:
    signals = np.zeros((2, len(SIGNALS)))
    signals[:, SIGNALS.index("function")] = [0.9, 0.85]
    signals[:, GROUP] = [0.0, 0.0]  # an old value is not read back
    weights = tuple(1.0 if name == "function" else 0.0 for name in SIGNALS)
    settings = replace(signals_model(), weights=weights)
    filled = with_best_match(np.array([[0, 1], [0, 2]]), signals, settings)
    assert filled[:, MATCH].tolist() == [1.0, 0.5]
    assert filled[:, GROUP].tolist() == [1.0, 1.0]  # 0.05 apart: a group of near-equals


def test_the_threshold_separates_probabilities_that_crowd_near_one() -> None:
    probability = np.array([0.2, 0.991, 0.995, 0.999])
    labels = np.array([0, 0, 1, 1])
    threshold = _best_threshold(probability, labels)
    assert 0.991 < threshold < 0.995


def test_a_term_with_a_grammar_word_matches_and_one_left_with_a_single_word_does_not() -> None:
    vocabulary = load_vocabulary()
    texts = ["Register över vatten och avlopp", "Patient records and booking"]
    splitter = corpus_splitter(texts, vocabulary.words())
    water = place_system(texts[0], "", [], vocabulary, splitter)
    assert "vatten_avfall" in water.functions  # "vatten och avlopp"
    # "records management" would be "records" alone once "management" is dropped
    records = place_system("Tandvård", texts[1], [], vocabulary, splitter)
    assert "arende_dokument" not in records.functions


def _role_differ(names: list[str], descriptions: list[str]) -> float:
    matrices = build_features(named_systems(names, descriptions), signals_model())
    signals = score_pairs(matrices, np.array([[0, 1]]))
    return float(signals[0, SIGNALS.index("role_differ")])


def test_core_roles_named_by_generic_systems_differ_but_a_products_do_not() -> None:
    # two systems named only by what they do: a register and a case system are two jobs
    generic = _role_differ(
        ["Register över bygglov", "Ärendehantering för bygglov"],
        ["Förteckning över lov.", "Handläggning av lov."],
    )
    assert generic == 1.0
    # a product whose description starts with a core role usually has the others as well
    described = ["Dokumentation och diarium.", "Handläggning av lov."]
    assert _role_differ(["Public 360", "Ärendehantering för bygglov"], described) == 0.0
    assert _role_differ(["Dokumentationsstöd", "Ärendehantering för bygglov"], described) == 1.0


def test_brute_force_ranks_the_best_match_as_blocking_does() -> None:
    features = named_systems(
        ["Heroma", "Visma Personec P", "Lönestatistik (rapport)", "Bygglov", "Ärendehantering"],
        [
            "Personal- och lönesystem.",
            "Lönesystem och personaladministration.",
            "Uttag av lönestatistik ur lönesystemet.",
            "Handläggning av bygglov.",
            "Ärendehantering för bygglov och anmälningar.",
        ],
    )
    settings = signals_model()
    found = find_duplicates(features, settings)
    blocked = {(p.a, p.b) for p in found.pairs}
    matrices = build_features(features, settings)
    brute = {
        tuple(sorted((features.ids[i], features.ids[j])))
        for i, j in all_pairs(matrices, settings, cut=found.threshold)
    }
    assert blocked == brute
    assert ("s0", "s1") in blocked  # the two payroll systems: each other's best match


def test_the_group_signal_is_not_used_with_an_embedding_model(tmp_path: Path) -> None:
    signals = np.zeros((2, len(SIGNALS)))
    signals[:, SIGNALS.index("function")] = [0.9, 0.85]
    weights = tuple(1.0 if name == "function" else 0.0 for name in SIGNALS)
    settings = replace(signals_model(), weights=weights, embedding_model=tmp_path / "m.bin")
    filled = with_best_match(np.array([[0, 1], [0, 2]]), signals, settings)
    assert filled[:, GROUP].tolist() == [0.0, 0.0]
    assert EMBEDDING_WEIGHTS[GROUP] == 0.0
