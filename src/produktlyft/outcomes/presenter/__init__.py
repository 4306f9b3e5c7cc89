"""The outcomes area in words, figures and JSON: the reasons of the OKR checker worded in the
reader's language, the DORA JSON document, and the charts with their data tables."""

from __future__ import annotations

from typing import Any

import altair as alt

from produktlyft.kernel import charts
from produktlyft.kernel.i18n import format_number, format_percent
from produktlyft.outcomes.model import Kpi, Metric, MetricValue, Reason, SeriesPoint
from produktlyft.outcomes.service import CheckedKeyResult, DoraReport
from produktlyft.outcomes.texts import MESSAGES, t


def metric_label(key: str | None, lang: str, services: dict[str, str] | None = None) -> str:
    """A metric key in words: a DORA metric, or a KPI and its service."""
    if not key:
        return ""
    if key.startswith("kpi:"):
        _, service, kpi = [*key.split(":"), "", ""][:3]
        try:
            label = Kpi.parse(kpi).label(lang)
        except ValueError:
            return key
        return f"{label} ({(services or {}).get(service, service)})"
    try:
        return Metric.parse(key).label(lang)
    except ValueError:
        return key


def reason_text(reason: Reason, lang: str, services: dict[str, str] | None = None) -> str:
    if reason.code not in MESSAGES:
        return reason.code
    params = dict(reason.params)
    if "metric" in params:
        params["metric"] = metric_label(params["metric"], lang, services) or "…"
    if "due" in params and not params["due"]:
        params["due"] = t(lang, "date")
    return t(lang, reason.code, **params)


def metric_value(value: float | None, metric: Metric, lang: str) -> str:
    if value is None:
        return "–"
    if metric.is_rate:
        return format_percent(value, lang, 1)
    return format_number(value, lang, 1)


def dora_json(report: DoraReport) -> dict[str, Any]:
    """The `outcomes dora --json` document."""
    return {
        "team": report.team,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "production_pattern": report.settings.production_pattern,
        "incident_window_days": report.settings.incident_window_days,
        "metrics": {metric.value: _metric_json(value) for metric, value in report.metrics.items()},
    }


def _metric_json(value: MetricValue) -> dict[str, Any]:
    return {
        "value": value.value,
        "ci_low": value.ci_low,
        "ci_high": value.ci_high,
        "count": value.count,
        "method": value.method,
        "score_0_10": value.score_0_10,
        "benchmark": value.benchmark.model_dump(),
    }


def okr_check_json(results: list[CheckedKeyResult]) -> list[dict[str, Any]]:
    """The `okr check --json` document: per key result its text, verdict and reason codes."""
    return [
        {
            "row": r.row.row,
            "objective": r.row.objective,
            "text": r.row.text,
            "verdict": r.check.verdict.value,
            "reasons": [reason.code for reason in r.check.reasons],
            "explanation": [reason_text(reason, "en") for reason in r.check.reasons],
            "suggestion": reason_text(r.check.suggestion, "en"),
        }
        for r in results
    ]


def trend_chart(
    points: list[SeriesPoint],
    bands: list[tuple[float, float]] | None,
    *,
    title: str,
    description: str,
    value_title: str,
    lang: str,
) -> str:
    """A series as a line with its interval as a band where there is one (SVG)."""
    rows = [
        {
            "period": p.period_start.isoformat(),
            "value": p.value,
            **({"low": bands[i][0], "high": bands[i][1]} if bands else {}),
        }
        for i, p in enumerate(points)
    ]
    data = alt.Data(values=rows)  # type: ignore[no-untyped-call]  # altair ships no stubs
    base = alt.Chart(data).encode(x=alt.X("period:T", title=None, axis=alt.Axis(format="%Y-%m")))
    layers = []
    if bands:
        layers.append(base.mark_area(opacity=0.25).encode(y="low:Q", y2="high:Q"))
    layers.append(base.mark_line(point=True).encode(y=alt.Y("value:Q", title=value_title)))
    chart = alt.layer(*layers).properties(
        width=520, height=200, title=title, description=description
    )
    spec: dict[str, Any] = chart.configure(font=charts.FONT).configure_view(stroke=None).to_dict()
    return charts.to_svg(spec, lang)
