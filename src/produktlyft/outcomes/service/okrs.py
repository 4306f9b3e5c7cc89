"""Key results: check a file against the output-only rules, store a team's key results (one
without a target is refused, naming the field), and list them with how far they moved."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from produktlyft.kernel.access import Permission
from produktlyft.kernel.context import ServiceContext
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.outcomes.analysis.kpis import achieved
from produktlyft.outcomes.analysis.okr import KeyResultText, OkrCheck, check
from produktlyft.outcomes.importers.okr_table import KeyResultRow, read_key_result_table
from produktlyft.outcomes.model import KeyResult, KeyResultStatus, Kpi, Metric
from produktlyft.outcomes.repository import OutcomeRepository
from produktlyft.outcomes.service.common import canonical_team, limits
from produktlyft.outcomes.service.series import team_series

_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


@dataclass(frozen=True)
class CheckedKeyResult:
    row: KeyResultRow
    check: OkrCheck


def _text(row: KeyResultRow) -> KeyResultText:
    return KeyResultText(row.text, row.metric, row.baseline, row.target, row.due)


def check_key_results(ctx: ServiceContext, path: Path) -> list[CheckedKeyResult]:
    """The verdict on each key result of a file; nothing is stored."""
    ctx.actor.require(Permission.READ)
    return [
        CheckedKeyResult(row, check(_text(row)))
        for row in read_key_result_table(path, limits(ctx), other_columns=True)
    ]


def _known_metric(key: str | None) -> bool:
    if key is None:
        return True
    if key in {m.value for m in Metric}:
        return True
    parts = key.split(":")
    return len(parts) == 3 and parts[0] == "kpi" and parts[2] in {k.value for k in Kpi}


def _validated(rows: list[KeyResultRow], where: str | None) -> list[Issue]:
    issues = []
    for row in rows:
        at = {"file": where, "row": row.row} if where else {}
        if row.target is None:
            issues.append(
                Issue.worded(
                    wording("a key result needs a target: the value it should reach"),
                    column="target",
                    **at,
                )
            )
        if not _known_metric(row.metric):
            issues.append(
                Issue.worded(
                    wording(
                        "'{metric}' is not a metric the tool measures: use one of {keys} or "
                        "kpi:<service>:<kpi>",
                        metric=row.metric,
                        keys=", ".join(m.value for m in Metric),
                    ),
                    column="metric",
                    **at,
                )
            )
        if not row.team or not row.quarter or not _QUARTER.match(row.quarter):
            field = "team" if not row.team else "quarter"
            issues.append(
                Issue.worded(wording("give the team and the quarter (2026-Q4)"), column=field, **at)
            )
    return issues


def _stable_id(row: KeyResultRow) -> str:
    key = f"{row.team}|{row.quarter}|{row.objective}|{row.text}"
    return "kr-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def save_key_results(
    ctx: ServiceContext, rows: list[KeyResultRow], where: str | None = None
) -> list[KeyResult]:
    """Store key results with their verdicts (an output-only one is kept, as rejected, with
    its reasons); any without a target, a team or a quarter stops them all."""
    ctx.actor.require(Permission.EDIT)
    ctx.database.require_current()
    issues = _validated(rows, where)
    if issues:
        raise InvalidInput(issues)
    with ctx.database.unit_of_work() as uow:
        results = []
        for row in rows:
            verdict = check(_text(row))
            results.append(
                KeyResult(
                    id=_stable_id(row),
                    team=canonical_team(uow, row.team or ""),
                    quarter=row.quarter or "",
                    objective=row.objective,
                    text=row.text,
                    metric=row.metric,
                    baseline=row.baseline,
                    target=row.target,
                    due=row.due,
                    verdict=verdict.verdict,
                    reasons=(*verdict.reasons, verdict.suggestion),
                )
            )
        uow.repo(OutcomeRepository).save_key_results(results, ctx.actor.name, ctx.today())
    return results


def import_key_results(
    ctx: ServiceContext, path: Path, *, team: str | None = None, quarter: str | None = None
) -> list[KeyResult]:
    rows = read_key_result_table(path, limits(ctx))
    filled = [
        KeyResultRow(
            r.row,
            r.objective,
            r.text,
            r.metric,
            r.baseline,
            r.target,
            r.due,
            team or r.team,
            quarter or r.quarter,
        )
        for r in rows
    ]
    return save_key_results(ctx, filled, path.name)


def stored_key_results(ctx: ServiceContext) -> list[KeyResult]:
    ctx.actor.require(Permission.READ)
    ctx.database.require_current()
    with ctx.database.reading() as uow:
        return uow.repo(OutcomeRepository).key_results()


def list_key_results(ctx: ServiceContext) -> list[KeyResultStatus]:
    """Every key result with its current value (the latest of its bound metric) and whether
    it reached its target."""
    statuses = []
    for kr in stored_key_results(ctx):
        points = team_series(ctx, kr.team, kr.metric) if kr.metric else []
        current = points[-1].value if points else None
        statuses.append(
            KeyResultStatus(
                id=kr.id,
                objective=kr.objective,
                text=kr.text,
                team=kr.team,
                quarter=kr.quarter,
                metric=kr.metric,
                baseline=kr.baseline,
                target=kr.target,
                current=current,
                achieved=achieved(kr.metric, kr.baseline, kr.target, current),
                verdict=kr.verdict.value,
            )
        )
    return statuses
