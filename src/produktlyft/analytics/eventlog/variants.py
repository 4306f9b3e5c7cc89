"""Variants: cases with the same sequence of activities, numbered by frequency.

Each case's activity codes are packed into 64-bit words (a few bits per activity), and a
variant number is given round by round to the pair (variant number so far, next word): a trie
over words, computed with a group-by per round. It is exact, needs no hashing of sequences and
no per-case Python work; the number of rounds is the longest case divided by the events per word.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from produktlyft.analytics.eventlog.arrays import Bools, Index, segment_sums


def _round_ids(prefix: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, int]:
    """A number for each distinct (prefix, word) pair, in 0..count-1, and the count."""
    pairs = pl.DataFrame({"p": prefix, "w": words}).with_row_index("row")
    group_first = pairs.select(pl.col("row").min().over("p", "w")).to_series().to_numpy()
    # renumber the first-row indexes densely so ids stay small across rounds
    is_first = group_first == np.arange(len(group_first))
    dense = np.cumsum(is_first, dtype=np.int64) - 1
    return dense[group_first], int(is_first.sum())


def case_variants(codes: np.ndarray, starts: Bools, cases: Index, position: Index,
                  symbols: int) -> np.ndarray:
    """The variant number of each case (0 = most frequent; ties by first case)."""
    n_cases = int(starts.sum())
    if n_cases == 0:
        return np.zeros(0, dtype=np.uint32)
    bits = max(1, int(symbols).bit_length())  # codes are stored +1 so that 0 means "no event"
    per_word = 64 // bits
    slot = position % per_word
    packed = (codes.astype(np.uint64) + np.uint64(1)) << (slot.astype(np.uint64) * np.uint64(bits))
    word_starts = starts | (slot == 0)
    del slot
    words = segment_sums(packed, word_starts)
    del packed
    first_rows = np.flatnonzero(word_starts)
    word_case = cases[first_rows]
    word_round = position[first_rows] // per_word
    ids = np.zeros(n_cases, dtype=np.int64)
    offset = 0
    for round_no in range(int(word_round.max()) + 1):  # one pass per word position, not per row
        chosen = word_round == round_no
        chosen_cases = word_case[chosen]
        round_ids, count = _round_ids(ids[chosen_cases], words[chosen])
        ids[chosen_cases] = round_ids + offset
        offset += count
    return _rank_by_frequency(ids)


def _rank_by_frequency(ids: np.ndarray) -> np.ndarray:
    frame = pl.DataFrame({"raw": ids, "case": np.arange(len(ids), dtype=np.int64)})
    ranked = (frame.group_by("raw").agg(n=pl.len(), first=pl.col("case").min())
              .sort(["n", "first"], descending=[True, False])
              .with_row_index("variant"))
    lookup = np.zeros(int(ids.max()) + 1, dtype=np.uint32)
    lookup[ranked["raw"].to_numpy()] = ranked["variant"].to_numpy().astype(np.uint32)
    result: np.ndarray = lookup[ids]
    return result
