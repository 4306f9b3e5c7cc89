"""Each system as every profile sees it, with all its facts: the per-system evidence page.

A review scores one profile, but the evidence page shows a system under all four (the TIME
quadrant, the MoJ red/amber/green measures, the Danish six dimensions, the custom health) and
every fact known about it, not only those the chosen profile read. Scoring all profiles costs
milliseconds over the fact base the review has built anyway, so the review stores this compact
sheet per system; `fact_items` expands one sheet into evidence items (fact, source, date,
value, missing) in the same form as the review's own evidence lists.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import polars as pl

from produktlyft.review.analysis.facts import FACTS, FactBase
from produktlyft.review.analysis.scoring import (
    DANISH_DIMENSIONS,
    ProfileResult,
    band,
    score_profile,
)

MOJ_MEASURES = ("people", "technology", "atrophy")
# Columns of the fact base that name where a value came from.
_DETAILS = {
    "eol": "detail_eol",
    "eol_date": "eol_date",
    "lock_in": "detail_lock_in",
    "lock_reasons": "lock_reasons",
    "sbom": "detail_date_sbom",
    "repo": "detail_date_repo",
    "unmatched": "unmatched_labels",
}
_DATES = {"inventory": "date_inventory", "sbom": "date_sbom", "repo": "date_repo"}


def _profiles(
    facts: FactBase, chosen: ProfileResult, custom_weights: Mapping[str, float] | None
) -> dict[str, ProfileResult]:
    scored = {chosen.profile: chosen}
    for name in ("custom", "time", "moj", "danish"):
        if name not in scored:
            scored[name] = score_profile(facts, name, custom_weights)
    return scored


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _fact_rows(facts: FactBase) -> list[dict[str, Any]]:
    frame = facts.frame
    keys = [k for k in FACTS if k in frame.columns]
    values = frame.select(
        [pl.col(k).fill_nan(None) if frame[k].dtype.is_float() else pl.col(k) for k in keys]
    ).rows()
    date_names = [name for name, c in _DATES.items() if c in frame.columns]
    dates = frame.select(
        [pl.col(_DATES[name]).cast(pl.Date).dt.to_string("%Y-%m-%d") for name in date_names]
    ).rows()
    detail_names = [name for name, c in _DETAILS.items() if c in frame.columns]
    details = frame.select([pl.col(_DETAILS[name]) for name in detail_names]).rows()
    # missing facts are left out (a fact not in the sheet is missing), which halves the size
    return [
        {
            "facts": {k: x for k, x in zip(keys, v, strict=True) if x is not None},
            "dates": {k: x for k, x in zip(date_names, d, strict=True) if x is not None},
            "details": {
                k: x for k, x in zip(detail_names, w, strict=True) if x not in (None, "", [])
            },
        }
        for v, d, w in zip(values, dates, details, strict=True)
    ]


def _column(values: np.ndarray, digits: int) -> list[float | None]:
    """An array as plain floats, rounded, with None for NaN (converted in one go: indexing
    NumPy arrays element by element is what made this slow)."""
    rounded = np.round(values.astype(float), digits)
    return [None if math.isnan(v) else v for v in rounded.tolist()]


def assessments(
    facts: FactBase, chosen: ProfileResult, custom_weights: Mapping[str, float] | None = None
) -> list[dict[str, Any]]:
    """Per system (fact-base order): every profile's view and every fact, as plain data."""
    scored = _profiles(facts, chosen, custom_weights)
    custom, time, moj, danish = (scored[n] for n in ("custom", "time", "moj", "danish"))
    health, bands = _column(custom.health, 2), band(custom.health)
    confidence = {name: _column(p.confidence, 3) for name, p in scored.items()}
    overall = _column(danish.health, 2)
    dimensions = {name: _column(danish.dimensions[name], 2) for name in DANISH_DIMENSIONS}
    sheets = _fact_rows(facts)
    for n, sheet in enumerate(sheets):
        measures = str(moj.condition[n] or "").split("/")
        sheet["profiles"] = {
            "custom": {
                "health": health[n],
                "band": bands[n],
                "confidence": confidence["custom"][n],
            },
            "time": {"quadrant": time.condition[n], "confidence": confidence["time"][n]},
            "moj": {
                **dict(zip(MOJ_MEASURES, measures, strict=False)),
                "confidence": confidence["moj"][n],
            },
            "danish": {
                "condition": danish.condition[n],
                "overall": overall[n],
                "dimensions": {name: values[n] for name, values in dimensions.items()},
                "confidence": confidence["danish"][n],
            },
        }
    return sheets


def _source(kind: str, sheet: Mapping[str, Any], snapshot: str | None) -> tuple[str, Any]:
    """The source label and date of a fact, as the review's evidence lists write them."""
    dates, details = sheet.get("dates", {}), sheet.get("details", {})
    if kind == "endoflife":
        return f"endoflife.date snapshot {snapshot}", snapshot
    if kind in ("sbom", "repo"):
        prefix = "SBOM" if kind == "sbom" else "git"
        return f"{prefix} {details.get(kind) or ''}".strip(), dates.get(kind)
    when = dates.get("inventory")
    if kind == "contracts":
        contract = details.get("lock_in")
        return (f"inventory: contract {contract}" if contract else "inventory: contracts"), when
    if kind == "integrations":
        return "inventory: integrations", when
    return "inventory", when


def fact_items(
    sheet: Mapping[str, Any], eol_snapshot: date | str | None, keys: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """One evidence item per fact (all facts unless `keys`): fact, source, date, value,
    missing, and the component or contract named where there is one."""
    snapshot = _iso(eol_snapshot)
    values, details = sheet.get("facts", {}), sheet.get("details", {})
    items = []
    for key in keys or list(FACTS):
        value = values.get(key)
        source, when = _source(FACTS[key].source, sheet, snapshot)
        item: dict[str, Any] = {
            "fact": key,
            "source": source,
            "date": None if value is None else when,
            "value": value,
            "missing": value is None,
        }
        if key == "eol_months" and details.get("eol"):
            item["detail"] = details["eol"]
            if details.get("eol_date"):
                item["detail_date"] = details["eol_date"]
        if key == "lock_in" and details.get("lock_in"):
            item["detail"] = details["lock_in"]
        if key == "eol_unmatched" and details.get("unmatched"):
            item["detail"] = ", ".join(details["unmatched"])
        items.append(item)
    return items
