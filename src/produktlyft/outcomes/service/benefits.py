"""Benefits realisation: the business cases' benefits (owner, measure, baseline, target, due)
followed up on the outcomes measure each is bound to."""

from __future__ import annotations

from produktlyft.business_case.model import Benefit
from produktlyft.business_case.service import list_benefits
from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, NotFound
from produktlyft.outcomes.analysis.benefits import judge, series_key
from produktlyft.outcomes.model import BenefitFollowUp, BenefitState, Reason, SeriesPoint
from produktlyft.outcomes.service.series import team_series


def _latest(ctx: ServiceContext, metric: str) -> SeriesPoint | str | None:
    """The latest point up to today of the bound measure; a reason code when it has none."""
    key = series_key(metric)
    if key is None:
        return "benefit.unknown_metric"
    try:
        points = team_series(ctx, key[0], key[1])
    except (InvalidInput, NotFound):
        return "benefit.unknown_metric"
    past = [p for p in points if p.period_start <= ctx.today()]
    return past[-1] if past else None


def _follow_up(ctx: ServiceContext, benefit: Benefit) -> BenefitFollowUp:
    current = None
    measured = None
    if not benefit.metric:
        state, reason = BenefitState.NOT_MEASURABLE, Reason(code="benefit.no_metric")
    else:
        latest = _latest(ctx, benefit.metric)
        if isinstance(latest, str):
            state, reason = BenefitState.NOT_MEASURABLE, Reason(code=latest)
        else:
            if latest is not None:
                current, measured = latest.value, latest.period_start
            state, reason = judge(
                benefit.baseline, benefit.target, benefit.due, ctx.today(), current
            )
    return BenefitFollowUp(
        case_id=benefit.case_id,
        name=benefit.name,
        owner=benefit.owner,
        measure=benefit.measure,
        unit=benefit.unit,
        metric=benefit.metric,
        baseline=benefit.baseline,
        target=benefit.target,
        due=benefit.due,
        current=current,
        measured=measured,
        state=state,
        reason=reason,
    )


def benefit_follow_up(ctx: ServiceContext) -> list[BenefitFollowUp]:
    """Every business case's benefits and whether each arrived, by case and name."""
    ctx.actor.require(Permission.READ)
    benefits = sorted(list_benefits(ctx), key=lambda b: (b.case_id, b.name))
    return [_follow_up(ctx, b) for b in benefits]
