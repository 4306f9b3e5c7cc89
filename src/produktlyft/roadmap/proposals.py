"""What the review found, gathered for the propose rules (`analysis.propose`).

Reads the latest review run through the review's services, confirmed duplicate decisions,
workflow findings through the workflows' services and the systems and teams from the
inventory; turns them into the rules' plain inputs. No rule lives here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from produktlyft.inventory.model import System, Team, Technology
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.kernel.context import ServiceContext
from produktlyft.review.model import Decision
from produktlyft.review.results import ReviewRun, TechnologyRow
from produktlyft.review.services.duplicates import list_decisions
from produktlyft.review.services.run import latest_review
from produktlyft.roadmap.analysis.propose import (
    DuplicateGroup,
    EolGroup,
    Findings,
    RankedSystem,
    WorkflowFinding,
)

SOON_MONTHS = 18  # technology reaching its end of life within this is proposed for upgrade


def _teams_by_system(teams: Sequence[Team]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for team in teams:
        for system in team.system_ids:
            found.setdefault(system, []).append(team.id)
    return {system: tuple(sorted(ids)) for system, ids in found.items()}


def _ranked(
    run: ReviewRun,
    systems: Mapping[str, System],
    teams: Mapping[str, tuple[str, ...]],
    pain: Mapping[str, float],
) -> list[RankedSystem]:
    ranked = []
    for result in run.systems:
        system = systems.get(result.system_id)
        eol = result.fact("eol_months")
        unsupported = (
            (eol.detail or "?")
            if eol and isinstance(eol.value, int | float) and eol.value <= 0
            else None
        )
        ranked.append(
            RankedSystem(
                system_id=result.system_id,
                name=result.name,
                rank=result.rank,
                reasons=tuple(r.code.value for r in result.reasons or []),
                annual_cost=result.annual_cost,
                users=system.users if system else None,
                criticality=system.criticality.value if system and system.criticality else None,
                unsupported_component=unsupported,
                workflow_days_per_year=pain.get(result.system_id, 0.0),
                confidence=result.confidence,
                capability_ids=tuple(c.capability_id for c in system.capabilities)
                if system
                else (),
                teams=teams.get(result.system_id, ()),
            )
        )
    return ranked


def _clusters(pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of systems joined by confirmed duplicate pairs."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for node in list(parent):
        groups.setdefault(root(node), []).append(node)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _eol_groups(
    rows: Sequence[TechnologyRow],
    systems: Sequence[System],
    costs: Mapping[str, float | None],
    teams: Mapping[str, tuple[str, ...]],
    technologies: Mapping[str, Technology],
) -> list[EolGroup]:
    users: dict[str, list[str]] = {}
    for system in systems:
        for tech in system.technology_ids:
            users.setdefault(tech, []).append(system.id)
    grouped: dict[str, list[TechnologyRow]] = {}
    for row in rows:
        soon = row.months_to_eol is not None and row.months_to_eol <= SOON_MONTHS
        if row.eol_passed or soon:
            key = f"{row.product}:{row.cycle}" if row.product else row.id
            grouped.setdefault(key, []).append(row)
    groups = []
    for key, members in sorted(grouped.items()):
        ids = sorted({s for m in members for s in users.get(m.id, [])})
        dates = sorted(date.fromisoformat(m.eol) for m in members if m.eol)
        first = members[0]
        known = technologies.get(first.id)
        version = first.version or (known.version if known else None)
        label = " ".join(p for p in (first.name, version) if p)
        groups.append(
            EolGroup(
                key=key,
                name=label,
                end_of_support=dates[0] if dates else None,
                passed=any(m.eol_passed for m in members),
                systems=tuple(ids),
                annual_cost=sum(costs.get(s) or 0.0 for s in ids),
                teams=tuple(sorted({t for s in ids for t in teams.get(s, ())})),
            )
        )
    return groups


def _workflow_findings(
    ctx: ServiceContext, lang: str, teams: Mapping[str, tuple[str, ...]]
) -> list[WorkflowFinding]:
    from produktlyft.workflows.presenter import finding_title
    from produktlyft.workflows.services.analysis import analyse_event_log
    from produktlyft.workflows.services.logs import list_event_logs

    found = []
    for info in list_event_logs(ctx):
        result = analyse_event_log(ctx, info.name)
        for finding in result.findings:
            systems = tuple(result.finding_systems(finding))
            found.append(
                WorkflowFinding(
                    key=f"{info.name}:{finding.kind}:{'|'.join(finding.activities)}",
                    title=finding_title(finding, lang),
                    citizen_days_per_year=finding.citizen_days_per_year,
                    system_ids=systems,
                    teams=tuple(sorted({t for s in systems for t in teams.get(s, ())})),
                )
            )
    return found


def confirmed_clusters(ctx: ServiceContext) -> list[list[str]]:
    """Groups of systems joined by pairs confirmed as duplicates."""
    confirmed = [
        (d.system_a, d.system_b) for d in list_decisions(ctx) if d.decision is Decision.CONFIRM
    ]
    return _clusters(confirmed)


def gather_findings(ctx: ServiceContext) -> Findings:
    """The latest review's findings as the propose rules take them (raises NotFound before
    the first review)."""
    from produktlyft.workflows.services.analysis import workflow_pain_by_system

    run = latest_review(ctx, with_results=True)
    with ctx.database.reading() as uow:
        inventory = uow.repo(InventoryRepository)
        systems = [s for s in inventory.load("systems") if isinstance(s, System)]
        team_rows = [t for t in inventory.load("teams") if isinstance(t, Team)]
        techs = {t.id: t for t in inventory.load("technologies") if isinstance(t, Technology)}
    by_id = {s.id: s for s in systems}
    teams = _teams_by_system(team_rows)
    costs = {r.system_id: r.annual_cost for r in run.systems}
    names = {r.system_id: r.name for r in run.systems}
    duplicates = [
        DuplicateGroup(tuple((s, names.get(s, s), costs.get(s)) for s in group))
        for group in confirmed_clusters(ctx)
    ]
    lang = ctx.settings.default_language
    return Findings(
        run_id=str(run.id),
        systems=_ranked(run, by_id, teams, workflow_pain_by_system(ctx)),
        duplicates=duplicates,
        eol_groups=_eol_groups(run.details.technologies, systems, costs, teams, techs),
        workflows=_workflow_findings(ctx, lang, teams),
    )
