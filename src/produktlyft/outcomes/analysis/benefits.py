"""Whether a business case's benefit arrived: its bound measure's latest value against the
baseline→target direction, and the due date against today. Pure; no storage.

Benefit metric keys: `kpi:<service>:<kpi>` (a service KPI) or `team:<team>:<metric>` (a team's
DORA metric, e.g. `team:t-01:lead_time_hours`); a bare DORA key names no team, so it cannot be
followed up.
"""

from __future__ import annotations

from datetime import date

from produktlyft.outcomes.model import BenefitState, Reason


def series_key(metric: str) -> tuple[str, str] | None:
    """(team, team_series metric key) for a benefit's metric key; None when it is not one."""
    parts = metric.split(":")
    if parts[0] == "kpi" and len(parts) == 3 and all(parts):
        return "", metric
    if parts[0] == "team" and len(parts) == 3 and all(parts):
        return parts[1], parts[2]
    return None


def judge(
    baseline: float | None,
    target: float | None,
    due: date | None,
    today: date,
    current: float | None,
) -> tuple[BenefitState, Reason]:
    """Arrived when the current value reached the target in the direction baseline→target;
    missed when not and the due date has passed; otherwise not yet."""
    if baseline is None or target is None:
        return BenefitState.NOT_MEASURABLE, Reason(code="benefit.no_target")
    if baseline == target:
        return BenefitState.NOT_MEASURABLE, Reason(code="benefit.no_change")
    if current is None:
        return BenefitState.NOT_MEASURABLE, Reason(code="benefit.no_data")
    direction = 1.0 if target > baseline else -1.0
    share = (current - baseline) / (target - baseline)
    params = {"share": f"{max(share, 0.0):.2f}"}
    if (current - target) * direction >= 0:
        return BenefitState.ARRIVED, Reason(code="benefit.arrived", params=params)
    if due is not None and due < today:
        return BenefitState.MISSED, Reason(
            code="benefit.missed", params={**params, "due": due.isoformat()}
        )
    if due is None:
        return BenefitState.NOT_YET, Reason(code="benefit.not_yet", params=params)
    return BenefitState.NOT_YET, Reason(
        code="benefit.not_yet.due", params={**params, "due": due.isoformat()}
    )
