"""Does a roadmap initiative keep the landscape open, or create or leave a silo?

`initiative_silo_check(graph, system_ids, target, standards=)` is what roadmap-core calls for
each initiative: the systems it touches, what its target does to their open interfaces (a
`TargetInterfaces`: improves, keeps, drops or not stated; the older True/False/None still mean
improves/drops/not stated) and the standards the target names, if any. It returns reasons,
worded by the interop presenter, in this order:

- `breaks_incoming` / `breaks_outgoing` (system, others, open): the initiative touches a system
  that systems *outside* the initiative send data to / receive data from (two-way integrations
  count both ways). Replacing or retiring it breaks those flows unless they are rebuilt.
- per touched system, in id order:
  - `creates_silo` (system, others, count, open): the target *drops* open interfaces, and
    systems outside the initiative exchange data with it over open ones today.
  - `keeps_proprietary` (system, share): the target drops open interfaces, no outside system
    uses an open one, and not all its integrations are open today.
  - `leaves_silo` (system, risk, target): the system's silo risk is at or above `threshold`
    and the target does not state that it improves the interfaces: the silo stays.
  - `reduces_silo` (system, risk, standards): the target improves the interfaces of a system
    with some silo risk. Evidence, not a warning (`INITIATIVE_EVIDENCE`).

The graph's `silo_risk` and `open_share` are those of `interop.service.integration_graph`.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from produktlyft.interop.analysis.graph import IntegrationGraph
from produktlyft.interop.model import InitiativeCode, Reason, TargetInterfaces

SILO_THRESHOLD = 0.5
LISTED = 5


def target_of(target: TargetInterfaces | bool | None) -> TargetInterfaces:
    """The vocabulary value for what a caller states (True/False/None: the older form)."""
    if isinstance(target, TargetInterfaces):
        return target
    if target is None:
        return TargetInterfaces.NOT_STATED
    return TargetInterfaces.IMPROVES if target else TargetInterfaces.DROPS


def initiative_silo_check(
    graph: IntegrationGraph,
    system_ids: Iterable[str],
    target: TargetInterfaces | bool | None,
    *,
    standards: str | None = None,
    threshold: float = SILO_THRESHOLD,
) -> list[Reason]:
    touched = sorted(set(system_ids))
    stated = target_of(target)
    reasons = _broken(graph, touched)
    opened = _open_partners(graph, touched) if stated is TargetInterfaces.DROPS else {}
    for system in touched:
        reasons.extend(_system(graph, system, stated, standards, threshold, opened))
    return reasons


def _system(
    graph: IntegrationGraph,
    system: str,
    stated: TargetInterfaces,
    standards: str | None,
    threshold: float,
    opened: dict[str, tuple[list[str], int]],
) -> list[Reason]:
    risk = graph.silo_risk.get(system, 0.0)
    share = graph.open_share.get(system)
    found = []
    if system in opened:
        others, count = opened[system]
        found.append(
            Reason(
                code=InitiativeCode.CREATES_SILO,
                params={
                    "system": system,
                    "others": others[:LISTED],
                    "count": len(others),
                    "open": count,
                },
            )
        )
    elif stated is TargetInterfaces.DROPS and share is not None and share < 1.0:
        found.append(
            Reason(
                code=InitiativeCode.KEEPS_PROPRIETARY,
                params={"system": system, "share": round(share, 3)},
            )
        )
    if stated is not TargetInterfaces.IMPROVES and risk >= threshold:
        found.append(
            Reason(
                code=InitiativeCode.LEAVES_SILO,
                params={"system": system, "risk": risk, "target": stated.value},
            )
        )
    if stated is TargetInterfaces.IMPROVES and risk > 0:
        found.append(
            Reason(
                code=InitiativeCode.REDUCES_SILO,
                params={"system": system, "risk": risk, "standards": standards or None},
            )
        )
    return found


def _open_partners(graph: IntegrationGraph, touched: list[str]) -> dict[str, tuple[list[str], int]]:
    """Touched system -> (the outside systems it exchanges data with openly, how many open
    integrations)."""
    ends = graph.ends().filter(
        pl.col("system").is_in(touched) & ~pl.col("partner").is_in(touched) & pl.col("open")
    )
    grouped = (
        ends.group_by("system")
        .agg(others=pl.col("partner").unique().sort(), open=pl.col("id").n_unique())
        .sort("system")
    )
    return {r["system"]: (list(r["others"]), int(r["open"])) for r in grouped.iter_rows(named=True)}


def _broken(graph: IntegrationGraph, touched: list[str]) -> list[Reason]:
    ends = graph.ends().filter(pl.col("system").is_in(touched) & ~pl.col("partner").is_in(touched))
    reasons = []
    for flag, code in (
        ("incoming", InitiativeCode.BREAKS_INCOMING),
        ("outgoing", InitiativeCode.BREAKS_OUTGOING),
    ):
        per_system = (
            ends.filter(pl.col(flag))
            .group_by("system")
            .agg(
                others=pl.col("partner").unique().sort(),
                open=pl.col("open").sum(),
            )
            .sort("system")
        )
        for row in per_system.iter_rows(named=True):
            others: list[str] = row["others"]
            reasons.append(
                Reason(
                    code=code,
                    params={
                        "system": row["system"],
                        "others": others[:LISTED],
                        "count": len(others),
                        "open": int(row["open"]),
                    },
                )
            )
    return reasons
