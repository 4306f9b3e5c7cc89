"""`produktlyft pilot …`: pre-register, amend, upload a series, list and evaluate pilots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from produktlyft.kernel.cli.state import STATE
from produktlyft.pilots.presenter import evaluation_json, finding_text, verdict_text
from produktlyft.pilots.service import (
    amend_pilot,
    evaluate_pilot,
    get_pilot,
    list_pilots,
    read_registration,
    register_pilot,
    upload_series,
)

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
pilot_app = typer.Typer(
    help="Pilots: pre-register a pilot and evaluate it credibly.", no_args_is_help=True
)


def _write(path: Path, document: Any) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _register(path: Path) -> None:
    pilot = register_pilot(STATE.context(), read_registration(path))
    notes.print(f"Registered pilot {pilot.id}: {pilot.plan.name}.")


@pilot_app.command("register")
def register_(
    path: Path = typer.Argument(..., help="A registration as YAML or JSON (see docs/pilots.md)."),
) -> None:
    """Pre-register a pilot from a file."""
    _register(path)


@pilot_app.command("create")
def create(
    path: Path = typer.Argument(..., help="A registration as YAML or JSON (see docs/pilots.md)."),
) -> None:
    """The same as `register`."""
    _register(path)


@pilot_app.command("amend")
def amend(
    path: Path = typer.Argument(..., help="The whole registration as YAML or JSON."),
    reason: str | None = typer.Option(
        None, "--reason", help="Why it changes (needed once the pilot has started)."
    ),
) -> None:
    """Change a registration; once the pilot has started the change is listed as an amendment."""
    pilot = amend_pilot(STATE.context(), read_registration(path), reason)
    notes.print(f"Pilot {pilot.id} now has {len(pilot.amendments)} amendment(s).")


@pilot_app.command("upload-series")
def upload(
    pilot_id: str = typer.Argument(..., help="The pilot's id."),
    path: Path = typer.Argument(..., help="CSV or .xlsx with the columns team, period, value."),
) -> None:
    """Upload the metric per team and period (for a metric the tool does not measure)."""
    count = upload_series(STATE.context(), pilot_id, path)
    notes.print(f"Stored {count} value(s) for pilot {pilot_id}.")


@pilot_app.command("list")
def list_(
    json_path: Path | None = typer.Option(None, "--json", help="Also write the list as JSON."),
) -> None:
    """The registered pilots."""
    pilots = list_pilots(STATE.context())
    for pilot in pilots:
        out.print(f"{pilot.id}\t{pilot.plan.name}\t{pilot.plan.post_start}")
    if json_path:
        _write(
            json_path,
            [{"id": p.id, "name": p.plan.name, "metric": p.plan.metric} for p in pilots],
        )


@pilot_app.command("evaluate")
def evaluate(
    pilot_id: str = typer.Argument(..., help="The pilot's id."),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the result as JSON."),
    lang: str = typer.Option("en", "--lang", help="Language of the wording: sv or en."),
) -> None:
    """Evaluate the pilot: method, effect with its 95 % interval, verdict and threats."""
    ctx = STATE.context()
    result = evaluate_pilot(ctx, pilot_id)
    pilot = get_pilot(ctx, pilot_id)
    document = evaluation_json(pilot, result, lang)
    out.print(f"{pilot.plan.name}: {verdict_text(result, lang)}")
    out.print(
        f"method {document['method']}, effect {document['effect']}, "
        f"95 % interval {document['ci_low']} to {document['ci_high']}"
    )
    for finding in (*result.reasons, *result.threats):
        out.print(f"  - {finding_text(finding, lang)}")
    if json_path:
        _write(json_path, document)


def register(app: typer.Typer) -> None:
    app.add_typer(pilot_app, name="pilot")
