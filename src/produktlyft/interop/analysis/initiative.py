"""Does a roadmap initiative keep the landscape open, or create or leave a silo?

`initiative_silo_check(graph, system_ids, target_open_standards)` is what roadmap-core calls for
each initiative (the systems it touches, and whether its target is stated to use open
standards: True, False, or None when not said). It returns reasons, worded by the interop
presenter, in this order:

- `breaks_incoming` / `breaks_outgoing` (system, others, open): the initiative touches a system
  that systems *outside* the initiative send data to / receive data from (two-way integrations
  count both ways). Replacing or retiring it breaks those flows unless they are rebuilt.
- `leaves_silo` (system, risk): a touched system's silo risk is at or above `threshold` and
  the target is not stated to use open standards: the initiative leaves the silo in place.
- `keeps_proprietary` (system, share): the target is stated *not* to use open standards while
  the system's integrations are not all open today.

A target stated to use open standards (True) clears the last two: it improves the interfaces.
The graph's `silo_risk` and `open_share` are those of `interop.service.integration_graph`.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from produktlyft.interop.analysis.graph import IntegrationGraph
from produktlyft.interop.model import InitiativeCode, Reason

SILO_THRESHOLD = 0.5
LISTED = 5


def initiative_silo_check(
    graph: IntegrationGraph,
    system_ids: Iterable[str],
    target_open_standards: bool | None,
    *,
    threshold: float = SILO_THRESHOLD,
) -> list[Reason]:
    touched = sorted(set(system_ids))
    reasons = _broken(graph, touched)
    for system in touched:
        risk = graph.silo_risk.get(system, 0.0)
        share = graph.open_share.get(system)
        if target_open_standards is not True and risk >= threshold:
            reasons.append(
                Reason(code=InitiativeCode.LEAVES_SILO, params={"system": system, "risk": risk})
            )
        if target_open_standards is False and share is not None and share < 1.0:
            reasons.append(
                Reason(
                    code=InitiativeCode.KEEPS_PROPRIETARY,
                    params={"system": system, "share": round(share, 3)},
                )
            )
    return reasons


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
