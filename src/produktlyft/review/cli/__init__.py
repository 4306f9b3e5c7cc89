"""Commands of the review: review, attach, weights, eol and report; the duplicates commands
are in `duplicates`, the console and language check they share in `common`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from produktlyft.kernel.cli.state import STATE, the_report
from produktlyft.kernel.errors import ProduktlyftError
from produktlyft.review.cli.common import console, lang_option
from produktlyft.review.cli.duplicates import duplicates_app
from produktlyft.review.model import PROFILES

# The services and the presenter pull in polars, scikit-learn, SciPy and WeasyPrint; they are
# imported inside the commands so that `produktlyft --help` and the other commands start quickly.

attach_app = typer.Typer(
    help="Attach evidence to a system: an SBOM or a git repository.", no_args_is_help=True
)
weights_app = typer.Typer(help="Show or change the profile weights.", no_args_is_help=True)
eol_app = typer.Typer(
    help="The endoflife.date snapshot used for end-of-life facts.", no_args_is_help=True
)

STEPS = {
    "loading": "Reading the inventory",
    "end of life": "Matching end-of-life data",
    "facts": "Building the fact base",
    "scoring": "Scoring and ranking",
    "duplicates": "Looking for duplicates",
    "capabilities": "Summarising capabilities",
    "saving": "Saving the review",
}


@contextmanager
def progress_steps() -> Iterator[Any]:
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Starting", total=None)
        yield lambda step: progress.update(task, description=STEPS.get(step, step))


def review_command(
    profile: str = typer.Option(
        "custom", "--profile", "-p", help=f"Scoring profile: {', '.join(PROFILES)}."
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the results as JSON."),
    lang: str | None = typer.Option(None, "--lang", help="Language of reasons: sv or en."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Review as of this date (YYYY-MM-DD); default today."
    ),
    top: int = typer.Option(10, "--top", help="How many systems to show."),
    products: Path | None = typer.Option(
        None,
        "--products",
        help="A product catalogue (JSON, the shape of review/data/products.json) whose entries "
        "replace shipped ones of the same name and add new ones, for duplicate detection; "
        "default: the PRODUKTLYFT_PRODUCT_CATALOGUE setting.",
    ),
) -> None:
    """Run the review (genomlysning): facts, scores, ranking and duplicates, stored as a run."""
    if profile not in PROFILES:
        raise typer.BadParameter(f"choose one of {', '.join(PROFILES)}", param_hint="--profile")
    try:
        today = date.fromisoformat(as_of) if as_of else None
    except ValueError as error:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint="--as-of") from error
    from produktlyft.review.presenter.wording import system_reason
    from produktlyft.review.services.run import review_document, review_with_run

    ctx = STATE.context()
    with progress_steps() as step:
        run, outcome = review_with_run(
            ctx, profile, lang=lang_option(lang), today=today, progress=step, products=products
        )
    run_id = run.id
    table = Table(title=f"Where to start (profile {profile}, review {run_id})")
    for header in ("rank", "system", "score", "confidence", "reason"):
        table.add_column(header, justify="right" if header in ("rank", "score") else "left")
    for system in outcome.systems[:top]:
        table.add_row(
            str(system.rank),
            system.name,
            "–" if system.score is None else f"{system.score:.1f}",
            f"{system.confidence:.0%}",
            system_reason(system, run.lang, run.lang).text,
        )
    console.print(table)
    summary = outcome.summary
    console.print(
        f"{summary.systems} systems, data confidence "
        f"{summary.data_confidence:.0%}, {len(outcome.duplicates)} duplicate "
        f"pair(s) in {len(outcome.clusters)} cluster(s)."
    )
    statuses: dict[str, int] = {}
    for tech in outcome.technologies:
        statuses[tech.status] = statuses.get(tech.status, 0) + 1
    if outcome.technologies:
        console.print(
            f"Technology components: {len(outcome.technologies)}, matched to "
            f"endoflife.date {statuses.get('matched', 0)} (snapshot "
            f"{outcome.eol_snapshot}), past end of life "
            f"{sum(1 for t in outcome.technologies if t.eol_passed)}, unmatched "
            f"{len(outcome.technologies) - statuses.get('matched', 0)}."
        )
    if json_path is not None:
        document = review_document(run)
        json_path.write_text(
            json.dumps(document, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
        console.print(f"Results written to {json_path}.")


@attach_app.command("sbom")
def attach_sbom(
    system_id: str = typer.Argument(..., help="The system's id."),
    path: Path = typer.Argument(..., help="A CycloneDX SBOM, JSON or XML."),
) -> None:
    """Attach a CycloneDX SBOM: dependency count and libyear become evidence."""
    from produktlyft.review.services import evidence as evidence_service

    evidence = evidence_service.attach_sbom(STATE.context(), system_id, path)
    facts = evidence.facts
    console.print(
        f"Attached {path.name} to {system_id}: {facts['components']} components, "
        f"{facts['dated']} with release dates ({facts['coverage']:.0%}), "
        f"libyear {facts['libyear']:.1f} over the dated ones."
    )


@attach_app.command("repo")
def attach_repo(
    system_id: str = typer.Argument(..., help="The system's id."),
    location: str = typer.Argument(..., help="A local repository path or a clone URL."),
    window_days: int = typer.Option(365, "--window-days", help="Hotspot window in days."),
) -> None:
    """Measure a git repository: hotspots, top author's share and bus factor."""
    from produktlyft.review.services import evidence as evidence_service

    with progress_steps() as step:
        step("Reading the history and measuring complexity")
        evidence = evidence_service.attach_repo(STATE.context(), system_id, location, window_days)
    facts = evidence.facts
    share = facts["top_author_share"]
    console.print(
        f"Attached {location} to {system_id}: {facts['commits']} commits by "
        f"{facts['authors']} authors; {facts['commits_in_window']} in the window; "
        f"top author {'–' if share is None else f'{share:.0%}'} of changes; "
        f"bus factor {facts['bus_factor']}."
    )
    for hotspot in facts["hotspots"][:5]:
        console.print(
            f"  hotspot {hotspot['path']}: {hotspot['revisions']} changes × "
            f"complexity {hotspot['complexity']:.0f}"
        )


@weights_app.command("show")
def show_weights() -> None:
    """Show the weights in force (defaults overlaid with this organisation's changes)."""
    from produktlyft.review.services import weights as weight_service

    for profile, values in weight_service.show_weights(STATE.context()).items():
        table = Table(title=f"{profile} weights")
        table.add_column("indicator")
        table.add_column("weight", justify="right")
        for indicator, weight in values.items():
            table.add_row(indicator, f"{weight:g}")
        console.print(table)


@weights_app.command("set")
def set_weights(
    assignments: list[str] = typer.Argument(
        None, help="profile.indicator=weight, e.g. custom.lifecycle_risk=4 impact.cost=2"
    ),
    file: Path | None = typer.Option(
        None, "--file", "-f", help="A YAML or JSON file {custom: {...}, impact: {...}}."
    ),
) -> None:
    """Change weights from a file or from assignments; unnamed weights keep their value."""
    from produktlyft.review.services import weights as weight_service

    changes: dict[str, dict[str, Any]] = {}
    source = "command line"
    if file is not None:
        changes = weight_service.read_weights_file(file)
        source = str(file)
    for item in assignments or []:
        key, _, value = item.partition("=")
        profile, _, indicator = key.partition(".")
        try:
            weight: Any = float(value)
        except ValueError:
            weight = value
        if not indicator:
            raise ProduktlyftError(f"'{item}' is not profile.indicator=weight")
        changes.setdefault(profile, {})[indicator] = weight
    if not changes:
        raise ProduktlyftError("nothing to set: give --file or profile.indicator=weight")
    weight_service.set_weights(STATE.context(), changes, source)
    console.print("Weights saved; the next review uses them.")
    show_weights()


@weights_app.command("reset")
def reset_weights(profile: str = typer.Argument(..., help="custom or impact.")) -> None:
    """Go back to the default weights of one profile."""
    from produktlyft.review.services import weights as weight_service

    weight_service.reset_weights(STATE.context(), profile)
    console.print(f"{profile} weights reset to the defaults.")


@eol_app.command("update")
def eol_update(
    from_path: Path | None = typer.Option(
        None, "--from", help="A local copy of the endoflife.date release-data folder."
    ),
    url: str | None = typer.Option(None, "--url", help="A .zip or .tar.gz of release-data."),
    snapshot_date: str | None = typer.Option(
        None, "--date", help="Date the data was taken (YYYY-MM-DD); default today."
    ),
) -> None:
    """Refresh the end-of-life data; the shipped snapshot stays as the fallback."""
    from produktlyft.review.services import endoflife as eol_service

    when = date.fromisoformat(snapshot_date) if snapshot_date else None
    info = eol_service.update_snapshot(
        STATE.context(), from_path=from_path, url=url, snapshot_date=when
    )
    console.print(
        f"End-of-life data: {info.products} products, snapshot {info.snapshot_date}, "
        f"in {info.folder}."
    )


@eol_app.command("show")
def eol_show() -> None:
    """Which end-of-life snapshot the review uses."""
    from produktlyft.review.services import endoflife as eol_service

    info = eol_service.snapshot_info(STATE.context())
    kind = "shipped with produktlyft" if info.shipped else "refreshed copy"
    console.print(
        f"{info.products} products, snapshot {info.snapshot_date} ({kind}), "
        f"{info.folder}. Data: endoflife.date, MIT licence."
    )


def report_command(
    lang: str = typer.Option("sv", "--lang", help="sv or en."),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="html or pdf; by default each file's suffix decides (.html or .htm: html, else pdf).",
    ),
    outputs: list[Path] = typer.Option(
        ...,
        "--output",
        "-o",
        help="Where to write the report; give it twice for a PDF and its HTML.",
    ),
) -> None:
    """Write the leadership report from the latest review (running one if there is none)."""
    from produktlyft.kernel.report.build import format_of

    if fmt is not None and fmt not in ("html", "pdf"):
        raise typer.BadParameter("choose html or pdf", param_hint="--format")
    with progress_steps() as step:
        written = the_report().write_many(
            STATE.context(),
            [(o, fmt or format_of(o)) for o in outputs],
            lang=lang_option(lang) or "sv",
            progress=step,
        )
    for output in written:
        console.print(f"Report written to {output}.")


def register(app: typer.Typer) -> None:
    app.command("review")(review_command)
    app.add_typer(attach_app, name="attach")
    app.add_typer(duplicates_app, name="duplicates")
    app.add_typer(weights_app, name="weights")
    app.add_typer(eol_app, name="eol")
    app.command("report")(report_command)
