"""The rules a contract slice is checked against, one function per rule.

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


def _n(value: float) -> str:
    """A number as a reason parameter: whole when whole, else one decimal."""
    return str(round(value)) if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def _share(value: float) -> str:
    return f"{value:.2f}"


def check_duration(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 1: a call-off ≤ 24 months, extensions ≤ 25 %, a framework ≤ 4 years."""
    limit = pack.number("call_off_max_months")
    length = months(s)
    source = pack.source("call_off_max_months")
    params = {"months": _n(length), "limit": _n(limit)}
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
    ext = {"share": _share(share), "limit": _share(share_limit)}
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
                params={"months": _n(s.framework_months), "limit": _n(fw_limit)},
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
        "value": _n(s.total_value_sek),
        "need": s.need,
        "need_total": _n(need_total),
        "threshold": _n(threshold),
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


def _teams(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _measurable(criterion: str) -> bool:
    """A criterion is measurable when it names a figure (a number, a share, a date)."""
    return any(ch.isdigit() for ch in criterion)


def check_shape(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 3: one team, at most 3–6 months, an outcome with a measurable success criterion,
    a go/no-go point."""
    source = pack.source("slice_preferred_months", "slice_max_months")
    checks: list[Check] = []
    teams = _teams(s.team)
    if len(teams) > 1:
        checks.append(
            Check(
                rule="shape.team",
                result=Result.WARN,
                reason="shape_many_teams",
                params={"teams": str(len(teams))},
                source=source,
            )
        )
    else:
        checks.append(
            Check(rule="shape.team", result=Result.PASS, reason="shape_one_team", source=source)
        )
    length = months(s)
    preferred, longest = pack.number("slice_preferred_months"), pack.number("slice_max_months")
    params = {"months": _n(length), "preferred": _n(preferred), "limit": _n(longest)}
    if length > longest:
        checks.append(
            Check(
                rule="shape.length",
                result=Result.FAIL,
                reason="shape_too_long",
                params=params,
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="shape.length",
                result=Result.PASS,
                reason="shape_length_ok",
                params=params,
                source=source,
            )
        )
    if not s.outcome:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.FAIL, reason="shape_no_outcome", source=source
            )
        )
    elif not s.success_criterion:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.FAIL, reason="shape_no_criterion", source=source
            )
        )
    elif not _measurable(s.success_criterion):
        checks.append(
            Check(
                rule="shape.outcome",
                result=Result.WARN,
                reason="shape_criterion_not_measurable",
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.PASS, reason="shape_outcome_ok", source=source
            )
        )
    checks.append(
        Check(
            rule="shape.go_no_go",
            result=Result.PASS,
            reason="shape_go_no_go",
            params={"point": s.go_no_go},
            source=source,
        )
        if s.go_no_go
        else Check(
            rule="shape.go_no_go", result=Result.WARN, reason="shape_no_go_no_go", source=source
        )
    )
    return checks


def is_open_format(text: str | None, pack: RulePack) -> bool:
    if not text:
        return False
    accepted = {f.casefold() for f in pack.value("open_data_formats")}
    named = [part.strip().casefold() for part in text.replace(";", ",").split(",")]
    return bool(named) and all(part in accepted for part in named if part)


def check_exit(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 4: an exit clause, notice ≤ 3 months, data returned in an open format, knowledge
    transfer."""
    source = pack.source("notice_max_months", "open_data_formats")
    checks = [
        Check(
            rule="exit.clause",
            result=Result.PASS if s.exit_clause else Result.FAIL,
            reason="exit_clause" if s.exit_clause else "exit_no_clause",
            source=source,
        )
    ]
    limit = pack.number("notice_max_months")
    if s.notice_months is None:
        checks.append(
            Check(
                rule="exit.notice",
                result=Result.WARN,
                reason="exit_notice_missing",
                params={"limit": _n(limit)},
                source=source,
            )
        )
    else:
        ok = s.notice_months <= limit
        checks.append(
            Check(
                rule="exit.notice",
                result=Result.PASS if ok else Result.FAIL,
                reason="exit_notice_ok" if ok else "exit_notice_too_long",
                params={"months": _n(s.notice_months), "limit": _n(limit)},
                source=source,
            )
        )
    formats = ", ".join(pack.value("open_data_formats"))
    if not s.data_return_format:
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.FAIL,
                reason="exit_no_format",
                params={"formats": formats},
                source=source,
            )
        )
    elif is_open_format(s.data_return_format, pack):
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.PASS,
                reason="exit_open_format",
                params={"format": s.data_return_format},
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.FAIL,
                reason="exit_closed_format",
                params={"format": s.data_return_format, "formats": formats},
                source=source,
            )
        )
    if s.knowledge_transfer is None:
        checks.append(
            Check(
                rule="exit.knowledge_transfer",
                result=Result.WARN,
                reason="exit_transfer_unknown",
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="exit.knowledge_transfer",
                result=Result.PASS if s.knowledge_transfer else Result.FAIL,
                reason="exit_transfer" if s.knowledge_transfer else "exit_no_transfer",
                source=source,
            )
        )
    return checks
