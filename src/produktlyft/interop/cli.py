"""`produktlyft interop`: coverage, silo risk, disposition and cloud check per system."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.interop.presenter.export import systems_json
from produktlyft.interop.presenter.words import reason_text
from produktlyft.interop.service import (
    cloud_suitability,
    load_rules,
    system_dispositions,
    system_interop,
)
from produktlyft.kernel.cli.state import STATE

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
SHOWN = 20


def interop(
    json_path: Path | None = typer.Option(
        None, "--json", help="Write every system's coverage, silo risk and reasons as JSON."
    ),
    rules_path: Path | None = typer.Option(
        None,
        "--rules",
        help="Your own cloud-suitability rule table (JSON, as interop/data/cloud_rules.json).",
    ),
    lang: str = typer.Option("en", "--lang", help="Language of the reasons' text: en or sv."),
) -> None:
    """Open-standard coverage and silo risk per system, with its suggested disposition and
    what a cloud move would require (assessment support, not legal advice)."""
    if lang not in ("en", "sv"):
        raise typer.BadParameter("choose en or sv", param_hint="--lang")
    ctx = STATE.context()
    rules = load_rules(rules_path)
    systems = system_interop(ctx)
    cloud = {c.system_id: c for c in cloud_suitability(ctx, rules)}
    advice = {a.system_id: a for a in system_dispositions(ctx, rules=rules)}
    table = Table(title=f"Silo risk, highest first ({min(SHOWN, len(systems))} of {len(systems)})")
    for header in ("system", "open share", "silo risk", "disposition", "cloud", "why"):
        table.add_column(header)
    for system in sorted(systems, key=lambda s: (-s.silo_risk, s.id))[:SHOWN]:
        share = system.open_standard_share
        table.add_row(
            system.name,
            "–" if share is None else f"{share:.0%}",
            f"{system.silo_risk:.0%}",
            advice[system.id].disposition.en if system.id in advice else "",
            cloud[system.id].requirement.value if system.id in cloud else "",
            " ".join(reason_text(r, "en") for r in system.reasons[:2]),
        )
    out.print(table)
    if json_path:
        document = systems_json(systems, advice, cloud, rules, lang)
        json_path.write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        notes.print(f"Wrote {len(systems)} systems to {json_path}.")


def register(app: typer.Typer) -> None:
    app.command("interop")(interop)
