"""Commands for the inventory: init, template, import, export and summary."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.inventory.model import ENTITY_TYPES
from produktlyft.inventory.services.export import (
    EXPORT_FORMATS,
    TEMPLATE_FORMATS,
    export_inventory,
    write_template,
)
from produktlyft.inventory.services.imports import ImportReport, import_files
from produktlyft.inventory.services.summary import InventorySummary, summarise_inventory
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.db.open import initialise_database

console = Console(highlight=False)


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"choose one of {', '.join(choices)}", param_hint=option)
    return value


def init() -> None:
    """Create the database, or upgrade it to the newest schema."""
    ctx = STATE.context()
    before, after = initialise_database(ctx)
    state = (
        "created"
        if before is None
        else ("already up to date" if before == after else f"upgraded from {before}")
    )
    console.print(f"Database {ctx.database.display_url}: {state} (schema {after}).")


def template(
    fmt: str = typer.Option("xlsx", "--format", "-f", help="xlsx, or csv (a folder or .zip)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the template."),
    lang: str = typer.Option("sv", "--lang", help="Header language: sv or en."),
) -> None:
    """Write the empty import template, one sheet (or CSV file) per entity."""
    write_template(
        _choice(fmt, TEMPLATE_FORMATS, "--format"), output, _choice(lang, ("sv", "en"), "--lang")
    )
    console.print(f"Template written to {output}.")


def import_(
    paths: list[Path] = typer.Argument(
        ...,
        help="Files or folders: .xlsx, .csv, ArchiMate "
        ".xml/.archimate, Backstage .yaml, or our JSON export.",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Validate and show what would change; write nothing."
    ),
    prune: bool = typer.Option(
        False,
        "--prune",
        help="Delete records an earlier import of the "
        "same file brought but this one no longer has.",
    ),
) -> None:
    """Validate files, then import them in one transaction (all or nothing)."""
    report = import_files(STATE.context(), paths, dry_run=dry_run, prune=prune)
    print_import_report(report)


def print_import_report(report: ImportReport) -> None:
    for name, fmt in report.sources:
        skipped = report.skipped.get(name)
        note = ""
        if skipped:
            note = "; skipped " + ", ".join(
                f"{count} {kind}" for kind, count in sorted(skipped.items())
            )
        console.print(f"Read {name} ({fmt}){note}.")
    table = Table(title="Dry run: nothing was written" if report.dry_run else "Imported")
    for header in ("entity", "created", "updated", "unchanged", "removed from source"):
        table.add_column(header, justify="left" if header == "entity" else "right")
    for entity, counts in report.counts.items():
        table.add_row(
            entity,
            str(counts.created),
            str(counts.updated),
            str(counts.unchanged),
            str(counts.removed_from_source),
        )
    console.print(table)
    if report.dry_run:
        _print_preview(report)
    if report.warnings:
        console.print(f"[yellow]{len(report.warnings)} warning(s):[/]")
        for warning in report.warnings:
            console.print(f"  [yellow]warning[/] {warning}")
    removed = sum(c.removed_from_source for c in report.counts.values())
    if removed and not report.pruned:
        console.print(
            f"{removed} record(s) are no longer in their source file; they were kept. "
            "Import again with --prune to delete them."
        )


CLI_PREVIEW_LIMIT = 20  # records listed per kind of record and change on the terminal


def _value(value: object) -> str:
    if value is None or value in ("", []):
        return "(empty)"
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _print_preview(report: ImportReport) -> None:
    """Which records a dry run would create, change (old → new) and no longer has."""
    for entity, counts in report.counts.items():
        for heading, records, total in (
            ("new", counts.created_records, counts.created),
            ("changed", counts.updated_records, counts.updated),
            ("no longer in the file", counts.removed_records, counts.removed_from_source),
        ):
            if not total:
                continue
            console.print(f"{entity}, {heading} ({total}):", markup=False)
            for record in records[:CLI_PREVIEW_LIMIT]:
                named = f"{record.id} {record.name}" if record.name else record.id
                console.print(f"  {named}", markup=False, highlight=False)
                for change in record.fields:
                    console.print(
                        f"    {change.field}: {_value(change.before)} → {_value(change.after)}",
                        markup=False,
                        highlight=False,
                    )
            if total > min(len(records), CLI_PREVIEW_LIMIT):
                console.print(f"  … and {total - min(len(records), CLI_PREVIEW_LIMIT)} more")


def export(
    fmt: str = typer.Option(..., "--format", "-f", help="xlsx, csv, archimate or json."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the export."),
    lang: str = typer.Option("sv", "--lang", help="Language of headers and labels: sv or en."),
) -> None:
    """Export the whole inventory."""
    inventory = export_inventory(
        STATE.context(),
        _choice(fmt, EXPORT_FORMATS, "--format"),
        output,
        _choice(lang, ("sv", "en"), "--lang"),
    )
    counts = ", ".join(f"{n} {entity}" for entity, n in inventory.count().items())
    console.print(f"Exported {counts} to {output}.")


def summary() -> None:
    """Show what the inventory holds, what it costs and how complete it is."""
    print_summary(summarise_inventory(STATE.context()))


def print_summary(result: InventorySummary) -> None:
    table = Table(title="Inventory")
    table.add_column("entity")
    table.add_column("records", justify="right")
    for entity in ENTITY_TYPES:
        table.add_row(entity, f"{result.counts.get(entity, 0):,}")
    console.print(table)
    console.print(f"Annual cost of the systems: {result.annual_cost:,.0f} SEK")
    quality = result.quality
    if quality.completeness is not None:
        console.print(
            f"Data completeness: {quality.completeness:.0%} "
            f"({quality.complete} of {quality.systems} systems have a system owner, "
            "criticality, lifecycle and cost)"
        )
    for fact, count in sorted(quality.missing.items()):
        console.print(
            f"  missing {fact}: {count} systems (e.g. {', '.join(quality.examples.get(fact, []))})"
        )


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(template)
    app.command("import")(import_)
    app.command()(export)
    app.command()(summary)
