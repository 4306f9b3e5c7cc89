"""Contract slices drafted from a roadmap phase: one slice per team-run of an initiative.

An initiative the plan gives to a partner (or to either) becomes slices of at most the pack's
longest slice, back to back from the phase's start (or the initiative's earliest start), so a
long initiative becomes several slices with a go/no-go point at the end of each. The value is
the initiative's cost shared by length; all slices of one initiative serve one need, so they
are valued together. Internal-only initiatives are not bought and get no slice. The draft sets
the terms the rules ask for (exit clause, open data, agency-owned code); the buyer reviews them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from produktlyft.procurement.model import BuyerType, CodeOwnership, Route, RulePack, Slice
from produktlyft.roadmap.model import Initiative, Phase, Sourcing

DRAFT_TEXT = {
    "sv": {
        "outcome": "{name}: i drift för användarna",
        "criterion": "Användarna använder det levererade senast {end}; mål och mått fastställs "
        "vid start",
        "go": "Beslutspunkt {end}",
    },
    "en": {
        "outcome": "{name}: in use by its users",
        "criterion": "Users use what was delivered by {end}; target and measure set at the start",
        "go": "Go/no-go review {end}",
    },
}


def _add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):  # the same day of the month, or the month's last
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _runs(start: date, weeks: float, longest_months: int) -> list[tuple[date, date]]:
    """Back-to-back runs covering `weeks` of one team's work, none longer than the limit in
    calendar months."""
    remaining = max(1, round(weeks * 7))
    runs = []
    begin = start
    while remaining > 0:
        longest = (_add_months(begin, longest_months) - begin).days
        length = min(remaining, longest)
        runs.append((begin, begin + timedelta(days=length - 1)))
        begin += timedelta(days=length)
        remaining -= length
    return runs


def draft(
    phase: Phase,
    initiatives: Sequence[Initiative],
    pack: RulePack,
    *,
    buyer_type: BuyerType = BuyerType.CENTRAL,
    lang: str = "sv",
) -> list[Slice]:
    text = DRAFT_TEXT.get(lang, DRAFT_TEXT["sv"])
    longest = int(pack.number("slice_max_months"))
    slices: list[Slice] = []
    for initiative in initiatives:
        if initiative.sourcing is Sourcing.INTERNAL:
            continue
        start = max(phase.start, initiative.earliest_start or phase.start)
        runs = _runs(start, initiative.effort_weeks, longest)
        total_days = sum((end - begin).days + 1 for begin, end in runs)
        for number, (begin, end) in enumerate(runs, start=1):
            share = ((end - begin).days + 1) / total_days
            suffix = f"-{number}" if len(runs) > 1 else ""
            slices.append(
                Slice(
                    slice=f"{initiative.id}{suffix}",
                    need=initiative.name,
                    supplier=None,
                    start=begin,
                    end=end,
                    value_sek=round(initiative.cost_sek * share),
                    options_value_sek=0,
                    buyer_type=buyer_type,
                    route=Route.OPEN,
                    outcome=text["outcome"].format(name=initiative.name),
                    success_criterion=text["criterion"].format(end=end.isoformat()),
                    exit_clause=True,
                    notice_months=pack.number("notice_max_months"),
                    data_return_format="csv",
                    code_ownership=CodeOwnership.AGENCY,
                    team=initiative.teams[0] if initiative.teams else None,
                    go_no_go=text["go"].format(end=end.isoformat()),
                    knowledge_transfer=True,
                    phase_id=phase.id,
                    initiative_id=initiative.id,
                    system_ids=list(initiative.system_ids),
                )
            )
    return slices
