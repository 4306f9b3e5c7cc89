"""The culture and readiness section of the leadership report: the organisation's culture
scales over the survey rounds, and its readiness per challenge with the next steps. The words
and figures come from the presenter; the decision register has its own section
(decisions/report.py).
"""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    ReportContext,
    Section,
    SectionContent,
    StoryLine,
)
from produktlyft.surveys import presenter
from produktlyft.surveys.report_texts import t
from produktlyft.surveys.services.culture_summary import CultureSummary, culture_summary


def _summary(rc: ReportContext) -> CultureSummary | None:
    """The summary the section and the story line share, read once per report."""
    if not rc.service.actor.can(Permission.READ):
        return None
    if "culture" not in rc.cache:
        rc.cache["culture"] = culture_summary(rc.service, rc.lang)
    summary: CultureSummary = rc.cache["culture"]
    return summary


def culture(rc: ReportContext) -> SectionContent | None:
    """None (no section) when no survey round has results."""
    summary = _summary(rc)
    if summary is None or summary.round is None:
        return None
    content = SectionContent(t(rc.lang, "title"))
    content.paragraphs, parts = presenter.survey_parts(summary, rc.lang)
    content.method = presenter.method_notes(summary, rc.lang)
    content.blocks.extend(part.block() for part in parts)
    return content


def culture_story(rc: ReportContext) -> str | None:
    summary = _summary(rc)
    return None if summary is None else presenter.culture_story(summary, rc.lang)


SECTIONS = (Section("culture", 200, culture),)
STORY_LINES = (StoryLine("culture", 200, culture_story),)
