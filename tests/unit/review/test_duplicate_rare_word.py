"""The text_rarity signal: how rare the rarest word two systems' texts share is (ADR 0023,
thirty-fourth look)."""

from __future__ import annotations

import numpy as np
import pytest

from produktlyft.review.analysis.duplicates import (
    SIGNALS,
    build_features,
    score_pairs,
    signals_model,
)
from tests.review_fixtures import text_only

RARE_WORD = SIGNALS.index("text_rarity")
DESCRIPTIONS = [
    "CTG-övervakning på förlossningen och planering av personal.",
    "Journal för CTG och planering av besök.",
    "Planering av lokaler.",
    "Planering av skolskjuts.",
    "Planering av underhåll.",
    "Planering av arbetspass.",
    "Planering av möten.",
    "Planering av budget.",
    "Lönesystem.",
    "Intranät.",
]


def _scores(pairs: list[list[int]]) -> np.ndarray:
    names = [f"System {i}" for i in range(len(DESCRIPTIONS))]
    matrices = build_features(text_only(names, DESCRIPTIONS), signals_model())
    return score_pairs(matrices, np.array(pairs))


def test_a_shared_rare_word_says_more_than_a_shared_common_one() -> None:
    # the first two share "CTG", held by two systems of ten; the next pair shares only
    # "planering", held by eight; the last shares no word at all
    rare, common, none = _scores([[0, 1], [2, 3], [8, 9]])[:, RARE_WORD]
    assert rare == pytest.approx(1 - np.log(2) / np.log(10), abs=1e-6)
    assert common == pytest.approx(1 - np.log(8) / np.log(10), abs=1e-6)
    assert none == 0.0
