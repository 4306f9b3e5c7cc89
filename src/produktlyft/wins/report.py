"""The wins' part of the leadership report: what has been published."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.i18n import N_, gettext
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent
from produktlyft.wins.model import Status
from produktlyft.wins.service import list_wins


def wins(rc: ReportContext) -> SectionContent | None:
    if not rc.service.actor.can(Permission.READ):
        return None
    published = list_wins(rc.service, Status.APPROVED)
    if not published:
        return None
    return SectionContent(
        gettext(N_("Published wins"), rc.lang),
        paragraphs=[f"{w.title}: {w.outcome} ({w.team}, {w.day.isoformat()})" for w in published],
    )


SECTIONS = (Section("wins", 830, wins, part_of="outcomes"),)
