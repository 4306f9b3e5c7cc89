"""Gradient-boosted trees over the duplicate signals, kept as data and evaluated with NumPy.

The logistic model adds each signal's evidence independently; trees let one signal count
differently beside another (a shared function says more where the roles are the same, a home-
grown tool more where nothing argues against it). Each signal keeps its direction (evidence for
a twin may only raise the score, evidence against only lower it: monotonic constraints in the
fit), so a tree model says nothing a reason could not explain (ADR 0023, twenty-sixth look).

The fitted trees are stored as plain JSON, one tree per line (the node arrays: the signal a
node tests, its threshold, its two children, the value of a leaf), never as a pickle: shipped
data must be readable and must not run code when read. Pure: no storage, web or CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import numpy as np

SHIPPED_TREES = "duplicate_trees.json"  # in produktlyft.review.data
# the trees fitted with the embedding model's two signals, used where one is configured
SHIPPED_EMBEDDING_TREES = "duplicate_trees_embedding.json"
LEAF = -1  # the `feature` of a leaf node
CHUNK = 2_000  # pairs walked at once: their pairs x trees arrays stay in the cache


@dataclass(frozen=True, eq=False)
class TreeModel:
    """The trees as padded node arrays (trees x nodes): a node sends a pair left when its
    `feature`-th signal is at most `threshold`; a leaf (feature LEAF) holds `value`. The logit
    of a pair is `baseline` plus the value of the leaf it reaches in every tree."""

    signals: tuple[str, ...]
    baseline: float
    feature: np.ndarray  # int, LEAF at leaves
    threshold: np.ndarray
    left: np.ndarray  # int, the node's own index at leaves
    right: np.ndarray
    value: np.ndarray
    source: str = ""

    @property
    def size(self) -> int:
        return int(self.feature.shape[0])

    def logit(self, signals: np.ndarray) -> np.ndarray:
        """Each pair's logit, walking every tree at once, one level per step (vectorised over
        pairs and trees, in chunks of pairs so that the pairs-by-trees arrays stay small)."""
        out = np.full(len(signals), self.baseline)
        if len(signals) == 0 or self.size == 0:
            return out
        walk = self._flat()
        for start in range(0, len(signals), CHUNK):
            out[start : start + CHUNK] += self._leaf_values(signals[start : start + CHUNK], walk)
        return out

    def _flat(self) -> tuple[np.ndarray, ...]:
        """The node arrays flattened (tree k's node j at k * width + j), with a leaf's feature
        pointing past the signals, where every pair reads +inf: above any threshold, so it
        goes right, which at a leaf is the leaf itself. A node's two children sit side by
        side (right, then left) so that a step is one look-up: child[2 * node + goes_left]."""
        width = self.feature.shape[1]
        offset = np.repeat(np.arange(self.size, dtype=np.intp) * width, width)
        feature = np.where(self.feature == LEAF, len(self.signals), self.feature).ravel()
        left = np.where(self.left >= 0, self.left, 0).ravel() + offset
        right = np.where(self.right >= 0, self.right, 0).ravel() + offset
        child = np.stack([right, left], axis=1).ravel()
        roots = np.arange(self.size, dtype=np.intp) * width
        return feature.astype(np.intp), self.threshold.ravel(), child.astype(np.intp), roots

    def _leaf_values(self, signals: np.ndarray, walk: tuple[np.ndarray, ...]) -> np.ndarray:
        feature, threshold, child, roots = walk
        width = signals.shape[1] + 1
        padded = np.hstack([signals, np.full((len(signals), 1), np.inf)]).ravel()
        row = (np.arange(len(signals), dtype=np.intp) * width)[:, np.newaxis]
        node = np.broadcast_to(roots, (len(signals), self.size))
        for _ in range(self.depth):
            goes_left = padded[row + feature[node]] <= threshold[node]
            node = child[2 * node + goes_left]
        summed: np.ndarray = self.value.ravel()[node].sum(axis=1)
        return summed

    def uses(self, signal: int) -> bool:
        """Whether any tree tests the signal (a signal no tree tests weighs nothing)."""
        return bool((self.feature == signal).any())

    @cached_property
    def depth(self) -> int:
        """The most inner nodes on any tree's path from its root to a leaf: the steps a walk
        takes before every pair stands on a leaf."""
        deepest, level = 0, [(k, 0) for k in range(self.size)]
        while level:
            inner = [(k, j) for k, j in level if self.feature[k, j] != LEAF]
            deepest += bool(inner)
            level = [(k, int(side[k, j])) for k, j in inner for side in (self.left, self.right)]
        return deepest

    def to_json(self) -> str:
        """One tree per line, the node arrays trimmed of their padding."""
        lines = []
        for t in range(self.size):
            nodes = int(np.count_nonzero(self.left[t] >= 0))
            tree = {
                "feature": self.feature[t, :nodes].tolist(),
                # in full: a threshold may be a signal's value itself, seen in the fit
                "threshold": [float(x) for x in self.threshold[t, :nodes]],
                "left": self.left[t, :nodes].tolist(),
                "right": self.right[t, :nodes].tolist(),
                "value": [round(float(x), 7) for x in self.value[t, :nodes]],
            }
            lines.append(json.dumps(tree, separators=(",", ":")))
        head = {"source": self.source, "signals": list(self.signals), "baseline": self.baseline}
        body = ",\n  ".join(lines)
        return f'{json.dumps(head, ensure_ascii=False)[:-1]}, "trees": [\n  {body}\n]}}'


def from_nodes(
    signals: tuple[str, ...], baseline: float, trees: list[dict[str, list[Any]]], source: str = ""
) -> TreeModel:
    """A model from each tree's node lists (as stored; see `to_json`)."""
    width = max((len(t["feature"]) for t in trees), default=1)

    def padded(name: str, fill: float, kind: type) -> np.ndarray:
        out: np.ndarray = np.full((len(trees), width), fill, dtype=kind)
        for k, tree in enumerate(trees):
            out[k, : len(tree[name])] = tree[name]
        return out

    return TreeModel(
        signals=signals,
        baseline=float(baseline),
        feature=padded("feature", LEAF, np.int64),
        threshold=padded("threshold", 0.0, np.float64),
        left=padded("left", -1, np.int64),
        right=padded("right", -1, np.int64),
        value=padded("value", 0.0, np.float64),
        source=source,
    )


def read_trees(text: str, signals: tuple[str, ...]) -> TreeModel:
    """A stored model; a clear error where it was fitted on other signals than these."""
    raw = json.loads(text)
    stored = tuple(raw["signals"])
    if stored != signals:
        raise ValueError(
            f"the trees were fitted on the signals {', '.join(stored)}; "
            f"the detector has {', '.join(signals)}"
        )
    return from_nodes(stored, raw["baseline"], raw["trees"], raw.get("source", ""))


@cache
def shipped_trees(signals: tuple[str, ...], name: str = SHIPPED_TREES) -> TreeModel:
    """The trees shipped with the package (bench/duplicates_eval.py --fit-shipped writes them):
    those fitted without the embedding, or with it (`SHIPPED_EMBEDDING_TREES`)."""
    text = resources.files("produktlyft.review.data").joinpath(name).read_text("utf-8")
    return read_trees(text, signals)
