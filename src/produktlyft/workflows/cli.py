"""`produktlyft workflows ...`: import event logs, analyse them, list them, map activities."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from produktlyft.kernel.cli.state import STATE
from produktlyft.kernel.errors import InvalidInput, Issue
from produktlyft.workflows.model import ColumnMapping, LogFilter
from produktlyft.workflows.model import Progress as ProgressCallback
from produktlyft.workflows.presenter import analysis_json, finding_title
from produktlyft.workflows.services.analysis import WorkflowAnalysis, analyse_event_log
from produktlyft.workflows.services.logs import (
    ImportOptions,
    delete_event_log,
    import_event_log,
    list_event_logs,
    map_activity,
)

console = Console(highlight=False, soft_wrap=True)
workflows = typer.Typer(
    help="Workflow analysis of case-handling event logs (XES, CSV, Parquet).", no_args_is_help=True
)


@contextmanager
def _progress(title: str) -> Iterator[ProgressCallback]:
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(title, total=1.0)

        def report(stage: str, fraction: float) -> None:
            bar.update(task, completed=fraction, description=f"{title}: {stage}")

        yield report


def _instant(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(
            [Issue(message=f"{option} {value!r} is not a date or ISO time")], "bad filter"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def import_(
    path: Path = typer.Argument(..., help="The event log: .xes, .xes.gz, .csv or .parquet."),
    name: str | None = typer.Option(
        None, "--name", help="Name to store it under (default: the file name)."
    ),
    case: str | None = typer.Option(None, "--case", help="Column holding the case id."),
    activity: str | None = typer.Option(None, "--activity", help="Column holding the activity."),
    timestamp: str | None = typer.Option(None, "--timestamp", help="Column holding the time."),
    resource: str | None = typer.Option(
        None, "--resource", help="Column holding the person or role (optional)."
    ),
    unit: str | None = typer.Option(
        None, "--unit", help="Column holding the organisational unit (optional)."
    ),
    lifecycle: str | None = typer.Option(
        None, "--lifecycle", help="Column holding the lifecycle transition (optional)."
    ),
    cost: str | None = typer.Option(None, "--cost", help="Column holding a cost (optional)."),
    timestamp_format: str | None = typer.Option(
        None,
        "--timestamp-format",
        help="strftime format, e.g. '%d/%m/%Y %H:%M', when the times are not ISO 8601.",
    ),
    timezone: str = typer.Option(
        "UTC",
        "--timezone",
        help="Time zone of timestamps that carry "
        "no offset, e.g. Europe/Stockholm. Timestamps with an offset "
        "are converted exactly.",
    ),
    skip_bad_rows: bool = typer.Option(
        False,
        "--skip-bad-rows",
        help="Import without the rows that cannot be parsed (they are counted and shown).",
    ),
) -> None:
    """Import an event log: parse, order by case and time, store as Parquet."""
    mapping = ColumnMapping(
        case, activity, timestamp, resource, unit, lifecycle, cost, timestamp_format, timezone
    )
    options = ImportOptions(name=name, mapping=mapping, skip_bad_rows=skip_bad_rows)
    with _progress(f"Importing {path.name}") as progress:
        info = import_event_log(STATE.context(), path, options, progress)
    first = info.first_event.date() if info.first_event else "?"
    last = info.last_event.date() if info.last_event else "?"
    console.print(
        f"Imported {info.name}: {info.events:,} events, {info.cases:,} cases, "
        f"{len(info.activities)} activities, {first} to {last}."
    )
    console.print("Columns: " + ", ".join(f"{k} <- {v}" for k, v in info.column_mapping.items()))
    console.print(f"Times: {info.timestamp_note}.")
    if info.dropped.get("total"):
        missing = ", ".join(
            f"{column}: {count:,}" for column, count in info.dropped["by_column"].items()
        )
        console.print(
            f"[yellow]Left out {info.dropped['total']:,} event(s) missing a case id, "
            f"activity or timestamp[/] ({missing}); e.g. (n-th event of the file):"
        )
        for example in info.dropped["examples"]:
            values = ", ".join(
                f"{key}={value if value is not None else '(missing)'}"
                for key, value in example.items()
                if key != "row"
            )
            console.print(f"  event {example.get('row')}: {values}")
    if info.bad_rows.get("total"):
        console.print(
            f"[yellow]Skipped {info.bad_rows['total']:,} row(s) that could not be "
            "parsed[/] (--skip-bad-rows); e.g.:"
        )
        for example in info.bad_rows["examples"]:
            console.print(f"  {example}")
    console.print(info.name)


def analyse(
    name: str = typer.Argument(..., help="The stored log's name (see `workflows list`)."),
    json_path: Path | None = typer.Option(
        None, "--json", help="Write every result to this JSON file."
    ),
    start: str | None = typer.Option(
        None, "--from", help="Time window start (ISO date/time; UTC unless it has an offset)."
    ),
    end: str | None = typer.Option(None, "--to", help="Time window end."),
    time_mode: str = typer.Option(
        "intersecting",
        "--time-mode",
        help="contained, intersecting, started (whole cases) or trim (events only).",
    ),
    variant: list[int] = typer.Option(
        [], "--variant", help="Keep cases of this variant number (repeatable)."
    ),
    top_variants: int | None = typer.Option(
        None, "--top-variants", help="Keep cases of the k most frequent variants."
    ),
    attribute: str | None = typer.Option(
        None, "--attribute", help="Filter on this column (e.g. unit, resource)."
    ),
    value: list[str] = typer.Option(
        [], "--value", help="Value of --attribute to keep (repeatable)."
    ),
    attribute_mode: str = typer.Option(
        "case",
        "--attribute-mode",
        help="case: keep cases with a matching event; event: keep matching events.",
    ),
    lang: str = typer.Option("sv", "--lang", help="Language of the findings: sv or en."),
    engine: str = typer.Option(
        "polars",
        "--engine",
        help="What computes the tables: polars (in memory), duckdb or spark (PySpark, locally "
        "or on the Spark cluster of PRODUKTLYFT_SPARK_REMOTE or PRODUKTLYFT_SPARK_MASTER). "
        "Same answer from each; duckdb and spark take no filters.",
    ),
) -> None:
    """Analyse a stored log: process map, variants, times, waiting, rework and findings."""
    if time_mode not in ("contained", "intersecting", "started", "trim"):
        raise typer.BadParameter(
            "choose contained, intersecting, started or trim", param_hint="--time-mode"
        )
    if attribute_mode not in ("case", "event"):
        raise typer.BadParameter("choose case or event", param_hint="--attribute-mode")
    log_filter = LogFilter(
        start=_instant(start, "--from"),
        end=_instant(end, "--to"),
        time_mode=time_mode,  # type: ignore[arg-type]  # checked against the choices above
        variants=tuple(variant),
        top_variants=top_variants,
        attribute=attribute,
        values=tuple(value),
        attribute_mode=attribute_mode,  # type: ignore[arg-type]  # checked above
    )
    with _progress(f"Analysing {name}") as progress:
        result = analyse_event_log(STATE.context(), name, log_filter, progress, engine=engine)
    print_analysis(result, lang)
    if json_path is not None:
        json_path.write_text(
            json.dumps(analysis_json(result, lang), ensure_ascii=False, default=str),
            encoding="utf-8",
        )
        console.print(f"Wrote {json_path}.")


def print_analysis(result: WorkflowAnalysis, lang: str) -> None:
    t = result.throughput
    console.print(
        f"{result.log.name}: {result.events:,} events, {result.cases:,} cases, "
        f"{result.variants.height:,} variants; throughput median "
        f"{t['median_days']:.1f} days, mean {t['mean_days']:.1f}, P90 "
        f"{t['p90_days']:.1f}."
    )
    table = Table(title="Findings" if lang == "en" else "Fynd")
    table.add_column("#", justify="right")
    table.add_column("finding" if lang == "en" else "fynd")
    table.add_column("citizen days/year" if lang == "en" else "medborgardagar/år", justify="right")
    table.add_column("examples" if lang == "en" else "exempel")
    for number, finding in enumerate(result.findings, 1):
        table.add_row(
            str(number),
            finding_title(finding, lang),
            f"{finding.citizen_days_per_year:,.0f}",
            ", ".join(finding.example_cases),
        )
    console.print(table)


def list_() -> None:
    """List the stored event logs."""
    table = Table(title="Event logs")
    for header in ("name", "events", "cases", "activities", "from", "to", "source"):
        table.add_column(
            header, justify="right" if header in ("events", "cases", "activities") else "left"
        )
    for info in list_event_logs(STATE.context()):
        table.add_row(
            info.name,
            f"{info.events:,}",
            f"{info.cases:,}",
            str(len(info.activities)),
            str(info.first_event.date() if info.first_event else ""),
            str(info.last_event.date() if info.last_event else ""),
            info.source_file,
        )
    console.print(table)


def map_(
    activity: str = typer.Argument(..., help="The activity name, as in the log."),
    system_id: str = typer.Argument(..., help="The id of the inventory system supporting it."),
    remove: bool = typer.Option(False, "--remove", help="Remove this link instead."),
) -> None:
    """Link an activity to the inventory system that supports it (for findings and ranking)."""
    links = map_activity(STATE.context(), activity, system_id, remove=remove)
    console.print(
        f"{'Removed' if remove else 'Linked'} «{activity}» {'from' if remove else 'to'} "
        f"{system_id}; {len(links)} link(s) in all."
    )


def delete(name: str = typer.Argument(..., help="The stored log's name.")) -> None:
    """Delete a stored event log and its file."""
    info = delete_event_log(STATE.context(), name)
    console.print(f"Deleted {info.name}.")


def register(app: typer.Typer) -> None:
    workflows.command("import")(import_)
    workflows.command()(analyse)
    workflows.command("list")(list_)
    workflows.command("map")(map_)
    workflows.command()(delete)
    app.add_typer(workflows, name="workflows")
