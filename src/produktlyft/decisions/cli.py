"""`produktlyft decisions …`: the decision register and the decision-rights matrix."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.decisions.model import DecisionKind, DecisionLevel, DecisionRight
from produktlyft.decisions.presenter import report_json
from produktlyft.decisions.service import (
    DEFAULT_UNDECIDED_DAYS,
    decision_report,
    import_decisions,
    import_rights,
    rights_matrix,
    set_rights,
)
from produktlyft.kernel.cli.state import STATE

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
decisions_app = typer.Typer(
    help="The decision register: recommendations, who decides, and how long it takes.",
    no_args_is_help=True,
)
rights_app = typer.Typer(
    help="The decision-rights matrix: what each team may decide itself.", no_args_is_help=True
)
decisions_app.add_typer(rights_app, name="rights")


@decisions_app.command("import")
def import_(
    path: Path = typer.Argument(
        ..., help="CSV or .xlsx: id, title, team, kind, level, proposed_on, decided_on, outcome …"
    ),
) -> None:
    """Import recommendations and decisions (all rows or none; known ids are updated)."""
    result = import_decisions(STATE.context(), path)
    notes.print(f"Imported {path.name}: {result.created} new, {result.updated} updated.")
    if result.unknown_teams:
        notes.print(
            "[yellow]note[/] teams not in the inventory: " + ", ".join(result.unknown_teams)
        )


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


@decisions_app.command()
def report(
    days: int = typer.Option(
        DEFAULT_UNDECIDED_DAYS,
        "--days",
        help="Count a recommendation as vanished when still undecided after this many days.",
    ),
    team: str | None = typer.Option(None, "--team", help="Only this team's register."),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the report as JSON."),
) -> None:
    """Time to decision, share decided in the team, and what vanished in the hierarchy."""
    result = decision_report(STATE.context(), undecided_after_days=days, team=team)
    table = Table(
        title=f"Decisions as of {result.as_of}" + (f", team {result.team}" if result.team else "")
    )
    for header in (
        "who decides",
        "proposed",
        "decided",
        "median days",
        "median days (KM)",
        f"undecided after {days} d",
    ):
        table.add_column(header, justify="left" if header == "who decides" else "right")
    rows = [("all", result.overall), *((lvl.en, m) for lvl, m in result.levels.items())]
    for label, m in rows:
        table.add_row(
            label,
            str(m.proposed),
            str(m.decided),
            _days(m.median_days),
            _days(m.km_median_days),
            f"{m.vanished} of {m.old_enough} ({_share(m.share_vanished)})",
        )
    out.print(table)
    out.print(f"Decided within the team: {_share(result.overall.share_decided_in_team)}.")
    if result.gap.escalated_within_mandate:
        out.print(
            f"Escalated although the team may decide: "
            f"{', '.join(result.gap.escalated_within_mandate)}"
        )
    for decision in result.vanished:
        out.print(
            f"  undecided since {decision.proposed_on}: {decision.title} "
            f"({decision.team}, {decision.level.en})"
        )
    if json_path:
        json_path.write_text(
            json.dumps(report_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


@rights_app.command("import")
def rights_import(
    path: Path = typer.Argument(..., help="CSV or .xlsx: team, kind, level."),
) -> None:
    """Set matrix cells from a file."""
    count = import_rights(STATE.context(), path)
    notes.print(f"Set {count} cell(s) of the decision-rights matrix.")


@rights_app.command("set")
def rights_set(
    team: str = typer.Option(..., "--team", help="The team."),
    kind: str = typer.Option(
        ..., "--kind", help="Kind of decision: " + ", ".join(k.value for k in DecisionKind) + "."
    ),
    level: str = typer.Option(..., "--level", help="Who decides: team, management or board."),
) -> None:
    """Set one cell: for this team and kind of decision, who decides."""
    try:
        right = DecisionRight(
            team=team, kind=DecisionKind.parse(kind), level=DecisionLevel.parse(level)
        )
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    set_rights(STATE.context(), [right])
    notes.print(f"{team}: {right.kind.en} decided by {right.level.en}.")


@rights_app.command("show")
def rights_show() -> None:
    """Show the matrix: teams down, kinds of decision across."""
    matrix = rights_matrix(STATE.context())
    table = Table(title="Decision rights (T = the team itself, M = management, B = board)")
    table.add_column("team")
    for kind in DecisionKind:
        table.add_column(kind.value)
    short = {DecisionLevel.TEAM: "T", DecisionLevel.MANAGEMENT: "M", DecisionLevel.BOARD: "B"}
    for team in matrix.teams:
        table.add_row(
            team,
            *[
                short.get(matrix.level(team, kind), "·")  # type: ignore[arg-type]
                for kind in DecisionKind
            ],
        )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(decisions_app, name="decisions")
