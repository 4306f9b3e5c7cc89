"""Numpy views of a canonical log's columns, computed once and shared by the analyses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl

from produktlyft.analytics.eventlog.arrays import Bools, Index, Ints, case_ends, case_index
from produktlyft.analytics.eventlog.columns import ACTIVITY, CASE, CASE_START, TIMESTAMP, VARIANT

MICROSECONDS = 1_000_000


def activity_names(view: LogView, codes: npt.NDArray[np.integer] | pl.Series) -> pl.Series:
    """Activity names for integer activity codes."""
    return pl.Series(view.activities, dtype=pl.String).gather(pl.Series(codes))


@dataclass
class LogView:
    """The canonical event table, with integer views of its key columns (zero-copy)."""

    events: pl.DataFrame

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
        n = self.n_activities
        source = self.codes[:-1][self.has_next].astype(np.int64)
        target = self.codes[1:][self.has_next]
        source *= n
        source += target
        return source

    @property
    def n_cases(self) -> int:
        return int(self.starts.sum())

    @cached_property
    def case_ids(self) -> pl.Series:
        return self.events[CASE].filter(pl.Series(self.starts))

    @cached_property
    def case_variants(self) -> npt.NDArray[np.uint32]:
        variants: npt.NDArray[np.uint32] = (self.events[VARIANT].filter(pl.Series(self.starts))
                                            .cast(pl.UInt32).to_numpy())
        return variants

    @cached_property
    def dense_case_column(self) -> pl.Series:
        """The case id on every event (a stored log keeps it on first events only)."""
        column = self.events[CASE]
        return column.forward_fill() if column.null_count() else column

    @cached_property
    def case_first(self) -> Ints:
        first: Ints = self.stamps[self.starts]
        return first

    @cached_property
    def case_last(self) -> Ints:
        last: Ints = self.stamps[self.ends]
        return last
