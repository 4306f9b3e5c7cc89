"""What the outcomes pages show, prepared in the reader's language: panels of one team's
trends, the organisation's distributions (no team names), services' KPIs, and key results
with the reasons a rejected one was rejected. Every chart comes with the rows of its table."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from produktlyft.kernel import charts
from produktlyft.kernel.i18n import N_, format_date, format_number, format_percent, gettext
from produktlyft.outcomes.model import (
    Benchmark,
    KeyResult,
    KeyResultStatus,
    Kpi,
    Metric,
    MetricValue,
    SeriesPoint,
)
from produktlyft.outcomes.presenter import metric_label, metric_value, reason_text, trend_chart
from produktlyft.outcomes.service import Distribution, ServiceKpis, TeamTrends


@dataclass
class MetricPanel:
    label: str
    # value, interval, score, the quarter before (value and interval), government benchmark,
    # all industries
    latest: list[str]
    svg: str
    rows: list[list[str]]  # month, value, interval, count


def _interval(value: MetricValue, lang: str) -> str:
    if value.ci_low is None:
        return "–"
    low = metric_value(value.ci_low, value.metric, lang)
    return f"{low} – {metric_value(value.ci_high, value.metric, lang)}"


def _benchmark(benchmark: Benchmark, lang: str) -> tuple[str, str]:
    government = "–"
    if benchmark.government_score is not None:
        government = format_number(benchmark.government_score, lang, 1)
        if benchmark.government_sd is not None:
            government += f" ± {format_number(benchmark.government_sd, lang, 1)}"
        if benchmark.government_raw is not None:
            government += f" ({format_percent(benchmark.government_raw, lang)})"
    industries = benchmark.all_industries_score
    return government, "–" if industries is None else format_number(industries, lang, 1)


def _score(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang, 1)


def team_panels(trends: TeamTrends, lang: str) -> list[MetricPanel]:
    panels = []
    for metric in Metric:
        latest = trends.latest.metrics[metric]
        monthly = [
            (month, value)
            for month, value in zip(trends.months, trends.values[metric], strict=True)
            if value.value is not None
        ]
        points = [
            SeriesPoint(period_start=m, value=v.value or 0.0, count=v.count) for m, v in monthly
        ]
        bands = [(v.ci_low or 0.0, v.ci_high or 0.0) for _, v in monthly]
        label = metric.label(lang)
        svg = (
            trend_chart(
                points,
                bands,
                title=label,
                description=gettext(N_("Month by month, with the 95 % interval as a band"), lang),
                value_title=label,
                lang=lang,
            )
            if points
            else ""
        )
        government, industries = _benchmark(latest.benchmark, lang)
        panels.append(
            MetricPanel(
                label,
                [
                    metric_value(latest.value, metric, lang),
                    _interval(latest, lang),
                    _score(latest.score_0_10, lang),
                    metric_value(trends.previous[metric].value, metric, lang),
                    _interval(trends.previous[metric], lang),
                    government,
                    industries,
                ],
                svg,
                [
                    [
                        format_date(m, lang, "yyyy-MM"),
                        metric_value(v.value, metric, lang),
                        _interval(v, lang),
                        str(v.count),
                    ]
                    for m, v in monthly
                ],
            )
        )
    return panels


@dataclass
class DistributionPanel:
    label: str
    teams: int
    summary: list[str]  # min, lower quartile, median, upper quartile, max
    government: str
    svg: str


def distribution_panels(distributions: list[Distribution], lang: str) -> list[DistributionPanel]:
    """Each metric's spread over the teams as a histogram and five figures: which team has
    which value is never shown."""
    panels = []
    for distribution in distributions:
        metric = distribution.metric
        values = distribution.values
        summary = (
            [
                metric_value(float(q), metric, lang)
                for q in np.quantile(values, [0, 0.25, 0.5, 0.75, 1])
            ]
            if values
            else ["–"] * 5
        )
        label = metric.label(lang)
        svg = ""
        if len(values) >= 2:
            spec = charts.histogram(
                [{"value": v} for v in values],
                field="value",
                title=label,
                description=gettext(N_("How many teams have each value; no team is named"), lang),
                x_title=label,
                y_title=gettext(N_("Teams"), lang),
            )
            svg = charts.to_svg(spec, lang)
        panels.append(
            DistributionPanel(
                label, len(values), summary, _benchmark(distribution.benchmark, lang)[0], svg
            )
        )
    return panels


@dataclass
class ServiceView:
    name: str
    latest: list[list[str]]  # kpi, month, value, from where
    handling_svg: str
    handling_rows: list[list[str]] = field(default_factory=list)


def _kpi_value(kpi: Kpi, value: float, lang: str) -> str:
    if kpi.is_share:
        return format_percent(value, lang)
    if kpi is Kpi.ACCESSIBILITY:
        return format_number(value, lang)
    return format_number(value, lang, 1)


def service_views(services: list[ServiceKpis], lang: str) -> list[ServiceView]:
    views = []
    computed = gettext(N_("the event log"), lang)
    entered = gettext(N_("entered or imported"), lang)
    for entry in services:
        latest = [
            [
                kpi.label(lang),
                format_date(points[-1].period_start, lang, "yyyy-MM"),
                _kpi_value(kpi, points[-1].value, lang),
                computed if kpi in entry.computed else entered,
            ]
            for kpi in Kpi
            if (points := entry.series.get(kpi))
        ]
        handling = entry.series.get(Kpi.HANDLING_TIME, [])
        title = gettext(N_("Case-handling time per month (median days)"), lang)
        svg = (
            trend_chart(
                handling,
                None,
                title=title,
                description=gettext(
                    N_(
                        "Median days from the first to the last event of the cases that "
                        "finished each month"
                    ),
                    lang,
                ),
                value_title=gettext(N_("Days"), lang),
                lang=lang,
            )
            if handling
            else ""
        )
        rows = [
            [
                format_date(p.period_start, lang, "yyyy-MM"),
                format_number(p.value, lang, 1),
                str(p.count),
            ]
            for p in handling
        ]
        views.append(ServiceView(entry.service.name, latest, svg, rows))
    return views


@dataclass
class KeyResultView:
    objective: str
    text: str
    team: str
    quarter: str
    measure: str
    baseline: str
    target: str
    current: str
    achieved: bool | None
    rejected: bool
    reasons: list[str]
    suggestion: str


def _number_or_dash(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang, 2 if abs(value) < 1 else 1)


def key_result_views(
    stored: list[KeyResult],
    statuses: list[KeyResultStatus],
    lang: str,
    team_names: dict[str, str],
    services: dict[str, str],
) -> list[KeyResultView]:
    by_id = {s.id: s for s in statuses}
    views = []
    for kr in stored:
        status = by_id.get(kr.id)
        reasons = [r for r in kr.reasons if not r.code.startswith("suggest.")]
        suggestion = next((r for r in kr.reasons if r.code.startswith("suggest.")), None)
        views.append(
            KeyResultView(
                kr.objective,
                kr.text,
                team_names.get(kr.team, kr.team),
                kr.quarter,
                metric_label(kr.metric, lang, services) or "–",
                _number_or_dash(kr.baseline, lang),
                _number_or_dash(kr.target, lang),
                _number_or_dash(status.current if status else None, lang),
                status.achieved if status else None,
                kr.verdict.value == "output",
                [reason_text(r, lang, services) for r in reasons],
                reason_text(suggestion, lang, services) if suggestion else "",
            )
        )
    return views
