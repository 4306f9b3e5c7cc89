"""`produktlyft demo`: load the demo organisation, its workflow and its culture data."""

from __future__ import annotations

from pathlib import Path

import typer

from produktlyft.demo.culture import DemoCulture
from produktlyft.demo.generator import DEFAULT_SEED, DEFAULT_SYSTEMS
from produktlyft.demo.programme import DemoProgramme, load_demo_programme
from produktlyft.demo.service import load_demo
from produktlyft.demo.workflows import DEFAULT_EVENTLOG, DEMO_LOG_NAME, DemoWorkflows
from produktlyft.inventory.cli import console, print_import_report, print_summary
from produktlyft.kernel.cli.state import STATE


def print_workflows(result: DemoWorkflows) -> None:
    if result.log is None:
        console.print(f"[yellow]Workflow part skipped.[/yellow] {result.skipped}")
        return
    info = result.log
    done = "already stored" if result.reused else "imported"
    console.print(
        f"Workflow: event log «{info.name}» {done}: {info.events:,} events in "
        f"{info.cases:,} cases, {len(info.activities)} activities."
    )
    for system, activities in result.mapped.items():
        count = len(activities)
        console.print(
            f"  {count} {'activity' if count == 1 else 'activities'} mapped to «{system}»."
        )
    for title, days in result.findings:
        console.print(f"  Finding: {title} (about {days:,.0f} citizen days a year).")
    console.print(f"  All findings: `produktlyft workflows analyse {DEMO_LOG_NAME}`.")


def print_culture(result: DemoCulture) -> None:
    for title in result.reused_rounds:
        console.print(f"Survey round «{title}» is already there; kept as it is.")
    for made in result.rounds:
        console.print(
            f"Survey round «{made.title}» ({made.round_id}): {made.answers} answers "
            f"from {made.teams} teams through {made.links} single-use links, closed; "
            f"{made.hidden_teams} team(s) below the minimum group size are hidden."
        )
    if result.pilot_team:
        console.print(
            f"Pilot team: {result.pilot_team}. Decision register: "
            f"{result.decisions} recommendations; rights matrix: {result.rights} "
            "cells. See `produktlyft survey report ROUND` and "
            "`produktlyft decisions report`."
        )


def print_programme(result: DemoProgramme) -> None:
    outcomes = result.outcomes
    if outcomes.skipped:
        console.print(f"[yellow]Outcomes skipped.[/yellow] {outcomes.skipped}")
    else:
        console.print(
            f"Outcomes: {outcomes.deployments} deployments and {outcomes.incidents} incidents "
            f"for {outcomes.pilot_team} and {len(outcomes.comparison_teams)} comparison teams; "
            f"{outcomes.key_results} key results, rejected as output-only: "
            f"{', '.join(outcomes.rejected) or 'none'}."
        )
    pilots = result.pilots
    if pilots.skipped:
        console.print(f"[yellow]Pilot skipped.[/yellow] {pilots.skipped}")
    else:
        console.print(f"Pilot {pilots.pilot_id} ({pilots.pilot_team}): {pilots.verdict}.")
    roadmap = result.roadmap
    plan = roadmap.plan
    console.print(
        f"Roadmap: {roadmap.proposed} initiatives proposed, {roadmap.teams} teams; plan "
        f"{plan.status} (gap {0 if plan.gap is None else plan.gap:.1%})."
    )
    console.print(f"Business case: {result.case_id or 'none (no initiative)'}.")
    slices = result.procurement
    console.print(f"Contract slices for phase {slices.phase_id}: {', '.join(slices.slices)}.")
    console.print(f"Wins: {result.wins.drafted} drafted, {result.wins.approved} approved.")


def demo(
    systems: int = typer.Option(
        DEFAULT_SYSTEMS, "--systems", min=20, help="How many systems; 10000 for benchmarks."
    ),
    seed: int = typer.Option(
        DEFAULT_SEED, "--seed", help="The same seed gives the same organisation."
    ),
    out: Path = typer.Option(
        Path("demo-output"),
        "--out",
        help="Folder for the ground truth and the organisation as a workbook.",
    ),
    eventlog: Path | None = typer.Option(
        None,
        "--eventlog",
        help="The event log imported as «bygglov-mottagning» and linked to the "
        "building-permit systems. Default: the 4TU receipt log the package ships "
        "(receipt.xes.gz, CC BY 4.0). Left out (with a note) when the file is absent.",
    ),
    culture: bool = typer.Option(
        True,
        "--culture/--no-culture",
        help="Simulate two survey rounds and a decision register (a few seconds).",
    ),
    after_review: bool = typer.Option(
        False,
        "--after-review",
        help="Load only what builds on the loaded demo and its latest review: delivery and "
        "service outcomes, the pilot and its evaluation, the roadmap, a business case, "
        "contract slices and wins. Run it after `produktlyft review`.",
    ),
) -> None:
    """Generate "Exempelstad kommun", a realistic fictional municipality, and load it."""
    ctx = STATE.context()
    if after_review:
        with console.status("Loading the demo's change programme…"):
            programme = load_demo_programme(ctx, seed)
        print_programme(programme)
        return
    with console.status(f"Loading the demo organisation ({systems} systems)…"):
        result = load_demo(
            ctx,
            systems,
            seed,
            out,
            eventlog=DEFAULT_EVENTLOG if eventlog is None else eventlog,
            workflows=True,
            culture=culture,
        )
    print_import_report(result.report)
    if result.summary is not None:
        print_summary(result.summary)
    if result.workflows is not None:
        print_workflows(result.workflows)
    if result.culture is not None:
        print_culture(result.culture)
    console.print(f"Ground truth: {result.ground_truth_path}.")
    if result.workbook_path:
        console.print(f"The organisation as a workbook: {result.workbook_path}.")


def register(app: typer.Typer) -> None:
    app.command()(demo)
