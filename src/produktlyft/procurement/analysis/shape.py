"""Rules 3 and 4: the slice's shape (one team, a few months, a measurable outcome, a go/no-go
point) and its exit (clause, notice, open data, knowledge transfer)."""

from __future__ import annotations

from produktlyft.procurement.analysis.checks import figure, months
from produktlyft.procurement.model import Check, Result, RulePack, Slice


def _teams(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _measurable(criterion: str) -> bool:
    """A criterion is measurable when it names a figure (a number, a share, a date)."""
    return any(ch.isdigit() for ch in criterion)


def check_shape(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 3: one team, at most 3–6 months, an outcome with a measurable success criterion,
    a go/no-go point."""
    source = pack.source("slice_preferred_months", "slice_max_months")
    checks: list[Check] = []
    teams = _teams(s.team)
    if len(teams) > 1:
        checks.append(
            Check(
                rule="shape.team",
                result=Result.WARN,
                reason="shape_many_teams",
                params={"teams": str(len(teams))},
                source=source,
            )
        )
    else:
        checks.append(
            Check(rule="shape.team", result=Result.PASS, reason="shape_one_team", source=source)
        )
    length = months(s)
    preferred, longest = pack.number("slice_preferred_months"), pack.number("slice_max_months")
    params = {"months": figure(length), "preferred": figure(preferred), "limit": figure(longest)}
    if length > longest:
        checks.append(
            Check(
                rule="shape.length",
                result=Result.FAIL,
                reason="shape_too_long",
                params=params,
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="shape.length",
                result=Result.PASS,
                reason="shape_length_ok",
                params=params,
                source=source,
            )
        )
    if not s.outcome:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.FAIL, reason="shape_no_outcome", source=source
            )
        )
    elif not s.success_criterion:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.FAIL, reason="shape_no_criterion", source=source
            )
        )
    elif not _measurable(s.success_criterion):
        checks.append(
            Check(
                rule="shape.outcome",
                result=Result.WARN,
                reason="shape_criterion_not_measurable",
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="shape.outcome", result=Result.PASS, reason="shape_outcome_ok", source=source
            )
        )
    checks.append(
        Check(
            rule="shape.go_no_go",
            result=Result.PASS,
            reason="shape_go_no_go",
            params={"point": s.go_no_go},
            source=source,
        )
        if s.go_no_go
        else Check(
            rule="shape.go_no_go", result=Result.WARN, reason="shape_no_go_no_go", source=source
        )
    )
    return checks


def is_open_format(text: str | None, pack: RulePack) -> bool:
    if not text:
        return False
    accepted = {f.casefold() for f in pack.value("open_data_formats")}
    named = [part.strip().casefold() for part in text.replace(";", ",").split(",")]
    return bool(named) and all(part in accepted for part in named if part)


def check_exit(s: Slice, pack: RulePack) -> list[Check]:
    """Rule 4: an exit clause, notice ≤ 3 months, data returned in an open format, knowledge
    transfer."""
    source = pack.source("notice_max_months", "open_data_formats")
    checks = [
        Check(
            rule="exit.clause",
            result=Result.PASS if s.exit_clause else Result.FAIL,
            reason="exit_clause" if s.exit_clause else "exit_no_clause",
            source=source,
        )
    ]
    limit = pack.number("notice_max_months")
    if s.notice_months is None:
        checks.append(
            Check(
                rule="exit.notice",
                result=Result.WARN,
                reason="exit_notice_missing",
                params={"limit": figure(limit)},
                source=source,
            )
        )
    else:
        ok = s.notice_months <= limit
        checks.append(
            Check(
                rule="exit.notice",
                result=Result.PASS if ok else Result.FAIL,
                reason="exit_notice_ok" if ok else "exit_notice_too_long",
                params={"months": figure(s.notice_months), "limit": figure(limit)},
                source=source,
            )
        )
    formats = ", ".join(pack.value("open_data_formats"))
    if not s.data_return_format:
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.FAIL,
                reason="exit_no_format",
                params={"formats": formats},
                source=source,
            )
        )
    elif is_open_format(s.data_return_format, pack):
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.PASS,
                reason="exit_open_format",
                params={"format": s.data_return_format},
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="exit.data_format",
                result=Result.FAIL,
                reason="exit_closed_format",
                params={"format": s.data_return_format, "formats": formats},
                source=source,
            )
        )
    if s.knowledge_transfer is None:
        checks.append(
            Check(
                rule="exit.knowledge_transfer",
                result=Result.WARN,
                reason="exit_transfer_unknown",
                source=source,
            )
        )
    else:
        checks.append(
            Check(
                rule="exit.knowledge_transfer",
                result=Result.PASS if s.knowledge_transfer else Result.FAIL,
                reason="exit_transfer" if s.knowledge_transfer else "exit_no_transfer",
                source=source,
            )
        )
    return checks
