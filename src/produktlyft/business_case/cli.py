"""`produktlyft case …`: draft, show, export and list business cases."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from produktlyft.business_case.presenter import case_json, headline, switching_rows
from produktlyft.business_case.service import (
    case_analysis,
    create_case,
    export_case,
    list_cases,
    update_benefit,
)
from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import InvalidInput, Issue

out = Console(highlight=False, soft_wrap=True)
notes = Console(highlight=False, stderr=True, soft_wrap=True)
case_app = typer.Typer(
    help="Business cases: the five-case model with discounting, optimism bias and Monte Carlo.",
    no_args_is_help=True,
)
FORMATS = ("docx", "xlsx")


@case_app.command("create")
def create(
    initiative: str | None = typer.Option(
        None, "--initiative", help="The roadmap initiative's id."
    ),
    phase: str | None = typer.Option(
        None, "--phase", help="Or a phase of the latest plan (its initiatives together)."
    ),
    pack: str = typer.Option("se", "--pack", help="Country pack: se, dk or uk."),
    price_base_year: int | None = typer.Option(
        None, "--price-base-year", help="Year of the real prices (default: this year)."
    ),
    lang: str = typer.Option("sv", "--lang", help="Language of the drafted text: sv or en."),
) -> None:
    """Draft a case for an initiative (or a phase) from the review, workflow and culture
    findings."""
    case = create_case(
        STATE.context(),
        initiative,
        phase_id=phase,
        country_pack=pack,
        price_base_year=price_base_year,
        lang=lang,
    )
    out.print(case.id)
    notes.print(f"Drafted business case {case.id} for {case.subject_kind.en} {case.subject_id}.")


@case_app.command("show")
def show(
    case_id: str = typer.Argument(..., help="The case's id."),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the figures as JSON."),
    lang: str = typer.Option("en", "--lang", help="Language: sv or en."),
) -> None:
    """NPV, BCR, payback, the Monte Carlo percentiles and switching values."""
    result = case_analysis(STATE.context(), case_id)
    table = Table(title=f"{result.case.name} ({result.case.id})")
    table.add_column("")
    table.add_column("", justify="right")
    for label, value in headline(result, lang):
        table.add_row(label, value)
    for name, value in switching_rows(result, lang):
        table.add_row(f"switching value: {name}", value)
    out.print(table)
    if json_path:
        json_path.write_text(
            json.dumps(case_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


@case_app.command("export")
def export(
    case_id: str = typer.Argument(..., help="The case's id."),
    fmt: str = typer.Option(..., "--format", help="docx (Word) or xlsx (Excel with formulas)."),
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
    lang: str = typer.Option("sv", "--lang", help="Language: sv or en."),
) -> None:
    """Write the case as Word (five cases) or Excel (live formulas)."""
    if fmt not in FORMATS:
        raise InvalidInput(
            [Issue(message=f"'{fmt}' is not a format; use docx or xlsx", column="--format")]
        )
    export_case(STATE.context(), case_id, fmt, output, lang)
    notes.print(f"Wrote {output}.")


@case_app.command("list")
def list_() -> None:
    """Every business case, one a line: id, pack, price base year, subject and name."""
    for case in list_cases(STATE.context()):
        out.print(
            f"{case.id}\t{case.country_pack}\t{case.price_base_year}\t"
            f"{case.subject_kind.value}:{case.subject_id}\t{case.name}",
            markup=False,
        )


@case_app.command("benefit")
def benefit(
    case_id: str = typer.Argument(..., help="The case's id."),
    which: str = typer.Argument(
        ..., metavar="BENEFIT", help="The benefit's number (1, 2, …) or name."
    ),
    owner: str | None = typer.Option(None, "--owner", help="Who answers for the benefit."),
    measure: str | None = typer.Option(None, "--measure", help="What is measured."),
    baseline: str | None = typer.Option(None, "--baseline", help="Where the measure starts."),
    target: str | None = typer.Option(None, "--target", help="The value it should reach."),
    unit: str | None = typer.Option(None, "--unit", help="The measure's unit."),
    due: str | None = typer.Option(None, "--due", help="By when (2027-12-31)."),
    metric: str | None = typer.Option(
        None,
        "--metric",
        help="The measure the outcomes area follows it on: kpi:<service>:<kpi> or "
        "team:<team>:<metric>.",
    ),
) -> None:
    """Fill in a benefit's owner, measure, baseline, target, unit, due date or bound measure
    (an empty value clears a field; fields not given stay as they are)."""
    given = {
        "owner": owner,
        "measure": measure,
        "baseline": baseline,
        "target": target,
        "unit": unit,
        "due": due,
        "metric": metric,
    }
    fields = {name: value for name, value in given.items() if value is not None}
    changed = update_benefit(STATE.context(), case_id, which, fields)
    notes.print(f"Saved the benefit «{changed.name}» of {case_id}.", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")
