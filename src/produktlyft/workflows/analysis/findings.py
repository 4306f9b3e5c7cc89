"""Findings: "outdated workflow" patterns, ranked by the citizen days a fix would save a year.

Each finding is a code with its parameters (the activities, units, shares and days behind it),
worded in the reader's language only when shown (workflows.presenter), so a finding reads in
English and Swedish alike; it names the activities involved (so it can be linked to the systems
supporting them) and carries example cases with their timelines. Example
cases are the ones closest to the finding's median, so they show the typical case.

Savings are estimates under stated assumptions (see `Assumptions`):
- a loop fixed removes the time from the first to the last pass of the repeated activity;
- a wait or a hand-off fixed cuts its waiting time by `wait_reduction` (half, by default);
- a year of cases is the log's cases scaled by 365.25 days over the log's time span.
Findings can overlap (a hand-off is also a wait), so their savings are not to be added up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, CASE, RESOURCE, TIMESTAMP, UNIT
from produktlyft.workflows.analysis.rework import repeats_per_case
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.analysis.waiting import DAY, edge_frame, known

EXAMPLES = 3

# what a finding's parameters hold: activity and unit names (None: a unit the log does not
# record), shares (0..1) and days
FindingParam = str | float | None


class Code:
    """How a finding is worded (workflows.presenter has a sentence for each)."""

    LOOP_MEDIAN = "loop_median"  # activity, share, days: a typical repeat adds `days`
    LOOP_MEAN = "loop_mean"  # activity, share, days: repeats add `days` on average
    WAIT = "wait"  # source, target, share, days
    UNIT_HANDOFF = "unit_handoff"  # origin, destination (None: unknown unit), share, days
    PERSON_HANDOFF = "person_handoff"  # share (of steps), days (handed on), other_days (kept)


@dataclass(frozen=True)
class Assumptions:
    wait_reduction: float = 0.5  # share of a wait that fixing its cause removes
    min_share: float = 0.02  # patterns in fewer cases than this are not findings
    delay_days: float = 1.0  # a step taking longer than this holds the citizen up
    max_findings: int = 10


@dataclass(frozen=True)
class TimelineEvent:
    activity: str
    at: datetime
    resource: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Finding:
    kind: str  # loop | wait | unit_handoff | person_handoff
    code: str | None  # a `Code`; None for a finding stored before findings had codes
    params: Mapping[str, FindingParam]
    activities: tuple[str, ...]  # the activities involved, for linking to systems
    cases: int  # cases showing the pattern
    share_of_cases: float
    median_days: float  # median time the pattern costs an affected case
    citizen_days_per_year: float  # estimated days citizens would wait less per year if fixed
    example_cases: tuple[str, ...]
    timelines: dict[str, list[TimelineEvent]] = field(default_factory=dict)
    stored_title: str = ""  # the words of a finding stored before codes, shown as they were


def _years(view: LogView) -> float:
    if view.n_cases == 0:
        return 1.0
    span_days = (int(view.stamps.max()) - int(view.stamps.min())) / 1e6 / DAY
    return max(span_days, 1.0) / 365.25


def _closest_to_median(frame: pl.DataFrame, value: str, count: int = EXAMPLES) -> list[int]:
    """Case numbers of the rows closest to the median of `value` (the typical cases)."""
    median = frame[value].median()
    ranked = frame.with_columns(distance=(pl.col(value) - median).abs()).sort("distance", "case")
    return ranked["case"].unique(maintain_order=True).head(count).to_list()


def _loop_findings(view: LogView, years: float, a: Assumptions) -> list[Finding]:
    per_case = repeats_per_case(view)
    found = []
    for activity, group in per_case.group_by("activity"):
        share = group.height / view.n_cases
        median = float(group["added_days"].median() or 0.0)  # type: ignore[arg-type]
        mean = float(group["added_days"].mean() or 0.0)  # type: ignore[arg-type]
        if share < a.min_share or mean < a.delay_days:
            continue
        name = str(activity[0])
        # a typical repeat is said by its median; when most repeats are quick, by the mean
        typical = median >= a.delay_days
        found.append(
            Finding(
                kind="loop",
                code=Code.LOOP_MEDIAN if typical else Code.LOOP_MEAN,
                params={"activity": name, "share": share, "days": median if typical else mean},
                activities=(name,),
                cases=group.height,
                share_of_cases=share,
                median_days=median,
                citizen_days_per_year=float(group["added_days"].sum()) / years,
                example_cases=tuple(
                    _case_ids(
                        view,
                        _closest_to_median(
                            group.filter(pl.col("added_days") >= median), "added_days"
                        ),
                    )
                ),
            )
        )
    return found


def _delayed(edges: pl.DataFrame, a: Assumptions, keys: list[str]) -> pl.DataFrame:
    """Per step (or hand-off): the cases held up longer than `delay_days` there, the median
    and total days they wait; steps that are usually quick but sometimes stall show up too."""
    late = edges.filter(pl.col("seconds") >= a.delay_days * DAY)
    return (
        late.group_by(keys)
        .agg(
            cases=pl.col("case").n_unique(),
            median_days=(pl.col("seconds") / DAY).median(),
            total_days=(pl.col("seconds") / DAY).sum(),
            activities=pl.col("target").value_counts(sort=True).struct.field("target").head(3),
        )
        .sort("total_days", descending=True)
        .head(a.max_findings)
    )


def _examples(view: LogView, late: pl.DataFrame) -> tuple[str, ...]:
    return tuple(_case_ids(view, _closest_to_median(late, "seconds")))


def _wait_findings(
    view: LogView, edges: pl.DataFrame, years: float, a: Assumptions
) -> list[Finding]:
    found = []
    for row in _delayed(edges, a, ["source", "target"]).to_dicts():
        share = row["cases"] / view.n_cases
        if share < a.min_share:
            continue
        source, target, median = row["source"], row["target"], row["median_days"]
        late = edges.filter(
            (pl.col("source") == source)
            & (pl.col("target") == target)
            & (pl.col("seconds") >= a.delay_days * DAY)
        )
        found.append(
            Finding(
                kind="wait",
                code=Code.WAIT,
                params={"source": source, "target": target, "share": share, "days": median},
                activities=(source, target),
                cases=row["cases"],
                share_of_cases=share,
                median_days=median,
                citizen_days_per_year=row["total_days"] * a.wait_reduction / years,
                example_cases=_examples(view, late),
            )
        )
    return found


def _unit_findings(view: LogView, years: float, a: Assumptions) -> list[Finding]:
    if UNIT not in view.events.columns:
        return []
    origin_col, destination_col = f"source_{UNIT}", f"target_{UNIT}"
    # A hand-off to or from a unit the log does not record is kept: the wait is real.
    moved = edge_frame(view, (UNIT,)).filter(
        (pl.col(origin_col).is_not_null() | pl.col(destination_col).is_not_null())
        & pl.col(origin_col).ne_missing(pl.col(destination_col))
    )
    found = []
    for row in _delayed(moved, a, [origin_col, destination_col]).to_dicts():
        share = row["cases"] / view.n_cases
        if share < a.min_share:
            continue
        origin, destination, median = row[origin_col], row[destination_col], row["median_days"]
        late = moved.filter(
            pl.col(origin_col).eq_missing(origin)
            & pl.col(destination_col).eq_missing(destination)
            & (pl.col("seconds") >= a.delay_days * DAY)
        )
        found.append(
            Finding(
                kind="unit_handoff",
                code=Code.UNIT_HANDOFF,
                params={
                    "origin": origin,
                    "destination": destination,
                    "share": share,
                    "days": median,
                },
                activities=tuple(row["activities"]),
                cases=row["cases"],
                share_of_cases=share,
                median_days=median,
                citizen_days_per_year=row["total_days"] * a.wait_reduction / years,
                example_cases=_examples(view, late),
            )
        )
    return found


def _person_finding(view: LogView, years: float, a: Assumptions) -> list[Finding]:
    """Hand-offs between people: do steps that change hands wait longer than steps that stay?"""
    if RESOURCE not in view.events.columns:
        return []
    edges = edge_frame(view, (RESOURCE,)).filter(
        pl.col(f"source_{RESOURCE}").is_not_null() & pl.col(f"target_{RESOURCE}").is_not_null()
    )
    moved = pl.col(f"source_{RESOURCE}") != pl.col(f"target_{RESOURCE}")
    handed, kept = edges.filter(moved), edges.filter(~moved)
    if handed.is_empty() or kept.is_empty():
        return []
    handed_median = float(handed["seconds"].median() or 0.0) / DAY  # type: ignore[arg-type]
    kept_median = float(kept["seconds"].median() or 0.0) / DAY  # type: ignore[arg-type]
    extra = handed_median - kept_median
    share = handed["case"].n_unique() / view.n_cases
    if extra < a.delay_days or share < a.min_share:
        return []
    step_share = handed.height / edges.height
    top = handed["target"].value_counts(sort=True)["target"].head(3).to_list()
    return [
        Finding(
            kind="person_handoff",
            code=Code.PERSON_HANDOFF,
            params={"share": step_share, "days": handed_median, "other_days": kept_median},
            activities=tuple(top),
            cases=handed["case"].n_unique(),
            share_of_cases=share,
            median_days=extra,
            citizen_days_per_year=extra * handed.height / years,
            example_cases=tuple(_case_ids(view, _closest_to_median(handed, "seconds"))),
        )
    ]


def _case_ids(view: LogView, case_numbers: list[int]) -> list[str]:
    return [str(case) for case in view.case_ids.gather(case_numbers).to_list()]


def timelines(view: LogView, case_ids: list[str]) -> dict[str, list[TimelineEvent]]:
    """The events of a few cases, in order: activity, time, and resource and unit if known."""
    numbers = view.case_numbers(case_ids)
    chosen = np.isin(view.cases, numbers)
    extra = [c for c in (RESOURCE, UNIT) if c in view.events.columns]
    wanted = view.events.filter(pl.Series(chosen)).select(
        pl.Series(CASE, view.case_ids.gather(pl.Series(view.cases[chosen]))),
        pl.col(ACTIVITY).cast(pl.String),
        TIMESTAMP,
        *[known(c) for c in extra],
    )
    result: dict[str, list[TimelineEvent]] = {case: [] for case in case_ids}
    for row in wanted.iter_rows(named=True):
        result[row[CASE]].append(
            TimelineEvent(row[ACTIVITY], row[TIMESTAMP], row.get(RESOURCE), row.get(UNIT))
        )
    return result


def find(view: LogView, assumptions: Assumptions | None = None) -> list[Finding]:
    """The findings of one (filtered) log, most citizen days saved first."""
    a = assumptions or Assumptions()
    if view.n_cases == 0:
        return []
    years = _years(view)
    edges = edge_frame(view)
    found = (
        _loop_findings(view, years, a)
        + _wait_findings(view, edges, years, a)
        + _unit_findings(view, years, a)
        + _person_finding(view, years, a)
    )
    found.sort(key=lambda f: (-f.citizen_days_per_year, f.kind, f.activities))
    found = found[: a.max_findings]
    examples = sorted({case for f in found for case in f.example_cases})
    lines = timelines(view, examples)
    return [
        Finding(**{**f.__dict__, "timelines": {c: lines[c] for c in f.example_cases}})
        for f in found
    ]


def pain_by_activity(found: list[Finding]) -> dict[str, float]:
    """Citizen days per year attributed to each activity: a finding's days are split evenly
    over the activities it names."""
    pain: dict[str, float] = {}
    for f in found:
        for activity in f.activities:
            pain[activity] = pain.get(activity, 0.0) + f.citizen_days_per_year / len(f.activities)
    return pain


def finding_from_json(data: Mapping[str, Any]) -> Finding:
    """A finding read back from an `analyse --json` file. A file written before findings had
    codes holds only words: the finding keeps them (`title`, else the English) to show as they
    were, in the language they were written in."""
    code = data.get("code")
    return Finding(
        kind=str(data.get("kind", "")),
        code=str(code) if code else None,
        params=dict(data.get("params") or {}) if code else {},
        activities=tuple(data.get("activities", ())),
        cases=int(data.get("cases", 0)),
        share_of_cases=float(data.get("share_of_cases", 0.0)),
        median_days=float(data.get("median_days", 0.0)),
        citizen_days_per_year=float(data.get("citizen_days_per_year", 0.0)),
        example_cases=tuple(data.get("example_cases", ())),
        timelines={
            case: [
                TimelineEvent(
                    e["activity"], datetime.fromisoformat(e["at"]), e.get("resource"), e.get("unit")
                )
                for e in events
            ]
            for case, events in (data.get("timelines") or {}).items()
        },
        stored_title="" if code else str(data.get("title") or data.get("title_en") or ""),
    )
