"""The leadership report's "Outcomes" section: DORA for the teams as distributions (no team
named or ranked), the key results that moved, and whether the business cases' benefits
arrived. The pilots area may add its evaluation as a part of this section
(`part_of="outcomes"`)."""

from __future__ import annotations

from produktlyft.kernel.access import Permission
from produktlyft.kernel.report.sections import ReportContext, Section, SectionContent
from produktlyft.outcomes.presenter.benefits import benefit_lines, benefit_summary
from produktlyft.outcomes.presenter.report_text import (
    distribution_lines,
    key_result_lines,
    key_result_summary,
    method_note,
)
from produktlyft.outcomes.service import (
    benefit_follow_up,
    known_teams,
    list_key_results,
    organisation_distributions,
    outcome_settings,
)
from produktlyft.outcomes.texts import t


def outcomes(rc: ReportContext) -> SectionContent | None:
    """None when the reader may not read, or there is nothing measured yet."""
    if not rc.service.actor.can(Permission.READ):
        return None
    distributions = organisation_distributions(rc.service)
    statuses = list_key_results(rc.service)
    benefits = benefit_follow_up(rc.service)
    if not statuses and not benefits and not any(d.values for d in distributions):
        return None
    paragraphs = []
    items: list[str] = []
    teams = max((len(d.values) for d in distributions), default=0)
    if teams:
        paragraphs.append(t(rc.lang, "section.dora", teams=teams))
        items.extend(distribution_lines(distributions, rc.lang))
    if statuses:
        paragraphs.append(key_result_summary(statuses, rc.lang))
        items.extend(key_result_lines(statuses, rc.lang, known_teams(rc.service)))
    if benefits:
        paragraphs.append(benefit_summary(benefits, rc.lang))
        items.extend(benefit_lines(benefits, rc.lang))
    settings = outcome_settings(rc.service)
    return SectionContent(
        t(rc.lang, "section"),
        paragraphs=paragraphs,
        items=items,
        method=[method_note(settings.incident_window_days, rc.lang)],
    )


SECTIONS = (Section("outcomes", 300, outcomes),)
