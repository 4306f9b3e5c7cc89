"""Would word pairs learnt from labelled twins lengthen the detector's signals? The probe that
led to the `word_pairs` signal (ADR 0023, thirtieth look); it stacks them on the logit of the
detector as it was before that signal (now: with it, so it measures what more they add).

Per set, every candidate pair gets the shipped detector's probability with trees fitted on
the other eleven sets (as bench/duplicates_eval.py). Each pair is also described by the pairs
of stems its two systems' names and descriptions hold, one from each side (ordered, so that
the score is the bilinear form S W S' a product could compute with sparse matrices). A
logistic model over those word pairs and the detector's logit is fitted on the other sets'
candidate pairs and ranks the set's pairs. Printed per set: the average precision of the
detector alone and with the word pairs; then the pooled precision and recall of both when
each set keeps as many suggestions as the detector makes there (the same list length, so the
two are compared at one cut).

`--min-sets K` keeps only word pairs seen in at least K of the training sets: a place name
of one organisation ("two former municipalities") says nothing of the next one. `--words`
chooses what a system's words are (ADR 0023, thirty-first look): its stems, the functions it
is placed in within half its main one's confidence, its catalogue product, its roles, its
capabilities' stems, its vendor; any of them together.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from _duplicates_sets import (
    DATA,
    SETS,
    Labels,
    Pair,
    cross_fitted,
    detect,
    key,
    load_set,
    read_labels,
    score_candidates,
)
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression

from produktlyft.inventory.model import Inventory
from produktlyft.review.analysis import duplicates as dup
from produktlyft.review.analysis.duplicates_text import split_name, tokens
from produktlyft.review.analysis.duplicates_word_pairs import pair_tokens
from produktlyft.review.analysis.review import duplicate_features

HASHED = 2**20  # word-pair columns; collisions are rare at a million pairs
EDGE = 1e-6  # probabilities are clipped before their logit


WORDS = ("stems", "functions", "products", "roles", "capabilities", "vendor")


def word_sets(inventory: Inventory, kinds: Sequence[str]) -> dict[str, set[str]]:
    """Per system, its words of the chosen kinds (each kind but the stems marked by a prefix)."""
    features = duplicate_features(inventory)
    settings = replace(dup.signals_model(), word_pairs=None)
    matrices = dup.build_features(features, settings)
    capabilities = features.capability_names or [[] for _ in features.ids]
    vendors = features.vendors or ["" for _ in features.ids]
    systems = {s.id: s for s in inventory.systems}
    out = {}
    for i, place in enumerate(matrices.placements):
        system = systems[matrices.ids[i]]
        kind_words = {
            "stems": set(tokens(f"{split_name(system.name)[0]} {system.description or ''}")),
            "functions": {w for w in pair_tokens([], place.functions)},
            "products": {f"product:{place.product}"} if place.product else set(),
            "roles": {f"role:{r}" for r in place.roles},
            "capabilities": {f"cap:{w}" for c in capabilities[i] for w in tokens(c)},
            "vendor": {f"vendor:{vendors[i].strip().casefold()}"} if vendors[i].strip() else set(),
        }
        out[matrices.ids[i]] = set().union(*(kind_words[k] for k in kinds))
    return out


def word_pairs(a: set[str], b: set[str]) -> Counter[str]:
    return Counter(min(x, y) + "|" + max(x, y) for x in a for y in b)


class SetPairs:
    """One set's candidate pairs: word pairs, the detector's logit, labels, its suggestions."""

    def __init__(
        self,
        inventory: Inventory,
        labels: Labels,
        settings: dup.DuplicateSettings,
        kinds: Sequence[str],
    ):
        scored = score_candidates(inventory, settings)
        stems = word_sets(inventory, kinds)
        self.keys: list[Pair] = scored.pair_keys()
        self.words = [word_pairs(stems[a], stems[b]) for a, b in self.keys]
        p = np.clip(scored.probability, EDGE, 1 - EDGE)
        self.logit = np.log(p / (1 - p))
        self.truth = np.array([k in labels.duplicates for k in self.keys])
        self.labelled = len(labels.duplicates)
        self.suggested = {key(*p) for p in detect(inventory, settings)}


def matrix(pairs: SetPairs, keep: set[str] | None) -> sp.csr_matrix:
    rows = [{w: c for w, c in r.items() if keep is None or w in keep} for r in pairs.words]
    hashed = FeatureHasher(n_features=HASHED, input_type="dict", alternate_sign=False)
    words = hashed.transform(rows)
    return sp.hstack([words, sp.csr_matrix(pairs.logit[:, None])]).tocsr()


def average_precision(score: np.ndarray, pairs: SetPairs) -> float:
    hit = pairs.truth[np.argsort(-score, kind="stable")]
    precision = np.cumsum(hit) / np.arange(1, len(hit) + 1)
    return float((precision * hit).sum() / pairs.labelled) if pairs.labelled else 1.0


def stacked_scores(
    name: str, sets: dict[str, SetPairs], regularisation: float, min_sets: int
) -> np.ndarray:
    others = [o for o in sets if o != name]
    keep = None
    if min_sets > 1:
        seen = Counter(w for o in others for w in set().union(*sets[o].words))
        keep = {w for w, count in seen.items() if count >= min_sets}
    x = sp.vstack([matrix(sets[o], keep) for o in others])
    y = np.concatenate([sets[o].truth for o in others])
    model = LogisticRegression(C=regularisation, max_iter=3000).fit(x, y)
    return np.asarray(model.decision_function(matrix(sets[name], keep)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regularisation", type=float, default=1.0, help="C of the logistic")
    parser.add_argument("--min-sets", type=int, default=1)
    parser.add_argument(
        "--words",
        default="stems",
        help=f"a system's words, comma-separated of: {', '.join(WORDS)} (default: stems)",
    )
    args = parser.parse_args()
    kinds = [k.strip() for k in args.words.split(",") if k.strip()]
    unknown = sorted(set(kinds) - set(WORDS))
    if unknown or not kinds:
        parser.error(f"--words: unknown kind(s) {', '.join(unknown) or '(none given)'}")
    inventories = {n: load_set(n) for n in SETS}
    labels = {n: read_labels(DATA / f"labels-{n}.csv") for n in SETS}
    fitted = cross_fitted(inventories, labels, dup.signals_model())
    assert fitted is not None
    sets = {n: SetPairs(inventories[n], labels[n], fitted[n], kinds) for n in SETS}
    before, after = [], []
    hits_before = hits_after = suggested = labelled = 0
    for name, pairs in sets.items():
        score = stacked_scores(name, sets, args.regularisation, args.min_sets)
        before.append(average_precision(pairs.logit, pairs))
        after.append(average_precision(score, pairs))
        top = np.argsort(-score, kind="stable")[: len(pairs.suggested)]
        hits_before += sum(
            k in pairs.suggested for k, t in zip(pairs.keys, pairs.truth, strict=True) if t
        )
        hits_after += int(pairs.truth[top].sum())
        suggested += len(pairs.suggested)
        labelled += pairs.labelled
        print(f"{name:<14} AP detector {before[-1]:.3f}  with word pairs {after[-1]:.3f}")
    print(
        f"mean AP: detector {np.mean(before):.3f}, with word pairs {np.mean(after):.3f}; "
        f"better on {sum(a > b for a, b in zip(after, before, strict=True))} of {len(sets)} sets"
    )
    print(
        f"same list length: detector P {hits_before / suggested:.3f} R {hits_before / labelled:.3f}"
        f"; with word pairs P {hits_after / suggested:.3f} R {hits_after / labelled:.3f}"
    )


if __name__ == "__main__":
    main()
