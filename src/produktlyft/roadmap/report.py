"""The roadmap's section of the leadership report: «Här börjar vi, och sedan» — where the
plan starts, its phases, and why each initiative sits where it does."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    Figure,
    ReportContext,
    Section,
    SectionContent,
    Table,
)
from produktlyft.roadmap.presenter import gantt_svg, reason_text
from produktlyft.roadmap.report_words import (
    report_headers,
    report_paragraphs,
    report_phase_rows,
    report_silo_rows,
)
from produktlyft.roadmap.service import plan_view, silo_findings, system_names


def roadmap(rc: ReportContext) -> SectionContent | None:
    """None (no section) before the first plan, or when the reader may not see it."""
    if not rc.service.actor.can(Permission.READ):
        return None
    view = plan_view(rc.service)
    if view is None or not view.plan.items:
        return None
    words = report_headers(rc.lang)
    items = sorted(view.plan.items, key=lambda i: (i.start_week, i.initiative))
    gantt = Table(
        caption=words["gantt"],
        headers=[words["initiative"], words["team"], words["weeks"], words["why"]],
        rows=[
            [
                view.name(i.initiative),
                view.team_name(i.team),
                f"{i.start_week}–{i.finish_week}",
                reason_text(i.reason, i.reason_params, rc.lang, view.name, view.team_name),
            ]
            for i in items
        ],
    )
    phases = Table(
        caption=words["phases"],
        headers=[words["quarter"], words["delivers"], words["cost"]],
        rows=report_phase_rows(view, rc.lang),
        numeric={2},
    )
    silo = Table(
        caption=words["silo"],
        headers=[words["initiative"], words["effect"], words["reasons"]],
        rows=report_silo_rows(view, silo_findings(rc.service), system_names(rc.service), rc.lang),
    )
    return SectionContent(
        words["title"],
        paragraphs=report_paragraphs(view, rc.lang),
        figures=[Figure(gantt_svg(view, rc.lang), gantt)],
        tables=[phases, silo] if silo.rows else [phases],
        method=[words["method"]],
    )


# after the workflows (100), before culture (200): what to do about what the review found
SECTIONS = (Section("roadmap", 150, roadmap),)
