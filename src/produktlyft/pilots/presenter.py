"""A pilot's evaluation in words and JSON: verdicts, reasons and threats worded in Swedish or
English, and the `pilot evaluate --json` document."""

from __future__ import annotations

from typing import Any

from produktlyft.kernel import charts
from produktlyft.kernel.i18n import N_, format_number, gettext
from produktlyft.outcomes.model import Metric
from produktlyft.pilots.model import (
    UPLOADED,
    Evaluation,
    Finding,
    Pilot,
    PilotRegistration,
    Verdict,
)
from produktlyft.pilots.service import ChartSeries

MESSAGES: dict[str, str] = {
    "too_few_points": N_(
        "There are too few periods to estimate an effect credibly (before: {pre}, after: {post})."
    ),
    "non_parallel_pre_trends": N_(
        "Before the start, the pilot team's trend differed from the comparison teams' "
        "(slope {slope} per period, p = {p}), so the comparison was made against the "
        "differing trend (a controlled interrupted time series)."
    ),
    "novelty": N_(
        "The period after the start is short ({post} periods): part of the change may be the "
        "novelty of trying something new, which can fade."
    ),
    "regression_to_the_mean": N_(
        "The pilot team had a bad spell before the start; some of the improvement may be a "
        "return to its usual level (regression to the mean)."
    ),
    "other_changes": N_("Other changes happened at the same time: {events}."),
    "interval_above_zero": N_(
        "The whole 95 % interval lies on the better side of zero, and the estimate reaches "
        "the smallest effect that matters."
    ),
    "smaller_than_min_effect": N_(
        "The change is real but smaller than the smallest effect that matters ({min_effect})."
    ),
    "interval_below_zero": N_("The whole 95 % interval lies on the worse side of zero."),
    "interval_within_min": N_(
        "The 95 % interval rules out any effect as large as the smallest one that matters "
        "({min_effect})."
    ),
    "interval_too_wide": N_(
        "The 95 % interval includes both no effect and effects larger than the smallest "
        "one that matters ({min_effect}): more data are needed."
    ),
}

VERDICTS: dict[Verdict, str] = {
    Verdict.IMPROVED: N_("The pilot improved the measure."),
    Verdict.NO_DETECTABLE_CHANGE: N_("The pilot made no detectable change."),
    Verdict.WORSE: N_("The measure got worse during the pilot."),
    Verdict.INCONCLUSIVE: N_("It cannot yet be told whether the pilot made a difference."),
}


def measure_text(plan: PilotRegistration, source: str, lang: str) -> str:
    """The primary measure by name, and where its figures come from."""
    if source == "uploaded":
        where = gettext(N_("a series uploaded for this pilot"), lang)
        return where if plan.metric == UPLOADED else f"{plan.metric}: {where}"
    try:
        name = Metric.parse(plan.metric).label(lang)
    except ValueError:
        name = plan.metric
    where = gettext(N_("measured under Outcomes from the teams' deployments"), lang)
    return f"{name}, {where}"


def finding_text(finding: Finding, lang: str) -> str:
    template = MESSAGES.get(finding.code)
    if template is None:
        return finding.code
    return gettext(template, lang).format(**finding.params)


def verdict_text(evaluation: Evaluation, lang: str) -> str:
    return gettext(VERDICTS[evaluation.verdict], lang)


def effect_text(evaluation: Evaluation, lang: str) -> str:
    if evaluation.effect is None or evaluation.ci_low is None or evaluation.ci_high is None:
        return "–"
    return gettext(N_("{effect} (95 % interval {low} to {high})"), lang).format(
        effect=format_number(evaluation.effect, lang, 1),
        low=format_number(evaluation.ci_low, lang, 1),
        high=format_number(evaluation.ci_high, lang, 1),
    )


def evaluation_json(pilot: Pilot, evaluation: Evaluation, lang: str = "en") -> dict[str, Any]:
    """The `pilot evaluate --json` document."""
    return {
        "id": pilot.id,
        "name": pilot.plan.name,
        "metric": pilot.plan.metric,
        "method": evaluation.method.value,
        "effect": evaluation.effect,
        "ci_low": evaluation.ci_low,
        "ci_high": evaluation.ci_high,
        "p_value": evaluation.p_value,
        "permutation_p": evaluation.permutation_p,
        "verdict": evaluation.verdict.value,
        "verdict_text": verdict_text(evaluation, lang),
        "reasons": [
            {"code": r.code, "params": r.params, "text": finding_text(r, lang)}
            for r in evaluation.reasons
        ],
        "threats": [
            {"code": t.code, "params": t.params, "text": finding_text(t, lang)}
            for t in evaluation.threats
        ],
        "pre_points": evaluation.pre_points,
        "post_points": evaluation.post_points,
        "median_change": evaluation.median_change,
        "median_ci_low": evaluation.median_ci_low,
        "median_ci_high": evaluation.median_ci_high,
    }


def series_chart(series: ChartSeries, lang: str, pilot_name: str, comparison_name: str) -> str:
    """Both series as lines with the pilot's start marked, as an accessible SVG."""
    rows: list[dict[str, Any]] = [
        {"period": p, "value": v, "series": pilot_name}
        for p, v in zip(series.periods, series.pilot, strict=True)
    ]
    rows += [
        {"period": p, "value": v, "series": comparison_name}
        for p, v in zip(series.periods, series.comparison, strict=True)
        if v is not None
    ]
    title = gettext(N_("The pilot team and the comparison teams, period by period"), lang)
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "description": gettext(
            N_("The vertical line marks the pilot's start; the table below holds the figures."),
            lang,
        ),
        "width": 640,
        "height": 260,
        "layer": [
            {
                "data": {"values": rows},
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "x": {
                        "field": "period",
                        "type": "temporal",
                        "title": gettext(N_("Period"), lang),
                    },
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": gettext(N_("Value"), lang),
                    },
                    "color": {"field": "series", "type": "nominal", "title": None},
                    "strokeDash": {"field": "series", "type": "nominal"},
                },
            },
            {
                "data": {"values": [{"start": series.post_start.isoformat()}]},
                "mark": {"type": "rule", "color": "#000", "strokeWidth": 2},
                "encoding": {"x": {"field": "start", "type": "temporal"}},
            },
        ],
    }
    return charts.to_svg(spec, lang)
