"""Variants: cases with the same sequence of activities, numbered by frequency.

Each case's activity codes are packed into 64-bit words (a few bits per activity, so 16
activities to a word when there are fewer than 16 activity names), and a variant number is
given round by round to the pair (number so far, next word): a trie over words, one group-by
per round. It is exact, hashes no sequences and does no per-case Python work. Words are built
in case space: step k adds the k-th activity of every case that has one, so the work is one
gather per event and the loops run over word positions, never over rows.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import polars as pl

from produktlyft.analytics.eventlog.arrays import Bools

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


def _words(codes: npt.NDArray[np.integer], first: Ids, lengths: Ids, offset: int,
           per_word: int, bits: int) -> npt.NDArray[np.uint64]:
    """The packed word of positions offset..offset+per_word-1 of each given case."""
    words = np.zeros(len(first), dtype=np.uint64)
    remaining = lengths - offset
    chosen = np.arange(len(first))
    for step in range(per_word):
        chosen = chosen[remaining[chosen] > step]
        if len(chosen) == 0:
            break
        symbol = codes[first[chosen] + offset + step].astype(np.uint64) + np.uint64(1)
        words[chosen] |= symbol << np.uint64(bits * step)
    return words


def case_variants(codes: npt.NDArray[np.integer], starts: Bools, symbols: int,
                  ) -> npt.NDArray[np.uint32]:
    """The variant number of each case (0 = most frequent; ties by first case)."""
    first = np.flatnonzero(starts).astype(np.int64)
    if len(first) == 0:
        return np.zeros(0, dtype=np.uint32)
    lengths = np.diff(np.append(first, len(starts))).astype(np.int64)
    bits = max(1, int(symbols).bit_length())  # codes are stored +1 so that 0 means "no event"
    per_word = 64 // bits
    ids = np.zeros(len(first), dtype=np.int64)
    offset_ids = 0
    longest = int(lengths.max())
    for offset in range(0, longest, per_word):  # one round per word position, not per row
        alive = np.flatnonzero(lengths > offset)
        words = _words(codes, first[alive], lengths[alive], offset, per_word, bits)
        round_ids, count = _round_ids(ids[alive], words)
        ids[alive] = round_ids + offset_ids
        offset_ids += count
    return _rank_by_frequency(ids)


def _rank_by_frequency(ids: Ids) -> npt.NDArray[np.uint32]:
    frame = pl.DataFrame({"raw": ids, "case": np.arange(len(ids), dtype=np.int64)})
    ranked = (frame.group_by("raw").agg(n=pl.len(), first=pl.col("case").min())
              .sort(["n", "first"], descending=[True, False])
              .with_row_index("variant"))
    lookup = np.zeros(int(ids.max()) + 1, dtype=np.uint32)
    lookup[ranked["raw"].to_numpy()] = ranked["variant"].to_numpy().astype(np.uint32)
    result: npt.NDArray[np.uint32] = lookup[ids]
    return result
