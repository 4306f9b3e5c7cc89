"""The core analyses as SQL that runs on DuckDB here and on Spark SQL on a cluster.

The queries read a plain event table, `events(case_id, activity, ts, event_order)`, where
`event_order` is the event's position in the file (DuckDB: `read_parquet(..., file_row_number
= true)`; Spark: `monotonically_increasing_id()` on a single ordered file, or a column written
by `export_for_sql`). Each case's events are ordered by (ts, event_order), the same stable rule
the polars engine uses, so the answers are the same (tests check it on the real logs).

Only a few expressions differ between the dialects; they are the `DIALECTS` table. Every
query partitions by case, so a distributed engine spreads it across machines by case id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from produktlyft.workflows.analysis.columns import ACTIVITY, TIMESTAMP
from produktlyft.workflows.analysis.view import LogView


@dataclass(frozen=True)
class Dialect:
    seconds: str  # a timestamp as seconds since the epoch (with fractions)
    median: str  # the median of a numeric expression
    sequence: str  # activities of a case in order, joined with a unit separator


DIALECTS = {
    "duckdb": Dialect(
        seconds="epoch({x})",
        median="quantile_cont({x}, 0.5)",
        sequence="string_agg(activity, chr(31) ORDER BY ts, event_order)",
    ),
    "spark": Dialect(
        seconds="cast({x} as double)",
        median="percentile({x}, 0.5)",
        sequence="array_join(transform(array_sort(collect_list(struct(ts, event_order, "
        "activity))), e -> e.activity), char(31))",
    ),
}

EDGES = """
with ordered as (
  select case_id, activity, {seconds_ts} as t,
         lead(activity) over w as next_activity,
         lead({seconds_ts}) over w as next_t,
         row_number() over w as position,
         row_number() over (partition by case_id order by ts desc, event_order desc) as from_end
  from {table}
  window w as (partition by case_id order by ts, event_order)
)
"""

QUERIES = {
    "dfg": EDGES
    + """
select activity as source, next_activity as target, count(*) as count,
       avg(next_t - t) as mean_seconds, {median_gap} as median_seconds
from ordered where next_activity is not null
group by activity, next_activity
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
    "case_durations": """
select case_id, max({seconds_ts}) - min({seconds_ts}) as duration_seconds
from {table} group by case_id order by case_id
""",
    "variants": """
with sequences as (select case_id, {sequence} as variant from {table} group by case_id)
select variant, count(*) as count from sequences group by variant
order by count desc, variant
""",
}


def query(name: str, dialect: str = "duckdb", table: str = "events") -> str:
    """The SQL text of one analysis for one dialect."""
    d = DIALECTS[dialect]
    return QUERIES[name].format(
        table=table,
        seconds_ts=d.seconds.format(x="ts"),
        median_gap=d.median.format(x="next_t - t"),
        sequence=d.sequence,
    )


SEPARATOR = chr(31)  # between activities in a variant string


def sql_table(view: LogView) -> pl.DataFrame:
    """The canonical log as the plain event table the queries read: one row per event with
    its case id, activity, timestamp and position (`event_order`) in canonical order."""
    return pl.DataFrame(
        {
            "case_id": view.case_ids.gather(pl.Series(view.cases)),
            "activity": view.events[ACTIVITY].cast(pl.String),
            "ts": view.events[TIMESTAMP],
            "event_order": np.arange(view.events.height, dtype=np.int64),
        }
    )


def run_duckdb(name: str, parquet: Path) -> list[tuple[Any, ...]]:
    """Run one analysis with DuckDB over a Parquet event table (see `sql_table`)."""
    import duckdb

    with duckdb.connect() as connection:
        connection.execute("SET TimeZone = 'UTC'")
        literal = str(parquet).replace("'", "''")
        connection.execute(f"create view events as select * from read_parquet('{literal}')")
        return connection.execute(query(name, "duckdb")).fetchall()
