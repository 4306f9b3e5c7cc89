"""`produktlyft demo`: load the demo organisation."""

from __future__ import annotations

from pathlib import Path

import typer

from produktlyft.cli.inventory import console, print_import_report, print_summary
from produktlyft.cli.state import STATE
from produktlyft.importers.demo import DEFAULT_SEED, DEFAULT_SYSTEMS
from produktlyft.services.demo import load_demo
from produktlyft.services.inventory_summary import summarise_inventory


def demo(
    systems: int = typer.Option(DEFAULT_SYSTEMS, "--systems", min=20,
                                help="How many systems; 10000 for benchmarks."),
    seed: int = typer.Option(DEFAULT_SEED, "--seed", help="The same seed gives the same "
                             "organisation."),
    out: Path = typer.Option(Path("demo-output"), "--out", help="Folder for the ground truth "
                             "and the organisation as a workbook."),
) -> None:
    """Generate "Exempelstad kommun", a realistic fictional municipality, and load it."""
    ctx = STATE.context()
    with console.status(f"Generating and importing {systems} systems…"):
        result = load_demo(ctx, systems, seed, out)
    print_import_report(result.report)
    print_summary(summarise_inventory(ctx))
    console.print(f"Ground truth: {result.ground_truth_path}.")
    if result.workbook_path:
        console.print(f"The organisation as a workbook: {result.workbook_path}.")


def register(app: typer.Typer) -> None:
    app.command()(demo)
