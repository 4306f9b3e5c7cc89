"""Checks on a case before it is saved, each issue naming the field (the line and which end of
its range), so a form can show the message beside the input and nothing is written."""

from __future__ import annotations

from produktlyft.business_case.model import Case, Range
from produktlyft.kernel.errors import N_, Issue, wording


def range_issues(spread: Range, field: str, *, multiplier: bool) -> list[Issue]:
    issues = []
    if spread.low > spread.high:
        issues.append(
            Issue.worded(
                wording(
                    N_("the low value {low} is above the high value {high}"),
                    low=spread.low,
                    high=spread.high,
                ),
                column=f"{field}.low",
            )
        )
    elif not spread.low <= spread.mode <= spread.high:
        issues.append(
            Issue.worded(
                wording(N_("the most likely value {mode} is outside the range"), mode=spread.mode),
                column=f"{field}.mode",
            )
        )
    if spread.low < 0:
        message = (
            N_("a multiplier cannot be negative")
            if multiplier
            else N_("a delay cannot be negative")
        )
        issues.append(Issue.worded(wording(message), column=f"{field}.low"))
    return issues


def case_issues(case: Case) -> list[Issue]:
    """Every range well ordered and non-negative; option and line ids unique."""
    issues = range_issues(case.delay, "delay", multiplier=False)
    for category, uplift in sorted(case.optimism_bias.items()):
        if uplift < 0:
            issues.append(
                Issue.worded(
                    wording(N_("an optimism bias uplift cannot be negative")),
                    column=f"ob.{category}",
                )
            )
    seen_options: set[str] = set()
    for option in case.options:
        if option.id in seen_options:
            issues.append(
                Issue.worded(
                    wording(N_("option id '{id}' is used twice"), id=option.id), column="options"
                )
            )
        seen_options.add(option.id)
        seen_lines: set[str] = set()
        for line in option.lines:
            if line.id in seen_lines:
                issues.append(
                    Issue.worded(
                        wording(N_("line id '{id}' is used twice"), id=line.id),
                        column=f"{option.id}.lines",
                    )
                )
            seen_lines.add(line.id)
            issues += range_issues(line.range, line.id, multiplier=True)
    if case.preferred_option and case.preferred_option not in seen_options:
        issues.append(
            Issue.worded(
                wording(N_("there is no option '{id}'"), id=case.preferred_option),
                column="preferred_option",
            )
        )
    return issues
