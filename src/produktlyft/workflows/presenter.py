"""Workflow analyses in words and pictures: the one place that turns a `WorkflowAnalysis` into
what the analysis page and the report's workflow section show. The process map is drawn here
for both, so the page and the report cannot draw it differently."""

from __future__ import annotations

from typing import Any

import polars as pl

from produktlyft.kernel.i18n import N_, format_number, format_percent, gettext
from produktlyft.kernel.report.sections import Figure, Table
from produktlyft.workflows.analysis.findings import Code, Finding, FindingParam
from produktlyft.workflows.analysis.process_map import ProcessMap
from produktlyft.workflows.model import EventLogInfo, MapSettings
from produktlyft.workflows.process_map_svg import duration_text, render_svg
from produktlyft.workflows.report_texts import t
from produktlyft.workflows.services.analysis import WorkflowAnalysis

REPORT_MAP = MapSettings(min_edge_share=0.05)  # the report's map: edges taken by 5 % of cases
TOP_FINDINGS = 5
DAY = 86_400


FINDING_WORDS = {  # English ids; Swedish in workflows.po
    Code.LOOP_MEDIAN: N_(
        "«{activity}» is repeated in {share} of cases and adds a median of {days} days"
    ),
    Code.LOOP_MEAN: N_(
        "«{activity}» is repeated in {share} of cases and adds {days} days on average"
    ),
    Code.WAIT: N_(
        "Between «{source}» and «{target}», {share} of cases wait more than a day, a median of "
        "{days} days"
    ),
    Code.UNIT_HANDOFF: N_(
        "When work passes from {origin} to {destination}, {share} of cases wait more than a "
        "day, a median of {days} days"
    ),
    Code.PERSON_HANDOFF: N_(
        "{share} of steps pass the case to another person; those steps wait a median of {days} "
        "days, against {other_days} when the same person goes on"
    ),
}
UNKNOWN_UNIT = N_("an unknown unit")
MAP_LEGENDS = {  # what the process map's arrows show, by MapSettings.label
    "frequency": N_(
        "Arrow thickness and labels: the number of times one activity directly follows the other."
    ),
    "waiting": N_(
        "Arrow thickness and labels: the median waiting time between the two activities "
        "(d days, h hours, min minutes)."
    ),
}


def days(value: float, lang: str) -> str:
    """Days as the findings say them: one decimal below ten ('3,5'), whole days above."""
    return format_number(value, lang, 0 if value >= 10 else 1)


def _finding_value(key: str, value: FindingParam, lang: str) -> str:
    """One parameter of a finding in the reader's words and number format."""
    if key in ("origin", "destination"):
        return gettext(UNKNOWN_UNIT, lang) if value is None else str(value)
    if key == "share":
        return format_percent(float(value or 0.0), lang)
    if key in ("days", "other_days"):
        return days(float(value or 0.0), lang)
    return str(value)


def finding_title(finding: Finding, lang: str) -> str:
    """The finding in one sentence in the reader's language, worded now from its code and
    parameters; a finding stored before findings had codes keeps the words it was stored with."""
    message = FINDING_WORDS.get(finding.code or "")
    if message is None:
        return finding.stored_title
    values = {key: _finding_value(key, value, lang) for key, value in finding.params.items()}
    return gettext(message, lang).format(**values)


def duration(seconds: float, lang: str) -> str:
    """A duration in the largest fitting unit: '3,5 d', '40 min'."""
    return duration_text(seconds, lang)


def map_legend(label: str, lang: str) -> str:
    """What the map's arrows show: how often a step is taken, or how long it waits."""
    return gettext(MAP_LEGENDS.get(label, MAP_LEGENDS["frequency"]), lang)


def process_map_svg(
    process_map: ProcessMap, lang: str, title: str, label: str = "frequency"
) -> str:
    """The process map as SVG; `label` says what the edges show (frequency or waiting)."""
    legend = map_legend(label, lang)
    return render_svg(process_map, label=label, language=lang, title=title, legend=legend)


def page_map_title(result: WorkflowAnalysis, process_map: ProcessMap) -> str:
    """The page's map title: the log's name with the number of activities and edges shown."""
    return f"{result.log.name}: {len(process_map.nodes)} / {len(process_map.edges)}"


def log_intro(info: EventLogInfo, result: WorkflowAnalysis, lang: str) -> str:
    """What the log holds and how long its cases take."""
    return t(
        lang,
        "intro",
        name=info.name,
        events=format_number(result.events, lang),
        cases=format_number(result.cases, lang),
        first=info.first_event.date().isoformat() if info.first_event else "?",
        last=info.last_event.date().isoformat() if info.last_event else "?",
        median=duration(result.throughput["median_days"] * DAY, lang),
        p90=duration(result.throughput["p90_days"] * DAY, lang),
    )


def finding_items(result: WorkflowAnalysis, lang: str, names: dict[str, str]) -> list[str]:
    """The top findings, each with its citizen days, example cases and the systems behind it
    (`names`: system id -> name, for readers who may see them)."""
    items = []
    for finding in result.findings[:TOP_FINDINGS]:
        text = t(
            lang,
            "finding",
            title=finding_title(finding, lang),
            days=format_number(finding.citizen_days_per_year, lang),
            examples=", ".join(finding.example_cases),
        )
        systems = [names.get(s, s) for s in result.finding_systems(finding)]
        if systems:
            text += " " + t(lang, "systems", systems=", ".join(systems))
        items.append(text)
    return items


def findings_lead(items: list[str], lang: str) -> str:
    return t(lang, "findings") if items else t(lang, "none")


def process_map_figure(result: WorkflowAnalysis, lang: str) -> Figure:
    """The report's process map, with its edges as a table beside it."""
    process_map = result.process_map(REPORT_MAP)
    shown = {(e.source, e.target) for e in process_map.edges}
    rows = [
        [
            r["source"],
            r["target"],
            format_number(r["count"], lang),
            duration(r["median_seconds"], lang),
            duration(r["p90_seconds"], lang),
        ]
        for r in result.dfg.to_dicts()
        if (r["source"], r["target"]) in shown
    ]
    caption = t(lang, "map", name=result.log.name, share=f"{REPORT_MAP.min_edge_share:.0%}")
    table = Table(
        caption,
        [t(lang, f"col.{c}") for c in ("from", "to", "cases", "median", "p90")],
        rows,
        numeric={2, 3, 4},
    )
    return Figure(process_map_svg(process_map, lang, caption, REPORT_MAP.label), table)


def method_notes(lang: str) -> list[str]:
    return [t(lang, "method.engine"), t(lang, "method.savings")]


def title(lang: str) -> str:
    return t(lang, "title")


def analysis_json(result: WorkflowAnalysis, language: str = "en") -> dict[str, Any]:
    """The analysis as plain JSON-ready data (the `analyse --json` file), its findings worded
    in `language`."""

    def rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
        return frame.to_dicts()

    return {
        "log": result.log.model_dump(mode="json"),
        "filter": {k: v for k, v in result.filter.__dict__.items() if v not in (None, ())},
        "events": result.events,
        "cases": result.cases,
        "dfg": rows(result.dfg),
        "start_activities": result.start_activities,
        "end_activities": result.end_activities,
        "activity_counts": result.activity_counts,
        "variants": rows(result.variants),
        "case_durations_seconds": dict(result.case_durations.iter_rows()),
        "throughput_days": result.throughput,
        "waiting_per_activity": rows(result.waiting),
        "unit_handoffs": rows(result.unit_handoffs),
        "resource_handoffs": rows(result.resource_handoffs.head(100)),
        "rework": rows(result.rework),
        "loops_back": rows(result.loops_back),
        "bottlenecks": rows(result.bottlenecks),
        "arrivals_and_wip": [
            {**r, "period": r["period"].isoformat()} for r in rows(result.arrivals)
        ],
        "findings": [finding_json(result, f, language) for f in result.findings],
    }


def finding_json(result: WorkflowAnalysis, finding: Finding, language: str) -> dict[str, Any]:
    """A finding as data: its code and parameters, and worded in the asked language (`title`)
    and in both (`title_en`, `title_sv`, as the file has always held)."""
    return {
        "title": finding_title(finding, language),
        "title_en": finding_title(finding, "en"),
        "title_sv": finding_title(finding, "sv"),
        "code": finding.code,
        "params": dict(finding.params),
        "kind": finding.kind,
        "citizen_days_per_year": round(finding.citizen_days_per_year, 1),
        "cases": finding.cases,
        "share_of_cases": finding.share_of_cases,
        "median_days": finding.median_days,
        "activities": list(finding.activities),
        "systems": result.finding_systems(finding),
        "example_cases": list(finding.example_cases),
        "timelines": {
            case: [
                {
                    "activity": e.activity,
                    "at": e.at.isoformat(),
                    "resource": e.resource,
                    "unit": e.unit,
                }
                for e in events
            ]
            for case, events in finding.timelines.items()
        },
    }
