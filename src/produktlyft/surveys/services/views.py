"""What the survey web pages show, assembled from the report services: charts with their
tables, a group's own history, and the organiser's round overview."""

from __future__ import annotations

from dataclasses import dataclass, field

from produktlyft.kernel import i18n
from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.charts import IntervalChart, IntervalRow, interval_chart
from produktlyft.surveys.results import GroupResult, ScaleResult, SurveyReport, Trend
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import list_answering_groups


@dataclass
class RoundPage:
    report: SurveyReport
    charts: list[IntervalChart]
    scale_codes: list[str]
    answering: list[str] = field(default_factory=list)  # groups links can be made for


def _row(label: str, scale: ScaleResult) -> IntervalRow | None:
    if scale.suppressed or scale.mean is None:
        return None
    return IntervalRow(label, scale.mean, scale.ci_low, scale.ci_high)


def round_page(ctx: ServiceContext, round_id: str, lang: str) -> RoundPage:
    """The organisation's scales as a chart; every group in a table (in tree order)."""
    report = survey_report(ctx, round_id, lang=lang)
    org = report.groups[0]
    codes = [code for code in org.scales] or sorted({c for g in report.groups for c in g.scales})
    charts = []
    for points in sorted({scale.points for scale in org.scales.values()}, reverse=True):
        rows = [
            row
            for scale in org.scales.values()
            if scale.points == points and (row := _row(scale.name, scale))
        ]
        if rows:
            title = i18n.gettext(
                "The organisation: mean with 95 %% interval, scale 1–%(points)s", lang
            ) % {"points": points}
            charts.append(
                interval_chart(title, rows, points, i18n.gettext("Mean on the answer scale", lang))
            )
    return RoundPage(report, charts, codes, list_answering_groups(ctx, round_id))


@dataclass
class GroupPage:
    trend: Trend
    charts: list[IntervalChart]
    latest: GroupResult


def group_page(ctx: ServiceContext, group: str, lang: str) -> GroupPage:
    """A group's own history beside the organisation, one chart per scale."""
    trend = group_trend(ctx, group, lang=lang)
    charts = []
    codes = list(dict.fromkeys(c for p in trend.points for c in p.group.scales))
    for code in codes:
        rows: list[IntervalRow] = []
        name = ""
        points = 7
        for point in trend.points:
            for who, result in (
                (trend.group_name, point.group),
                (i18n.gettext("Organisation", lang), point.organisation),
            ):
                scale = result.scales.get(code)
                if scale is not None:
                    name, points = scale.name, scale.points
                    row = _row(f"{point.round_title}: {who}", scale)
                    if row is not None:
                        rows.append(row)
        if rows:
            charts.append(
                interval_chart(name, rows, points, i18n.gettext("Mean on the answer scale", lang))
            )
    return GroupPage(trend, charts, trend.points[-1].group)
