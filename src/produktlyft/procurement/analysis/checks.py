"""Rules 1 and 2 (duration; value against the thresholds, with splitting), and what the other
rules share.

Each rule returns `Check`s: a result (pass, warn, fail), a reason code with its values (the
presenter words them) and the source of the parameters it used. The rules read every number
from the rule pack, so a buyer's own pack changes them without touching code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from produktlyft.procurement.model import (
    Check,
    Result,
    Route,
    RulePack,
    Slice,
)

DAYS_PER_MONTH = 365.25 / 12


def months(slice_: Slice) -> float:
    """The slice's length in calendar months, its last day included (1 January to 30 June is
    6 months), days beyond whole months as a fraction of an average month."""
    after = slice_.end + timedelta(days=1)
    whole = (after.year - slice_.start.year) * 12 + after.month - slice_.start.month
    return whole + (after.day - slice_.start.day) / DAYS_PER_MONTH


def figure(value: float) -> str:
    """A number as a reason parameter: whole when whole, else one decimal."""
    return str(round(value)) if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def share_text(value: float) -> str:
    return f"{value:.2f}"


def check_duration(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 1: a call-off ≤ 24 months, extensions ≤ 25 %, a framework ≤ 4 years."""
    limit = pack.number("call_off_max_months")
    length = months(s)
    source = pack.source("call_off_max_months")
    params = {"months": figure(length), "limit": figure(limit)}
    checks = [
        Check(
            rule="duration",
            result=Result.PASS,
            reason="duration_within",
            params=params,
            source=source,
        )
        if length <= limit
        else Check(
            rule="duration",
            result=Result.FAIL,
            reason="duration_too_long",
            params=params,
            source=source,
        )
    ]
    share_limit = pack.number("extension_max_share")
    share = s.options_value_sek / s.value_sek if s.value_sek else 0.0
    ext = {"share": share_text(share), "limit": share_text(share_limit)}
    checks.append(
        Check(
            rule="extensions",
            result=Result.PASS if share <= share_limit else Result.FAIL,
            reason="extensions_within" if share <= share_limit else "extensions_too_large",
            params=ext,
            source=pack.source("extension_max_share"),
        )
    )
    if s.framework_months is not None:
        fw_limit = pack.number("framework_max_months")
        ok = s.framework_months <= fw_limit
        checks.append(
            Check(
                rule="framework_length",
                result=Result.PASS if ok else Result.FAIL,
                reason="framework_within" if ok else "framework_too_long",
                params={"months": figure(s.framework_months), "limit": figure(fw_limit)},
                source=pack.source("framework_max_months"),
            )
        )
    return checks


def need_totals(slices: Sequence[Slice]) -> dict[str, float]:
    """The estimated value (options and extensions included) of each need, all slices summed."""
    totals: dict[str, float] = {}
    for s in slices:
        key = s.need.casefold().strip()
        totals[key] = totals.get(key, 0.0) + s.total_value_sek
    return totals


def check_value(s: Slice, slices: Sequence[Slice], pack: RulePack) -> list[Check]:
    """Rule 2: the value incl. options against the EU threshold for the buyer type; slices of
    the same need summed, and splitting flagged when the sum crosses what no part does."""
    threshold = pack.threshold_sek(s.buyer_type)
    key = (
        "threshold_central_eur" if s.buyer_type.value == "central" else "threshold_sub_central_eur"
    )
    source = pack.source(key, "sek_per_eur")
    same_need = [x for x in slices if x.need.casefold().strip() == s.need.casefold().strip()]
    need_total = sum(x.total_value_sek for x in same_need)
    params = {
        "value": figure(s.total_value_sek),
        "need": s.need,
        "need_total": figure(need_total),
        "threshold": figure(threshold),
        "buyer": s.buyer_type.value,
        "slices": str(len(same_need)),
    }
    if s.total_value_sek >= threshold:
        if s.route is Route.DIRECT:
            return [
                Check(
                    rule="value",
                    result=Result.FAIL,
                    reason="value_above_direct",
                    params=params,
                    source=source,
                )
            ]
        return [
            Check(
                rule="value",
                result=Result.PASS,
                reason="value_above_advertised",
                params=params,
                source=source,
            )
        ]
    if need_total >= threshold and not any(x.total_value_sek >= threshold for x in same_need):
        # each part is under the threshold, the need is not: a classic artificial split
        result = Result.FAIL if s.route is Route.DIRECT else Result.WARN
        return [
            Check(rule="value", result=result, reason="value_split", params=params, source=source)
        ]
    if need_total >= threshold:
        return [
            Check(
                rule="value",
                result=Result.PASS,
                reason="value_need_above",
                params=params,
                source=source,
            )
        ]
    return [
        Check(rule="value", result=Result.PASS, reason="value_below", params=params, source=source)
    ]
