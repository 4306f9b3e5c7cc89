"""The culture and readiness section of the leadership report: the organisation's culture
scales over the survey rounds, its readiness per challenge with the next steps, and how
decisions flow through the decision register.

Only the organisation as a whole is shown (services.culture_summary): teams are never listed,
let alone ranked, and a hidden result stays hidden, here and in the first page's sentence.
"""

from __future__ import annotations

from produktlyft.decisions.model import DecisionLevel
from produktlyft.decisions.service import DecisionReport
from produktlyft.kernel import charts
from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    Figure,
    Part,
    ReportContext,
    Section,
    SectionContent,
    StoryLine,
    Table,
)
from produktlyft.review.analysis.phrases import join, number, percent
from produktlyft.surveys.charts import IntervalRow, interval_chart
from produktlyft.surveys.instruments import challenge_of
from produktlyft.surveys.model import RoundStatus
from produktlyft.surveys.report_texts import t
from produktlyft.surveys.results import ScaleResult
from produktlyft.surveys.services.culture_summary import CultureSummary, culture_summary

SIGNIFICANT = 0.05
OLDEST_SHOWN = 3
CULTURE_POINTS = 7


def _summary(rc: ReportContext) -> CultureSummary | None:
    if not rc.service.actor.can(Permission.READ):
        return None
    if "culture" not in rc.cache:
        rc.cache["culture"] = culture_summary(rc.service, rc.lang)
    summary: CultureSummary = rc.cache["culture"]
    return summary


def _decimal(value: float | None, lang: str, decimals: int = 1) -> str:
    return "–" if value is None else number(value, lang, decimals)


def _p(value: float, lang: str) -> str:
    """Two significant digits, so 0.048 does not read as 0.05."""
    text = f"{value:.2g}" if value >= 0.001 else "< 0.001"
    return text.replace(".", ",") if lang == "sv" else text


def _interval(scale: ScaleResult, lang: str) -> str:
    if scale.ci_low is None or scale.ci_high is None:
        return "–"
    return f"{_decimal(scale.ci_low, lang)}–{_decimal(scale.ci_high, lang)}"


def _alpha(scale: ScaleResult, lang: str) -> str:
    text = _decimal(scale.alpha, lang, 2)
    return f"{text} {t(lang, 'low_alpha')}" if scale.alpha_low else text


def _shown(scale: ScaleResult | None) -> bool:
    return scale is not None and not scale.suppressed and scale.mean is not None


def _culture_figure(summary: CultureSummary, lang: str) -> Figure | None:
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
        t(lang, "scales"), chart_rows, CULTURE_POINTS, t(lang, "col.mean"), label_limit=320
    )
    headers = [t(lang, f"col.{c}") for c in ("scale", "round", "n", "mean", "interval", "alpha")]
    svg = charts.with_accessible_name(chart.svg, chart.title, t(lang, "scales.text"))
    return Figure(svg, Table(t(lang, "scales"), headers, rows, numeric={2, 3, 4, 5}))


def _changes(summary: CultureSummary, lang: str) -> list[str]:
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


def _readiness_figure(summary: CultureSummary, lang: str) -> Figure | None:
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
        t(lang, "readiness"), chart_rows, points, t(lang, "col.mean"), label_limit=320
    )
    headers = [t(lang, f"col.{c}") for c in ("challenge", "n", "mean", "interval", "weakest")]
    svg = charts.with_accessible_name(chart.svg, chart.title, t(lang, "readiness.text"))
    return Figure(svg, Table(t(lang, "readiness"), headers, rows, numeric={1, 2, 3}))


def _steps(summary: CultureSummary, lang: str) -> list[str]:
    return [
        t(
            lang,
            "step",
            advice=step.advice,
            because=join(
                [f"«{item.text}» ({_decimal(item.mean, lang)})" for item in step.because], lang
            ),
        )
        for step in summary.next_steps
    ]


def _days(value: float | None, lang: str) -> str:
    return (
        t(lang, "not_reached") if value is None else t(lang, "days", days=_decimal(value, lang, 0))
    )


def _decision_paragraphs(report: DecisionReport, lang: str) -> list[str]:
    overall = report.overall
    paragraphs = [
        t(
            lang,
            "decisions.text",
            proposed=overall.proposed,
            decided=overall.decided,
            median=_days(overall.median_days, lang),
            km=_days(overall.km_median_days, lang),
            in_team=percent(overall.share_decided_in_team or 0.0, lang),
        )
    ]
    if overall.old_enough:
        paragraphs.append(
            t(
                lang,
                "decisions.vanished",
                vanished=overall.vanished,
                old=overall.old_enough,
                days=report.undecided_after_days,
                share=percent(overall.share_vanished or 0.0, lang),
            )
        )
    if report.gap.escalated_within_mandate:
        paragraphs.append(t(lang, "decisions.gap", count=len(report.gap.escalated_within_mandate)))
    if report.vanished:
        oldest = [
            t(
                lang,
                "decisions.item",
                title=d.title,
                level=d.level.label(lang),
                date=d.proposed_on.isoformat(),
            )
            for d in report.vanished[:OLDEST_SHOWN]
        ]
        paragraphs.append(t(lang, "decisions.oldest", items="; ".join(oldest)))
    return paragraphs


def _decision_figure(report: DecisionReport, lang: str) -> Figure:
    levels = [(level, report.levels[level]) for level in DecisionLevel if level in report.levels]
    chart_rows = [
        {"level": level.label(lang), "days": round(m.median_days, 1)}
        for level, m in levels
        if m.median_days is not None
    ]
    spec = charts.bar_chart(
        chart_rows,
        category="level",
        value="days",
        title=t(lang, "decisions.chart"),
        description=t(lang, "decisions.chart.text"),
        category_title=t(lang, "col.level"),
        value_title=t(lang, "col.days"),
        sort_descending=False,
    )
    days = report.undecided_after_days
    rows = [
        [
            level.label(lang),
            m.proposed,
            m.decided,
            _decimal(m.median_days, lang, 0),
            f"{m.vanished} / {m.old_enough}" if m.old_enough else "–",
        ]
        for level, m in levels
    ]
    headers = [
        t(lang, "col.level"),
        t(lang, "col.proposed"),
        t(lang, "col.decided"),
        t(lang, "col.median"),
        t(lang, "col.vanished", days=days),
    ]
    return Figure(
        charts.to_svg(spec), Table(t(lang, "decisions.chart"), headers, rows, numeric={1, 2, 3, 4})
    )


def _survey_parts(summary: CultureSummary, lang: str) -> tuple[list[str], list[Part]]:
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
    figure = _culture_figure(summary, lang)
    if figure:
        changes = _changes(summary, lang)
        parts.append(
            Part(
                t(lang, "part.culture"),
                [t(lang, "scales.text"), " ".join(changes) if changes else t(lang, "no_change")],
                [figure],
            )
        )
    readiness = _readiness_figure(summary, lang)
    if readiness:
        steps = _steps(summary, lang)
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


def culture(rc: ReportContext) -> SectionContent | None:
    """None (no section) when there is neither a survey with results nor a decision register."""
    summary = _summary(rc)
    if summary is None or (summary.round is None and summary.decisions is None):
        return None
    lang = rc.lang
    content = SectionContent(t(lang, "title"))
    parts: list[Part] = []
    if summary.round is not None:
        content.paragraphs, parts = _survey_parts(summary, lang)
        content.method.extend(
            [
                t(lang, "method.instruments"),
                t(lang, "method.scales"),
                t(lang, "method.anonymity", k=summary.round.min_group),
            ]
        )
    if summary.decisions is not None:
        parts.append(
            Part(
                t(lang, "decisions"),
                _decision_paragraphs(summary.decisions, lang),
                [_decision_figure(summary.decisions, lang)],
            )
        )
        content.method.append(t(lang, "method.decisions", date=summary.decisions.as_of.isoformat()))
    content.blocks.extend(part.block() for part in parts)
    return content


def culture_story(rc: ReportContext) -> str | None:
    """One sentence for the first page, when the organisation's results can be shown."""
    summary = _summary(rc)
    if summary is None or summary.respondents is None:
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
        rc.lang,
        "story",
        round=summary.round_title,
        answers=summary.respondents,
        westrum=_decimal(westrum.mean, rc.lang),
        safety=_decimal(safety.mean, rc.lang),
        challenge=challenge.label(rc.lang),
    )


SECTIONS = (Section("culture", 200, culture),)
STORY_LINES = (StoryLine("culture", 200, culture_story),)
