"""Word pairs learnt from labelled twins (review/analysis/duplicates_word_pairs.py)."""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp

from produktlyft.review.analysis.duplicates_word_pairs import (
    WordPairs,
    fit_word_pairs,
    from_pairs,
    pair_scores,
    pair_tokens,
    pair_words,
    read_word_pairs,
    shipped_word_pairs,
    stem_rows,
    strongest_pairs,
    surface,
    to_json,
)
from produktlyft.review.analysis.reasons import duplicate_reasons
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode

SYSTEMS = [["enkät", "verktyg"], ["survey", "tool", "verktyg"], ["lön"], ["enkät", "survey"]]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_the_score_is_the_learnt_weights_of_the_pairs_words_one_from_each_side() -> None:
    model = from_pairs(
        ["enkät|survey", "verktyg|verktyg", "survey|verktyg"], [1.5, -0.5, 0.25], -2.0
    )
    stems = stem_rows(SYSTEMS, model)
    pairs = np.array([[0, 1], [0, 2], [1, 3]])
    logits = [_logit(p) for p in pair_scores(model, stems, pairs)]
    # (0, 1): enkät|survey, verktyg|verktyg, verktyg|survey (ordered pairs, each counted)
    assert math.isclose(logits[0], -2.0 + 1.5 - 0.5 + 0.25, abs_tol=1e-9)
    assert math.isclose(logits[1], -2.0, abs_tol=1e-9)  # no learnt pair: the intercept alone
    # (1, 3): survey|enkät, and survey|survey is not learnt; verktyg beside survey once
    assert math.isclose(logits[2], -2.0 + 1.5 + 0.25, abs_tol=1e-9)
    counted = pair_words(SYSTEMS[0], SYSTEMS[1])
    assert counted["enkät|survey"] == 1 and counted["survey|verktyg"] == 1


def test_a_pair_held_on_both_sides_counts_twice_as_the_bilinear_form_does() -> None:
    both = ["enkät", "survey"]
    assert pair_words(both, both)["enkät|survey"] == 2
    model = from_pairs(["enkät|survey"], [1.0], 0.0)
    score = pair_scores(model, stem_rows([both, both], model), np.array([[0, 1]]))
    assert math.isclose(_logit(float(score[0])), 2.0, abs_tol=1e-9)


def _inventory(extra: str) -> tuple[list[dict[str, int]], np.ndarray]:
    """Twins that share no word but name one job with two, beside pairs that do not."""
    twins = [pair_words(["enkät", extra], ["survey"]) for _ in range(20)]
    others = [pair_words(["lön", extra], ["survey"]) for _ in range(20)]
    others += [pair_words(["enkät"], ["karta"]) for _ in range(20)]
    return twins + others, np.array([1] * 20 + [0] * 40)


def test_the_fit_learns_two_words_for_one_job_and_not_one_inventory_s_own_words() -> None:
    model = fit_word_pairs([_inventory("mellby"), _inventory("norrvik")])
    assert model is not None
    weight = dict(zip(model.stems, range(len(model.stems)), strict=True))
    w = model.weights.toarray()
    assert w[weight["enkät"], weight["survey"]] > 0.5
    assert w[weight["lön"], weight["survey"]] < 0
    # each inventory's place name is held by one of them only: nothing is learnt of it
    assert "mellby" not in model.index and "norrvik" not in model.index


def test_one_class_learns_nothing() -> None:
    rows, _ = _inventory("mellby")
    assert fit_word_pairs([(rows, np.zeros(len(rows))), (rows, np.zeros(len(rows)))]) is None


def test_stored_and_read_back_the_scores_are_the_same() -> None:
    model = fit_word_pairs([_inventory("mellby"), _inventory("norrvik")], source="test")
    assert model is not None
    again = read_word_pairs(to_json(model))
    pairs = np.array([[0, 1], [1, 3], [0, 3]])
    assert np.allclose(
        pair_scores(model, stem_rows(SYSTEMS, model), pairs),
        pair_scores(again, stem_rows(SYSTEMS, again), pairs),
        atol=1e-3,  # weights are stored to four decimals
    )
    assert again.source == "test"


def test_the_shipped_word_pairs_load() -> None:
    shipped = shipped_word_pairs()
    assert shipped.weights.shape == (len(shipped.stems), len(shipped.stems))
    assert (shipped.weights != shipped.weights.T).nnz == 0  # symmetric


def test_a_system_s_words_are_its_stems_and_the_functions_it_is_placed_in_firmly() -> None:
    words = pair_tokens(["diarium", "ärend"], {"arende": 0.9, "e_arkiv": 0.5, "gis": 0.2})
    # e-arkiv is placed at more than half the main function's confidence; GIS is not
    assert words == ["diarium", "ärend", "fn:arende", "fn:e_arkiv"]
    assert pair_tokens(["lön"], {}) == ["lön"]


def test_function_words_pair_up_as_stems_do() -> None:
    model = from_pairs(["fn:arende|fn:e_arkiv"], [2.0], 0.0)
    systems = [pair_tokens(["x"], {"arende": 1.0}), pair_tokens(["y"], {"e_arkiv": 1.0})]
    score = pair_scores(model, stem_rows(systems, model), np.array([[0, 1]]))
    assert math.isclose(_logit(float(score[0])), 2.0, abs_tol=1e-9)


def test_the_reason_names_the_strongest_pairs_of_two_different_words_once() -> None:
    model = from_pairs(
        ["enkät|survey", "fn:enkat|survey", "verktyg|verktyg", "survey|tool", "enkät|lön"],
        [1.5, 0.9, 2.0, 0.3, -1.0],
        -3.0,
    )
    both = ["enkät", "survey", "verktyg", "fn:enkat"]
    # strongest first; a word beside itself (said by the text), a weak pair (0.3) and a pair
    # against are not named, and the pair held on both sides is named once
    assert strongest_pairs(model, both, ["survey", "tool", "verktyg", "lön"]) == [
        ("enkät", "survey"),
        ("fn:enkat", "survey"),
    ]
    assert strongest_pairs(model, both, both) == [("enkät", "survey"), ("fn:enkat", "survey")]
    assert strongest_pairs(model, ["lön"], ["karta"]) == []


def test_a_stem_is_shown_as_the_system_spells_the_word() -> None:
    assert surface("billet", "Salg af billetter til koncerter") == "billetter"
    assert surface("billet", "Billetsalg til koncerter") == "Billetsalg"  # a compound part
    assert surface("librari", "Discovery for the library's catalogue") == "library's"
    assert surface("bibliotek", "Bibliotekssystem (Koha)") == "Bibliotekssystem"
    assert surface("fn:evenemang", "Billetsalg") == "fn:evenemang"
    assert surface("xyz", "nothing here") == "xyz"


def test_word_pairs_are_said_with_functions_by_name_in_both_languages() -> None:
    reasons = duplicate_reasons(
        ["function"], [], [], 0.05, "evenemang", ["billet"], word_pairs=["Billetsalg|fn:evenemang"]
    )
    assert [r.code for r in reasons][-1] is ReasonCode.DUP_WORD_PAIRS
    english = duplicate_sentence("A", "B", reasons, "en")
    swedish = duplicate_sentence("A", "B", reasons, "sv")
    assert "known twins pair up (\u201cBilletsalg\u201d – Event ticketing" in english
    assert "kända dubbletter parar ihop (\u201dBilletsalg\u201d – Biljetter" in swedish
    # with nothing else said, the pairs are the reason (not "similar names" at a low similarity)
    alone = duplicate_reasons([], [], [], 0.05, word_pairs=["Diarium|fn:arende_dokument"])
    assert [r.code for r in alone] == [ReasonCode.DUP_WORD_PAIRS]


def test_pair_scores_are_the_bilinear_form_of_the_stem_rows() -> None:
    # the scores gather W by key for each stem of a and of b; checked against s_a W s_b'
    # computed densely, over many pairs in several chunks, with systems without words
    rng = np.random.default_rng(7)
    size, systems = 40, 400
    upper = np.triu(rng.normal(size=(size, size)) * (rng.random((size, size)) < 0.2))
    dense = upper + np.triu(upper, 1).T
    model = WordPairs(tuple(f"w{k}" for k in range(size)), sp.csr_matrix(dense), -1.5)
    rows = (rng.random((systems, size)) < 0.15).astype(float)
    rows[:5] = 0.0
    stems = sp.csr_matrix(rows)
    pairs = np.array([(i, j) for i in range(systems) for j in range(i + 1, systems)])[::3]
    expected = 1.0 / (
        1.0 + np.exp(-(np.einsum("pi,ij,pj->p", rows[pairs[:, 0]], dense, rows[pairs[:, 1]]) - 1.5))
    )
    np.testing.assert_allclose(pair_scores(model, stems, pairs), expected, atol=1e-12)
    empty = WordPairs(model.stems, sp.csr_matrix((size, size)), -1.5)
    np.testing.assert_allclose(pair_scores(empty, stems, pairs[:3]), 1.0 / (1.0 + math.exp(1.5)))
