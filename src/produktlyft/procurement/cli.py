"""`produktlyft procurement …` (contract slices checked against the rules) and
`produktlyft forecast …` (when a team's items will be done)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.kernel.cli.state import STATE
from produktlyft.procurement.model import BuyerType, Result
from produktlyft.procurement.presenter import (
    checks_json,
    forecast_json,
    forecast_warning,
    outline_document,
    register_json,
)
from produktlyft.procurement.service import (
    check_file,
    checked_slices,
    contract_register,
    draft_slices,
    forecast_file,
    get_slice,
    import_terms,
    save_slices_file,
)

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
procurement_app = typer.Typer(
    help="Contract slices checked against the procurement rules, with a route for each.",
    no_args_is_help=True,
)
RULES_HELP = "Your own rule pack (JSON); its parameters replace the shipped ones."
COLOURS = {"pass": "green", "warn": "yellow", "fail": "red"}


def _write_json(path: Path, document: Any) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _show(document: list[dict[str, Any]]) -> None:
    for item in document:
        colour = COLOURS[item["verdict"]]
        out.print(f"[bold]{item['slice']}[/] [{colour}]{item['verdict']}[/]")
        for check in item["checks"]:
            if check["result"] != "pass":
                out.print(
                    f"  [{COLOURS[check['result']]}]{check['result']}[/] {check['rule']}: "
                    f"{check['reason']}"
                )
        out.print(f"  route: {item['route']} ({item['route_reason']})")


@procurement_app.command()
def check(
    path: Path = typer.Argument(..., help="Slices as .csv, .xlsx or .json (see docs)."),
    json_path: Path | None = typer.Option(None, "--json", help="Write the checklist as JSON."),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
) -> None:
    """Check every slice of a file against the rules (nothing is stored)."""
    document = checks_json(check_file(STATE.context(), path, rules))
    _show(document)
    if json_path:
        _write_json(json_path, document)


@procurement_app.command()
def save(path: Path = typer.Argument(..., help="Slices as .csv, .xlsx or .json.")) -> None:
    """Keep the slices of a file (all or none; a slice of the same name is replaced)."""
    slices = save_slices_file(STATE.context(), path)
    notes.print(f"Saved {len(slices)} slice(s) from {path.name}.")


@procurement_app.command("list")
def list_(
    json_path: Path | None = typer.Option(None, "--json", help="Write the checklist as JSON."),
    rules: Path | None = typer.Option(None, "--rules", help=RULES_HELP),
) -> None:
    """The saved slices and their checks."""
    results = checked_slices(STATE.context(), rules=rules)
    table = Table(title="Contract slices")
    for header in ("slice", "need", "start", "end", "pass", "warn", "fail", "route"):
        table.add_column(header)
    for checked in results:
        s = checked.slice
        table.add_row(
            s.slice,
            s.need,
            str(s.start),
            str(s.end),
            *(str(checked.count(r)) for r in Result),
            checked.route.route.value,
        )
    out.print(table)
    if json_path:
        _write_json(json_path, checks_json(results))


@procurement_app.command()
def draft(
    phase: str = typer.Argument(..., help="The roadmap phase's id, such as 2027-Q1."),
    buyer_type: str = typer.Option("central", "--buyer-type", help="central or sub-central."),
) -> None:
    """Draft and save slices for a roadmap phase: one per team-run of each bought initiative."""
    try:
        buyer = BuyerType.parse(buyer_type)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    slices = draft_slices(STATE.context(), phase, buyer_type=buyer)
    notes.print(f"Drafted {len(slices)} slice(s) for phase {phase}.")


@procurement_app.command()
def export(
    name: str = typer.Argument(..., help="The saved slice's name."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the .docx."),
    lang: str = typer.Option("sv", "--lang", help="sv or en."),
) -> None:
    """The slice as a requirements outline (Word)."""
    checked = get_slice(STATE.context(), name)
    output.write_bytes(outline_document(checked, "en" if lang == "en" else "sv"))
    notes.print(f"Wrote {output}.")


terms_app = typer.Typer(
    help="The contract register's procurement fields, per inventory contract.",
    no_args_is_help=True,
)
procurement_app.add_typer(terms_app, name="terms")


@terms_app.command("import")
def terms_import(
    path: Path = typer.Argument(
        ...,
        help="CSV or .xlsx: contract_id, options_value_sek, extension_months, notice_months, "
        "exit_clause, data_return_format, code_ownership, systems, route.",
    ),
) -> None:
    """Record options, notice, exit, data format, code ownership, systems and route per contract."""
    count = import_terms(STATE.context(), path)
    notes.print(f"Recorded the procurement fields of {count} contract(s).")


@procurement_app.command("register")
def register_command(
    json_path: Path | None = typer.Option(None, "--json", help="Write the register as JSON."),
) -> None:
    """The contract register: the inventory's contracts with procurement's fields."""
    entries = contract_register(STATE.context())
    document = register_json(entries)
    table = Table(title="Contract register")
    for header in (
        "contract",
        "supplier",
        "value",
        "end",
        "notice",
        "exit",
        "data",
        "code",
        "route",
    ):
        table.add_column(header)
    for row in document:
        table.add_row(
            *(
                str(row[key] if row[key] is not None else "–")
                for key in (
                    "contract_id",
                    "supplier",
                    "value_sek",
                    "end",
                    "notice_months",
                    "exit_clause",
                    "data_return_format",
                    "code_ownership",
                    "route",
                )
            )
        )
    out.print(table)
    if json_path:
        _write_json(json_path, document)


def forecast(
    path: Path = typer.Argument(..., help="CSV with one row per finished item."),
    items: int = typer.Option(..., "--items", min=1, help="How many items are left to do."),
    date_column: str | None = typer.Option(
        None, "--date-column", help="The column with the finishing date (default: finished)."
    ),
    by: str | None = typer.Option(None, "--by", help="Also: how many by this date (YYYY-MM-DD)."),
    start: str | None = typer.Option(
        None, "--start", help="The first day to forecast (default: the day after the history)."
    ),
    seed: int = typer.Option(20260101, "--seed", help="Seed of the random draws."),
    trials: int = typer.Option(10_000, "--trials", min=100, help="Number of simulated futures."),
    json_path: Path | None = typer.Option(None, "--json", help="Write the forecast as JSON."),
) -> None:
    """When N items will be done (P50/P85/P95), from the team's own throughput."""
    try:
        by_day = date.fromisoformat(by) if by else None
        start_day = date.fromisoformat(start) if start else None
    except ValueError as error:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {error}") from None
    result = forecast_file(
        STATE.context(),
        path,
        items,
        date_column=date_column,
        by=by_day,
        start=start_day,
        trials=trials,
        seed=seed,
    )
    out.print(
        f"{items} items from {result.start}: P50 {result.p50}, P85 {result.p85}, "
        f"P95 {result.p95} ({result.data_points} days of history)."
    )
    if result.by is not None:
        out.print(
            f"By {result.by}: P50 {result.count_p50}, P85 {result.count_p85}, "
            f"P95 {result.count_p95} items."
        )
    if result.backtest_p85_hit_rate is not None:
        out.print(
            f"Back-test: P85 met {result.backtest_p85_hit_rate:.0%} of "
            f"{result.backtest_points} times."
        )
    warning = forecast_warning(result, "en")
    if warning:
        notes.print(f"[yellow]warning[/] {warning}")
    if json_path:
        _write_json(json_path, forecast_json(result))


def register(app: typer.Typer) -> None:
    app.add_typer(procurement_app, name="procurement")
    app.command("forecast")(forecast)
