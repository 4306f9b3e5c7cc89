"""Timestamps to UTC, never shifted silently.

- Values with a UTC offset (`+02:00`, `Z`) are converted to UTC: the instant is kept.
- Values without one ("naive") are read as wall-clock time in the zone the user names (the
  `--timezone` option, UTC by default) and then converted; the import report says how many
  values were naive and which zone was applied.
- Naive values that do not exist in that zone (the hour skipped when clocks go forward) or are
  ambiguous (the hour repeated when they go back) are not guessed: they are bad rows.
- A value that is present but matches no format is a bad row; an empty value is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from produktlyft.workflows.analysis.columns import TIME_UNIT

AWARE_FORMATS = ("%Y-%m-%d %H:%M:%S%.f%#z",)
NAIVE_FORMATS = ("%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%d")
# Tried on a sample first, so a file in one format is parsed in a single pass: (format, kind)
FAST_FORMATS = (
    ("%Y-%m-%dT%H:%M:%S%.f%#z", "offset"),
    ("%Y-%m-%d %H:%M:%S%.f%#z", "offset"),
    ("%Y-%m-%dT%H:%M:%S%.fZ", "utc"),
    ("%Y-%m-%dT%H:%M:%S%.f", "naive"),
    ("%Y-%m-%d %H:%M:%S%.f", "naive"),
    ("%Y-%m-%d %H:%M", "naive"),
    ("%Y-%m-%d", "naive"),
)
SAMPLE = 2000
UTC = pl.Datetime(TIME_UNIT, "UTC")


@dataclass(frozen=True)
class TimestampReport:
    with_offset: int  # converted from their stated offset
    naive: int  # read as wall-clock time in `timezone`
    timezone: str
    unparseable: int  # present but not a timestamp, or not a valid time in `timezone`

    def describe(self) -> str:
        parts = []
        if self.with_offset:
            parts.append(
                f"{self.with_offset:,} timestamps carried a UTC offset and were converted to UTC"
            )
        if self.naive:
            parts.append(
                f"{self.naive:,} timestamps had no time zone and were read as "
                f"{self.timezone} time (option --timezone)"
            )
        return "; ".join(parts) or "no timestamps"


def _localise(naive: pl.Series, timezone: str) -> pl.Series:
    if timezone == "UTC":  # no gaps or repeats in UTC: attaching the zone is exact
        return naive.dt.cast_time_unit(TIME_UNIT).dt.replace_time_zone("UTC")
    return (
        naive.dt.cast_time_unit(TIME_UNIT)
        .dt.replace_time_zone(timezone, ambiguous="null", non_existent="null")
        .dt.convert_time_zone("UTC")
    )


def _first_matching(text: pl.Series, formats: tuple[str, ...]) -> pl.Series:
    """Parse with the first format, then retry only the values still unparsed with the next:
    a file in one format costs one pass."""
    parsed = text.str.to_datetime(formats[0], strict=False, time_unit=TIME_UNIT)
    for fmt in formats[1:]:
        unparsed = parsed.is_null() & text.is_not_null()
        if not unparsed.any():
            break
        parsed = parsed.zip_with(
            ~unparsed, text.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT)
        )
    return parsed


def _fast_format(text: pl.Series) -> tuple[str, str] | None:
    sample = text.drop_nulls().head(SAMPLE)
    for fmt, kind in FAST_FORMATS:
        if sample.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT).null_count() == 0:
            return fmt, kind
    return None


def _parse_fast(text: pl.Series, timezone: str) -> tuple[pl.Series, int, int] | None:
    """One pass with the format the sample shows; the few values it misses (if any) go
    through the general path. None when no single format fits the sample."""
    chosen = _fast_format(text)
    if chosen is None:
        return None
    fmt, kind = chosen
    parsed = text.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT)
    result = (
        parsed.dt.convert_time_zone("UTC")
        if kind == "offset"
        else (parsed.dt.replace_time_zone("UTC") if kind == "utc" else _localise(parsed, timezone))
    )
    parsed_count = int(parsed.is_not_null().sum())
    with_offset = parsed_count if kind != "naive" else 0
    missed = (result.is_null() & text.is_not_null()).arg_true()
    if len(missed) == 0 or len(missed) == len(text):
        return result, with_offset, parsed_count - with_offset
    rest, rest_offset, rest_naive = _parse_text(text.gather(missed), timezone, None)
    return (
        result.scatter(missed, rest),
        with_offset + rest_offset,
        (parsed_count - with_offset + rest_naive),
    )


def _parse_text(text: pl.Series, timezone: str, fmt: str | None) -> tuple[pl.Series, int, int]:
    text = text.str.strip_chars()
    text = text.replace("", None)
    if fmt is not None:
        parsed = text.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT)
        if isinstance(parsed.dtype, pl.Datetime) and parsed.dtype.time_zone is not None:
            return parsed.dt.convert_time_zone("UTC"), int(parsed.is_not_null().sum()), 0
        localised = _localise(parsed, timezone)
        return localised, 0, int(parsed.is_not_null().sum())
    text = text.str.replace("T", " ", literal=True, n=1).str.replace(r"Z$", "+00:00")
    aware = _first_matching(text, AWARE_FORMATS).dt.convert_time_zone("UTC")
    naive_text = text.zip_with(aware.is_null(), pl.Series([None], dtype=pl.String))
    if not naive_text.is_not_null().any():
        return aware, int(aware.is_not_null().sum()), 0
    naive = _first_matching(naive_text, NAIVE_FORMATS)
    return (
        aware.fill_null(_localise(naive, timezone)),
        int(aware.is_not_null().sum()),
        int(naive.is_not_null().sum()),
    )


def to_utc(
    values: pl.Series, *, timezone: str = "UTC", fmt: str | None = None
) -> tuple[pl.Series, pl.Series, TimestampReport]:
    """The values as UTC datetimes, a mask of values present but unusable, and a report."""
    dtype = values.dtype
    present = values.is_not_null()
    with_offset = 0
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        result = values.dt.convert_time_zone("UTC").dt.cast_time_unit(TIME_UNIT)
        with_offset = int(present.sum())
    elif isinstance(dtype, (pl.Datetime, pl.Date)):
        result = _localise(values.cast(pl.Datetime(TIME_UNIT)), timezone)
    else:
        text = values.cast(pl.String)
        present = (text.str.len_bytes() > 0).fill_null(False)  # null is missing, not bad
        fast = _parse_fast(text, timezone) if fmt is None else None
        result, with_offset, _ = fast or _parse_text(text, timezone, fmt)
    bad = present & result.is_null()
    usable = int(result.is_not_null().sum())
    report = TimestampReport(with_offset, usable - with_offset, timezone, int(bad.sum()))
    return result.rename(values.name), bad, report


def utc_expression(
    column: str,
    dtype: pl.DataType,
    sample: pl.Series,
    *,
    timezone: str = "UTC",
    fmt: str | None = None,
) -> tuple[pl.Expr, bool] | None:
    """An expression turning `column` into UTC in one pass, chosen from a sample of its values,
    and whether the values carry an offset; None when no single format fits the sample (the
    caller then parses eagerly, value by value). Values the expression misses are null and
    are retried eagerly by the caller, so the answer is the same as `to_utc`'s."""
    value = pl.col(column)
    if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
        return value.dt.convert_time_zone("UTC").dt.cast_time_unit(TIME_UNIT), True
    if isinstance(dtype, (pl.Datetime, pl.Date)):
        return _localise_expr(value.cast(pl.Datetime(TIME_UNIT)), timezone), False
    if dtype != pl.String:
        return None
    if fmt is not None:
        aware = "%z" in fmt or "%#z" in fmt or "%:z" in fmt
    else:
        chosen = _fast_format(sample)
        if chosen is None:
            return None
        fmt, kind = chosen
        aware = kind != "naive"
        if kind == "utc":
            return (
                value.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT).dt.replace_time_zone(
                    "UTC"
                )
            ), True
    parsed = value.str.to_datetime(fmt, strict=False, time_unit=TIME_UNIT)
    if aware:
        return parsed.dt.convert_time_zone("UTC"), True
    return _localise_expr(parsed, timezone), False


def _localise_expr(naive: pl.Expr, timezone: str) -> pl.Expr:
    naive = naive.dt.cast_time_unit(TIME_UNIT)
    if timezone == "UTC":
        return naive.dt.replace_time_zone("UTC")
    return naive.dt.replace_time_zone(
        timezone, ambiguous="null", non_existent="null"
    ).dt.convert_time_zone("UTC")
