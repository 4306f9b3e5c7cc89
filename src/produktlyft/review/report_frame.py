"""The review's part in the leadership report beyond its sections: its data, gathered once per
report run, and the report's frame (cover, appendix, the version a made report is kept by)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.report.sections import ReportContext
from produktlyft.review.report_texts import t
from produktlyft.review.services.report_data import ReportData, gather_report_data
from produktlyft.review.services.views import report_version

_DATA = "review"  # the key of the review's figures in a report run's shared data


def report_data(rc: ReportContext) -> ReportData:
    """The latest review's figures for this report run (running a review if there is none)."""
    return rc.shared(_DATA, lambda: gather_report_data(rc.service, lang=rc.lang))


def with_report_data(rc: ReportContext, data: ReportData) -> ReportContext:
    """The context with the review's figures already gathered (the overview page has them)."""
    rc.shared(_DATA, lambda: data)
    return rc


class ReviewReportFrame:
    """The report is the review's: its title, organisation, date and method appendix."""

    def prepare(self, rc: ReportContext, step: Callable[[str], None]) -> dict[str, Any]:
        step("Gathering the review")
        data = report_data(rc)
        rc.names.update({system.system_id: system.name for system in data.run.systems})
        return {
            "t": lambda key, **values: t(rc.lang, key, **values),
            "data": data,
            "organisation": data.organisation or "",
        }

    def version(self, ctx: ServiceContext) -> str | None:
        return report_version(ctx)
