"""The analyses as SQL that runs on DuckDB here and on Spark SQL on a cluster.

The queries read a plain event table, `events(case_id, activity, ts, event_order, variant,
resource, unit)` (see `sql_table`), where `event_order` is the event's position in the canonical
log and `variant` the case's variant number. Each case's events are ordered by (ts,
event_order), the same stable rule the polars engine uses, so the answers are the same (tests
check it on the real logs, field by field).

Only a few expressions differ between the dialects; they are the `DIALECTS` table. Every
query partitions by case, so a distributed engine spreads it across machines by case id; what
comes back is small (one row per activity, edge, variant, week or case). Turning those rows
into the polars engine's tables is `sql_results.py`; running them is the engines' business
(`produktlyft.workflows.engines`), since a connection or a Spark session is I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, RESOURCE, TIMESTAMP, UNIT
from produktlyft.workflows.analysis.view import LogView
from produktlyft.workflows.analysis.waiting import known


@dataclass(frozen=True)
class Dialect:
    seconds: str  # a timestamp as seconds since the epoch (with fractions)
    micros: str  # a timestamp as whole microseconds since the epoch
    median: str  # the median of a numeric expression (linear interpolation)
    p90: str  # the 90th percentile of a numeric expression (linear interpolation)
    sequence: str  # activities of a case in order, joined with a unit separator
    week: str  # the Monday 00:00 UTC starting the week of a timestamp
    quote: str  # quotes an identifier that is a reserved word


DIALECTS = {
    "duckdb": Dialect(
        seconds="epoch({x})",
        micros="epoch_us({x})",
        median="quantile_cont({x}, 0.5)",
        p90="quantile_cont({x}, 0.9)",
        sequence="string_agg(activity, chr(31) ORDER BY ts, event_order)",
        week="date_trunc('week', {x})",
        quote='"{x}"',
    ),
    "spark": Dialect(
        seconds="cast({x} as double)",
        micros="unix_micros({x})",
        median="percentile({x}, 0.5)",
        p90="percentile({x}, 0.9)",
        sequence="array_join(transform(array_sort(collect_list(struct(ts, event_order, "
        "activity))), e -> e.activity), char(31))",
        week="date_trunc('WEEK', {x})",
        quote="`{x}`",
    ),
}

# Each event beside the next event of its case. Times are whole microseconds until a
# difference is taken, so gaps keep every digit a double holds. `pass` numbers an activity's
# repeats within its case, so the edges into an activity already passed are the loops back.
EDGES = """
with passes as (
  select case_id, activity, ts, event_order, resource, unit, {micros_ts} as t,
         row_number() over (partition by case_id, activity order by ts, event_order) as pass
  from {table}
),
ordered as (
  select case_id, activity, t, resource, unit,
         lead(activity) over w as next_activity,
         lead(t) over w as next_t,
         lead(resource) over w as next_resource,
         lead(unit) over w as next_unit,
         lead(pass) over w as next_pass,
         row_number() over w as position,
         row_number() over (partition by case_id order by ts desc, event_order desc) as from_end
  from passes
  window w as (partition by case_id order by ts, event_order)
),
edges as (
  select case_id, activity as source, next_activity as target, (next_t - t) / 1e6 as gap,
         resource,
         next_resource, unit, next_unit, next_pass
  from ordered where next_activity is not null
)
"""

# count, total, mean, median and P90 of the gaps in a group, in days (the waiting tables)
WAIT_STATS = """count(*) as count, sum(gap) / {day} as total_days, avg(gap) / {day} as mean_days,
       {median_gap} / {day} as median_days, {p90_gap} / {day} as p90_days"""

HANDOFFS = (
    EDGES
    + """
select {col} as {q_from}, next_{col} as {q_to}, """
    + WAIT_STATS
    + """, count(distinct case_id) as cases
from edges where {col} is not null and next_{col} is not null and {col} <> next_{col}
group by {col}, next_{col}
order by total_days desc, {q_from}, {q_to}
"""
)

QUERIES = {
    "size": "select count(*) as events, count(distinct case_id) as cases from {table}",
    "dfg": EDGES
    + """
select source, target, count(*) as count, sum(gap) as total_seconds,
       avg(gap) as mean_seconds, {median_gap} as median_seconds, {p90_gap} as p90_seconds,
       min(gap) as min_seconds, max(gap) as max_seconds
from edges
group by source, target
order by count desc, source, target
""",
    "start_activities": EDGES
    + """
select activity, count(*) as count from ordered where position = 1
group by activity order by count desc, activity
""",
    "end_activities": EDGES
    + """
select activity, count(*) as count from ordered where from_end = 1
group by activity order by count desc, activity
""",
    "activity_counts": """
select activity, count(*) as count from {table} group by activity order by activity
""",
    "case_durations": """
select case_id, (max({micros_ts}) - min({micros_ts})) / 1e6 as duration_seconds
from {table} group by case_id order by case_id
""",
    "throughput": """
with durations as (
  select ((max({micros_ts}) - min({micros_ts})) / 1e6) / {day} as days from {table} group by case_id
)
select count(*) as cases, avg(days) as mean_days, {median_days} as median_days,
       {p90_days} as p90_days, max(days) as max_days
from durations
""",
    "variants": """
with per_case as (
  select case_id, min(variant) as variant, {sequence} as sequence,
         (max({micros_ts}) - min({micros_ts})) / 1e6 as duration
  from {table} group by case_id
)
select variant, min(sequence) as sequence, count(*) as count,
       {median_duration} as median_duration_seconds
from per_case group by variant
order by count desc, variant
""",
    "waiting": EDGES
    + """
select target as activity, """
    + WAIT_STATS
    + """
from edges group by target
order by total_days desc, activity
""",
    "unit_handoffs": HANDOFFS.replace("{col}", "unit"),
    "resource_handoffs": HANDOFFS.replace("{col}", "resource"),
    "bottlenecks": EDGES
    + """, per_edge as (
  select source, target, """
    + WAIT_STATS
    + """, count(distinct case_id) as cases
  from edges group by source, target
)
select source, target, count, total_days, mean_days, median_days, p90_days, cases,
       total_days / coalesce(nullif(sum(total_days) over (), 0), 1) as share_of_waiting
from per_edge
order by total_days desc, source, target
limit {top}
""",
    "rework": """
with repeats as (
  select case_id, activity, count(*) as times,
         ((max({micros_ts}) - min({micros_ts})) / 1e6) / {day} as added_days
  from {table} group by case_id, activity having count(*) > 1
)
select activity, count(*) as cases, sum(times - 1) as extra_executions,
       {median_added} as median_added_days, sum(added_days) as total_added_days
from repeats group by activity
order by cases desc, activity
""",
    "loops_back": EDGES
    + """
select source, target, count(*) as count, count(distinct case_id) as cases
from edges where next_pass > 1 and source <> target
group by source, target
order by cases desc, source, target
""",
    "arrivals": """
with bounds as (
  select case_id, min(ts) as first_ts, max(ts) as last_ts from {table} group by case_id
),
arrivals as (
  select {week_first} as period, count(*) as arrivals from bounds group by {week_first}
),
completions as (
  select {week_last} as period, count(*) as completions from bounds group by {week_last}
)
select {seconds_period} as period_seconds,
       coalesce(a.arrivals, 0) as arrivals, coalesce(c.completions, 0) as completions
from arrivals a full outer join completions c on a.period = c.period
order by period_seconds
""",
}

BOTTLENECKS = 10  # the steps holding the most waiting, as the polars engine lists them


def query(name: str, dialect: str = "duckdb", table: str = "events") -> str:
    """The SQL text of one analysis for one dialect."""
    d = DIALECTS[dialect]
    return QUERIES[name].format(
        table=table,
        day="86400e0",  # a double in both dialects (Spark reads 86400.0 as a decimal)
        top=BOTTLENECKS,
        micros_ts=d.micros.format(x="ts"),
        median_gap=d.median.format(x="gap"),
        p90_gap=d.p90.format(x="gap"),
        median_days=d.median.format(x="days"),
        p90_days=d.p90.format(x="days"),
        median_duration=d.median.format(x="duration"),
        median_added=d.median.format(x="added_days"),
        sequence=d.sequence,
        week_first=d.week.format(x="first_ts"),
        week_last=d.week.format(x="last_ts"),
        seconds_period=d.seconds.format(x="coalesce(a.period, c.period)"),
        q_from=d.quote.format(x="from"),
        q_to=d.quote.format(x="to"),
    )


SEPARATOR = chr(31)  # between activities in a variant string


def sql_table(view: LogView) -> pl.DataFrame:
    """The canonical log as the plain event table the queries read: one row per event with
    its case id, activity, timestamp, position (`event_order`) in canonical order, the case's
    variant number, and resource and unit as text (null where unknown, placeholders such as
    "EMPTY" included, as the polars engine reads them)."""
    case_of_event = pl.Series(view.cases)
    events = view.events
    return pl.DataFrame(
        {
            "case_id": view.case_ids.cast(pl.String).gather(case_of_event),
            "activity": events[ACTIVITY].cast(pl.String),
            "ts": events[TIMESTAMP],
            "event_order": np.arange(events.height, dtype=np.int64),
            "variant": pl.Series(view.case_variants.astype(np.int64)).gather(case_of_event),
        }
    ).with_columns(
        *[
            events.select(known(column)).to_series()
            if column in events.columns
            else pl.lit(None, dtype=pl.String).alias(column)
            for column in (RESOURCE, UNIT)
        ]
    )
