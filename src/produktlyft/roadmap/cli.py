"""`produktlyft roadmap …`: propose initiatives from the review, plan them, and move them in
and out of spreadsheets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.interop.model import TargetInterfaces
from produktlyft.kernel.cli.state import STATE
from produktlyft.roadmap.model import Budget, PlanningTeam, RoadmapSettings, Sourcing
from produktlyft.roadmap.presenter import basis_text, plan_json, reason_text, status_text
from produktlyft.roadmap.service import (
    DEFAULT_TIME_LIMIT,
    export_initiatives,
    get_initiative,
    import_initiatives,
    list_budgets,
    list_initiatives,
    list_planning_teams,
    plan,
    propose_initiatives,
    roadmap_settings,
    set_budgets,
    set_settings,
    set_target_interfaces,
    set_teams,
)

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
roadmap_app = typer.Typer(
    help="The modernisation roadmap: initiatives from the review, planned by team and budget.",
    no_args_is_help=True,
)


@roadmap_app.command()
def propose() -> None:
    """Draft initiatives from the latest review (a finding proposed before is left alone)."""
    result = propose_initiatives(STATE.context())
    for initiative in result.created:
        out.print(f"  {initiative.id}: {initiative.name} ({initiative.kind.en})")
    notes.print(
        f"Proposed {len(result.created)} new initiative(s); {len(result.kept)} proposed before."
    )


@roadmap_app.command("list")
def list_() -> None:
    """The initiatives, with effort, cost and cost of delay."""
    table = Table(title="Initiatives")
    for header in (
        "id",
        "name",
        "kind",
        "team-weeks",
        "cost (kr)",
        "cost of delay (kr/week)",
        "deadline",
        "open interfaces",
        "basis",
    ):
        table.add_column(header)
    for i in list_initiatives(STATE.context()):
        table.add_row(
            i.id,
            i.name,
            i.kind.en,
            f"{i.effort_weeks:g}",
            f"{i.cost_sek:,.0f}",
            f"{i.cost_of_delay_sek_per_week:,.0f}",
            i.deadline.isoformat() if i.deadline else "",
            i.target_interfaces.value,
            basis_text(i.cost_of_delay_basis, "en"),
        )
    out.print(table)


@roadmap_app.command("edit")
def edit(
    initiative_id: str = typer.Argument(..., help="The initiative's id."),
    target_interfaces: str | None = typer.Option(
        None,
        "--target-interfaces",
        help="What the target does to open interfaces: improves, keeps, drops or not_stated "
        "(a Swedish or English label works too).",
    ),
    target_standards: str | None = typer.Option(
        None,
        "--target-standards",
        help="The open standards the target uses, e.g. 'SS 12000, FHIR, OpenAPI' ('' clears).",
    ),
) -> None:
    """Change what an initiative's target does to open interfaces (the silo check reads it)."""
    ctx = STATE.context()
    current = get_initiative(ctx, initiative_id)
    if target_interfaces is None and target_standards is None:
        raise typer.BadParameter("give --target-interfaces or --target-standards")
    target = current.target_interfaces
    if target_interfaces is not None:
        try:
            target = TargetInterfaces.parse(target_interfaces)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--target-interfaces") from None
    standards = current.target_standards if target_standards is None else target_standards
    saved = set_target_interfaces(
        ctx, initiative_id, target, (standards or "").strip() or None, current.row_version
    )
    standards = f" ({saved.target_standards})" if saved.target_standards else ""
    notes.print(f"{saved.id}: the target {saved.target_interfaces.en}{standards}.")


@roadmap_app.command("plan")
def plan_(
    time_limit: float = typer.Option(
        DEFAULT_TIME_LIMIT, "--time-limit", help="Seconds the solver may take."
    ),
    objective: str = typer.Option(
        "cost-of-delay",
        "--objective",
        help="cost-of-delay (Σ cost of delay × finish week) or makespan.",
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Write the plan as JSON here."),
) -> None:
    """Plan every initiative with CP-SAT and save the plan; shows the bound and the gap."""
    ctx = STATE.context()
    saved = plan(ctx, objective, time_limit)
    names = {i.id: i.name for i in list_initiatives(ctx)}
    teams = {t.id: t.name for t in list_planning_teams(ctx)}
    table = Table(title=f"Plan from {saved.plan_start} ({status_text(saved.status, 'en')})")
    for header in ("initiative", "team", "start week", "finish week", "why here"):
        table.add_column(header)
    for item in sorted(saved.items, key=lambda i: (i.start_week, i.initiative)):
        table.add_row(
            names.get(item.initiative, item.initiative),
            teams.get(item.team, item.team),
            str(item.start_week),
            str(item.finish_week),
            reason_text(
                item.reason,
                item.reason_params,
                "en",
                lambda k: names.get(k, k),
                lambda k: teams.get(k, k),
            ),
        )
    out.print(table)
    gap = "unknown" if saved.gap is None else f"{saved.gap:.1%}"

    def amount(value: float | None) -> str:
        return "none" if value is None else f"{value:,.0f}"

    out.print(
        f"Objective {saved.objective}: {amount(saved.objective_value)}; "
        f"lower bound {amount(saved.lower_bound)}; gap {gap}; status {saved.status}."
    )
    document = plan_json(saved, {i.id: i for i in list_initiatives(ctx)}, "en", teams)
    for conflict in document.get("conflicts", []):
        out.print(f"[red]conflict[/] {conflict['text']}")
    if json_path:
        json_path.write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


@roadmap_app.command("import")
def import_(
    path: Path = typer.Argument(..., help="CSV or .xlsx with the export's columns."),
) -> None:
    """Import initiatives (all rows or none; known ids are updated)."""
    created, updated = import_initiatives(STATE.context(), path)
    notes.print(f"Imported {path.name}: {created} new, {updated} updated.")


@roadmap_app.command("export")
def export(
    fmt: str = typer.Option("xlsx", "--format", help="xlsx, csv or json."),
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
) -> None:
    """Export the initiatives (a workbook also gets the latest plan, with formulas)."""
    count = export_initiatives(STATE.context(), fmt, output)
    notes.print(f"Wrote {count} initiative(s) to {output}.")


@roadmap_app.command("team")
def team(
    team_id: str = typer.Argument(..., help="The team's id (an inventory team, or a new partner)."),
    capacity: int = typer.Option(1, "--capacity", min=1, help="Initiatives it can carry at once."),
    name: str | None = typer.Option(None, "--name", help="Its name (for a new partner)."),
    sourcing: str | None = typer.Option(None, "--sourcing", help="internal or partner."),
) -> None:
    """Set how much a team can take on."""
    ctx = STATE.context()
    known = {t.id: t for t in list_planning_teams(ctx)}
    base = known.get(team_id) or PlanningTeam(id=team_id, name=name or team_id)
    changes: dict[str, object] = {"capacity_per_week": capacity}
    if name:
        changes["name"] = name
    if sourcing:
        changes["sourcing"] = Sourcing.parse(sourcing)
    set_teams(ctx, [base.model_copy(update=changes)])
    notes.print(f"{team_id}: {capacity} initiative(s) at once.")


@roadmap_app.command("budget")
def budget(
    year: int = typer.Argument(..., help="The budget year."),
    limit: float = typer.Argument(
        ..., help="The most the initiatives starting that year may cost (kr)."
    ),
) -> None:
    """Set a year's budget."""
    set_budgets(STATE.context(), [Budget(year=year, limit_sek=limit)])
    notes.print(f"Budget {year}: {limit:,.0f} kr.")


@roadmap_app.command("settings")
def settings(
    plan_start: str | None = typer.Option(
        None, "--plan-start", help="Week 0 of the plan, YYYY-MM-DD."
    ),
    citizen_day_sek: float | None = typer.Option(
        None, "--citizen-day-sek", help="What one citizen-day of waiting costs, in kronor."
    ),
) -> None:
    """Show or change when the plan starts and the value of a citizen's waiting day."""
    ctx = STATE.context()
    current = roadmap_settings(ctx)
    changes: dict[str, object] = {}
    if plan_start:
        try:
            changes["plan_start"] = date.fromisoformat(plan_start)
        except ValueError:
            raise typer.BadParameter(f"'{plan_start}' is not a date written YYYY-MM-DD") from None
    if citizen_day_sek is not None:
        changes["citizen_day_sek"] = citizen_day_sek
    if changes:
        current = RoadmapSettings.model_validate({**current.model_dump(), **changes})
        set_settings(ctx, current)
    out.print(f"plan start: {current.plan_start or 'the Monday on or after today'}")
    out.print(f"citizen day: {current.citizen_day_sek:,.0f} kr")
    for b in list_budgets(ctx):
        out.print(f"budget {b.year}: {b.limit_sek:,.0f} kr")


def register(app: typer.Typer) -> None:
    app.add_typer(roadmap_app, name="roadmap")
