"""The decision register in words, figures and JSON: the one place that turns a
`DecisionReport` into what the report section and the CLI show."""

from __future__ import annotations

from typing import Any

from produktlyft.decisions.analysis.measures import Measures
from produktlyft.decisions.model import DecisionLevel
from produktlyft.decisions.report_texts import t
from produktlyft.decisions.service import DecisionReport
from produktlyft.kernel import charts
from produktlyft.kernel.i18n import format_number, format_percent
from produktlyft.kernel.report.sections import Figure, Table

OLDEST_SHOWN = 3


def _whole(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


def _days(value: float | None, lang: str) -> str:
    return t(lang, "not_reached") if value is None else t(lang, "days", days=_whole(value, lang))


def register_paragraphs(report: DecisionReport, lang: str) -> list[str]:
    """How decisions flow: the counts, what waits too long, and what was escalated needlessly."""
    overall = report.overall
    paragraphs = [
        t(
            lang,
            "decisions.text",
            proposed=overall.proposed,
            decided=overall.decided,
            median=_days(overall.median_days, lang),
            km=_days(overall.km_median_days, lang),
            in_team=format_percent(overall.share_decided_in_team or 0.0, lang),
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
                share=format_percent(overall.share_vanished or 0.0, lang),
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


def time_to_decision_figure(report: DecisionReport, lang: str) -> Figure:
    """Median days to decision per level as bars, with every level's counts in the table."""
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
    rows = [
        [
            level.label(lang),
            m.proposed,
            m.decided,
            _whole(m.median_days, lang),
            f"{m.vanished} / {m.old_enough}" if m.old_enough else "–",
        ]
        for level, m in levels
    ]
    headers = [
        t(lang, "col.level"),
        t(lang, "col.proposed"),
        t(lang, "col.decided"),
        t(lang, "col.median"),
        t(lang, "col.vanished", days=report.undecided_after_days),
    ]
    table = Table(t(lang, "decisions.chart"), headers, rows, numeric={1, 2, 3, 4})
    return Figure(charts.to_svg(spec, lang), table)


def method_note(report: DecisionReport, lang: str) -> str:
    return t(lang, "method.decisions", date=report.as_of.isoformat())


def _measures_json(m: Measures) -> dict[str, Any]:
    return {
        "proposed": m.proposed,
        "decided": m.decided,
        "pending": m.pending,
        "withdrawn": m.withdrawn,
        "median_days_to_decision": m.median_days,
        "km_median_days_to_decision": m.km_median_days,
        "share_decided_in_team": m.share_decided_in_team,
        "older_than_n_days": m.old_enough,
        "undecided_after_n_days": m.vanished,
        "share_undecided_after_n_days": m.share_vanished,
    }


def report_json(result: DecisionReport) -> dict[str, Any]:
    """The `decisions report --json` document."""
    return {
        "as_of": result.as_of.isoformat(),
        "n_days": result.undecided_after_days,
        "team": result.team,
        "overall": _measures_json(result.overall),
        "levels": {level.value: _measures_json(m) for level, m in result.levels.items()},
        "quarters": {q: _measures_json(m) for q, m in result.quarters.items()},
        "escalated_within_mandate": result.gap.escalated_within_mandate,
        "decided_beyond_mandate": result.gap.decided_beyond_mandate,
        "undecided": [
            {
                "id": d.id,
                "title": d.title,
                "team": d.team,
                "level": d.level.value,
                "proposed_on": d.proposed_on.isoformat(),
            }
            for d in result.vanished
        ],
    }
