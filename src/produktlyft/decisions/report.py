"""The decision register's section of the leadership report: how recommendations flow to a
decision, what waits too long, and the median time to decision per level. It follows the
culture section, which it used to close."""

from __future__ import annotations

from produktlyft.decisions.presenter import (
    method_note,
    register_paragraphs,
    time_to_decision_figure,
)
from produktlyft.decisions.report_texts import t
from produktlyft.decisions.service import decision_report
from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    ReportContext,
    Section,
    SectionContent,
)


def decisions(rc: ReportContext) -> SectionContent | None:
    """None (no section) when the register is empty or the reader may not see it."""
    if not rc.service.actor.can(Permission.READ):
        return None
    report = decision_report(rc.service)
    if not report.decisions:
        return None
    return SectionContent(
        t(rc.lang, "decisions"),
        paragraphs=register_paragraphs(report, rc.lang),
        figures=[time_to_decision_figure(report, rc.lang)],
        method=[method_note(report, rc.lang)],
    )


# It closes the culture section, as a part, when there is one (the surveys area's "culture").
SECTIONS = (Section("decisions", 210, decisions, part_of="culture"),)
