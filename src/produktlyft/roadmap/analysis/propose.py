"""Draft initiatives from the latest review: pure rules, no storage.

One draft per top-ranked system (replace or migrate), per confirmed duplicate cluster
(consolidate), per end-of-life technology group (upgrade, due at the end of support) and per
top workflow finding (fix the workflow). Each cites the finding it comes from (`FindingRef`).

Defaults a person is expected to correct (all in `Rules`, documented in docs/roadmap.md):
- **Effort** in team-weeks: replace 26, migrate 13, upgrade 4 per system using the technology
  (at least 4, at most 26), consolidate 8 per system folded away (at least 13), fix a workflow
  6. A system with more than `large_users` users or a yearly cost above `large_cost_sek`
  doubles the replace/migrate effort; one under `small_users` users halves it.
- **Cost** = effort × `team_week_sek` (a team's cost for one week).
- **Cost of delay per week** (kronor), the sum of what applies, each part kept in the basis:
  the yearly cost of systems on unsupported technology × `unsupported_share` (extended
  support, incident exposure); the avoidable duplicate cost (all but the dearest system of the
  cluster); citizen waiting days per year from workflow findings × the citizen-day rate; and a
  risk part, the yearly cost × `risk_share` by criticality. Each yearly figure is divided by 52.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from produktlyft.roadmap.model import FindingRef, Initiative, InitiativeKind

WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class Rules:
    top_systems: int = 10
    top_findings: int = 5
    citizen_day_sek: float = 1000.0
    team_week_sek: float = 150_000.0  # about five people for a week, salary and overhead
    unsupported_share: float = 0.25
    risk_share: dict[str, float] = field(
        default_factory=lambda: {"critical_to_society": 0.10, "critical_to_operations": 0.05}
    )
    large_users: int = 1000
    large_cost_sek: float = 2_000_000.0
    small_users: int = 50
    min_confidence: float = 0.0  # systems whose facts are less known are left out


@dataclass(frozen=True)
class RankedSystem:
    system_id: str
    name: str
    rank: int
    reasons: tuple[str, ...] = ()  # the review's reason codes
    annual_cost: float | None = None
    users: int | None = None
    criticality: str | None = None  # the inventory's code
    unsupported_component: str | None = None  # a component past its end of life
    workflow_days_per_year: float = 0.0
    confidence: float = 1.0
    capability_ids: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()  # the inventory teams that look after it


@dataclass(frozen=True)
class DuplicateGroup:
    members: tuple[tuple[str, str, float | None], ...]  # system id, name, yearly cost


@dataclass(frozen=True)
class EolGroup:
    key: str  # product:cycle
    name: str
    end_of_support: date | None
    passed: bool
    systems: tuple[str, ...]
    annual_cost: float = 0.0  # of the systems using it
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkflowFinding:
    key: str
    title: str
    citizen_days_per_year: float
    system_ids: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()


@dataclass(frozen=True)
class Findings:
    run_id: str | None
    systems: list[RankedSystem] = field(default_factory=list)
    duplicates: list[DuplicateGroup] = field(default_factory=list)
    eol_groups: list[EolGroup] = field(default_factory=list)
    workflows: list[WorkflowFinding] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "x"


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def _money(value: float) -> str:
    return f"{value:.0f}"


class _Delay:
    """Parts of a cost of delay, each a yearly amount in kronor with its reason code."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.params: dict[str, str] = {}

    def add(self, code: str, yearly: float, **params: str) -> None:
        if yearly > 0:
            self.parts[code] = self.parts.get(code, 0.0) + yearly
            self.params.update(params)

    def per_week(self) -> float:
        return round(sum(self.parts.values()) / WEEKS_PER_YEAR, 2)

    def basis(self) -> dict[str, str]:
        if not self.parts:
            return {"code": "none"}
        main = max(self.parts, key=lambda code: self.parts[code])
        return {
            "code": main,
            "parts": ",".join(sorted(self.parts)),
            **{f"{code}_per_year": _money(v) for code, v in sorted(self.parts.items())},
            **self.params,
        }


def _risk(delay: _Delay, rules: Rules, criticality: str | None, annual_cost: float | None) -> None:
    share = rules.risk_share.get(criticality or "", 0.0)
    if share and annual_cost:
        delay.add("risk", annual_cost * share, criticality=criticality or "", risk_share=str(share))


def _system_effort(system: RankedSystem, base: float, rules: Rules) -> float:
    large = (system.users or 0) > rules.large_users or (
        system.annual_cost or 0.0
    ) > rules.large_cost_sek
    small = system.users is not None and system.users < rules.small_users
    return base * 2 if large else base / 2 if small else base


def _for_system(system: RankedSystem, run_id: str | None, rules: Rules) -> Initiative:
    # the review recommends no action, so the rule: a system that fits the work poorly or
    # locks the agency in is replaced; otherwise its technology and hosting are migrated
    replace = bool({"fit_poor", "lock_in"} & set(system.reasons))
    kind = InitiativeKind.REPLACE if replace else InitiativeKind.MIGRATE
    effort = _system_effort(system, 26.0 if replace else 13.0, rules)
    delay = _Delay()
    if system.unsupported_component and system.annual_cost:
        delay.add(
            "unsupported_run_cost",
            system.annual_cost * rules.unsupported_share,
            component=system.unsupported_component,
            unsupported_share=str(rules.unsupported_share),
        )
    if system.workflow_days_per_year:
        delay.add(
            "citizen_waiting",
            system.workflow_days_per_year * rules.citizen_day_sek,
            citizen_days_per_year=f"{system.workflow_days_per_year:.0f}",
            citizen_day_sek=_money(rules.citizen_day_sek),
        )
    _risk(delay, rules, system.criticality, system.annual_cost)
    return Initiative(
        id=f"{kind.value}-{_slug(system.system_id)}",
        name=system.name,
        kind=kind,
        effort_weeks=effort,
        teams=list(system.teams),
        cost_sek=effort * rules.team_week_sek,
        cost_of_delay_sek_per_week=delay.per_week(),
        cost_of_delay_basis=delay.basis(),
        system_ids=[system.system_id],
        capability_ids=list(system.capability_ids),
        source=FindingRef(kind="ranked_system", key=system.system_id, run_id=run_id),
    )


def _for_duplicates(group: DuplicateGroup, run_id: str | None, rules: Rules) -> Initiative:
    ids = sorted(m[0] for m in group.members)
    known = [c for _, _, c in group.members if c is not None]
    avoidable = sum(known) - max(known, default=0.0)
    effort = max(13.0, 8.0 * (len(ids) - 1))
    delay = _Delay()
    delay.add("duplicate_cost", avoidable, systems=str(len(ids)))
    key = "+".join(ids)
    return Initiative(
        id=f"consolidate-{_short(key)}",
        name=" + ".join(name for _, name, _ in sorted(group.members)),
        kind=InitiativeKind.CONSOLIDATE,
        effort_weeks=effort,
        cost_sek=effort * rules.team_week_sek,
        cost_of_delay_sek_per_week=delay.per_week(),
        cost_of_delay_basis=delay.basis(),
        system_ids=ids,
        source=FindingRef(kind="duplicate_cluster", key=key, run_id=run_id),
    )


def _for_eol(group: EolGroup, run_id: str | None, rules: Rules, today: date) -> Initiative:
    effort = float(min(26, max(4, 4 * len(group.systems))))
    # A date already passed, or one nearer than the work takes, cannot bind the plan (it would
    # only make it infeasible): the systems will run unsupported for a while whatever the
    # order, so that shows in the cost of delay instead and the plan puts the work early.
    reachable = group.end_of_support is not None and group.end_of_support >= today + timedelta(
        weeks=effort
    )
    due = group.end_of_support if reachable else None
    delay = _Delay()
    if group.passed or (group.end_of_support is not None and not reachable):
        delay.add(
            "unsupported_run_cost",
            group.annual_cost * rules.unsupported_share,
            component=group.name,
            unsupported_share=str(rules.unsupported_share),
        )
    return Initiative(
        id=f"upgrade-{_slug(group.key)}",
        name=group.name,
        kind=InitiativeKind.UPGRADE,
        effort_weeks=effort,
        teams=list(group.teams),
        cost_sek=effort * rules.team_week_sek,
        cost_of_delay_sek_per_week=delay.per_week(),
        cost_of_delay_basis=delay.basis(),
        deadline=due,
        deadline_reason=f"end of support: {group.name}" if due else None,
        system_ids=list(group.systems),
        source=FindingRef(kind="eol_group", key=group.key, run_id=run_id),
    )


def _for_workflow(finding: WorkflowFinding, run_id: str | None, rules: Rules) -> Initiative:
    delay = _Delay()
    delay.add(
        "citizen_waiting",
        finding.citizen_days_per_year * rules.citizen_day_sek,
        citizen_days_per_year=f"{finding.citizen_days_per_year:.0f}",
        citizen_day_sek=_money(rules.citizen_day_sek),
    )
    return Initiative(
        id=f"workflow-{_short(finding.key)}",
        name=finding.title,
        kind=InitiativeKind.FIX_WORKFLOW,
        effort_weeks=6.0,
        teams=list(finding.teams),
        cost_sek=6.0 * rules.team_week_sek,
        cost_of_delay_sek_per_week=delay.per_week(),
        cost_of_delay_basis=delay.basis(),
        system_ids=list(finding.system_ids),
        source=FindingRef(kind="workflow", key=finding.key, run_id=run_id),
    )


def propose(findings: Findings, today: date, rules: Rules | None = None) -> list[Initiative]:
    """The drafts, in the order: systems by rank, duplicate clusters, technology groups,
    workflow findings by citizen days. Ids are derived from the finding, so proposing twice
    from the same review gives the same ids."""
    rules = rules or Rules()
    run = findings.run_id
    systems = sorted(
        (s for s in findings.systems if s.confidence >= rules.min_confidence),
        key=lambda s: s.rank,
    )[: rules.top_systems]
    flows = sorted(findings.workflows, key=lambda f: -f.citizen_days_per_year)
    drafts = [_for_system(s, run, rules) for s in systems]
    drafts += [_for_duplicates(g, run, rules) for g in findings.duplicates if len(g.members) > 1]
    drafts += [_for_eol(g, run, rules, today) for g in findings.eol_groups if g.systems]
    drafts += [_for_workflow(f, run, rules) for f in flows[: rules.top_findings]]
    unique: dict[str, Initiative] = {}
    for draft in drafts:
        unique.setdefault(draft.id, draft)
    return list(unique.values())
