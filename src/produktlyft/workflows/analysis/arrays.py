"""Vectorised building blocks over a canonical log: case boundaries, positions, segment sums.

A canonical log stores each case's events contiguously, so "per case" work is a pass over runs
of rows: the first row of each run is flagged, and sums per run are differences of one
cumulative sum. That avoids hashing 10 million case ids for every analysis.
"""

from __future__ import annotations

from typing import Literal, overload

import numpy as np
import numpy.typing as npt
import polars as pl

Bools = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]
Index = npt.NDArray[np.int32]
Words = npt.NDArray[np.uint64]


@overload
def run_starts(values: pl.Series) -> Bools: ...


@overload
def run_starts(values: pl.Series, *, keep_first_hash: Literal[True]) -> tuple[Bools, Words]: ...


def run_starts(
    values: pl.Series,
    *,
    keep_first_hash: bool = False,
) -> Bools | tuple[Bools, Words]:
    """True where a run of equal values begins. Neighbouring case ids are compared through a
    64-bit hash and their length (a false match needs two different ids of the same length,
    next to each other, with the same hash: about 1e-19 per pair), an order of magnitude
    faster than comparing the strings themselves."""
    n = len(values)
    starts = np.ones(n, dtype=np.bool_)
    first_hash: Words = np.zeros(n, dtype=np.uint64)
    if n > 1:
        first_hash = values.hash(seed=0).to_numpy()
        np.not_equal(first_hash[1:], first_hash[:-1], out=starts[1:])
        if values.dtype == pl.String:
            lengths = values.str.len_bytes().to_numpy()
            starts[1:] |= lengths[1:] != lengths[:-1]
    return (starts, first_hash) if keep_first_hash else starts


def case_index(starts: Bools) -> Index:
    """The number of each row's case (0-based), from the run starts."""
    index = np.cumsum(starts, dtype=np.int32)
    index -= 1
    return index


def case_ends(starts: Bools) -> Bools:
    ends = np.empty_like(starts)
    if len(starts):
        ends[:-1] = starts[1:]
        ends[-1] = True
    return ends


def positions(starts: Bools, cases: Index) -> Index:
    """Each event's position within its case (0 for the first event)."""
    first_rows = np.flatnonzero(starts).astype(np.int32)
    position = np.arange(len(starts), dtype=np.int32)
    position -= first_rows[cases]
    return position


def segment_sums(values: Words, segment_starts: Bools) -> Words:
    """Sum of `values` over each run that begins where `segment_starts` is True. The cumulative
    sum wraps modulo 2**64, so each difference is exact whenever the true sum fits in 64 bits."""
    total = np.cumsum(values, dtype=np.uint64)
    first = np.flatnonzero(segment_starts)
    last = np.empty_like(first)
    last[:-1] = first[1:] - 1
    if len(first):
        last[-1] = len(values) - 1
    before = np.zeros(len(first), dtype=np.uint64)
    inner = first > 0
    before[inner] = total[first[inner] - 1]
    sums: Words = total[last] - before
    return sums


def is_time_ordered(timestamps: Ints, starts: Bools) -> bool:
    """Whether timestamps never go back within a case (ties are fine: file order breaks them)."""
    if len(timestamps) < 2:
        return True
    forward = timestamps[1:] >= timestamps[:-1]
    return bool(np.all(forward | starts[1:]))
