"""The canonical form of an event log, built once per upload.

Rules (they are what makes our answers equal pm4py's):
- events missing a case id, an activity or a timestamp are dropped, counted and reported;
- events are grouped by case and ordered by time within the case; events with equal
  timestamps keep their order in the file (a stable order);
- timestamps are UTC microseconds (the importers normalise time zones before this step);
- activities are integer-coded (a polars Enum over the sorted activity names);
- the log is two tables: `events` (activity, timestamp, `case_start` flagging each case's
  first event, and every other attribute) and `cases` (one row per case, in the same order:
  case id and variant number). Case ids are stored once per case, not once per event, which
  makes writing and reading the stored log several times cheaper; the n-th run of events
  (counting `case_start`) belongs to the n-th row of `cases`.

If the file already lists each case's events together and in time order (most exports do),
the file order is kept and nothing is sorted; otherwise the log is sorted stably by case id
and time. Either way, analyses read the stored table without re-sorting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

from produktlyft.workflows.analysis.arrays import (
    Bools,
    is_time_ordered,
    run_starts,
)
from produktlyft.workflows.analysis.columns import (
    ACTIVITY,
    CASE,
    CASE_START,
    REQUIRED,
    TIME_UNIT,
    TIMESTAMP,
    VARIANT,
)
from produktlyft.workflows.analysis.variants import case_variants
from produktlyft.workflows.model import Progress, no_progress

EXAMPLES = 5


@dataclass(frozen=True)
class DroppedEvents:
    """Events left out because a required value was missing."""

    total: int = 0
    by_column: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, str | None]] = field(default_factory=list)  # row number + values

    def as_dict(self) -> dict[str, object]:
        return {"total": self.total, "by_column": self.by_column, "examples": self.examples}


@dataclass(frozen=True)
class CanonicalLog:
    events: pl.DataFrame  # activity, timestamp, case_start, other attributes
    cases: pl.DataFrame  # case_id, variant; one row per case, in event order
    dropped: DroppedEvents = field(default_factory=DroppedEvents)
    sorted_on_import: bool = False  # False when the file order was already canonical

    @property
    def activities(self) -> list[str]:
        dtype = self.events.schema[ACTIVITY]
        assert isinstance(dtype, pl.Enum)
        return list(dtype.categories)

    @property
    def n_events(self) -> int:
        return self.events.height

    @property
    def n_cases(self) -> int:
        return self.cases.height

    def time_range(self) -> tuple[datetime | None, datetime | None]:
        stamps = self.events[TIMESTAMP]
        low, high = stamps.min(), stamps.max()
        return (
            low if isinstance(low, datetime) else None,
            high if isinstance(high, datetime) else None,
        )


def _drop_missing(frame: pl.DataFrame) -> tuple[pl.DataFrame, DroppedEvents]:
    missing = {column: frame[column].null_count() for column in REQUIRED}
    if not any(missing.values()):
        return frame, DroppedEvents()
    any_missing = pl.any_horizontal(pl.col(column).is_null() for column in REQUIRED)
    examples = (
        frame.with_row_index("row", offset=1)
        .filter(any_missing)
        .head(EXAMPLES)
        .select(pl.col("row").cast(pl.String), *[pl.col(c).cast(pl.String) for c in REQUIRED])
    )
    kept = frame.filter(~any_missing)
    report = DroppedEvents(
        total=frame.height - kept.height,
        by_column={column: count for column, count in missing.items() if count},
        examples=examples.to_dicts(),
    )
    return kept, report


def _coded_activities(frame: pl.DataFrame) -> pl.DataFrame:
    activity = frame[ACTIVITY]
    if isinstance(activity.dtype, pl.Enum):
        return frame
    if isinstance(activity.dtype, pl.Categorical):  # distinct values from the codes: cheap
        names = sorted(activity.unique().cast(pl.String).to_list())
        return frame.with_columns(pl.col(ACTIVITY).cast(pl.Enum(names)))
    names = sorted(activity.cast(pl.String).unique().to_list())
    return frame.with_columns(pl.col(ACTIVITY).cast(pl.String).cast(pl.Enum(names)))


def _utc_microseconds(frame: pl.DataFrame) -> pl.DataFrame:
    dtype = frame.schema[TIMESTAMP]
    if not isinstance(dtype, pl.Datetime) or dtype.time_zone != "UTC":
        raise ValueError(
            f"the timestamp column must be UTC datetimes before canonicalising, not {dtype}"
        )
    if dtype.time_unit != TIME_UNIT:
        return frame.with_columns(pl.col(TIMESTAMP).dt.cast_time_unit(TIME_UNIT))
    return frame


def _in_canonical_order(frame: pl.DataFrame) -> tuple[bool, Bools]:
    """Whether each case's events are together and in time order; and the case starts."""
    starts, first_hash = run_starts(frame[CASE], keep_first_hash=True)
    # distinct cases must form distinct runs; a hash collision only makes this say "no"
    run_keys = pl.Series(first_hash[starts])
    if run_keys.n_unique() != len(run_keys):
        return False, starts
    return is_time_ordered(frame[TIMESTAMP].to_physical().to_numpy(), starts), starts


def _order_by_case_and_time(frame: pl.DataFrame) -> tuple[pl.DataFrame, Bools, bool]:
    """Sort stably by time, then stably by case: ties keep the file order. Cases are grouped
    through a hash of their id (one integer key sorts far faster than strings); if a hash
    collision ever interleaved two cases, the check catches it and the strings are sorted."""
    ordered, starts = _in_canonical_order(frame)
    if ordered:
        return frame, starts, False
    stamps = frame[TIMESTAMP].to_physical()
    if not stamps.is_sorted():
        frame = frame.sort(TIMESTAMP, maintain_order=True)
    frame = frame.sort(pl.col(CASE).hash(seed=3), maintain_order=True)
    ordered, starts = _in_canonical_order(frame)
    if not ordered:
        frame = frame.sort([CASE, TIMESTAMP], maintain_order=True)
        starts = run_starts(frame[CASE])
    return frame, starts, True


def canonicalise(frame: pl.DataFrame, progress: Progress = no_progress) -> CanonicalLog:
    """Turn parsed events (canonical column names, UTC timestamps) into the canonical log."""
    progress("checking required values", 0.0)
    frame, dropped = _drop_missing(frame)
    frame = frame.with_columns(pl.col(CASE).cast(pl.String))
    frame = _utc_microseconds(_coded_activities(frame))
    progress("ordering events by case and time", 0.3)
    frame, starts, reorder = _order_by_case_and_time(frame)
    progress("numbering variants", 0.6)
    codes = frame[ACTIVITY].to_physical().to_numpy()
    n_symbols = len(frame.schema[ACTIVITY].categories)  # type: ignore[attr-defined]
    variant_of_case = case_variants(codes, starts, n_symbols)
    cases = pl.DataFrame({CASE: frame[CASE].filter(pl.Series(starts)), VARIANT: variant_of_case})
    events = frame.drop(CASE).with_columns(pl.Series(CASE_START, starts))
    progress("canonical log ready", 1.0)
    return CanonicalLog(events, cases, dropped, sorted_on_import=reorder)
