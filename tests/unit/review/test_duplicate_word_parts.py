"""The text_grams signal: character n-grams of the text's stems, so that two compounds that share
a part the splitter left whole still meet (ADR 0023, twenty-eighth look)."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    build_features,
    score_pairs,
    signals_model,
)
from produktlyft.review.analysis.duplicates_explain import speaking_signals
from produktlyft.review.analysis.duplicates_features import (
    GRAM_SIZES,
    SystemFeatures,
    char_tfidf,
    stem_counts,
)
from produktlyft.review.analysis.reasons import duplicate_reasons
from produktlyft.review.presenter.wording import duplicate_sentence
from produktlyft.review.results import ReasonCode
from tests.review_fixtures import text_only

TEXT, GRAMS = SIGNALS.index("text"), SIGNALS.index("text_grams")
# invented systems: two alcohol-licence lists whose compounds share only their first part,
# two key lists likewise, and systems of other jobs
SYSTEMS = [
    ("Skjenkeregister (Excel)", "Bevillinger for servering med kontroller."),
    ("Skjenkeløyvebasen", "Løyver med styrer og stedfortreder."),
    ("Nøkkelkvitteringer", "Utlevert til ansatte ved rådhuset."),
    ("Nøkkeloversikten skolene", "Hvem som har fått utlevert hva."),
    ("Lønnssystem", "Lønn og fravær for ansatte."),
    ("Kartportal", "Kart over planer og eiendommer."),
    ("Sak og arkiv", "Saksbehandling og journalføring."),
]


def _signals(pairs: list[list[int]]) -> np.ndarray:
    features = text_only([name for name, _ in SYSTEMS], [text for _, text in SYSTEMS])
    return score_pairs(build_features(features, signals_model()), np.array(pairs))


def test_compounds_that_share_a_part_meet_in_word_parts_where_their_stems_do_not() -> None:
    signals = _signals([[0, 1], [2, 3], [0, 4], [1, 5], [3, 6]])
    licences, keys, *others = signals
    assert licences[TEXT] == 0.0 and keys[TEXT] < 0.2
    assert licences[GRAMS] > 0.1 and keys[GRAMS] > keys[TEXT] + 0.1
    assert all(other[GRAMS] < min(licences[GRAMS], keys[GRAMS]) / 2 for other in others)


def test_the_layers_model_does_not_compute_word_parts() -> None:
    n = 2
    features = SystemFeatures(
        ids=["a", "b"],
        texts=["Skjenkeregister", "Skjenkeløyvebasen"],
        capabilities=[[] for _ in range(n)],
        data_objects=[[] for _ in range(n)],
        partners=[[] for _ in range(n)],
    )
    matrices = build_features(features, signals_model().__class__(model="layers"))
    assert score_pairs(matrices, np.array([[0, 1]]))[0, GRAMS] == 0.0


def test_a_pair_met_by_word_parts_says_so_in_both_languages_unless_more_is_said() -> None:
    with_function = duplicate_reasons(["function", "text_grams"], [], [], 0.05, "alkohol")
    assert [r.code for r in with_function] == [ReasonCode.DUP_FUNCTION]
    reasons = duplicate_reasons(["text_grams"], [], [], 0.05)
    assert [r.code for r in reasons] == [ReasonCode.DUP_WORD_PARTS]
    english = duplicate_sentence("A", "B", reasons, "en")
    swedish = duplicate_sentence("A", "B", reasons, "sv")
    assert "share parts of words" in english
    assert "ordled" in swedish and "share" not in swedish


def test_word_parts_are_named_only_where_the_text_is_not() -> None:
    row = np.zeros(len(SIGNALS))
    row[GRAMS] = 0.5
    assert "text_grams" in speaking_signals(row, signals_model())
    row[TEXT] = 0.5
    assert speaking_signals(row, signals_model()) == ("text",)
    row[TEXT], row[GRAMS] = 0.0, 0.2
    assert speaking_signals(row, signals_model()) == ()


def test_the_n_grams_summed_over_stems_are_those_of_the_whole_text() -> None:
    """Each distinct stem is cut into n-grams once and a text's n-grams are summed from its
    stems: the similarities must be those of cutting every text whole (TfidfVectorizer's
    char_wb over the joined stems), stems repeated within a text included."""
    token_lists = [
        ["skjenk", "regist", "skjenk", "bevilling"],
        ["skjenkeløyv", "løyv", "styr"],
        ["nøkkel", "kvittering", "e-tjänst"],
        ["ab", "lønn", "fravær"],
        [],
    ]
    whole = TfidfVectorizer(
        analyzer="char_wb", ngram_range=GRAM_SIZES, sublinear_tf=True, dtype=np.float32
    ).fit_transform([" ".join(t) for t in token_lists])
    summed = char_tfidf(stem_counts(token_lists))
    assert summed.shape[0] == len(token_lists)
    assert summed.shape[1] == whole.shape[1]
    assert np.allclose((summed @ summed.T).toarray(), (whole @ whole.T).toarray(), atol=1e-6)
