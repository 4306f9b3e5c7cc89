"""The roadmap's web forms read into records: an initiative's values for its form, the
teams/budgets/settings form and the what-if form. Every wrong field becomes an Issue naming it;
nothing is saved here."""

from __future__ import annotations

from datetime import date

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.errors import InvalidInput, Issue, wording
from produktlyft.roadmap.model import (
    Budget,
    Initiative,
    InitiativeKind,
    PlanningTeam,
    RoadmapSettings,
    Sourcing,
)
from produktlyft.roadmap.service import WhatIf


def initiative_values(item: Initiative | None) -> dict[str, str]:
    if item is None:
        return {
            "kind": InitiativeKind.MIGRATE.value,
            "sourcing": Sourcing.EITHER.value,
            "target_interfaces": TargetInterfaces.NOT_STATED.value,
        }
    return {
        "id": item.id,
        "name": item.name,
        "kind": item.kind.value,
        "description": item.description or "",
        "effort_weeks": f"{item.effort_weeks:g}",
        "sourcing": item.sourcing.value,
        "teams": "; ".join(item.teams),
        "cost_sek": f"{item.cost_sek:g}",
        "cost_of_delay_sek_per_week": f"{item.cost_of_delay_sek_per_week:g}",
        "dependencies": "; ".join(
            d.predecessor + (f"+{d.lag_weeks}" if d.lag_weeks else "") for d in item.dependencies
        ),
        "earliest_start": item.earliest_start.isoformat() if item.earliest_start else "",
        "deadline": item.deadline.isoformat() if item.deadline else "",
        "deadline_reason": item.deadline_reason or "",
        "system_ids": "; ".join(item.system_ids),
        "capability_ids": "; ".join(item.capability_ids),
        "target_interfaces": item.target_interfaces.value,
        "target_standards": item.target_standards or "",
    }


def _number(form: dict[str, str], key: str, issues: list[Issue]) -> float | None:
    text = form.get(key, "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        issues.append(
            Issue.worded(wording("'{value}' is not a number", value=form[key]), column=key)
        )
        return None
    return value


def settings_from(
    form: dict[str, str], teams: list[PlanningTeam]
) -> tuple[list[PlanningTeam], list[Budget], RoadmapSettings]:
    issues: list[Issue] = []
    changed = []
    for n, team in enumerate(teams):
        capacity = _number(form, f"capacity-{n}", issues)
        if capacity is not None and capacity >= 1 and capacity.is_integer():
            changed.append(team.model_copy(update={"capacity_per_week": int(capacity)}))
        elif capacity is not None:
            issues.append(
                Issue.worded(
                    wording("the capacity must be a whole number of at least 1"),
                    column=f"capacity-{n}",
                    element=team.id,
                )
            )
    budgets = []
    for n in range(int(form.get("budget_rows", "0") or 0)):
        year, limit = form.get(f"year-{n}", "").strip(), _number(form, f"limit-{n}", issues)
        if year.isdigit() and limit is not None and 1900 <= int(year) <= 2200:
            budgets.append(Budget(year=int(year), limit_sek=limit))
        elif year or limit is not None:
            issues.append(
                Issue.worded(
                    wording("give the budget year and its new limit in kronor"), column=f"year-{n}"
                )
            )
    start = form.get("plan_start", "").strip()
    rate = _number(form, "citizen_day_sek", issues)
    try:
        plan_start = date.fromisoformat(start) if start else None
    except ValueError:
        plan_start = None
        issues.append(
            Issue.worded(
                wording("'{value}' is not a date written YYYY-MM-DD", value=start),
                column="plan_start",
            )
        )
    if issues:
        raise InvalidInput(issues)
    settings = RoadmapSettings(
        plan_start=plan_start, citizen_day_sek=rate if rate is not None else 1000.0
    )
    return changed, budgets, settings


def what_if_from(form: dict[str, str]) -> WhatIf:
    issues: list[Issue] = []
    teams: tuple[PlanningTeam, ...] = ()
    if form.get("add_team", "").strip():
        capacity = form.get("add_team_capacity", "1").strip() or "1"
        if not capacity.isdigit() or int(capacity) < 1:
            issues.append(
                Issue.worded(
                    wording("the capacity must be a whole number of at least 1"),
                    column="add_team_capacity",
                )
            )
        else:
            name = form["add_team"].strip()
            teams = (
                PlanningTeam(
                    id=f"what-if:{name}",
                    name=name,
                    capacity_per_week=int(capacity),
                    sourcing=Sourcing.PARTNER
                    if form.get("add_team_partner")
                    else Sourcing.INTERNAL,
                ),
            )
    budgets: dict[int, float] = {}
    if form.get("budget_year", "").strip():
        try:
            budgets[int(form["budget_year"])] = float(
                form.get("budget_limit", "").replace(" ", "").replace(",", ".")
            )
        except ValueError:
            issues.append(
                Issue.worded(
                    wording("give the budget year and its new limit in kronor"),
                    column="budget_limit",
                )
            )
    deadlines: dict[str, date] = {}
    if form.get("deadline_initiative", "").strip():
        try:
            deadlines[form["deadline_initiative"]] = date.fromisoformat(
                form.get("deadline_date", "")
            )
        except ValueError:
            issues.append(
                Issue.worded(
                    wording(
                        "'{value}' is not a date written YYYY-MM-DD",
                        value=form.get("deadline_date", ""),
                    ),
                    column="deadline_date",
                )
            )
    pins: dict[str, str] = {}
    if form.get("pin_initiative", "").strip():
        quarter = form.get("pin_quarter", "").strip().upper()
        if (
            len(quarter) == 7
            and quarter[4:6] == "-Q"
            and quarter[:4].isdigit()
            and quarter[6] in "1234"
        ):
            pins[form["pin_initiative"]] = quarter
        else:
            issues.append(
                Issue.worded(
                    wording("'{value}' is not a quarter written like 2027-Q2", value=quarter),
                    column="pin_quarter",
                )
            )
    if issues:
        raise InvalidInput(issues)
    return WhatIf(add_teams=teams, budgets=budgets, deadlines=deadlines, pins=pins)
