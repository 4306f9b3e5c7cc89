"""Variants: cases with the same sequence of activities, numbered by frequency.

Each case's activity codes are packed into 64-bit words (a few bits per activity, so 16
activities to a word when there are fewer than 16 activity names), and a variant number is
given round by round to the pair (number so far, next word): a trie over words, one group-by
per round. It is exact, hashes no sequences and does no per-case Python work. Words are built
in case space with the cases sorted longest first: step k adds the k-th activity of the cases
that have one, which are a prefix; the work is one gather per event, and the loops run over
positions within a word, never over rows.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from produktlyft.workflows.analysis.arrays import Bools

Ids = npt.NDArray[np.int64]


def _round_ids(prefix: Ids, words: npt.NDArray[np.uint64]) -> tuple[Ids, int]:
    """A number for each distinct (prefix, word) pair, in 0..count-1, and the count."""
    pairs = pl.DataFrame({"p": prefix, "w": words}).with_row_index("row")
    keys = ["w"] if len(prefix) and int(prefix.min()) == int(prefix.max()) else ["p", "w"]
    group_first = pairs.select(pl.col("row").min().over(keys)).to_series().to_numpy()
    # renumber the first-row indexes densely so ids stay small across rounds
    is_first = group_first == np.arange(len(group_first))
    dense = np.cumsum(is_first, dtype=np.int64) - 1
    ids: Ids = dense[group_first]
    return ids, int(is_first.sum())


def case_variants(
    codes: npt.NDArray[np.integer],
    starts: Bools,
    symbols: int,
) -> npt.NDArray[np.uint32]:
    """The variant number of each case (0 = most frequent; ties by first case)."""
    first = np.flatnonzero(starts)
    n_cases = len(first)
    if n_cases == 0:
        return np.zeros(0, dtype=np.uint32)
    lengths = np.diff(np.append(first, len(starts)))
    # cases longest first: the cases that still have a k-th event are then a prefix, so each
    # step is a slice and one gather, not a search
    order = np.argsort(-lengths, kind="stable")
    first, lengths = first[order], lengths[order]
    # how many cases have more than k events, for every k
    longer_than = n_cases - np.cumsum(np.bincount(lengths, minlength=int(lengths[0]) + 1))
    bits = max(1, int(symbols).bit_length())  # codes are stored +1 so that 0 means "no event"
    per_word = 64 // bits
    ids = np.zeros(n_cases, dtype=np.int64)
    next_id = 0
    for offset in range(0, int(lengths[0]), per_word):  # one round per word, not per row
        alive = int(longer_than[offset])
        words = np.zeros(alive, dtype=np.uint64)
        for step in range(per_word):
            count = int(longer_than[offset + step]) if offset + step < len(longer_than) else 0
            if count == 0:
                break
            symbol = codes[first[:count] + (offset + step)].astype(np.uint64)
            symbol += np.uint64(1)
            symbol <<= np.uint64(bits * step)
            words[:count] |= symbol
        round_ids, distinct = _round_ids(ids[:alive], words)
        ids[:alive] = round_ids + next_id
        next_id += distinct
    in_case_order = np.empty_like(ids)
    in_case_order[order] = ids
    return _rank_by_frequency(in_case_order)


def _rank_by_frequency(ids: Ids) -> npt.NDArray[np.uint32]:
    frame = pl.DataFrame({"raw": ids, "case": np.arange(len(ids), dtype=np.int64)})
    ranked = (
        frame.group_by("raw")
        .agg(n=pl.len(), first=pl.col("case").min())
        .sort(["n", "first"], descending=[True, False])
        .with_row_index("variant")
    )
    lookup = np.zeros(int(ids.max()) + 1, dtype=np.uint32)
    lookup[ranked["raw"].to_numpy()] = ranked["variant"].to_numpy().astype(np.uint32)
    result: npt.NDArray[np.uint32] = lookup[ids]
    return result
