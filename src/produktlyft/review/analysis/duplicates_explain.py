"""What a suggested pair's reason can say (ADR 0023): the signals that speak for it, the
function both serve and the words that placed them there, and the learnt word pairs between
them. Pure; called once per suggested pair, never per candidate."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from produktlyft.review.analysis.duplicates_features import FeatureMatrices, SystemFeatures
from produktlyft.review.analysis.duplicates_settings import (
    GRAMS,
    GRAMS_THRESHOLD,
    LAYERS,
    MEANING_THRESHOLDS,
    SIGNALS,
    DuplicateSettings,
)
from produktlyft.review.analysis.duplicates_signals import Placement, Vocabulary
from produktlyft.review.analysis.duplicates_word_pairs import (
    EVIDENCE_NAMED,
    FUNCTION,
    SEPARATOR,
    strongest_pairs,
    surface,
)


def weighs(settings: DuplicateSettings, signal: int) -> bool:
    """Whether the model weighs `signal`, so that the reason may name it: not the layers model,
    nor weights re-fitted before the signal existed."""
    if settings.model == "layers":
        return False
    if settings.trees is not None:
        return settings.trees.uses(signal)
    return settings.weights[signal] > 0


def speaking_signals(layers: np.ndarray, settings: DuplicateSettings) -> tuple[str, ...]:
    """The signals named in a pair's reason: the layers at their thresholds, the word parts
    where the text is not named, then the embedding's two where a model is configured and
    they fired."""
    named = [
        name
        for name, value, limit in zip(
            LAYERS, layers[: len(LAYERS)], settings.layer_thresholds, strict=True
        )
        if value >= limit
    ]
    if "text" not in named and layers[GRAMS] >= GRAMS_THRESHOLD:
        named.append("text_grams")
    if settings.embedding_model is not None:
        named += [
            name
            for name, limit in MEANING_THRESHOLDS.items()
            if layers[SIGNALS.index(name)] >= limit
        ]
    return tuple(named)


def word_evidence(
    matrices: FeatureMatrices, texts: Sequence[str], i: int, j: int, said: str | None
) -> tuple[str, ...]:
    """The learnt word pairs that speak most for systems i and j being twins, each word as
    the system's own text spells it; none beside the function `said` already."""
    model = matrices.word_pairs
    if model is None or not matrices.token_lists:
        return ()
    skip = FUNCTION + said if said else None
    found = strongest_pairs(model, matrices.token_lists[i], matrices.token_lists[j], limit=None)
    spelt = [
        f"{surface(x, texts[i])}{SEPARATOR}{surface(y, texts[j])}"
        for x, y in found
        if skip not in (x, y)
    ]
    return tuple(dict.fromkeys(spelt))[:EVIDENCE_NAMED]  # two stems of one word said once


def system_texts(features: SystemFeatures) -> Sequence[str]:
    """Per system, its name and description as one text: where a word of a pair is spelt."""
    if features.names is None:
        return features.texts
    descriptions = features.descriptions or [""] * len(features.ids)
    return [f"{n} {d}" for n, d in zip(features.names, descriptions, strict=True)]


def shared_function(a: Placement, b: Placement) -> tuple[str | None, tuple[str, ...]]:
    """The function both systems are most surely placed in, and the words that placed them."""
    shared = set(a.functions) & set(b.functions)
    if not shared:
        return None, ()
    best = max(sorted(shared), key=lambda f: min(a.functions[f], b.functions[f]))
    seen = dict.fromkeys([*a.evidence.get(best, []), *b.evidence.get(best, [])])
    return best, tuple(list(seen)[:4])


def succession(a: Placement, b: Placement, vocabulary: Vocabulary | None) -> tuple[str, ...]:
    """(older, newer) where the catalogue names one system's product as the typical successor
    of the other's ("Procapita", then "Lifecare"): a holdover beside what replaced it."""
    if vocabulary is None or not a.product or not b.product or a.product == b.product:
        return ()
    for old, new in ((a.product, b.product), (b.product, a.product)):
        entry = vocabulary.products.get(old.casefold())
        if entry is not None and new.casefold() in {s.casefold() for s in entry.successors}:
            return old, new
    return ()
