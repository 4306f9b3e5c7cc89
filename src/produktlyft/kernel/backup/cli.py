"""`produktlyft backup -o FILE` and `produktlyft restore FILE [--replace]`: thin commands over
the backup service, registered on the root command by the composition root."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from produktlyft.kernel.backup.service import make_backup, restore_backup
from produktlyft.kernel.cli.state import STATE

console = Console(highlight=False)


def backup(
    output: Path = typer.Option(..., "--output", "-o", help="The archive to write (.zip)."),
) -> None:
    """Write every table and stored file (event logs, evidence, uploads) to one archive."""
    summary = make_backup(STATE.context(), output)
    console.print(
        f"Backup written to {summary.path}: {sum(summary.rows.values()):,} rows in "
        f"{len(summary.rows)} tables, {summary.files:,} files (schema {summary.revision})."
    )


def restore(
    archive: Path = typer.Argument(..., help="An archive written by `produktlyft backup`."),
    replace: bool = typer.Option(
        False,
        "--replace",
        help="Delete the data the database and data folder hold and restore the backup in "
        "its place (without it, the target must be empty).",
    ),
) -> None:
    """Restore a backup into the database and data folder: checked whole first, then written
    in one transaction (all or nothing)."""
    summary = restore_backup(STATE.context(), archive, replace=replace)
    upgraded = f", then upgraded to {summary.upgraded_to}" if summary.upgraded_to else ""
    console.print(
        f"Restored {sum(summary.rows.values()):,} rows in {len(summary.rows)} tables and "
        f"{summary.files:,} files (schema {summary.revision}{upgraded})."
    )


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)
