"""A demo team's deployment and incident history with a realistic shape (pure, seeded).

Deployments happen on working days, most mid-week; hardly any in the Swedish summer weeks and
none over Christmas and New Year. The pilot team improves after its pilot starts: shorter
lead times, more frequent and smaller deployments, fewer failures. A failed deployment is
followed by an incident within hours and often by an unplanned fix (rework) the next working
day; a few incidents come long after any deployment, so the window leaves them unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import numpy as np

from produktlyft.outcomes.model import Deployment, Incident

# weight of each weekday (Monday first): mid-week most, no weekend deployments
_WEEKDAY = np.array([0.8, 1.2, 1.25, 1.1, 0.55, 0.0, 0.0])
_SUMMER = range(27, 32)  # ISO weeks of the Swedish summer holiday (roughly July)


def _holiday_factor(day: date) -> float:
    if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6):
        return 0.0
    if day.isocalendar().week in _SUMMER:
        return 0.15
    return 1.0


@dataclass(frozen=True)
class TeamShape:
    """How a team delivers before (and, for a pilot team, after) the pilot starts."""

    team: str
    per_week: float  # deployments per week before
    lead_hours: float  # median change lead time before
    fail_rate: float  # change fail rate before
    per_week_after: float | None = None
    lead_hours_after: float | None = None
    fail_rate_after: float | None = None


def _progress(day: date, pilot_start: date | None, ramp_days: int = 120) -> float:
    """0 before the pilot, rising to 1 over `ramp_days` after it starts (changes take time)."""
    if pilot_start is None or day < pilot_start:
        return 0.0
    return min(1.0, (day - pilot_start).days / ramp_days)


def _blend(before: float, after: float | None, share: float) -> float:
    return before if after is None else before + (after - before) * share


def history(
    shape: TeamShape, start: date, end: date, seed: int, pilot_start: date | None = None
) -> tuple[list[Deployment], list[Incident]]:
    rng = np.random.default_rng(seed)
    deployments: list[Deployment] = []
    incidents: list[Incident] = []
    day = start
    number = 0
    while day < end:
        share = _progress(day, pilot_start)
        per_day = _blend(shape.per_week, shape.per_week_after, share) / _WEEKDAY.sum()
        expected = per_day * _WEEKDAY[day.weekday()] * _holiday_factor(day)
        for _ in range(int(rng.poisson(expected))):
            number += 1
            at = datetime.combine(day, time(9), tzinfo=UTC) + timedelta(
                minutes=int(rng.integers(0, 8 * 60))
            )
            lead = float(
                rng.lognormal(np.log(_blend(shape.lead_hours, shape.lead_hours_after, share)), 0.8)
            )
            failed = bool(rng.random() < _blend(shape.fail_rate, shape.fail_rate_after, share))
            deployment_id = f"demo-{shape.team}-{number:04d}"
            deployments.append(
                Deployment(
                    id=deployment_id,
                    team=shape.team,
                    environment="production",
                    deployed_at=at,
                    committed_at=at - timedelta(hours=lead),
                    failed=failed,
                    ref=f"{seed:x}{number:06x}",
                    source="demo",
                )
            )
            if failed:
                opened = at + timedelta(minutes=int(rng.integers(10, 6 * 60)))
                lasted = float(rng.lognormal(np.log(3.0 if share < 1 else 1.2), 0.7))
                incidents.append(
                    Incident(
                        id=f"inc-{shape.team}-{number:04d}",
                        team=shape.team,
                        opened_at=opened,
                        resolved_at=opened + timedelta(hours=lasted),
                        source="demo",
                    )
                )
                if rng.random() < 0.6:  # an unplanned fix deployed once the incident is over
                    number += 1
                    deployments.append(
                        Deployment(
                            id=f"demo-{shape.team}-{number:04d}",
                            team=shape.team,
                            environment="production",
                            deployed_at=opened + timedelta(hours=lasted),
                            committed_at=opened + timedelta(hours=lasted * 0.5),
                            rework=True,
                            ref=f"{seed:x}{number:06x}",
                            source="demo",
                        )
                    )
        day += timedelta(days=1)
    # incidents far from any change: the window leaves them unlinked
    for extra in range(3):
        opened = datetime.combine(
            start + timedelta(days=int(rng.integers(0, (end - start).days))), time(3), tzinfo=UTC
        )
        incidents.append(
            Incident(
                id=f"inc-{shape.team}-ext-{extra}",
                team=shape.team,
                opened_at=opened,
                resolved_at=opened + timedelta(hours=5),
                source="demo",
            )
        )
    return deployments, incidents


def monthly_kpis(months: list[date], pilot_start: date, seed: int) -> dict[str, list[float]]:
    """The building-permit service's KPIs per month: steady, then better after the pilot."""
    rng = np.random.default_rng(seed)
    shares = np.array([_progress(m, pilot_start, ramp_days=180) for m in months])
    noise = rng.normal(0, 1, size=(6, len(months)))
    return {
        "satisfaction": list(np.clip(0.62 + 0.12 * shares + 0.015 * noise[0], 0, 1)),
        "completion_rate": list(np.clip(0.71 + 0.09 * shares + 0.012 * noise[1], 0, 1)),
        "digital_take_up": list(np.clip(0.48 + 0.17 * shares + 0.01 * noise[2], 0, 1)),
        "cost_per_transaction": list(np.round(1450 - 320 * shares + 25 * noise[3])),
        "avoidable_contact": list(np.clip(0.31 - 0.1 * shares + 0.01 * noise[4], 0, 1)),
        "accessibility_defects": list(np.maximum(0, np.round(37 - 25 * shares + 2 * noise[5]))),
    }
