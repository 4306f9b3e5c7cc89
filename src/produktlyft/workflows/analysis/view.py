"""Numpy views of a canonical log's columns, computed once and shared by the analyses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl

from produktlyft.workflows.analysis.arrays import Bools, Index, Ints, case_ends, case_index
from produktlyft.workflows.analysis.canonical import CanonicalLog
from produktlyft.workflows.analysis.columns import ACTIVITY, CASE, CASE_START, TIMESTAMP, VARIANT

MICROSECONDS = 1_000_000


def activity_names(view: LogView, codes: npt.NDArray[np.integer] | pl.Series) -> pl.Series:
    """Activity names for integer activity codes."""
    return pl.Series(view.activities, dtype=pl.String).gather(pl.Series(codes))


@dataclass
class LogView:
    """A canonical log (events and cases tables), with integer views of its key columns
    (zero-copy where polars allows) computed once and shared by the analyses."""

    events: pl.DataFrame
    cases_table: pl.DataFrame

    @classmethod
    def of(cls, log: CanonicalLog) -> LogView:
        return cls(log.events, log.cases)

    @cached_property
    def activities(self) -> list[str]:
        dtype = self.events.schema[ACTIVITY]
        assert isinstance(dtype, pl.Enum)
        return list(dtype.categories)

    @property
    def n_activities(self) -> int:
        return len(self.activities)

    @cached_property
    def codes(self) -> npt.NDArray[np.integer]:
        codes: npt.NDArray[np.integer] = self.events[ACTIVITY].to_physical().to_numpy()
        return codes

    @cached_property
    def stamps(self) -> Ints:
        """Microseconds since the epoch, UTC."""
        stamps: Ints = self.events[TIMESTAMP].to_physical().to_numpy()
        return stamps

    @cached_property
    def starts(self) -> Bools:
        starts: Bools = self.events[CASE_START].to_numpy()
        return starts

    @cached_property
    def ends(self) -> Bools:
        return case_ends(self.starts)

    @cached_property
    def first_rows(self) -> Ints:
        """Row number of each case's first event."""
        rows: Ints = np.flatnonzero(self.starts)
        return rows

    @cached_property
    def last_rows(self) -> Ints:
        """Row number of each case's last event."""
        rows = np.empty_like(self.first_rows)
        rows[:-1] = self.first_rows[1:] - 1
        if len(rows):
            rows[-1] = len(self.starts) - 1
        return rows

    @cached_property
    def cases(self) -> Index:
        return case_index(self.starts)

    @cached_property
    def has_next(self) -> Bools:
        """For rows 0..n-2: whether the next row belongs to the same case (an edge)."""
        has_next: Bools = ~self.starts[1:]
        return has_next

    @cached_property
    def gaps(self) -> Ints:
        """Microseconds from each event to the next event of its case, for the edges only."""
        gaps: Ints = (self.stamps[1:] - self.stamps[:-1])[self.has_next]
        return gaps

    @cached_property
    def edge_keys(self) -> Ints:
        """source code * n_activities + target code, for the edges only."""
        keys: Ints = self.pair_keys[self.has_next]
        return keys

    @cached_property
    def pair_keys(self) -> Ints:
        """For every pair of neighbouring rows: source * n + target when both belong to one
        case (an edge), and n * n (a bin no edge uses) when the second row starts a new case.
        Bin counts over these need no filtering pass."""
        n = self.n_activities
        keys = self.codes[:-1].astype(np.int64)
        keys *= n
        keys += self.codes[1:]
        keys[self.starts[1:]] = n * n
        return keys

    @cached_property
    def pair_gaps(self) -> Ints:
        """Microseconds between neighbouring rows, 0 where the second row starts a new case."""
        gaps = np.diff(self.stamps)
        gaps[self.starts[1:]] = 0
        return gaps

    @property
    def n_cases(self) -> int:
        return self.cases_table.height

    @property
    def case_ids(self) -> pl.Series:
        return self.cases_table[CASE]

    @cached_property
    def case_variants(self) -> npt.NDArray[np.uint32]:
        variants: npt.NDArray[np.uint32] = self.cases_table[VARIANT].cast(pl.UInt32).to_numpy()
        return variants

    def case_numbers(self, case_ids: list[str]) -> npt.NDArray[np.int64]:
        """Positions in the cases table of the given case ids (unknown ids are left out)."""
        wanted = pl.Series(case_ids, dtype=pl.String).implode()  # one list, not a column
        found: npt.NDArray[np.int64] = (
            self.case_ids.is_in(wanted).arg_true().cast(pl.Int64).to_numpy()
        )
        return found

    @cached_property
    def case_first(self) -> Ints:
        first: Ints = self.stamps[self.first_rows]
        return first

    @cached_property
    def case_last(self) -> Ints:
        last: Ints = self.stamps[self.last_rows]
        return last
