"""Survey results in words and charts: the one place that turns the survey services' typed
results into what the round and group pages and the report's culture section show.

Only the organisation as a whole goes into the report: teams are never listed there, let alone
ranked, and a hidden result stays hidden, in the section and in the first page's sentence.
"""

from __future__ import annotations

from produktlyft.kernel import charts, i18n
from produktlyft.kernel.errors import NotFound
from produktlyft.kernel.i18n import format_list, format_number, format_significant
from produktlyft.kernel.report.sections import Figure, Part, Table
from produktlyft.surveys.charts import IntervalChart, IntervalRow, interval_chart
from produktlyft.surveys.instruments import challenge_of
from produktlyft.surveys.model import InstrumentRef, RoundStatus, ScaleResult, SurveyReport, Trend
from produktlyft.surveys.report_texts import t
from produktlyft.surveys.services.culture_summary import CultureSummary

SIGNIFICANT = 0.05
CULTURE_POINTS = 7


def _row(label: str, scale: ScaleResult) -> IntervalRow | None:
    if scale.suppressed or scale.mean is None:
        return None
    return IntervalRow(label, scale.mean, scale.ci_low, scale.ci_high)


def round_charts(report: SurveyReport, lang: str) -> list[IntervalChart]:
    """The organisation's scales, one chart per answer scale (7 points before 5)."""
    org = report.groups[0]
    found = []
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
            found.append(
                interval_chart(
                    title, rows, points, i18n.gettext("Mean on the answer scale", lang), lang
                )
            )
    return found


def group_charts(trend: Trend, lang: str) -> list[IntervalChart]:
    """A group's own history beside the organisation, one chart per scale."""
    found = []
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
            found.append(
                interval_chart(
                    name, rows, points, i18n.gettext("Mean on the answer scale", lang), lang
                )
            )
    return found


def _decimal(value: float | None, lang: str, decimals: int = 1) -> str:
    return "–" if value is None else format_number(value, lang, decimals)


def _p(value: float, lang: str) -> str:
    """Two significant digits, so 0.048 does not read as 0.05."""
    return format_significant(value, lang) if value >= 0.001 else "< 0.001"


def _interval(scale: ScaleResult, lang: str) -> str:
    if scale.ci_low is None or scale.ci_high is None:
        return "–"
    return f"{_decimal(scale.ci_low, lang)}–{_decimal(scale.ci_high, lang)}"


def _alpha(scale: ScaleResult, lang: str) -> str:
    text = _decimal(scale.alpha, lang, 2)
    return f"{text} {t(lang, 'low_alpha')}" if scale.alpha_low else text


def _shown(scale: ScaleResult | None) -> bool:
    return scale is not None and not scale.suppressed and scale.mean is not None


def culture_figure(summary: CultureSummary, lang: str) -> Figure | None:
    """Each culture scale (not readiness) in each round, oldest round first."""
    trend = summary.organisation_trend
    points = trend.points if trend else ()
    codes = [
        s.code
        for s in summary.scales
        if challenge_of(s.code) is None and s.points == CULTURE_POINTS
    ]
    rows, chart_rows = [], []
    for code in codes:
        for point in points:
            scale = point.organisation.scales.get(code)
            if scale is None or not _shown(scale):
                continue
            assert scale.mean is not None
            when = point.closes_on.isoformat()
            chart_rows.append(
                IntervalRow(f"{scale.name}, {when}", scale.mean, scale.ci_low, scale.ci_high)
            )
            rows.append(
                [
                    scale.name,
                    when,
                    scale.n,
                    _decimal(scale.mean, lang),
                    _interval(scale, lang),
                    _alpha(scale, lang),
                ]
            )
    if not rows:
        return None
    chart = interval_chart(
        t(lang, "scales"), chart_rows, CULTURE_POINTS, t(lang, "col.mean"), lang, label_limit=320
    )
    headers = [t(lang, f"col.{c}") for c in ("scale", "round", "n", "mean", "interval", "alpha")]
    svg = charts.with_accessible_name(chart.svg, chart.title, t(lang, "scales.text"))
    return Figure(svg, Table(t(lang, "scales"), headers, rows, numeric={2, 3, 4, 5}))


def culture_changes(summary: CultureSummary, lang: str) -> list[str]:
    """One sentence per culture scale: how it moved since the round before, and whether
    that is more than chance."""
    names = {s.code: s.name for s in summary.scales}
    sentences = []
    for code, (difference, p_value) in summary.changes.items():
        if code not in names or challenge_of(code) is not None:
            continue
        direction = "change.up" if difference >= 0 else "change.down"
        what = t(lang, direction, scale=names[code], diff=_decimal(abs(difference), lang, 2))
        if p_value is None:
            sentences.append(f"{what}.")
            continue
        judgement = t(
            lang, "change.real" if p_value < SIGNIFICANT else "change.chance", p=_p(p_value, lang)
        )
        sentences.append(t(lang, "change.sentence", what=what, judgement=judgement))
    return sentences


def readiness_figure(summary: CultureSummary, lang: str) -> Figure | None:
    """The organisation's readiness per challenge, with its weakest item in the table."""
    rows, chart_rows = [], []
    for scale in summary.scales:
        challenge = challenge_of(scale.code)
        if challenge is None or not _shown(scale):
            continue
        assert scale.mean is not None
        label = challenge.label(lang).capitalize()
        chart_rows.append(IntervalRow(label, scale.mean, scale.ci_low, scale.ci_high))
        weakest = min(
            (i for i in scale.items if i.mean is not None),
            key=lambda i: i.mean or 0.0,
            default=None,
        )
        rows.append(
            [
                label,
                scale.n,
                _decimal(scale.mean, lang),
                _interval(scale, lang),
                f"{weakest.text} ({_decimal(weakest.mean, lang)})" if weakest else "–",
            ]
        )
    if not rows:
        return None
    points = next(s.points for s in summary.scales if challenge_of(s.code) is not None)
    chart = interval_chart(
        t(lang, "readiness"), chart_rows, points, t(lang, "col.mean"), lang, label_limit=320
    )
    headers = [t(lang, f"col.{c}") for c in ("challenge", "n", "mean", "interval", "weakest")]
    svg = charts.with_accessible_name(chart.svg, chart.title, t(lang, "readiness.text"))
    return Figure(svg, Table(t(lang, "readiness"), headers, rows, numeric={1, 2, 3}))


def next_steps(summary: CultureSummary, lang: str) -> list[str]:
    return [
        t(
            lang,
            "step",
            advice=step.advice,
            because=format_list(
                [f"«{item.text}» ({_decimal(item.mean, lang)})" for item in step.because], lang
            ),
        )
        for step in summary.next_steps
    ]


def survey_parts(summary: CultureSummary, lang: str) -> tuple[list[str], list[Part]]:
    """The opening paragraphs, then the culture and the readiness parts."""
    assert summary.round is not None
    if summary.respondents is None:
        return [t(lang, "intro.hidden", round=summary.round_title)], []
    opening = [
        t(
            lang,
            "intro",
            round=summary.round_title,
            date=summary.round.closes_on.isoformat(),
            answers=summary.respondents,
        )
    ]
    if summary.status is RoundStatus.OPEN:
        opening.append(t(lang, "intro.open", round=summary.round_title))
    parts = []
    figure = culture_figure(summary, lang)
    if figure:
        changes = culture_changes(summary, lang)
        parts.append(
            Part(
                t(lang, "part.culture"),
                [t(lang, "scales.text"), " ".join(changes) if changes else t(lang, "no_change")],
                [figure],
            )
        )
    readiness = readiness_figure(summary, lang)
    if readiness:
        steps = next_steps(summary, lang)
        parts.append(
            Part(
                t(lang, "readiness"),
                [t(lang, "readiness.text")],
                [readiness],
                after=[t(lang, "steps") if steps else t(lang, "no_steps")],
                items=steps,
            )
        )
    return opening, parts


def method_notes(summary: CultureSummary, lang: str) -> list[str]:
    assert summary.round is not None
    return [
        t(lang, "method.instruments"),
        t(lang, "method.scales"),
        t(lang, "method.anonymity", k=summary.round.min_group),
    ]


def culture_story(summary: CultureSummary, lang: str) -> str | None:
    """One sentence for the first page, when the organisation's results can be shown."""
    if summary.respondents is None:
        return None
    scales = {s.code: s for s in summary.scales}
    westrum, safety = scales.get("westrum"), scales.get("psych-safety")
    readiness = [s for s in summary.scales if challenge_of(s.code) is not None and _shown(s)]
    if not (_shown(westrum) and _shown(safety) and readiness):
        return None
    assert westrum is not None and safety is not None
    lowest = min(readiness, key=lambda s: s.mean or 0.0)
    challenge = challenge_of(lowest.code)
    assert challenge is not None
    return t(
        lang,
        "story",
        round=summary.round_title,
        answers=summary.respondents,
        westrum=_decimal(westrum.mean, lang),
        safety=_decimal(safety.mean, lang),
        challenge=challenge.label(lang),
    )


def instrument_names(refs: tuple[InstrumentRef, ...], lang: str) -> str:
    """A round's instruments by name in the reader's language; the code for one this version
    of produktlyft does not know."""
    names = []
    for ref in refs:
        try:
            names.append(ref.resolve().name.get(lang))
        except NotFound:
            names.append(ref.code)
    return format_list(names, lang)
