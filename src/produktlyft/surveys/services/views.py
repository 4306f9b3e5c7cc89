"""What the survey web pages show, assembled from the report services: a round's results with
the groups links can be made for, and a group's own history. The charts are drawn by the
presenter; `lang` picks which of the instruments' own wordings the results carry."""

from __future__ import annotations

from dataclasses import dataclass, field

from produktlyft.kernel.context import ServiceContext
from produktlyft.surveys.model import GroupResult, SurveyReport, Trend
from produktlyft.surveys.services.reports import group_trend, survey_report
from produktlyft.surveys.services.rounds import list_answering_groups


@dataclass
class RoundPage:
    report: SurveyReport
    scale_codes: list[str]
    answering: list[str] = field(default_factory=list)  # groups links can be made for


def round_page(ctx: ServiceContext, round_id: str, lang: str) -> RoundPage:
    """The round's report, every group in tree order, and the scales its table has columns for."""
    report = survey_report(ctx, round_id, lang=lang)
    org = report.groups[0]
    codes = [code for code in org.scales] or sorted({c for g in report.groups for c in g.scales})
    return RoundPage(report, codes, list_answering_groups(ctx, round_id))


@dataclass
class GroupPage:
    trend: Trend
    latest: GroupResult


def group_page(ctx: ServiceContext, group: str, lang: str) -> GroupPage:
    """A group's own history beside the organisation's."""
    trend = group_trend(ctx, group, lang=lang)
    return GroupPage(trend, trend.points[-1].group)
