"""Measures of the decision register: how long decisions take, where they are taken, and how
many recommendations are left undecided.

Time to decision is a survival question: a recommendation still waiting is not "fast", it is
censored. Beside the plain median of decided items we give the Kaplan–Meier median, which counts
the ones still waiting for as long as they have waited (scipy.stats.ecdf on censored data).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from produktlyft.decisions.model import Decision, DecisionKind, DecisionLevel, Outcome


@dataclass(frozen=True)
class Measures:
    proposed: int
    decided: int
    pending: int
    withdrawn: int
    median_days: float | None  # among decided
    km_median_days: float | None  # counting pending ones as censored; None if not reached
    share_decided_in_team: float | None  # decided at team level / all decided
    old_enough: int  # proposed at least N days before the reference day
    vanished: int  # of those, still pending
    share_vanished: float | None


@dataclass(frozen=True)
class MandateGap:
    """Escalated although the matrix lets the team decide, and the reverse."""

    escalated_within_mandate: list[str] = field(default_factory=list)
    decided_beyond_mandate: list[str] = field(default_factory=list)


def _km_median(durations: Sequence[int], decided: Sequence[bool]) -> float | None:
    if not any(decided):
        return None
    from scipy import stats  # slow to load

    values = np.asarray(durations, dtype=np.float64)
    flags = np.asarray(decided, dtype=bool)
    data = stats.CensoredData(uncensored=values[flags], right=values[~flags])
    survival = stats.ecdf(data).sf
    below = np.nonzero(survival.probabilities <= 0.5)[0]
    return float(survival.quantiles[below[0]]) if below.size else None


def measure(decisions: Iterable[Decision], as_of: date, undecided_after_days: int) -> Measures:
    items = list(decisions)
    decided = [d for d in items if d.decided]
    pending = [d for d in items if d.outcome is Outcome.PENDING]
    withdrawn = [d for d in items if d.outcome is Outcome.WITHDRAWN]
    days = [(d.decided_on - d.proposed_on).days for d in decided if d.decided_on]
    open_days = [(as_of - d.proposed_on).days for d in pending]
    old = [
        d
        for d in items
        if (as_of - d.proposed_on).days >= undecided_after_days
        and d.outcome is not Outcome.WITHDRAWN
    ]
    vanished = [d for d in old if d.outcome is Outcome.PENDING]
    in_team = [d for d in decided if d.level is DecisionLevel.TEAM]
    return Measures(
        proposed=len(items),
        decided=len(decided),
        pending=len(pending),
        withdrawn=len(withdrawn),
        median_days=float(statistics.median(days)) if days else None,
        km_median_days=_km_median(days + open_days, [True] * len(days) + [False] * len(open_days)),
        share_decided_in_team=len(in_team) / len(decided) if decided else None,
        old_enough=len(old),
        vanished=len(vanished),
        share_vanished=len(vanished) / len(old) if old else None,
    )


def by_level(
    decisions: Iterable[Decision],
    as_of: date,
    days: int,
) -> dict[DecisionLevel, Measures]:
    items = list(decisions)
    return {
        level: measure([d for d in items if d.level is level], as_of, days)
        for level in DecisionLevel
    }


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def by_quarter(decisions: Iterable[Decision], as_of: date, days: int) -> dict[str, Measures]:
    """Measures per quarter in which recommendations were proposed, oldest first."""
    grouped: dict[str, list[Decision]] = {}
    for decision in decisions:
        grouped.setdefault(quarter(decision.proposed_on), []).append(decision)
    return {key: measure(grouped[key], as_of, days) for key in sorted(grouped)}


def mandate_gap(
    decisions: Iterable[Decision], rights: Mapping[tuple[str, DecisionKind], DecisionLevel]
) -> MandateGap:
    """Compare where each recommendation went with where the matrix says it belongs."""
    gap = MandateGap()
    for decision in decisions:
        allowed = rights.get((decision.team, decision.kind))
        if allowed is None:
            continue
        if allowed is DecisionLevel.TEAM and decision.level is not DecisionLevel.TEAM:
            gap.escalated_within_mandate.append(decision.id)
        elif allowed is not DecisionLevel.TEAM and decision.level is DecisionLevel.TEAM:
            gap.decided_beyond_mandate.append(decision.id)
    return gap
