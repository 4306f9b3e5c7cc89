"""Evidence lists: every fact a result rests on, with its source, date and value.

Built column by column (one pass per fact over all systems, sources and dates formatted with
polars) rather than row by row: 10,000 systems × 15 facts is 150,000 items.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from produktlyft.review.analysis.facts import FACTS, FactBase

# Columns the reason sentences read, besides the facts themselves.
REASON_COLUMNS = ("detail_eol", "eol_date", "detail_lock_in", "lock_reasons")


def _iso(frame: pl.DataFrame, column: str) -> pl.Series:
    return frame[column].cast(pl.Date).dt.to_string("%Y-%m-%d")


def _source_and_date(
    source: str, frame: pl.DataFrame, snapshot: date
) -> tuple[list[str | None], list[str | None]]:
    n = frame.height
    if source == "endoflife":
        return [f"endoflife.date snapshot {snapshot.isoformat()}"] * n, [snapshot.isoformat()] * n
    if source in ("sbom", "repo"):
        prefix = "SBOM" if source == "sbom" else "git"
        column = f"date_{source}"
        labels = frame.select(
            (pl.lit(prefix + " ") + pl.col(f"detail_{column}").fill_null("")).str.strip_chars()
        ).to_series()
        return labels.to_list(), _iso(frame, column).to_list()
    dates = _iso(frame, "date_inventory").to_list()
    if source == "contracts":
        labels = frame.select(
            pl.when(pl.col("detail_lock_in").is_not_null())
            .then(pl.lit("inventory: contract ") + pl.col("detail_lock_in"))
            .otherwise(pl.lit("inventory: contracts"))
        ).to_series()
        return labels.to_list(), dates
    if source == "integrations":
        return ["inventory: integrations"] * n, dates
    return ["inventory"] * n, dates


def _values(frame: pl.DataFrame, key: str) -> list[Any]:
    column = frame[key]
    if column.dtype.is_float():
        column = column.fill_nan(None)
    return column.to_list()


def evidence_lists(facts: FactBase, keys: Sequence[str]) -> list[list[dict[str, Any]]]:
    """Per system (fact-base order), one item per key: fact, source, date, value, missing, and
    the component or contract named where there is one."""
    frame = facts.frame
    per_key: list[list[dict[str, Any]]] = []
    for key in keys:
        sources, dates = _source_and_date(FACTS[key].source, frame, facts.eol_snapshot)
        items = [
            {
                "fact": key,
                "source": source,
                "date": None if value is None else when,
                "value": value,
                "missing": value is None,
            }
            for value, source, when in zip(_values(frame, key), sources, dates, strict=True)
        ]
        detail = {"eol_months": "detail_eol", "lock_in": "detail_lock_in"}.get(key)
        if detail:
            for item, text in zip(items, frame[detail].to_list(), strict=True):
                if text:
                    item["detail"] = text
        if key == "eol_months":
            for item, when in zip(items, frame["eol_date"].to_list(), strict=True):
                if when:
                    item["detail_date"] = when  # the component's end-of-life date
        per_key.append(items)
    return (
        [list(row) for row in zip(*per_key, strict=True)]
        if per_key
        else [[] for _ in range(frame.height)]
    )


def reason_rows(facts: FactBase, keys: Sequence[str]) -> list[dict[str, Any]]:
    """The few columns the reason sentences need, as one dict per system."""
    wanted = [
        c
        for c in dict.fromkeys(
            (
                *keys,
                *REASON_COLUMNS,
                "functional_fit",
                "technical_fit",
                "criticality",
                "annual_cost",
                "users",
                "eol_months",
            )
        )
        if c in facts.frame.columns
    ]
    frame = facts.frame.select(wanted).with_columns(
        [pl.col(c).fill_nan(None) for c in wanted if facts.frame[c].dtype.is_float()]
    )
    return frame.to_dicts()
