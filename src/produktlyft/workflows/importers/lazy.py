"""Reading CSV and Parquet event logs as one streaming query.

The scan, the categorical text columns, the timestamp conversion and the bad-row flags run in
one polars streaming query, so the raw text columns are never held whole in memory (for 10M
events this halves the peak). Values the one-pass timestamp format misses are retried with the
general parser afterwards, so the result is the same as the eager path's (`finish`).
"""

from __future__ import annotations

import polars as pl

from produktlyft.workflows.analysis import columns as C
from produktlyft.workflows.analysis.timestamps import TimestampReport, to_utc, utc_expression
from produktlyft.workflows.importers.common import (
    CATEGORICAL,
    NOT_A_NUMBER,
    CutShort,
    ParsedEventLog,
    finish,
    not_a_timestamp,
    resolve_mapping,
    settle_bad_rows,
)
from produktlyft.workflows.model import ColumnMapping

SAMPLE = 2000
RAW_TIME = "__timestamp_text"  # the text of timestamps the one-pass format missed
RAW_COST = "__cost_text"


def read_lazy(
    scan: pl.LazyFrame,
    mapping: ColumnMapping,
    *,
    file: str,
    fmt: str,
    skip_bad_rows: bool,
    first_row: int = 1,
    row_unit: str = "row",
    cut_short: CutShort | None = None,
) -> ParsedEventLog:
    schema = scan.collect_schema()
    resolved = resolve_mapping(list(schema), mapping, file)
    time_source = resolved[C.TIMESTAMP]
    sample = scan.select(pl.col(time_source)).head(SAMPLE).collect().to_series()
    plan = utc_expression(
        time_source,
        schema[time_source],
        sample.drop_nulls(),
        timezone=mapping.timezone,
        fmt=mapping.timestamp_format,
    )
    if plan is None:  # no single format: parse value by value
        return finish(
            scan.collect(engine="streaming"),
            mapping,
            file=file,
            fmt=fmt,
            skip_bad_rows=skip_bad_rows,
            first_row=first_row,
            row_unit=row_unit,
            cut_short=cut_short,
        )
    stamp, with_offset = plan
    text = pl.col(time_source)
    is_text = schema[time_source] == pl.String
    present = (text.is_not_null() & (text.str.len_bytes() > 0)) if is_text else text.is_not_null()
    selected: list[pl.Expr] = [
        stamp.alias(C.TIMESTAMP),
        pl.when(present & stamp.is_null()).then(text.cast(pl.String)).alias(RAW_TIME),
    ]
    for name, source in resolved.items():
        value = pl.col(source)
        if name == C.COST:
            number = value.cast(pl.Float64, strict=False)
            selected += [
                number.alias(name),
                pl.when(value.is_not_null() & number.is_null())
                .then(value.cast(pl.String))
                .alias(RAW_COST),
            ]
        elif name in CATEGORICAL and schema[source] == pl.String:
            selected.append(value.cast(pl.Categorical).alias(name))
        elif name != C.TIMESTAMP:
            selected.append(
                value.cast(pl.String).alias(name) if name == C.CASE else value.alias(name)
            )
    taken = set(resolved.values()) | set(resolved)
    selected += [pl.col(c) for c in schema if c not in taken]
    frame = scan.select(selected).collect(engine="streaming")
    frame, report = _retry_missed_times(frame, mapping, with_offset)
    problems = [
        (
            frame[RAW_TIME].is_not_null() & frame[C.TIMESTAMP].is_null(),
            frame[RAW_TIME],
            time_source,
            not_a_timestamp(mapping.timezone),
        )
    ]
    if RAW_COST in frame.columns:
        problems.append(
            (frame[RAW_COST].is_not_null(), frame[RAW_COST], resolved[C.COST], NOT_A_NUMBER)
        )
    if cut_short is not None and frame.height:
        problems.insert(0, cut_short.problem(frame.height))
    frame = frame.drop(RAW_TIME, RAW_COST, strict=False)
    kept, bad_count, examples = settle_bad_rows(
        frame,
        problems,
        file=file,
        skip_bad_rows=skip_bad_rows,
        first_row=first_row,
        row_unit=row_unit,
    )
    return ParsedEventLog(file, fmt, kept, resolved, report, bad_count, examples)


def _retry_missed_times(
    frame: pl.DataFrame, mapping: ColumnMapping, with_offset: bool
) -> tuple[pl.DataFrame, TimestampReport]:
    missed = frame[RAW_TIME].is_not_null().arg_true()
    parsed = frame[C.TIMESTAMP].null_count()
    usable = frame.height - parsed
    offset_count, naive_count = (usable, 0) if with_offset else (0, usable)
    if len(missed):
        retried, _, extra = to_utc(
            frame[RAW_TIME].gather(missed), timezone=mapping.timezone, fmt=mapping.timestamp_format
        )
        frame = frame.with_columns(frame[C.TIMESTAMP].scatter(missed, retried))
        offset_count += extra.with_offset
        naive_count += extra.naive
    unparseable = int((frame[RAW_TIME].is_not_null() & frame[C.TIMESTAMP].is_null()).sum())
    return frame, TimestampReport(offset_count, naive_count, mapping.timezone, unparseable)
