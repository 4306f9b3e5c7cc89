"""Filters over a canonical log. Case filters keep or drop whole cases, so the stored case
starts and variant numbers stay valid; event filters (trimming to a time window, keeping only
some events) derive them again from the events that remain, so variant numbers then refer to
the filtered log."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, CASE, CASE_START, VARIANT
from produktlyft.workflows.analysis.variants import case_variants
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.model import LogFilter


def _micros(moment: datetime | None, default: int) -> int:
    if moment is None:
        return default
    if moment.tzinfo is None:
        raise ValueError("filter times must carry a time zone")
    return int(moment.timestamp() * 1_000_000)


def _time_cases(view: LogView, f: LogFilter) -> np.ndarray:
    low = _micros(f.start, np.iinfo(np.int64).min)
    high = _micros(f.end, np.iinfo(np.int64).max)
    first, last = view.case_first, view.case_last
    if f.time_mode == "contained":
        return (first >= low) & (last <= high)
    if f.time_mode == "started":
        return (first >= low) & (first <= high)
    return (last >= low) & (first <= high)  # intersecting


def _top_variants(view: LogView, k: int) -> np.ndarray:
    counts = pl.DataFrame({"v": view.case_variants}).group_by("v").len()
    top = counts.sort(["len", "v"], descending=[True, False]).head(k)["v"].to_numpy()
    return np.isin(view.case_variants, top)


def _attribute_events(view: LogView, f: LogFilter) -> np.ndarray:
    column = f.attribute or ""
    if column not in view.events.columns:
        raise KeyError(column)
    values = pl.Series(list(f.values), dtype=pl.String)
    found = view.events[column].cast(pl.String).is_in(values.implode()).fill_null(False)
    matches: np.ndarray = found.to_numpy()
    return matches


def _keep_events(view: LogView, keep: np.ndarray) -> LogView:
    """The log with only the kept events; case starts and variants are derived again from
    the events that remain (a case whose first events went now starts later)."""
    kept_cases = view.cases[keep]
    events = view.events.filter(pl.Series(keep))
    if events.is_empty():
        return LogView(events, view.cases_table.clear())
    starts = np.ones(len(kept_cases), dtype=np.bool_)
    starts[1:] = kept_cases[1:] != kept_cases[:-1]
    codes = events[ACTIVITY].to_physical().to_numpy()
    n_symbols = len(events.schema[ACTIVITY].categories)  # type: ignore[attr-defined]
    variants = case_variants(codes, starts, n_symbols)
    cases = pl.DataFrame(
        {CASE: view.case_ids.gather(pl.Series(kept_cases[starts])), VARIANT: variants}
    )
    return LogView(events.with_columns(pl.Series(CASE_START, starts)), cases)


def _keep_cases(view: LogView, keep: np.ndarray) -> LogView:
    """The log with only the kept cases: case starts and variant numbers stay valid."""
    return LogView(
        view.events.filter(pl.Series(keep[view.cases])), view.cases_table.filter(pl.Series(keep))
    )


def apply_filter(view: LogView, f: LogFilter) -> LogView:
    """The log with what passes the filter, still canonical."""
    if f.is_empty:
        return view
    keep_cases = np.ones(view.n_cases, dtype=np.bool_)
    if (f.start or f.end) and f.time_mode != "trim":
        keep_cases &= _time_cases(view, f)
    if f.variants:
        keep_cases &= np.isin(view.case_variants, np.array(f.variants, dtype=np.uint32))
    if f.top_variants is not None:
        keep_cases &= _top_variants(view, f.top_variants)
    if f.attribute and f.attribute_mode == "case":
        with_match = np.zeros(view.n_cases, dtype=np.bool_)
        with_match[view.cases[_attribute_events(view, f)]] = True
        keep_cases &= with_match
    keep_events: np.ndarray | None = None
    if f.attribute and f.attribute_mode == "event":
        keep_events = _attribute_events(view, f)
    if (f.start or f.end) and f.time_mode == "trim":
        low, high = _micros(f.start, np.iinfo(np.int64).min), _micros(f.end, np.iinfo(np.int64).max)
        in_window = (view.stamps >= low) & (view.stamps <= high)
        keep_events = in_window if keep_events is None else keep_events & in_window
    if keep_events is None:
        return _keep_cases(view, keep_cases)
    return _keep_events(view, keep_events & keep_cases[view.cases])
