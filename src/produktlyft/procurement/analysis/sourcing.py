"""Rules 5–8 (code and IP, interfaces, vendor concentration, route) and the route a slice
should take, with the reason."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from produktlyft.procurement.analysis.checks import figure, need_totals, share_text
from produktlyft.procurement.analysis.shape import is_open_format
from produktlyft.procurement.model import (
    Check,
    CodeOwnership,
    Result,
    Route,
    RouteAdvice,
    RulePack,
    Slice,
    SystemOpenness,
)

# What makes a slice hard to leave, and how much each part weighs in the lock-in score (0–1).
LOCK_IN_WEIGHTS = {
    "supplier_code": 0.4,
    "closed_data": 0.2,
    "no_exit_clause": 0.15,
    "long_notice": 0.1,
    "no_open_interfaces": 0.15,
}


def open_interfaces(s: Slice, pack: RulePack) -> tuple[list[str], list[str]]:
    """The slice's named interfaces split into (open standards or documented APIs, others)."""
    accepted = {name.casefold() for name in pack.value("open_standards")}
    known, unknown = [], []
    for name in s.interfaces:
        folded = name.casefold().strip()
        if folded in accepted or any(folded.startswith(a + " ") for a in accepted):
            known.append(name)
        else:
            unknown.append(name)
    return known, unknown


def lock_in(s: Slice, pack: RulePack) -> tuple[float, list[str]]:
    """A lock-in score from 0 (easy to leave) to 1, and the parts that made it."""
    parts = []
    if s.code_ownership is CodeOwnership.SUPPLIER or s.code_ownership is None:
        parts.append("supplier_code")
    if not is_open_format(s.data_return_format, pack):
        parts.append("closed_data")
    if not s.exit_clause:
        parts.append("no_exit_clause")
    if s.notice_months is None or s.notice_months > pack.number("notice_max_months"):
        parts.append("long_notice")
    known, _unknown = open_interfaces(s, pack)
    if not known:
        parts.append("no_open_interfaces")
    return round(sum(LOCK_IN_WEIGHTS[p] for p in parts), 2), parts


def check_code(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 5: the agency owns the code or it is open source; otherwise a lock-in score."""
    source = pack.source("lock_in_fail")
    score, parts = lock_in(s, pack)
    params = {"score": share_text(score), "parts": ", ".join(parts)}
    if s.code_ownership in (CodeOwnership.AGENCY, CodeOwnership.OPEN_SOURCE):
        return [
            Check(
                rule="code_ip",
                result=Result.PASS,
                reason="code_agency",
                params={**params, "owner": s.code_ownership.value},
                source=source,
            )
        ]
    if s.code_ownership is None:
        return [
            Check(
                rule="code_ip",
                result=Result.WARN,
                reason="code_unknown",
                params=params,
                source=source,
            )
        ]
    result = Result.FAIL if score >= pack.number("lock_in_fail") else Result.WARN
    return [
        Check(
            rule="code_ip",
            result=result,
            reason="code_supplier",
            params={**params, "limit": share_text(pack.number("lock_in_fail"))},
            source=source,
        )
    ]


def check_systems(s: Slice, pack: RulePack, systems: Mapping[str, SystemOpenness]) -> list[Check]:
    """Rule 6, from the interoperability check: the systems the slice covers that are silos
    (few integrations over open standards) need their interfaces opened in this slice."""
    covered = [systems[x] for x in s.system_ids if x in systems]
    if not covered:
        return []
    source = pack.source("silo_risk_warn")
    limit = pack.number("silo_risk_warn")
    silos = [x for x in covered if x.silo_risk >= limit]
    if silos:
        return [
            Check(
                rule="interfaces.systems",
                result=Result.WARN,
                reason="interfaces_silo_systems",
                params={
                    "names": ", ".join(x.name for x in silos),
                    "risk": share_text(max(x.silo_risk for x in silos)),
                    "limit": share_text(limit),
                },
                source=source,
            )
        ]
    return [
        Check(
            rule="interfaces.systems",
            result=Result.PASS,
            reason="interfaces_systems_open",
            params={"names": ", ".join(x.name for x in covered)},
            source=source,
        )
    ]


def check_interfaces(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 6: the interfaces between slices are named open standards or documented APIs."""
    source = pack.source("open_standards")
    known, unknown = open_interfaces(s, pack)
    if not s.interfaces:
        return [
            Check(rule="interfaces", result=Result.WARN, reason="interfaces_none", source=source)
        ]
    if unknown:
        return [
            Check(
                rule="interfaces",
                result=Result.WARN,
                reason="interfaces_unknown",
                params={"names": ", ".join(unknown)},
                source=source,
            )
        ]
    return [
        Check(
            rule="interfaces",
            result=Result.PASS,
            reason="interfaces_open",
            params={"names": ", ".join(known)},
            source=source,
        )
    ]


def supplier_shares(slices: Sequence[Slice]) -> dict[str, float]:
    """Each supplier's share of the total value (options included) across the slices."""
    total = sum(s.total_value_sek for s in slices)
    shares: dict[str, float] = {}
    if total <= 0:
        return shares
    for s in slices:
        if s.supplier:
            key = s.supplier.strip()
            shares[key] = shares.get(key, 0.0) + s.total_value_sek / total
    return shares


def check_concentration(s: Slice, slices: Sequence[Slice], pack: RulePack) -> list[Check]:
    """Rule 7: the share of the whole held by this slice's supplier; single-bidder markets."""
    source = pack.source("vendor_share_warn", "vendor_min_slices")
    checks: list[Check] = []
    if s.bidders is not None and s.bidders <= 1:
        checks.append(
            Check(
                rule="concentration.bidders",
                result=Result.WARN,
                reason="single_bidder",
                params={"bidders": str(s.bidders)},
                source=source,
            )
        )
    if not s.supplier:
        checks.append(
            Check(
                rule="concentration",
                result=Result.PASS,
                reason="concentration_no_supplier",
                source=source,
            )
        )
        return checks
    share = supplier_shares(slices).get(s.supplier.strip(), 0.0)
    limit = pack.number("vendor_share_warn")
    params = {
        "supplier": s.supplier,
        "share": share_text(share),
        "limit": share_text(limit),
        "slices": str(len(slices)),
    }
    if len(slices) < pack.number("vendor_min_slices"):
        checks.append(
            Check(
                rule="concentration",
                result=Result.PASS,
                reason="concentration_too_few",
                params=params,
                source=source,
            )
        )
    elif share > limit:
        checks.append(
            Check(
                rule="concentration",
                result=Result.WARN,
                reason="concentration_high",
                params=params,
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="concentration",
                result=Result.PASS,
                reason="concentration_ok",
                params=params,
                source=source,
            )
        )
    return checks


def check_route(s: Slice, slices: Sequence[Slice], pack: RulePack) -> list[Check]:
    """Rule 8: the route fits the work: no outcome work through a resource-consultant
    framework, ranked order only up to the hour limit, no direct award above the limits."""
    threshold = pack.threshold_sek(s.buyer_type)
    direct_limit = pack.number("direct_award_limit_sek")
    need_total = need_totals(slices)[s.need.casefold().strip()]
    params = {
        "route": s.route.value,
        "value": figure(need_total),
        "threshold": figure(threshold),
        "direct_limit": figure(direct_limit),
    }
    if s.route is Route.DIRECT:
        source = pack.source("direct_award_limit_sek", "sek_per_eur")
        if need_total > direct_limit:
            return [
                Check(
                    rule="route",
                    result=Result.FAIL,
                    reason="route_direct_too_large",
                    params=params,
                    source=source,
                )
            ]
        return [
            Check(
                rule="route",
                result=Result.PASS,
                reason="route_direct_ok",
                params=params,
                source=source,
            )
        ]
    if s.route is Route.FRAMEWORK:
        source = pack.source("ranked_order_max_hours")
        limit = pack.number("ranked_order_max_hours")
        checks = []
        if s.outcome:
            checks.append(
                Check(
                    rule="route",
                    result=Result.WARN,
                    reason="route_outcome_via_resource_framework",
                    params=params,
                    source=source,
                )
            )
        if s.hours is not None and s.hours > limit:
            checks.append(
                Check(
                    rule="route.hours",
                    result=Result.WARN,
                    reason="route_renewed_competition",
                    params={"hours": figure(s.hours), "limit": figure(limit)},
                    source=source,
                )
            )
        return checks or [
            Check(
                rule="route",
                result=Result.PASS,
                reason="route_framework_ok",
                params=params,
                source=source,
            )
        ]
    return [
        Check(
            rule="route",
            result=Result.PASS,
            reason=f"route_{s.route.value}_ok",
            params=params,
            source=pack.source("threshold_central_eur"),
        )
    ]


def recommend_route(s: Slice, slices: Sequence[Slice], pack: RulePack) -> RouteAdvice:
    """Which route suits the slice, and why: small buys directly; resource work (no outcome)
    through the framework, by ranked order up to the hour limit; outcome work through an
    advertised procedure, or a DPS when the need recurs across several slices."""
    need_key = s.need.casefold().strip()
    need_total = need_totals(slices)[need_key]
    same_need = sum(1 for x in slices if x.need.casefold().strip() == need_key)
    threshold = pack.threshold_sek(s.buyer_type)
    params = {
        "value": figure(need_total),
        "threshold": figure(threshold),
        "direct_limit": figure(pack.number("direct_award_limit_sek")),
        "slices": str(same_need),
        "hours_limit": figure(pack.number("ranked_order_max_hours")),
    }
    if need_total <= pack.number("direct_award_limit_sek"):
        return RouteAdvice(route=Route.DIRECT, reason="advice_direct", params=params)
    if not s.outcome:
        if s.hours is not None and s.hours > pack.number("ranked_order_max_hours"):
            return RouteAdvice(
                route=Route.FRAMEWORK,
                reason="advice_framework_competition",
                params={**params, "hours": figure(s.hours)},
            )
        return RouteAdvice(route=Route.FRAMEWORK, reason="advice_framework_ranked", params=params)
    if same_need >= 3:
        return RouteAdvice(route=Route.DPS, reason="advice_dps", params=params)
    reason = "advice_open_above" if need_total >= threshold else "advice_open_below"
    return RouteAdvice(route=Route.OPEN, reason=reason, params=params)
