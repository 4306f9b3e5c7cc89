"""`produktlyft outcomes …` and `produktlyft okr …`: delivery metrics, service KPIs and key
results."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.kernel.cli.state import STATE
from produktlyft.outcomes.model import OutcomeSettings, Service
from produktlyft.outcomes.presenter import dora_json, metric_value, okr_check_json, reason_text
from produktlyft.outcomes.service import (
    check_key_results,
    dora_report,
    import_deployments,
    import_incidents,
    import_key_results,
    import_kpis,
    outcome_settings,
    save_service,
    save_settings,
)

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
outcomes_app = typer.Typer(
    help="Outcomes: delivery metrics (DORA), service KPIs and key results.", no_args_is_help=True
)
kpi_app = typer.Typer(help="Service KPIs per month.", no_args_is_help=True)
okr_app = typer.Typer(help="Key results: check for outputs, and store them.", no_args_is_help=True)
outcomes_app.add_typer(kpi_app, name="kpi")


def _write_json(path: Path, document: Any) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@outcomes_app.command("import-deployments")
def import_deployments_command(
    path: Path = typer.Argument(
        ..., help="A git repository folder, a CSV/.xlsx export, or GitHub/GitLab API JSON."
    ),
    team: str = typer.Option(..., "--team", help="The team whose deployments these are."),
    branch: str | None = typer.Option(
        None, "--branch", help="Git: each commit on this branch's first-parent line deploys."
    ),
    tags: str = typer.Option("*", "--tags", help="Git: the tags that are deployments (glob)."),
) -> None:
    """Import deployments (all or none; known ids are replaced)."""
    result = import_deployments(STATE.context(), path, team, branch=branch, tag_pattern=tags)
    notes.print(
        f"Imported {result.read} deployment(s) ({result.kind}) for {result.team}: "
        f"{result.new} new, {result.production} to production."
    )


@outcomes_app.command("import-incidents")
def import_incidents_command(
    path: Path = typer.Argument(..., help="CSV/.xlsx: id, opened_at, resolved_at, deployment_id."),
    team: str = typer.Option(..., "--team", help="The team whose incidents these are."),
) -> None:
    """Import production incidents (all or none)."""
    read, new = import_incidents(STATE.context(), path, team)
    notes.print(f"Imported {read} incident(s): {new} new.")


@outcomes_app.command("dora")
def dora_command(
    team: str = typer.Option(..., "--team", help="The team."),
    since: str | None = typer.Option(None, "--since", help="First day (default: a quarter back)."),
    until: str | None = typer.Option(None, "--until", help="Day after the last."),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the metrics as JSON."),
) -> None:
    """DORA's five metrics for one team, with 95 % intervals, 0–10 scores and benchmarks."""
    try:
        start = date.fromisoformat(since) if since else None
        end = date.fromisoformat(until) if until else None
    except ValueError as error:
        raise typer.BadParameter(f"dates are written 2026-03-31: {error}") from None
    report = dora_report(STATE.context(), team, start=start, end=end)
    table = Table(title=f"{report.team_name}: {report.start} – {report.end} (exclusive)")
    for header in ("metric", "value", "95 % interval", "n", "score 0–10", "government"):
        table.add_column(header, justify="left" if header == "metric" else "right")
    for metric, value in report.metrics.items():
        bench = value.benchmark.government_score
        table.add_row(
            metric.en,
            metric_value(value.value, metric, "en"),
            f"{metric_value(value.ci_low, metric, 'en')} – "
            f"{metric_value(value.ci_high, metric, 'en')}",
            str(value.count),
            "–" if value.score_0_10 is None else f"{value.score_0_10:.1f}",
            "–" if bench is None else f"{bench:.1f}",
        )
    out.print(table)
    if json_path:
        _write_json(json_path, dora_json(report))


@outcomes_app.command("settings")
def settings_command(
    production: str | None = typer.Option(
        None, "--production", help="Environments that are production (a regular expression)."
    ),
    window: int | None = typer.Option(
        None, "--incident-window", help="Days after a deployment an incident is blamed on it."
    ),
) -> None:
    """Show, or change, the production filter and the incident window."""
    ctx = STATE.context()
    current = outcome_settings(ctx)
    if production is not None or window is not None:
        current = OutcomeSettings(
            production_pattern=production or current.production_pattern,
            incident_window_days=window or current.incident_window_days,
        )
        save_settings(ctx, current)
    out.print(f"production: {current.production_pattern}")
    out.print(f"incident window: {current.incident_window_days} days")


@kpi_app.command("service")
def kpi_service(
    service_id: str = typer.Argument(..., help="The service's id, as KPI files name it."),
    name: str = typer.Option(..., "--name", help="The service's name."),
    event_log: str | None = typer.Option(
        None, "--event-log", help="A workflows event log: its case-handling time per month."
    ),
) -> None:
    """Add or change a service, optionally bound to the event log of its cases."""
    save_service(STATE.context(), Service(id=service_id, name=name, event_log=event_log))
    notes.print(f"Saved the service {name} ({service_id}).")


@kpi_app.command("import")
def kpi_import(
    path: Path = typer.Argument(..., help="CSV/.xlsx: service, kpi, month, value."),
) -> None:
    """Import monthly service KPI values (all or none)."""
    count = import_kpis(STATE.context(), path)
    notes.print(f"Imported {count} KPI value(s).")


@okr_app.command("check")
def okr_check(
    path: Path = typer.Argument(
        ..., help="CSV/.xlsx: objective, key_result, and optionally metric, baseline, target, due."
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the verdicts as JSON."),
) -> None:
    """Which key results are outcomes and which are outputs, and why (nothing is stored)."""
    results = check_key_results(STATE.context(), path)
    for result in results:
        mark = "[green]outcome[/]" if result.check.verdict.value == "outcome" else "[red]output[/]"
        out.print(f"{mark}  {result.row.text}")
        for reason in result.check.reasons:
            out.print(f"    - {reason_text(reason, 'en')}")
        if result.check.verdict.value == "output":
            out.print(f"    → {reason_text(result.check.suggestion, 'en')}")
    if json_path:
        _write_json(json_path, okr_check_json(results))


@okr_app.command("import")
def okr_import(
    path: Path = typer.Argument(..., help="CSV/.xlsx as for check, with team and quarter."),
    team: str | None = typer.Option(None, "--team", help="The team, if the file has none."),
    quarter: str | None = typer.Option(None, "--quarter", help="2026-Q4, if the file has none."),
) -> None:
    """Store key results (each needs a target); outputs are kept as rejected, with reasons."""
    stored = import_key_results(STATE.context(), path, team=team, quarter=quarter)
    rejected = sum(kr.verdict.value == "output" for kr in stored)
    notes.print(f"Stored {len(stored)} key result(s); {rejected} rejected as outputs.")


def register(app: typer.Typer) -> None:
    app.add_typer(outcomes_app, name="outcomes")
    app.add_typer(okr_app, name="okr")
