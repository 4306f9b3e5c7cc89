"""The best-match signal of the duplicate model: whether two systems are each other's best
match among their candidate pairs, by the rest of the model's score. A system that resembles
several others (a report on the payroll system, a home-grown list beside three school systems)
is the twin of at most one or two of them; a twin is usually the other's nearest. And the group
signal: the same rank, counting only rivals that score clearly better, so that three or four
near-equal twins (several learning platforms after a merger) are not each other's rivals. And
the margin: how far a pair's score stands above either system's next best. Pure."""

from __future__ import annotations

import numpy as np

from produktlyft.review.analysis.duplicates_cut import sigmoid
from produktlyft.review.analysis.duplicates_settings import GROUP, MARGIN, MATCH


def pair_ranks(pairs: np.ndarray, scores: np.ndarray, n: int) -> np.ndarray:
    """Per pair (i, j), the larger of j's rank among i's pairs by score and i's rank among
    j's (0 = each is the other's best match; equal scores share the worse rank)."""
    ranks = np.zeros(len(pairs), dtype=np.int64)
    if len(pairs) == 0:
        return ranks
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    both = np.concatenate([scores, scores])
    index = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
    order = np.lexsort((-both, ends))  # by system, best score first
    sorted_ends, sorted_scores = ends[order], both[order]
    starts = np.searchsorted(sorted_ends, np.arange(n))
    # the rank is the number of the system's other pairs that score as well or better: a tie
    # is nobody's best match (two siblings of a function that look the same to the model)
    last = np.ones(len(order), dtype=bool)
    last[:-1] = (sorted_ends[1:] != sorted_ends[:-1]) | (sorted_scores[1:] != sorted_scores[:-1])
    ahead = np.where(last, np.arange(len(order)), len(order))
    last_equal = np.minimum.accumulate(ahead[::-1])[::-1]
    rank_in = last_equal - starts[sorted_ends]
    np.maximum.at(ranks, index[order], rank_in)
    return ranks


def best_match(pairs: np.ndarray, logits: np.ndarray, n: int) -> np.ndarray:
    """Per pair, 1 / (1 + its pair rank by `logits`): 1 for each other's best match, 0.5 when
    one is the other's second, falling."""
    out: np.ndarray = 1.0 / (1.0 + pair_ranks(pairs, logits, n))
    return out


# a rival counts against a pair in the group signal only when it scores this much better (on
# the logit scale): near-equal twins of a group of three or four are not each other's rivals
GROUP_MARGIN = 0.25


def margin_ranks(pairs: np.ndarray, scores: np.ndarray, n: int, margin: float) -> np.ndarray:
    """Per pair (i, j), the larger of the number of i's other pairs that score at least
    `margin` better and the same number for j (`margin` > 0)."""
    ranks = np.zeros(len(pairs), dtype=np.int64)
    if len(pairs) == 0:
        return ranks
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    both = np.concatenate([scores, scores]).astype(float)
    index = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
    # the scores and the bounds (score + margin) as exact integer ranks of their union, so that
    # one integer key sorts by system, then by falling score
    values, rank = np.unique(np.concatenate([both, both + margin]), return_inverse=True)
    size = len(values)
    top = size - 1 - rank.reshape(-1)  # 0 for the highest
    key = ends * size + top[: len(both)]
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.searchsorted(sorted_key, np.arange(n) * size)
    # the pairs of the same system that score at least `margin` better lie up to this bound
    bound = ends * size + top[len(both) :]
    better = np.searchsorted(sorted_key, bound, side="right") - starts[ends]
    np.maximum.at(ranks, index, np.maximum(better, 0))
    return ranks


def group_match(pairs: np.ndarray, logits: np.ndarray, n: int) -> np.ndarray:
    """Per pair, 1 / (1 + the worse of the two systems' counts of rivals that score at least
    GROUP_MARGIN better): 1 for the pairs of a group of near-equal twins, where only one pair
    can be each other's best match."""
    out: np.ndarray = 1.0 / (1.0 + margin_ranks(pairs, logits, n, GROUP_MARGIN))
    return out


def match_margin(pairs: np.ndarray, logits: np.ndarray, n: int) -> np.ndarray:
    """Per pair (i, j), the logistic of how far its score stands above the best of i's and j's
    other pairs (0.5 level with a rival, 1 with none): the rank says whether a pair is each
    other's best match, the margin how clearly, so that a twin far ahead of the next candidate
    weighs more than one a hair ahead of a sibling system."""
    if len(pairs) == 0:
        return np.zeros(0)
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    both = np.concatenate([logits, logits]).astype(float)
    order = np.lexsort((-both, ends))  # by system, best score first
    sorted_ends = ends[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = sorted_ends[1:] != sorted_ends[:-1]
    best, second = np.full(n, -np.inf), np.full(n, -np.inf)
    best[sorted_ends[first]] = both[order][first]
    # the runner-up of each system: its best entry left out
    rest = order[~first]
    np.maximum.at(second, ends[rest], both[rest])
    is_best = np.zeros(len(both), dtype=bool)
    is_best[order[first]] = True
    rival = np.where(is_best, second[ends], best[ends])
    worst_rival = np.maximum(rival[: len(pairs)], rival[len(pairs) :])
    alone = np.isneginf(worst_rival)
    out: np.ndarray = np.where(alone, 1.0, sigmoid(np.where(alone, 0.0, logits - worst_rival)))
    return out


def fill_matches(
    signals: np.ndarray, pairs: np.ndarray, logits: np.ndarray, group: bool
) -> np.ndarray:
    """`signals` with the match signals of `pairs` filled in from `logits`, the rest of the
    model's score: the best match, the margin, and the group signal where `group` (else 0)."""
    out = signals.copy()
    size = int(pairs.max()) + 1 if len(pairs) else 0
    out[:, MATCH] = best_match(pairs, logits, size)
    out[:, MARGIN] = match_margin(pairs, logits, size)
    out[:, GROUP] = group_match(pairs, logits, size) if group else 0.0
    return out
