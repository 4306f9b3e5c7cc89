"""The culture and readiness figures the leadership report shows, in one call.

The report's culture section (surveys/report.py) calls it. Everything goes through the same
disclosure plan as the other views, and only the organisation as a whole is shown: a
leadership report never lists teams. `lang` picks which of the instruments' own wordings
(scale names, item texts, advice) the results carry; nothing here is translated by gettext.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.model import ROOT, Round, RoundStatus, ScaleResult, Trend
from produktlyft.surveys.services.readiness import NextStep, readiness_view
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import list_rounds


@dataclass
class CultureSummary:
    round_id: str | None  # the latest round with results, None when there is none
    round_title: str | None
    scales: list[ScaleResult] = field(default_factory=list)  # the organisation's
    changes: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    organisation_trend: Trend | None = None
    next_steps: list[NextStep] = field(default_factory=list)
    round: Round | None = None
    status: RoundStatus | None = None
    respondents: int | None = None  # the organisation's answers; None when hidden


def culture_summary(ctx: ServiceContext, lang: str | None = None) -> CultureSummary:
    ctx.actor.require(Permission.READ)
    listed = [(r, status) for r, status in list_rounds(ctx) if status is not RoundStatus.SCHEDULED]
    if not listed:
        return CultureSummary(None, None)
    closed = [r for r, status in listed if status is RoundStatus.CLOSED]
    latest = (closed or [r for r, _ in listed])[-1]  # final results first
    report = survey_report(ctx, latest.id, lang=lang, organisation_only=True)
    organisation = report.groups[0]
    trend = group_trend(ctx, ROOT, lang=lang)
    point = next((p for p in trend.points if p.round_id == latest.id), None)
    steps: list[NextStep] = []
    if any(i.code == "readiness" for i in report.instruments):
        steps = readiness_view(ctx, latest.id, lang).next_steps
    return CultureSummary(
        round_id=latest.id,
        round_title=latest.title,
        scales=[] if organisation.suppressed else list(organisation.scales.values()),
        changes=point.changes if point else {},
        organisation_trend=trend,
        next_steps=steps,
        round=latest,
        status=report.status,
        respondents=None if organisation.suppressed else organisation.n,
    )
