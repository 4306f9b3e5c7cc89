"""The workflow analysis section of the leadership report: per stored event log, the ranked
findings with example cases and the systems behind them, and the process map. The words and
the map come from the presenter."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import (
    ReportContext,
    Section,
    SectionContent,
)
from produktlyft.workflows import presenter
from produktlyft.workflows.services.analysis import analyse_event_log
from produktlyft.workflows.services.logs import list_event_logs


def workflows(rc: ReportContext) -> SectionContent | None:
    """None (no section) when no event log is stored or the reader may not see them."""
    if not rc.service.actor.can(Permission.READ):
        return None
    logs = list_event_logs(rc.service)
    if not logs:
        return None
    lang = rc.lang
    content = SectionContent(presenter.title(lang))
    for info in logs:
        result = analyse_event_log(rc.service, info.name)
        content.paragraphs.append(presenter.log_intro(info, result, lang))
        found = presenter.finding_items(result, lang, rc.names)  # readers know names
        content.paragraphs.append(presenter.findings_lead(found, lang))
        content.items.extend(found)
        content.figures.append(presenter.process_map_figure(result, lang))
    content.method = presenter.method_notes(lang)
    return content


SECTIONS = (Section("workflows", 100, workflows),)
