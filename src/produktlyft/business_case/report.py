"""The business case's section of the leadership report: the demo's (or the newest) case with
its key figures, the NPV distribution and the tornado."""

from __future__ import annotations

from produktlyft.business_case.presenter import (
    distribution_figure,
    headline,
    method_note,
    summary_text,
    tornado_figure,
)
from produktlyft.business_case.service import case_analysis, list_cases
from produktlyft.kernel.access import Permission
from produktlyft.kernel.i18n import N_, gettext
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent


def business_case(rc: ReportContext) -> SectionContent | None:
    """None (no section) when there is no case or the reader may not see it."""
    if not rc.service.actor.can(Permission.READ):
        return None
    cases = list_cases(rc.service)
    if not cases:
        return None
    result = case_analysis(rc.service, cases[-1].id)
    lang = rc.lang
    return SectionContent(
        gettext(N_("Business case"), lang),
        paragraphs=[summary_text(result, lang)],
        items=[f"{label}: {value}" for label, value in headline(result, lang)],
        figures=[distribution_figure(result, lang), tornado_figure(result, lang)],
        method=[method_note(result, lang)],
    )


SECTIONS = (Section("business_case", 230, business_case),)
