"""The workflow analysis section of the leadership report: per stored event log, the ranked
findings with example cases and the systems behind them, and the process map."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    Figure,
    ReportContext,
    Section,
    SectionContent,
    Table,
)
from produktlyft.review.analysis.phrases import number
from produktlyft.workflows.analysis.process_map import MapSettings
from produktlyft.workflows.process_map_svg import duration_text, render_svg
from produktlyft.workflows.report_texts import t
from produktlyft.workflows.services.analysis import WorkflowAnalysis, analyse_event_log
from produktlyft.workflows.services.logs import list_event_logs

MAP = MapSettings(min_edge_share=0.05)
TOP_FINDINGS = 5
DAY = 86_400


def _findings(result: WorkflowAnalysis, lang: str, names: dict[str, str]) -> list[str]:
    items = []
    for finding in result.findings[:TOP_FINDINGS]:
        text = t(
            lang,
            "finding",
            title=finding.title(lang),
            days=number(finding.citizen_days_per_year, lang),
            examples=", ".join(finding.example_cases),
        )
        systems = [names.get(s, s) for s in result.finding_systems(finding)]
        if systems:
            text += " " + t(lang, "systems", systems=", ".join(systems))
        items.append(text)
    return items


def _map(result: WorkflowAnalysis, lang: str) -> Figure:
    process_map = result.process_map(MAP)
    shown = {(e.source, e.target) for e in process_map.edges}
    rows = [
        [
            r["source"],
            r["target"],
            number(r["count"], lang),
            duration_text(r["median_seconds"], lang),
            duration_text(r["p90_seconds"], lang),
        ]
        for r in result.dfg.to_dicts()
        if (r["source"], r["target"]) in shown
    ]
    caption = t(lang, "map", name=result.log.name, share=f"{MAP.min_edge_share:.0%}")
    table = Table(
        caption,
        [t(lang, f"col.{c}") for c in ("from", "to", "cases", "median", "p90")],
        rows,
        numeric={2, 3, 4},
    )
    return Figure(render_svg(process_map, language=lang, title=caption), table)


def workflows(rc: ReportContext) -> SectionContent | None:
    """None (no section) when no event log is stored or the reader may not see them."""
    if not rc.service.actor.can(Permission.READ):
        return None
    logs = list_event_logs(rc.service)
    if not logs:
        return None
    lang = rc.lang
    content = SectionContent(t(lang, "title"))
    for info in logs:
        result = analyse_event_log(rc.service, info.name)
        content.paragraphs.append(
            t(
                lang,
                "intro",
                name=info.name,
                events=number(result.events, lang),
                cases=number(result.cases, lang),
                first=info.first_event.date().isoformat() if info.first_event else "?",
                last=info.last_event.date().isoformat() if info.last_event else "?",
                median=duration_text(result.throughput["median_days"] * DAY, lang),
                p90=duration_text(result.throughput["p90_days"] * DAY, lang),
            )
        )
        found = _findings(result, lang, rc.names)  # readers know names
        content.paragraphs.append(t(lang, "findings") if found else t(lang, "none"))
        content.items.extend(found)
        content.figures.append(_map(result, lang))
    content.method = [t(lang, "method.engine"), t(lang, "method.savings")]
    return content


SECTIONS = (Section("workflows", 100, workflows),)
