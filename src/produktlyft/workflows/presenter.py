"""Workflow analyses in words and pictures: the one place that turns a `WorkflowAnalysis` into
what the analysis page and the report's workflow section show. The process map is drawn here
for both, so the page and the report cannot draw it differently."""

from __future__ import annotations

from produktlyft.kernel.i18n import format_number
from produktlyft.kernel.report.sections import Figure, Table
from produktlyft.workflows.analysis.process_map import ProcessMap
from produktlyft.workflows.model import EventLogInfo, MapSettings
from produktlyft.workflows.process_map_svg import duration_text, render_svg
from produktlyft.workflows.report_texts import t
from produktlyft.workflows.services.analysis import WorkflowAnalysis

REPORT_MAP = MapSettings(min_edge_share=0.05)  # the report's map: edges taken by 5 % of cases
TOP_FINDINGS = 5
DAY = 86_400


def duration(seconds: float, lang: str) -> str:
    """A duration in the largest fitting unit: '3,5 d', '40 min'."""
    return duration_text(seconds, lang)


def process_map_svg(
    process_map: ProcessMap, lang: str, title: str, label: str = "frequency"
) -> str:
    """The process map as SVG; `label` says what the edges show (frequency or duration)."""
    return render_svg(process_map, label=label, language=lang, title=title)


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
            title=finding.title(lang),
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
